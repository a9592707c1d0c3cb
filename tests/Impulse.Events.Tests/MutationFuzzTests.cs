using CsCheck;
using Impulse.Events.Tests.Arbitrary;
using Impulse.Events.Tests.Infrastructure;

namespace Impulse.Events.Tests;

/// <summary>
/// Damaged copies of every AWS sample, invoked through the generated dispatch table: each must be read, or
/// rejected as <c>Impulse.EventReadError</c> with its JSON path and the handler not called (<see cref="MutationOracle"/>).
/// Truncation is exhaustive; every other kind of damage is drawn by CsCheck across all samples. A failure shows
/// the smallest mutant found and the seed that replays it (<c>CsCheck_Seed=… dotnet test</c>).
/// </summary>
public sealed class MutationFuzzTests : IDisposable
{
    /// <summary>Per kind of damage, about 250 mutants of each sample.</summary>
    private static readonly int Iterations = 250 * SampleCatalog.Entries.Count;

    private readonly Invocations _invocations = new();

    public static TheoryData<string> Files() => SampleCatalog.Files();

    [Theory]
    [MemberData(nameof(Files))]
    public void Sample_TruncatedAtEveryOffset_IsRejectedUnlessOnlyTrailingWhitespaceWasCut(string file)
    {
        var entry = SampleCatalog.Get(file);
        var sample = new JsonTokens(Samples.Bytes(file));

        for (var length = 0; length < sample.Bytes.Length; length++)
        {
            var expect = length >= sample.Root.End ? Expect.Accepted : Expect.Rejected;
            var mutant = new Mutant($"{file} truncated to {length} bytes", sample.Bytes[..length], expect);
            try
            {
                MutationOracle.Check(_invocations, entry.EchoFunction, mutant);
            }
            catch (Xunit.Sdk.XunitException e)
            {
                throw new Xunit.Sdk.XunitException($"{mutant}\n{e.Message}");
            }
        }
    }

    [Fact]
    public void Sample_WithAFlippedByte_IsReadOrRejectedWithPath() => Fuzz(g => g.FlippedByte);

    [Fact]
    public void Sample_WithInsertedBytes_IsReadOrRejectedWithPath() => Fuzz(g => g.InsertedBytes);

    [Fact]
    public void Sample_WithDeletedBytes_IsReadOrRejectedWithPath() => Fuzz(g => g.DeletedBytes);

    [Fact]
    public void Sample_WithSeveralByteChanges_IsReadOrRejectedWithPath() => Fuzz(g => g.StackedByteChanges);

    [Fact]
    public void Sample_WithAValueOfAnotherType_IsReadOrRejectedWithPath() => Fuzz(g => g.ValueOfAnotherType);

    [Fact]
    public void Sample_NestedDeeperThan64Levels_IsRejectedWithPath() => Fuzz(g => g.NestedTooDeep);

    [Fact]
    public void Sample_NestedTo64Levels_IsReadOrRejectedWithPath() => Fuzz(g => g.NestedToTheLimit);

    [Fact]
    public void Sample_WithTrailingData_IsRejectedWithPathUnlessWhitespace() => Fuzz(g => g.TrailingData);

    [Fact]
    public void Sample_WithAHugeNumber_IsReadOrRejectedWithPath() => Fuzz(g => g.HugeNumber);

    /// <summary>Fails today: see <see cref="GeneratedReaderTextTests"/> for the minimal cases.</summary>
    [Fact]
    public void Sample_WithInvalidUtf8_IsReadOrRejectedWithPath() => Fuzz(g => g.InvalidUtf8);

    /// <summary>Fails today: see <see cref="GeneratedReaderTextTests"/> for the minimal cases.</summary>
    [Fact]
    public void Sample_WithALoneSurrogateEscape_IsReadOrRejectedWithPath() => Fuzz(g => g.LoneSurrogateEscape);

    public void Dispose() => _invocations.Dispose();

    /// <summary>Draws a sample, then a mutant of it of the given kind, and holds the invocation to the oracle.</summary>
    private void Fuzz(Func<MutantGen, Gen<Mutant>> kind)
    {
        var perSample = SampleCatalog.Entries
            .Select(entry => kind(new MutantGen(new JsonTokens(Samples.Bytes(entry.File)))).Select(mutant => (Entry: entry, Mutant: mutant)))
            .ToArray();
        Gen.OneOf(perSample).Sample(
            fuzz => MutationOracle.Check(_invocations, fuzz.Entry.EchoFunction, fuzz.Mutant),
            iter: Iterations,
            print: fuzz => $"{fuzz.Entry.File}, invoked as {fuzz.Entry.EchoFunction}: {fuzz.Mutant}");
    }
}
