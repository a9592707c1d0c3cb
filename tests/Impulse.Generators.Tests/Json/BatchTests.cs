using System.Text.Json;
using Impulse.Testing;

namespace Impulse.Generators.Tests.Json;

/// <summary>Pull-trigger handlers that take one message: one call per record, failures reported per item.</summary>
public sealed class BatchTests : IClassFixture<BatchTests.Fixture>
{
    private const string Source = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Impulse;
        using Impulse.Events;

        namespace Shipping;

        public sealed record Parcel(string Id, int Weight);

        public static class Seen
        {
            public static readonly List<string> Calls = new();
        }

        public static class Functions
        {
            [Function("ship")]
            [PullTrigger(PullSource.Queue, "parcels")]
            public static async Task Ship(Parcel parcel, CancellationToken cancel)
            {
                await Task.Yield();
                if (parcel.Weight > 100) throw new InvalidOperationException("too heavy");
                lock (Seen.Calls) Seen.Calls.Add("ship:" + parcel.Id);
            }

            [Function("note")]
            [PullTrigger(PullSource.Queue, "notes")]
            public static void Note(string text) { lock (Seen.Calls) Seen.Calls.Add("note:" + text); }

            [Function("track")]
            [PullTrigger(PullSource.Stream, "positions")]
            public static void Track(Parcel parcel)
            {
                if (parcel.Weight < 0) throw new ArgumentException("negative");
                lock (Seen.Calls) Seen.Calls.Add("track:" + parcel.Id);
            }

            [Function("whole")]
            [PullTrigger(PullSource.Queue, "parcels")]
            public static int Whole(SqsEvent batch) => batch.Records.Count;
        }
        """;

    private readonly Fixture _fixture;

    public BatchTests(Fixture fixture) => _fixture = fixture;

    public sealed class Fixture : IDisposable
    {
        public Fixture()
        {
            var run = GeneratorRun.Of(Source);
            App = LoadedApp.Application(run.Output);
            Host = new FunctionTestHost(App);
        }

        public Impulse.Dispatch.FunctionApplication App { get; }
        public FunctionTestHost Host { get; }
        public List<string> Calls => (List<string>)LoadedApp.StaticField(App, "Shipping.Seen", "Calls")!;
        public void Dispose() => Host.Dispose();
    }

    private static string Sqs(params (string Id, string Body)[] messages) => JsonSerializer.Serialize(new
    {
        Records = messages.Select(m => new { messageId = m.Id, receiptHandle = "r", body = m.Body, eventSource = "aws:sqs" }),
    });

    private static string Kinesis(params (string Sequence, string Data)[] records) => JsonSerializer.Serialize(new
    {
        Records = records.Select(r => new
        {
            kinesis = new { partitionKey = "k", sequenceNumber = r.Sequence, data = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(r.Data)) },
            eventSource = "aws:kinesis",
        }),
    });

    private List<string> Calls(string prefix)
    {
        lock (_fixture.Calls)
            return _fixture.Calls.Where(c => c.StartsWith(prefix, StringComparison.Ordinal)).ToList();
    }

    [Fact]
    public async Task Queue_WithSomeBadMessages_CallsHandlerPerGoodMessageAndReportsTheRest()
    {
        var payload = Sqs(("m1", """{"Id":"p1","Weight":1}"""), ("m2", """{"Id":"p2","Weight":500}"""), ("m3", "not json"), ("m4", """{"Id":"p4","Weight":4}"""));

        var invocation = await _fixture.Host.InvokeAsync("ship", payload);

        Assert.True(invocation.Succeeded, invocation.ErrorMessage);
        Assert.Equal("""{"batchItemFailures":[{"itemIdentifier":"m2"},{"itemIdentifier":"m3"}]}""", invocation.ResultJson);
        Assert.Contains("ship:p1", Calls("ship:"));
        Assert.Contains("ship:p4", Calls("ship:"));
        Assert.DoesNotContain("ship:p2", Calls("ship:"));
        Assert.Contains(_fixture.Host.LogLines, l => l.Contains("\"itemIdentifier\":\"m3\"") && l.Contains("EventReadException"));
    }

    [Fact]
    public async Task Queue_AllGood_ReportsNoFailures()
    {
        var invocation = await _fixture.Host.InvokeAsync("ship", Sqs(("a", """{"Id":"ok","Weight":2}""")));

        Assert.Equal("""{"batchItemFailures":[]}""", invocation.ResultJson);
    }

    [Fact]
    public async Task Queue_StringHandler_GetsTheRawBody()
    {
        await _fixture.Host.InvokeAsync("note", Sqs(("n1", "plain text, not JSON")));

        Assert.Contains("note:plain text, not JSON", Calls("note:"));
    }

    [Fact]
    public async Task Stream_FailureStopsTheBatchAndReportsTheFirstFailedSequence()
    {
        var payload = Kinesis(("100", """{"Id":"t1","Weight":1}"""), ("101", """{"Id":"t2","Weight":-1}"""), ("102", """{"Id":"t3","Weight":3}"""));

        var invocation = await _fixture.Host.InvokeAsync("track", payload);

        Assert.Equal("""{"batchItemFailures":[{"itemIdentifier":"101"}]}""", invocation.ResultJson);
        Assert.Contains("track:t1", Calls("track:"));
        Assert.DoesNotContain("track:t3", Calls("track:"));
    }

    [Fact]
    public async Task HandlerTakingTheEnvelope_GetsTheWholeBatch()
    {
        var invocation = await _fixture.Host.InvokeAsync("whole", Sqs(("a", "1"), ("b", "2"), ("c", "3")));

        Assert.Equal("3", invocation.ResultJson);
    }

    [Fact]
    public async Task Queue_MalformedEnvelope_FailsTheWholeInvocationWithThePath()
    {
        var invocation = await _fixture.Host.InvokeAsync("ship", """{"Records":[{"messageId":5}]}""");

        Assert.Equal(EventReadException.ErrorType, invocation.ErrorType);
        Assert.Contains("$.Records[0].messageId", invocation.ErrorMessage);
    }
}
