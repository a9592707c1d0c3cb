using Impulse.Tool.Templates;

namespace Impulse.Tool.Tests.Templates;

public sealed class SamTemplateBaselineTests
{
    [Fact]
    public void EveryTriggerTemplate_WithAnAlias_MatchesTheApprovedTemplate()
    {
        var template = TemplateFixture.Build("every-trigger.json",
            new SamTemplateOptions("s3://deployments/every-trigger.zip") { AutoPublishAlias = "live", Description = "Every trigger kind" });

        TemplateBaseline.AssertMatches("every-trigger.template.json", template);
    }

    [Fact]
    public void OrderServiceTemplate_MatchesTheApprovedTemplate()
    {
        TemplateBaseline.AssertMatches("order-service.template.json", TemplateFixture.Build("order-service.json"));
    }
}
