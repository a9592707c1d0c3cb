using System.Globalization;

namespace Impulse.Sources.RabbitMq;

/// <summary>
/// A receipt handle names one delivery: a random token of the channel it came on, and its delivery tag there. AMQP
/// delivery tags count from 1 on every channel, so the token is what keeps a handle from an older channel, or from
/// another queue's channel, from acknowledging a delivery it never named.
/// </summary>
internal static class RabbitMqReceiptHandle
{
    public static string Format(ulong channelToken, ulong deliveryTag)
        => string.Create(CultureInfo.InvariantCulture, $"{channelToken:x16}.{deliveryTag}");

    public static (ulong ChannelToken, ulong DeliveryTag) Parse(string handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        var dot = handle.IndexOf('.', StringComparison.Ordinal);
        if (dot == 16
            && ulong.TryParse(handle.AsSpan(0, dot), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var token)
            && ulong.TryParse(handle.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var tag)
            && tag > 0)
        {
            return (token, tag);
        }

        throw new ArgumentException($"'{handle}' is not a receipt handle of the RabbitMQ queue source.", nameof(handle));
    }
}
