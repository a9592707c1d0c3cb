namespace Impulse.CodeFixes.Tests;

/// <summary>The fixes for IMP0021 (declare the action on the function or its class) and IMP0022 (remove it), before and after.</summary>
public sealed class SdkPermissionCodeFixTests
{
    [Fact]
    public async Task UndeclaredPermission_OffersTheFunctionAndItsClass()
    {
        var titles = await CodeFixVerifier.TitlesAsync("IMP0021", """
            public sealed class Photos(IAmazonS3 s3)
            {
                [Function("get-photo")]
                public Task Get(string key) => s3.GetObjectAsync("photos", key);
            }
            """);

        Assert.Equal(["Declare s3:GetObject on 'Get'", "Declare s3:GetObject on class 'Photos'"], titles.AsEnumerable());
    }

    [Fact]
    public Task DeclareOnFunction_AddsTheAttributeWithTheBucketsArnAfterTheOthers() => CodeFixVerifier.VerifyAsync(
        "IMP0021",
        "Declare s3:GetObject on 'Get'",
        """
        public sealed class Photos(IAmazonS3 s3)
        {
            /// <summary>One photo.</summary>
            [Function("get-photo")]
            public Task Get(string key) => s3.GetObjectAsync("photos", key);
        }
        """,
        """
        public sealed class Photos(IAmazonS3 s3)
        {
            /// <summary>One photo.</summary>
            [Function("get-photo")]
            [ExecutionPermission("s3:GetObject", "arn:aws:s3:::photos/*")]
            public Task Get(string key) => s3.GetObjectAsync("photos", key);
        }
        """);

    [Fact]
    public Task DeclareOnClass_AddsTheFirstAttributeBelowTheDocComment() => CodeFixVerifier.VerifyAsync(
        "IMP0021",
        "Declare sqs:SendMessage on class 'Jobs'",
        """
        namespace App;

        /// <summary>Background jobs.</summary>
        public sealed class Jobs(IAmazonSQS sqs)
        {
            [Function("enqueue")]
            public Task Enqueue(string queueUrl, string job) => sqs.SendMessageAsync(queueUrl, job);
        }
        """,
        """
        namespace App;

        /// <summary>Background jobs.</summary>
        [ExecutionPermission("sqs:SendMessage", "arn:aws:sqs:*:*:*")]
        public sealed class Jobs(IAmazonSQS sqs)
        {
            [Function("enqueue")]
            public Task Enqueue(string queueUrl, string job) => sqs.SendMessageAsync(queueUrl, job);
        }
        """);

    [Fact]
    public Task DeclareForACallInAHelper_AddsTheAttributeToTheFunctionThatReachesIt() => CodeFixVerifier.VerifyAsync(
        "IMP0021",
        "Declare dynamodb:PutItem on 'Save'",
        """
        public sealed class Orders(IAmazonDynamoDB dynamo)
        {
            [Function("save-order")]
            public Task Save(string id) => Write(id);

            private Task Write(string id) => dynamo.PutItemAsync(new PutItemRequest { TableName = "Orders" });
        }
        """,
        """
        public sealed class Orders(IAmazonDynamoDB dynamo)
        {
            [Function("save-order")]
            [ExecutionPermission("dynamodb:PutItem", "arn:aws:dynamodb:*:*:table/Orders")]
            public Task Save(string id) => Write(id);

            private Task Write(string id) => dynamo.PutItemAsync(new PutItemRequest { TableName = "Orders" });
        }
        """);

    [Fact]
    public Task DeclareForACallInAnotherFile_ChangesTheFunctionsFile() => CodeFixVerifier.VerifyAsync(
        "IMP0021",
        "Declare kms:Decrypt on 'Open'",
        """
        public sealed class Secrets(Vault vault)
        {
            [Function("open-secret")]
            public Task Open(string blob) => vault.DecryptAsync(blob);
        }
        """,
        """
        public sealed class Secrets(Vault vault)
        {
            [Function("open-secret")]
            [ExecutionPermission("kms:Decrypt", "arn:aws:kms:*:*:key/*")]
            public Task Open(string blob) => vault.DecryptAsync(blob);
        }
        """,
        impulseInScope: true,
        """
        public sealed class Vault(IAmazonKeyManagementService kms)
        {
            public Task DecryptAsync(string blob) => kms.DecryptAsync(new DecryptRequest());
        }
        """);

