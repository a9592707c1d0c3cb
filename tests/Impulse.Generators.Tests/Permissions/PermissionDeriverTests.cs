using System.Text.Json;
using Impulse.Generators.Emitting;
using Impulse.Generators.Model;
using Impulse.Generators.Permissions;

namespace Impulse.Generators.Tests.Permissions;

/// <summary>The derivation alone: triggers and declarations in, invoke grants and an execution policy out.</summary>
public sealed class PermissionDeriverTests
{
    private const string Account = "${AWS::AccountId}";
    private const string Region = "${AWS::Region}";

    [Fact]
    public void Derive_NoTriggers_GrantsOnlyItsOwnLogGroup()
    {
        var permissions = Derive("ping");

        Assert.Empty(permissions.Invoke);
        Assert.Collection(permissions.Execution,
            s => AssertStatement(s, "LogGroup", ["logs:CreateLogGroup"], [$"arn:aws:logs:{Region}:{Account}:log-group:/aws/lambda/ping"]),
            s => AssertStatement(s, "Logs", ["logs:CreateLogStream", "logs:PutLogEvents"], [$"arn:aws:logs:{Region}:{Account}:log-group:/aws/lambda/ping:*"]));
    }

    [Fact]
    public void Derive_S3Trigger_GrantsS3ScopedToTheBucketAndAccount()
    {
        var grant = Assert.Single(Derive("thumbs", Push("s3", "uploads")).Invoke);

        Assert.Equal(new InvokeGrantModel("S3InvokeUploads", "s3.amazonaws.com", "arn:aws:s3:::uploads", Account, "trigger"), grant);
    }

    [Fact]
    public void Derive_S3TriggerGivenAsArn_KeepsTheArnAndNamesTheSidAfterTheBucket()
    {
        var grant = Assert.Single(Derive("thumbs", Push("s3", "arn:aws:s3:::uploads")).Invoke);

        Assert.Equal(("S3InvokeUploads", "arn:aws:s3:::uploads"), (grant.Sid, grant.SourceArn));
    }

    [Fact]
    public void Derive_SnsTriggerByNameOrArn_GrantsSnsOnTheTopic()
    {
        var grants = Derive("notify", Push("sns", "orders-topic"), Push("sns", "arn:aws:sns:eu-west-1:123456789012:audit")).Invoke;

        Assert.Equal(
            [
                new InvokeGrantModel("SnsInvokeAudit", "sns.amazonaws.com", "arn:aws:sns:eu-west-1:123456789012:audit", null, "trigger"),
                new InvokeGrantModel("SnsInvokeOrdersTopic", "sns.amazonaws.com", $"arn:aws:sns:{Region}:{Account}:orders-topic", null, "trigger"),
            ],
            grants);
    }

    [Fact]
    public void Derive_EventBridgeAndScheduleTriggers_GrantEventsOnRulesNamedAfterTheFunction()
    {
        var grants = Derive("report", Push("schedule", "rate(1 hour)"), Push("eventBridge", "{\"source\":[\"shop\"]}"), Push("schedule", "rate(1 day)")).Invoke;

        Assert.Equal(
            [
                $"arn:aws:events:{Region}:{Account}:rule/report-eventbridge",
                $"arn:aws:events:{Region}:{Account}:rule/report-schedule",
                $"arn:aws:events:{Region}:{Account}:rule/report-schedule-2",
            ],
            grants.Select(g => g.SourceArn));
        Assert.All(grants, g => Assert.Equal("events.amazonaws.com", g.Principal));
        Assert.Equal(["EventsInvokeReportEventbridge", "EventsInvokeReportSchedule", "EventsInvokeReportSchedule2"], grants.Select(g => g.Sid));
    }

    [Fact]
    public void EventRuleNames_LongFunctionName_StaysWithinEventBridgeLimitAndDistinct()
    {
        var a = EventRuleNames.For(new string('a', 60) + "-one", "schedule", 1);
        var b = EventRuleNames.For(new string('a', 60) + "-two", "schedule", 1);

        Assert.True(a.Length <= 64, a);
        Assert.NotEqual(a, b);
        Assert.EndsWith("-schedule", a);
    }

    [Theory]
    [InlineData("POST /orders", "*/*/POST/orders", "ApiInvokePostOrders")]
    [InlineData("GET /orders/{orderId}", "*/*/GET/orders/*", "ApiInvokeGetOrdersOrderId")]
    [InlineData("ANY /files/{proxy+}", "*/*/*/files/*", "ApiInvokeAnyFilesProxy")]
    public void Derive_HttpTrigger_GrantsApiGatewayOnTheRoute(string route, string resource, string sid)
    {
        var grant = Assert.Single(Derive("api", Push("http", route)).Invoke);

        Assert.Equal(new InvokeGrantModel(sid, "apigateway.amazonaws.com", $"arn:aws:execute-api:{Region}:{Account}:{resource}", null, "trigger"), grant);
    }

