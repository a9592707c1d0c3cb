using System.Net;
using Impulse.Sources;
using Microsoft.Extensions.Configuration;

namespace Impulse.Hosting;

/// <summary>How the local host listens, limits concurrency, retries asynchronous invocations and where it logs.</summary>
public sealed class LocalHostOptions
{
    /// <summary>The port when neither <c>--port</c> nor <c>IMPULSE_PORT</c> names one.</summary>
    public const int DefaultPort = 3000;

    /// <summary>The address to listen on: loopback by default, so the host is reachable only from this machine.</summary>
    public IPAddress Address { get; set; } = IPAddress.Loopback;

    /// <summary>The port to listen on; 0 picks a free one (see <see cref="LocalHostHandle.Address"/>).</summary>
    public int Port { get; set; } = DefaultPort;

    /// <summary>
    /// Most invocations running at once across all functions, as an account's concurrency limit on AWS;
    /// 0, the default, for none. Functions' own reserved concurrency applies as well.
    /// </summary>
    public int MaxConcurrency { get; set; }

    /// <summary>
    /// The delays before each retry of a failed asynchronous (<c>Event</c>) invocation: Lambda retries twice, after
    /// about one and then two minutes. After the last retry fails, the event goes to the function's dead-letter queue.
    /// </summary>
    public IReadOnlyList<TimeSpan> AsyncRetryDelays { get; set; } = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2)];

    /// <summary>Most asynchronous invocations of one function running at once when it has no reserved concurrency.</summary>
    public int AsyncConcurrency { get; set; } = 10;

    /// <summary>
    /// Where asynchronous invocations are queued: one queue per function (<c>__async__NAME</c>) and its dead-letter
    /// queue (<c>__async-dlq__NAME</c>). Null, the default, for the embedded durable queue in
    /// <see cref="QueueDatabasePath"/>, which the host opens and closes; a factory given here is the caller's to dispose.
    /// </summary>
    public IQueueSourceFactory? AsyncQueues { get; set; }

    /// <summary>The embedded queue database, relative to the working directory, when <see cref="AsyncQueues"/> is null.</summary>
    public string QueueDatabasePath { get; set; } = Impulse.Sources.Embedded.EmbeddedQueueOptions.DefaultDatabasePath;

    /// <summary>Where invocation log lines go (JSON lines, as Lambda's JSON log format); standard output when null.</summary>
    public Stream? LogOutput { get; set; }

    /// <summary>Where the start-up banner (address, routes, functions) goes; standard output when null.</summary>
    public TextWriter? Output { get; set; }

    /// <summary>The least severe level logged; from <c>AWS_LAMBDA_LOG_LEVEL</c> when null, as on Lambda.</summary>
    public LogLevel? MinimumLogLevel { get; set; }

    /// <summary>The region in the ARNs the host reports.</summary>
    public string Region { get; set; } = "local";

    /// <summary>The account id in ARNs and in HTTP events' <c>requestContext</c>.</summary>
    public string AccountId { get; set; } = "000000000000";

    /// <summary>The clock for deadlines, timestamps and queue delays.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Whether SIGINT and SIGTERM stop the host. <see cref="LocalHost.RunAsync"/> turns it on; a host started
    /// in-process with <see cref="LocalHost.StartAsync"/> leaves the process's signals alone unless asked.
    /// </summary>
    public bool HandleSignals { get; set; }

    /// <summary>
    /// Where pull triggers' queues are configured (<c>Impulse:Sources</c>: providers per queue, see docs/local-host.md).
    /// Null, the default, for <c>appsettings.json</c> in <see cref="ContentRoot"/> and then environment variables.
    /// </summary>
    public IConfiguration? Configuration { get; set; }

    /// <summary>The folder <c>appsettings.json</c> is read from; the working directory when null.</summary>
    public string? ContentRoot { get; set; }

    /// <summary>
    /// Queue providers beyond the built-in <c>embedded</c>, <c>redis</c>, <c>rabbitmq</c> and <c>sqs</c> ones (or
    /// replacing them, by the same provider name); the caller disposes them.
    /// </summary>
    public IReadOnlyList<IQueueSourceFactory> QueueSourceFactories { get; set; } = [];

    /// <summary>
    /// How long a message a poller received stays hidden; null, the default, for six times the function's timeout, as
    /// AWS recommends for a queue that feeds Lambda. A message that failed comes back after it.
    /// </summary>
    public TimeSpan? QueueVisibilityTimeout { get; set; }

    /// <summary>The most batches in flight at once for a pull trigger that sets no <c>MaxConcurrency</c>.</summary>
    public int PollerMaxConcurrency { get; set; } = 5;

    /// <summary>How long a poller's receive waits for a first message; a worker that waits this long for nothing stops.</summary>
    internal TimeSpan PollerLongPoll { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// The embedded stream database (streams, their records and checkpoints); null, the default, for <c>streams.db</c>
    /// in the folder of <see cref="QueueDatabasePath"/>.
    /// </summary>
    public string? StreamDatabasePath { get; set; }

    /// <summary>How many shards a stream gets when it is first created; records of one partition key always share a shard.</summary>
    public int StreamShardCount { get; set; } = 2;

    /// <summary>The pause before a failed stream batch is first retried; it doubles with each retry, up to a minute.</summary>
    public TimeSpan StreamRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Whether queued asynchronous invocations are run; off only in tests that need events to stay queued.</summary>
    internal bool RunAsyncInvocations { get; set; } = true;
}
