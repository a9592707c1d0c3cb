using Impulse.Generators.Permissions;

namespace Impulse.Generators.Tests.Permissions;

/// <summary>The small text rules under the permissions: condition JSON, Sids and ARN fields.</summary>
public sealed class PermissionTextTests
{
    [Theory]
    [InlineData("""{"Bool":{"aws:SecureTransport":"true"}}""", """{"Bool":{"aws:SecureTransport":"true"}}""")]
    [InlineData(""" { "N" : { "k" : [ 1, -2.5e3, true, false, null ] } } """, """{"N":{"k":[1,-2.5e3,true,false,null]}}""")]
    [InlineData("""{"S":{"k":"a\"b\\c\u00e9\n"}}""", "{\"S\":{\"k\":\"a\\\"b\\\\c\u00e9\\n\"}}")]
    public void JsonTree_ValidJson_RoundTripsToCompactText(string json, string compact)
    {
        var tree = JsonTree.Parse(json, out var error);

        Assert.Null(error);
        Assert.Equal(compact, tree!.ToCompactJson());
    }

    [Theory]
    [InlineData("{\"a\":1", "expected ',' or '}' in an object at character 7")]
    [InlineData("{a:1}", "expected a property name in double quotes at character 2")]
    [InlineData("[1,]", "unexpected ']' at character 4")]
    [InlineData("{} x", "text after the end of the value at character 4")]
    [InlineData("\"open", "a string is not closed at character 6")]
    [InlineData("01", "a number may not have leading zeros at character 2")]
    [InlineData("-", "a number needs digits at character 2")]
    [InlineData("", "the text ends where a value was expected at character 1")]
    public void JsonTree_InvalidJson_SaysWhatAndWhere(string json, string expected)
    {
        Assert.Null(JsonTree.Parse(json, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void JsonTree_DeeplyNested_IsRefusedWithoutOverflowingTheStack()
    {
        Assert.Null(JsonTree.Parse(new string('[', 10_000), out var error));
        Assert.StartsWith("nesting deeper than 32 levels", error);
    }

    [Theory]
    [InlineData(new[] { "s3", "my-uploads" }, "S3MyUploads")]
    [InlineData(new[] { "Invoke", "arn:aws:iam::123456789012:role/caller" }, "InvokeArnAwsIam123456789012RoleCaller")]
    [InlineData(new[] { "dynamodb", "*" }, "DynamodbAll")]
    [InlineData(new[] { "", "--" }, "")]
    public void Sids_Pascal_KeepsOnlyWhatIamAllows(string[] parts, string expected) =>
        Assert.Equal(expected, Sids.Pascal(parts));

    [Fact]
    public void Sids_LongAndColliding_StayWithin64CharactersAndUnique()
    {
        var long1 = Sids.Pascal(new string('a', 100));
        var unique = Sids.MakeUnique([long1, long1, long1, "", ""]);

        Assert.Equal(64, long1.Length);
        Assert.Equal(unique.Count, unique.Distinct().Count());
        Assert.All(unique, sid => Assert.InRange(sid.Length, 1, 64));
        Assert.Equal(["Statement", "Statement2"], unique.Skip(3));
    }

    [Theory]
    [InlineData("arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/Orders", "dynamodb", "table/Orders")]
    [InlineData("arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/f:*", "logs", "log-group:/aws/lambda/f:*")]
    public void ArnFields_PseudoParametersDoNotSplitFields(string arn, string service, string resource)
    {
        var fields = PermissionRules.ArnFields(arn);

        Assert.Equal(6, fields.Length);
        Assert.Equal(service, fields[2]);
        Assert.Equal(resource, fields[5]);
    }
}
