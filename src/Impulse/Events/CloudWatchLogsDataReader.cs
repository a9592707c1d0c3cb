using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Impulse.Events;

/// <summary>
/// Reads the decoded JSON of a CloudWatch Logs event into <see cref="CloudWatchLogsData"/> with a
/// <see cref="Utf8JsonReader"/>: no reflection, so it stays trimming- and AOT-safe. Unknown properties are skipped.
/// </summary>
internal static class CloudWatchLogsDataReader
{
    /// <summary>Where the decoded data sits in the event, the path every decode error reports.</summary>
    public const string DataPath = "$.awslogs.data";

    public static CloudWatchLogsData Read(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        var path = new JsonPath();
        try
        {
            if (!reader.Read())
                throw Error("is empty", path);
            var data = ReadData(ref reader, path);
            // With the whole input in hand, Read() returns false at the end and throws on anything after the object.
            reader.Read();
            return data;
        }
        catch (JsonException e)
        {
            var detail = e.Message.Split(" LineNumber:")[0].TrimEnd('.', ' ');
            throw new EventReadException($"The decoded awslogs.data is not valid JSON at {path} in it: {detail}.", DataPath, e);
        }
    }

    private static CloudWatchLogsData ReadData(ref Utf8JsonReader reader, JsonPath path)
    {
        Expect(ref reader, JsonTokenType.StartObject, "an object", path);
        string messageType = "", owner = "", logGroup = "", logStream = "";
        IReadOnlyList<string> filters = [];
        IReadOnlyList<CloudWatchLogEvent> events = [];
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("messageType"u8))
                messageType = ReadString(ref reader, path.Enter("messageType"));
            else if (reader.ValueTextEquals("owner"u8))
                owner = ReadString(ref reader, path.Enter("owner"));
            else if (reader.ValueTextEquals("logGroup"u8))
                logGroup = ReadString(ref reader, path.Enter("logGroup"));
            else if (reader.ValueTextEquals("logStream"u8))
                logStream = ReadString(ref reader, path.Enter("logStream"));
            else if (reader.ValueTextEquals("subscriptionFilters"u8))
                filters = ReadFilters(ref reader, path.Enter("subscriptionFilters"));
            else if (reader.ValueTextEquals("logEvents"u8))
                events = ReadEvents(ref reader, path.Enter("logEvents"));
            else
            {
                reader.Skip();
                continue;
            }
            path.Leave();
        }
        return new CloudWatchLogsData
        {
            MessageType = messageType,
            Owner = owner,
            LogGroup = logGroup,
            LogStream = logStream,
            SubscriptionFilters = filters,
            LogEvents = events,
        };
    }

    private static List<string> ReadFilters(ref Utf8JsonReader reader, JsonPath path)
    {
        Advance(ref reader);
        Expect(ref reader, JsonTokenType.StartArray, "an array", path);
        var filters = new List<string>();
        while (Advance(ref reader) != JsonTokenType.EndArray)
        {
            path.EnterIndex(filters.Count);
            filters.Add(StringValue(ref reader, path));
            path.Leave();
        }
        return filters;
    }

    private static List<CloudWatchLogEvent> ReadEvents(ref Utf8JsonReader reader, JsonPath path)
    {
        Advance(ref reader);
        Expect(ref reader, JsonTokenType.StartArray, "an array", path);
        var events = new List<CloudWatchLogEvent>();
        while (Advance(ref reader) != JsonTokenType.EndArray)
        {
            path.EnterIndex(events.Count);
            events.Add(ReadEvent(ref reader, path));
            path.Leave();
        }
        return events;
    }

    private static CloudWatchLogEvent ReadEvent(ref Utf8JsonReader reader, JsonPath path)
    {
        Expect(ref reader, JsonTokenType.StartObject, "an object", path);
        string id = "", message = "";
        long timestamp = 0;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("id"u8))
                id = ReadString(ref reader, path.Enter("id"));
            else if (reader.ValueTextEquals("timestamp"u8))
                timestamp = ReadInt64(ref reader, path.Enter("timestamp"));
            else if (reader.ValueTextEquals("message"u8))
                message = ReadString(ref reader, path.Enter("message"));
            else
            {
                reader.Skip();
                continue;
            }
            path.Leave();
        }
        return new CloudWatchLogEvent { Id = id, Timestamp = timestamp, Message = message };
    }

    /// <summary>Moves to the next property name of the current object; false at its end.</summary>
    private static bool NextProperty(ref Utf8JsonReader reader) => Advance(ref reader) == JsonTokenType.PropertyName;

    private static JsonTokenType Advance(ref Utf8JsonReader reader)
    {
        // Cannot return false before the root closes: the input is complete, so truncation throws instead.
        reader.Read();
        return reader.TokenType;
    }

    private static string ReadString(ref Utf8JsonReader reader, JsonPath path)
    {
        Advance(ref reader);
        return StringValue(ref reader, path);
    }

    private static string StringValue(ref Utf8JsonReader reader, JsonPath path)
    {
        Expect(ref reader, JsonTokenType.String, "a string", path);
        return reader.GetString()!;
    }

    private static long ReadInt64(ref Utf8JsonReader reader, JsonPath path)
    {
        Advance(ref reader);
        Expect(ref reader, JsonTokenType.Number, "a number", path);
        return reader.TryGetInt64(out var value) ? value : throw Error($"holds {Describe(ref reader)}, which is not a whole number of milliseconds", path);
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, string what, JsonPath path)
    {
        if (reader.TokenType != type)
            throw Error($"expects {what} at {path} but found {Describe(ref reader)}", path, inPath: false);
    }

    private static string Describe(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
        JsonTokenType.Null => "null",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        var other => other.ToString(),
    };

    private static EventReadException Error(string problem, JsonPath path, bool inPath = true) =>
        new(inPath ? $"The decoded awslogs.data {problem} (at {path} in it)." : $"The decoded awslogs.data {problem}.", DataPath);

    /// <summary>The path being read, kept as segments so nothing is formatted unless an error needs it.</summary>
    private sealed class JsonPath
    {
        private readonly List<(string? Name, int Index)> _segments = [];

        public JsonPath Enter(string name)
        {
            _segments.Add((name, -1));
            return this;
        }

        public void EnterIndex(int index) => _segments.Add((null, index));

        public void Leave() => _segments.RemoveAt(_segments.Count - 1);

        public override string ToString()
        {
            var text = new StringBuilder("$");
            foreach (var (name, index) in _segments)
            {
                if (name is null)
                    text.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
                else
                    text.Append('.').Append(name);
            }
            return text.ToString();
        }
    }
}
