namespace Impulse.Runtime.Tests.RuntimeApi;

/// <summary>Bounds for awaits that would otherwise hang a broken test run forever.</summary>
internal static class TestTimeouts
{
    /// <summary>Long enough for any healthy exchange on a loaded machine; reaching it means a hang.</summary>
    public static readonly TimeSpan Hang = TimeSpan.FromSeconds(20);

    public static Task<T> Within<T>(this ValueTask<T> task) => task.AsTask().WaitAsync(Hang);

    public static Task Within(this ValueTask task) => task.AsTask().WaitAsync(Hang);

    /// <summary>Polls <paramref name="condition"/> until it holds; throws if it does not within <see cref="Hang"/>.</summary>
    public static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Hang;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("The condition never held.");
            await Task.Delay(10);
        }
    }
}
