namespace Impulse.CodeFixes.Tests;

/// <summary>IMP0021: an AWS SDK call a function makes, itself or through a helper, whose IAM action it does not declare.</summary>
public sealed class UndeclaredPermissionTests
{
    [Fact]
    public Task ActionDeclaredOnTheFunction_ReportsNothing() => SdkAnalyzerVerifier.VerifyAsync("""
        public sealed class Photos(IAmazonS3 s3)
        {
            [Function("get-photo")]
            [ExecutionPermission("s3:GetObject", "arn:aws:s3:::photos/*")]
            public async Task<string> Get(string key)
            {
                using var response = await s3.GetObjectAsync("photos", key);
                return response.Key;
            }
        }
        """);

    [Fact]
    public Task ActionDeclaredOnTheClass_ReportsNothing() => SdkAnalyzerVerifier.VerifyAsync("""
        [ExecutionPermission("sqs:SendMessage", "arn:aws:sqs:*:*:orders")]
        public sealed class Orders(IAmazonSQS sqs)
        {
            [Function("place-order")]
            public Task Place(string order) => sqs.SendMessageAsync("https://sqs.eu-west-1.amazonaws.com/123456789012/orders", order);

            [Function("retry-order")]
            public Task Retry(string order) => sqs.SendMessageAsync("https://sqs.eu-west-1.amazonaws.com/123456789012/orders", order);
        }
        """);

    [Theory]
    [InlineData("s3:Get*")]
    [InlineData("s3:*")]
    [InlineData("*")]
    [InlineData("S3:GETOBJECT")]
    public Task WildcardOrCaseVariantThatCovers_ReportsNothing(string action) => SdkAnalyzerVerifier.VerifyAsync($$"""
        public sealed class Photos(IAmazonS3 s3)
        {
            [Function("get-photo")]
            [ExecutionPermission("{{action}}", "arn:aws:s3:::photos/*")]
            public async Task Get(string key) => (await s3.GetObjectAsync("photos", key)).Dispose();
        }
        """);

    [Fact]
    public Task SdkCallOutsideAnyFunction_ReportsNothing() => SdkAnalyzerVerifier.VerifyAsync("""
        public sealed class Tool(IAmazonS3 s3)
        {
            public Task Wipe(string key) => s3.DeleteObjectAsync("photos", key);
        }

        public static class Health
        {
            [Function("ping")]
            public static string Ping(string text) => text;
        }
        """);

    [Fact]
    public Task ConditionalActionNotTriggered_ReportsNothing() => SdkAnalyzerVerifier.VerifyAsync("""
        public sealed class Uploads(IAmazonS3 s3)
        {
            [Function("upload")]
            [ExecutionPermission("s3:PutObject", "arn:aws:s3:::uploads/*")]
            public Task Upload(string body) => s3.PutObjectAsync(new PutObjectRequest { BucketName = "uploads", Key = "k", ContentBody = body });
        }
        """);

    [Fact]
    public Task DirectAsyncCall_ReportsTheCall() => SdkAnalyzerVerifier.VerifyAsync("""
        public sealed class Photos(IAmazonS3 s3)
        {
            [Function("get-photo")]
            public async Task<string> Get(string key)
            {
                using var response = await {|IMP0021:s3.GetObjectAsync("photos", key)|};
                return response.Key;
            }
        }
        """);

    [Fact]
    public Task CallOnTheConcreteClient_ReportsTheCall() => SdkAnalyzerVerifier.VerifyAsync("""
        public sealed class Tables(AmazonDynamoDBClient dynamo)
        {
            [Function("describe")]
            public Task Describe(string table) => {|IMP0021:dynamo.DescribeTableAsync(table)|};
        }
        """);

