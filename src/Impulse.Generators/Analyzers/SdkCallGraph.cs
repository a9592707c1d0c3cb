using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Impulse.Generators.Analyzers;

/// <summary>
/// What each method body of one compilation does that matters for permissions: the SDK calls it makes and the
/// source methods it calls, with the implementations of the project's interfaces and virtual methods. Filled by operation actions as bodies are analysed (each body once), then walked
/// per function at compilation end, so no action ever walks the whole compilation itself.
/// </summary>
internal sealed class SdkCallGraph
{
    /// <summary>How many methods one function's walk visits at most: enough for real helper chains, bounded for huge graphs.</summary>
    public const int MaxMethodsPerFunction = 2000;

    /// <summary>How deep one function's walk follows calls.</summary>
    public const int MaxDepth = 16;

    private readonly ConcurrentDictionary<IMethodSymbol, MethodFacts> _methods = new(SymbolEqualityComparer.Default);

    // Interface members and virtual methods of this compilation, each with the methods that implement or override it:
    // a call through IOrderStore reaches every IOrderStore of the project, since any of them may be the one injected.
    private readonly ConcurrentDictionary<IMethodSymbol, ConcurrentQueue<IMethodSymbol>> _implementations = new(SymbolEqualityComparer.Default);

    public void AddCall(IMethodSymbol method, SdkCall call) => FactsOf(method).Calls.Enqueue(call);

    public void AddCallee(IMethodSymbol method, IMethodSymbol callee) => FactsOf(method).Callees.Enqueue(callee);

    /// <summary>Records what <paramref name="method"/> implements or overrides among the members of <paramref name="assembly"/>.</summary>
    public void AddImplementation(IMethodSymbol method, IAssemblySymbol assembly)
    {
        if (method.IsStatic || method.MethodKind is not (MethodKind.Ordinary or MethodKind.ExplicitInterfaceImplementation))
            return;
        for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
        {
            if (SymbolEqualityComparer.Default.Equals(overridden.ContainingAssembly, assembly))
                Implemented(overridden.OriginalDefinition).Enqueue(method);
        }
        foreach (var explicitly in method.ExplicitInterfaceImplementations)
        {
            if (SymbolEqualityComparer.Default.Equals(explicitly.ContainingAssembly, assembly))
                Implemented(explicitly.OriginalDefinition).Enqueue(method);
        }
        if (method.MethodKind != MethodKind.Ordinary || method.DeclaredAccessibility != Accessibility.Public)
            return;
        foreach (var contract in method.ContainingType.AllInterfaces)
        {
            if (!SymbolEqualityComparer.Default.Equals(contract.ContainingAssembly, assembly))
                continue;
            foreach (var member in contract.GetMembers(method.Name))
            {
                if (member is IMethodSymbol memberMethod
                    && SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(member), method))
                {
                    Implemented(memberMethod.OriginalDefinition).Enqueue(method);
                }
            }
        }
    }

    /// <summary>The SDK calls <paramref name="function"/> makes, itself or through the source methods it calls, each once.</summary>
    /// <param name="function">The function whose calls to collect.</param>
    /// <param name="complete">False when the walk stopped at a bound, so calls beyond it are not in the list.</param>
    public List<SdkCall> CallsReachableFrom(IMethodSymbol function, out bool complete)
    {
        complete = true;
        var calls = new List<SdkCall>();
        var visited = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default) { function };
        var frontier = new List<IMethodSymbol> { function };
        for (var depth = 0; depth <= MaxDepth && frontier.Count > 0; depth++)
        {
            var next = new List<IMethodSymbol>();
            foreach (var method in frontier)
            {
                if (_implementations.TryGetValue(method, out var implementations))
                    complete &= Follow(implementations, visited, next);
                if (_methods.TryGetValue(method, out var facts))
                {
                    calls.AddRange(facts.Calls);
                    complete &= Follow(facts.Callees, visited, next);
                }
            }
            frontier = next;
        }
        complete &= frontier.Count == 0;
        return calls;
    }

    /// <summary>Queues the callees not yet visited; false when the method bound left some out.</summary>
    private static bool Follow(IEnumerable<IMethodSymbol> callees, HashSet<IMethodSymbol> visited, List<IMethodSymbol> next)
    {
        foreach (var callee in callees)
        {
            if (visited.Contains(callee))
                continue;
            if (visited.Count >= MaxMethodsPerFunction)
                return false;
            visited.Add(callee);
            next.Add(callee);
        }
        return true;
    }

    private ConcurrentQueue<IMethodSymbol> Implemented(IMethodSymbol member) =>
        _implementations.GetOrAdd(member, static _ => new ConcurrentQueue<IMethodSymbol>());

    private MethodFacts FactsOf(IMethodSymbol method) => _methods.GetOrAdd(method, static _ => new MethodFacts());

    private sealed class MethodFacts
    {
        public ConcurrentQueue<SdkCall> Calls { get; } = new();
        public ConcurrentQueue<IMethodSymbol> Callees { get; } = new();
    }
}