    [Fact]
    public Task DeclareWithoutAUsingForImpulse_QualifiesTheAttribute() => CodeFixVerifier.VerifyAsync(
        "IMP0021",
        "Declare ssm:GetParameter on 'Read'",
        """
        namespace App
        {
            using Sdk = Amazon.SimpleSystemsManagement;

            public static class Settings
            {
                [Impulse.Function("read-setting")]
                public static Task Read(Sdk.IAmazonSimpleSystemsManagement ssm) =>
                    ssm.GetParameterAsync(new Sdk.Model.GetParameterRequest { Name = "/app/db" });
            }
        }
        """,
        """
        namespace App
        {
            using Sdk = Amazon.SimpleSystemsManagement;

            public static class Settings
            {
                [Impulse.Function("read-setting")]
                [Impulse.ExecutionPermission("ssm:GetParameter", "arn:aws:ssm:*:*:parameter/app/db")]
                public static Task Read(Sdk.IAmazonSimpleSystemsManagement ssm) =>
                    ssm.GetParameterAsync(new Sdk.Model.GetParameterRequest { Name = "/app/db" });
            }
        }
        """,
        impulseInScope: false);

    [Fact]
    public Task RemoveUnused_RemovesTheAttributeAndItsLine() => CodeFixVerifier.VerifyAsync(
        "IMP0022",
        "Remove the unused permission",
        """
        public sealed class Photos(IAmazonS3 s3)
        {
            [Function("get-photo")]
            [ExecutionPermission("s3:GetObject", "arn:aws:s3:::photos/*")]
            [ExecutionPermission("s3:DeleteObject", "arn:aws:s3:::photos/*")]
            public Task Get(string key) => s3.GetObjectAsync("photos", key);
        }
        """,
        """
        public sealed class Photos(IAmazonS3 s3)
        {
            [Function("get-photo")]
            [ExecutionPermission("s3:GetObject", "arn:aws:s3:::photos/*")]
            public Task Get(string key) => s3.GetObjectAsync("photos", key);
        }
        """);

    [Fact]
    public Task RemoveUnusedFirstAttributeOfAClass_KeepsTheDocComment() => CodeFixVerifier.VerifyAsync(
        "IMP0022",
        "Remove the unused permission",
        """
        /// <summary>Photos.</summary>
        [ExecutionPermission("kms:Decrypt", "*")]
        public sealed class Photos(IAmazonS3 s3)
        {
            [Function("get-photo")]
            [ExecutionPermission("s3:GetObject", "arn:aws:s3:::photos/*")]
            public Task Get(string key) => s3.GetObjectAsync("photos", key);
        }
        """,
        """
        /// <summary>Photos.</summary>
        public sealed class Photos(IAmazonS3 s3)
        {
            [Function("get-photo")]
            [ExecutionPermission("s3:GetObject", "arn:aws:s3:::photos/*")]
            public Task Get(string key) => s3.GetObjectAsync("photos", key);
        }
        """);

    [Fact]
    public Task RemoveUnusedFromASharedList_KeepsTheOtherAttribute() => CodeFixVerifier.VerifyAsync(
        "IMP0022",
        "Remove the unused permission",
        """
        public sealed class Photos(IAmazonS3 s3)
        {
            [Function("get-photo"), ExecutionPermission("s3:PutObject", "*")]
            [ExecutionPermission("s3:GetObject", "arn:aws:s3:::photos/*")]
            public Task Get(string key) => s3.GetObjectAsync("photos", key);
        }
        """,
        """
        public sealed class Photos(IAmazonS3 s3)
        {
            [Function("get-photo")]
            [ExecutionPermission("s3:GetObject", "arn:aws:s3:::photos/*")]
            public Task Get(string key) => s3.GetObjectAsync("photos", key);
        }
        """);

