using System.Text.Json.Nodes;
using Impulse.Tool.Templates;

namespace Impulse.Tool.Tests.Templates;

public sealed class SamTemplateErrorTests
{
    private static string ErrorFor(string manifestName, Action<JsonObject> edit, SamTemplateOptions? options = null) =>
        Assert.Throws<SamTemplateException>(() => TemplateFixture.BuildFromText(TemplateFixture.Edited(manifestName, edit), options)).Message;

    private static JsonObject Settings(JsonObject manifest, int function, int trigger) =>
        manifest["functions"]![function]!["triggers"]![trigger]!["settings"]!.AsObject();

    [Fact]
    public void ManifestVersion1_IsRejected_NamingBothVersions()
    {
        var message = ErrorFor("order-service.json", m => m["schema"] = "impulse.manifest/1");

        Assert.Contains("'impulse.manifest/1'", message, StringComparison.Ordinal);
        Assert.Contains("'impulse.manifest/2'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingField_IsNamedWithItsPath()
    {
        var message = ErrorFor("order-service.json", m => m["functions"]![2]!.AsObject().Remove("memoryMb"));

        Assert.Contains("functions[2].memoryMb", message, StringComparison.Ordinal);
    }

    [Fact]
    public void FieldOfTheWrongType_IsNamedWithItsPathAndKind()
    {
        var message = ErrorFor("order-service.json", m => m["functions"]![0]!["timeoutSeconds"] = "ten");

        Assert.Equal("The manifest's functions[0].timeoutSeconds must be a number; it is a string.", message);
    }

    [Theory]
    [InlineData("memoryMb", 64, "128–10240")]
    [InlineData("timeoutSeconds", 901, "1–900")]
    [InlineData("architecture", "riscv64", "'x86_64' or 'arm64'")]
    [InlineData("name", "create order", "not a Lambda function name")]
    public void FunctionSettingOutsideLambdasLimits_IsRejected(string field, object value, string expected)
    {
        var message = ErrorFor("order-service.json", m => m["functions"]![0]![field] = JsonValue.Create(value));

        Assert.Contains($"functions[0].{field}", message, StringComparison.Ordinal);
        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AWS_REGION", "Lambda reserves that name")]
    [InlineData("_HANDLER", "Lambda reserves that name")]
    [InlineData("2FA_KEY", "a name is a letter")]
    [InlineData("API-KEY", "a name is a letter")]
    public void EnvironmentVariableLambdaRefuses_IsRejected(string name, string expected)
    {
        var message = ErrorFor("order-service.json", m => m["functions"]![4]!["environment"]![name] = "value");

        Assert.Contains($"functions[4].environment.{name}", message, StringComparison.Ordinal);
        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Fact]
    public void DescriptionLongerThanLambdaAllows_IsRejected()
    {
        var message = ErrorFor("order-service.json", m => m["functions"]![0]!["description"] = new string('d', 257));

        Assert.Contains("functions[0].description has 257 characters", message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateFunctionName_IsRejected()
    {
        var message = ErrorFor("order-service.json", m => m["functions"]![1]!["name"] = "create-order");

        Assert.Equal("The manifest names function 'create-order' more than once.", message);
    }

    [Fact]
    public void QueueMaxConcurrencyOfOne_IsRejected_BecauseSqsNeedsAtLeastTwo()
    {
        var message = ErrorFor("every-trigger.json", m => Settings(m, 5, 0)["maxConcurrency"] = 1);

        Assert.Contains("functions[5].triggers[0].settings.maxConcurrency is 1", message, StringComparison.Ordinal);
        Assert.Contains("2–1000", message, StringComparison.Ordinal);
    }

    [Fact]
    public void QueueBatchOverTenWithoutABatchingWindow_IsRejected()
    {
        var message = ErrorFor("every-trigger.json", m => Settings(m, 5, 0)["maxBatchingWindowSeconds"] = 0);

        Assert.Contains("functions[5].triggers[0].settings.batchSize is 50", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 0, "http", "POST", "not an HTTP route")]
    [InlineData(2, 0, "schedule", "every hour", "not a schedule")]
    [InlineData(3, 0, "eventBridge", "[\"not\", \"an object\"]", "must be an EventBridge event pattern")]
    [InlineData(7, 1, "dynamoDbStream", "arn:aws:dynamodb:us-east-1:123456789012:table/Audit", "not a DynamoDB stream ARN")]
    public void TriggerExpressionOfTheWrongShape_IsRejected(int function, int trigger, string source, string expression, string expected)
    {
        var message = ErrorFor(function == 2 ? "order-service.json" : "every-trigger.json", m =>
        {
            m["functions"]![function]!["triggers"]![trigger]!["source"] = source;
            m["functions"]![function]!["triggers"]![trigger]!["expression"] = expression;
        });

        Assert.Contains($"functions[{function}].triggers[{trigger}].expression", message, StringComparison.Ordinal);
        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("nightly report")]
    public void RuleNameThatEventBridgeWouldRefuse_IsRejected(string rule)
    {
        var message = ErrorFor("order-service.json", m => m["functions"]![2]!["triggers"]![0]!["settings"]!["ruleName"] = rule);

        Assert.Contains("functions[2].triggers[0].settings.ruleName", message, StringComparison.Ordinal);
    }

    [Fact]
    public void SourceOfTheWrongKind_IsRejected()
    {
        var message = ErrorFor("order-service.json", m => m["functions"]![0]!["triggers"]![0]!["source"] = "queue");

        Assert.Contains("'queue', which is not a push source", message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownPermissionOrigin_IsRejected()
    {
        var message = ErrorFor("every-trigger.json", m => m["functions"]![0]!["permissions"]!["invoke"]![2]!["origin"] = "inferred");

        Assert.Contains("functions[0].permissions.invoke[2].origin", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void EmptyCodeUri_IsRejected(string codeUri)
    {
        var message = Assert.Throws<SamTemplateException>(() => TemplateFixture.Build("order-service.json", new SamTemplateOptions(codeUri))).Message;

        Assert.Contains("CodeUri", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("123")]
    [InlineData("prod-blue")]
    public void AliasThatSamCannotName_IsRejected(string alias)
    {
        var message = Assert.Throws<SamTemplateException>(() =>
            TemplateFixture.Build("order-service.json", new SamTemplateOptions(TemplateFixture.CodeUri) { AutoPublishAlias = alias })).Message;

        Assert.Contains($"'{alias}'", message, StringComparison.Ordinal);
    }
}
