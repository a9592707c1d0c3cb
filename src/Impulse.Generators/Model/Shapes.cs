namespace Impulse.Generators.Model;

/// <summary>What a handler parameter receives.</summary>
internal enum ParameterRole
{
    Event,
    Context,
    CancellationToken,
}

/// <summary>The forms of handler return type Impulse supports.</summary>
internal enum ReturnShape
{
    Void,
    Value,
    Task,
    TaskOfValue,
    ValueTask,
    ValueTaskOfValue,
}

/// <summary>How an event or result is read and written.</summary>
internal enum ValueCodec
{
    /// <summary>A JSON string, read and written by the runtime.</summary>
    String,
    /// <summary>Any JSON, passed through as a <c>JsonElement</c>.</summary>
    JsonElement,
    /// <summary>Through a user <c>JsonSerializerContext</c>.</summary>
    SerializerContext,
    /// <summary>Through the reader and writer Impulse generates.</summary>
    Generated,
}

/// <summary>How generated code disposes an instance it built.</summary>
internal enum Disposal
{
    None,
    Dispose,
    DisposeAsync,
}
