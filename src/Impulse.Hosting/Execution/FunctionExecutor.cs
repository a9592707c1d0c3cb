using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Impulse.Hosting.Manifest;
using Impulse.Runtime;
using Impulse.Sources;

namespace Impulse.Hosting.Execution;

/// <summary>One invocation to run: its request id (kept across retries of an asynchronous event) and its event.</summary>
internal sealed record InvocationRequest(string RequestId, ReadOnlyMemory<byte> Payload, string? ClientContext = null);

/// <summary>What one invocation produced: its outcome, its result JSON and the tail of its own log.</summary>
internal sealed record ExecutedInvocation(InvocationStatus Status, FunctionError? Error, ReadOnlyMemory<byte> Result, byte[] LogTail)
{
    public bool Succeeded => Status == InvocationStatus.Succeeded;
}

/// <summary>
/// Runs invocations as the Lambda runtime does (through <see cref="InvocationRunner"/>: deadline, timeout,
/// response limit), each with a log of its own that also goes to the host's output, framed by the
/// <c>platform.start</c> and <c>platform.report</c> records Lambda writes in its JSON log format.
/// </summary>
internal sealed class FunctionExecutor(IServiceProvider services, SharedLogOutput output, LogLevel minimumLevel, TimeProvider time, string region, string accountId, IQueueSender? sender = null, IStreamSender? streamSender = null)
{
    public const string LatestVersion = "$LATEST";

    public string Region => region;
    public string AccountId => accountId;

    /// <summary>The function's ARN, as Lambda would name it in this host's region and account.</summary>
    public string ArnOf(string functionName) => $"arn:aws:lambda:{region}:{accountId}:function:{functionName}";

    public async Task<ExecutedInvocation> RunAsync(FunctionSpec function, InvocationRequest request)
    {
        var invoker = function.Invoker;
        // The app's AmbientQueueSender reaches this host's queues from within the invocation, even with other hosts in
        // the process; the setting ends with this method's flow.
        if (sender is not null)
            AmbientQueueSender.InstallForFlow(sender);
        if (streamSender is not null)
            AmbientStreamSender.InstallForFlow(streamSender);
        var now = time.GetUtcNow();
        var info = new InvocationInfo(
            request.RequestId,
            invoker.Name,
            LatestVersion,
            ArnOf(invoker.Name),
            invoker.MemoryMb,
            now.AddSeconds(invoker.TimeoutSeconds),
            ClientContext: request.ClientContext) { StartedAt = now };

        using var log = new InvocationLogStream(output);
        var sink = new LogSink(log, minimumLevel, time);
        var context = new FunctionContext(info, new FunctionLogger(sink, request.RequestId, invoker.Name), time);
        var result = new ArrayBufferWriter<byte>();
        var started = time.GetTimestamp();
        WritePlatformStart(log, info);
        try
        {
            var outcome = await InvocationRunner.RunAsync(invoker, request.Payload, result, context, services).ConfigureAwait(false);
            WritePlatformReport(log, info, outcome, time.GetElapsedTime(started));
            return new ExecutedInvocation(outcome.Status, outcome.Error, result.WrittenMemory, log.GetTail());
        }
        finally
        {
            context.Release();
        }
    }

    private void WritePlatformStart(InvocationLogStream log, InvocationInfo info) => WritePlatform(log, "platform.start", json =>
    {
        json.WriteString("requestId"u8, info.RequestId);
        json.WriteString("functionArn"u8, info.InvokedFunctionArn);
        json.WriteString("version"u8, info.FunctionVersion);
    });

    private void WritePlatformReport(InvocationLogStream log, InvocationInfo info, InvocationOutcome outcome, TimeSpan elapsed) => WritePlatform(log, "platform.report", json =>
    {
        json.WriteString("requestId"u8, info.RequestId);
        json.WriteStartObject("metrics"u8);
        json.WriteNumber("durationMs"u8, Math.Round(elapsed.TotalMilliseconds, 2));
        // Lambda bills whole milliseconds, rounded up.
        json.WriteNumber("billedDurationMs"u8, (long)Math.Ceiling(elapsed.TotalMilliseconds));
        json.WriteNumber("memorySizeMB"u8, info.MemoryLimitInMb);
        json.WriteEndObject();
        json.WriteString("status"u8, outcome.Status switch
        {
            InvocationStatus.Succeeded => "success",
            InvocationStatus.TimedOut => "timeout",
            _ => "error",
        });
        if (outcome.Error is { } error)
            json.WriteString("errorType"u8, error.Type);
    });

    private void WritePlatform(InvocationLogStream log, string type, Action<Utf8JsonWriter> record)
    {
        if (minimumLevel > LogLevel.Info)
            return;
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("time"u8, time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            json.WriteString("type"u8, type);
            json.WriteStartObject("record"u8);
            record(json);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        log.Write(buffer.WrittenSpan);
        log.Write("\n"u8);
        log.Flush();
    }
}
