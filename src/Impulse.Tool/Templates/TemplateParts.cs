using System.Text.Json.Nodes;

namespace Impulse.Tool.Templates;

/// <summary>
/// The resources, parameters and outputs the template collects beside the functions themselves, shared across
/// functions: one bucket per S3 bucket name, one parameter per DynamoDB table stream, one HTTP API for all routes.
/// </summary>
internal sealed class TemplateParts(LogicalIds ids, string? httpApiId)
{
    private readonly Dictionary<string, string> _buckets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _streamParameters = new(StringComparer.Ordinal);

    public LogicalIds Ids { get; } = ids;

    /// <summary>The explicit HTTP API every HTTP route joins; null when the app has no HTTP triggers.</summary>
    public string? HttpApiId { get; } = httpApiId;

    private readonly JsonObject _bucketResources = [];

    public JsonObject Parameters { get; } = [];

    /// <summary>
    /// The logical id of the bucket resource named <paramref name="bucketName"/>, added on first use: SAM attaches
    /// S3 events only to a bucket defined in the same template.
    /// </summary>
    public string Bucket(string bucketName)
    {
        if (_buckets.TryGetValue(bucketName, out var id))
            return id;

        id = Ids.Allocate(LogicalIds.Pascal(bucketName) + "Bucket", $"the S3 bucket '{bucketName}'");
        _buckets.Add(bucketName, id);
        _bucketResources[id] = new JsonObject
        {
            ["Type"] = "AWS::S3::Bucket",
            // A bucket holds data the stack did not create; deleting or replacing the stack must not delete it.
            ["DeletionPolicy"] = "Retain",
            ["UpdateReplacePolicy"] = "Retain",
            ["Properties"] = new JsonObject { ["BucketName"] = bucketName },
        };
        return id;
    }

    /// <summary>Moves the bucket resources into the template's resources, after everything that refers to them.</summary>
    public void MoveBucketsTo(JsonObject resources)
    {
        foreach (var id in _bucketResources.Select(b => b.Key).ToList())
        {
            var bucket = _bucketResources[id];
            _bucketResources.Remove(id);
            resources[id] = bucket;
        }
    }

    /// <summary>
    /// The logical id of the parameter that carries the stream ARN of DynamoDB table <paramref name="table"/>: a
    /// stream ARN ends in a label the table assigns when the stream is enabled, so it cannot be built from the name.
    /// </summary>
    public string StreamParameter(string table)
    {
        if (_streamParameters.TryGetValue(table, out var id))
            return id;

        id = Ids.Allocate(LogicalIds.Pascal(table) + "StreamArn", $"the stream of DynamoDB table '{table}'");
        _streamParameters.Add(table, id);
        Parameters[id] = new JsonObject
        {
            ["Type"] = "String",
            ["Description"] = $"The ARN of the stream of DynamoDB table '{table}' (arn:aws:dynamodb:REGION:ACCOUNT:table/{table}/stream/LABEL).",
            ["AllowedPattern"] = $"^arn:aws[a-zA-Z-]*:dynamodb:[a-z0-9-]+:[0-9]{{12}}:table/{System.Text.RegularExpressions.Regex.Escape(table)}/stream/.+$",
        };
        return id;
    }
}
