using Impulse.Events.Tests.Models;

namespace Impulse.Events.Tests.Functions;

/// <summary>Functions over the writer-shape models, so the generator emits their readers and writers.</summary>
public static class WriterShapeFunctions
{
    [Function("writer-shape")]
    public static WriterShape EchoWriterShape(WriterShape shape) => shape;

    [Function("optional-only")]
    public static OptionalOnly EchoOptionalOnly(OptionalOnly value) => value;
}
