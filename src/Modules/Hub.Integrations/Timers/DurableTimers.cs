using System.Text.RegularExpressions;
using Hub.Abstractions;
using Hub.Data;
using Hub.Integrations.Contracts;
using Hub.Integrations.Data;
using Hub.Integrations.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Integrations.Timers;

/// <summary><c>Hub:Timers</c>: how the timer worker polls, retries and leases.</summary>
internal sealed class TimerOptions
{
    public const string Section = "Hub:Timers";

    /// <summary>The longest the worker sleeps between looks for due timers (default 5 s).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Timers claimed per pass (default 50).</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>How long a node's claim lasts before another node may take the timer (default 5 minutes).</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Failed handler runs before the timer is given up as failed (default 8).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failure, doubled after each further one (default 1 minute, at most 2 hours).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>Writes timers as rows of the current tenant in the scope's unit of work (see <see cref="IDurableTimers"/>).</summary>
internal sealed partial class DurableTimers(IServiceProvider services, HubConnection connection, ITenantContext tenantContext, TimeProvider clock)
    : IDurableTimers
{
    private IntegrationsDbContext? context;

    // Resolved on first use: a request that sets no timer (a submission to a service without an SLA) creates no DbContext for it.
    private IntegrationsDbContext Db => context ??= services.GetRequiredService<IntegrationsDbContext>();

    public async Task ScheduleAsync(TimerRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request.Kind, request.Subject);
        if (request.Payload is { Length: > 4000 })
        {
            throw new ArgumentException("A timer's payload is at most 4,000 characters.", nameof(request));
        }

        var tenant = tenantContext.Tenant ?? throw new InvalidOperationException("Timers are set inside a tenant.");
        await connection.FollowAsync(Db, cancellationToken);
        await Pending(request.Kind, request.Subject)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, DurableTimerStatus.Cancelled), cancellationToken);
        var due = request.DueAt.UtcDateTime;
        Db.Timers.Add(new DurableTimer
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenant.Id,
            Kind = request.Kind,
            Subject = request.Subject,
            Payload = request.Payload,
            Status = DurableTimerStatus.Pending,
            DueAt = due,
            NextAttemptAt = due,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await Db.SaveChangesAsync(cancellationToken);
    }

    public async Task<bool> CancelAsync(string kind, string subject, CancellationToken cancellationToken = default)
    {
        Validate(kind, subject);
        _ = tenantContext.Tenant ?? throw new InvalidOperationException("Timers are cancelled inside a tenant.");
        await connection.FollowAsync(Db, cancellationToken);
        return await Pending(kind, subject)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, DurableTimerStatus.Cancelled), cancellationToken) > 0;
    }

    /// <summary>The tenant's pending timer of this kind and subject (the query filter keeps it in the tenant).</summary>
    private IQueryable<DurableTimer> Pending(string kind, string subject) =>
        Db.Timers.Where(t => t.Kind == kind && t.Subject == subject && t.Status == DurableTimerStatus.Pending);

    internal static void Validate(string kind, string subject)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(subject);
        if (!KindPattern().IsMatch(kind))
        {
            throw new ArgumentException($"'{kind}' is not a timer kind (letters, digits, '.', '-'; at most 64).", nameof(kind));
        }

        if (subject.Length is 0 or > 200)
        {
            throw new ArgumentException("A timer's subject is 1–200 characters.", nameof(subject));
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{0,63}$")]
    private static partial Regex KindPattern();
}
