using System.Reflection;
using Impulse.Generated;
using Impulse.Serialization;

namespace Impulse.Benchmarks.Json;

/// <summary>
/// Finds the generated reader and writer of a type in <see cref="ImpulseJson"/>, once, in setup. Their
/// names end in a hash the benchmark should not hard-code; the delegates are the same kind the generated
/// invokers pass to <c>FunctionJson.ReadWith</c> and <c>WriteWith</c>, so a call costs what it costs there.
/// </summary>
public static class GeneratedJson
{
    /// <summary>The generated <c>Read_…</c> method that returns exactly <typeparamref name="T"/>.</summary>
    public static JsonValueReader<T> Reader<T>() =>
        Find<JsonValueReader<T>>("Read_", m => m.ReturnType == typeof(T) && m.GetParameters() is [{ ParameterType.IsByRef: true }]);

    /// <summary>The generated <c>Write_…</c> method that takes exactly <typeparamref name="T"/>.</summary>
    public static JsonValueWriter<T> Writer<T>() =>
        Find<JsonValueWriter<T>>("Write_", m => m.GetParameters() is [_, var value] && value.ParameterType == typeof(T));

    private static TDelegate Find<TDelegate>(string prefix, Func<MethodInfo, bool> matches)
        where TDelegate : Delegate
    {
        var found = typeof(ImpulseJson)
            .GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.Name.StartsWith(prefix, StringComparison.Ordinal) && matches(m))
            .ToList();
        return found is [var method]
            ? method.CreateDelegate<TDelegate>()
            : throw new InvalidOperationException($"Expected one generated {prefix}… method for {typeof(TDelegate)}, found {found.Count}.");
    }
}
