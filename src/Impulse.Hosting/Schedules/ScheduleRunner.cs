using Impulse.Hosting.Async;
using Impulse.Hosting.Execution;
using Impulse.Scheduling;

namespace Impulse.Hosting.Schedules;

/// <summary>
/// Fires every schedule push trigger at its next occurrence, as an asynchronous invocation: EventBridge invokes its
/// targets asynchronously, so a failed run is retried and dead-lettered like any <c>Event</c> invocation.
/// </summary>
/// <remarks>
/// Only occurrences while the host runs fire; one missed while it was stopped is skipped, as EventBridge does not
/// replay a disabled rule. A rate counts from the host's start (see docs/schedules.md).
/// </remarks>
internal sealed class ScheduleRunner
{
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(1);

    private readonly List<(HostedFunction Function, ScheduleExpression Schedule)> _schedules = [];
    private readonly Dictionary<string, HostedFunction> _functions = new(StringComparer.Ordinal);
    private readonly AsyncInvocations _async;
    private readonly FunctionExecutor _executor;
    private readonly FunctionLogger _log;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _running = [];

    /// <exception cref="FormatException">A schedule expression is not valid (the analyzer catches this at build time).</exception>
    public ScheduleRunner(IEnumerable<HostedFunction> functions, AsyncInvocations async, FunctionExecutor executor, FunctionLogger log, TimeProvider time)
    {
        _async = async;
        _executor = executor;
        _log = log;
        _time = time;
        var start = time.GetUtcNow();
        foreach (var function in functions)
        {
            foreach (var expression in function.Spec.Schedules)
            {
                _schedules.Add((function, ScheduleExpression.Parse(expression, start)));
                _functions.TryAdd(function.Name, function);
            }
        }
    }

    /// <summary>Whether <paramref name="function"/> has a schedule trigger, so it can be fired by hand.</summary>
    public bool HasSchedule(string function) => _functions.ContainsKey(function);

    public void Start()
    {
        foreach (var (function, schedule) in _schedules)
            _running.Add(Task.Run(() => RunAsync(function, schedule)));
    }

    /// <summary>Queues one scheduled event for <paramref name="function"/> now; returns the event's id, or null for a function without a schedule.</summary>
    public async Task<string?> FireAsync(string function, CancellationToken cancel)
    {
        if (!_functions.TryGetValue(function, out var hosted))
            return null;
        return await FireAsync(hosted, _time.GetUtcNow(), cancel).ConfigureAwait(false);
    }

    public async Task StopAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_running).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task RunAsync(HostedFunction function, ScheduleExpression schedule)
    {
        var after = _time.GetUtcNow();
        while (!_stopping.IsCancellationRequested)
        {
            if (schedule.NextOccurrence(after) is not { } next)
            {
                _log.Log(LogLevel.Info, $"Schedule {schedule} of '{function.Name}' has no more occurrences.");
                return;
            }

            try
            {
                var wait = next - _time.GetUtcNow();
                if (wait > LongestWait)
                {
                    // Task.Delay cannot wait years (a cron with a year far ahead): wait in steps, then look again.
                    await Task.Delay(LongestWait, _time, _stopping.Token).ConfigureAwait(false);
                    continue;
                }

                if (wait > TimeSpan.Zero)
                    await Task.Delay(wait, _time, _stopping.Token).ConfigureAwait(false);
                await FireAsync(function, next, _stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                _log.Log(LogLevel.Error, $"Queuing the scheduled event of '{function.Name}' for {next:O} failed; it is skipped.", e);
            }

            after = next;
        }
    }

    private async Task<string> FireAsync(HostedFunction function, DateTimeOffset at, CancellationToken cancel)
    {
        var id = Guid.NewGuid().ToString();
        var payload = ScheduledEventWriter.Write(id, at, function.Name, _executor.Region, _executor.AccountId);
        await _async.EnqueueAsync(function, payload, Guid.NewGuid().ToString(), null, cancel).ConfigureAwait(false);
        return id;
    }
}
