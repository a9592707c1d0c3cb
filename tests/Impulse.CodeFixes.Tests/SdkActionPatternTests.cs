using Impulse.Generators.Analyzers;

namespace Impulse.CodeFixes.Tests;

/// <summary>A declared action covers a needed one as IAM decides: ignoring case, with * and ? wildcards.</summary>
public sealed class SdkActionPatternTests
{
    [Theory]
    [InlineData("s3:GetObject", "s3:GetObject")]
    [InlineData("S3:getobject", "s3:GetObject")]
    [InlineData("s3:Get*", "s3:GetObject")]
    [InlineData("s3:*", "s3:PutObject")]
    [InlineData("*", "kms:Decrypt")]
    [InlineData("s3:*Object", "s3:DeleteObject")]
    [InlineData("s3:Get?bject", "s3:GetObject")]
    [InlineData("dynamodb:*Item", "dynamodb:BatchGetItem")]
    public void Declared_CoversNeeded(string declared, string needed) => Assert.True(SdkActionPattern.Covers(declared, needed));

    [Theory]
    [InlineData("s3:GetObject", "s3:GetObjectVersion")]
    [InlineData("s3:Get*", "s3:PutObject")]
    [InlineData("s3:*", "s3express:CreateSession")]
    [InlineData("sqs:SendMessage", "sqs:SendMessageBatch")]
    [InlineData("s3:Get?bject", "s3:GetObjects")]
    [InlineData("", "s3:GetObject")]
    public void Declared_DoesNotCoverNeeded(string declared, string needed) => Assert.False(SdkActionPattern.Covers(declared, needed));
}
