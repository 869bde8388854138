namespace Hub.Audit.Contracts;

/// <summary>
/// The tenant's audit trail: who did what to which thing, when. An event is written in the caller's unit of work (the
/// scope's shared connection and transaction), so it exists exactly when the change it records does; once written it
/// can be neither changed nor removed (the database refuses both). Events carry ids, not personal data, so they can
/// outlive a case's retention.
/// </summary>
public interface IAuditTrail
{
    /// <summary>Records <paramref name="entry"/> for the current tenant.</summary>
    Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records that someone read <paramref name="entry"/>'s subject (e.g. <c>case.viewed</c>): an event with no change
    /// to go with, so not in the caller's unit of work but in a transaction of its own, shared with other reads
    /// recorded at the same moment. Returns once the event is committed. Inside a transaction the caller began, it is
    /// written in that transaction, as <see cref="RecordAsync"/> does.
    /// </summary>
    Task RecordReadAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>The tenant's events about one subject, oldest first.</summary>
    Task<IReadOnlyList<AuditEvent>> ForSubjectAsync(string subjectType, string subjectId, CancellationToken cancellationToken = default);
}

/// <summary>An event to record.</summary>
/// <param name="Action">What happened, e.g. <c>case.viewed</c>, <c>package.approved</c> (lower case, dots and dashes; at most 64).</param>
/// <param name="SubjectType">The kind of thing, e.g. <c>case</c>, <c>package</c> (at most 64).</param>
/// <param name="SubjectId">Which one, e.g. a case id (at most 200).</param>
/// <param name="Actor">Who: a staff user id, <c>citizen:{hash}</c> or <c>system</c> (at most 200).</param>
/// <param name="Details">Optional facts without personal data, e.g. JSON with a transition's states (at most 4,000).</param>
public sealed record AuditEntry(string Action, string SubjectType, string SubjectId, string Actor, string? Details = null);

/// <summary>A recorded event.</summary>
/// <param name="Id">Its id (time-ordered).</param>
/// <param name="At">When it was recorded.</param>
/// <param name="Action">What happened.</param>
/// <param name="SubjectType">The kind of thing.</param>
/// <param name="SubjectId">Which one.</param>
/// <param name="Actor">Who.</param>
/// <param name="Details">Optional facts.</param>
public sealed record AuditEvent(Guid Id, DateTimeOffset At, string Action, string SubjectType, string SubjectId, string Actor, string? Details);
