namespace Hub.Integrations.Contracts;

/// <summary>
/// Timers of the current tenant that survive restarts: a row written in the current unit of work (the scope's shared
/// connection and transaction), fired once when due by a background worker on any node. An SLA reminder, an
/// escalation, a retention run: whatever the handler for its <see cref="TimerRequest.Kind"/> does.
/// </summary>
public interface IDurableTimers
{
    /// <summary>
    /// Sets the timer (<paramref name="request"/>'s kind and subject) to fire at its due time; a pending timer of the
    /// same kind and subject is replaced, so rescheduling moves it rather than adding a second one.
    /// </summary>
    Task ScheduleAsync(TimerRequest request, CancellationToken cancellationToken = default);

    /// <summary>Cancels the pending timer of this kind and subject, if any; returns whether one was pending.</summary>
    Task<bool> CancelAsync(string kind, string subject, CancellationToken cancellationToken = default);
}

/// <summary>A timer to set.</summary>
/// <param name="Kind">Which handler fires it, e.g. <c>cases.sla-reminder</c> (letters, digits, <c>.</c>, <c>-</c>; at most 64).</param>
/// <param name="Subject">What it is about, e.g. a case id (at most 200 characters).</param>
/// <param name="DueAt">When it fires (at the earliest; the worker polls).</param>
/// <param name="Payload">Optional data for the handler (at most 4,000 characters), e.g. JSON.</param>
public sealed record TimerRequest(string Kind, string Subject, DateTimeOffset DueAt, string? Payload = null);

/// <summary>
/// Fires timers of one kind; registered as a scoped service (<c>services.AddScoped&lt;ITimerHandler, MyHandler&gt;()</c>).
/// It runs in a scope of the timer's tenant inside a transaction on the scope's shared
/// connection (<c>HubConnection</c>): what it writes (through contexts enlisted in that transaction, e-mail through
/// <see cref="IEmailOutbox"/>, further timers) commits together with the timer being marked fired, or not at all.
/// With several nodes a timer fires on one of them only. If the handler throws, the timer is tried again later.
/// </summary>
public interface ITimerHandler
{
    /// <summary>The <see cref="TimerRequest.Kind"/> this handler fires.</summary>
    string Kind { get; }

    /// <summary>Does what the timer is for.</summary>
    Task FireAsync(FiredTimer timer, CancellationToken cancellationToken);
}

/// <summary>A timer being fired.</summary>
/// <param name="Kind">Its kind.</param>
/// <param name="Subject">What it is about.</param>
/// <param name="DueAt">When it was due.</param>
/// <param name="Payload">The data given when it was set.</param>
/// <param name="Attempt">1 on the first try, more after a handler failed.</param>
public sealed record FiredTimer(string Kind, string Subject, DateTimeOffset DueAt, string? Payload, int Attempt);
