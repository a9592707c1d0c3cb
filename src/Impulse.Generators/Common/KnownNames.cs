namespace Impulse.Generators;

/// <summary>Metadata names of the types the generator and analyzers look for.</summary>
internal static class KnownNames
{
    public const string FunctionAttribute = "Impulse.FunctionAttribute";
    public const string PushTriggerAttribute = "Impulse.PushTriggerAttribute";
    public const string PullTriggerAttribute = "Impulse.PullTriggerAttribute";
    public const string InvokePermissionAttribute = "Impulse.InvokePermissionAttribute";
    public const string ExecutionPermissionAttribute = "Impulse.ExecutionPermissionAttribute";
    public const string FunctionSerializerAttribute = "Impulse.FunctionSerializerAttribute";
    public const string FunctionsStartup = "Impulse.IFunctionsStartup";
    public const string FunctionContext = "Impulse.FunctionContext";
    public const string CancellationToken = "System.Threading.CancellationToken";
    public const string Task = "System.Threading.Tasks.Task";
    public const string TaskOfT = "System.Threading.Tasks.Task`1";
    public const string ValueTask = "System.Threading.Tasks.ValueTask";
    public const string ValueTaskOfT = "System.Threading.Tasks.ValueTask`1";
    public const string JsonElement = "System.Text.Json.JsonElement";
    public const string JsonSerializableAttribute = "System.Text.Json.Serialization.JsonSerializableAttribute";
    public const string JsonSerializerContext = "System.Text.Json.Serialization.JsonSerializerContext";
    public const string AsyncDisposable = "System.IAsyncDisposable";
    public const string Disposable = "System.IDisposable";

    public const string StartupInterfaceName = "IFunctionsStartup";
}
