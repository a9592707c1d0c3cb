using System;
using System.Collections.Generic;
using System.Linq;
using Impulse.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Impulse.Generators.Parsing;

/// <summary>Why a type cannot be read or written by generated code, at the type or one of its members.</summary>
internal readonly record struct JsonTypeIssue(string TypeName, string? MemberName, string Reason);

/// <summary>
/// Walks a type and everything it contains into <see cref="JsonTypeModel"/>s: the graph the reader and
/// writer emitters work from. Types it cannot handle become issues, which the analyzer reports.
/// </summary>
internal sealed class JsonTypeParser(JsonOptionsModel options)
{
    private readonly Dictionary<string, JsonTypeModel?> _types = new(StringComparer.Ordinal);

    public List<JsonTypeIssue> Issues { get; } = new();

    /// <summary>Every type parsed so far that generated code can handle, in id order.</summary>
    public IEnumerable<JsonTypeModel> Types =>
        _types.Values.Where(t => t is not null).Select(t => t!).OrderBy(t => t.Id, StringComparer.Ordinal);

    /// <summary>Adds <paramref name="type"/> and what it contains; returns its id, or null when it is unsupported.</summary>
    public string? Add(ITypeSymbol type)
    {
        var plain = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
        var id = JsonTypeIds.Of(plain);
        if (_types.TryGetValue(id, out var known))
            return known is null && !_inProgress.Contains(id) ? null : id;

        _inProgress.Add(id);
        _types[id] = null;
        var model = Build(plain, id);
        _types[id] = model;
        _inProgress.Remove(id);
        return model is null ? null : id;
    }

