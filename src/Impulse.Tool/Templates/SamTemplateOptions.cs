namespace Impulse.Tool.Templates;

/// <summary>What a SAM template needs beyond the app's manifest: where the code lives and how versions are published.</summary>
/// <param name="CodeUri">The deployment package every function runs: a local path to the <c>.zip</c> or an <c>s3://</c> URI.</param>
public sealed record SamTemplateOptions(string CodeUri)
{
    /// <summary>When set, SAM publishes a version on every change and points this alias (such as <c>live</c>) at it;
    /// event sources and declared invoke permissions then target the alias.</summary>
    public string? AutoPublishAlias { get; init; }

    /// <summary>The template's description; none when null.</summary>
    public string? Description { get; init; }
}
