using Impulse.Generators.Tests.Analyzers;

namespace Impulse.Generators.Tests.Permissions;

/// <summary>IMP0018–IMP0020: declared permissions are well formed IAM, and wildcards are pointed out with the narrower choice.</summary>
public sealed class PermissionAnalyzerTests
{
    [Fact]
    public Task Analyze_WellFormedPermissions_ReportNothing() => AnalyzerVerifier.VerifyAsync("""
        [ExecutionPermission("ssm:GetParameter", "arn:aws:ssm:${AWS::Region}:${AWS::AccountId}:parameter/app/*")]
        [InvokePermission("123456789012")]
        public static class A
        {
            [Function("store")]
            [ExecutionPermission("dynamodb:PutItem", "arn:aws:dynamodb:*:*:table/Orders", "arn:aws:dynamodb:us-east-1:123456789012:table/Audit")]
            [ExecutionPermission("s3:GetObject", "arn:aws:s3:::uploads/*", Condition = "{\"Bool\": {\"aws:SecureTransport\": \"true\"}}")]
            [ExecutionPermission("kms:Decrypt", new[] { "arn:aws-cn:kms:cn-north-1:123456789012:key/abc" })]
            [ExecutionPermission("sqs:SendMessage", ["arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:orders"],
                Condition = "{\"StringEquals\": {\"aws:RequestTag/team\": [\"a\", \"b\"]}, \"NumericLessThan\": {\"s3:max-keys\": 10}}")]
            [InvokePermission("s3.amazonaws.com", SourceArn = "arn:aws:s3:::uploads", SourceAccount = "123456789012")]
            [InvokePermission("arn:aws:iam::123456789012:role/caller")]
            [InvokePermission("arn:${AWS::Partition}:iam::${AWS::AccountId}:root")]
            [InvokePermission("*")]
            public static void Store() { }
        }
        """);

    [Fact]
    public Task Analyze_MalformedActions_ReportIMP0018OnTheAction() => AnalyzerVerifier.VerifyAsync("""
        [ExecutionPermission({|IMP0018:"PutItem"|}, "arn:aws:dynamodb:*:*:table/Orders")]
        public static class A
        {
            [Function("store")]
            [ExecutionPermission({|IMP0018:"dynamodb PutItem"|}, "arn:aws:dynamodb:*:*:table/Orders")]
            [ExecutionPermission({|IMP0018:"DynamoDB:PutItem"|}, "arn:aws:dynamodb:*:*:table/Orders")]
            [ExecutionPermission({|IMP0018:"dynamodb:Put-Item"|}, "arn:aws:dynamodb:*:*:table/Orders")]
            [ExecutionPermission({|IMP0018:"dynamodb:"|}, "arn:aws:dynamodb:*:*:table/Orders")]
            public static void Store() { }
        }
        """);

    [Fact]
    public Task Analyze_MalformedArnsPrincipalsAndAccounts_ReportIMP0019OnTheValue() => AnalyzerVerifier.VerifyAsync("""
        public static class A
        {
            [Function("store")]
            [ExecutionPermission("dynamodb:PutItem", {|IMP0019:"table/Orders"|})]
            [ExecutionPermission("dynamodb:PutItem", "arn:aws:dynamodb:*:*:table/Orders", {|IMP0019:"arn:aws:dynamodb:*:12345:table/Audit"|})]
            [ExecutionPermission("s3:GetObject", new[] { {|IMP0019:"arn:aws:s3:::"|} })]
            [ExecutionPermission("sqs:SendMessage", [{|IMP0019:"arn:aws:sqs:us east 1:123456789012:q"|}])]
            [InvokePermission({|IMP0019:"s3"|})]
            [InvokePermission({|IMP0019:"12345"|})]
            [InvokePermission({|IMP0019:"arn:aws:s3:::bucket"|})]
            [InvokePermission("s3.amazonaws.com", SourceArn = {|IMP0019:"uploads"|}, SourceAccount = {|IMP0019:"my-account"|})]
            public static void Store() { }
        }
        """);

    [Fact]
    public Task Analyze_PartialMethod_ReportsOnce() => AnalyzerVerifier.VerifyAsync("""
        public static partial class A
        {
            [ExecutionPermission({|IMP0018:"PutItem"|}, "arn:aws:dynamodb:*:*:table/Orders")]
            public static partial void Store();
            public static partial void Store() { }
        }
        """);

    [Fact]
    public Task Analyze_PermissionWithoutResources_ReportsIMP0019OnTheAttribute() => AnalyzerVerifier.VerifyAsync("""
        public static class A
        {
            [Function("store")]
            [{|IMP0019:ExecutionPermission("dynamodb:PutItem")|}]
            public static void Store() { }
        }
        """);

    [Fact]
    public Task Analyze_NullValues_AreReportedAsMissing() => AnalyzerVerifier.VerifyAsync("""
        public static class A
        {
            [Function("store")]
            [ExecutionPermission({|IMP0018:null!|}, "arn:aws:dynamodb:*:*:table/Orders")]
            [{|IMP0019:ExecutionPermission("dynamodb:GetItem", null!)|}]
            [ExecutionPermission("dynamodb:PutItem", "arn:aws:dynamodb:*:*:table/Orders", {|IMP0019:null!|})]
            [InvokePermission({|IMP0019:null!|})]
            public static void Store() { }
        }
        """);

