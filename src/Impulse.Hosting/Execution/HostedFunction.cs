using Impulse.Hosting.Manifest;

namespace Impulse.Hosting.Execution;

/// <summary>A function as the host serves it: what the manifest says about it and its concurrency.</summary>
internal sealed class HostedFunction(FunctionSpec spec, ConcurrencyGate gate)
{
    public FunctionSpec Spec { get; } = spec;
    public ConcurrencyGate Gate { get; } = gate;
    public string Name => Spec.Name;
}
