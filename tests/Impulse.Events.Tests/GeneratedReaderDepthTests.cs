using Impulse.Events.Tests.Functions;
using Impulse.Events.Tests.Infrastructure;
using Names = Impulse.Events.Tests.Functions.EventFunctions.Names;

namespace Impulse.Events.Tests;

/// <summary>
/// The 64-level limit the mutation tests lean on, pinned at its edge: an event may nest 64 levels (the root object
/// counts as one), and the 65th is an error at the path of the value that went too deep.
/// </summary>
public sealed class GeneratedReaderDepthTests : IDisposable
{
    private readonly Invocations _invocations = new();

    [Fact]
    public void ScheduledEvent_DetailNestedTo64Levels_IsRead()
    {
        var outcome = _invocations.Invoke(Names.Scheduled, Detail(levels: 63));

        Assert.True(outcome.Succeeded, outcome.ToString());
        Assert.Equal(System.Text.Json.JsonValueKind.Array, Received.Single<ScheduledEvent>().Detail.ValueKind);
    }

    [Fact]
    public void ScheduledEvent_DetailNestedTo65Levels_IsRejectedAtTheDetail()
    {
        var outcome = _invocations.Invoke(Names.Scheduled, Detail(levels: 64));

        Assert.Equal(EventReadException.ErrorType, outcome.ErrorType);
        Assert.Contains("(at $.detail)", outcome.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("depth of 64", outcome.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(0, outcome.HandlerCalls);
    }

    public void Dispose() => _invocations.Dispose();

    private static string Detail(int levels) => "{\"detail\":" + new string('[', levels) + new string(']', levels) + "}";
}
