using System.Text.Json;
using Impulse.Events.Tests.Functions;
using Impulse.Events.Tests.Infrastructure;

namespace Impulse.Events.Tests;

/// <summary>
/// Every AWS sample through the generated reader and writer, invoked as Lambda would invoke a user's function:
/// the typed event the handler got holds the values the reflection tests pin, and what the generated writer makes
/// of it reads back to the same value, writes back to the same bytes, and still says everything the sample said.
/// </summary>
public sealed class GeneratedReaderTests : IDisposable
{
    private readonly Invocations _invocations = new();

    public static TheoryData<string> Files() => SampleCatalog.Files();

    [Theory]
    [MemberData(nameof(Files))]
    public void Sample_InvokedAsItsFunction_HandlerGetsTheExpectedValues(string file)
    {
        var entry = SampleCatalog.Get(file);

        var outcome = _invocations.Invoke(entry.Function, Samples.Text(file));

        Assert.True(outcome.Succeeded, outcome.ToString());
        entry.Expect(Received.Single());
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Sample_ReadByGeneratedReader_EqualsWhatSystemTextJsonReads(string file)
    {
        var entry = SampleCatalog.Get(file);

        var outcome = _invocations.Invoke(entry.EchoFunction, Samples.Text(file));

        Assert.True(outcome.Succeeded, outcome.ToString());
        Structural.AssertEqual(Samples.Read(file, entry.Type), Received.Single());
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Sample_WrittenThenReadAgain_GivesTheSameValueAndTheSameBytes(string file)
    {
        var entry = SampleCatalog.Get(file);
        var first = _invocations.Invoke(entry.EchoFunction, Samples.Text(file));
        Assert.True(first.Succeeded, first.ToString());
        var read = Received.Single();

        var second = _invocations.Invoke(entry.EchoFunction, first.ResultJson!);

        Assert.True(second.Succeeded, second.ToString());
        var readAgain = Received.Single();
        Structural.AssertEqual(read, readAgain);
        entry.Expect(readAgain);
        Assert.Equal(first.ResultJson, second.ResultJson);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Sample_WrittenByGeneratedWriter_KeepsEveryValueOfTheSample(string file)
    {
        var entry = SampleCatalog.Get(file);

        var outcome = _invocations.Invoke(entry.EchoFunction, Samples.Text(file));

        Assert.True(outcome.Succeeded, outcome.ToString());
        JsonSemantics.AssertKeeps(Samples.Text(file), outcome.ResultJson!);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Sample_WrittenByGeneratedWriter_ReadsStrictlyWithSystemTextJsonToTheSameValue(string file)
    {
        var entry = SampleCatalog.Get(file);
        var outcome = _invocations.Invoke(entry.EchoFunction, Samples.Text(file));
        Assert.True(outcome.Succeeded, outcome.ToString());

        // Strict: a property the generated writer named differently from [JsonPropertyName] fails here.
        var reread = JsonSerializer.Deserialize(outcome.ResultJson!, entry.Type, Samples.Strict);

        Structural.AssertEqual(Received.Single(), reread);
    }

    [Theory]
    [InlineData("apigw-request.json", EventFunctions.Names.RestApi)]
    [InlineData("apigw-v2-request-jwt-authorizer.json", EventFunctions.Names.HttpApi)]
    [InlineData("lambda-urls-request.json", EventFunctions.Names.HttpApi)]
    public void HttpRequestSample_InvokedAsItsFunction_AnswersWithAProxyResponse(string file, string function)
    {
        var outcome = _invocations.Invoke(function, Samples.Text(file));

        Assert.True(outcome.Succeeded, outcome.ToString());
        using var sample = JsonDocument.Parse(Samples.Text(file));
        using var response = JsonDocument.Parse(outcome.ResultJson!);
        Assert.Equal(200, response.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal(sample.RootElement.GetProperty("body").GetString(), response.RootElement.GetProperty("body").GetString());
        Assert.False(response.RootElement.GetProperty("isBase64Encoded").GetBoolean());
        Assert.Equal(
            sample.RootElement.GetProperty("headers").EnumerateObject().Select(h => (h.Name, h.Value.GetString())),
            response.RootElement.GetProperty("headers").EnumerateObject().Select(h => (h.Name, h.Value.GetString())));
    }

    public void Dispose() => _invocations.Dispose();
}
