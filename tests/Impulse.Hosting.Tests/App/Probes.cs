using System.Collections.Concurrent;

namespace Impulse.Hosting.Tests.App;

/// <summary>
/// A latch per key that a test holds a function on: the handler reports that it started and then waits until the
/// test releases it, so concurrency and shutdown can be tested without timing guesses. Keys are unique per test,
/// because test classes run in parallel.
/// </summary>
public static class Latches
{
    private static readonly ConcurrentDictionary<string, Latch> s_latches = new(StringComparer.Ordinal);

    public static Latch Get(string key) => s_latches.GetOrAdd(key, static _ => new Latch());

    public sealed class Latch
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Started => _started.Task;
        public int Entered => _entered;
        private int _entered;

        public Task EnterAsync(CancellationToken cancel)
        {
            Interlocked.Increment(ref _entered);
            _started.TrySetResult();
            return _released.Task.WaitAsync(cancel);
        }

        public void Release() => _released.TrySetResult();
    }
}

/// <summary>When handlers ran, per key; keys are unique per test.</summary>
public static class Calls
{
    private static readonly ConcurrentDictionary<string, List<long>> s_calls = new(StringComparer.Ordinal);

    /// <summary>Records a call and returns how many there have been for <paramref name="key"/>, this one included.</summary>
    public static int Record(string key)
    {
        var calls = s_calls.GetOrAdd(key, static _ => []);
        lock (calls)
        {
            calls.Add(System.Diagnostics.Stopwatch.GetTimestamp());
            return calls.Count;
        }
    }

    public static int Count(string key) => Times(key).Count;

    /// <summary>The <see cref="System.Diagnostics.Stopwatch"/> timestamps of the calls, in order.</summary>
    public static IReadOnlyList<long> Times(string key)
    {
        if (!s_calls.TryGetValue(key, out var calls))
            return [];
        lock (calls)
            return [.. calls];
    }
}
