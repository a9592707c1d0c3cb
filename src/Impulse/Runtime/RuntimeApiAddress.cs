using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Impulse.Runtime;

/// <summary>Turns an <c>AWS_LAMBDA_RUNTIME_API</c> value (<c>host:port</c>) into endpoints, resolving names once.</summary>
internal static class RuntimeApiAddress
{
    /// <summary>The endpoints to try in order: IPv4 first, as Lambda's own endpoint is 127.0.0.1.</summary>
    public static IPEndPoint[] Resolve(string runtimeApi)
    {
        var (host, port) = Split(runtimeApi);
        if (IPAddress.TryParse(host, out var literal))
            return [new IPEndPoint(literal, port)];
        // Skipping the resolver for localhost saves a cold-start lookup and pins the loopback order.
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
            return [new IPEndPoint(IPAddress.Loopback, port), new IPEndPoint(IPAddress.IPv6Loopback, port)];

        IPAddress[] addresses;
        try
        {
            addresses = Dns.GetHostAddresses(host);
        }
        catch (SocketException e)
        {
            throw new RuntimeApiException(0, $"Cannot resolve the Runtime API host '{host}': {e.Message}");
        }
        var endpoints = new List<IPEndPoint>(addresses.Length);
        foreach (var family in (ReadOnlySpan<AddressFamily>)[AddressFamily.InterNetwork, AddressFamily.InterNetworkV6])
        {
            foreach (var address in addresses)
            {
                if (address.AddressFamily == family)
                    endpoints.Add(new IPEndPoint(address, port));
            }
        }
        if (endpoints.Count == 0)
            throw new RuntimeApiException(0, $"The Runtime API host '{host}' resolves to no IP address.");
        return [.. endpoints];
    }

    private static (string Host, int Port) Split(string runtimeApi)
    {
        ArgumentNullException.ThrowIfNull(runtimeApi);
        string host;
        string port;
        if (runtimeApi.StartsWith('['))
        {
            // [IPv6]:port, the only form in which a host may itself hold colons.
            var close = runtimeApi.IndexOf("]:", StringComparison.Ordinal);
            if (close < 0)
                throw Invalid(runtimeApi);
            host = runtimeApi[1..close];
            port = runtimeApi[(close + 2)..];
            if (!IPAddress.TryParse(host, out var address) || address.AddressFamily != AddressFamily.InterNetworkV6)
                throw Invalid(runtimeApi);
        }
        else
        {
            var colon = runtimeApi.LastIndexOf(':');
            if (colon <= 0)
                throw Invalid(runtimeApi);
            host = runtimeApi[..colon];
            port = runtimeApi[(colon + 1)..];
            if (!IsHostName(host))
                throw Invalid(runtimeApi);
        }
        if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535)
            throw Invalid(runtimeApi);
        return (host, number);
    }

    private static bool IsHostName(string host) =>
        host.AsSpan().IndexOfAnyExcept("-._0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") < 0;

    private static ArgumentException Invalid(string runtimeApi) =>
        new($"AWS_LAMBDA_RUNTIME_API must be 'host:port' (host a name, an IPv4 address or [IPv6]), not '{runtimeApi}'.", nameof(runtimeApi));
}
