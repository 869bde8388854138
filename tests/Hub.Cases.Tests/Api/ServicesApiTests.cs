using System.Net;
using System.Text.Json;
using Hub.Abstractions;
using Hub.Testing;
using static Hub.Testing.Intake;

namespace Hub.Cases.Tests.Api;

/// <summary>
/// A business system maps the municipality's services (<c>services:read</c>: versions, schema, workflow) and reads
/// aggregated case figures (<c>statistics:read</c>, small counts suppressed); each scope only with its token, and
/// nothing of another tenant.
/// </summary>
public abstract class ServicesApiTests(HubFixture fixture) : TwoTenantTests(fixture)
{
    protected override IReadOnlyList<string>? Services => ["synpunkter", "specialkost"];

    private async Task<HttpClient> SystemAsync(string slug, params string[] scopes)
    {
        using var admin = await SignedInAsync(slug);
        return await ApiAccess.ClientAsync(Fixture, admin, slug, "Statistiksystemet", scopes);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    [Fact]
    public async Task The_services_list_gives_each_versions_schema_and_workflow_and_needs_its_scope()
    {
        using var citizen = Fixture.CreateClient();
        var number = CaseNumber(await citizen.SubmitFeedbackAsync(Own));
        using var api = await SystemAsync(Own, ApiScopes.ServicesRead, ApiScopes.CasesRead);
        using var casesOnly = await SystemAsync(Own, ApiScopes.CasesRead);

        var services = (await JsonAsync(await api.GetAsync($"/{Own}/api/v1/services"))).GetProperty("items").EnumerateArray().ToList();
        var synpunkter = services.Single(s => s.GetProperty("key").GetString() == "synpunkter");
        var @case = (await JsonAsync(await api.GetAsync($"/{Own}/api/v1/cases/{number}"))).GetProperty("case");
        using var one = await api.GetAsync($"/{Own}/api/v1/services/synpunkter");
        using var missing = await api.GetAsync($"/{Own}/api/v1/services/finns-inte");
        using var noScope = await casesOnly.GetAsync($"/{Own}/api/v1/services");
        using var foreignTenant = await api.GetAsync($"/{Other}/api/v1/services");
        using var schema = await new HttpClient().GetAsync(synpunkter.GetProperty("schema").GetString());

        Assert.Equal(["specialkost", "synpunkter"], services.Select(s => s.GetProperty("key").GetString()));
        Assert.Equal(@case.GetProperty("serviceVersionId").GetString(), synpunkter.GetProperty("versionId").GetString());
        Assert.Equal(HttpStatusCode.OK, schema.StatusCode);
        Assert.Contains("xs:schema", await schema.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var states = synpunkter.GetProperty("states").EnumerateArray().ToList();
        Assert.Contains(states, s => s.GetProperty("key").GetString() == @case.GetProperty("state").GetString() && s.GetProperty("initial").GetBoolean());
        Assert.NotEmpty(synpunkter.GetProperty("transitions").EnumerateArray());
        Assert.False(string.IsNullOrEmpty(synpunkter.GetProperty("title").GetProperty("sv").GetString()));
        Assert.Equal("synpunkter", (await JsonAsync(one)).GetProperty("key").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, noScope.StatusCode);
        Assert.True(foreignTenant.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, foreignTenant.StatusCode.ToString());
    }

    [Fact]
    public async Task Case_figures_count_only_this_tenants_cases_suppress_small_counts_and_refuse_a_bad_period()
    {
        using var citizen = Fixture.CreateClient();
        await FigureCases.SubmitAsync(citizen, Own, Other);

        using var api = await SystemAsync(Own, ApiScopes.StatisticsRead);
        using var casesOnly = await SystemAsync(Own, ApiScopes.CasesRead);
        var figures = await JsonAsync(await api.GetAsync($"/{Own}/api/v1/statistics/cases"));
        using var backwards = await api.GetAsync($"/{Own}/api/v1/statistics/cases?from=2026-12-31&to=2026-01-01");
        using var notADate = await api.GetAsync($"/{Own}/api/v1/statistics/cases?from=igår");
        using var noScope = await casesOnly.GetAsync($"/{Own}/api/v1/statistics/cases");
        using var empty = await api.GetAsync($"/{Own}/api/v1/statistics/cases?from=2001-01-01&to=2001-12-31");

        var services = figures.GetProperty("services").EnumerateArray().ToList();
        var synpunkter = services.Single(s => s.GetProperty("service").GetString() == "synpunkter");
        Assert.Equal(5, synpunkter.GetProperty("total").GetInt32());
        Assert.Equal(5, synpunkter.GetProperty("digital").GetInt32());
        Assert.Equal(100.0, synpunkter.GetProperty("digitalShare").GetDouble());
        Assert.Equal(5, synpunkter.GetProperty("channels").GetProperty("digital").GetInt32());
        var specialkost = services.Single(s => s.GetProperty("service").GetString() == "specialkost");
        Assert.Equal(JsonValueKind.Null, specialkost.GetProperty("total").ValueKind);
        Assert.Equal(JsonValueKind.Null, specialkost.GetProperty("digitalShare").ValueKind);
        Assert.Equal(5, figures.GetProperty("smallestCount").GetInt32());
        Assert.Equal("to", (await ApiAccess.ProblemAsync(backwards)).Body.GetProperty("field").GetString());
        Assert.Equal("from", (await ApiAccess.ProblemAsync(notADate)).Body.GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, noScope.StatusCode);
        Assert.Empty((await JsonAsync(empty)).GetProperty("services").EnumerateArray());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteServicesApiTests(SqliteHubFixture fixture) : ServicesApiTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresServicesApiTests(PostgresHubFixture fixture) : ServicesApiTests(fixture);
