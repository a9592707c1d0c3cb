using System.Text;
using System.Text.Json;
using Impulse.Hosting.Execution;
using Impulse.Hosting.Tests.Infrastructure;

namespace Impulse.Hosting.Tests;

/// <summary><c>X-Amz-Log-Type: Tail</c>: each response carries the end of its own invocation's log, and nothing else.</summary>
public sealed class LogTailTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Invoke_LogTypeTail_ReturnsBase64OfOwnLogLines()
    {
        using var response = await _host.InvokeAsync("greet", """{"name":"Tail"}""", logType: "Tail");

        var requestId = response.Headers.GetValues("x-amzn-RequestId").Single();
        var lines = Lines(response);
        Assert.Contains(lines, l => l.Contains("greeting Tail", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.Contains(requestId, l, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("platform.start", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("platform.report", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invoke_ConcurrentInvocationsWithTail_EachTailHoldsOnlyItsOwnLines()
    {
        var names = Enumerable.Range(0, 8).Select(i => $"caller-{i}").ToArray();

        var responses = await Task.WhenAll(names.Select(n => _host.InvokeAsync("greet", $$"""{"name":"{{n}}"}""", logType: "Tail")));

        for (var i = 0; i < names.Length; i++)
        {
            var lines = Lines(responses[i]);
            Assert.Contains(lines, l => l.Contains($"greeting {names[i]}\"", StringComparison.Ordinal));
            Assert.DoesNotContain(lines, l => names.Where((_, j) => j != i).Any(other => l.Contains($"greeting {other}\"", StringComparison.Ordinal)));
            responses[i].Dispose();
        }
    }

    [Fact]
    public async Task Invoke_FunctionErrorWithTail_TailHoldsErrorLine()
    {
        using var response = await _host.InvokeAsync("fail", """{"name":"E"}""", logType: "Tail");

        Assert.Contains(Lines(response), l => l.Contains("boom for E", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invoke_LogLines_AlsoReachHostOutput()
    {
        using var response = await _host.InvokeAsync("greet", """{"name":"Out"}""");

        var requestId = response.Headers.GetValues("x-amzn-RequestId").Single();
        Assert.Contains(_host.LogLines, l => l.Contains("greeting Out", StringComparison.Ordinal) && l.Contains(requestId, StringComparison.Ordinal));
        Assert.All(_host.LogLines, l => JsonDocument.Parse(l).Dispose());
    }

    [Fact]
    public void Tail_LogLongerThanFourKilobytes_KeepsWholeLastLinesWithinLimit()
    {
        using var log = new InvocationLogStream(new SharedLogOutput(Stream.Null));
        for (var i = 0; i < 200; i++)
        {
            log.Write(Encoding.UTF8.GetBytes($"line {i:000} {new string('x', 40)}\n"));
            log.Flush();
        }

        var tail = Encoding.UTF8.GetString(log.GetTail());

        Assert.InRange(tail.Length, 4096 - 60, 4096);
        Assert.StartsWith("line ", tail, StringComparison.Ordinal);
        Assert.EndsWith($"line 199 {new string('x', 40)}\n", tail, StringComparison.Ordinal);
    }

    [Fact]
    public void Tail_SingleLineLongerThanTail_KeepsItsEnd()
    {
        using var log = new InvocationLogStream(new SharedLogOutput(Stream.Null));
        log.Write(Encoding.UTF8.GetBytes(new string('a', 5000) + "END\n"));
        log.Flush();

        var tail = log.GetTail();

        Assert.Equal(4096, tail.Length);
        Assert.EndsWith("END\n", Encoding.UTF8.GetString(tail), StringComparison.Ordinal);
    }

    [Fact]
    public void Tail_ShortLog_IsWholeLog()
    {
        using var log = new InvocationLogStream(new SharedLogOutput(Stream.Null));
        log.Write("one\n"u8);
        log.Flush();
        log.Write("two\n"u8);
        log.Flush();

        Assert.Equal("one\ntwo\n"u8.ToArray(), log.GetTail());
    }

    private static List<string> Lines(HttpResponseMessage response)
    {
        var tail = Convert.FromBase64String(response.Headers.GetValues("X-Amz-Log-Result").Single());
        return [.. Encoding.UTF8.GetString(tail).Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }
}
