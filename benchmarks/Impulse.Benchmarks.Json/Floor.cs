using System.Text.Json;
using Impulse.Dispatch;
using Impulse.Serialization;

namespace Impulse.Benchmarks.Json;

/// <summary>
/// What any reader built on <see cref="Utf8JsonReader"/> must spend on an input, whatever it builds:
/// walking its tokens, and walking them while turning every string value into a .NET string. The
/// interleaved run times both beside the readers, so the share of a reader's time that is floor is measured
/// on the same input, in the same rounds.
/// </summary>
public static class Floor
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = FunctionJson.MaxDepth };

    private static readonly object Done = new();

    /// <summary>Reads every token and nothing more; checks the count so the work cannot be dropped.</summary>
    public static object Tokens(byte[] payload)
    {
        var reader = new Utf8JsonReader(payload, Options);
        var tokens = 0;
        while (reader.Read())
            tokens++;
        return tokens > 0 ? Done : throw new InvalidOperationException("No tokens.");
    }

    /// <summary>
    /// Reads every token and makes a string of every string value (property names are not made), the fastest
    /// way the generated readers know: ASCII widened straight, anything else through <c>GetString</c>.
    /// </summary>
    public static object TokensAndStrings(byte[] payload)
    {
        var reader = new Utf8JsonReader(payload, Options);
        var chars = 0;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                var text = reader.ValueIsEscaped ? null : JsonRead.Plain(reader.ValueSpan);
                chars += (text ?? reader.GetString()!).Length;
            }
        }
        return chars > 0 ? Done : throw new InvalidOperationException("No strings.");
    }
}
