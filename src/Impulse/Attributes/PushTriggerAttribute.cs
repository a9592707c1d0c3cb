namespace Impulse;

/// <summary>A source that invokes a function directly, as AWS services push events to Lambda.</summary>
public enum PushSource
{
    /// <summary>An HTTP route (API Gateway HTTP API or a function URL); the expression is <c>"METHOD /path"</c>.</summary>
    Http,
    /// <summary>An S3 bucket notification; the expression is the bucket name.</summary>
    S3,
    /// <summary>An SNS topic subscription; the expression is the topic name or ARN.</summary>
    Sns,
    /// <summary>An EventBridge rule; the expression is its event pattern as JSON.</summary>
    EventBridge,
    /// <summary>An EventBridge schedule; the expression is <c>rate(...)</c> or <c>cron(...)</c>.</summary>
    Schedule,
}

/// <summary>Declares a push source that invokes the function. Repeatable.</summary>
/// <param name="source">The kind of source.</param>
/// <param name="expression">What the source listens to; its form depends on <paramref name="source"/>.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class PushTriggerAttribute(PushSource source, string expression) : Attribute
{
    /// <summary>The kind of source.</summary>
    public PushSource Source { get; } = source;

    /// <summary>What the source listens to: a route, a bucket, a topic, a pattern or a schedule.</summary>
    public string Expression { get; } = expression;

    /// <summary>For HTTP triggers: callers must sign requests with AWS Signature Version 4.</summary>
    public bool IamAuth { get; set; }
}
