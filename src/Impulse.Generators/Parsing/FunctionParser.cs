using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Impulse.Generators.Model;
using Impulse.Generators.Permissions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Impulse.Generators.Parsing;

/// <summary>
/// Turns a <c>[Function]</c> method into a <see cref="FunctionModel"/>, or null when the analyzers
/// report something wrong with it: the generator emits only functions that will compile and run.
/// </summary>
internal static class FunctionParser
{
    public static FunctionModel? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancel)
    {
        if (context.TargetSymbol is not IMethodSymbol method || context.Attributes.Length != 1)
            return null;

        var function = context.Attributes[0];
        var name = NameOf(function);
        var settings = ParseSettings(function);
        if (!FunctionRules.IsValidName(name) || !AreSettingsValid(settings))
            return null;

        cancel.ThrowIfCancellationRequested();
        var inspection = HandlerInspector.Inspect(method, context.SemanticModel.Compilation);
        if (inspection.Issues.Count > 0)
            return null;

        var handler = new HandlerModel(
            ContainingType: method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            MethodName: method.Name,
            DisplayName: method.ContainingType.ToDisplayString() + "." + method.Name,
            IsStatic: method.IsStatic,
            Parameters: inspection.Roles.ToEquatableArray(),
            Event: inspection.Event,
            Return: inspection.Return,
            Result: inspection.Result,
            Constructor: inspection.Constructor,
            JsonTypes: inspection.Json!.Types.ToEquatableArray(),
            Batch: inspection.Batch,
            HttpBound: inspection.HttpBound);

        var attributes = method.GetAttributes();
        var typeAttributes = method.ContainingType.GetAttributes();
        var invoke = typeAttributes.Concat(attributes).Where(a => IsAttribute(a, KnownNames.InvokePermissionAttribute))
            .Select(ParseInvokePermission).ToEquatableArray();
        var execution = typeAttributes.Concat(attributes).Where(a => IsAttribute(a, KnownNames.ExecutionPermissionAttribute))
            .Select(ParseExecutionPermission).ToEquatableArray();
        // A malformed permission would make the manifest invalid IAM; the permission analyzer reports it.
        if (!invoke.All(p => PermissionRules.IsValidInvoke(p.Principal, p.SourceArn, p.SourceAccount))
            || !execution.All(p => PermissionRules.IsValidExecution(p.Action, p.Resources.Items, p.Condition)))
        {
            return null;
        }

        return new FunctionModel(
            name!,
            settings,
            handler,
            TriggerParser.ParseAll(
                attributes.Where(a => IsAttribute(a, KnownNames.PushTriggerAttribute) || IsAttribute(a, KnownNames.PullTriggerAttribute)),
                name!,
                handlerTakesOneMessage: inspection.Batch is not null),
            invoke,
            execution);
    }

    /// <summary>The name a <c>[Function]</c> attribute gives, or null when it gives none.</summary>
    public static string? NameOf(AttributeData function) =>
        function.ConstructorArguments.Length == 1 ? function.ConstructorArguments[0].Value as string : null;

    public static FunctionSettingsModel ParseSettings(AttributeData function)
    {
        var memory = FunctionRules.DefaultMemoryMb;
        var timeout = FunctionRules.DefaultTimeoutSeconds;
        var reserved = 0;
        string? description = null;
        var environment = new List<string>();
        foreach (var argument in function.NamedArguments)
        {
            switch (argument.Key)
            {
                case "MemoryMb" when argument.Value.Value is int value: memory = value; break;
                case "TimeoutSeconds" when argument.Value.Value is int value: timeout = value; break;
                case "ReservedConcurrency" when argument.Value.Value is int value: reserved = value; break;
                case "Description": description = argument.Value.Value as string; break;
                case "Environment" when !argument.Value.IsNull:
                    environment.AddRange(argument.Value.Values.Select(v => v.Value as string ?? string.Empty));
                    break;
            }
        }
        return new FunctionSettingsModel(memory, timeout, description, environment.ToEquatableArray(), reserved);
    }

    public static bool AreSettingsValid(FunctionSettingsModel settings) => SettingsIssues(settings).Count == 0;

    /// <summary>What is wrong with a function's settings; the analyzer reports each, the generator skips the function.</summary>
    public static List<HandlerIssue> SettingsIssues(FunctionSettingsModel settings)
    {
        var issues = new List<HandlerIssue>();
        if (settings.ReservedConcurrency < 0)
            issues.Add(new HandlerIssue(HandlerIssueKind.ReservedConcurrencyOutOfRange));
        if (settings.MemoryMb is < FunctionRules.MinMemoryMb or > FunctionRules.MaxMemoryMb)
            issues.Add(new(HandlerIssueKind.MemoryOutOfRange));
        if (settings.TimeoutSeconds is < FunctionRules.MinTimeoutSeconds or > FunctionRules.MaxTimeoutSeconds)
            issues.Add(new(HandlerIssueKind.TimeoutOutOfRange));
        foreach (var problem in FunctionRules.EnvironmentProblems(settings.Environment.Items))
            issues.Add(new(HandlerIssueKind.InvalidEnvironment, -1, problem));
        return issues;
    }

    private static InvokePermissionModel ParseInvokePermission(AttributeData attribute) =>
        new(
            attribute.ConstructorArguments.FirstOrDefault().Value as string ?? string.Empty,
            NamedString(attribute, "SourceArn"),
            NamedString(attribute, "SourceAccount"));

    private static ExecutionPermissionModel ParseExecutionPermission(AttributeData attribute)
    {
        var arguments = attribute.ConstructorArguments;
        var action = arguments.Length > 0 ? arguments[0].Value as string ?? string.Empty : string.Empty;
        var resources = arguments.Length > 1 && arguments[1].Kind == TypedConstantKind.Array && !arguments[1].IsNull
            ? arguments[1].Values.Select(v => v.Value as string ?? string.Empty).ToEquatableArray()
            : EquatableArray<string>.Empty;
        return new ExecutionPermissionModel(action, resources, NamedString(attribute, "Condition"));
    }

    internal static string? NamedString(AttributeData attribute, string name) =>
        attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value as string;

    internal static bool IsAttribute(AttributeData attribute, string metadataName) =>
        attribute.AttributeClass?.ToDisplayString() == metadataName;

    internal static string FormatJsonValue(TypedConstant value) => value.Value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        string s => new JsonText().Value(s).ToString(),
        int i => i.ToString(CultureInfo.InvariantCulture),
        _ => SymbolDisplay.FormatPrimitive(value.Value, quoteStrings: true, useHexadecimalNumbers: false),
    };
}
