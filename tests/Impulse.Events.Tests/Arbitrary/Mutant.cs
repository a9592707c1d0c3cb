using System.Text;
using Impulse.Events.Tests.Infrastructure;

namespace Impulse.Events.Tests.Arbitrary;

/// <summary>What a mutant must do to a generated reader.</summary>
internal enum Expect
{
    /// <summary>Still a whole document of the right shape: the handler runs.</summary>
    Accepted,

    /// <summary>Never a valid event: an <c>Impulse.EventReadError</c> naming a path, and the handler does not run.</summary>
    Rejected,

    /// <summary>Either, depending on where the change landed; never anything else.</summary>
    Either,
}

/// <summary>A changed copy of a sample, with what changed and what the reader must make of it.</summary>
internal sealed record Mutant(string Change, byte[] Payload, Expect Expect)
{
    public override string ToString() => $"{Change} (expect {Expect})\n{Show(Payload)}";

    /// <summary>The payload as text, with bytes that are not UTF-8 shown as <c>\xNN</c>.</summary>
    public static string Show(byte[] payload)
    {
        var text = new StringBuilder();
        var rest = payload.AsSpan();
        while (!rest.IsEmpty)
        {
            var status = System.Text.Rune.DecodeFromUtf8(rest, out var rune, out var consumed);
            if (status == System.Buffers.OperationStatus.Done)
                text.Append(rune.ToString());
            else
                foreach (var b in rest[..consumed])
                    text.Append($"\\x{b:X2}");
            rest = rest[consumed..];
        }
        return text.ToString();
    }
}

/// <summary>The three byte-level changes.</summary>
internal enum ByteEditKind
{
    Flip,
    Insert,
    Delete,
}

/// <summary>One byte-level change, drawn against the sample and applied to any payload with its offset clamped to fit.</summary>
internal sealed record ByteEdit(ByteEditKind Kind, int At, int Count, byte[] Bytes)
{
    public byte[] Apply(byte[] payload)
    {
        switch (Kind)
        {
            case ByteEditKind.Flip when payload.Length > 0:
                var flipped = (byte[])payload.Clone();
                flipped[Math.Min(At, payload.Length - 1)] ^= Bytes[0];
                return flipped;
            case ByteEditKind.Insert:
                return JsonTokens.Splice(payload, Math.Min(At, payload.Length), 0, Bytes);
            case ByteEditKind.Delete when payload.Length > 0:
                var at = Math.Min(At, payload.Length - 1);
                return JsonTokens.Splice(payload, at, Math.Min(Count, payload.Length - at), []);
            default:
                return payload;
        }
    }

    public override string ToString() => Kind switch
    {
        ByteEditKind.Flip => $"byte {At} xor 0x{Bytes[0]:X2}",
        ByteEditKind.Insert => $"inserted {Convert.ToHexString(Bytes)} at byte {At}",
        _ => $"deleted {Count} byte(s) at {At}",
    };
}
