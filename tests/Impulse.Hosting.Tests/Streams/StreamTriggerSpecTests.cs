using System.Text.Json;
using Impulse.Hosting.Streams;

namespace Impulse.Hosting.Tests.Streams;

/// <summary>Reading stream triggers from the manifest.</summary>
public sealed class StreamTriggerSpecTests
{
    private static bool TryRead(string source, string settings, out StreamTriggerSpec spec)
    {
        using var trigger = JsonDocument.Parse($$"""{"kind":"pull","source":"{{source}}","expression":"s","settings":{{settings}}}""");
        return StreamTriggerSpec.TryRead(source, "s", trigger.RootElement, "f", out spec);
    }

    [Fact]
    public void DynamoDbStream_WithEverySetting_ReadsThemAll()
    {
        Assert.True(TryRead("dynamoDbStream", """{"batchSize":50,"maxBatchingWindowSeconds":2,"maxRetryAttempts":-1,"deadLetterQueue":"dlq","bisectBatchOnFunctionError":true,"startingPosition":"LATEST"}""", out var spec));

        Assert.Equal(new StreamTriggerSpec(StreamKind.DynamoDb, "s", 50, 2, -1, "dlq", true, true), spec);
    }

    [Fact]
    public void Stream_WithNoSettings_TakesLambdasDefaults()
    {
        Assert.True(TryRead("stream", "{}", out var spec));

        Assert.Equal(new StreamTriggerSpec(StreamKind.Kinesis, "s", 100, 0, -1, null, false, false), spec);
    }

    [Fact]
    public void QueueTrigger_IsNotAStream()
    {
        Assert.False(TryRead("queue", "{}", out _));
    }

    [Fact]
    public void UnknownStartingPosition_FailsNamingTheFunctionAndTheValue()
    {
        var error = Assert.Throws<InvalidOperationException>(() => TryRead("stream", """{"startingPosition":"AT_TIMESTAMP"}""", out _));

        Assert.Equal("Function 'f' reads stream 's' from StartingPosition 'AT_TIMESTAMP'; the local host supports 'TRIM_HORIZON' and 'LATEST'.", error.Message);
    }
}
