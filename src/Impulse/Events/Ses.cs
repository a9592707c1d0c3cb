using System.Text.Json.Serialization;

namespace Impulse.Events;

/// <summary>An email Amazon SES received, sent to a function by a receipt rule's Lambda action.</summary>
public sealed record SesEvent
{
    /// <summary>The received emails; SES sends one per invocation.</summary>
    [JsonPropertyName("Records")]
    public IReadOnlyList<SesEventRecord> Records { get; init; } = [];
}

/// <summary>One record of an <see cref="SesEvent"/>.</summary>
public sealed record SesEventRecord
{
    /// <summary>The version of the record format.</summary>
    [JsonPropertyName("eventVersion")]
    public string EventVersion { get; init; } = "";

    /// <summary>The event source, always <c>aws:ses</c>.</summary>
    [JsonPropertyName("eventSource")]
    public string EventSource { get; init; } = "";

    /// <summary>The email and what SES decided about it.</summary>
    [JsonPropertyName("ses")]
    public SesMessage Ses { get; init; } = new();
}

/// <summary>The <c>ses</c> part of an SES record: the mail and its receipt.</summary>
public sealed record SesMessage
{
    /// <summary>The email's envelope and headers (its body is not included).</summary>
    [JsonPropertyName("mail")]
    public SesMail Mail { get; init; } = new();

    /// <summary>The receipt rule's verdicts and action.</summary>
    [JsonPropertyName("receipt")]
    public SesReceipt Receipt { get; init; } = new();
}

/// <summary>The envelope and headers of an email SES received.</summary>
public sealed record SesMail
{
    /// <summary>When SES received the email.</summary>
    [JsonPropertyName("timestamp")]
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>The envelope sender (<c>MAIL FROM</c>).</summary>
    [JsonPropertyName("source")]
    public string Source { get; init; } = "";

    /// <summary>The id SES assigned to the email.</summary>
    [JsonPropertyName("messageId")]
    public string MessageId { get; init; } = "";

    /// <summary>The envelope recipients (<c>RCPT TO</c>).</summary>
    [JsonPropertyName("destination")]
    public IReadOnlyList<string> Destination { get; init; } = [];

    /// <summary>Whether SES cut the header list short because it was too large.</summary>
    [JsonPropertyName("headersTruncated")]
    public bool HeadersTruncated { get; init; }

    /// <summary>The email's headers, in order.</summary>
    [JsonPropertyName("headers")]
    public IReadOnlyList<SesHeader> Headers { get; init; } = [];

    /// <summary>The commonly used headers, parsed.</summary>
    [JsonPropertyName("commonHeaders")]
    public SesCommonHeaders CommonHeaders { get; init; } = new();
}

/// <summary>One email header.</summary>
public sealed record SesHeader
{
    /// <summary>The header name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    /// <summary>The header value.</summary>
    [JsonPropertyName("value")]
    public string Value { get; init; } = "";
}

/// <summary>The commonly used headers of an email; each is absent when the email lacks it.</summary>
public sealed record SesCommonHeaders
{
    /// <summary>The <c>Return-Path</c> header.</summary>
    [JsonPropertyName("returnPath")]
    public string? ReturnPath { get; init; }

    /// <summary>The <c>From</c> header's addresses.</summary>
    [JsonPropertyName("from")]
    public IReadOnlyList<string>? From { get; init; }

    /// <summary>The <c>Sender</c> header's addresses.</summary>
    [JsonPropertyName("sender")]
    public IReadOnlyList<string>? Sender { get; init; }

    /// <summary>The <c>Reply-To</c> header's addresses.</summary>
    [JsonPropertyName("replyTo")]
    public IReadOnlyList<string>? ReplyTo { get; init; }

    /// <summary>The <c>To</c> header's addresses.</summary>
    [JsonPropertyName("to")]
    public IReadOnlyList<string>? To { get; init; }

    /// <summary>The <c>Cc</c> header's addresses.</summary>
    [JsonPropertyName("cc")]
    public IReadOnlyList<string>? Cc { get; init; }

    /// <summary>The <c>Bcc</c> header's addresses.</summary>
    [JsonPropertyName("bcc")]
    public IReadOnlyList<string>? Bcc { get; init; }

    /// <summary>The <c>Date</c> header, as written (RFC 5322 text).</summary>
    [JsonPropertyName("date")]
    public string? Date { get; init; }

    /// <summary>The <c>Message-ID</c> header.</summary>
    [JsonPropertyName("messageId")]
    public string? MessageId { get; init; }

    /// <summary>The <c>Subject</c> header.</summary>
    [JsonPropertyName("subject")]
    public string? Subject { get; init; }
}

/// <summary>What SES concluded about a received email and which action invoked the function.</summary>
public sealed record SesReceipt
{
    /// <summary>When the receipt rule's action ran.</summary>
    [JsonPropertyName("timestamp")]
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>The recipients the receipt rule matched.</summary>
    [JsonPropertyName("recipients")]
    public IReadOnlyList<string> Recipients { get; init; } = [];

    /// <summary>How long SES took to process the email, in milliseconds.</summary>
    [JsonPropertyName("processingTimeMillis")]
    public long ProcessingTimeMillis { get; init; }

    /// <summary>The spam scan result.</summary>
    [JsonPropertyName("spamVerdict")]
    public SesVerdict SpamVerdict { get; init; } = new();

    /// <summary>The virus scan result.</summary>
    [JsonPropertyName("virusVerdict")]
    public SesVerdict VirusVerdict { get; init; } = new();

    /// <summary>The Sender Policy Framework (SPF) check result.</summary>
    [JsonPropertyName("spfVerdict")]
    public SesVerdict SpfVerdict { get; init; } = new();

    /// <summary>The DomainKeys Identified Mail (DKIM) check result.</summary>
    [JsonPropertyName("dkimVerdict")]
    public SesVerdict DkimVerdict { get; init; } = new();

    /// <summary>The DMARC check result.</summary>
    [JsonPropertyName("dmarcVerdict")]
    public SesVerdict DmarcVerdict { get; init; } = new();

    /// <summary>The sending domain's DMARC policy (<c>none</c>, <c>quarantine</c> or <c>reject</c>); present only when the DMARC check failed.</summary>
    [JsonPropertyName("dmarcPolicy")]
    public string? DmarcPolicy { get; init; }

    /// <summary>The receipt rule action that invoked the function.</summary>
    [JsonPropertyName("action")]
    public SesReceiptAction Action { get; init; } = new();
}

/// <summary>The result of one SES check.</summary>
public sealed record SesVerdict
{
    /// <summary>The result: <c>PASS</c>, <c>FAIL</c>, <c>GRAY</c> or <c>PROCESSING_FAILED</c>.</summary>
    [JsonPropertyName("status")]
    public string Status { get; init; } = "";
}

/// <summary>The receipt rule action that invoked a function.</summary>
public sealed record SesReceiptAction
{
    /// <summary>The action type, <c>Lambda</c>.</summary>
    [JsonPropertyName("type")]
    public string Type { get; init; } = "";

    /// <summary>How SES invoked the function: <c>Event</c> (asynchronously) or <c>RequestResponse</c>.</summary>
    [JsonPropertyName("invocationType")]
    public string? InvocationType { get; init; }

    /// <summary>The ARN of the function the action invoked.</summary>
    [JsonPropertyName("functionArn")]
    public string? FunctionArn { get; init; }
}
