using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Impulse.Generators.Analyzers;

/// <summary>
/// The SDK client interfaces of the operation map that one compilation references, and the reading of a
/// call on one of them (or on a class that implements one, such as <c>AmazonS3Client</c>) into an <see cref="SdkCall"/>.
/// </summary>
internal sealed class SdkClients
{
    private readonly SdkOperationMap _map;
    private readonly Dictionary<INamedTypeSymbol, string> _interfaces;
    // Each receiver type is resolved once per compilation: a type's interface list does not change.
    private readonly ConcurrentDictionary<INamedTypeSymbol, string?> _clientOfType = new(SymbolEqualityComparer.Default);

    private SdkClients(SdkOperationMap map, Dictionary<INamedTypeSymbol, string> interfaces)
    {
        _map = map;
        _interfaces = interfaces;
    }

    /// <summary>The clients <paramref name="compilation"/> references, or null when it references none.</summary>
    public static SdkClients? In(Compilation compilation, SdkOperationMap map)
    {
        var interfaces = new Dictionary<INamedTypeSymbol, string>(SymbolEqualityComparer.Default);
        foreach (var client in map.Clients)
        {
            if (compilation.GetTypeByMetadataName(client) is { TypeKind: TypeKind.Interface } type)
                interfaces[type] = client;
        }
        return interfaces.Count == 0 ? null : new SdkClients(map, interfaces);
    }

    /// <summary>The SDK call <paramref name="invocation"/> makes, or null when it calls no operation the map knows.</summary>
    public SdkCall? Read(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.ContainingType is not { } type || ClientOf(type) is not { } client)
            return null;
        const string AsyncSuffix = "Async";
        var operation = method.Name.EndsWith(AsyncSuffix, StringComparison.Ordinal) ? method.Name.Substring(0, method.Name.Length - AsyncSuffix.Length) : method.Name;
        var rules = _map.RulesFor(client, operation);
        if (rules.IsEmpty)
            return null;

        var request = SdkRequestValues.Read(invocation);
        var needs = new List<SdkPermissionNeed>(rules.Length);
        foreach (var rule in rules)
        {
            // A conditional action (PutObject's ACL) counts only when the call visibly sets what needs it.
            if (!rule.When.IsEmpty && !rule.When.Any(request.IsSet))
                continue;
            needs.Add(new SdkPermissionNeed(rule.Action, SdkResourceArn.Fill(rule.ResourceTemplate, request)));
        }
        var clientName = client.Substring(client.LastIndexOf('.') + 1);
        return new SdkCall(clientName + "." + method.Name, invocation.Syntax.GetLocation(), [.. needs]);
    }

    private string? ClientOf(INamedTypeSymbol type)
    {
        // Only types under the Amazon namespace can be clients; this keeps the common case, a call on anything else, cheap.
        if (!InAmazonNamespace(type))
            return null;
        return _clientOfType.GetOrAdd(type.OriginalDefinition, t =>
        {
            if (_interfaces.TryGetValue(t, out var direct))
                return direct;
            foreach (var implemented in t.AllInterfaces)
            {
                if (_interfaces.TryGetValue(implemented.OriginalDefinition, out var client))
                    return client;
            }
            return null;
        });
    }

    private static bool InAmazonNamespace(INamedTypeSymbol type)
    {
        var ns = type.ContainingNamespace;
        if (ns is null || ns.IsGlobalNamespace)
            return false;
        while (ns.ContainingNamespace is { IsGlobalNamespace: false } parent)
            ns = parent;
        return ns.Name == "Amazon";
    }
}
