using System.ComponentModel;
using System.Text.Json;

namespace Impulse.Serialization;

/// <summary>A generated reader: reads one value starting at the reader's current token.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate T JsonValueReader<T>(ref Utf8JsonReader reader);

/// <summary>A generated writer: writes one value.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate void JsonValueWriter<T>(Utf8JsonWriter writer, T value);
