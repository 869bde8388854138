using Hub.Audit.Contracts;
using Hub.Audit.Data;
using Hub.Data;
using Hub.Tenancy.Contracts;
using Hub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Audit.Tests;

/// <summary>Events are recorded with the work they describe, stay in their tenant, and cannot be changed or removed.</summary>
public abstract class AuditTrailTests(HubFixture fixture) : IAsyncLifetime
{
    private string own = "";
    private string other = "";

    public async Task InitializeAsync()
    {
        own = await fixture.CreateTenantAsync("a", []);
        other = await fixture.CreateTenantAsync("b", []);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private AsyncServiceScope Scope(string slug) => fixture.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(slug);

    [Fact]
    public async Task An_event_is_read_back_in_its_tenant_only()
    {
        await using (var scope = Scope(own))
        {
            await scope.ServiceProvider.GetRequiredService<IAuditTrail>().RecordAsync(new AuditEntry("case.viewed", "case", "c-1", "user:42", """{"reason":"handling"}"""));
            await scope.ServiceProvider.GetRequiredService<IAuditTrail>().RecordAsync(new AuditEntry("case.assigned", "case", "c-1", "user:7"));
        }

        await using (var scope = Scope(own))
        {
            var events = await scope.ServiceProvider.GetRequiredService<IAuditTrail>().ForSubjectAsync("case", "c-1");
            Assert.Equal(["case.viewed", "case.assigned"], events.Select(e => e.Action));
            Assert.Equal("user:42", events[0].Actor);
            Assert.Equal("""{"reason":"handling"}""", events[0].Details);
        }

        await using (var scope = Scope(other))
        {
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<IAuditTrail>().ForSubjectAsync("case", "c-1"));
        }
    }

    [Fact]
    public async Task Reads_recorded_at_the_same_moment_are_all_there_each_in_its_own_tenant()
    {
        var scopes = Enumerable.Range(0, 24).Select(i => Scope(i % 2 == 0 ? own : other)).ToList();
        try
        {
            await Task.WhenAll(scopes.Select((scope, i) => scope.ServiceProvider.GetRequiredService<IAuditTrail>()
                .RecordReadAsync(new AuditEntry("case.viewed", "case", "c-read", $"user:{i}"))));
        }
        finally
        {
            foreach (var scope in scopes)
            {
                await scope.DisposeAsync();
            }
        }

        await using (var scope = Scope(own))
        {
            var events = await scope.ServiceProvider.GetRequiredService<IAuditTrail>().ForSubjectAsync("case", "c-read");
            Assert.Equal(Enumerable.Range(0, 12).Select(i => $"user:{2 * i}").Order(), events.Select(e => e.Actor).Order());
        }

        await using (var scope = Scope(other))
        {
            var events = await scope.ServiceProvider.GetRequiredService<IAuditTrail>().ForSubjectAsync("case", "c-read");
            Assert.Equal(Enumerable.Range(0, 12).Select(i => $"user:{2 * i + 1}").Order(), events.Select(e => e.Actor).Order());
        }
    }

    [Fact]
    public async Task A_read_inside_the_readers_own_transaction_is_written_with_it()
    {
        await using (var scope = Scope(own))
        {
            var connection = scope.ServiceProvider.GetRequiredService<HubConnection>();
            await using var transaction = await connection.BeginTransactionAsync();
            await scope.ServiceProvider.GetRequiredService<IAuditTrail>().RecordReadAsync(new AuditEntry("case.viewed", "case", "c-read-rolled", "user:1"));
            await transaction.RollbackAsync();
            connection.EndTransaction();
        }

        await using var check = Scope(own);
        Assert.Empty(await check.ServiceProvider.GetRequiredService<IAuditTrail>().ForSubjectAsync("case", "c-read-rolled"));
    }

    [Fact]
    public async Task An_event_of_rolled_back_work_does_not_exist()
    {
        await using (var scope = Scope(own))
        {
            var connection = scope.ServiceProvider.GetRequiredService<HubConnection>();
            await using var transaction = await connection.BeginTransactionAsync();
            await scope.ServiceProvider.GetRequiredService<IAuditTrail>().RecordAsync(new AuditEntry("case.closed", "case", "c-rolled", "user:1"));
            await transaction.RollbackAsync();
            connection.EndTransaction();
        }

        await using var check = Scope(own);
        Assert.Empty(await check.ServiceProvider.GetRequiredService<IAuditTrail>().ForSubjectAsync("case", "c-rolled"));
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_remove_an_event()
    {
        await using (var scope = Scope(own))
        {
            await scope.ServiceProvider.GetRequiredService<IAuditTrail>().RecordAsync(new AuditEntry("package.approved", "package", "p-1", "user:3"));
        }

        await using var tamper = Scope(own);
        var db = tamper.ServiceProvider.GetRequiredService<AuditDbContext>();
        await Assert.ThrowsAnyAsync<Exception>(() => db.Events.Where(e => e.SubjectId == "p-1").ExecuteUpdateAsync(s => s.SetProperty(e => e.Actor, "user:999")));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Events.Where(e => e.SubjectId == "p-1").ExecuteDeleteAsync());

        var row = await db.Events.SingleAsync(e => e.SubjectId == "p-1");
        db.Events.Remove(row);
        await Assert.ThrowsAnyAsync<Exception>(() => db.SaveChangesAsync());

        await using var check = Scope(own);
        var kept = Assert.Single(await check.ServiceProvider.GetRequiredService<IAuditTrail>().ForSubjectAsync("package", "p-1"));
        Assert.Equal("user:3", kept.Actor);
    }

    [Fact]
    public async Task Bad_events_and_events_outside_a_tenant_are_refused()
    {
        await using var scope = Scope(own);
        var trail = scope.ServiceProvider.GetRequiredService<IAuditTrail>();
        await Assert.ThrowsAsync<ArgumentException>(() => trail.RecordAsync(new AuditEntry("Case Viewed", "case", "c", "u")));
        await Assert.ThrowsAsync<ArgumentException>(() => trail.RecordAsync(new AuditEntry("case.viewed", "case", "", "u")));
        await Assert.ThrowsAsync<ArgumentException>(() => trail.RecordAsync(new AuditEntry("case.viewed", "case", "c", "u", new string('x', 4001))));

        await using var outside = fixture.Services.CreateAsyncScope();
        await Assert.ThrowsAsync<InvalidOperationException>(() => outside.ServiceProvider.GetRequiredService<IAuditTrail>().RecordAsync(new AuditEntry("case.viewed", "case", "c", "u")));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteAuditTrailTests(SqliteHubFixture fixture) : AuditTrailTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresAuditTrailTests(PostgresHubFixture fixture) : AuditTrailTests(fixture);
