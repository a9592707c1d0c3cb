using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Impulse.Generators.Analyzers;

/// <summary>
/// What a call tells about its request: the request properties it sets and the string constants among
/// them, from an object initializer in the call, or from a local the same method initialises and sets.
/// The convenience overloads' string parameters (<c>bucketName</c>, <c>queueUrl</c>…) count as properties of
/// the same name. Names compare ignoring case, so <c>bucketName</c> fills <c>{BucketName}</c>. A request that
/// comes from elsewhere (a parameter, a field) sets nothing the analyzer can see, so its names become <c>*</c>
/// and actions that depend on what it sets are not asked for.
/// </summary>
internal sealed class SdkRequestValues
{
    private readonly Dictionary<string, string?> _set = new(StringComparer.OrdinalIgnoreCase);

    public bool IsSet(string property) => _set.ContainsKey(property);

    /// <summary>The constant string a property is set to, or null when it is not set or not a constant.</summary>
    public string? ConstantOf(string property) => _set.TryGetValue(property, out var value) ? value : null;

    public static SdkRequestValues Read(IInvocationOperation invocation)
    {
        var values = new SdkRequestValues();
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is null || argument.ArgumentKind == ArgumentKind.DefaultValue)
                continue;
            var value = Unwrap(argument.Value);
            if (argument.Parameter.Type.SpecialType == SpecialType.System_String)
                values._set[argument.Parameter.Name] = ConstantString(value);
            else if (argument.Parameter.Type.Name.EndsWith("Request", StringComparison.Ordinal))
                values.ReadRequest(value);
        }
        foreach (var typeArgument in invocation.TargetMethod.TypeArguments)
            values.ReadTypeAttributes(typeArgument);
        return values;
    }

    /// <summary>
    /// The object persistence model names its table on the mapped type: <c>[DynamoDBTable("Orders")]</c> on the
    /// <c>T</c> of <c>SaveAsync&lt;T&gt;</c> fills <c>{DynamoDBTable}</c>. Any attribute with a string first argument counts.
    /// </summary>
    private void ReadTypeAttributes(ITypeSymbol type)
    {
        foreach (var attribute in type.GetAttributes())
        {
            const string Suffix = "Attribute";
            var name = attribute.AttributeClass?.Name;
            if (name is null || !name.EndsWith(Suffix, StringComparison.Ordinal) || attribute.ConstructorArguments.Length == 0)
                continue;
            if (attribute.ConstructorArguments[0].Value is string value)
                _set[name.Substring(0, name.Length - Suffix.Length)] = value;
        }
    }

    private void ReadRequest(IOperation request)
    {
        if (request is IObjectCreationOperation creation)
            ReadInitializer(creation.Initializer);
        else if (request is ILocalReferenceOperation local)
            ReadLocal(local);
    }

    /// <summary>A local request: its initializer and the later <c>request.X = ...</c> assignments in the same method.</summary>
    private void ReadLocal(ILocalReferenceOperation reference)
    {
        IOperation top = reference;
        while (top.Parent is not null)
            top = top.Parent;
        foreach (var operation in top.Descendants())
        {
            if (operation is IVariableDeclaratorOperation declarator
                && SymbolEqualityComparer.Default.Equals(declarator.Symbol, reference.Local)
                && declarator.GetVariableInitializer() is { } initializer
                && Unwrap(initializer.Value) is IObjectCreationOperation creation)
            {
                ReadInitializer(creation.Initializer);
            }
            else if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Instance: ILocalReferenceOperation target } property } assignment
                && SymbolEqualityComparer.Default.Equals(target.Local, reference.Local))
            {
                _set[property.Property.Name] = ConstantString(Unwrap(assignment.Value));
            }
        }
    }

    private void ReadInitializer(IObjectOrCollectionInitializerOperation? initializer)
    {
        if (initializer is null)
            return;
        foreach (var assignment in initializer.Initializers.OfType<IAssignmentOperation>())
        {
            if (assignment.Target is IPropertyReferenceOperation property)
                _set[property.Property.Name] = assignment is ISimpleAssignmentOperation simple ? ConstantString(Unwrap(simple.Value)) : null;
        }
        // Grants = { ... } fills a collection the request already holds: set, with no constant.
        foreach (var nested in initializer.Initializers.OfType<IMemberInitializerOperation>())
        {
            if (nested.InitializedMember is IPropertyReferenceOperation property)
                _set[property.Property.Name] = null;
        }
    }

    private static string? ConstantString(IOperation value) =>
        value.ConstantValue is { HasValue: true, Value: string text } ? text : null;

    private static IOperation Unwrap(IOperation value)
    {
        while (value is IConversionOperation { IsImplicit: true } conversion)
            value = conversion.Operand;
        return value;
    }
}
