using System.Text;
using Impulse.Events.Tests.Functions;
using Impulse.Events.Tests.Infrastructure;
using Names = Impulse.Events.Tests.Functions.EventFunctions.Names;

namespace Impulse.Events.Tests;

/// <summary>
/// Text that is not Unicode: bytes that are not UTF-8 (never JSON, RFC 8259 section 8.1), and escaped surrogates
/// with no partner (JSON's grammar allows them, but no .NET reader can decode them to text). Where the reader has
/// to decode such text, or hand it on in a <see cref="System.Text.Json.JsonElement"/>, it must be an
/// <c>Impulse.EventReadError</c> naming its path, before the handler runs.
/// The minimal cases of what <see cref="MutationFuzzTests"/> finds; all but the first fail today.
/// <c>Utf8JsonReader.GetString</c> and its kin throw <see cref="InvalidOperationException"/> for such text, which
/// neither the generated readers nor <c>FunctionJson.ReadWith</c> turn into an <see cref="EventReadException"/>;
/// and bytes that are not UTF-8 where nothing decodes them (a property name, a <c>JsonElement</c>) pass unchecked.
/// </summary>
public sealed class GeneratedReaderTextTests : IDisposable
{
    private readonly Invocations _invocations = new();

    [Fact]
    public void StringValue_WithEscapedSurrogatePair_ReadsTheCharacter()
    {
        var outcome = _invocations.Invoke(Names.Sqs, """{"Records":[{"body":"\ud83d\ude00"}]}""");

        Assert.True(outcome.Succeeded, outcome.ToString());
        Assert.Equal("\U0001F600", Assert.Single(Received.Single<SqsEvent>().Records).Body);
    }

    [Fact]
    public void StringValue_WithLoneSurrogateEscape_IsRejectedWithItsPath() =>
        AssertRejected(_invocations.Invoke(Names.Sqs, """{"Records":[{"body":"\ud800"}]}"""), "$.Records[0].body");

    [Fact]
    public void StringValue_WithInvalidUtf8_IsRejectedWithItsPath() =>
        AssertRejected(_invocations.Invoke(Names.Sqs, Utf8("""{"Records":[{"body":"#"}]}""")), "$.Records[0].body");

    [Fact]
    public void DateTimeOffsetValue_WithInvalidUtf8_IsRejectedWithItsPath() =>
        AssertRejected(_invocations.Invoke(Names.S3, Utf8("""{"Records":[{"eventTime":"#"}]}""")), "$.Records[0].eventTime");

    [Fact]
    public void NumberValue_GivenAStringWithLoneSurrogateEscape_IsRejectedWithItsPath() =>
        AssertRejected(_invocations.Invoke(Names.Kafka, """{"records":{"orders":[{"partition":"\ud800"}]}}"""), "$.records.orders[0].partition");

    [Fact]
    public void DictionaryKey_WithLoneSurrogateEscape_IsRejectedWithThePathOfTheDictionary() =>
        AssertRejected(_invocations.Invoke(Names.Sqs, """{"Records":[{"attributes":{"\udc00":"x"}}]}"""), "$.Records[0].attributes");

    [Fact]
    public void DictionaryKey_WithInvalidUtf8_IsRejectedWithThePathOfTheDictionary() =>
        AssertRejected(_invocations.Invoke(Names.Sqs, Utf8("""{"Records":[{"attributes":{"k#":"x"}}]}""")), "$.Records[0].attributes");

    [Fact]
    public void EscapedPropertyName_WithLoneSurrogate_IsRejectedWithThePathOfTheObject() =>
        AssertRejected(_invocations.Invoke(Names.Sqs, """{"Records":[{"\ud800":1}]}"""), "$.Records[0]");

    [Fact]
    public void PropertyName_WithInvalidUtf8_IsRejectedWithThePathOfTheObject() =>
        AssertRejected(_invocations.Invoke(Names.Sqs, Utf8("""{"Records":[{"bo#dy":"x"}]}""")), "$.Records[0]");

    [Fact]
    public void JsonElementValue_WithLoneSurrogateEscape_IsRejectedBeforeTheHandlerRuns() =>
        AssertRejected(_invocations.Invoke(Names.Scheduled, """{"detail":{"a":"\ud800"}}"""), "$.detail");

    [Fact]
    public void JsonElementValue_WithInvalidUtf8_IsRejectedBeforeTheHandlerRuns() =>
        AssertRejected(_invocations.Invoke(Names.Scheduled, Utf8("""{"detail":{"a":"#"}}""")), "$.detail");

    public void Dispose() => _invocations.Dispose();

    /// <summary>The JSON as UTF-8, with each <c>#</c> replaced by 0xFF, a byte that UTF-8 never uses.</summary>
    private static byte[] Utf8(string json) => Encoding.ASCII.GetBytes(json).Select(b => b == (byte)'#' ? (byte)0xFF : b).ToArray();

    private static void AssertRejected(Outcome outcome, string path)
    {
        Assert.True(outcome.ErrorType == EventReadException.ErrorType, $"Expected {EventReadException.ErrorType} at {path}, got {outcome}");
        Assert.Contains($"(at {path}", outcome.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(0, outcome.HandlerCalls);
    }
}
