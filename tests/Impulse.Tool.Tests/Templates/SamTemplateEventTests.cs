using System.Text.Json.Nodes;

namespace Impulse.Tool.Tests.Templates;

public sealed class SamTemplateEventTests
{
    private static readonly JsonObject EveryTrigger = TemplateFixture.Parse(TemplateFixture.Build("every-trigger.json"));

    private static void AssertEvent(string functionId, string eventName, string expectedJson)
    {
        var actual = TemplateFixture.Event(EveryTrigger, functionId, eventName);
        Assert.True(TemplateFixture.JsonEquals(JsonNode.Parse(expectedJson), actual), $"{functionId}.{eventName} is {actual.ToJsonString()}");
    }

    [Fact]
    public void HttpTriggers_BecomeRoutesOnTheAppsHttpApi_WithIamAuthOnlyWhereAsked()
    {
        AssertEvent("AdminApiFunction", "Http", """{ "Type": "HttpApi", "Properties": { "ApiId": { "Ref": "HttpApi" }, "Method": "GET", "Path": "/items" } }""");
        AssertEvent("AdminApiFunction", "Http2",
            """{ "Type": "HttpApi", "Properties": { "ApiId": { "Ref": "HttpApi" }, "Method": "DELETE", "Path": "/items/{id}", "Auth": { "Authorizer": "AWS_IAM" } } }""");
    }

    [Fact]
    public void HttpApi_EnablesTheIamAuthorizer_WhenARouteUsesIt()
    {
        Assert.True(TemplateFixture.JsonEquals(
            JsonNode.Parse("""{ "Type": "AWS::Serverless::HttpApi", "Properties": { "Auth": { "EnableIamAuthorizer": true } } }"""),
            TemplateFixture.Resources(EveryTrigger)["HttpApi"]));
    }

    [Fact]
    public void HttpApi_StaysWithoutAuth_WhenNoRouteUsesIam()
    {
        var template = TemplateFixture.Parse(TemplateFixture.Build("order-service.json"));

        Assert.Empty(TemplateFixture.Properties(template, "HttpApi"));
        Assert.Equal("https://${HttpApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}/", template["Outputs"]!["HttpApiUrl"]!["Value"]!["Fn::Sub"]!.GetValue<string>());
    }

    [Fact]
    public void S3Trigger_RefersToABucketResourceOfThatName_InTheSameTemplate()
    {
        AssertEvent("OnUploadFunction", "S3", """{ "Type": "S3", "Properties": { "Bucket": { "Ref": "UploadsBucket" }, "Events": "s3:ObjectCreated:*" } }""");

        var bucket = TemplateFixture.Resources(EveryTrigger)["UploadsBucket"]!;
        Assert.Equal("AWS::S3::Bucket", bucket["Type"]!.GetValue<string>());
        Assert.Equal("uploads", bucket["Properties"]!["BucketName"]!.GetValue<string>());
        Assert.Equal("Retain", bucket["DeletionPolicy"]!.GetValue<string>());
    }

    [Fact]
    public void S3Triggers_OnOneBucket_ShareOneBucketResource()
    {
        var manifest = TemplateFixture.Edited("every-trigger.json", m =>
            m["functions"]![0]!["triggers"]!.AsArray().Add(JsonNode.Parse("""{ "kind": "push", "source": "s3", "expression": "arn:aws:s3:::uploads", "settings": {} }""")));

        var template = TemplateFixture.Parse(TemplateFixture.BuildFromText(manifest));

        Assert.Single(TemplateFixture.OfType(template, "AWS::S3::Bucket"));
        Assert.Equal("UploadsBucket", TemplateFixture.Event(template, "AdminApiFunction", "S3")["Properties"]!["Bucket"]!["Ref"]!.GetValue<string>());
    }

    [Fact]
    public void SnsTrigger_TopicNameBecomesAnArn_AndAnArnIsUsedAsIs()
    {
        AssertEvent("OnNoticeFunction", "Sns",
            """{ "Type": "SNS", "Properties": { "Topic": { "Fn::Sub": "arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:notices" } } }""");
        AssertEvent("OnNoticeFunction", "Sns2",
            """{ "Type": "SNS", "Properties": { "Topic": "arn:aws:sns:eu-west-1:123456789012:partner-notices" } }""");
    }

    [Fact]
    public void EventBridgeTrigger_CarriesThePatternAsAnObject_AndTheManifestsRuleName()
    {
        AssertEvent("OnOrderEventFunction", "EventBridge", """
            { "Type": "EventBridgeRule", "Properties": {
                "Pattern": { "source": ["impulse.orders"], "detail-type": ["OrderPlaced"] }, "RuleName": "on-order-event-eventbridge" } }
            """);
    }

    [Fact]
    public void ScheduleTrigger_CarriesItsExpression_AndTheManifestsRuleName()
    {
        AssertEvent("HourlySweepFunction", "Schedule", """{ "Type": "Schedule", "Properties": { "Schedule": "rate(1 hour)", "Name": "hourly-sweep-schedule" } }""");
    }

