namespace Impulse.Generators;

/// <summary>Names of the pipeline steps, so tests can assert which ones re-ran.</summary>
internal static class TrackingNames
{
    public const string Functions = nameof(Functions);
    public const string ValidFunctions = nameof(ValidFunctions);
    public const string Startups = nameof(Startups);
    public const string Options = nameof(Options);
    public const string JsonOptions = nameof(JsonOptions);
    public const string App = nameof(App);
}
