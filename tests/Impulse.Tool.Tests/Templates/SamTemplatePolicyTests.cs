using System.Text.Json.Nodes;

namespace Impulse.Tool.Tests.Templates;

public sealed class SamTemplatePolicyTests
{
    private static readonly JsonObject EveryTrigger = TemplateFixture.Parse(TemplateFixture.Build("every-trigger.json"));

    private static JsonArray Statements(JsonObject template, string functionId)
    {
        var policies = TemplateFixture.Properties(template, functionId)["Policies"]!.AsArray();
        var document = Assert.Single(policies)!;
        Assert.Equal("2012-10-17", document["Version"]!.GetValue<string>());
        return document["Statement"]!.AsArray();
    }

    [Fact]
    public void Policies_AreTheExecutionPolicyDocument_WithPseudoParametersInFnSub()
    {
        var expected = JsonNode.Parse("""
            [
              { "Sid": "DynamodbItems", "Effect": "Allow", "Action": ["dynamodb:DeleteItem", "dynamodb:GetItem"],
                "Resource": [{ "Fn::Sub": "arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/Items" }],
                "Condition": { "StringEquals": { "aws:RequestedRegion": { "Fn::Sub": "${AWS::Region}" } } } },
              { "Sid": "Logs", "Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
                "Resource": [{ "Fn::Sub": "arn:aws:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/admin-api:*" }] }
            ]
            """);

        Assert.True(TemplateFixture.JsonEquals(expected, Statements(EveryTrigger, "AdminApiFunction")), Statements(EveryTrigger, "AdminApiFunction").ToJsonString());
    }

    [Fact]
    public void Policies_KeepStringsWithoutPseudoParametersPlain()
    {
        var template = TemplateFixture.Parse(TemplateFixture.Build("order-service.json"));

        var resource = Statements(template, "CreateOrderFunction")[0]!["Resource"]![0]!;

        Assert.Equal("arn:aws:dynamodb:*:*:table/Orders", resource.GetValue<string>());
    }

    [Fact]
    public void Policies_EscapeIamPolicyVariables_InsideFnSub_AndLeaveThemAloneOutsideIt()
    {
        var resources = Statements(EveryTrigger, "OnUploadFunction")[0]!["Resource"]!.AsArray();

        Assert.Equal("arn:aws:s3:::uploads/home/${aws:username}/*", resources[0]!.GetValue<string>());
        Assert.Equal("arn:aws:s3:::uploads-${AWS::AccountId}/home/${!aws:username}/*", resources[1]!["Fn::Sub"]!.GetValue<string>());
    }

    [Fact]
    public void Function_WithAnEmptyExecutionPolicy_HasNoPolicies()
    {
        Assert.False(TemplateFixture.Properties(EveryTrigger, "HourlySweepFunction").ContainsKey("Policies"));
    }
}
