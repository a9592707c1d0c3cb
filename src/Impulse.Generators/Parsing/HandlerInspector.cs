using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Impulse.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Impulse.Generators.Parsing;

/// <summary>What a handler method's signature means to Impulse, and what is wrong with it.</summary>
internal sealed class HandlerInspection
{
    public List<ParameterRole> Roles { get; } = new();
    public ITypeSymbol? EventType { get; set; }
    public ValueModel? Event { get; set; }
    public ReturnShape Return { get; set; }
    public ITypeSymbol? ResultType { get; set; }
    public ValueModel? Result { get; set; }
    public ConstructorModel? Constructor { get; set; }

    /// <summary>The JSON graph of the event and result types that use generated readers and writers.</summary>
    public JsonTypeParser? Json { get; set; }

    /// <summary>Set when a pull-trigger handler takes one message, not the whole batch.</summary>
    public BatchModel? Batch { get; set; }

    /// <summary>An HTTP-triggered handler that takes its own type: the request's body (or parameters) is bound to it.</summary>
    public bool HttpBound { get; set; }
    public List<HandlerIssue> Issues { get; } = new();
}

/// <summary>
/// Classifies a handler's parameters, return type, serializers and construction. The generator and
/// the analyzers share it, so what the analyzers flag is exactly what the generator skips.
/// </summary>
internal static class HandlerInspector
{
    private const string SetsRequiredMembersAttribute = "System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute";

    public static HandlerInspection Inspect(IMethodSymbol method, Compilation compilation)
    {
        var inspection = new HandlerInspection();
        if (FunctionRules.UnreachableReason(method) is { } unreachable)
            inspection.Issues.Add(new(HandlerIssueKind.Inaccessible, -1, unreachable));
        if (FunctionRules.IsGenericOrInGeneric(method))
            inspection.Issues.Add(new(HandlerIssueKind.Generic));

        var context = SerializerContextOf(method);
        inspection.Json = new JsonTypeParser(JsonOptionsParser.Parse(compilation));
        InspectParameters(method, compilation, context, inspection);
        InspectReturn(method, context, inspection);
        if (!method.IsStatic)
            InspectConstruction(method.ContainingType, compilation, inspection);
        if (inspection.Issues.Count == 0)
        {
            inspection.Batch = BatchInspector.Inspect(method, compilation, inspection.EventType, inspection.Json);
            inspection.HttpBound = BatchInspector.IsHttpBound(method, inspection.Event);
        }
        return inspection;
    }

    /// <summary>The <c>[FunctionSerializer]</c> context on the method, else on its class.</summary>
    public static INamedTypeSymbol? SerializerContextOf(IMethodSymbol method)
    {
        foreach (var owner in new ISymbol[] { method, method.ContainingType })
        {
            foreach (var attribute in owner.GetAttributes())
            {
                if (attribute.AttributeClass?.ToDisplayString() == KnownNames.FunctionSerializerAttribute
                    && attribute.ConstructorArguments.Length == 1
                    && attribute.ConstructorArguments[0].Value is INamedTypeSymbol contextType)
                {
                    return contextType;
                }
            }
        }
        return null;
    }

    private static void InspectParameters(IMethodSymbol method, Compilation compilation, INamedTypeSymbol? context, HandlerInspection inspection)
    {
        var contextType = compilation.GetTypeByMetadataName(KnownNames.FunctionContext);
        var tokenType = compilation.GetTypeByMetadataName(KnownNames.CancellationToken);
        for (var i = 0; i < method.Parameters.Length; i++)
        {
            var parameter = method.Parameters[i];
            if (parameter.RefKind != RefKind.None || parameter.Type.IsRefLikeType || parameter.Type.TypeKind == TypeKind.Pointer)
            {
                inspection.Issues.Add(new(HandlerIssueKind.UnsupportedParameter, i, "ref, out, in, pointer and ref struct parameters cannot carry an event"));
                continue;
            }

            var role = SymbolEqualityComparer.Default.Equals(parameter.Type, contextType) ? ParameterRole.Context
                : SymbolEqualityComparer.Default.Equals(parameter.Type, tokenType) ? ParameterRole.CancellationToken
                : ParameterRole.Event;

            if (inspection.Roles.Contains(role))
            {
                var what = role == ParameterRole.Event ? "a second event parameter; a handler takes one event" : $"a second {parameter.Type.Name}";
                inspection.Issues.Add(new(HandlerIssueKind.UnsupportedParameter, i, what));
                continue;
            }

            inspection.Roles.Add(role);
            if (role == ParameterRole.Event)
            {
                inspection.EventType = parameter.Type;
                inspection.Event = ValueOf(parameter.Type, context, inspection.Json!);
                if (inspection.Event is null)
                    inspection.Issues.Add(new(HandlerIssueKind.NoSerializer, i, Describe(parameter.Type)));
            }
        }
    }

