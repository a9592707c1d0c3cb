using System.Text.Json.Nodes;
using Impulse.Tool.Templates;

namespace Impulse.Tool.Tests.Templates;

public sealed class IntrinsicsTests
{
    [Theory]
    [InlineData("arn:aws:s3:::uploads")]
    [InlineData("arn:aws:s3:::uploads/${aws:username}/*")]
    [InlineData("costs $5")]
    public void Sub_WithoutAPseudoParameter_KeepsThePlainString(string text)
    {
        Assert.Equal(text, Intrinsics.Sub(text).GetValue<string>());
    }

    [Theory]
    [InlineData("arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:orders", "arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:orders")]
    [InlineData("${AWS::AccountId}/${aws:userid}", "${AWS::AccountId}/${!aws:userid}")]
    [InlineData("${AWS::Region}${Other}$", "${AWS::Region}${!Other}$")]
    [InlineData("$${AWS::Region}", "$${AWS::Region}")]
    [InlineData("${AWS::Region} ends with ${", "${AWS::Region} ends with ${!")]
    public void Sub_WithAPseudoParameter_WrapsInFnSub_AndEscapesEveryOtherVariable(string text, string expected)
    {
        var sub = Assert.IsType<JsonObject>(Intrinsics.Sub(text));

        Assert.Equal(expected, sub["Fn::Sub"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("orders", "sqs", "", "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:orders")]
    [InlineData("clicks", "kinesis", "stream/", "arn:${AWS::Partition}:kinesis:${AWS::Region}:${AWS::AccountId}:stream/clicks")]
    public void ArnOf_AName_BuildsTheArnForTheStack(string name, string service, string prefix, string expected)
    {
        Assert.Equal(expected, Intrinsics.ArnOf(name, service, prefix)["Fn::Sub"]!.GetValue<string>());
    }

    [Fact]
    public void ArnOf_AnArn_UsesItAsIs()
    {
        Assert.Equal("arn:aws:sqs:eu-west-1:123456789012:orders", Intrinsics.ArnOf("arn:aws:sqs:eu-west-1:123456789012:orders", "sqs", "").GetValue<string>());
    }
}
