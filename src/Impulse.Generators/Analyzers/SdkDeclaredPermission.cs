using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Impulse.Generators.Analyzers;

/// <summary>An <c>[ExecutionPermission]</c> as the SDK-permission check reads it: its action and where it is written.</summary>
internal sealed record SdkDeclaredPermission(string Action, SyntaxReference Syntax)
{
    /// <summary>The <c>[ExecutionPermission]</c> attributes written on <paramref name="symbol"/> whose action is a constant.</summary>
    public static List<SdkDeclaredPermission> On(ISymbol symbol, INamedTypeSymbol executionPermission)
    {
        var declared = new List<SdkDeclaredPermission>();
        foreach (var attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, executionPermission)
                && attribute.ConstructorArguments.Length > 0
                && attribute.ConstructorArguments[0].Value is string action
                && attribute.ApplicationSyntaxReference is { } syntax)
            {
                declared.Add(new SdkDeclaredPermission(action, syntax));
            }
        }
        return declared;
    }

    /// <summary>The IAM service prefix, <c>s3</c> in <c>s3:Get*</c>; empty for an action with no colon.</summary>
    public string Service => Action.IndexOf(':') is var colon and > 0 ? Action.Substring(0, colon) : "";

    public Location Location(CancellationToken cancel) => Syntax.GetSyntax(cancel).GetLocation();
}
