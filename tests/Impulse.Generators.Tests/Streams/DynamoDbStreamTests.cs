using System.Text.Json.Nodes;
using Impulse.Testing;

namespace Impulse.Generators.Tests.Streams;

/// <summary>
/// <c>PullSource.DynamoDbStream</c> handlers run on the canonical DynamoDB Streams sample: one call per change record,
/// stopping at the first failure, whose sequence number is reported as the checkpoint.
/// </summary>
public sealed class DynamoDbStreamTests : IClassFixture<DynamoDbStreamTests.Fixture>
{
    private const string Source = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Impulse;
        using Impulse.Events;

        namespace Tables;

        public static class Seen
        {
            public static readonly List<string> Calls = new();
        }

        public static class Functions
        {
            [Function("apply-change")]
            [PullTrigger(PullSource.DynamoDbStream, "orders-table", BisectBatchOnFunctionError = true)]
            public static async Task Apply(DynamoDbEventRecord change, FunctionContext context)
            {
                await Task.Yield();
                if (change.EventName == "REMOVE") throw new InvalidOperationException("removals are not handled");
                var binary = change.DynamoDb.NewImage is { } image && image.TryGetValue("asdf1", out var b) ? b.B?.Length ?? 0 : 0;
                lock (Seen.Calls) Seen.Calls.Add($"apply:{change.DynamoDb.SequenceNumber}:{change.DynamoDb.Keys["key"].S}:{binary}");
            }

            [Function("count-changes")]
            [PullTrigger(PullSource.DynamoDbStream, "orders-table", StartingPosition = "LATEST")]
            public static int Count(DynamoDbEvent batch) => batch.Records.Count;
        }
        """;

    private readonly Fixture _fixture;

    public DynamoDbStreamTests(Fixture fixture) => _fixture = fixture;

    public sealed class Fixture : IDisposable
    {
        public Fixture()
        {
            Run = GeneratorRun.Of(Source);
            App = LoadedApp.Application(Run.Output);
            Host = new FunctionTestHost(App);
        }

        internal GeneratorRun Run { get; }
        public Impulse.Dispatch.FunctionApplication App { get; }
        public FunctionTestHost Host { get; }
        public List<string> Calls => (List<string>)LoadedApp.StaticField(App, "Tables.Seen", "Calls")!;
        public void Dispose() => Host.Dispose();
    }

    private static string SampleText() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "events", "dynamodb-event.json"));

    /// <summary>The sample with its records renumbered 100, 101, … and the record at <paramref name="removed"/> turned into a removal.</summary>
    private static string Renumbered(int count, int removed)
    {
        var sample = JsonNode.Parse(SampleText())!;
        var template = sample["Records"]![0]!.ToJsonString();
        var records = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var record = JsonNode.Parse(template)!;
            record["dynamodb"]!["SequenceNumber"] = (100 + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (i == removed)
                record["eventName"] = "REMOVE";
            records.Add(record);
        }

        sample["Records"] = records;
        return sample.ToJsonString();
    }

    private List<string> Calls(string prefix)
    {
        lock (_fixture.Calls)
            return _fixture.Calls.Where(c => c.StartsWith(prefix, StringComparison.Ordinal)).ToList();
    }

    [Fact]
    public async Task RecordHandler_OnTheCanonicalSample_IsCalledPerRecordWithDecodedImages()
    {
        var before = Calls("apply:1405400000000002063282832:").Count;

        var invocation = await _fixture.Host.InvokeAsync("apply-change", SampleText());

        Assert.True(invocation.Succeeded, invocation.ErrorMessage);
        Assert.Equal("""{"batchItemFailures":[]}""", invocation.ResultJson);
        // Both sample records are inserts of key "binary" whose image holds the 4-byte binary AAEqQQ==.
        Assert.Equal(before + 2, Calls("apply:1405400000000002063282832:binary:4").Count);
    }

    [Fact]
    public async Task RecordHandler_WhenAMiddleRecordFails_StopsThereAndReportsItsSequenceNumber()
    {
        var invocation = await _fixture.Host.InvokeAsync("apply-change", Renumbered(count: 4, removed: 2));

        Assert.True(invocation.Succeeded, invocation.ErrorMessage);
        Assert.Equal("""{"batchItemFailures":[{"itemIdentifier":"102"}]}""", invocation.ResultJson);
        Assert.Contains("apply:100:binary:4", Calls("apply:100:"));
        Assert.Contains("apply:101:binary:4", Calls("apply:101:"));
        Assert.Empty(Calls("apply:103:"));
        Assert.Contains(_fixture.Host.LogLines, l => l.Contains("\"itemIdentifier\":\"102\"") && l.Contains("removals are not handled"));
    }

    [Fact]
    public async Task RecordHandler_WhenTheFirstRecordFails_ReportsItAndCallsNoOther()
    {
        var invocation = await _fixture.Host.InvokeAsync("apply-change", Renumbered(count: 3, removed: 0));

        Assert.Equal("""{"batchItemFailures":[{"itemIdentifier":"100"}]}""", invocation.ResultJson);
    }

    [Fact]
    public async Task EventHandler_OnTheCanonicalSample_GetsTheWholeBatch()
    {
        var invocation = await _fixture.Host.InvokeAsync("count-changes", SampleText());

        Assert.True(invocation.Succeeded, invocation.ErrorMessage);
        Assert.Equal("2", invocation.ResultJson);
    }

    [Fact]
    public void Manifest_CarriesTheStreamSettingsAsWritten()
    {
        var source = _fixture.Run.Source!;

        Assert.Contains("dynamoDbStream", source);
        Assert.Contains("bisectBatchOnFunctionError", source);
        Assert.Contains("LATEST", source);
    }

    [Fact]
    public void Generate_StreamHandlers_MatchesApprovedBaseline()
    {
        var run = GeneratorRun.Of(Source, StreamSources.Kinesis);

        // The invokers only: the manifest above them has baselines of its own.
        var source = run.Source!;
        Baseline.AssertMatches("StreamsApp.Invokers.g.cs.txt", source[source.IndexOf("/// <summary>Invokes ", StringComparison.Ordinal)..]);
    }
}

/// <summary>A Kinesis handler beside the DynamoDB ones, so the baseline shows both stream invokers.</summary>
internal static class StreamSources
{
    public const string Kinesis = """
        using Impulse;

        namespace Positions;

        public sealed record Position(string Vehicle, double Lat, double Lon);

        public static class Tracking
        {
            [Function("track")]
            [PullTrigger(PullSource.Stream, "positions", BatchSize = 100, MaxRetryAttempts = 2, DeadLetterQueue = "positions-dlq")]
            public static void Track(Position position) { }
        }
        """;
}
