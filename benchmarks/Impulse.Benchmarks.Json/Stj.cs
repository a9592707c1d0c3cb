using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Impulse.Benchmarks.Json;

/// <summary>What the System.Text.Json baselines share: options and a writer, each made once.</summary>
public static class Stj
{
    /// <summary>Reflection-based metadata, default settings, created once so its metadata cache is warm.</summary>
    public static readonly JsonSerializerOptions Reflection = CreateReflection();

    /// <summary>
    /// The options invokers use for their own <c>Utf8JsonWriter</c>s (no indenting, default encoder,
    /// <c>SkipValidation</c>): the cheapest a System.Text.Json writer gets, and the bytes the generated
    /// writers promise to match.
    /// </summary>
    public static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = true };

    private static JsonSerializerOptions CreateReflection()
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        options.MakeReadOnly();
        return options;
    }
}
