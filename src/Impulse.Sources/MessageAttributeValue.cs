namespace Impulse.Sources;

/// <summary>
/// A custom message attribute as SQS types it: a <c>String</c>, <c>Number</c> or <c>Binary</c> data type
/// (optionally with a custom suffix such as <c>Number.int</c>) and a text or binary value.
/// </summary>
public sealed class MessageAttributeValue
{
    /// <summary>The data type, for example <c>String</c>, <c>Number</c> or <c>Binary</c>.</summary>
    public required string DataType { get; init; }

    /// <summary>The value of a <c>String</c> or <c>Number</c> attribute; null for a binary one.</summary>
    public string? StringValue { get; init; }

    /// <summary>The value of a <c>Binary</c> attribute; null for a text one.</summary>
    public byte[]? BinaryValue { get; init; }

    /// <summary>A <c>String</c> attribute.</summary>
    public static MessageAttributeValue String(string value) => new() { DataType = "String", StringValue = value };

    /// <summary>A <c>Number</c> attribute, kept as the text the sender wrote, as SQS does.</summary>
    public static MessageAttributeValue Number(string value) => new() { DataType = "Number", StringValue = value };

    /// <summary>A <c>Binary</c> attribute.</summary>
    public static MessageAttributeValue Binary(byte[] value) => new() { DataType = "Binary", BinaryValue = value };
}
