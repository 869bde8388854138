using Hub.Abstractions;
using Hub.Integrations.Workers;

namespace Hub.Integrations.Domain;

/// <summary>Where a timer is in its life; stored as text.</summary>
internal enum DurableTimerStatus
{
    Pending,
    Fired,
    Cancelled,
    Failed,
}

/// <summary>
/// One timer. Written by the tenant's unit of work; fired by the cross-tenant worker, which claims it with a lease and
/// marks it fired with a conditional update in the same transaction as the handler's work.
/// </summary>
internal sealed class DurableTimer : ITenantOwned, ILeasedRow
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public string Kind { get; set; } = "";

    public string Subject { get; set; } = "";

    public string? Payload { get; set; }

    public DurableTimerStatus Status { get; set; }

    public DateTime DueAt { get; set; }

    /// <summary>When the worker may next try (the due time, later after a failed attempt).</summary>
    public DateTime NextAttemptAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? FiredAt { get; set; }

    /// <summary>The claim (node and batch) that may fire this timer until <see cref="LeaseExpiresAt"/>.</summary>
    public string? LeaseOwner { get; set; }

    public DateTime? LeaseExpiresAt { get; set; }
}