    [Fact]
    public Task CallThroughAHelperInAnotherFile_ReportsTheHelpersCall() => SdkAnalyzerVerifier.VerifyAsync(
        """
        public sealed class Orders(OrderStore store)
        {
            [Function("save-order")]
            public Task Save(string id) => store.SaveAsync(id);
        }
        """,
        """
        public sealed class OrderStore(IAmazonDynamoDB dynamo)
        {
            public Task SaveAsync(string id) => Write(new Dictionary<string, AttributeValue> { ["id"] = new AttributeValue { S = id } });

            private Task Write(Dictionary<string, AttributeValue> item) =>
                {|IMP0021:dynamo.PutItemAsync(new PutItemRequest { TableName = "Orders", Item = item })|};
        }
        """);

    [Fact]
    public Task CallThroughAnInterfaceOfTheProject_ReportsTheImplementationsCall() => SdkAnalyzerVerifier.VerifyAsync(
        """
        public interface IOrderStore
        {
            Task SaveAsync(string id);
        }

        public abstract class AuditLog
        {
            public abstract Task WriteAsync(string line);
        }

        public sealed class Orders(IOrderStore store, AuditLog audit)
        {
            [Function("save-order")]
            public async Task Save(string id)
            {
                await store.SaveAsync(id);
                await audit.WriteAsync(id);
            }
        }
        """,
        """
        public sealed class DynamoOrderStore(IAmazonDynamoDB dynamo) : IOrderStore
        {
            public Task SaveAsync(string id) => {|IMP0021:dynamo.PutItemAsync(new PutItemRequest { TableName = "Orders" })|};
        }

        public sealed class QueueAuditLog(IAmazonSQS sqs) : AuditLog
        {
            public override Task WriteAsync(string line) => {|IMP0021:sqs.SendMessageAsync("https://sqs.eu-west-1.amazonaws.com/123456789012/audit", line)|};
        }
        """);

    [Fact]
    public Task CallInAPropertyGetterAndAConstructor_ReportsBoth() => SdkAnalyzerVerifier.VerifyAsync("""
        public sealed class Settings
        {
            private readonly Task _warmUp;

            public Settings(IAmazonSimpleSystemsManagement ssm)
            {
                Ssm = ssm;
                _warmUp = {|IMP0021:ssm.DescribeParametersAsync(new DescribeParametersRequest())|};
            }

            public IAmazonSimpleSystemsManagement Ssm { get; }

            public Task<GetParameterResponse> Password => {|IMP0021:Ssm.GetParameterAsync(new GetParameterRequest { Name = "/app/password" })|};
        }

        public static class Login
        {
            [Function("login")]
            public static async Task Run(IAmazonSimpleSystemsManagement ssm)
            {
                var settings = new Settings(ssm);
                await settings.Password;
            }
        }
        """);

    [Fact]
    public Task HelperSharedByTwoFunctions_ReportsForTheOneThatLacksTheAction() => SdkAnalyzerVerifier.VerifyAsync("""
        public sealed class Settings(IAmazonSimpleSystemsManagement ssm)
        {
            [Function("read-settings")]
            [ExecutionPermission("ssm:GetParametersByPath", "arn:aws:ssm:*:*:parameter/app*")]
            public Task Read() => Load();

            [Function("reload-settings")]
            public Task Reload() => Load();

            private Task Load() => {|IMP0021:ssm.GetParametersByPathAsync(new GetParametersByPathRequest { Path = "/app" })|};
        }
        """);

    [Fact]
    public Task CallInsideALambdaAndALocalFunction_ReportsBoth() => SdkAnalyzerVerifier.VerifyAsync("""
        public sealed class Keys(IAmazonKeyManagementService kms)
        {
            [Function("new-key")]
            public async Task Create()
            {
                await Task.Run(() => {|IMP0021:kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = "alias/app" })|});
                await Decrypt();

                Task Decrypt() => {|IMP0021:kms.DecryptAsync(new DecryptRequest())|};
            }
        }
        """);

