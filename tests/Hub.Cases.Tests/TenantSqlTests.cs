using Hub.Cases.Data;
using Hub.Cases.Domain;
using Hub.Cases.Intake;
using Hub.Data;
using Hub.Tenancy.Contracts;
using Hub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Hub.Testing.Intake;

namespace Hub.Cases.Tests;

/// <summary>
/// The citizen's hot path runs its own SQL through TenantSql, which binds the current tenant itself: each statement,
/// given another municipality's ids, finds and changes nothing, and none runs outside a tenant.
/// </summary>
public abstract class TenantSqlTests(HubFixture fixture)
{
    [Fact]
    public async Task Each_hot_path_statement_given_another_tenants_ids_sees_and_changes_nothing()
    {
        var own = await fixture.CreateTenantAsync("q", ["synpunkter"]);
        var other = await fixture.CreateTenantAsync("r", ["synpunkter"]);
        using var visitor = fixture.CreateClient();
        var draftId = Guid.Parse((await visitor.StartAsync(own, "synpunkter")).Split('/')[^2]);
        var number = CaseNumber(await visitor.SubmitFeedbackAsync(own));
        var scopes = fixture.Services.GetRequiredService<ITenantScopeFactory>();
        Guid submittedDraft, otherDraft;
        string? hash;
        await using (var scope = scopes.CreateScope(own))
        {
            var db = scope.ServiceProvider.GetRequiredService<CasesDbContext>();
            submittedDraft = (await db.Cases.AsNoTracking().SingleAsync(c => c.Number == number)).DraftId;
            hash = (await db.Drafts.AsNoTracking().SingleAsync(d => d.Id == draftId)).AnonymousKeyHash;
        }

        await using (var scope = scopes.CreateScope(other))
        {
            var services = scope.ServiceProvider;
            var sql = services.GetRequiredService<TenantSql>();
            var store = services.GetRequiredService<DraftStore>();
            Assert.Null(await store.FindAsync(draftId, null, hash, CancellationToken.None));
            // Saving the first one's draft by its id changes nothing there.
            var forged = new Draft { Id = draftId, ServiceKey = "synpunkter", Language = "sv", AnswersJson = "{}", AnonymousKeyHash = hash };
            Assert.False(await store.SaveAsync(forged, new Dictionary<string, Hub.Forms.Contracts.AnswerValue> { ["synpunkt"] = new Hub.Forms.Contracts.TextAnswer("forged") }, "forged", CancellationToken.None));
            // A draft created here belongs here, whatever the caller knows of the first one.
            var service = await services.GetRequiredService<Hub.Catalog.Contracts.IServiceDirectory>().FindPublishedAsync("synpunkter", CancellationToken.None);
            otherDraft = (await store.CreateAsync(service!, null, hash, "sv", CancellationToken.None)).Id;
            Assert.Null(await services.GetRequiredService<CaseSubmitter>().FindByDraftAsync(submittedDraft, CancellationToken.None));
            await CaseRows.DeleteDraftAsync(sql, draftId, CancellationToken.None);
            // The other municipality's series starts at one: the upsert never continued the first one's.
            var tenant = services.GetRequiredService<Hub.Abstractions.ITenantContext>().Tenant!;
            Assert.EndsWith("-000001", await CaseNumbers.NextAsync(sql, tenant, DateTime.UtcNow.Year, CancellationToken.None), StringComparison.Ordinal);
        }

        await using (var scope = scopes.CreateScope(own))
        {
            var services = scope.ServiceProvider;
            var draft = await services.GetRequiredService<DraftStore>().FindAsync(draftId, null, hash, CancellationToken.None);
            Assert.NotNull(draft);
            Assert.Equal("{}", draft.AnswersJson);
            Assert.Null(draft.CurrentPage);
            Assert.Null(await services.GetRequiredService<DraftStore>().FindAsync(otherDraft, null, hash, CancellationToken.None));
            Assert.False(await services.GetRequiredService<CasesDbContext>().Drafts.AnyAsync(d => d.Id == otherDraft));
            Assert.NotNull(await services.GetRequiredService<CaseSubmitter>().FindByDraftAsync(submittedDraft, CancellationToken.None));
        }
    }

    [Fact]
    public async Task A_statement_runs_only_in_a_tenant_names_the_tenant_and_cannot_bind_another()
    {
        var own = await fixture.CreateTenantAsync("q");
        await using (var outside = fixture.Services.CreateAsyncScope())
        {
            var sql = outside.ServiceProvider.GetRequiredService<TenantSql>();
            await Assert.ThrowsAsync<CrossTenantWriteException>(() => sql.ExecuteAsync("""DELETE FROM cases_drafts WHERE "TenantId" = @tenant""", []));
        }

        await using var scope = fixture.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(own);
        var tenantSql = scope.ServiceProvider.GetRequiredService<TenantSql>();
        await Assert.ThrowsAsync<ArgumentException>(() => tenantSql.ExecuteAsync("DELETE FROM cases_drafts", []));
        await Assert.ThrowsAsync<ArgumentException>(() => tenantSql.ExecuteAsync("""DELETE FROM cases_drafts WHERE "TenantId" = @tenant""", [("@tenant", Guid.NewGuid())]));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteTenantSqlTests(SqliteHubFixture fixture) : TenantSqlTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresTenantSqlTests(PostgresHubFixture fixture) : TenantSqlTests(fixture);
