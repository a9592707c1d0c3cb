namespace Impulse.Generators.Tests.Json;

/// <summary>User types that exercise the generated readers and writers across the type grammar.</summary>
internal static class JsonSources
{
    public const string Grammar = """
        using System;
        using System.Collections.Generic;
        using System.Text.Json;
        using System.Text.Json.Serialization;
        using Impulse;

        namespace Catalog;

        public enum Color { Red, Green, [JsonStringEnumMemberName("deep-blue")] Blue }

        [JsonConverter(typeof(JsonStringEnumConverter<Size>))]
        public enum Size { Small = 1, Large = 2 }

        public sealed record Dimensions(double Width, double Height, string Unit = "cm");

        public sealed class Product
        {
            public required string Sku { get; init; }
            public string Name { get; set; } = "unnamed";
            public int Stock { get; init; } = 7;
            public decimal Price { get; set; }
            public long Views { get; set; }
            public bool Active { get; set; }
            public Color Color { get; set; }
            public Size Size { get; set; } = Size.Small;
            public Guid Id { get; set; }
            public DateTimeOffset Listed { get; set; }
            public DateTime Updated { get; set; }
            public TimeSpan ShelfLife { get; set; }
            public byte[]? Thumbnail { get; set; }
            public int? Rating { get; set; }
            public string? Note { get; set; }
            public Dimensions? Box { get; set; }
            public List<string> Tags { get; set; } = new();
            public int[] Scores { get; set; } = Array.Empty<int>();
            public IReadOnlyList<Dimensions> Parts { get; set; } = Array.Empty<Dimensions>();
            public IEnumerable<Color> Palette { get; set; } = Array.Empty<Color>();
            public Dictionary<string, int> Counts { get; set; } = new();
            public IReadOnlyDictionary<string, Dimensions> Variants { get; set; } = new Dictionary<string, Dimensions>();
            public JsonElement Extra { get; set; }
            [JsonPropertyName("legacy_code")] public string? LegacyCode { get; set; }
            [JsonIgnore] public string Secret { get; set; } = "hidden";
            [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Optional { get; set; }
            public string Computed => Sku + "!";
        }

        public sealed record Tree(string Label, IReadOnlyList<Tree> Children);

        public static class Functions
        {
            [Function("product")] public static Product Echo(Product product) => product;
            [Function("tree")] public static Tree Echo(Tree tree) => tree;
            [Function("dimensions")] public static Dimensions? Echo(Dimensions? box) => box;
        }
        """;

    public const string CamelCaseApp = """
        using Impulse;
        [assembly: ImpulseJson(Naming = JsonNaming.CamelCase, CaseInsensitive = true, EnumsAsStrings = true)]
        namespace Shop;
        public enum Status { Open, ClosedForGood }
        public sealed record Order(string OrderId, int ItemCount, Status Status);
        public static class Functions
        {
            [Function("order")] public static Order Echo(Order order) => order;
        }
        """;
}
