using System.Text.Json.Nodes;
using Impulse.Tool.Templates;

namespace Impulse.Tool.Tests.Templates;

public sealed class SamTemplateSchemaTests
{
    public static TheoryData<string, string?> Templates => new()
    {
        { "order-service.json", null },
        { "order-service.json", "live" },
        { "every-trigger.json", null },
        { "every-trigger.json", "live" },
    };

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task Template_ValidatesAgainstTheSamSchema(string manifest, string? alias)
    {
        var template = TemplateFixture.Build(manifest, new SamTemplateOptions(TemplateFixture.CodeUri) { AutoPublishAlias = alias });

        var errors = await TemplateSchemas.SamErrorsAsync(template);

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task PermissionResources_ValidateAgainstTheCloudFormationSchema(string manifest, string? alias)
    {
        var template = TemplateFixture.Parse(TemplateFixture.Build(manifest, new SamTemplateOptions(TemplateFixture.CodeUri) { AutoPublishAlias = alias }));
        var resolver = new IntrinsicResolver(template);

        foreach (var (id, permission) in TemplateFixture.OfType(template, "AWS::Lambda::Permission"))
        {
            var properties = resolver.Resolve(permission["Properties"])!.AsObject();
            var errors = await TemplateSchemas.PermissionErrorsAsync(properties);
            Assert.True(errors.Count == 0, $"{id}: {string.Join("\n", errors)}");
        }
    }

    [Fact]
    public async Task SamSchema_RejectsATemplateWithAnUnknownEventProperty()
    {
        // The schema check must be able to fail: a misspelt SQS property is not valid SAM.
        var template = TemplateFixture.Parse(TemplateFixture.Build("order-service.json"));
        TemplateFixture.Event(template, "ShipOrderFunction", "Queue")["Properties"]!["BatchSizes"] = 10;

        var errors = await TemplateSchemas.SamErrorsAsync(template.ToJsonString());

        Assert.NotEmpty(errors);
    }

    [Fact]
    public async Task PermissionSchema_RejectsASourceAccountThatIsNotAnAccountId()
    {
        var properties = new JsonObject
        {
            ["Action"] = "lambda:InvokeFunction",
            ["FunctionName"] = "admin-api",
            ["Principal"] = "events.amazonaws.com",
            ["SourceAccount"] = "${AWS::AccountId}",
        };

        var errors = await TemplateSchemas.PermissionErrorsAsync(properties);

        Assert.Contains(errors, e => e.Contains("SourceAccount", StringComparison.Ordinal));
    }
}