    [Fact]
    public void ScheduleTrigger_WithoutARuleName_LeavesTheNameToSam()
    {
        var manifest = TemplateFixture.Edited("every-trigger.json", m => m["functions"]![4]!["triggers"]![0]!["settings"]!.AsObject().Remove("ruleName"));

        var template = TemplateFixture.Parse(TemplateFixture.BuildFromText(manifest));

        Assert.False(TemplateFixture.Event(template, "HourlySweepFunction", "Schedule")["Properties"]!.AsObject().ContainsKey("Name"));
    }

    [Fact]
    public void QueueTrigger_HasBatchingScalingAndPartialFailures()
    {
        AssertEvent("DrainJobsFunction", "Queue", """
            { "Type": "SQS", "Properties": {
                "Queue": { "Fn::Sub": "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:jobs" },
                "BatchSize": 50, "MaximumBatchingWindowInSeconds": 5,
                "ScalingConfig": { "MaximumConcurrency": 4 },
                "FunctionResponseTypes": ["ReportBatchItemFailures"] } }
            """);
    }

    [Fact]
    public void QueueTrigger_GivenAnArn_UsesItAsIs_AndLeavesOutDefaults()
    {
        AssertEvent("DrainJobsFunction", "Queue2",
            """{ "Type": "SQS", "Properties": { "Queue": "arn:aws:sqs:us-west-2:123456789012:partner-jobs", "BatchSize": 10 } }""");
    }

    [Fact]
    public void StreamTrigger_HasRetriesBisectionAndAnOnFailureDestination()
    {
        AssertEvent("ReadClicksFunction", "Stream", """
            { "Type": "Kinesis", "Properties": {
                "Stream": { "Fn::Sub": "arn:${AWS::Partition}:kinesis:${AWS::Region}:${AWS::AccountId}:stream/clicks" },
                "StartingPosition": "TRIM_HORIZON", "BatchSize": 200, "MaximumBatchingWindowInSeconds": 1,
                "MaximumRetryAttempts": 2, "BisectBatchOnFunctionError": true,
                "DestinationConfig": { "OnFailure": { "Type": "SQS",
                    "Destination": { "Fn::Sub": "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:clicks-failed" } } },
                "FunctionResponseTypes": ["ReportBatchItemFailures"] } }
            """);
    }

    [Fact]
    public void DynamoDbStreamTrigger_ByTableName_TakesTheStreamArnFromAParameter()
    {
        AssertEvent("TableChangesFunction", "DynamoDbStream", """
            { "Type": "DynamoDB", "Properties": {
                "Stream": { "Ref": "OrdersStreamArn" },
                "StartingPosition": "TRIM_HORIZON", "BatchSize": 100, "MaximumRetryAttempts": 3,
                "DestinationConfig": { "OnFailure": { "Type": "SQS",
                    "Destination": { "Fn::Sub": "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:orders-changes-dlq" } } },
                "FunctionResponseTypes": ["ReportBatchItemFailures"] } }
            """);

        var parameter = EveryTrigger["Parameters"]!["OrdersStreamArn"]!;
        Assert.Equal("String", parameter["Type"]!.GetValue<string>());
        Assert.Matches(parameter["AllowedPattern"]!.GetValue<string>(), "arn:aws:dynamodb:us-east-1:123456789012:table/Orders/stream/2026-01-01T00:00:00.000");
        Assert.DoesNotMatch(parameter["AllowedPattern"]!.GetValue<string>(), "arn:aws:dynamodb:us-east-1:123456789012:table/Audit/stream/2026-01-01T00:00:00.000");
    }

    [Fact]
    public void DynamoDbStreamTrigger_ByStreamArn_UsesItAsIs()
    {
        AssertEvent("TableChangesFunction", "DynamoDbStream2", """
            { "Type": "DynamoDB", "Properties": {
                "Stream": "arn:aws:dynamodb:us-east-1:123456789012:table/Audit/stream/2026-01-01T00:00:00.000",
                "StartingPosition": "TRIM_HORIZON", "BatchSize": 10, "MaximumRetryAttempts": 0 } }
            """);
    }

    [Fact]
    public void StreamTrigger_StartingPositionFromSettings_IsUsed()
    {
        var manifest = TemplateFixture.Edited("every-trigger.json", m =>
            m["functions"]![6]!["triggers"]![0]!["settings"]!["startingPosition"] = "LATEST");

        var template = TemplateFixture.Parse(TemplateFixture.BuildFromText(manifest));

        Assert.Equal("LATEST", TemplateFixture.Event(template, "ReadClicksFunction", "Stream")["Properties"]!["StartingPosition"]!.GetValue<string>());
    }

    [Fact]
    public void FunctionWithoutTriggers_HasNoEvents()
    {
        var template = TemplateFixture.Parse(TemplateFixture.Build("order-service.json"));

        Assert.False(TemplateFixture.Properties(template, "PingFunction").ContainsKey("Events"));
    }
}
