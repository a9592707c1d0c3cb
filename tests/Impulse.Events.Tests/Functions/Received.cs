namespace Impulse.Events.Tests.Functions;

/// <summary>
/// The slot the test functions put what they were given into. Thread-static, because xunit runs test classes in
/// parallel and CsCheck samples on several threads; the handlers are synchronous, so an invocation through
/// <c>FunctionTestHost</c> runs start to end on the caller's thread.
/// </summary>
internal static class Received
{
    [ThreadStatic]
    private static object? t_value;

    [ThreadStatic]
    private static int t_calls;

    /// <summary>How many handlers ran on this thread since <see cref="Reset"/>.</summary>
    public static int Calls => t_calls;

    /// <summary>Empties the slot; call before each invocation whose handler call is asserted.</summary>
    public static void Reset()
    {
        t_value = null;
        t_calls = 0;
    }

    /// <summary>The one value a handler stored since <see cref="Reset"/>, as <typeparamref name="T"/>.</summary>
    public static T Single<T>()
    {
        Assert.True(t_calls == 1, $"Expected one handler call since the reset, saw {t_calls}.");
        return Assert.IsType<T>(t_value);
    }

    /// <summary>The one value a handler stored since <see cref="Reset"/>.</summary>
    public static object Single()
    {
        Assert.True(t_calls == 1, $"Expected one handler call since the reset, saw {t_calls}.");
        return t_value!;
    }

    /// <summary>Called by the handlers: keeps <paramref name="value"/> and hands it back to be written.</summary>
    public static T Store<T>(T value)
    {
        t_value = value;
        t_calls++;
        return value;
    }
}

/// <summary>
/// Values the emitting functions return: a test puts one in, invokes the function, and the generated writer turns
/// it into JSON. The way to reach a generated writer from outside, since its methods are named by the generator.
/// </summary>
internal static class Outbox
{
    [ThreadStatic]
    private static object? t_value;

    public static void Put<T>(T value) where T : class => t_value = value;

    public static T Take<T>() where T : class
    {
        var value = t_value as T ?? throw new InvalidOperationException($"No {typeof(T).Name} was put in the outbox.");
        t_value = null;
        return value;
    }
}
