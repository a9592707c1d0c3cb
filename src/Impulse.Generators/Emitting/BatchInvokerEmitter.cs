using Impulse.Generators.Model;

namespace Impulse.Generators.Emitting;

/// <summary>
/// Emits the invoker of a pull-trigger handler that takes one message: read the batch, call the
/// handler per record, and answer with <c>batchItemFailures</c> so only failed records come back.
/// A queue reports every failed message; a stream (Kinesis or DynamoDB) stops at its first failure,
/// which becomes the checkpoint Lambda retries from, so records stay in order.
/// </summary>
internal static class BatchInvokerEmitter
{
    private const string Failure = "global::Impulse.Events.BatchItemFailure";
    private const string Response = "global::Impulse.Events.BatchItemFailuresResponse";

    public static void Emit(SourceWriter writer, HandlerModel handler, BatchModel batch)
    {
        var stream = batch.Kind is BatchKind.Stream or BatchKind.DynamoDbStream;
        writer.Line("public override async global::System.Threading.Tasks.ValueTask InvokeAsync(global::System.ReadOnlyMemory<byte> payload, global::System.Buffers.IBufferWriter<byte> result, global::Impulse.FunctionContext context, global::System.IServiceProvider services)");
        using (writer.Braces())
        {
            writer.Line($"var batch = {GeneratedNames.Json}.ReadWith(payload.Span, {JsonNames.QualifiedRead(batch.EnvelopeId)}, false);");
            var target = InvokerEmitter.EmitTarget(writer, handler);
            writer.Line($"var failures = new global::System.Collections.Generic.List<{Failure}>();");
            writer.Line("foreach (var record in batch.Records)");
            using (writer.Braces())
            {
                writer.Line($"var id = {ItemIdentifier(batch.Kind)};");
                writer.Line("if (context.CancellationToken.IsCancellationRequested)");
                using (writer.Braces())
                {
                    // Records the deadline left untouched are failures too, so the source delivers them again.
                    writer.Line($"failures.Add(new {Failure} {{ ItemIdentifier = id }});");
                    writer.Line(stream ? "break;" : "continue;");
                }
                writer.Line("try");
                using (writer.Braces())
                {
                    writer.Line($"var @event = {ReadRecord(handler.Event!, batch.Kind)};");
                    var call = InvokerEmitter.Call(handler, target);
                    writer.Line(handler.Return is ReturnShape.Void or ReturnShape.Value ? call + ";" : $"await {call}.ConfigureAwait(false);");
                }
                writer.Line("catch (global::System.Exception e)");
                using (writer.Braces())
                {
                    writer.Line("global::Impulse.Dispatch.BatchItems.LogFailure(context, id, e);");
                    writer.Line($"failures.Add(new {Failure} {{ ItemIdentifier = id }});");
                    if (stream)
                        writer.Line("break;");
                }
            }
            writer.Line($"{GeneratedNames.Json}.WriteWith<{Response}>(result, new {Response} {{ BatchItemFailures = failures }}, {JsonNames.QualifiedWrite(batch.ResponseId)});");
        }
    }

    /// <summary>What <c>batchItemFailures</c> names a record by: a message id, or a sequence number as the checkpoint.</summary>
    private static string ItemIdentifier(BatchKind kind) => kind switch
    {
        BatchKind.Stream => "record.Kinesis.SequenceNumber",
        BatchKind.DynamoDbStream => "record.DynamoDb.SequenceNumber",
        _ => "record.MessageId",
    };

    /// <summary>
    /// A queue message's body is text; a Kinesis record's data is bytes. A string handler gets either as it came.
    /// A DynamoDB change has no payload of its own, so its handler takes the record that the envelope already read.
    /// </summary>
    private static string ReadRecord(ValueModel value, BatchKind kind)
    {
        if (kind == BatchKind.DynamoDbStream)
            return "record";
        var stream = kind == BatchKind.Stream;
        if (value.Codec == ValueCodec.String)
            return stream ? "global::System.Text.Encoding.UTF8.GetString(record.Kinesis.Data)" : "record.Body";
        var bytes = stream ? "new global::System.ReadOnlyMemory<byte>(record.Kinesis.Data)" : "new global::System.ReadOnlyMemory<byte>(global::System.Text.Encoding.UTF8.GetBytes(record.Body))";
        return InvokerEmitter.ReadExpression(value, bytes);
    }
}