    [Fact]
    public void Derive_QueueTriggerWithDeadLetterQueue_PollsTheQueueAndSendsToTheDlqOnly()
    {
        var execution = Derive("ship", Pull("queue", "orders", deadLetterQueue: "orders-dlq")).Execution;

        AssertStatement(execution.Single(s => s.Sid == "PollQueueOrders"), "PollQueueOrders",
            ["sqs:ChangeMessageVisibility", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ReceiveMessage"],
            [$"arn:aws:sqs:{Region}:{Account}:orders"]);
        AssertStatement(execution.Single(s => s.Sid == "DeadLetterOrdersDlq"), "DeadLetterOrdersDlq",
            ["sqs:SendMessage"], [$"arn:aws:sqs:{Region}:{Account}:orders-dlq"]);
        Assert.DoesNotContain(execution, s => s.Resources.Contains("*"));
    }

    [Fact]
    public void Derive_StreamTrigger_ReadsAndDescribesThatStream()
    {
        var statement = Derive("tail", Pull("stream", "clicks")).Execution.Single(s => s.Sid == "PollStreamClicks");

        AssertStatement(statement, "PollStreamClicks",
            ["kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:GetRecords", "kinesis:GetShardIterator",
             "kinesis:ListShards", "kinesis:ListStreams", "kinesis:SubscribeToShard"],
            [$"arn:aws:kinesis:{Region}:{Account}:stream/clicks"]);
    }

    [Fact]
    public void Derive_DynamoDbStreamTrigger_ReadsTheTablesStreams()
    {
        var statement = Derive("audit", Pull("dynamoDbStream", "Orders")).Execution.Single(s => s.Sid == "PollTableOrders");

        AssertStatement(statement, "PollTableOrders",
            ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams"],
            [$"arn:aws:dynamodb:{Region}:{Account}:table/Orders/stream/*"]);
    }

    [Fact]
    public void Derive_TriggerExpressionThatIsAnArn_UsesItAsItIs()
    {
        const string queue = "arn:aws:sqs:eu-west-1:123456789012:orders";

        var statement = Derive("ship", Pull("queue", queue)).Execution.Single(s => s.Sid == "PollQueueOrders");

        Assert.Equal([queue], statement.Resources);
    }

    [Fact]
    public void Derive_DeclaredActionsOnTheSameResources_MergeIntoOneStatement()
    {
        var execution = Derive("store", [],
            Execution("dynamodb:PutItem", "arn:aws:dynamodb:*:*:table/Orders"),
            Execution("dynamodb:GetItem", "arn:aws:dynamodb:*:*:table/Orders"),
            Execution("dynamodb:GetItem", "arn:aws:dynamodb:*:*:table/Prices")).Execution;

        AssertStatement(execution.Single(s => s.Sid == "DynamodbOrders"), "DynamodbOrders",
            ["dynamodb:GetItem", "dynamodb:PutItem"], ["arn:aws:dynamodb:*:*:table/Orders"]);
        AssertStatement(execution.Single(s => s.Sid == "DynamodbPrices"), "DynamodbPrices",
            ["dynamodb:GetItem"], ["arn:aws:dynamodb:*:*:table/Prices"]);
    }

    [Fact]
    public void Derive_DeclaredActionOnThePollersQueue_JoinsThePollStatement()
    {
        var execution = Derive("ship", [Pull("queue", "orders")], Execution("sqs:SendMessage", $"arn:aws:sqs:{Region}:{Account}:orders")).Execution;

        var statement = Assert.Single(execution, s => s.Resources.Contains($"arn:aws:sqs:{Region}:{Account}:orders"));
        Assert.Equal("PollQueueOrders", statement.Sid);
        Assert.Contains("sqs:SendMessage", statement.Actions);
        Assert.Contains("sqs:ReceiveMessage", statement.Actions);
    }

    [Fact]
    public void Derive_DuplicateDeclarations_AppearOnce()
    {
        var twice = Derive("store", [], Execution("s3:GetObject", "arn:aws:s3:::docs/*"), Execution("s3:GetObject", "arn:aws:s3:::docs/*"));
        var once = Derive("store", [], Execution("s3:GetObject", "arn:aws:s3:::docs/*"));

        Assert.Equal(once, twice);
    }

    [Fact]
    public void Derive_SameConditionWrittenTwoWays_MergesAndDifferentConditionsDoNot()
    {
        var execution = Derive("store", [],
            Execution("s3:GetObject", "arn:aws:s3:::docs/*", """{"Bool": {"aws:SecureTransport": "true"}}"""),
            Execution("s3:PutObject", "arn:aws:s3:::docs/*", """{ "Bool":{"aws:SecureTransport":"true"} }"""),
            Execution("s3:DeleteObject", "arn:aws:s3:::docs/*")).Execution;

        var conditional = execution.Single(s => s.Condition is not null);
        Assert.Equal(["s3:GetObject", "s3:PutObject"], conditional.Actions);
        Assert.Equal("""{"Bool":{"aws:SecureTransport":"true"}}""", conditional.Condition);
        Assert.Equal(["s3:DeleteObject"], execution.Single(s => s.Sid.StartsWith("S3", StringComparison.Ordinal) && s.Condition is null).Actions);
        Assert.Equal(execution.Select(s => s.Sid).Distinct().Count(), execution.Count);
    }

    [Fact]
    public void Derive_SidsAreStableWhenOtherPermissionsAreAdded()
    {
        var before = Derive("store", [Pull("queue", "orders")], Execution("dynamodb:PutItem", "arn:aws:dynamodb:*:*:table/Orders"));
        var after = Derive("store", [Pull("queue", "orders"), Push("s3", "uploads")],
            Execution("s3:GetObject", "arn:aws:s3:::uploads/*"), Execution("dynamodb:PutItem", "arn:aws:dynamodb:*:*:table/Orders"));

        foreach (var statement in before.Execution)
            Assert.Equal(statement, after.Execution.Single(s => s.Sid == statement.Sid));
    }

    [Fact]
    public void Derive_CollidingSids_GetNumberedInContentOrder()
    {
        var execution = Derive("store", [],
            Execution("s3:GetObject", "arn:aws:s3:::b/docs"),
            Execution("s3:PutObject", "arn:aws:s3:::a/docs")).Execution;

        Assert.Equal(["arn:aws:s3:::a/docs"], execution.Single(s => s.Sid == "S3Docs").Resources);
        Assert.Equal(["arn:aws:s3:::b/docs"], execution.Single(s => s.Sid == "S3Docs2").Resources);
    }

    [Fact]
    public void Derive_DeclaredInvokeEqualToADerivedOne_IsKeptOnceAsTrigger()
    {
        var grants = Derive("thumbs", [Push("s3", "uploads")], [],
            new InvokePermissionModel("s3.amazonaws.com", "arn:aws:s3:::uploads", Account),
            new InvokePermissionModel("123456789012", null, null)).Invoke;

        Assert.Equal(
            [
                new InvokeGrantModel("Invoke123456789012", "123456789012", null, null, "declared"),
                new InvokeGrantModel("S3InvokeUploads", "s3.amazonaws.com", "arn:aws:s3:::uploads", Account, "trigger"),
            ],
            grants);
    }

    [Fact]
    public void Derive_EveryTriggerKindTogether_IsAValidPolicyInOrdinalSidOrder()
    {
        var permissions = Derive("everything",
            [Push("http", "POST /x"), Push("s3", "b"), Push("sns", "t"), Push("eventBridge", "{}"), Push("schedule", "rate(1 hour)"),
             Pull("queue", "q", "dlq"), Pull("stream", "s"), Pull("dynamoDbStream", "T")],
            [Execution("kms:Decrypt", "arn:aws:kms:*:*:key/1", """{"StringEquals":{"kms:ViaService":["s3.amazonaws.com"]}}""")],
            new InvokePermissionModel("arn:aws:iam::123456789012:role/caller", null, null));

        var json = Json(permissions);
        IamPolicyValidator.AssertValid(json.GetProperty("execution"));
        var sids = permissions.Execution.Select(s => s.Sid).ToList();
        Assert.Equal(sids.Order(StringComparer.Ordinal), sids);
        Assert.Equal(permissions.Invoke.Select(g => g.Sid).Order(StringComparer.Ordinal), permissions.Invoke.Select(g => g.Sid));
        Assert.Equal(6, permissions.Invoke.Count);
    }

    private static PermissionSetModel Derive(string name, params TriggerModel[] triggers) => Derive(name, triggers, []);

    private static PermissionSetModel Derive(string name, TriggerModel[] triggers, ExecutionPermissionModel[] execution, params InvokePermissionModel[] invoke) =>
        PermissionDeriver.Derive(name, triggers, invoke, execution);

    private static PermissionSetModel Derive(string name, TriggerModel[] triggers, params ExecutionPermissionModel[] execution) =>
        PermissionDeriver.Derive(name, triggers, [], execution);

    private static TriggerModel Push(string source, string expression) => new("push", source, expression, EquatableArray<SettingModel>.Empty);

    private static TriggerModel Pull(string source, string expression, string? deadLetterQueue = null) =>
        new("pull", source, expression, EquatableArray<SettingModel>.Empty, deadLetterQueue);

    private static ExecutionPermissionModel Execution(string action, string resource, string? condition = null) =>
        new(action, new[] { resource }.ToEquatableArray(), condition);

    private static void AssertStatement(PolicyStatementModel statement, string sid, string[] actions, string[] resources)
    {
        Assert.Equal(sid, statement.Sid);
        Assert.Equal(actions, statement.Actions);
        Assert.Equal(resources, statement.Resources);
    }

    private static JsonElement Json(PermissionSetModel permissions)
    {
        var text = new JsonText().StartObject();
        PermissionsEmitter.Write(text, permissions);
        using var document = JsonDocument.Parse(text.EndObject().ToString());
        return document.RootElement.GetProperty("permissions").Clone();
    }
}
