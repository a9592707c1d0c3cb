using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using Impulse.Dispatch;
using Impulse.Serialization;

namespace Impulse.Benchmarks.Json;

/// <summary>
/// One input, three readers. <see cref="Generated"/> is the call a generated invoker makes:
/// <c>FunctionJson.ReadWith</c> with the generated reader, which also checks for trailing data and wraps
/// errors. The baseline is System.Text.Json's source generator; both System.Text.Json readers run with
/// default options (case-sensitive names, unknown properties skipped, depth 64), as the generated one does.
/// </summary>
[MemoryDiagnoser]
public abstract class ReadBenchmarks<T>
    where T : class
{
    private byte[] _payload = [];
    private JsonValueReader<T> _generated = null!;
    private JsonTypeInfo<T> _sourceGen = null!;

    /// <summary>The UTF-8 input, built once.</summary>
    protected abstract byte[] Payload();

    /// <summary>The input the readers read, for <see cref="Floor"/>.</summary>
    public byte[] Input => _payload;

    /// <summary>System.Text.Json's source-generated metadata for <typeparamref name="T"/>.</summary>
    protected abstract JsonTypeInfo<T> SourceGen { get; }

    /// <summary>Throws unless <paramref name="value"/> holds what the payload says, so agreeing readers cannot all be wrong.</summary>
    protected abstract void Check(T value);

    /// <summary>Builds the input, finds the generated reader and proves the three readers agree.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _payload = Payload();
        _generated = GeneratedJson.Reader<T>();
        _sourceGen = SourceGen;
        var generated = Generated();
        var sourceGen = StjSourceGen();
        var reflection = StjReflection();
        Check(generated);
        Check(sourceGen);
        Check(reflection);
        Agreement.Same(GetType().Name + " readers", SourceGen, generated, sourceGen, reflection);
    }

    /// <summary>Impulse's generated reader, through <c>FunctionJson.ReadWith</c>.</summary>
    [Benchmark, BenchmarkCategory("Generated")]
    public T Generated() => FunctionJson.ReadWith(_payload, _generated, allowsNull: false);

    /// <summary>System.Text.Json, source-generated metadata.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("StjSourceGen")]
    public T StjSourceGen() => JsonSerializer.Deserialize(_payload, _sourceGen)!;

    /// <summary>System.Text.Json, reflection-based metadata.</summary>
    [Benchmark, BenchmarkCategory("StjReflection")]
    public T StjReflection() => JsonSerializer.Deserialize<T>(_payload, Stj.Reflection)!;

    /// <summary>Throws with <paramref name="message"/> unless <paramref name="condition"/> holds.</summary>
    protected static void Expect(bool condition, string message)
    {
        if (!condition)
            throw new InvalidOperationException("Wrong read: " + message);
    }
}
