using CsCheck;
using Impulse.Events.Tests.Arbitrary;
using Impulse.Events.Tests.Functions;
using Impulse.Events.Tests.Infrastructure;
using Impulse.Events.Tests.Models;

namespace Impulse.Events.Tests;

/// <summary>
/// Thousands of random values per type through the generated writer and reader: read(write(x)) equals x.
/// CsCheck picks a new seed each run and, on a failure, shrinks the value and prints the seed to replay
/// (<c>CsCheck_Seed=… dotnet test</c>).
/// </summary>
public sealed class RoundTripPropertyTests : IDisposable
{
    private const int Iterations = 1500;

    private readonly Invocations _invocations = new();

    [Fact]
    public void UserModel_WrittenThenRead_EqualsTheOriginal() =>
        UserModelGen.Model.Sample(
            model => RoundTrip.Assert(_invocations, UserModelFunctions.Emit, UserModelFunctions.Echo, model),
            iter: Iterations, print: Show);

    [Fact]
    public void SqsEvent_WrittenThenRead_EqualsTheOriginal() =>
        EventGen.Sqs.Sample(
            e => RoundTrip.Assert(_invocations, UserModelFunctions.EmitSqs, EventFunctions.Names.Sqs, e),
            iter: Iterations, print: Show);

    [Fact]
    public void KinesisEvent_WrittenThenRead_EqualsTheOriginal() =>
        EventGen.Kinesis.Sample(
            e => RoundTrip.Assert(_invocations, UserModelFunctions.EmitKinesis, EventFunctions.Names.Kinesis, e),
            iter: Iterations, print: Show);

    [Fact]
    public void DynamoDbEventWithNestedAttributeValues_WrittenThenRead_EqualsTheOriginal() =>
        EventGen.DynamoDb.Sample(
            e => RoundTrip.Assert(_invocations, UserModelFunctions.EmitDynamoDb, EventFunctions.Names.DynamoDb, e),
            iter: Iterations, print: Show);

    public void Dispose() => _invocations.Dispose();

    /// <summary>How CsCheck shows a failing value: its JSON, from reflection-based System.Text.Json, not the code under test.</summary>
    private static string Show<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value, Samples.Strict);
}