    [Fact]
    public Task FixAllOnFunctions_DeclaresEachMissingActionOncePerFunctionWithEveryResource() => CodeFixVerifier.FixAllAsync(
        "IMP0021",
        SdkPermissionCodeFix.DeclareOnMethodKey,
        """
        public sealed class Photos(IAmazonS3 s3, IAmazonSQS sqs)
        {
            [Function("archive-photo")]
            public async Task Archive(string key)
            {
                await s3.GetObjectAsync("photos", key);
                await s3.GetObjectAsync("thumbnails", key);
                await sqs.SendMessageAsync("https://sqs.eu-west-1.amazonaws.com/123456789012/archived", key);
            }

            [Function("get-photo")]
            public Task Get(string key) => s3.GetObjectAsync("photos", key);
        }
        """,
        """
        public sealed class Photos(IAmazonS3 s3, IAmazonSQS sqs)
        {
            [Function("archive-photo")]
            [ExecutionPermission("s3:GetObject", "arn:aws:s3:::photos/*", "arn:aws:s3:::thumbnails/*")]
            [ExecutionPermission("sqs:SendMessage", "arn:aws:sqs:*:*:archived")]
            public async Task Archive(string key)
            {
                await s3.GetObjectAsync("photos", key);
                await s3.GetObjectAsync("thumbnails", key);
                await sqs.SendMessageAsync("https://sqs.eu-west-1.amazonaws.com/123456789012/archived", key);
            }

            [Function("get-photo")]
            [ExecutionPermission("s3:GetObject", "arn:aws:s3:::photos/*")]
            public Task Get(string key) => s3.GetObjectAsync("photos", key);
        }
        """);

    [Fact]
    public Task FixAllOnTheClass_DeclaresEachActionOnceForAllItsFunctions() => CodeFixVerifier.FixAllAsync(
        "IMP0021",
        SdkPermissionCodeFix.DeclareOnClassKey,
        """
        public sealed class Photos(IAmazonS3 s3)
        {
            [Function("get-photo")]
            public Task Get(string key) => s3.GetObjectAsync("photos", key);

            [Function("head-photo")]
            public Task Head(string key) => s3.GetObjectMetadataAsync("photos", key);
        }
        """,
        """
        [ExecutionPermission("s3:GetObject", "arn:aws:s3:::photos/*")]
        public sealed class Photos(IAmazonS3 s3)
        {
            [Function("get-photo")]
            public Task Get(string key) => s3.GetObjectAsync("photos", key);

            [Function("head-photo")]
            public Task Head(string key) => s3.GetObjectMetadataAsync("photos", key);
        }
        """);

    [Fact]
    public Task FixAllUnused_RemovesEveryUnusedPermission() => CodeFixVerifier.FixAllAsync(
        "IMP0022",
        SdkPermissionCodeFix.RemoveKey,
        """
        /// <summary>Photos.</summary>
        [ExecutionPermission("kms:Decrypt", "*")]
        public sealed class Photos(IAmazonS3 s3)
        {
            /// <summary>One photo.</summary>
            [ExecutionPermission("s3:DeleteObject", "arn:aws:s3:::photos/*")]
            [ExecutionPermission("s3:PutObject", "arn:aws:s3:::photos/*")]
            [Function("get-photo"), ExecutionPermission("s3:GetObject", "arn:aws:s3:::photos/*")]
            public Task Get(string key) => s3.GetObjectAsync("photos", key);
        }
        """,
        """
        /// <summary>Photos.</summary>
        public sealed class Photos(IAmazonS3 s3)
        {
            /// <summary>One photo.</summary>
            [Function("get-photo"), ExecutionPermission("s3:GetObject", "arn:aws:s3:::photos/*")]
            public Task Get(string key) => s3.GetObjectAsync("photos", key);
        }
        """);
}
