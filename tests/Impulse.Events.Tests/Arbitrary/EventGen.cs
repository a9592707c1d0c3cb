using CsCheck;
using static Impulse.Events.Tests.Arbitrary.ScalarGen;

namespace Impulse.Events.Tests.Arbitrary;

/// <summary>Random built-in events. Every member varies, including ones AWS always sends the same way, since a reader must not care.</summary>
internal static class EventGen
{
    private static readonly Gen<SqsMessageAttribute> SqsAttribute = Gen.Select(Text, Text.Null(), Bytes.Null(), Text.Array[0, 3].Null(), Bytes.Array[0, 3].Null(),
        (dataType, text, binary, texts, binaries) => new SqsMessageAttribute
        {
            DataType = dataType,
            StringValue = text,
            BinaryValue = binary,
            StringListValues = texts,
            BinaryListValues = binaries,
        });

    private static readonly Gen<SqsMessage> SqsMessage = Gen.Select(
        Gen.Select(Text, Text, AnyText, Text, Text.Null()),
        Gen.Select(Text, Text, Text, Text.Dictionary(Text)[0, 4], Text.Dictionary(SqsAttribute)[0, 3]),
        (a, b) => new SqsMessage
        {
            MessageId = a.Item1,
            ReceiptHandle = a.Item2,
            Body = a.Item3,
            Md5OfBody = a.Item4,
            Md5OfMessageAttributes = a.Item5,
            EventSourceArn = b.Item1,
            EventSource = b.Item2,
            AwsRegion = b.Item3,
            Attributes = b.Item4,
            MessageAttributes = b.Item5,
        });

    public static readonly Gen<SqsEvent> Sqs = SqsMessage.Array[0, 4].Select(records => new SqsEvent { Records = records });

    private static readonly Gen<KinesisRecord> KinesisRecord = Gen.Select(Text, Text, Text, Bytes, FiniteDouble, Text.Null(),
        (version, partitionKey, sequence, data, arrival, encryption) => new KinesisRecord
        {
            KinesisSchemaVersion = version,
            PartitionKey = partitionKey,
            SequenceNumber = sequence,
            Data = data,
            ApproximateArrivalTimestamp = arrival,
            EncryptionType = encryption,
        });

    private static readonly Gen<KinesisEventRecord> KinesisEventRecord = Gen.Select(KinesisRecord, Text, Text, Text, Text, Text, Text, Text,
        (kinesis, source, version, id, name, identity, region, arn) => new KinesisEventRecord
        {
            Kinesis = kinesis,
            EventSource = source,
            EventVersion = version,
            EventId = id,
            EventName = name,
            InvokeIdentityArn = identity,
            AwsRegion = region,
            EventSourceArn = arn,
        });

    public static readonly Gen<KinesisEvent> Kinesis = KinesisEventRecord.Array[0, 4].Select(records => new KinesisEvent { Records = records });

    /// <summary>DynamoDB numbers travel as text: decimal text of up to 38 digits, here from any decimal.</summary>
    private static readonly Gen<string> NumberText = AnyDecimal.Select(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>
    /// An attribute value of one DynamoDB type, as AWS sends them; maps and lists hold further values down to
    /// <paramref name="depth"/> levels.
    /// </summary>
    public static Gen<DynamoDbAttributeValue> AttributeValue(int depth)
    {
        var leaves = new List<(int, IGen<DynamoDbAttributeValue>)>
        {
            (3, Text.Select(s => new DynamoDbAttributeValue { S = s })),
            (2, NumberText.Select(n => new DynamoDbAttributeValue { N = n })),
            (2, Bytes.Select(b => new DynamoDbAttributeValue { B = b })),
            (1, Text.Array[0, 4].Select(ss => new DynamoDbAttributeValue { SS = ss })),
            (1, NumberText.Array[0, 4].Select(ns => new DynamoDbAttributeValue { NS = ns })),
            (1, Bytes.Array[0, 3].Select(bs => new DynamoDbAttributeValue { BS = bs })),
            (1, Gen.Const(new DynamoDbAttributeValue { NULL = true })),
            (1, Gen.Bool.Select(b => new DynamoDbAttributeValue { BOOL = b })),
        };
        if (depth > 0)
        {
            var inner = AttributeValue(depth - 1);
            leaves.Add((2, Text.Dictionary(inner)[0, 3].Select(m => new DynamoDbAttributeValue { M = m })));
            leaves.Add((2, inner.Array[0, 3].Select(l => new DynamoDbAttributeValue { L = l })));
        }
        return Gen.Frequency([.. leaves]);
    }

    /// <summary>Items nest attribute values four levels deep at most, which keeps a sample small.</summary>
    private static readonly Gen<Dictionary<string, DynamoDbAttributeValue>> Item = Text.Dictionary(AttributeValue(4))[0, 4];

    private static readonly Gen<DynamoDbStreamRecord> StreamRecord = Gen.Select(FiniteDouble, Item, Item.Null(), Item.Null(), Text, Gen.Long, Text,
        (created, keys, newImage, oldImage, sequence, size, view) => new DynamoDbStreamRecord
        {
            ApproximateCreationDateTime = created,
            Keys = keys,
            NewImage = newImage,
            OldImage = oldImage,
            SequenceNumber = sequence,
            SizeBytes = size,
            StreamViewType = view,
        });

    private static readonly Gen<DynamoDbEventRecord> DynamoDbRecord = Gen.Select(
        Gen.Select(Text, Text, Text, Text, Text),
        Gen.Select(Text, Text, (type, principal) => new DynamoDbUserIdentity { Type = type, PrincipalId = principal }).Null(),
        StreamRecord,
        Text,
        (a, identity, record, arn) => new DynamoDbEventRecord
        {
            EventId = a.Item1,
            EventName = a.Item2,
            EventVersion = a.Item3,
            EventSource = a.Item4,
            AwsRegion = a.Item5,
            UserIdentity = identity,
            DynamoDb = record,
            EventSourceArn = arn,
        });

    public static readonly Gen<DynamoDbEvent> DynamoDb = DynamoDbRecord.Array[0, 3].Select(records => new DynamoDbEvent { Records = records });
}