    private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);

    private JsonTypeModel? Build(ITypeSymbol type, string id)
    {
        var scalar = ScalarKind(type);
        if (scalar is { } kind)
            return Model(type, id, kind);

        switch (type)
        {
            case IArrayTypeSymbol { Rank: 1 } array:
                if (array.ElementType.SpecialType == SpecialType.System_Byte)
                    return Model(type, id, JsonTypeKind.Bytes);
                return Element(type, id, JsonTypeKind.Array, array.ElementType);
            case IArrayTypeSymbol:
                return Fail(type, null, "multi-dimensional arrays have no JSON form; use an array of arrays");
            case INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType:
                return Enum(enumType, id);
            case INamedTypeSymbol named when MetadataName(named) == KnownNames.Nullable:
                return Element(type, id, JsonTypeKind.Nullable, named.TypeArguments[0]);
            case INamedTypeSymbol named when IsListLike(named):
                return Element(type, id, JsonTypeKind.List, named.TypeArguments[0]);
            case INamedTypeSymbol named when IsDictionaryLike(named):
                if (named.TypeArguments[0].SpecialType != SpecialType.System_String)
                    return Fail(type, null, "dictionary keys must be strings, as JSON object keys are");
                return Element(type, id, JsonTypeKind.Dictionary, named.TypeArguments[1]);
            case INamedTypeSymbol named:
                return Object(named, id);
            default:
                return Fail(type, null, "it is not a class, struct, record, enum, collection or known scalar");
        }
    }

    private JsonTypeModel? Element(ITypeSymbol type, string id, JsonTypeKind kind, ITypeSymbol element)
    {
        var elementId = Add(element);
        return elementId is null ? null : Model(type, id, kind) with { ElementId = elementId };
    }

    private JsonTypeModel Enum(INamedTypeSymbol type, string id)
    {
        var asString = options.EnumsAsStrings || HasStringEnumConverter(type);
        var values = new HashSet<object?>();
        var members = type.GetMembers().OfType<IFieldSymbol>()
            .Where(f => f.HasConstantValue)
            .Select(f => new JsonEnumMemberModel(f.Name, EnumMemberName(f), values.Add(f.ConstantValue)))
            .ToList()
            .ToEquatableArray();
        return Model(type, id, JsonTypeKind.Enum) with { EnumMembers = members, EnumAsString = asString };
    }

    private JsonTypeModel? Object(INamedTypeSymbol type, string id)
    {
        if (type.SpecialType == SpecialType.System_Object)
            return Fail(type, null, "object says nothing about the JSON it holds; use JsonElement for free-form JSON");
        if (type.TypeKind is TypeKind.Interface || type.IsAbstract)
            return Fail(type, null, "interfaces and abstract types cannot be created; use a concrete type");
        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || type.TypeKind == TypeKind.Delegate)
            return Fail(type, null, "only classes, structs and records can be read as JSON objects");
        if (!IsAccessible(type))
            return Fail(type, null, "it must be public or internal, and so must the types around it");

        var constructor = ChooseConstructor(type);
        if (constructor is null)
            return Fail(type, null, "it needs a public parameterless constructor, exactly one public constructor, or one marked [JsonConstructor]");

        var properties = PublicProperties(type);
        var models = new List<JsonPropertyModel>();
        var failed = false;
        foreach (var property in properties)
        {
            var ignore = IgnoreCondition(property);
            if (ignore == IgnoreAlways)
                continue;
            var parameterIndex = IndexOfParameter(constructor, property.Name);
            var parameter = parameterIndex >= 0 ? constructor.Parameters[parameterIndex] : null;

            var setter = parameter is not null ? JsonSetter.Constructor
                : property.IsRequired ? JsonSetter.Required
                : property.SetMethod is { DeclaredAccessibility: Accessibility.Public } set ? (set.IsInitOnly ? JsonSetter.Init : JsonSetter.Set)
                : JsonSetter.None;
            if (setter == JsonSetter.Init && type.IsValueType)
                setter = JsonSetter.None;

            var typeId = Add(property.Type);
            if (typeId is null)
            {
                Issues.Add(new JsonTypeIssue(type.ToDisplayString(), property.Name, $"its type {property.Type.ToDisplayString()} cannot be read or written"));
                failed = true;
                continue;
            }

            var required = property.IsRequired || parameter is { HasExplicitDefaultValue: false };
            models.Add(new JsonPropertyModel(
                property.Name,
                JsonName(property),
                typeId,
                property.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                CanRead: property.GetMethod is { DeclaredAccessibility: Accessibility.Public },
                setter,
                parameterIndex,
                required,
                SkipNullOnWrite: ignore == IgnoreWhenWritingNull,
                DefaultValue: parameter is { HasExplicitDefaultValue: true } ? DefaultLiteral(parameter) : null,
                DefinitionType: type.IsGenericType ? DefinitionTypeOf(property) : null,
                // A reference declared without '?' in nullable-aware code promises a value; JSON null would break that promise.
                RejectsNull: property.Type.IsReferenceType && property.NullableAnnotation == NullableAnnotation.NotAnnotated,
                RepeatsInBatch: property.Type.SpecialType == SpecialType.System_String && HasAttribute(property, RepeatsInBatchAttribute)));
        }

        foreach (var parameter in failed ? Enumerable.Empty<IParameterSymbol>() : constructor.Parameters)
        {
            if (!models.Any(m => m.ConstructorIndex == IndexOfParameter(constructor, parameter.Name)))
            {
                Issues.Add(new JsonTypeIssue(type.ToDisplayString(), parameter.Name, "this constructor parameter matches no public property, so it cannot be read or written"));
                failed = true;
            }
        }

        if (failed)
            return null;
        return Model(type, id, JsonTypeKind.Object) with
        {
            Properties = models.ToEquatableArray(),
            HasParameterlessConstructor = constructor.Parameters.Length == 0,
            Generic = type.IsGenericType ? GenericShape(type) : null,
        };
    }

    private static GenericShapeModel GenericShape(INamedTypeSymbol type)
    {
        var definition = type.OriginalDefinition;
        var name = JsonTypeIds.Of(definition);
        return new GenericShapeModel(
            "InitAccessors_" + name,
            definition.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            string.Join(", ", definition.TypeParameters.Select(p => p.Name)),
            string.Join(", ", type.TypeArguments.Select(a => a.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))));
    }

    /// <summary>The property's type as its generic definition declares it, in terms of the type parameters.</summary>
    private static string DefinitionTypeOf(IPropertySymbol property)
    {
        var declared = property.OriginalDefinition.Type;
        return declared.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
    }

    private static int IndexOfParameter(IMethodSymbol constructor, string name)
    {
        for (var i = 0; i < constructor.Parameters.Length; i++)
        {
            if (string.Equals(constructor.Parameters[i].Name, name, StringComparison.OrdinalIgnoreCase))
                return i;
        }
        return -1;
    }

    private JsonTypeModel? Fail(ITypeSymbol type, string? member, string reason)
    {
        Issues.Add(new JsonTypeIssue(type.ToDisplayString(), member, reason));
        return null;
    }

    private static JsonTypeModel Model(ITypeSymbol type, string id, JsonTypeKind kind) =>
        new(id,
            type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat),
            kind,
            type.IsValueType,
            ElementId: null,
            EquatableArray<JsonPropertyModel>.Empty,
            EquatableArray<JsonEnumMemberModel>.Empty,
            EnumAsString: false,
            HasParameterlessConstructor: false);

    private static JsonTypeKind? ScalarKind(ITypeSymbol type)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_String: return JsonTypeKind.String;
            case SpecialType.System_Boolean: return JsonTypeKind.Boolean;
            case SpecialType.System_Byte: return JsonTypeKind.Byte;
            case SpecialType.System_SByte: return JsonTypeKind.SByte;
            case SpecialType.System_Int16: return JsonTypeKind.Int16;
            case SpecialType.System_UInt16: return JsonTypeKind.UInt16;
            case SpecialType.System_Int32: return JsonTypeKind.Int32;
            case SpecialType.System_UInt32: return JsonTypeKind.UInt32;
            case SpecialType.System_Int64: return JsonTypeKind.Int64;
            case SpecialType.System_UInt64: return JsonTypeKind.UInt64;
            case SpecialType.System_Single: return JsonTypeKind.Single;
            case SpecialType.System_Double: return JsonTypeKind.Double;
            case SpecialType.System_Decimal: return JsonTypeKind.Decimal;
            case SpecialType.System_DateTime: return JsonTypeKind.DateTime;
        }
        return MetadataName(type) switch
        {
            KnownNames.DateTimeOffset => JsonTypeKind.DateTimeOffset,
            KnownNames.TimeSpan => JsonTypeKind.TimeSpan,
            KnownNames.Guid => JsonTypeKind.Guid,
            KnownNames.JsonElement => JsonTypeKind.JsonElement,
            _ => null,
        };
    }

    private static bool IsListLike(INamedTypeSymbol type) => MetadataName(type) is
        KnownNames.List or KnownNames.IList or KnownNames.ICollection or KnownNames.IEnumerable
        or KnownNames.IReadOnlyList or KnownNames.IReadOnlyCollection;

    private static bool IsDictionaryLike(INamedTypeSymbol type) => MetadataName(type) is
        KnownNames.Dictionary or KnownNames.IDictionary or KnownNames.IReadOnlyDictionary;

    /// <summary>[JsonConstructor], else a public parameterless one, else the only public one (a record's copy constructor aside).</summary>
    private static IMethodSymbol? ChooseConstructor(INamedTypeSymbol type)
    {
        var candidates = type.InstanceConstructors
            .Where(c => c.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal)
            .Where(c => !(c.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(c.Parameters[0].Type, type)))
            .ToList();
        var marked = candidates.FirstOrDefault(c => c.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == KnownNames.JsonConstructorAttribute));
        if (marked is not null)
            return marked;
        var parameterless = candidates.FirstOrDefault(c => c.Parameters.Length == 0);
        if (parameterless is not null && (candidates.Count == 1 || !type.IsRecord))
            return parameterless;
        var withParameters = candidates.Where(c => c.Parameters.Length > 0).ToList();
        return withParameters.Count == 1 ? withParameters[0] : parameterless;
    }

    /// <summary>Public instance properties, base types included, a derived declaration hiding a base one.</summary>
    private static List<IPropertySymbol> PublicProperties(INamedTypeSymbol type)
    {
        var result = new List<IPropertySymbol>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var property in current.GetMembers().OfType<IPropertySymbol>())
            {
                if (property.IsStatic || property.IsIndexer || property.DeclaredAccessibility != Accessibility.Public || !seen.Add(property.Name))
                    continue;
                result.Add(property);
            }
        }
        return result;
    }

    /// <summary>Marks, on built-in event records, a string that is the same in every record of a batch.</summary>
    private const string RepeatsInBatchAttribute = "Impulse.Serialization.RepeatsInBatchAttribute";

    private static bool HasAttribute(IPropertySymbol property, string attributeName) =>
        property.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == attributeName);

    private const int IgnoreNever = 0;
    private const int IgnoreAlways = 1;
    private const int IgnoreWhenWritingNull = 3;

    /// <summary>The <c>JsonIgnoreCondition</c> of a <c>[JsonIgnore]</c>, as its numeric value (Always when none is given).</summary>
    private static int IgnoreCondition(IPropertySymbol property)
    {
        var attribute = property.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KnownNames.JsonIgnoreAttribute);
        if (attribute is null)
            return IgnoreNever;
        var condition = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Condition").Value.Value;
        return condition is int value ? value : IgnoreAlways;
    }

    private string JsonName(IPropertySymbol property)
    {
        var declared = property.GetAttributes()
            .FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KnownNames.JsonPropertyNameAttribute)?
            .ConstructorArguments.FirstOrDefault().Value as string;
        return declared ?? ApplyNaming(property.Name);
    }

    private string EnumMemberName(IFieldSymbol field)
    {
        var declared = field.GetAttributes()
            .FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KnownNames.JsonStringEnumMemberNameAttribute)?
            .ConstructorArguments.FirstOrDefault().Value as string;
        return declared ?? ApplyNaming(field.Name);
    }

    private string ApplyNaming(string name) => options.Naming == JsonNaming.CamelCase ? CamelCase(name) : name;

    /// <summary>System.Text.Json's camel case: lower the leading run of capitals, keeping the last one before a lower-case letter.</summary>
    internal static string CamelCase(string name)
    {
        if (name.Length == 0 || !char.IsUpper(name[0]))
            return name;
        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (i == 1 && !char.IsUpper(chars[i]))
                break;
            var nextIsLower = i + 1 < chars.Length && !char.IsUpper(chars[i + 1]);
            if (i > 0 && nextIsLower)
            {
                if (chars[i + 1] == ' ')
                    chars[i] = char.ToLowerInvariant(chars[i]);
                break;
            }
            chars[i] = char.ToLowerInvariant(chars[i]);
        }
        return new string(chars);
    }

    private static bool HasStringEnumConverter(INamedTypeSymbol type) =>
        type.GetAttributes().Any(a =>
            a.AttributeClass?.ToDisplayString() == KnownNames.JsonConverterAttribute
            && a.ConstructorArguments.FirstOrDefault().Value is INamedTypeSymbol converter
            && converter.OriginalDefinition.ToDisplayString().StartsWith(KnownNames.JsonStringEnumConverter, StringComparison.Ordinal));

    private static string DefaultLiteral(IParameterSymbol parameter)
    {
        var type = parameter.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        return parameter.ExplicitDefaultValue switch
        {
            null => $"default({type})!",
            string s => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(s, quote: true),
            bool b => b ? "true" : "false",
            _ when parameter.Type.TypeKind == TypeKind.Enum => $"({type}){Convert.ToString(parameter.ExplicitDefaultValue, System.Globalization.CultureInfo.InvariantCulture)}",
            var value => $"({type}){Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatPrimitive(value, quoteStrings: true, useHexadecimalNumbers: false)}",
        };
    }

    private static bool IsAccessible(INamedTypeSymbol type)
    {
        for (ITypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            if (current.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal))
                return false;
        }
        return true;
    }

    internal static string MetadataName(ITypeSymbol type)
    {
        var definition = type.OriginalDefinition;
        var ns = definition.ContainingNamespace?.ToDisplayString();
        return string.IsNullOrEmpty(ns) || definition.ContainingNamespace!.IsGlobalNamespace ? definition.MetadataName : ns + "." + definition.MetadataName;
    }
}
