using Hub.Cases.Data;
using Hub.Cases.Intake;
using Hub.Tenancy.Contracts;
using Hub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Hub.Testing.Intake;

namespace Hub.Cases.Tests;

/// <summary>
/// The draft is read with a plain query, not through EF Core: it must come back exactly as EF Core maps it, only in
/// its own tenant, and saving and submitting it must work from that untracked read.
/// </summary>
public abstract class DraftStoreTests(HubFixture fixture)
{
    [Fact]
    public async Task A_draft_reads_as_EF_Core_maps_it_only_in_its_tenant_and_saves_from_the_read()
    {
        var slug = await fixture.CreateTenantAsync("d", ["synpunkter"]);
        var other = await fixture.CreateTenantAsync("e", ["synpunkter"]);
        using var visitor = fixture.CreateClient();
        var step = await visitor.StartAsync(slug, "synpunkter");
        using (var saved = await visitor.StepAsync(step, [F("feedback-type", "suggestion"), F("area", "streets-parks"), F("feedback", "More benches")]))
        {
            Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);
        }

        var id = Guid.Parse(step.Split('/')[^2]);
        var scopes = fixture.Services.GetRequiredService<ITenantScopeFactory>();
        string? hash;
        await using (var scope = scopes.CreateScope(slug))
        {
            var mapped = await scope.ServiceProvider.GetRequiredService<CasesDbContext>().Drafts.AsNoTracking().SingleAsync(d => d.Id == id);
            hash = mapped.AnonymousKeyHash;
            var read = await scope.ServiceProvider.GetRequiredService<DraftStore>().FindAsync(id, null, hash, CancellationToken.None);
            Assert.NotNull(read);
            Assert.Equivalent(mapped, read, strict: true);
            Assert.Contains("More benches", read.AnswersJson, StringComparison.Ordinal);
            Assert.Equal("synpunkten", read.CurrentPage);

            // Not for another browser.
            Assert.Null(await scope.ServiceProvider.GetRequiredService<DraftStore>().FindAsync(id, null, new string('0', 64), CancellationToken.None));
        }

        await using (var scope = scopes.CreateScope(other))
        {
            Assert.Null(await scope.ServiceProvider.GetRequiredService<DraftStore>().FindAsync(id, null, hash, CancellationToken.None));
        }

        // Saved from the untracked read: the answers change, nothing else of the row.
        await using (var scope = scopes.CreateScope(slug))
        {
            var store = scope.ServiceProvider.GetRequiredService<DraftStore>();
            var draft = (await store.FindAsync(id, null, hash, CancellationToken.None))!;
            await store.SaveAsync(draft, new Dictionary<string, Hub.Forms.Contracts.AnswerValue>(), "svar", CancellationToken.None);
        }

        await using (var scope = scopes.CreateScope(slug))
        {
            var row = await scope.ServiceProvider.GetRequiredService<CasesDbContext>().Drafts.AsNoTracking().SingleAsync(d => d.Id == id);
            Assert.Equal("{}", row.AnswersJson);
            Assert.Equal("svar", row.CurrentPage);
            Assert.Equal("synpunkter", row.ServiceKey);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteDraftStoreTests(SqliteHubFixture fixture) : DraftStoreTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresDraftStoreTests(PostgresHubFixture fixture) : DraftStoreTests(fixture);
