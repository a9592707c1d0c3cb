using System.Collections.Concurrent;
using Impulse.Hosting.Manifest;
using Impulse.Sources;

namespace Impulse.Hosting.Streams;

/// <summary>
/// The app's streams by name, on one stream provider (the embedded database by default). Pollers, the stream sender
/// and tests open streams here, so each is opened once. It also knows which streams DynamoDB triggers read, whose
/// records must be changes. Disposing it closes the provider it was given.
/// </summary>
internal sealed class StreamDirectory(IStreamSourceFactory factory, int shardCount, IEnumerable<FunctionSpec> functions) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<IStreamSource>> _open = new(StringComparer.Ordinal);
    private readonly HashSet<string> _dynamoDb = functions
        .SelectMany(f => f.StreamTriggers)
        .Where(t => t.Kind == StreamKind.DynamoDb)
        .Select(t => t.Stream)
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>The stream <paramref name="name"/>, created with the host's shard count on first use.</summary>
    public IStreamSource Get(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var lazy = _open.GetOrAdd(name, static (key, state) => new(() => state.factory.Create(new StreamDefinition(key, state.shardCount))), (factory, shardCount));
        try
        {
            return lazy.Value;
        }
        catch
        {
            // A failed open must not stick: the next call tries again.
            _open.TryRemove(new(name, lazy));
            throw;
        }
    }

    /// <summary>Whether a DynamoDB stream trigger reads <paramref name="name"/>.</summary>
    public bool IsDynamoDbStream(string name) => _dynamoDb.Contains(name);

    public async ValueTask DisposeAsync()
    {
        foreach (var open in _open.Values)
        {
            if (open.IsValueCreated)
                await open.Value.DisposeAsync().ConfigureAwait(false);
        }

        if (factory is IAsyncDisposable owned)
            await owned.DisposeAsync().ConfigureAwait(false);
    }
}
