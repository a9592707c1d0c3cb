using System.Text.Json.Nodes;
using Impulse.Tool.Templates;

namespace Impulse.Tool.Tests.Templates;

public sealed class SamTemplatePermissionTests
{
    [Fact]
    public void DeclaredInvokePermissions_BecomePermissionResources_AndDerivedOnesDoNot()
    {
        var template = TemplateFixture.Parse(TemplateFixture.Build("every-trigger.json"));

        var permissions = TemplateFixture.OfType(template, "AWS::Lambda::Permission");

        Assert.Equal(
            ["AdminApiFunctionInvoke123456789012Permission", "AdminApiFunctionInvokeCallerRolePermission", "OnOrderEventFunctionInvokeFromPartnerBusPermission"],
            permissions.Keys.Order(StringComparer.Ordinal));
        Assert.True(TemplateFixture.JsonEquals(JsonNode.Parse("""
            { "Action": "lambda:InvokeFunction", "FunctionName": { "Fn::GetAtt": ["AdminApiFunction", "Arn"] }, "Principal": "123456789012" }
            """), permissions["AdminApiFunctionInvoke123456789012Permission"]["Properties"]));
        Assert.True(TemplateFixture.JsonEquals(JsonNode.Parse("""
            { "Action": "lambda:InvokeFunction", "FunctionName": { "Fn::GetAtt": ["AdminApiFunction", "Arn"] }, "Principal": "arn:aws:iam::123456789012:role/caller" }
            """), permissions["AdminApiFunctionInvokeCallerRolePermission"]["Properties"]));
        Assert.True(TemplateFixture.JsonEquals(JsonNode.Parse("""
            { "Action": "lambda:InvokeFunction", "FunctionName": { "Fn::GetAtt": ["OnOrderEventFunction", "Arn"] }, "Principal": "events.amazonaws.com",
              "SourceArn": { "Fn::Sub": "arn:aws:events:${AWS::Region}:${AWS::AccountId}:rule/partner-orders" },
              "SourceAccount": { "Fn::Sub": "${AWS::AccountId}" } }
            """), permissions["OnOrderEventFunctionInvokeFromPartnerBusPermission"]["Properties"]));
    }

    [Fact]
    public void DeclaredInvokePermissions_WithAnAlias_TargetTheAlias()
    {
        var template = TemplateFixture.Parse(TemplateFixture.Build("every-trigger.json", new SamTemplateOptions(TemplateFixture.CodeUri) { AutoPublishAlias = "live" }));

        Assert.All(TemplateFixture.OfType(template, "AWS::Lambda::Permission"), p =>
            Assert.Equal(p.Key.StartsWith("AdminApi", StringComparison.Ordinal) ? "AdminApiFunction.Alias" : "OnOrderEventFunction.Alias",
                p.Value["Properties"]!["FunctionName"]!["Ref"]!.GetValue<string>()));
    }

    [Fact]
    public void SampleApp_DeclaresNoInvokePermissions_SoTheTemplateHasNone()
    {
        var template = TemplateFixture.Parse(TemplateFixture.Build("order-service.json"));

        Assert.Empty(TemplateFixture.OfType(template, "AWS::Lambda::Permission"));
    }
}
