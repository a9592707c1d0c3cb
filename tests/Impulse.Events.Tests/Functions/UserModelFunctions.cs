using Impulse.Events.Tests.Models;

namespace Impulse.Events.Tests.Functions;

/// <summary>Functions over the test project's own event type, and emitters that run only the generated writers.</summary>
public static class UserModelFunctions
{
    public const string Echo = "user-model";
    public const string Emit = "user-model-emit";
    public const string EmitSqs = "sqs-emit";
    public const string EmitKinesis = "kinesis-emit";
    public const string EmitDynamoDb = "dynamodb-emit";

    [Function(Echo)]
    public static UserModel EchoUserModel(UserModel model) => Received.Store(model);

    // Emitters take no event: they return what the test put in the outbox, so the result is exactly write(x).
    [Function(Emit)]
    public static UserModel EmitUserModel() => Outbox.Take<UserModel>();

    [Function(EmitSqs)]
    public static SqsEvent EmitSqsEvent() => Outbox.Take<SqsEvent>();

    [Function(EmitKinesis)]
    public static KinesisEvent EmitKinesisEvent() => Outbox.Take<KinesisEvent>();

    [Function(EmitDynamoDb)]
    public static DynamoDbEvent EmitDynamoDbEvent() => Outbox.Take<DynamoDbEvent>();
}
