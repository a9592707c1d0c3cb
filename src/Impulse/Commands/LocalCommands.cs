using System.Buffers;
using System.Text.Json;
using Impulse.Dispatch;
using Impulse.Runtime;

namespace Impulse.Commands;

/// <summary>
/// What the binary does when it is not on Lambda: <c>describe</c> prints the manifest,
/// <c>invoke NAME --event FILE</c> runs one invocation with Lambda's rules.
/// </summary>
internal sealed class LocalCommands(FunctionApplication app, TextWriter output, TextWriter error, Stream input, TimeProvider time)
{
    public const int Success = 0;
    public const int FunctionFailed = 1;
    public const int Usage = 2;

    public async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
        {
            WriteUsage(args.Length == 0 ? error : output);
            return args.Length == 0 ? Usage : Success;
        }
        return args[0] switch
        {
            "describe" => Describe(),
            "invoke" => await InvokeAsync(args.AsSpan(1).ToArray()).ConfigureAwait(false),
            _ => Fail($"Unknown command '{args[0]}'."),
        };
    }

    private int Describe()
    {
        using var document = JsonDocument.Parse(app.ManifestJson.ToArray());
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            document.WriteTo(writer);
        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
        return Success;
    }

    private async Task<int> InvokeAsync(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
            return Fail("invoke needs a function name.");
        var invoker = app.Find(args[0]);
        if (invoker is null)
            return Fail($"'{args[0]}' is not a function of this app. Its functions are: {string.Join(", ", app.Functions.Select(f => f.Name))}.");

        string? eventPath = null;
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] is "--event" or "-e" && i + 1 < args.Length)
                eventPath = args[++i];
            else
                return Fail($"Unexpected argument '{args[i]}'.");
        }

        byte[] payload;
        try
        {
            payload = eventPath switch
            {
                null => "{}"u8.ToArray(),
                "-" => await ReadAllAsync(input).ConfigureAwait(false),
                _ => await File.ReadAllBytesAsync(eventPath).ConfigureAwait(false),
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail($"Cannot read the event file '{eventPath}': {e.Message}");
        }

        var services = app.CreateServices();
        var info = InvocationInfo.Local(invoker, time);
        var sink = LogSink.FromEnvironment(Console.OpenStandardError(), time);
        var context = new FunctionContext(info, new FunctionLogger(sink, info.RequestId, invoker.Name), time);
        var result = new ArrayBufferWriter<byte>();
        try
        {
            var outcome = await InvocationRunner.RunAsync(invoker, payload, result, context, services).ConfigureAwait(false);
            if (outcome.Status == InvocationStatus.Succeeded)
            {
                output.WriteLine(System.Text.Encoding.UTF8.GetString(result.WrittenSpan));
                return Success;
            }
            error.WriteLine(System.Text.Encoding.UTF8.GetString(outcome.Error!.ToJson()));
            return FunctionFailed;
        }
        finally
        {
            context.Release();
            (services as IDisposable)?.Dispose();
        }
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy).ConfigureAwait(false);
        return copy.ToArray();
    }

    private int Fail(string message)
    {
        error.WriteLine(message);
        WriteUsage(error);
        return Usage;
    }

    private void WriteUsage(TextWriter writer)
    {
        writer.WriteLine("Usage:");
        writer.WriteLine("  describe                        print the manifest: every function's descriptor and permissions");
        writer.WriteLine("  invoke NAME [--event FILE|-]    run one invocation of NAME with the event in FILE (- for stdin; {} if omitted)");
        writer.WriteLine();
        writer.WriteLine("On AWS Lambda (AWS_LAMBDA_RUNTIME_API set) the binary serves the function named by _HANDLER.");
        writer.WriteLine("Functions: " + string.Join(", ", app.Functions.Select(f => f.Name)));
    }
}
