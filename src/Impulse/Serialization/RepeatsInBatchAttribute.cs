namespace Impulse.Serialization;

/// <summary>
/// Marks a string property of a built-in event record whose value is the same in every record of a batch
/// by definition (the event source, its ARN, the Region: one event source mapping reads one source).
/// Generated readers of a list of such records reuse the string read for the previous record when the
/// bytes are equal, instead of making an identical string per record.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
internal sealed class RepeatsInBatchAttribute : Attribute;
