using System.Reflection;
using Impulse.Generators.Analyzers;
using Xunit.Abstractions;

namespace Impulse.CodeFixes.Tests;

/// <summary>
/// The operation map against the real SDK assemblies: every operation it names exists on its client interface,
/// the irregular mappings are what IAM expects, and what the map leaves out is listed, so coverage is measured.
/// </summary>
public sealed class SdkOperationMapTests(ITestOutputHelper output)
{
    /// <summary>The least share of each client's operations the map must cover; a drop means rows were lost.</summary>
    private const double MinimumCoverage = 0.8;

    private static readonly SdkOperationMap Map = SdkOperationMap.Default;

    public static TheoryData<string> Clients => [.. Map.Clients.Order(StringComparer.Ordinal)];

    /// <summary>The service clients, one method per API operation; the high-level APIs also have helpers that make no call.</summary>
    public static TheoryData<string> ServiceClients => [.. Map.Clients.Where(c => c.Contains(".IAmazon", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    [Fact]
    public void Map_CoversTheFiveServiceClientsAndTheHighLevelApis()
    {
        Assert.Equal(
            [
                "Amazon.DynamoDBv2.DataModel.IDynamoDBContext",
                "Amazon.DynamoDBv2.IAmazonDynamoDB",
                "Amazon.KeyManagementService.IAmazonKeyManagementService",
                "Amazon.S3.IAmazonS3",
                "Amazon.S3.Transfer.ITransferUtility",
                "Amazon.SQS.IAmazonSQS",
                "Amazon.SimpleSystemsManagement.IAmazonSimpleSystemsManagement",
            ],
            Map.Clients.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryMappedOperation_IsAMethodOfItsClientInterface()
    {
        var wrong = Map.Rules
            .Where(rule => !OperationsOf(ClientInterface(rule.Client)).Contains(rule.Operation))
            .Select(rule => $"{rule.Client}.{rule.Operation}")
            .Distinct()
            .ToList();

        Assert.True(wrong.Count == 0, "The map names operations its clients do not have:\n" + string.Join("\n", wrong));
    }

    [Theory]
    [MemberData(nameof(ServiceClients))]
    public void ClientInterface_OperationsTheMapLacksAreListedAndFew(string client)
    {
        var operations = OperationsOf(ClientInterface(client));
        var mapped = Map.Rules.Where(r => r.Client == client).Select(r => r.Operation).ToHashSet(StringComparer.Ordinal);
        var missing = operations.Where(o => !mapped.Contains(o)).Order(StringComparer.Ordinal).ToList();

        var coverage = (double)(operations.Count - missing.Count) / operations.Count;
        output.WriteLine($"{client}: {operations.Count - missing.Count} of {operations.Count} operations mapped ({coverage:P0}).");
        output.WriteLine("Not mapped: " + (missing.Count == 0 ? "none" : string.Join(", ", missing)));
        Assert.True(coverage >= MinimumCoverage, $"{client} maps {coverage:P0} of its operations; not mapped: {string.Join(", ", missing)}");
    }

    [Theory]
    [InlineData("Amazon.S3.IAmazonS3", "ListObjectsV2", "s3:ListBucket")]
    [InlineData("Amazon.S3.IAmazonS3", "ListObjects", "s3:ListBucket")]
    [InlineData("Amazon.S3.IAmazonS3", "GetObjectMetadata", "s3:GetObject")]
    [InlineData("Amazon.S3.IAmazonS3", "CopyObject", "s3:GetObject s3:PutObject")]
    [InlineData("Amazon.S3.IAmazonS3", "DeleteObjects", "s3:DeleteObject")]
    [InlineData("Amazon.S3.IAmazonS3", "PutBucket", "s3:CreateBucket")]
    [InlineData("Amazon.S3.IAmazonS3", "ListBuckets", "s3:ListAllMyBuckets")]
    [InlineData("Amazon.S3.IAmazonS3", "GetCORSConfiguration", "s3:GetBucketCORS")]
    [InlineData("Amazon.S3.IAmazonS3", "GetObjectAttributes", "s3:GetObjectAttributes s3:GetObject")]
    [InlineData("Amazon.DynamoDBv2.IAmazonDynamoDB", "BatchGetItem", "dynamodb:BatchGetItem")]
    [InlineData("Amazon.DynamoDBv2.IAmazonDynamoDB", "TransactGetItems", "dynamodb:GetItem")]
    [InlineData("Amazon.DynamoDBv2.IAmazonDynamoDB", "TransactWriteItems", "dynamodb:PutItem dynamodb:UpdateItem dynamodb:DeleteItem dynamodb:ConditionCheckItem")]
    [InlineData("Amazon.SQS.IAmazonSQS", "SendMessageBatch", "sqs:SendMessage")]
    [InlineData("Amazon.SQS.IAmazonSQS", "DeleteMessageBatch", "sqs:DeleteMessage")]
    [InlineData("Amazon.SQS.IAmazonSQS", "ChangeMessageVisibilityBatch", "sqs:ChangeMessageVisibility")]
    [InlineData("Amazon.SimpleSystemsManagement.IAmazonSimpleSystemsManagement", "GetParametersByPath", "ssm:GetParametersByPath")]
    [InlineData("Amazon.KeyManagementService.IAmazonKeyManagementService", "GenerateDataKey", "kms:GenerateDataKey")]
    [InlineData("Amazon.KeyManagementService.IAmazonKeyManagementService", "GenerateDataKeyWithoutPlaintext", "kms:GenerateDataKeyWithoutPlaintext")]
    [InlineData("Amazon.KeyManagementService.IAmazonKeyManagementService", "ReEncrypt", "kms:ReEncryptFrom kms:ReEncryptTo")]
    public void IrregularOperation_NeedsTheActionsIamChecks(string client, string operation, string actions)
    {
        var unconditional = Map.RulesFor(client, operation).Where(r => r.When.IsEmpty).Select(r => r.Action);

        Assert.Equal(actions.Split(' '), unconditional);
    }

    [Theory]
    [InlineData("PutObject", "s3:PutObjectAcl", "CannedACL|Grants")]
    [InlineData("GetObject", "s3:GetObjectVersion", "VersionId")]
    public void ConditionalAction_IsNeededOnlyWhenTheRequestSetsItsProperty(string operation, string action, string when)
    {
        var rule = Assert.Single(Map.RulesFor("Amazon.S3.IAmazonS3", operation), r => r.Action == action);

        Assert.Equal(when.Split('|'), rule.When);
        Assert.All(rule.When, property => Assert.NotNull(RequestType("Amazon.S3.IAmazonS3", operation).GetProperty(property)));
    }

    [Fact]
    public void ResourcePlaceholders_AreRequestPropertiesOfTheirOperation()
    {
        var wrong = new List<string>();
        foreach (var rule in Map.Rules)
        {
            var methods = ClientInterface(rule.Client).GetMethods().Where(m => m.Name == rule.Operation + "Async" || m.Name == rule.Operation).ToList();
            foreach (var placeholder in Placeholders(rule.ResourceTemplate).Concat(rule.When))
            {
                // A request property, a string parameter of that name, or an attribute on the call's type argument.
                var named = methods.SelectMany(m => m.GetParameters()).Any(p =>
                    p.ParameterType.Name.EndsWith("Request", StringComparison.Ordinal) && p.ParameterType.GetProperty(placeholder) is not null
                    || p.ParameterType == typeof(string) && string.Equals(p.Name, placeholder, StringComparison.OrdinalIgnoreCase));
                var attribute = methods.Any(m => m.IsGenericMethodDefinition)
                    && SdkCompilation.SdkAssemblies.Any(a => a.GetTypes().Any(t => t.Name == placeholder + "Attribute"));
                if (!named && !attribute)
                    wrong.Add($"{rule.Client}.{rule.Operation}: nothing of the call is named {placeholder}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void Parse_ReadsRowsAndSkipsCommentsAndBlankLines()
    {
        var map = SdkOperationMap.Parse(new StringReader("# comment\n\nA.IClient\tOp\tsvc:Op\t*\nA.IClient\tOp\tsvc:OpAcl\tarn:x:{Name}\tAcl|Grants\n"));

        Assert.Equal(["svc:Op", "svc:OpAcl"], map.RulesFor("A.IClient", "Op").Select(r => r.Action));
        Assert.Equal(["Acl", "Grants"], map.RulesFor("A.IClient", "Op")[1].When.AsEnumerable());
        Assert.Empty(map.RulesFor("A.IClient", "Other"));
        Assert.Contains("SVC", map.Services);
    }

    [Theory]
    [InlineData("A.IClient\tOp\tsvc:Op", "line 1: expected 4 or 5 tab-separated columns")]
    [InlineData("A.IClient\tOp\tOp\t*", "line 1: action 'Op' is not one IAM action")]
    [InlineData("A.IClient\tOp\tsvc:*\t*", "line 1: action 'svc:*' is not one IAM action")]
    [InlineData("# header\nA.IClient\t\tsvc:Op\t*", "line 2: client, operation, action and resource must not be empty")]
    public void Parse_RejectsABadRowByLineNumber(string text, string message)
    {
        var error = Assert.Throws<FormatException>(() => SdkOperationMap.Parse(new StringReader(text)));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private static Type ClientInterface(string client) =>
        SdkCompilation.SdkAssemblies.Select(a => a.GetType(client)).SingleOrDefault(t => t is not null)
        ?? throw new InvalidOperationException($"No SDK assembly defines {client}.");

    /// <summary>Operations as the SDK's interfaces declare them: an Async method per operation, and the presigning helpers.</summary>
    private static HashSet<string> OperationsOf(Type client) =>
        client.GetMethods()
            .Where(m => m.ReturnType != typeof(void) && !m.IsSpecialName && m.Name != "DetermineServiceOperationEndpoint")
            .Select(m => m.Name.EndsWith("Async", StringComparison.Ordinal) ? m.Name[..^"Async".Length] : m.Name)
            .ToHashSet(StringComparer.Ordinal);

    private static Type RequestType(string client, string operation)
    {
        var method = ClientInterface(client).GetMethods()
            .Where(m => m.Name == operation + "Async" || m.Name == operation)
            .SelectMany(m => m.GetParameters())
            .Select(p => p.ParameterType)
            .FirstOrDefault(t => t.Name.EndsWith("Request", StringComparison.Ordinal));
        return method ?? throw new InvalidOperationException($"{client}.{operation} takes no request type.");
    }

    private static IEnumerable<string> Placeholders(string template)
    {
        for (var open = template.IndexOf('{'); open >= 0; open = template.IndexOf('{', open + 1))
            yield return template[(open + 1)..template.IndexOf('}', open)];
    }
}
