using System.Text.Encodings.Web;
using System.Text.Json;

namespace Impulse;

/// <summary>
/// Writer options for text people read (log lines, error messages): quotes, apostrophes and non-ASCII
/// letters stay as they are instead of becoming <c>\u0027</c>. Never used for HTML.
/// </summary>
internal static class ReadableJson
{
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