    [Fact]
    public Task IrregularS3Operations_NeedTheActionsIamChecksNotTheirOwnNames() => SdkAnalyzerVerifier.VerifyAsync("""
        public sealed class Archive(IAmazonS3 s3)
        {
            [Function("archive")]
            [{|IMP0022:ExecutionPermission("s3:ListObjectsV2", "arn:aws:s3:::photos")|}]
            [ExecutionPermission("s3:PutObject", "arn:aws:s3:::archive/*")]
            [{|IMP0022:ExecutionPermission("s3:DeleteObjects", "arn:aws:s3:::photos/*")|}]
            public async Task Run()
            {
                await {|IMP0021:s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "photos" })|};
                await {|IMP0021:s3.GetObjectMetadataAsync("photos", "a.jpg")|};
                await {|IMP0021:s3.CopyObjectAsync("photos", "a.jpg", "archive", "a.jpg")|};
                await {|IMP0021:s3.DeleteObjectsAsync(new DeleteObjectsRequest { BucketName = "photos" })|};
            }
        }
        """);

    [Fact]
    public Task IrregularBatchOperations_NeedTheSingleActions() => SdkAnalyzerVerifier.VerifyAsync("""
        [ExecutionPermission("sqs:SendMessage", "*")]
        [ExecutionPermission("dynamodb:BatchGetItem", "*")]
        public sealed class Batches(IAmazonSQS sqs, IAmazonDynamoDB dynamo)
        {
            [Function("batches")]
            public async Task Run(string queue)
            {
                await sqs.SendMessageBatchAsync(queue, []);
                await {|IMP0021:sqs.DeleteMessageBatchAsync(queue, [])|};
                await dynamo.BatchGetItemAsync(new Dictionary<string, KeysAndAttributes>());
                await {|IMP0021:{|IMP0021:{|IMP0021:{|IMP0021:dynamo.TransactWriteItemsAsync(new TransactWriteItemsRequest())|}|}|}|};
            }
        }
        """);

    [Fact]
    public Task ObjectPersistenceModel_NeedsItsItemActionAndDescribeTableOnTheMappedTable() => SdkAnalyzerVerifier.VerifyAsync("""
        [DynamoDBTable("Orders")]
        public sealed class Order
        {
            [DynamoDBHashKey]
            public string Id { get; set; } = "";
        }

        public sealed class Orders(IDynamoDBContext db)
        {
            [Function("save-order")]
            [ExecutionPermission("dynamodb:DescribeTable", "arn:aws:dynamodb:*:*:table/Orders")]
            public async Task Save(string id)
            {
                await {|IMP0021:db.SaveAsync(new Order { Id = id })|};
                var loaded = await {|IMP0021:db.LoadAsync<Order>(id)|};
            }
        }
        """);

    [Fact]
    public async Task ObjectPersistenceModel_ResourceIsTheTableItsTypeNames()
    {
        var diagnostics = await SdkAnalyzerVerifier.ReportedAsync("""
            [DynamoDBTable("Orders")]
            public sealed class Order
            {
                [DynamoDBHashKey]
                public string Id { get; set; } = "";
            }

            public sealed class Orders(IDynamoDBContext db)
            {
                [Function("delete-order")]
                public Task Delete(string id) => db.DeleteAsync<Order>(id);
            }
            """);

        Assert.Equal(["dynamodb:DeleteItem", "dynamodb:DescribeTable"], diagnostics.Select(d => d.Properties["Action"]).Order(StringComparer.Ordinal));
        Assert.All(diagnostics, d => Assert.Equal("arn:aws:dynamodb:*:*:table/Orders", d.Properties["Resource"]));
    }

    [Fact]
    public Task TransferUtility_NeedsTheObjectActions() => SdkAnalyzerVerifier.VerifyAsync("""
        public sealed class Files(TransferUtility transfer)
        {
            [Function("copy-file")]
            [ExecutionPermission("s3:PutObject", "arn:aws:s3:::backups/*")]
            public async Task Copy(string path)
            {
                await transfer.UploadAsync(path, "backups");
                await {|IMP0021:transfer.DownloadAsync(new TransferUtilityDownloadRequest { BucketName = "backups", Key = "k", FilePath = path })|};
            }
        }
        """);

