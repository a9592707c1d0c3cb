using Impulse.Events.Tests.Arbitrary;

namespace Impulse.Events.Tests.Infrastructure;

/// <summary>
/// The rule every mutant is held to. Invoking the function either succeeds, with the handler called once and a
/// result that the generated reader takes back and the writer writes the same again; or fails with
/// <c>Impulse.EventReadError</c>, a message naming the JSON path, and the handler never called. Nothing else.
/// </summary>
internal static class MutationOracle
{
    public static void Check(Invocations invocations, string function, Mutant mutant)
    {
        var outcome = invocations.Invoke(function, mutant.Payload);
        if (outcome.Succeeded)
        {
            Assert.True(mutant.Expect != Expect.Rejected, $"Accepted an event that is not valid: {outcome}");
            Assert.True(outcome.HandlerCalls == 1, $"Succeeded with {outcome.HandlerCalls} handler calls.");
            var again = invocations.Invoke(function, outcome.ResultJson!);
            Assert.True(again.Succeeded, $"The reader rejected what the writer made of an accepted event: {again}\nWritten: {outcome.ResultJson}");
            Assert.True(again.ResultJson == outcome.ResultJson, $"Writing what was read back changed the JSON:\n{outcome.ResultJson}\n{again.ResultJson}");
            return;
        }

        Assert.True(mutant.Expect != Expect.Accepted, $"Rejected an event that is valid: {outcome}");
        Assert.True(outcome.ErrorType == EventReadException.ErrorType, $"Expected {EventReadException.ErrorType}, got {outcome}");
        Assert.True(outcome.ErrorMessage!.Contains("(at $", StringComparison.Ordinal), $"The error names no JSON path: {outcome.ErrorMessage}");
        Assert.True(outcome.HandlerCalls == 0, $"The handler ran although the event was rejected: {outcome}");
    }
}
