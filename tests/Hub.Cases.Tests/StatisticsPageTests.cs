using System.Net;
using System.Text.RegularExpressions;
using Hub.Testing;
using static Hub.Testing.Intake;

namespace Hub.Cases.Tests;

/// <summary>
/// <c>/statistik</c>: the open figures a visitor reads without logging in: cases per e-service and their digital share,
/// as a chart, a table, a sentence and CSV; counts below 5 withheld, another tenant's cases never counted.
/// </summary>
public abstract class StatisticsPageTests(HubFixture fixture) : TwoTenantTests(fixture)
{
    protected override IReadOnlyList<string>? Services => ["synpunkter", "specialkost"];

    [Fact]
    public async Task The_figures_count_this_tenants_cases_withhold_small_counts_and_download_as_csv()
    {
        using var citizen = Fixture.CreateClient();
        await FigureCases.SubmitAsync(citizen, Own, Other);

        using var visitor = Fixture.CreateClient();
        var (status, page) = await visitor.GetStringAsync($"/{Own}/statistik");
        using var csv = await visitor.GetAsync($"/{Own}/statistik/csv");
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("6 ärenden kom in från", page, StringComparison.Ordinal);
        Assert.Contains("100 % av dem kom digitalt. 1 av 1 e-tjänster", page, StringComparison.Ordinal);
        Assert.Matches(Row("5", "5", "100 %"), page);
        Assert.Matches(Row("färre än 5", "färre än 5", "–"), page);
        Assert.Contains("<svg class=\"chart__svg\"", page, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(page, "<rect class=\"chart__bar\""));
        Assert.DoesNotMatch("x=\"\\d+,\\d", page);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal("service,title,from,to,cases,digital,digital_share_percent", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("synpunkter,", StringComparison.Ordinal) && l.EndsWith(",5,5,100.0", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("specialkost,", StringComparison.Ordinal) && l.EndsWith(",,,", StringComparison.Ordinal));

        // The hub compares its municipalities, each counted in its own tenant.
        var (hubStatus, hub) = await visitor.GetStringAsync("/hub/statistik");
        Assert.Equal(HttpStatusCode.OK, hubStatus);
        Assert.Matches($"<th scope=\"row\">[^<]*{Own}</th>\\s*" + Row("6", "6", "100 %"), hub);
        Assert.Matches($"<th scope=\"row\">[^<]*{Other}</th>\\s*" + Row("färre än 5", "färre än 5", "–"), hub);
    }

    [Fact]
    public async Task A_bad_period_is_refused_beside_its_field_in_the_readers_language()
    {
        using var visitor = Fixture.CreateClient();
        using var swedish = await visitor.GetAsync($"/{Own}/statistik?fran=igår");
        var swedishPage = await swedish.Content.ReadAsStringAsync();
        using (var english = await visitor.GetAsync($"/sprak/en?returnUrl=/{Own}/"))
        {
            Assert.Equal(HttpStatusCode.Redirect, english.StatusCode);
        }

        using var backwards = await visitor.GetAsync($"/{Own}/statistik?fran=2026-12-31&till=2026-01-01");
        var englishPage = await backwards.Content.ReadAsStringAsync();
        using var badCsv = await visitor.GetAsync($"/{Own}/statistik/csv?till=sen");

        Assert.Equal(HttpStatusCode.BadRequest, swedish.StatusCode);
        Assert.Matches("id=\"fran-error\"[^>]*>.*Skriv startdatumet som ÅÅÅÅ-MM-DD", swedishPage);
        Assert.Contains("value=\"igår\"", swedishPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Matches("id=\"till-error\"[^>]*>.*on the start date or later", englishPage);
        Assert.Equal(HttpStatusCode.BadRequest, badCsv.StatusCode);
    }

    private static string Row(string total, string digital, string share) =>
        $"<td class=\"numeric\">{Regex.Escape(total)}</td>\\s*<td class=\"numeric\">{Regex.Escape(digital)}</td>\\s*<td class=\"numeric\">{Regex.Escape(share)}</td>";
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteStatisticsPageTests(SqliteHubFixture fixture) : StatisticsPageTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresStatisticsPageTests(PostgresHubFixture fixture) : StatisticsPageTests(fixture);
