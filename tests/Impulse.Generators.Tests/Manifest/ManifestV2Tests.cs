using System.Text.Json;
using Impulse.Generators.Tests.Analyzers;
using Impulse.Generators.Tests.Permissions;
using Microsoft.CodeAnalysis;

namespace Impulse.Generators.Tests.Manifest;

/// <summary>What version 2 of the manifest adds, generated from source: architecture, trigger settings and permissions.</summary>
public sealed class ManifestV2Tests
{
    private const string Orders = """
        [ExecutionPermission("dynamodb:GetItem", "arn:aws:dynamodb:*:*:table/Orders")]
        [InvokePermission("123456789012")]
        public static class Orders
        {
            [Function("create")]
            [PushTrigger(PushSource.Http, "POST /orders")]
            [PushTrigger(PushSource.Http, "POST /admin/orders", IamAuth = true)]
            [ExecutionPermission("dynamodb:PutItem", "arn:aws:dynamodb:*:*:table/Orders")]
            [ExecutionPermission("dynamodb:GetItem", "arn:aws:dynamodb:*:*:table/Orders")]
            [InvokePermission("123456789012")]
            public static void Create(string order) { }

            [Function("ship")]
            [PullTrigger(PullSource.Queue, "orders", DeadLetterQueue = "orders-dlq")]
            public static void Ship(string order) { }

            [Function("ship-batch")]
            [PullTrigger(PullSource.Queue, "bulk")]
            public static void ShipBatch(Impulse.Events.SqsEvent batch) { }
        }
        """;

    [Fact]
    public void Manifest_ClassAndMethodPermissions_MergeIntoEachFunctionWithoutDuplicates()
    {
        var manifest = GeneratedManifest.Of(Orders);

        var create = GeneratedManifest.Function(manifest, "create").GetProperty("permissions");
        var table = create.GetProperty("execution").GetProperty("Statement").EnumerateArray().Single(s => s.GetProperty("Sid").GetString() == "DynamodbOrders");
        Assert.Equal(["dynamodb:GetItem", "dynamodb:PutItem"], table.GetProperty("Action").EnumerateArray().Select(a => a.GetString()));
        var account = Assert.Single(create.GetProperty("invoke").EnumerateArray(), g => g.GetProperty("origin").GetString() == "declared");
        Assert.Equal("Invoke123456789012", account.GetProperty("sid").GetString());
        Assert.False(account.TryGetProperty("sourceArn", out _));

        // The class's permissions reach its other functions too.
        var ship = GeneratedManifest.Function(manifest, "ship").GetProperty("permissions");
        Assert.Contains(ship.GetProperty("execution").GetProperty("Statement").EnumerateArray(), s => s.GetProperty("Sid").GetString() == "DynamodbOrders");
        Assert.Single(ship.GetProperty("invoke").EnumerateArray());
    }

    [Fact]
    public void Manifest_TriggerSettings_SayIamAuthDeadLetterQueueAndWhoReportsItemFailures()
    {
        var manifest = GeneratedManifest.Of(Orders);

        var http = GeneratedManifest.Function(manifest, "create").GetProperty("triggers");
        Assert.False(http[0].GetProperty("settings").GetProperty("iamAuth").GetBoolean());
        Assert.True(http[1].GetProperty("settings").GetProperty("iamAuth").GetBoolean());
        var ship = Settings(manifest, "ship");
        Assert.True(ship.GetProperty("reportBatchItemFailures").GetBoolean());
        Assert.Equal("orders-dlq", ship.GetProperty("deadLetterQueue").GetString());
        // A handler that takes the whole batch answers for it itself.
        Assert.False(Settings(manifest, "ship-batch").GetProperty("reportBatchItemFailures").GetBoolean());
    }

    [Fact]
    public void Manifest_DeadLetterQueue_AddsSendOnThatQueueOnly()
    {
        var manifest = GeneratedManifest.Of(Orders);

        var statements = GeneratedManifest.Function(manifest, "ship").GetProperty("permissions").GetProperty("execution").GetProperty("Statement");
        var send = Assert.Single(statements.EnumerateArray(), s => s.GetProperty("Action").EnumerateArray().Any(a => a.GetString() == "sqs:SendMessage"));
        Assert.Equal(["arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:orders-dlq"], send.GetProperty("Resource").EnumerateArray().Select(r => r.GetString()));
    }

    [Theory]
    [InlineData(null, "x86_64")]
    [InlineData("arm64", "arm64")]
    [InlineData("ARM64", "arm64")]
    [InlineData("x86_64", "x86_64")]
    public void Manifest_Architecture_ComesFromTheBuildProperty(string? property, string expected)
    {
        var options = new TestOptions(property is null ? [] : [("build_property.ImpulseArchitecture", property)]);
        var compilation = TestCompilation.Create(OutputKind.DynamicallyLinkedLibrary, Orders, AnalyzerVerifier.GlobalUsings);

        var manifest = GeneratedManifest.Of(compilation, TestCompilation.Driver(options));

        Assert.All(manifest.GetProperty("functions").EnumerateArray(), f => Assert.Equal(expected, f.GetProperty("architecture").GetString()));
    }

    [Fact]
    public async Task Analyze_UnknownArchitecture_ReportsIMP0023NamingTheValue()
    {
        var diagnostics = await AnalyzerVerifier.ReportedAsync(new TestOptions(("build_property.ImpulseArchitecture", "aarch64")), Orders);

        var diagnostic = Assert.Single(diagnostics, d => d.Id == "IMP0023");
        Assert.Equal(Location.None, diagnostic.Location);
        Assert.Contains("'aarch64'", diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("arm64")]
    [InlineData("x86_64")]
    [InlineData("")]
    public async Task Analyze_KnownArchitecture_ReportsNothing(string value)
    {
        var diagnostics = await AnalyzerVerifier.ReportedAsync(new TestOptions(("build_property.ImpulseArchitecture", value)), Orders);

        Assert.DoesNotContain(diagnostics, d => d.Id == "IMP0023");
    }

    private static JsonElement Settings(JsonElement manifest, string function) =>
        GeneratedManifest.Function(manifest, function).GetProperty("triggers")[0].GetProperty("settings");
}
