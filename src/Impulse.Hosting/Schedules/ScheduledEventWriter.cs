using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Impulse.Hosting.Schedules;

/// <summary>Writes the event EventBridge sends a schedule's target (<c>Impulse.Events.ScheduledEvent</c>).</summary>
internal static class ScheduledEventWriter
{
    /// <summary>The rule a function's schedule stands for, as the event's only resource.</summary>
    public static string RuleArnOf(string function, string region, string accountId) => $"arn:aws:events:{region}:{accountId}:rule/{function}-schedule";

    public static ReadOnlyMemory<byte> Write(string id, DateTimeOffset time, string function, string region, string accountId)
    {
        var buffer = new ArrayBufferWriter<byte>(384);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("version"u8, "0"u8);
            json.WriteString("id"u8, id);
            json.WriteString("detail-type"u8, "Scheduled Event"u8);
            json.WriteString("source"u8, "aws.events"u8);
            json.WriteString("account"u8, accountId);
            // EventBridge writes whole seconds in UTC.
            json.WriteString("time"u8, time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            json.WriteString("region"u8, region);
            json.WriteStartArray("resources"u8);
            json.WriteStringValue(RuleArnOf(function, region, accountId));
            json.WriteEndArray();
            json.WriteStartObject("detail"u8);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }
}
