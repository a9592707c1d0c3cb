using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Impulse.Generators.Analyzers;

/// <summary>
/// What each method body of one compilation does that matters for permissions: the SDK calls it makes and the
/// source methods it calls. Filled by operation actions as bodies are analysed (each body once), then walked
/// per function at compilation end, so no action ever walks the whole compilation itself.
/// </summary>
internal sealed class SdkCallGraph
{
    /// <summary>How many methods one function's walk visits at most: enough for real helper chains, bounded for huge graphs.</summary>
    public const int MaxMethodsPerFunction = 2000;

    /// <summary>How deep one function's walk follows calls.</summary>
    public const int MaxDepth = 16;

    private readonly ConcurrentDictionary<IMethodSymbol, MethodFacts> _methods = new(SymbolEqualityComparer.Default);

    public void AddCall(IMethodSymbol method, SdkCall call) => FactsOf(method).Calls.Enqueue(call);

    public void AddCallee(IMethodSymbol method, IMethodSymbol callee) => FactsOf(method).Callees.Enqueue(callee);

    /// <summary>The SDK calls <paramref name="function"/> makes, itself or through the source methods it calls, each once.</summary>
    public List<SdkCall> CallsReachableFrom(IMethodSymbol function)
    {
        var calls = new List<SdkCall>();
        var visited = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default) { function };
        var frontier = new List<IMethodSymbol> { function };
        for (var depth = 0; depth <= MaxDepth && frontier.Count > 0; depth++)
        {
            var next = new List<IMethodSymbol>();
            foreach (var method in frontier)
            {
                if (!_methods.TryGetValue(method, out var facts))
                    continue;
                calls.AddRange(facts.Calls);
                foreach (var callee in facts.Callees)
                {
                    if (visited.Count < MaxMethodsPerFunction && visited.Add(callee))
                        next.Add(callee);
                }
            }
            frontier = next;
        }
        return calls;
    }

    private MethodFacts FactsOf(IMethodSymbol method) => _methods.GetOrAdd(method, static _ => new MethodFacts());

    private sealed class MethodFacts
    {
        public ConcurrentQueue<SdkCall> Calls { get; } = new();
        public ConcurrentQueue<IMethodSymbol> Callees { get; } = new();
    }
}
