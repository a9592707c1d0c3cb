using System.Linq;
using Impulse.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Impulse.Generators.Parsing;

/// <summary>
/// Decides whether a pull-trigger handler takes the whole batch (its event is the envelope type, or it
/// takes no event) or one message, in which case the generated invoker loops over the records.
/// A DynamoDB stream record carries no payload of the user's own, so a per-record DynamoDB handler
/// takes the change record itself (<c>DynamoDbEventRecord</c>).
/// </summary>
internal static class BatchInspector
{
    private const int QueueSource = 0;
    private const int StreamSource = 1;
    private const int DynamoDbStreamSource = 2;

    private const int HttpSource = 0;

    /// <summary>
    /// Whether an HTTP-triggered handler takes a type of its own rather than the request event: then the
    /// generated invoker binds the request's body to it (a <c>string</c> handler gets the body's text).
    /// A <c>JsonElement</c> handler gets the payload as it came, request and all.
    /// </summary>
    public static bool IsHttpBound(IMethodSymbol method, ValueModel? value)
    {
        if (value is null || value.Codec is ValueCodec.JsonElement)
            return false;
        var isRequestEvent = value.Type is "global::" + KnownNames.HttpApiRequest or "global::" + KnownNames.RestApiRequest;
        return !isRequestEvent && method.GetAttributes().Any(a =>
            a.AttributeClass?.ToDisplayString() == KnownNames.PushTriggerAttribute
            && a.ConstructorArguments.Length > 0 && a.ConstructorArguments[0].Value is int source && source == HttpSource);
    }

    public static BatchModel? Inspect(IMethodSymbol method, Compilation compilation, ITypeSymbol? eventType, JsonTypeParser json)
    {
        var trigger = method.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KnownNames.PullTriggerAttribute);
        if (trigger is null || eventType is null || trigger.ConstructorArguments.Length == 0 || trigger.ConstructorArguments[0].Value is not int source)
            return null;

        var (kind, envelopeName) = source switch
        {
            QueueSource => (BatchKind.Queue, KnownNames.SqsEvent),
            StreamSource => (BatchKind.Stream, KnownNames.KinesisEvent),
            DynamoDbStreamSource => (BatchKind.DynamoDbStream, KnownNames.DynamoDbEvent),
            _ => ((BatchKind?)null, (string?)null),
        };
        var envelope = envelopeName is null ? null : compilation.GetTypeByMetadataName(envelopeName);
        var response = compilation.GetTypeByMetadataName(KnownNames.BatchItemFailuresResponse);
        if (kind is null || envelope is null || response is null)
            return null;

        // A handler that takes the envelope itself handles the batch on its own terms.
        var plainType = eventType.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
        if (SymbolEqualityComparer.Default.Equals(plainType, envelope))
            return null;

        // Any other type would read the whole event as something it is not; such a handler keeps the plain
        // invoker, which reads the payload as its own type.
        if (kind == BatchKind.DynamoDbStream && plainType.ToDisplayString() != KnownNames.DynamoDbEventRecord)
            return null;

        var envelopeId = json.Add(envelope);
        var responseId = json.Add(response);
        return envelopeId is null || responseId is null
            ? null
            : new BatchModel(kind.Value, envelope.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), envelopeId, responseId);
    }
}