    private static void InspectReturn(IMethodSymbol method, INamedTypeSymbol? context, HandlerInspection inspection)
    {
        if (method.IsAsync && method.ReturnsVoid)
        {
            inspection.Issues.Add(new(HandlerIssueKind.AsyncVoid));
            return;
        }
        if (method.ReturnsByRef || method.ReturnsByRefReadonly)
        {
            inspection.Issues.Add(new(HandlerIssueKind.UnsupportedReturn, -1, "ref returns"));
            return;
        }

        var type = method.ReturnType;
        if (method.ReturnsVoid)
        {
            inspection.Return = ReturnShape.Void;
            return;
        }

        ITypeSymbol? value = type;
        switch (MetadataNameOf(type))
        {
            case KnownNames.Task: inspection.Return = ReturnShape.Task; value = null; break;
            case KnownNames.ValueTask: inspection.Return = ReturnShape.ValueTask; value = null; break;
            case KnownNames.TaskOfT: inspection.Return = ReturnShape.TaskOfValue; value = ((INamedTypeSymbol)type).TypeArguments[0]; break;
            case KnownNames.ValueTaskOfT: inspection.Return = ReturnShape.ValueTaskOfValue; value = ((INamedTypeSymbol)type).TypeArguments[0]; break;
            default: inspection.Return = ReturnShape.Value; break;
        }

        if (value is null)
            return;
        if (value.IsRefLikeType || value.TypeKind is TypeKind.Pointer or TypeKind.TypeParameter)
        {
            inspection.Issues.Add(new(HandlerIssueKind.UnsupportedReturn, -1, Describe(value)));
            return;
        }

        inspection.ResultType = value;
        inspection.Result = ValueOf(value, context, inspection.Json!);
        if (inspection.Result is null)
            inspection.Issues.Add(new(HandlerIssueKind.NoSerializer, -1, Describe(value)));
    }

    private static void InspectConstruction(INamedTypeSymbol type, Compilation compilation, HandlerInspection inspection)
    {
        if (type.IsAbstract || type.IsStatic)
        {
            inspection.Issues.Add(new(HandlerIssueKind.NotConstructible, -1, $"{type.Name} is abstract; make the method static or the class concrete"));
            return;
        }

        var constructors = type.InstanceConstructors.Where(c => IsAccessible(c)).ToList();
        if (constructors.Count != 1)
        {
            var why = constructors.Count == 0
                ? $"{type.Name} has no public or internal constructor"
                : $"{type.Name} has {constructors.Count} accessible constructors; keep one so it is clear which one builds it";
            inspection.Issues.Add(new(HandlerIssueKind.NotConstructible, -1, why));
            return;
        }

        // 'new T(...)' must set every required member, and generated code has no values for them (CS9035).
        if (HasRequiredMembers(type) && !SetsRequiredMembers(constructors[0]))
        {
            inspection.Issues.Add(new(HandlerIssueKind.NotConstructible, -1, $"{type.Name} has required members, which generated code cannot set; take them as constructor parameters instead"));
            return;
        }

        var parameters = constructors[0].Parameters
            .Select(p => new ServiceParameterModel(
                p.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                p.HasExplicitDefaultValue || p.NullableAnnotation == NullableAnnotation.Annotated))
            .ToEquatableArray();
        inspection.Constructor = new ConstructorModel(parameters, DisposalOf(type, compilation));
    }

    private static bool HasRequiredMembers(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true })
                    return true;
            }
        }
        return false;
    }

    private static bool SetsRequiredMembers(IMethodSymbol constructor) =>
        constructor.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == SetsRequiredMembersAttribute);

    private static bool IsAccessible(IMethodSymbol constructor) =>
        constructor.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal;

    private static Disposal DisposalOf(INamedTypeSymbol type, Compilation compilation)
    {
        var asyncDisposable = compilation.GetTypeByMetadataName(KnownNames.AsyncDisposable);
        var disposable = compilation.GetTypeByMetadataName(KnownNames.Disposable);
        if (asyncDisposable is not null && type.AllInterfaces.Contains(asyncDisposable, SymbolEqualityComparer.Default))
            return Disposal.DisposeAsync;
        if (disposable is not null && type.AllInterfaces.Contains(disposable, SymbolEqualityComparer.Default))
            return Disposal.Dispose;
        return Disposal.None;
    }

    /// <summary>How a value of <paramref name="type"/> is read or written; null when nothing can.</summary>
    private static ValueModel? ValueOf(ITypeSymbol type, INamedTypeSymbol? context, JsonTypeParser json)
    {
        var plain = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
        var name = plain.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        // A reference type admits JSON null only where the user wrote '?'; Nullable<T> always does.
        var allowsNull = type.IsReferenceType ? type.NullableAnnotation == NullableAnnotation.Annotated : MetadataNameOf(type) == "System.Nullable`1";
        if (type.SpecialType == SpecialType.System_String)
            return new ValueModel(name, ValueCodec.String, null, allowsNull);
        if (MetadataNameOf(type) == KnownNames.JsonElement)
            return new ValueModel(name, ValueCodec.JsonElement, null, allowsNull);
        if (context is not null && IsSerializerContext(context) && SerializableTypesOf(context).Contains(plain, SymbolEqualityComparer.Default))
            return new ValueModel(name, ValueCodec.SerializerContext, context.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), allowsNull);
        var id = json.Add(type);
        return id is null ? null : new ValueModel(name, ValueCodec.Generated, null, allowsNull, id);
    }

    /// <summary>Whether <paramref name="type"/> derives from <c>JsonSerializerContext</c>, so generated code can use its <c>Default</c>.</summary>
    public static bool IsSerializerContext(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (MetadataNameOf(current) == KnownNames.JsonSerializerContext)
                return true;
        }
        return false;
    }

    /// <summary>The types a serializer context lists with <c>[JsonSerializable(typeof(T))]</c>.</summary>
    public static ImmutableArray<ITypeSymbol> SerializableTypesOf(INamedTypeSymbol context) =>
        context.GetAttributes()
            .Where(a => a.AttributeClass?.ToDisplayString() == KnownNames.JsonSerializableAttribute)
            .Select(a => a.ConstructorArguments.Length == 1 ? a.ConstructorArguments[0].Value as ITypeSymbol : null)
            .Where(t => t is not null)
            .Select(t => t!)
            .ToImmutableArray();

    private static string MetadataNameOf(ITypeSymbol type)
    {
        var definition = type.OriginalDefinition;
        var ns = definition.ContainingNamespace?.ToDisplayString();
        return string.IsNullOrEmpty(ns) ? definition.MetadataName : ns + "." + definition.MetadataName;
    }

    private static string Describe(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
}
