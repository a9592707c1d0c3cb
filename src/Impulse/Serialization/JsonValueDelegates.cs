using System.ComponentModel;
using System.Text.Json;

namespace Impulse.Serialization;

/// <summary>A generated reader: reads one value starting at the reader's current token.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate T JsonValueReader<T>(ref Utf8JsonReader reader);

/// <summary>A generated writer: writes one value as JSON text.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate void JsonValueWriter<T>(ref JsonOutput writer, T value);
