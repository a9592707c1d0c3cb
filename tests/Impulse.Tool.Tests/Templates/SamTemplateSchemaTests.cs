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

    [Theory]
    [MemberData(nameof(Templates))]
    public void EveryReference_NamesSomethingTheTemplateDefines(string manifest, string? alias)
    {
        var template = TemplateFixture.Parse(TemplateFixture.Build(manifest, new SamTemplateOptions(TemplateFixture.CodeUri) { AutoPublishAlias = alias }));

        var problems = TemplateReferences.Unresolvable(template);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void ReferenceCheck_CatchesAnUndefinedResource_AndAnUnescapedSubVariable()
    {
        var template = TemplateFixture.Parse(TemplateFixture.Build("every-trigger.json"));
        TemplateFixture.Event(template, "OnUploadFunction", "S3")["Properties"]!["Bucket"]!["Ref"] = "MissingBucket";
        TemplateFixture.Properties(template, "OnUploadFunction")["Policies"]![0]!["Statement"]![0]!["Resource"]![1]!["Fn::Sub"] =
            "arn:aws:s3:::uploads-${AWS::AccountId}/home/${aws:username}/*";

        var problems = TemplateReferences.Unresolvable(template);

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("'MissingBucket'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'${aws:username}'", StringComparison.Ordinal));
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
