namespace Impulse.CodeFixes.Tests;

/// <summary>IMP0022: a declared action, of a service the operation map knows, that no SDK call of the function needs.</summary>
public sealed class UnusedPermissionTests
{
    [Fact]
    public Task PermissionsOfOtherServices_ReportNothing() => SdkAnalyzerVerifier.VerifyAsync("""
        [ExecutionPermission("events:PutEvents", "arn:aws:events:*:*:event-bus/default")]
        public sealed class Notices(IAmazonS3 s3)
        {
            [Function("notify")]
            [ExecutionPermission("sns:Publish", "arn:aws:sns:*:*:notices")]
            [ExecutionPermission("*", "*")]
            public Task Notify(string key) => s3.GetObjectAsync("photos", key);
        }
        """);

    [Fact]
    public Task ClassPermissionUsedByOneOfItsFunctions_ReportsNothing() => SdkAnalyzerVerifier.VerifyAsync("""
        [ExecutionPermission("dynamodb:GetItem", "arn:aws:dynamodb:*:*:table/Orders")]
        public sealed class Orders(IAmazonDynamoDB dynamo)
        {
            [Function("get-order")]
            public Task Get(string id) => dynamo.GetItemAsync("Orders", new Dictionary<string, AttributeValue> { ["id"] = new AttributeValue { S = id } });

            [Function("ping")]
            public string Ping(string text) => text;
        }
        """);

    [Fact]
    public Task PermissionUsedThroughAHelper_ReportsNothing() => SdkAnalyzerVerifier.VerifyAsync("""
        public sealed class Jobs(IAmazonSQS sqs)
        {
            [Function("enqueue")]
            [ExecutionPermission("sqs:SendMessage", "arn:aws:sqs:*:*:jobs")]
            public Task Enqueue(string job) => Send(job);

            private Task Send(string job) => sqs.SendMessageAsync("https://sqs.eu-west-1.amazonaws.com/123456789012/jobs", job);
        }
        """);

    [Theory]
    [InlineData(10, true)]
    [InlineData(20, false)]
    public async Task CallChainPastTheWalksDepth_IsNotCalledUnused(int chainLength, bool reached)
    {
        var helpers = string.Concat(Enumerable.Range(0, chainLength).Select(i => i == chainLength - 1
            ? $"    public static Task Step{i}(IAmazonS3 s3) => s3.GetObjectAsync(\"photos\", \"k\");\n"
            : $"    public static Task Step{i}(IAmazonS3 s3) => Step{i + 1}(s3);\n"));
        var diagnostics = await SdkAnalyzerVerifier.ReportedAsync($$"""
            public static class Chain
            {
            {{helpers}}
                [Function("deep")]
                [ExecutionPermission("s3:GetObject", "arn:aws:s3:::photos/*")]
                [ExecutionPermission("s3:PutObject", "arn:aws:s3:::photos/*")]
                public static Task Run(IAmazonS3 s3) => Step0(s3);
            }
            """);

        // Reached, the chain's call uses GetObject and PutObject is unused; past the bound, nothing is claimed either way.
        Assert.Equal(reached ? ["'s3:PutObject' is declared for function 'deep', but no AWS SDK call there needs it; remove it unless code Impulse cannot see uses it"] : [],
            diagnostics.Select(d => d.GetMessage()));
    }

    [Fact]
    public Task UnusedPermissionOnTheFunction_ReportsTheAttribute() => SdkAnalyzerVerifier.VerifyAsync("""
        public sealed class Photos(IAmazonS3 s3)
        {
            [Function("get-photo")]
            [ExecutionPermission("s3:GetObject", "arn:aws:s3:::photos/*")]
            [{|IMP0022:ExecutionPermission("s3:DeleteObject", "arn:aws:s3:::photos/*")|}]
            public Task Get(string key) => s3.GetObjectAsync("photos", key);
        }
        """);

    [Fact]
    public Task UnusedWildcardOnTheClass_ReportsTheAttribute() => SdkAnalyzerVerifier.VerifyAsync("""
        [{|IMP0022:ExecutionPermission("kms:*", "*")|}]
        public sealed class Photos(IAmazonS3 s3)
        {
            [Function("get-photo")]
            [ExecutionPermission("s3:GetObject", "arn:aws:s3:::photos/*")]
            public Task Get(string key) => s3.GetObjectAsync("photos", key);
        }
        """);

    [Fact]
    public async Task Message_NamesTheActionAndWhereItIsDeclared()
    {
        var diagnostics = await SdkAnalyzerVerifier.ReportedAsync("""
            [ExecutionPermission("sqs:PurgeQueue", "*")]
            public sealed class Jobs
            {
                [Function("a")]
                [ExecutionPermission("ssm:GetParameter", "*")]
                public string A(string text) => text;

                [Function("b")]
                public string B(string text) => text;
            }
            """);

        Assert.Equal(
            [
                "'sqs:PurgeQueue' is declared for the functions of 'Jobs' ('a', 'b'), but no AWS SDK call there needs it; remove it unless code Impulse cannot see uses it",
                "'ssm:GetParameter' is declared for function 'a', but no AWS SDK call there needs it; remove it unless code Impulse cannot see uses it",
            ],
            diagnostics.Select(d => d.GetMessage()));
        Assert.All(diagnostics, d => Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Info, d.Severity));
    }
}
