using System.Net;
using Hub.Packages.Contracts;
using Hub.Testing;

namespace Hub.Catalog.Tests;

/// <summary>The listing and search at <c>/e-tjanster</c>: one way in, per tenant.</summary>
public abstract class ServiceListingTests(HubFixture fixture) : IAsyncLifetime
{
    private string slug = "";

    public async Task InitializeAsync() => slug = await fixture.CreateTenantAsync("l", ["fardtjanst", "specialkost", "synpunkter"]);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Services_are_listed_by_area()
    {
        using var client = fixture.CreateClient();
        var (status, html) = await client.GetStringAsync($"/{slug}/e-tjanster");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Barn och utbildning", html, StringComparison.Ordinal);
        Assert.Contains("Omsorg och stöd", html, StringComparison.Ordinal);
        Assert.Contains($"/{slug}/e-tjanster/specialkost", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("färdtjänst", "fardtjanst")]
    [InlineData("allergi", "specialkost")]
    [InlineData("klagomål", "synpunkter")]
    public async Task Search_finds_a_service_by_its_words(string query, string expected)
    {
        using var client = fixture.CreateClient();
        var (_, html) = await client.GetStringAsync($"/{slug}/e-tjanster?q={Uri.EscapeDataString(query)}");
        var results = html[html.IndexOf("id=\"results\"", StringComparison.Ordinal)..];
        Assert.Contains($"/{slug}/e-tjanster/{expected}\"", results[..results.IndexOf("Visa alla", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_with_no_hit_says_so_and_hostile_text_is_shown_as_text()
    {
        using var client = fixture.CreateClient();
        var (status, html) = await client.GetStringAsync($"/{slug}/e-tjanster?q={Uri.EscapeDataString("<script>alert(1)</script> AND title:*")}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Ingen e-tjänst matchade", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_tenants_services_are_neither_listed_nor_found_nor_startable()
    {
        var other = await fixture.CreateTenantAsync("m", ["felanmalan"]);
        using var client = fixture.CreateClient();
        var (_, html) = await client.GetStringAsync($"/{slug}/e-tjanster?q=felanmälan");
        Assert.DoesNotContain("felanmalan", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetStringAsync($"/{slug}/e-tjanster/felanmalan")).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetStringAsync($"/{other}/e-tjanster/felanmalan")).Status);
    }

    [Fact]
    public void A_service_file_names_each_problem()
    {
        var (package, problems) = ServicePackageJson.Read("""{ "key": "Bad Key", "version": "1", "category": "x", "access": "everyone", "handlingDays": 0, "extra": 1, "form": { "key": "bad" } }""");
        Assert.Null(package);
        var paths = problems.Select(p => p.Path).ToList();
        foreach (var path in new[] { "$.extra", "$.key", "$.version", "$.category", "$.access", "$.handlingDays", "$.title" })
        {
            Assert.Contains(path, paths);
        }
    }

    [Fact]
    public void Every_demo_service_reads_and_its_canonical_form_reads_back_to_the_same_hash()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(HubAppFactory.RecipesPath, "services"), "*.service.json"))
        {
            var (package, problems) = ServicePackageJson.Read(File.ReadAllText(file));
            Assert.True(package is not null, $"{file}: {string.Join("; ", problems)}");
            var canonical = ServicePackageJson.WriteCanonical(package);
            var (again, _) = ServicePackageJson.Read(canonical);
            Assert.Equal(ServicePackageJson.ContentHash(canonical), ServicePackageJson.ContentHash(ServicePackageJson.WriteCanonical(again!)));
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteServiceListingTests(SqliteHubFixture fixture) : ServiceListingTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresServiceListingTests(PostgresHubFixture fixture) : ServiceListingTests(fixture);
