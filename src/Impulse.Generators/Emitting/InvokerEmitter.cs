using System.Collections.Generic;
using System.Linq;
using Impulse.Generators.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace Impulse.Generators.Emitting;

/// <summary>
/// Emits one typed invoker per function: read the event, build the target, call the handler,
/// write the result. Synchronous handlers get a synchronous body so they pay for no state machine.
/// </summary>
internal static class InvokerEmitter
{
    public static void Emit(SourceWriter writer, FunctionModel function, int index)
    {
        var handler = function.Handler;
        var name = GeneratedNames.Invoker(index);
        writer.Line($"/// <summary>Invokes <c>{Escape(handler.DisplayName)}</c> as function <c>{Escape(function.Name)}</c>.</summary>");
        writer.Line(GeneratedNames.GeneratedCode);
        writer.Line($"file sealed class {name} : global::Impulse.Dispatch.FunctionInvoker");
        using (writer.Braces())
        {
            writer.Line($"public {name}() : base({Literal(function.Name)}, {function.Settings.MemoryMb}, {function.Settings.TimeoutSeconds}) {{ }}");
            EmitTypeInfo(writer, "s_event", handler.Event);
            EmitTypeInfo(writer, "s_result", handler.Result);
            writer.Line();
            EmitInvoke(writer, handler);
        }
    }

    private static void EmitTypeInfo(SourceWriter writer, string field, ValueModel? value)
    {
        if (value is not { Codec: ValueCodec.SerializerContext })
            return;
        writer.Line($"private static readonly global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<{value.Type}> {field} =");
        writer.Line($"    {GeneratedNames.Json}.TypeInfo<{value.Type}>({value.SerializerContext}.Default);");
    }

    private static void EmitInvoke(SourceWriter writer, HandlerModel handler)
    {
        if (handler.Batch is { } batch)
        {
            BatchInvokerEmitter.Emit(writer, handler, batch);
            return;
        }

        var awaits = handler.Return is not (ReturnShape.Void or ReturnShape.Value)
            || handler.Constructor is { } ctor && (ctor.Parameters.Count > 0 || ctor.Disposal == Disposal.DisposeAsync);
        writer.Line($"public override {(awaits ? "async " : "")}global::System.Threading.Tasks.ValueTask InvokeAsync(global::System.ReadOnlyMemory<byte> payload, global::System.Buffers.IBufferWriter<byte> result, global::Impulse.FunctionContext context, global::System.IServiceProvider services)");
        using (writer.Braces())
        {
            if (handler.Event is { } @event && handler.HttpBound)
                EmitHttpBoundRead(writer, @event, awaits);
            else if (handler.Event is { } plain)
                writer.Line($"var @event = {ReadExpression(plain)};");
            var target = EmitTarget(writer, handler);
            var call = Call(handler, target);

            switch (handler.Return)
            {
                case ReturnShape.Void: writer.Line(call + ";"); break;
                case ReturnShape.Task or ReturnShape.ValueTask: writer.Line($"await {call}.ConfigureAwait(false);"); break;
                case ReturnShape.Value: writer.Line($"var value = {call};"); break;
                default: writer.Line($"var value = await {call}.ConfigureAwait(false);"); break;
            }
            if (handler.Result is { } resultValue)
                writer.Line(WriteStatement(resultValue));
            if (!awaits)
                writer.Line("return default;");
        }
    }

    /// <summary>
    /// Reads the event out of an HTTP request when the payload is one; a body that does not fit the type is
    /// answered with 400, as model binding does, and never reaches the handler.
    /// </summary>
    private static void EmitHttpBoundRead(SourceWriter writer, ValueModel value, bool awaits)
    {
        writer.Line("var http = global::Impulse.Dispatch.HttpBinding.TryUnwrap(payload, new global::System.Buffers.ArrayBufferWriter<byte>(), out var body);");
        writer.Line($"{value.Type}{(value.AllowsNull && !value.Type.EndsWith("?", System.StringComparison.Ordinal) ? "?" : "")} @event;");
        writer.Line("try");
        using (writer.Braces())
        {
            // A text handler gets the body as it was sent; on a direct invoke its payload is a JSON string.
            writer.Line(value.Codec == ValueCodec.String
                ? $"@event = http ? global::System.Text.Encoding.UTF8.GetString(body.Span) : {ReadExpression(value, "body")};"
                : $"@event = {ReadExpression(value, "body")};");
        }
        writer.Line("catch (global::Impulse.EventReadException e) when (http)");
        using (writer.Braces())
        {
            writer.Line("global::Impulse.Dispatch.HttpBinding.WriteBadRequest(result, e);");
            writer.Line(awaits ? "return;" : "return default;");
        }
    }

    internal static string Call(HandlerModel handler, string target) =>
        $"{target}.{handler.MethodName}({string.Join(", ", handler.Parameters.Select(Argument))})";

    /// <summary>Writes what builds the handler's target and returns the expression that names it.</summary>
    internal static string EmitTarget(SourceWriter writer, HandlerModel handler)
    {
        if (handler.IsStatic || handler.Constructor is not { } constructor)
            return handler.ContainingType;

        var provider = "services";
        if (constructor.Parameters.Count > 0)
        {
            // One scope per invocation, as ASP.NET Core has one per request: scoped services live exactly as long as the call.
            writer.Line($"await using var scope = {GeneratedNames.Services}.CreateAsyncScope(services);");
            provider = "scope.ServiceProvider";
        }

        var arguments = constructor.Parameters.Select(p => p.Optional
            ? $"({p.Type}?){provider}.GetService(typeof({p.Type}))"
            : $"{GeneratedNames.Services}.GetRequiredService<{p.Type}>({provider})");
        var keyword = constructor.Disposal switch
        {
            Disposal.DisposeAsync => "await using var",
            Disposal.Dispose => "using var",
            _ => "var",
        };
        writer.Line($"{keyword} target = new {handler.ContainingType}({string.Join(", ", arguments)});");
        return "target";
    }

    private static string Argument(ParameterRole role) => role switch
    {
        ParameterRole.Event => "@event",
        ParameterRole.Context => "context",
        _ => "context.CancellationToken",
    };

    /// <summary>Reads a value from <paramref name="memory"/>, a <c>ReadOnlyMemory&lt;byte&gt;</c> expression holding JSON.</summary>
    internal static string ReadExpression(ValueModel value, string memory = "payload")
    {
        var allowsNull = value.AllowsNull ? "true" : "false";
        return value.Codec switch
        {
            ValueCodec.String => $"{GeneratedNames.Json}.ReadString({memory}.Span, {allowsNull})",
            ValueCodec.JsonElement => $"{GeneratedNames.Json}.ReadElement({memory})",
            ValueCodec.Generated => $"{GeneratedNames.Json}.ReadWith({memory}.Span, {JsonNames.QualifiedRead(value.JsonTypeId!)}, {allowsNull})",
            _ => $"{GeneratedNames.Json}.Read({memory}.Span, s_event, {allowsNull})",
        };
    }

    private static string WriteStatement(ValueModel value) => value.Codec switch
    {
        ValueCodec.String => $"{GeneratedNames.Json}.WriteString(result, value);",
        ValueCodec.JsonElement => $"{GeneratedNames.Json}.WriteElement(result, value);",
        ValueCodec.Generated => $"{GeneratedNames.Json}.WriteWith<{value.Type}>(result, value, {JsonNames.QualifiedWrite(value.JsonTypeId!)});",
        _ => $"{GeneratedNames.Json}.Write<{value.Type}>(result, value, s_result);",
    };

    internal static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