    [Fact]
    public Task Analyze_ConditionThatIsNotAnIamConditionObject_ReportsIMP0019() => AnalyzerVerifier.VerifyAsync("""
        public static class A
        {
            [Function("store")]
            [ExecutionPermission("s3:GetObject", "arn:aws:s3:::a/*", Condition = {|IMP0019:"aws:SecureTransport=true"|})]
            [ExecutionPermission("s3:GetObject", "arn:aws:s3:::b/*", Condition = {|IMP0019:"[\"Bool\"]"|})]
            [ExecutionPermission("s3:GetObject", "arn:aws:s3:::c/*", Condition = {|IMP0019:"{\"Bool\": \"true\"}"|})]
            [ExecutionPermission("s3:GetObject", "arn:aws:s3:::d/*", Condition = {|IMP0019:"{\"Bool\": {\"aws:SecureTransport\": {\"x\": 1}}}"|})]
            [ExecutionPermission("s3:GetObject", "arn:aws:s3:::e/*", Condition = {|IMP0019:"{\"Bool\": {\"aws:SecureTransport\": \"true\"}"|})]
            public static void Store() { }
        }
        """);

    [Fact]
    public Task Analyze_Wildcards_ReportIMP0020() => AnalyzerVerifier.VerifyAsync("""
        public static class A
        {
            [Function("store")]
            [ExecutionPermission({|IMP0020:"s3:*"|}, "arn:aws:s3:::uploads/*")]
            [ExecutionPermission({|IMP0020:"dynamodb:Get*"|}, "arn:aws:dynamodb:*:*:table/Orders")]
            [ExecutionPermission("dynamodb:PutItem", {|IMP0020:"*"|})]
            [ExecutionPermission("dynamodb:PutItem", {|IMP0020:"arn:aws:dynamodb:*:*:table/*"|})]
            [ExecutionPermission("dynamodb:Query", {|IMP0020:"arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/*"|})]
            [ExecutionPermission("sqs:SendMessage", {|IMP0020:"arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:*"|})]
            [ExecutionPermission({|IMP0020:"*"|}, {|IMP0020:"*"|})]
            public static void Store() { }
        }
        """);

    [Fact]
    public async Task Analyze_WildcardAction_NamesTheActionsTheFunctionUses()
    {
        var diagnostics = await AnalyzerVerifier.ReportedAsync("""
            public static class A
            {
                [Function("ship")]
                [PullTrigger(PullSource.Queue, "orders")]
                [ExecutionPermission("s3:PutObject", "arn:aws:s3:::labels/*")]
                [ExecutionPermission("s3:*", "arn:aws:s3:::labels/*")]
                [ExecutionPermission("sqs:*", "arn:aws:sqs:*:*:orders")]
                public static void Ship(string order) { }
            }
            """);

        Assert.Collection(diagnostics,
            d => Assert.Equal("The action 's3:*' grants every s3 action; name the actions the code needs instead, such as s3:PutObject, s3:GetObject, s3:DeleteObject, s3:ListBucket", d.GetMessage()),
            d => Assert.StartsWith("The action 'sqs:*' grants every sqs action; name the actions the code needs instead, such as sqs:ChangeMessageVisibility, sqs:DeleteMessage", d.GetMessage()));
    }

    [Fact]
    public async Task Analyze_WildcardResource_NamesTheArnFormForTheService()
    {
        var diagnostics = await AnalyzerVerifier.ReportedAsync("""
            public static class A
            {
                [Function("store")]
                [ExecutionPermission("dynamodb:PutItem", "*")]
                public static void Store() { }
            }
            """);

        Assert.Equal(
            "The resource '*' grants 'dynamodb:PutItem' on every resource of its kind; name the resource, in the form arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/NAME",
            Assert.Single(diagnostics).GetMessage());
    }

    [Fact]
    public async Task Analyze_MalformedValues_MessagesSayWhatIsWrong()
    {
        var diagnostics = await AnalyzerVerifier.ReportedAsync("""
            public static class A
            {
                [Function("store")]
                [ExecutionPermission("PutItem", "arn:aws:dynamodb:*:12345:table/Orders", Condition = "{\"Bool\": true}")]
                public static void Store() { }
            }
            """);

        Assert.Collection(diagnostics,
            d => Assert.Equal("The IAM action 'PutItem' is malformed: it has no service prefix; write service:Action, such as s3:GetObject", d.GetMessage()),
            d => Assert.Equal("The resource 'arn:aws:dynamodb:*:12345:table/Orders' is malformed: the account '12345' is not a 12-digit account id, * or ${AWS::AccountId}", d.GetMessage()),
            d => Assert.Equal("The condition is malformed: the operator \"Bool\" must map to an object of condition keys and values", d.GetMessage()));
    }

    [Fact]
    public async Task Analyze_MalformedPermission_GeneratorSkipsTheFunction()
    {
        var compilation = AnalyzerVerifier.Compile(["""
            public static class A
            {
                [Function("good")] public static void Good() { }
                [Function("bad")] [ExecutionPermission("PutItem", "*")] public static void Bad() { }
            }
            """]);

        var manifest = GeneratedManifest.Read(compilation.SyntaxTrees.Single(t => t.FilePath.EndsWith("Impulse.Functions.g.cs", StringComparison.Ordinal)).ToString());

        Assert.Equal(["good"], manifest.GetProperty("functions").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        Assert.Contains("IMP0018", (await AnalyzerVerifier.DiagnosticsAsync(compilation)).Select(d => d.Id));
    }
}
