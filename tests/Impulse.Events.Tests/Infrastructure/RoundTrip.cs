using System.Text.Json;
using Impulse.Events.Tests.Functions;

namespace Impulse.Events.Tests.Infrastructure;

/// <summary>
/// read(write(x)) through the generated code: an emitter function writes x, an echo function reads that back
/// (and writes what it read). The value read must equal x, the second write must be the first byte for byte, and
/// reflection-based System.Text.Json, reading the written JSON strictly, must find the same value.
/// </summary>
internal static class RoundTrip
{
    public static void Assert<T>(Invocations invocations, string emitter, string echo, T value) where T : class
    {
        Outbox.Put(value);
        var written = invocations.Invoke(emitter, "null");
        Xunit.Assert.True(written.Succeeded, written.ToString());

        var read = invocations.Invoke(echo, written.ResultJson!);

        Xunit.Assert.True(read.Succeeded, $"The generated reader rejected what the generated writer wrote: {read}\nJSON: {written.ResultJson}");
        Structural.AssertEqual(value, Received.Single<T>());
        Xunit.Assert.Equal(written.ResultJson, read.ResultJson);
        Structural.AssertEqual(value, JsonSerializer.Deserialize<T>(written.ResultJson!, Samples.Strict));
    }
}
