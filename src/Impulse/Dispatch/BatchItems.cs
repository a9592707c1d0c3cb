using System.ComponentModel;

namespace Impulse.Dispatch;

/// <summary>What generated batch invokers do when one record fails.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class BatchItems
{
    /// <summary>Logs a failed record with its id, so the failure can be traced to the message that will come back.</summary>
    public static void LogFailure(FunctionContext context, string itemIdentifier, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(exception);
        context.Logger.Log(LogLevel.Error, "Record failed; it is reported in batchItemFailures.",
            [new("itemIdentifier", itemIdentifier), new("errorType", exception.GetType().Name), new("errorMessage", exception.Message)]);
    }
}
