using Hub.Abstractions;
using Hub.Integrations.Workers;

namespace Hub.Integrations.Domain;

/// <summary>Where a queued e-mail is in its life; stored as text so the table reads well in a database console.</summary>
internal enum OutgoingEmailStatus
{
    Queued,
    Sent,
    Failed,
}

/// <summary>
/// One e-mail in the outbox. Written by the tenant's unit of work (so it commits with it); from then on only the
/// cross-tenant dispatcher changes it, with conditional updates that also hold the lease.
/// </summary>
internal sealed class OutgoingEmailMessage : ITenantOwned, ILeasedRow
{
    private OutgoingEmailMessage()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; set; }

    public string To { get; private set; } = "";

    /// <summary>The tenant's display name when the message was queued: the From display name.</summary>
    public string SenderName { get; private set; } = "";

    public string Subject { get; private set; } = "";

    public string TextBody { get; private set; } = "";

    public string? HtmlBody { get; private set; }

    public string Language { get; private set; } = "sv";

    /// <summary>Fixed at enqueue so every attempt carries the same Message-Id and a receiver can drop a repeat.</summary>
    public string MessageId { get; private set; } = "";

    public OutgoingEmailStatus Status { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime NextAttemptAt { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    public DateTime? SentAt { get; private set; }

    public DateTime? FailedAt { get; private set; }

    /// <summary>The claim (node and batch) that may send this message until <see cref="LeaseExpiresAt"/>.</summary>
    public string? LeaseOwner { get; private set; }

    public DateTime? LeaseExpiresAt { get; private set; }

    public static OutgoingEmailMessage Queue(
        string to, string senderName, string subject, string textBody, string? htmlBody, string language, string messageIdDomain, DateTime now)
    {
        var id = Guid.CreateVersion7(now);
        return new OutgoingEmailMessage
        {
            Id = id,
            To = to,
            SenderName = senderName,
            Subject = subject,
            TextBody = textBody,
            HtmlBody = htmlBody,
            Language = language,
            MessageId = $"{id:N}@{messageIdDomain}",
            Status = OutgoingEmailStatus.Queued,
            CreatedAt = now,
            NextAttemptAt = now,
        };
    }
}
