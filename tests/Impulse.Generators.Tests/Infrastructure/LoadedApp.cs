using System.Reflection;
using Impulse.Dispatch;
using Impulse.Testing;
using Microsoft.CodeAnalysis;

namespace Impulse.Generators.Tests;

/// <summary>Emits a generated compilation to an assembly and loads its app, so tests run the generated code.</summary>
internal static class LoadedApp
{
    public static FunctionTestHost Host(Compilation output) => new(Application(output));

    public static FunctionApplication Application(Compilation output)
    {
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, TestCompilation.Describe(emitted.Diagnostics));
        var assembly = Assembly.Load(image.ToArray());
        var type = assembly.GetType("Impulse.Generated.ImpulseFunctionApplication", throwOnError: true)!;
        return (FunctionApplication)Activator.CreateInstance(type)!;
    }

    /// <summary>A static field of a user type in the loaded assembly, for handlers that record what they saw.</summary>
    public static object? StaticField(FunctionApplication app, string typeName, string field) =>
        app.GetType().Assembly.GetType(typeName, throwOnError: true)!
            .GetField(field, BindingFlags.Public | BindingFlags.Static)!.GetValue(null);
}
