using Impulse.Tool.Templates;

namespace Impulse.Tool.Tests.Templates;

public sealed class LogicalIdsTests
{
    [Theory]
    [InlineData("create-order", "CreateOrder")]
    [InlineData("ship_order.v2", "ShipOrderV2")]
    [InlineData("already-Pascal-Case", "AlreadyPascalCase")]
    [InlineData("2fa-check", "2faCheck")]
    public void Pascal_KeepsLettersAndDigits_AndCapitalisesEachWord(string name, string expected)
    {
        Assert.Equal(expected, LogicalIds.Pascal(name));
    }

    [Fact]
    public void Allocate_GivesTheStem_ThenAHashOfTheOwnerOnACollision()
    {
        var ids = new LogicalIds();

        var first = ids.Allocate("CreateOrderFunction", "create-order");
        var second = ids.Allocate("CreateOrderFunction", "create_order");

        Assert.Equal("CreateOrderFunction", first);
        Assert.Matches("^CreateOrderFunction[0-9A-F]{8}$", second);
        Assert.Equal(second, TakenAfter("CreateOrderFunction", "create_order"));
    }

    [Fact]
    public void Allocate_KeepsIdsWithinCloudFormationsLengthLimit()
    {
        var ids = new LogicalIds();
        var stem = new string('A', 300);

        var first = ids.Allocate(stem, "one");
        var second = ids.Allocate(stem, "two");

        Assert.Equal(255, first.Length);
        Assert.Equal(255, second.Length);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Reserve_OfAnIdAlreadyTaken_NamesBothOwners()
    {
        var ids = new LogicalIds();
        ids.Allocate("AFunctionAliasFunction", "function 'a-function-alias'");

        var error = Assert.Throws<SamTemplateException>(() => ids.Reserve("AFunctionAliasFunction", "function 'a'"));

        Assert.Contains("function 'a-function-alias'", error.Message, StringComparison.Ordinal);
        Assert.Contains("function 'a'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Template_WhoseAliasIdWouldClashWithAFunction_IsRejected()
    {
        var manifest = TemplateFixture.Edited("order-service.json", m =>
        {
            m["functions"]![3]!["name"] = "create-order-function-alias";
        });

        var error = Assert.Throws<SamTemplateException>(() =>
            TemplateFixture.BuildFromText(manifest, new SamTemplateOptions(TemplateFixture.CodeUri) { AutoPublishAlias = "Function" }));

        Assert.Contains("CreateOrderFunctionAliasFunction", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The id the second owner of a stem gets, computed afresh: it depends on nothing but the stem and the owner.</summary>
    private static string TakenAfter(string stem, string owner)
    {
        var ids = new LogicalIds();
        ids.Allocate(stem, "someone else");
        return ids.Allocate(stem, owner);
    }
}
