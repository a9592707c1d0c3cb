using System.Text.Json.Nodes;
using Impulse.Tool.Templates;

namespace Impulse.Tool.Tests.Templates;

public sealed class SamTemplateFunctionTests
{
    [Fact]
    public void Template_IsASamTemplate_WithOneFunctionPerManifestFunction()
    {
        var template = TemplateFixture.Parse(TemplateFixture.Build("order-service.json", new SamTemplateOptions("s3://bucket/app.zip") { Description = "Orders" }));

        Assert.Equal("AWS::Serverless-2016-10-31", template["Transform"]!.GetValue<string>());
        Assert.Equal("Orders", template["Description"]!.GetValue<string>());
        Assert.Equal(
            ["CreateOrderFunction", "GetOrderFunction", "NightlyReportFunction", "PingFunction", "ShipOrderFunction"],
            TemplateFixture.OfType(template, "AWS::Serverless::Function").Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Function_CarriesTheDescriptorsSettings()
    {
        var template = TemplateFixture.Parse(TemplateFixture.Build("every-trigger.json", new SamTemplateOptions("s3://bucket/app.zip")));
        var properties = TemplateFixture.Properties(template, "AdminApiFunction");

        Assert.Equal("admin-api", properties["FunctionName"]!.GetValue<string>());
        Assert.Equal("admin-api", properties["Handler"]!.GetValue<string>());
        Assert.Equal("provided.al2023", properties["Runtime"]!.GetValue<string>());
        Assert.True(TemplateFixture.JsonEquals(new JsonArray("arm64"), properties["Architectures"]));
        Assert.Equal(512, properties["MemorySize"]!.GetValue<int>());
        Assert.Equal(15, properties["Timeout"]!.GetValue<int>());
        Assert.Equal(5, properties["ReservedConcurrentExecutions"]!.GetValue<int>());
        Assert.Equal("Serves the public catalogue and the signed admin routes", properties["Description"]!.GetValue<string>());
        Assert.Equal("s3://bucket/app.zip", properties["CodeUri"]!.GetValue<string>());
        Assert.True(TemplateFixture.JsonEquals(JsonNode.Parse("""{ "Variables": { "STAGE": "prod", "TABLE": "Items" } }"""), properties["Environment"]));
        Assert.False(properties.ContainsKey("AutoPublishAlias"));
    }

    [Fact]
    public void Function_WithoutReservationOrEnvironment_LeavesThemOut()
    {
        var properties = TemplateFixture.Properties(TemplateFixture.Parse(TemplateFixture.Build("order-service.json")), "CreateOrderFunction");

        Assert.False(properties.ContainsKey("ReservedConcurrentExecutions"));
        Assert.False(properties.ContainsKey("Environment"));
    }

    [Fact]
    public void AutoPublishAlias_WhenAsked_IsSetOnEveryFunction()
    {
        var template = TemplateFixture.Parse(TemplateFixture.Build("order-service.json", new SamTemplateOptions(TemplateFixture.CodeUri) { AutoPublishAlias = "live" }));

        Assert.All(TemplateFixture.OfType(template, "AWS::Serverless::Function").Values,
            f => Assert.Equal("live", f["Properties"]!["AutoPublishAlias"]!.GetValue<string>()));
    }

    [Fact]
    public void Template_IsTheSameText_ForTheSameManifest_WhateverTheOrderOfItsFunctions()
    {
        var reversed = TemplateFixture.Edited("every-trigger.json", m =>
        {
            var functions = m["functions"]!.AsArray();
            var items = functions.Select(f => f!.DeepClone()).Reverse().ToList();
            functions.Clear();
            foreach (var item in items)
                functions.Add(item);
        });

        Assert.Equal(TemplateFixture.Build("every-trigger.json"), TemplateFixture.BuildFromText(reversed));
    }

    [Fact]
    public void FunctionNames_ThatReadTheSameWithoutPunctuation_GetDistinctStableIds()
    {
        var manifest = TemplateFixture.Edited("order-service.json", m =>
        {
            var twin = m["functions"]![0]!.DeepClone().AsObject();
            twin["name"] = "create_order";
            twin["handler"] = "create_order";
            m["functions"]!.AsArray().Add(twin);
        });

        var ids = TemplateFixture.OfType(TemplateFixture.Parse(TemplateFixture.BuildFromText(manifest)), "AWS::Serverless::Function");

        var twinId = Assert.Single(ids, f => f.Value["Properties"]!["FunctionName"]!.GetValue<string>() == "create_order").Key;
        Assert.Equal("create-order", ids["CreateOrderFunction"]["Properties"]!["FunctionName"]!.GetValue<string>());
        Assert.Matches("^CreateOrderFunction[0-9A-F]{8}$", twinId);
        Assert.Matches("^[A-Za-z0-9]+$", twinId);
    }

    [Fact]
    public void LogicalIds_AreAlphanumeric()
    {
        var template = TemplateFixture.Parse(TemplateFixture.Build("every-trigger.json"));

        Assert.All(TemplateFixture.Resources(template), r => Assert.Matches("^[A-Za-z0-9]{1,255}$", r.Key));
        Assert.All(template["Parameters"]!.AsObject(), p => Assert.Matches("^[A-Za-z0-9]{1,255}$", p.Key));
        Assert.All(TemplateFixture.OfType(template, "AWS::Serverless::Function").Values,
            f => Assert.All(f["Properties"]!["Events"]!.AsObject(), e => Assert.Matches("^[A-Za-z0-9]+$", e.Key)));
    }
}
