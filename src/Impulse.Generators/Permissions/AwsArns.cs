using System;
using System.Linq;

namespace Impulse.Generators.Permissions;

/// <summary>
/// The ARNs the generator derives. Region and account are the CloudFormation pseudo-parameters, written
/// literally: a SAM template wraps them in <c>Fn::Sub</c> and the local host substitutes its own values.
/// </summary>
internal static class AwsArns
{
    public const string Region = "${AWS::Region}";
    public const string AccountId = "${AWS::AccountId}";
    private const string Prefix = "arn:aws:";

    /// <summary>Whether a trigger expression is already an ARN, which is then used as it is.</summary>
    public static bool IsArn(string expression) => expression.StartsWith("arn:", StringComparison.Ordinal);

    public static string Bucket(string bucket) => IsArn(bucket) ? bucket : Prefix + "s3:::" + bucket;

    public static string Topic(string topic) => IsArn(topic) ? topic : Regional("sns", topic);

    public static string Queue(string queue) => IsArn(queue) ? queue : Regional("sqs", queue);

    public static string KinesisStream(string stream) => IsArn(stream) ? stream : Regional("kinesis", "stream/" + stream);

    /// <summary>A table's change streams: the stream's label changes whenever streams are re-enabled, hence <c>*</c>.</summary>
    public static string TableStreams(string table) => IsArn(table) ? table : Regional("dynamodb", "table/" + table + "/stream/*");

    public static string Rule(string ruleName) => Regional("events", "rule/" + ruleName);

    public static string LogGroup(string functionName) => Regional("logs", "log-group:/aws/lambda/" + functionName);

    public static string LogStreams(string functionName) => LogGroup(functionName) + ":*";

    /// <summary>
    /// The execute-api ARN of an HTTP route (<c>METHOD /path</c>): any API and stage, since the API is made at
    /// deploy time; path parameters and <c>ANY</c> become <c>*</c>, as API Gateway matches them.
    /// </summary>
    public static string Route(string route)
    {
        var trimmed = route.Trim();
        var space = trimmed.IndexOf(' ');
        var method = space < 0 ? "*" : trimmed.Substring(0, space).ToUpperInvariant();
        var path = space < 0 ? trimmed : trimmed.Substring(space + 1).Trim();
        if (method == "ANY")
            method = "*";
        var segments = path.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.StartsWith("{", StringComparison.Ordinal) && s.EndsWith("}", StringComparison.Ordinal) ? "*" : s);
        return Regional("execute-api", "*/*/" + method + "/" + string.Join("/", segments));
    }

    /// <summary>A resource ARN in a regional service, in the stack's own region and account.</summary>
    public static string Regional(string service, string resource) => Prefix + service + ":" + Region + ":" + AccountId + ":" + resource;
}
