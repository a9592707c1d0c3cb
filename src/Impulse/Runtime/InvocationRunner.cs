using System.Buffers;
using Impulse.Dispatch;

namespace Impulse.Runtime;

/// <summary>How one invocation ended.</summary>
internal enum InvocationStatus
{
    Succeeded,
    Failed,
    TimedOut,
}

/// <summary>
/// The outcome of one invocation. A timed-out handler that ignored cancellation is still running:
/// <see cref="Abandoned"/> is its task, so the caller can decide whether the process may go on.
/// </summary>
internal readonly record struct InvocationOutcome(InvocationStatus Status, FunctionError? Error, Task? Abandoned = null);

/// <summary>
/// Runs one invocation with Lambda's rules: the deadline cancels the handler, a handler still running
/// at the deadline is a timeout, a result over the response limit is an error, never a lost answer.
/// Shared by the Runtime API loop, the local commands and the local host.
/// </summary>
internal static class InvocationRunner
{
    /// <summary>Lambda's limit on a buffered synchronous response: 6 MB plus the 100-byte envelope AWS allows.</summary>
    public const int MaxResponseBytes = 6_291_556;

    public static async ValueTask<InvocationOutcome> RunAsync(
        FunctionInvoker invoker,
        ReadOnlyMemory<byte> payload,
        ArrayBufferWriter<byte> result,
        FunctionContext context,
        IServiceProvider services,
        int maxResponseBytes = MaxResponseBytes)
    {
        result.ResetWrittenCount();
        ValueTask invocation;
        try
        {
            invocation = invoker.InvokeAsync(payload, result, context, services);
        }
        catch (Exception e)
        {
            return Failed(e, context);
        }

        if (!invocation.IsCompleted)
        {
            var running = invocation.AsTask();
            try
            {
                await running.WaitAsync(context.RemainingTime, context.Time).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // The deadline's cancellation may have ended the handler a moment after the wait gave up;
                // either way it ran out of time. Only a handler still running is abandoned.
                return TimedOut(context, running.IsCompleted ? null : running);
            }
            catch (Exception e)
            {
                return Failed(e, context);
            }
            return Succeeded(result, maxResponseBytes);
        }

        try
        {
            invocation.GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            return Failed(e, context);
        }
        return Succeeded(result, maxResponseBytes);
    }

    private static InvocationOutcome Succeeded(ArrayBufferWriter<byte> result, int maxResponseBytes) =>
        result.WrittenCount <= maxResponseBytes
            ? new(InvocationStatus.Succeeded, null)
            : new(InvocationStatus.Failed, new FunctionError(
                FunctionError.ResponseTooLargeType,
                $"Response payload size ({result.WrittenCount} bytes) exceeded maximum allowed payload size ({maxResponseBytes} bytes).",
                []));

    private static InvocationOutcome Failed(Exception exception, FunctionContext context)
    {
        // A handler that gave up because its deadline fired timed out; it did not fail on its own.
        if (exception is OperationCanceledException && context.CancellationToken.IsCancellationRequested)
            return TimedOut(context, null);
        var error = FunctionError.From(exception);
        context.Logger.Log(LogLevel.Error, "Invocation failed.", exception);
        return new(InvocationStatus.Failed, error);
    }

    private static InvocationOutcome TimedOut(FunctionContext context, Task? abandoned)
    {
        var seconds = (context.Deadline - context.Info.StartedAt).TotalSeconds;
        var message = $"Task timed out after {seconds:0.00} seconds";
        context.Logger.Error(message);
        return new(InvocationStatus.TimedOut, new FunctionError(FunctionError.TimeoutType, message, []), abandoned);
    }
}
