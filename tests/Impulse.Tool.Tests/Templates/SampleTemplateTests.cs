using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Impulse.Tool.Templates;
using Impulse.Tool.Tests.Infrastructure;

namespace Impulse.Tool.Tests.Templates;

/// <summary>
/// The template for the order sample, built from what the sample's own published binary prints for
/// <c>describe</c>: the manifest the generator really emits, not a fixture written to match it.
/// </summary>
[Collection(PackagedSampleCollection.Name)]
public sealed class SampleTemplateTests(PackagedSample sample)
{
    private static readonly TimeSpan DescribeTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task SamplesDescribeOutput_BuildsATemplateThatValidates_WithTheSamplesEventsAndPolicies()
    {
        var manifestJson = await DescribeAsync();
        using var manifest = JsonDocument.Parse(manifestJson);
        Assert.Equal(SamTemplate.ManifestSchema, manifest.RootElement.GetProperty("schema").GetString());

        var text = SamTemplate.Build(manifest.RootElement, new SamTemplateOptions(TemplateFixture.CodeUri) { AutoPublishAlias = "live" });

        var errors = await TemplateSchemas.SamErrorsAsync(text);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var template = TemplateFixture.Parse(text);
        var problems = TemplateReferences.Unresolvable(template);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var resolver = new IntrinsicResolver(template);
        foreach (var (id, permission) in TemplateFixture.OfType(template, "AWS::Lambda::Permission"))
        {
            var permissionErrors = await TemplateSchemas.PermissionErrorsAsync(resolver.Resolve(permission["Properties"])!.AsObject());
            Assert.True(permissionErrors.Count == 0, $"{id}: {string.Join("\n", permissionErrors)}");
        }

        Assert.Equal(
            ["CreateOrderFunction", "GetOrderFunction", "NightlyReportFunction", "PingFunction", "ShipOrderFunction"],
            TemplateFixture.OfType(template, "AWS::Serverless::Function").Keys.Order(StringComparer.Ordinal));
        Assert.Equal("POST", TemplateFixture.Event(template, "CreateOrderFunction", "Http")["Properties"]!["Method"]!.GetValue<string>());
        Assert.Equal("/orders/{orderId}", TemplateFixture.Event(template, "GetOrderFunction", "Http")["Properties"]!["Path"]!.GetValue<string>());
        Assert.Equal("cron(0 3 * * ? *)", TemplateFixture.Event(template, "NightlyReportFunction", "Schedule")["Properties"]!["Schedule"]!.GetValue<string>());

        var queue = TemplateFixture.Event(template, "ShipOrderFunction", "Queue");
        Assert.Equal("SQS", queue["Type"]!.GetValue<string>());
        Assert.Equal("arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:orders", queue["Properties"]!["Queue"]!["Fn::Sub"]!.GetValue<string>());
        Assert.True(TemplateFixture.JsonEquals(new JsonArray("ReportBatchItemFailures"), queue["Properties"]!["FunctionResponseTypes"]));

        // The sample declares dynamodb:PutItem on create-order; the policy carries it with the derived statements.
        var statements = TemplateFixture.Properties(template, "CreateOrderFunction")["Policies"]![0]!["Statement"]!.AsArray();
        Assert.Contains(statements, s => s!["Action"]!.AsArray().Any(a => a!.GetValue<string>() == "dynamodb:PutItem"));
        Assert.All(statements, s => Assert.Equal("Allow", s!["Effect"]!.GetValue<string>()));
    }

    private async Task<string> DescribeAsync()
    {
        _ = sample.Result;
        var start = new ProcessStartInfo(Path.Combine(sample.PublishDirectory, "bootstrap"), "describe") { RedirectStandardOutput = true, RedirectStandardError = true };
        // Without the Runtime API variable the binary runs its local commands, not the Lambda loop.
        start.Environment.Remove("AWS_LAMBDA_RUNTIME_API");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(DescribeTimeout);
        Assert.True(process.ExitCode == 0, $"bootstrap describe exited with {process.ExitCode}: {await error}");
        return await output;
    }
}
