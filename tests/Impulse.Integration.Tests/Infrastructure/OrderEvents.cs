using System.Buffers;
using System.Text.Json;

namespace Impulse.Integration.Infrastructure;

/// <summary>A create-order event and the total the function must compute for it.</summary>
/// <param name="CustomerId">The customer the order is for.</param>
/// <param name="Total">The sum of quantity × unit price over the lines.</param>
/// <param name="Body">The event as UTF-8 JSON.</param>
public sealed record OrderEvent(string CustomerId, decimal Total, byte[] Body);

/// <summary>Makes distinct, deterministic create-order events.</summary>
public static class OrderEvents
{
    /// <summary>The <paramref name="index"/>th event: its own customer, one to four lines, prices with cents.</summary>
    public static OrderEvent Create(int index)
    {
        var customerId = $"cust-{index:D5}";
        var total = 0m;
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("customerId", customerId);
            json.WriteStartArray("lines");
            for (var line = 0; line <= index % 4; line++)
            {
                var quantity = 1 + (index + line) % 9;
                // Cents that differ per order and line, so a wrong sum cannot match by accident.
                var unitPrice = (1 + (index * 37 + line * 101) % 99_999) / 100m;
                total += quantity * unitPrice;
                json.WriteStartObject();
                json.WriteString("sku", $"sku-{index}-{line}");
                json.WriteNumber("quantity", quantity);
                json.WriteNumber("unitPrice", unitPrice);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return new OrderEvent(customerId, total, buffer.WrittenSpan.ToArray());
    }
}
