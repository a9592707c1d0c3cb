using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.CodeAnalysis;

namespace Impulse.Generators.Tests.Permissions;

/// <summary>
/// The OrderService sample's manifest, generated from the sample's own sources, against the approved
/// document in Baselines (regenerate with IMPULSE_UPDATE_BASELINES=1 and review the diff).
/// </summary>
public sealed class SampleManifestTests
{
    private static readonly Lazy<JsonElement> Manifest = new(GenerateSampleManifest);

    [Fact]
    public void SampleManifest_MatchesApprovedDocument()
    {
        var indented = JsonSerializer.Serialize(Manifest.Value, new JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });

        Baseline.AssertMatches("OrderService.manifest.json", indented + "\n");
    }

    [Fact]
    public void SampleManifest_IsVersion2WithDefaultArchitecture()
    {
        Assert.Equal("impulse.manifest/2", Manifest.Value.GetProperty("schema").GetString());
        Assert.All(Manifest.Value.GetProperty("functions").EnumerateArray(), f => Assert.Equal("x86_64", f.GetProperty("architecture").GetString()));
    }

    [Fact]
    public void SampleManifest_CreateOrder_IsInvokedByApiGatewayAndWritesItsTable()
    {
        var permissions = GeneratedManifest.Function(Manifest.Value, "create-order").GetProperty("permissions");

        var grant = Assert.Single(permissions.GetProperty("invoke").EnumerateArray());
        Assert.Equal("apigateway.amazonaws.com", grant.GetProperty("principal").GetString());
        Assert.Equal("arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:*/*/POST/orders", grant.GetProperty("sourceArn").GetString());
        var table = Statement(permissions, "DynamodbOrders");
        Assert.Equal(["dynamodb:PutItem"], Strings(table, "Action"));
        Assert.Equal(["arn:aws:dynamodb:*:*:table/Orders"], Strings(table, "Resource"));
    }

    [Fact]
    public void SampleManifest_ShipOrder_PollsOnlyTheOrdersQueueAndReportsItemFailures()
    {
        var function = GeneratedManifest.Function(Manifest.Value, "ship-order");
        var permissions = function.GetProperty("permissions");

        Assert.Empty(permissions.GetProperty("invoke").EnumerateArray());
        var poll = Statement(permissions, "PollQueueOrders");
        Assert.Equal(["arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:orders"], Strings(poll, "Resource"));
        Assert.Equal(["sqs:ChangeMessageVisibility", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ReceiveMessage"], Strings(poll, "Action"));
        Assert.True(function.GetProperty("triggers")[0].GetProperty("settings").GetProperty("reportBatchItemFailures").GetBoolean());
    }

    [Fact]
    public void SampleManifest_EveryFunction_WritesOnlyItsOwnLogs()
    {
        foreach (var function in Manifest.Value.GetProperty("functions").EnumerateArray())
        {
            var name = function.GetProperty("name").GetString();
            var statements = function.GetProperty("permissions").GetProperty("execution").GetProperty("Statement").EnumerateArray().ToList();
            var logResources = statements.Where(s => Strings(s, "Action").Any(a => a.StartsWith("logs:", StringComparison.Ordinal)))
                .SelectMany(s => Strings(s, "Resource")).ToList();
            Assert.Equal(
                [$"arn:aws:logs:${{AWS::Region}}:${{AWS::AccountId}}:log-group:/aws/lambda/{name}", $"arn:aws:logs:${{AWS::Region}}:${{AWS::AccountId}}:log-group:/aws/lambda/{name}:*"],
                logResources.Order(StringComparer.Ordinal));
            Assert.DoesNotContain("*", statements.SelectMany(s => Strings(s, "Resource")));
        }
    }

    private static JsonElement Statement(JsonElement permissions, string sid) =>
        permissions.GetProperty("execution").GetProperty("Statement").EnumerateArray().Single(s => s.GetProperty("Sid").GetString() == sid);

    private static string[] Strings(JsonElement statement, string key) =>
        [.. statement.GetProperty(key).EnumerateArray().Select(v => v.GetString()!)];

    /// <summary>The sample's sources compiled as its project compiles them: an executable referencing Impulse and Impulse.Sources.</summary>
    private static JsonElement GenerateSampleManifest()
    {
        var sample = Path.Combine(RepoRoot(), "samples", "OrderService");
        var sources = Directory.GetFiles(sample, "*.cs").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        sources.Add("""
            global using System;
            global using System.Collections.Generic;
            global using System.Linq;
            global using System.Threading;
            global using System.Threading.Tasks;
            """);
        var compilation = TestCompilation.Create(OutputKind.ConsoleApplication, [.. sources])
            .AddReferences(MetadataReference.CreateFromFile(typeof(Impulse.Sources.IQueueSender).Assembly.Location));
        return GeneratedManifest.Of(compilation);
    }

    private static string RepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, "samples", "OrderService")))
                return directory.FullName;
        }
        throw new InvalidOperationException("No samples/OrderService above " + AppContext.BaseDirectory);
    }
}
