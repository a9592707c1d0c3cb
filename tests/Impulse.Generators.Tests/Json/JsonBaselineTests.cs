namespace Impulse.Generators.Tests.Json;

public sealed class JsonBaselineTests
{
    private const string Source = """
        using System.Collections.Generic;
        using System.Text.Json.Serialization;
        using Impulse;

        namespace Library;

        public enum Genre { Fiction, Poetry }

        public sealed record Author(string Name, int? Born = null);

        public sealed class Book
        {
            public required string Isbn { get; init; }
            public string Title { get; set; } = "";
            public int Pages { get; init; } = 100;
            public Genre Genre { get; set; }
            [JsonPropertyName("by")] public IReadOnlyList<Author> Authors { get; set; } = [];
            public Dictionary<string, string>? Tags { get; set; }
        }

        public static class Functions
        {
            [Function("shelve")] public static Author? Shelve(Book book) => book.Authors.Count > 0 ? book.Authors[0] : null;
        }
        """;

    [Fact]
    public void Generate_ReadersAndWriters_MatchApprovedBaseline()
    {
        var run = GeneratorRun.Of(Source);

        Baseline.AssertMatches("LibraryApp.Json.g.cs.txt", run.JsonSource!);
    }

    [Fact]
    public void Generate_InvokerUsesTheGeneratedReaderAndWriter()
    {
        var run = GeneratorRun.Of(Source);

        Assert.Contains("FunctionJson.ReadWith(payload.Span, global::Impulse.Generated.ImpulseJson.Read_Book_", run.Source);
        Assert.Contains("FunctionJson.WriteWith<global::Library.Author>(result, value, global::Impulse.Generated.ImpulseJson.Write_Author_", run.Source);
    }
}
