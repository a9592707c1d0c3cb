using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using Impulse.Dispatch;
using Impulse.Serialization;

namespace Impulse.Benchmarks.Json;

/// <summary>
/// One value, three writers, into one reused <see cref="ArrayBufferWriter{T}"/> (written count reset per
/// call). <see cref="Generated"/> is the call a generated invoker makes: <c>FunctionJson.WriteWith</c>,
/// which writes straight into the buffer through a <see cref="JsonOutput"/> on the stack. The System.Text.Json
/// writers get one cached <see cref="Utf8JsonWriter"/>, reset onto the buffer per call. Neither side
/// allocates a writer per call.
/// </summary>
[MemoryDiagnoser]
public abstract class WriteBenchmarks<T>
    where T : class
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private Utf8JsonWriter _writer = null!;
    private T _value = null!;
    private JsonValueWriter<T> _generated = null!;
    private JsonTypeInfo<T> _sourceGen = null!;

    /// <summary>The value to write, built once.</summary>
    protected abstract T Value();

    /// <summary>System.Text.Json's source-generated metadata for <typeparamref name="T"/>.</summary>
    protected abstract JsonTypeInfo<T> SourceGen { get; }

    /// <summary>Throws unless <paramref name="json"/> is what the value should become.</summary>
    protected abstract void Check(string json);

    /// <summary>Builds the value, finds the generated writer and proves the three writers write the same bytes.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _value = Value();
        _generated = GeneratedJson.Writer<T>();
        _sourceGen = SourceGen;
        _writer = new Utf8JsonWriter(_buffer, Stj.WriterOptions);

        var generated = Written(Generated());
        var sourceGen = Written(StjSourceGen());
        var reflection = Written(StjReflection());
        Check(generated);
        if (generated != sourceGen || generated != reflection)
            throw new InvalidOperationException($"{GetType().Name}: writers disagree.\n generated:  {generated}\n source-gen: {sourceGen}\n reflection: {reflection}");
        // And what was written reads back as the value.
        Agreement.Same(GetType().Name + " round trip", SourceGen, _value, JsonSerializer.Deserialize(generated, SourceGen)!);
    }

    /// <summary>Impulse's generated writer, through <c>FunctionJson.WriteWith</c>.</summary>
    [Benchmark, BenchmarkCategory("Generated")]
    public int Generated()
    {
        _buffer.ResetWrittenCount();
        FunctionJson.WriteWith(_buffer, _value, _generated);
        return _buffer.WrittenCount;
    }

    /// <summary>System.Text.Json, source-generated (its fast-path serializer).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("StjSourceGen")]
    public int StjSourceGen()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        JsonSerializer.Serialize(_writer, _value, _sourceGen);
        return _buffer.WrittenCount;
    }

    /// <summary>System.Text.Json, reflection-based metadata.</summary>
    [Benchmark, BenchmarkCategory("StjReflection")]
    public int StjReflection()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        JsonSerializer.Serialize(_writer, _value, Stj.Reflection);
        return _buffer.WrittenCount;
    }

    private string Written(int count) =>
        count == _buffer.WrittenCount && count > 0
            ? Encoding.UTF8.GetString(_buffer.WrittenSpan)
            : throw new InvalidOperationException($"{GetType().Name}: nothing was written.");
}
