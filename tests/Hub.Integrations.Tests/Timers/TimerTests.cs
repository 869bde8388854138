using System.Collections.Concurrent;
using System.Diagnostics;
using Hub.Abstractions;
using Hub.Data;
using Hub.Integrations.Contracts;
using Hub.Integrations.Data;
using Hub.Integrations.Domain;
using Hub.Integrations.Tests.Support;
using Hub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace Hub.Integrations.Tests.Timers;

/// <summary>Durable timers: fire once when due, move when rescheduled, go when cancelled or rolled back, retry, and fire once across nodes.</summary>
public abstract class TimerTests(DatabaseProvider provider, ITestOutputHelper output) : IAsyncLifetime
{
    private const string Kind = "test.remind";
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(provider);

    public Task DisposeAsync() => database.DisposeAsync().AsTask();

    [Fact]
    public async Task A_timer_fires_once_when_due_and_not_before()
    {
        var clock = new FakeTimeProvider(Start);
        var fired = new Recorder();
        await using var node = await NodeAsync(clock, fired);
        var tenant = EmailNode.NewTenant();
        await ScheduleAsync(node, tenant, new TimerRequest(Kind, "case-1", Start.AddDays(3), "{\"level\":1}"));

        await node.Timers.RunDueAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromDays(3) - TimeSpan.FromSeconds(1));
        await node.Timers.RunDueAsync(CancellationToken.None);
        Assert.Empty(fired.All);

        clock.Advance(TimeSpan.FromSeconds(1));
        await node.Timers.RunDueAsync(CancellationToken.None);
        await node.Timers.RunDueAsync(CancellationToken.None);