    [Fact]
    public Task PutObjectWithACannedAcl_NeedsPutObjectAcl() => SdkAnalyzerVerifier.VerifyAsync("""
        public sealed class Uploads(IAmazonS3 s3)
        {
            [Function("publish")]
            [ExecutionPermission("s3:PutObject", "arn:aws:s3:::site/*")]
            public Task Publish(string body)
            {
                var request = new PutObjectRequest { BucketName = "site", Key = "index.html", ContentBody = body };
                request.CannedACL = S3CannedACL.PublicRead;
                return {|IMP0021:s3.PutObjectAsync(request)|};
            }
        }
        """);

    [Fact]
    public async Task RequestFromAParameter_NeedsTheUnconditionalActionsOnTheServicesPattern()
    {
        var diagnostic = Assert.Single(await SdkAnalyzerVerifier.ReportedAsync("""
            public sealed class Uploads(IAmazonS3 s3)
            {
                [Function("upload")]
                public Task Upload(string body) => Put(new PutObjectRequest { BucketName = "site", CannedACL = S3CannedACL.PublicRead });

                private Task Put(PutObjectRequest request) => s3.PutObjectAsync(request);
            }
            """));

        Assert.Equal("s3:PutObject", diagnostic.Properties["Action"]);
        Assert.Equal("arn:aws:s3:::*/*", diagnostic.Properties["Resource"]);
    }

    [Fact]
    public async Task Message_NamesTheCallTheActionTheFunctionAndTheResourceToDeclare()
    {
        var diagnostic = Assert.Single(await SdkAnalyzerVerifier.ReportedAsync("""
            public sealed class Photos(IAmazonS3 s3)
            {
                [Function("get-photo")]
                public Task Get(string key) => s3.GetObjectAsync("photos", key);
            }
            """));

        Assert.Equal(
            "IAmazonS3.GetObjectAsync needs 's3:GetObject', which function 'get-photo' does not declare; add [ExecutionPermission(\"s3:GetObject\", \"arn:aws:s3:::photos/*\")] to the function or its class",
            diagnostic.GetMessage());
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, diagnostic.Severity);
    }

    [Theory]
    [InlineData("s3.GetObjectAsync(bucket, \"k\")", "arn:aws:s3:::*/*")]
    [InlineData("s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = \"logs\" })", "arn:aws:s3:::logs")]
    [InlineData("dynamo.GetItemAsync(\"Orders\", new Dictionary<string, AttributeValue>())", "arn:aws:dynamodb:*:*:table/Orders")]
    [InlineData("dynamo.QueryAsync(new QueryRequest { TableName = bucket })", "arn:aws:dynamodb:*:*:table/*")]
    [InlineData("sqs.ReceiveMessageAsync(\"https://sqs.eu-west-1.amazonaws.com/123456789012/jobs\")", "arn:aws:sqs:*:*:jobs")]
    [InlineData("ssm.GetParameterAsync(new GetParameterRequest { Name = \"/app/db-password\" })", "arn:aws:ssm:*:*:parameter/app/db-password")]
    [InlineData("ssm.GetParametersByPathAsync(new GetParametersByPathRequest { Path = \"/app\" })", "arn:aws:ssm:*:*:parameter/app*")]
    [InlineData("kms.DecryptAsync(new DecryptRequest { KeyId = \"arn:aws:kms:eu-west-1:123456789012:key/1234\" })", "arn:aws:kms:eu-west-1:123456789012:key/1234")]
    [InlineData("kms.EncryptAsync(new EncryptRequest { KeyId = \"alias/app\" })", "arn:aws:kms:*:*:key/*")]
    [InlineData("transfer.OpenStreamAsync(\"media\", \"a.mp4\")", "arn:aws:s3:::media/*")]
    public async Task ResourceProperty_IsTheNarrowestArnTheCallNames(string call, string resource)
    {
        var diagnostic = Assert.Single(await SdkAnalyzerVerifier.ReportedAsync($$"""
            public sealed class Calls(IAmazonS3 s3, IAmazonDynamoDB dynamo, IAmazonSQS sqs, IAmazonSimpleSystemsManagement ssm, IAmazonKeyManagementService kms, ITransferUtility transfer)
            {
                [Function("call")]
                public Task Call(string bucket) => {{call}};
            }
            """));

        Assert.Equal(resource, diagnostic.Properties["Resource"]);
    }
}
