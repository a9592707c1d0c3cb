using System.Text;
using Impulse.Hosting.Security;

namespace Impulse.Hosting.Tests.Security;

/// <summary>Reading invoke statements and IAM-auth routes from the manifest, in the team's format version 2.</summary>
public sealed class SecurityManifestTests
{
    private const string Manifest = """
        {
          "schema": "impulse.manifest/2",
          "functions": [ {
            "name": "create-order", "handler": "create-order", "architecture": "arm64",
            "triggers": [
              { "kind": "push", "source": "http", "expression": "POST /orders", "settings": { "iamAuth": true } },
              { "kind": "push", "source": "http", "expression": "GET /orders", "settings": { "iamAuth": false } },
              { "kind": "push", "source": "http", "expression": "GET /health", "settings": {} },
              { "kind": "pull", "source": "queue", "expression": "orders", "settings": { "iamAuth": true } }
            ],
            "permissions": {
              "invoke": [
                { "sid": "S3InvokeUploads", "principal": "s3.amazonaws.com", "action": "lambda:InvokeFunction",
                  "sourceArn": "arn:aws:s3:::uploads", "sourceAccount": "${AWS::AccountId}", "origin": "trigger" },
                { "sid": "Invoke123456789012", "principal": "123456789012", "action": "lambda:InvokeFunction", "origin": "declared" },
                { "sid": "NoPrincipal", "action": "lambda:InvokeFunction" }
              ],
              "execution": { "Version": "2012-10-17", "Statement": [] }
            }
          }, {
            "name": "bare"
          } ]
        }
        """;

    private readonly SecurityManifest _manifest = SecurityManifest.Read(Encoding.UTF8.GetBytes(Manifest));

    [Fact]
    public void StatementsOf_VersionTwoManifest_ReadsPrincipalActionAndSource_IgnoringOtherFields()
    {
        var statements = _manifest.StatementsOf("create-order");

        Assert.Equal(
            [
                new InvokeStatement("s3.amazonaws.com", "lambda:InvokeFunction", "arn:aws:s3:::uploads", "${AWS::AccountId}"),
                new InvokeStatement("123456789012", "lambda:InvokeFunction", null, null),
            ],
            statements);
    }

    [Fact]
    public void StatementsOf_FunctionWithoutPermissionsOrUnknown_IsEmpty()
    {
        Assert.Empty(_manifest.StatementsOf("bare"));
        Assert.Empty(_manifest.StatementsOf("no-such-function"));
    }

    [Fact]
    public void RequiresIamAuth_OnlyHttpTriggersWhoseSettingsSayTrue()
    {
        Assert.True(_manifest.RequiresIamAuth("create-order", "POST /orders"));
        Assert.False(_manifest.RequiresIamAuth("create-order", "GET /orders"));
        Assert.False(_manifest.RequiresIamAuth("create-order", "GET /health"));
        Assert.False(_manifest.RequiresIamAuth("create-order", "orders"));
        Assert.False(_manifest.RequiresIamAuth("bare", "POST /orders"));
    }

    [Fact]
    public void Read_TestAppsGeneratedManifest_FindsItsDeclaredStatementsAndIamRoute()
    {
        var manifest = SecurityManifest.Read(new Impulse.Generated.ImpulseFunctionApplication().ManifestJson);

        Assert.Contains(manifest.StatementsOf("guarded"), s => s.Principal == "arn:aws:iam::111122223333:user/alice");
        Assert.Contains(manifest.StatementsOf("guarded"), s => s.Principal == "444455556666");
        Assert.True(manifest.RequiresIamAuth("secure-route", "POST /secure/{key}"));
        Assert.False(manifest.RequiresIamAuth("public-route", "POST /public/{key}"));
    }
}