        var once = Assert.Single(fired.All);
        Assert.Equal(("case-1", "{\"level\":1}", 1, tenant.Id), (once.Timer.Subject, once.Timer.Payload, once.Timer.Attempt, once.TenantId));
        Assert.Equal(Start.AddDays(3), once.Timer.DueAt);
        var row = Assert.Single(await RowsAsync(node));
        Assert.Equal(DurableTimerStatus.Fired, row.Status);
    }

    [Fact]
    public async Task Rescheduling_moves_the_timer_and_cancelling_removes_it()
    {
        var clock = new FakeTimeProvider(Start);
        var fired = new Recorder();
        await using var node = await NodeAsync(clock, fired);
        var tenant = EmailNode.NewTenant();
        await ScheduleAsync(node, tenant, new TimerRequest(Kind, "moved", Start.AddHours(1)));
        await ScheduleAsync(node, tenant, new TimerRequest(Kind, "moved", Start.AddHours(2)));
        await ScheduleAsync(node, tenant, new TimerRequest(Kind, "cancelled", Start.AddHours(1)));
        await using (var scope = node.Scope(tenant))
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<IDurableTimers>().CancelAsync(Kind, "cancelled"));
            Assert.False(await scope.ServiceProvider.GetRequiredService<IDurableTimers>().CancelAsync(Kind, "never-set"));
        }

        clock.Advance(TimeSpan.FromHours(1));
        await node.Timers.RunDueAsync(CancellationToken.None);
        Assert.Empty(fired.All);

        clock.Advance(TimeSpan.FromHours(1));
        await node.Timers.RunDueAsync(CancellationToken.None);
        Assert.Equal(["moved"], fired.All.Select(f => f.Timer.Subject));
    }

    [Fact]
    public async Task A_timer_set_in_a_rolled_back_transaction_never_fires()
    {
        var clock = new FakeTimeProvider(Start);
        var fired = new Recorder();
        await using var node = await NodeAsync(clock, fired);
        var tenant = EmailNode.NewTenant();
        await using (var scope = node.Scope(tenant))
        {
            var connection = scope.ServiceProvider.GetRequiredService<HubConnection>();
            await using var transaction = await connection.BeginTransactionAsync();
            await scope.ServiceProvider.GetRequiredService<IDurableTimers>().ScheduleAsync(new TimerRequest(Kind, "undone", Start));
            await transaction.RollbackAsync();
            connection.EndTransaction();
        }

        await node.Timers.RunDueAsync(CancellationToken.None);
        Assert.Empty(fired.All);
        Assert.Empty(await RowsAsync(node));
    }

    [Fact]
    public async Task Another_tenant_cannot_cancel_or_see_a_timer()
    {
        var clock = new FakeTimeProvider(Start);
        var fired = new Recorder();
        await using var node = await NodeAsync(clock, fired);
        var (own, other) = (EmailNode.NewTenant("Tyresö kommun"), EmailNode.NewTenant("Mjölby kommun"));
        await ScheduleAsync(node, own, new TimerRequest(Kind, "shared-subject", Start));
        await using (var scope = node.Scope(other))
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<IDurableTimers>().CancelAsync(Kind, "shared-subject"));
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>().Timers.ToListAsync());
            // Setting the same kind and subject in another tenant does not replace the first tenant's timer.
            await scope.ServiceProvider.GetRequiredService<IDurableTimers>().ScheduleAsync(new TimerRequest(Kind, "shared-subject", Start.AddDays(1)));
        }

        await node.Timers.RunDueAsync(CancellationToken.None);
        var only = Assert.Single(fired.All);
        Assert.Equal(own.Id, only.TenantId);
    }

    [Fact]
    public async Task A_failing_handler_is_retried_later_and_its_work_is_rolled_back()
    {
        var clock = new FakeTimeProvider(Start);
        var fired = new Recorder { FailuresLeft = 2 };
        await using var node = await NodeAsync(clock, fired, ("Hub:Timers:RetryBaseDelay", "00:01:00"));
        var tenant = EmailNode.NewTenant();
        await ScheduleAsync(node, tenant, new TimerRequest(Kind, "flaky", Start));

        await node.Timers.RunDueAsync(CancellationToken.None);
        var row = Assert.Single(await RowsAsync(node));
        Assert.Equal((DurableTimerStatus.Pending, 1, Start.UtcDateTime.AddMinutes(1)), (row.Status, row.Attempts, row.NextAttemptAt));
        Assert.Contains("flaky on purpose", row.LastError, StringComparison.Ordinal);

        await node.Timers.RunDueAsync(CancellationToken.None); // not yet due again
        clock.Advance(TimeSpan.FromMinutes(1));
        await node.Timers.RunDueAsync(CancellationToken.None); // second failure: next try two minutes on
        clock.Advance(TimeSpan.FromMinutes(2));
        await node.Timers.RunDueAsync(CancellationToken.None);

        Assert.Equal(3, fired.Calls);
        Assert.Equal([3], fired.All.Select(f => f.Timer.Attempt));
        // The failed attempts queued e-mail too; only the successful one's remains.
        Assert.Single(await node.AllRowsAsync());
        Assert.Equal(DurableTimerStatus.Fired, Assert.Single(await RowsAsync(node)).Status);
    }

    [Fact]
    public async Task A_timer_of_an_unknown_kind_is_marked_failed_not_retried_forever()
    {
        var clock = new FakeTimeProvider(Start);
        await using var node = await NodeAsync(clock, new Recorder());
        await ScheduleAsync(node, EmailNode.NewTenant(), new TimerRequest("nobody.handles", "x", Start));

        await node.Timers.RunDueAsync(CancellationToken.None);

        var row = Assert.Single(await RowsAsync(node));
        Assert.Equal(DurableTimerStatus.Failed, row.Status);
        Assert.Contains("No handler", row.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_timers_are_refused()
    {
        await using var node = await NodeAsync(new FakeTimeProvider(Start), new Recorder());
        await using var scope = node.Scope(EmailNode.NewTenant());
        var timers = scope.ServiceProvider.GetRequiredService<IDurableTimers>();
        await Assert.ThrowsAsync<ArgumentException>(() => timers.ScheduleAsync(new TimerRequest("Bad Kind!", "x", Start)));
        await Assert.ThrowsAsync<ArgumentException>(() => timers.ScheduleAsync(new TimerRequest(Kind, "", Start)));
        await Assert.ThrowsAsync<ArgumentException>(() => timers.ScheduleAsync(new TimerRequest(Kind, "x", Start, new string('x', 4001))));
        await using var outside = node.Scope(null);
        await Assert.ThrowsAsync<InvalidOperationException>(() => outside.ServiceProvider.GetRequiredService<IDurableTimers>().ScheduleAsync(new TimerRequest(Kind, "x", Start)));
    }

    [Fact]
    public async Task Two_nodes_on_one_database_fire_every_timer_exactly_once()
    {
        const int count = 120;
        var fired = new Recorder();
        var settings = new[] { ("Hub:Timers:PollInterval", "00:00:00.100"), ("Hub:Timers:BatchSize", "7") };
        await using var first = await NodeAsync(TimeProvider.System, fired, start: true, settings);
        await using var second = await NodeAsync(TimeProvider.System, fired, start: true, settings);
        var tenants = new[] { EmailNode.NewTenant("Tyresö kommun"), EmailNode.NewTenant("Sundsvalls kommun") };
        foreach (var tenant in tenants)
        {
            // Both nodes know both tenants, as every node of a hub does.
            await using var a = first.Scope(tenant);
            await using var b = second.Scope(tenant);
        }

        var now = DateTimeOffset.UtcNow;
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            await ScheduleAsync(i % 2 == 0 ? first : second, tenants[i % 2], new TimerRequest(Kind, $"case-{i}", now)));

        var watch = Stopwatch.StartNew();
        while ((await RowsAsync(first)).Any(r => r.Status != DurableTimerStatus.Fired))
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(90), "Timed out waiting for every timer to fire.");
            await Task.Delay(100);
        }

        output.WriteLine($"Handler calls: {fired.Calls}; e-mail rows: {(await first.AllRowsAsync()).Count}");
        Assert.Equal(count, fired.All.Count);
        Assert.Equal(count, fired.All.Select(f => f.Timer.Subject).Distinct().Count());
        var mails = await first.AllRowsAsync();
        Assert.Equal(count, mails.Count);
        Assert.Equal(count, mails.Select(m => m.Subject).Distinct().Count());
    }

    private static async Task ScheduleAsync(EmailNode node, TenantSnapshot tenant, TimerRequest request)
    {
        await using var scope = node.Scope(tenant);
        await scope.ServiceProvider.GetRequiredService<IDurableTimers>().ScheduleAsync(request);
    }

    private static async Task<List<DurableTimer>> RowsAsync(EmailNode node)
    {
        await using var scope = node.Scope(null);
        return await scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>().Timers.IgnoreQueryFilters().AsNoTracking().ToListAsync();
    }

    private Task<EmailNode> NodeAsync(TimeProvider clock, Recorder recorder, params (string Key, string Value)[] settings) =>
        NodeAsync(clock, recorder, start: false, settings);

    private Task<EmailNode> NodeAsync(TimeProvider clock, Recorder recorder, bool start, params (string Key, string Value)[] settings) =>
        EmailNode.CreateAsync(
            database,
            settings.ToDictionary(s => s.Key, s => (string?)s.Value),
            clock,
            start,
            services =>
            {
                services.AddSingleton(recorder);
                services.AddScoped<ITimerHandler, RecordingHandler>();
            });

    /// <summary>What the handlers did, shared by the nodes of a test; can be told to fail the first calls.</summary>
    private sealed class Recorder
    {
        private int calls;

        public ConcurrentBag<(FiredTimer Timer, Guid TenantId)> Bag { get; } = [];

        public IReadOnlyList<(FiredTimer Timer, Guid TenantId)> All => [.. Bag];

        public int Calls => calls;

        public int FailuresLeft { get; set; }

        public bool NextCallFails() => Interlocked.Increment(ref calls) <= FailuresLeft;
    }

    /// <summary>Queues an e-mail (work in the timer's transaction), then records the firing, or fails as told.</summary>
    private sealed class RecordingHandler(Recorder recorder, IEmailOutbox outbox, ITenantContext tenant) : ITimerHandler
    {
        public string Kind => TimerTests.Kind;

        public async Task FireAsync(FiredTimer timer, CancellationToken cancellationToken)
        {
            await outbox.EnqueueAsync(new OutgoingEmail("handlaggare@example.se", $"Påminnelse {timer.Subject}", "Ett ärende väntar."), cancellationToken);
            if (recorder.NextCallFails())
            {
                throw new InvalidOperationException("flaky on purpose");
            }

            recorder.Bag.Add((timer, tenant.Tenant!.Id));
        }
    }
}

public sealed class TimerTests_Sqlite(ITestOutputHelper output) : TimerTests(DatabaseProvider.Sqlite, output);

public sealed class TimerTests_Postgres(ITestOutputHelper output) : TimerTests(DatabaseProvider.Postgres, output);
