using System.Diagnostics;
using System.Globalization;
using System.Net;
using Hub.Catalog.Catalogue;
using Hub.Catalog.Contracts;
using Hub.Catalog.Data;
using Hub.Data;
using Hub.Tenancy.Contracts;
using Hub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Bench.Catalogue;

/// <summary>One query of the mix: what a person types, in which language, and optionally the category chosen on the page.</summary>
internal sealed record BenchQuery(string Kind, string Text, string Language, string? Category = null)
{
    public string PagePath =>
        "/hub/katalog?q=" + Uri.EscapeDataString(Text) + (Category is null ? "" : "&kategori=" + Uri.EscapeDataString(Category));
}

/// <summary>
/// The real host (Hub.Web in Production on Kestrel, a fresh SQLite file, the tests' <see cref="HubAppFactory"/>) with
/// the hub, ~290 municipalities and a catalogue of published packages written straight into the catalogue's tables.
/// </summary>
internal sealed class BenchCatalogue : IAsyncDisposable
{
    private readonly TestDatabase database;
    private readonly HubAppFactory factory;
    private readonly HttpClient swedish;
    private readonly HttpClient english;

    private BenchCatalogue(string name, int packages, TestDatabase database, HubAppFactory factory)
    {
        Name = name;
        Packages = packages;
        this.database = database;
        this.factory = factory;
        swedish = new HttpClient { BaseAddress = factory.BaseAddress };
        english = new HttpClient { BaseAddress = factory.BaseAddress };
        english.DefaultRequestHeaders.Add("Cookie", ".Hub.Culture=c%3Den%7Cuic%3Den");
        Scopes = factory.Services.GetRequiredService<ITenantScopeFactory>();
        Search = factory.Services.GetRequiredService<CatalogueSearch>();
    }

    public string Name { get; }

    public int Packages { get; }

    public TimeSpan SeedTime { get; private set; }

    private ITenantScopeFactory Scopes { get; }

    private CatalogueSearch Search { get; }

    public static async Task<BenchCatalogue> StartAsync(string name, int packages, int owners, int seed)
    {
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var factory = new HubAppFactory(database, "Production", ["hub.recipe.json"],
            new Dictionary<string, string>
            {
                ["Hub:Bootstrap:HubAdminPassword"] = "Bench-" + Guid.NewGuid().ToString("N"),
                // Provisioning ~290 tenants logs a line each; HUB_BENCH_LOG=Information shows them (and EF's SQL).
                ["Logging:LogLevel:Default"] = Environment.GetEnvironmentVariable("HUB_BENCH_LOG") ?? "Warning",
                ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = Environment.GetEnvironmentVariable("HUB_BENCH_LOG") ?? "Warning",
            });
        var catalogue = new BenchCatalogue(name, packages, database, factory);
        await catalogue.SeedAsync(owners, seed);
        return catalogue;
    }

    /// <summary>One search as the catalogue page makes it: a request's DI scope, <see cref="ICrossTenantCatalogue.SearchAsync"/>, the page's category.</summary>
    public async Task<(double Ms, int Hits, bool Rebuilt)> SearchAsync(BenchQuery query)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(query.Language);
        var rebuilt = Search.NeedsBuild;
        var start = Stopwatch.GetTimestamp();
        int hits;
        await using (var scope = Scopes.CreateScope("hub"))
        {
            var found = await scope.ServiceProvider.GetRequiredService<ICrossTenantCatalogue>().SearchAsync(query.Text, query.Language, CancellationToken.None);
            hits = query.Category is null ? found.Count : found.Count(l => l.Category == query.Category);
        }

        return (Stopwatch.GetElapsedTime(start).TotalMilliseconds, hits, rebuilt);
    }

    /// <summary>The Lucene index alone (analysis, up to three queries, stored fields of the hits): no scope, no database.</summary>
    public (double Ms, int Hits) SearchIndex(BenchQuery query)
    {
        var start = Stopwatch.GetTimestamp();
        var hits = Search.Search(query.Text, query.Language, 50).Count;
        return (Stopwatch.GetElapsedTime(start).TotalMilliseconds, hits);
    }

    /// <summary>GET of a catalogue page, over HTTP on loopback, body read to the end.</summary>
    public async Task<(double Ms, int Bytes)> GetAsync(string path)
    {
        var start = Stopwatch.GetTimestamp();
        using var response = await swedish.GetAsync(path);
        var body = await response.Content.ReadAsByteArrayAsync();
        return response.StatusCode == HttpStatusCode.OK
            ? (Stopwatch.GetElapsedTime(start).TotalMilliseconds, body.Length)
            : throw new InvalidOperationException($"{Name}: {path} answered {(int)response.StatusCode}.");
    }

    /// <summary>GET of the catalogue page with the query, over HTTP on loopback, body read to the end.</summary>
    public async Task<(double Ms, int Bytes, bool Rebuilt)> GetPageAsync(BenchQuery query)
    {
        var client = query.Language == "en" ? english : swedish;
        var rebuilt = Search.NeedsBuild;
        var start = Stopwatch.GetTimestamp();
        using var response = await client.GetAsync(query.PagePath);
        var body = await response.Content.ReadAsByteArrayAsync();
        var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{Name}: {query.PagePath} answered {(int)response.StatusCode}.");
        }

        return (ms, body.Length, rebuilt);
    }

    /// <summary>A search right after this node changed the catalogue: it rebuilds the index from the database first.</summary>
    public async Task<double> RebuildAsync()
    {
        Search.Invalidate();
        return (await SearchAsync(new BenchQuery("rebuild", "färdtjänst", "sv"))).Ms;
    }

    /// <summary>The database part of a rebuild alone: the query <see cref="CrossTenantCatalogue.SearchAsync"/> reads the rows with.</summary>
    public async Task<double> LoadRowsAsync()
    {
        var start = Stopwatch.GetTimestamp();
        await using var scope = Scopes.CreateScope("hub");
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        var listed = new[] { CatalogueStatus.Published, CatalogueStatus.Deprecated };
        var rows = await db.CataloguePackages.AsNoTracking().Where(p => listed.Contains(p.Status)).ToListAsync();
        _ = rows.Count;
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    /// <summary>
    /// The row look-up of a search on its own: the SQL EF sends for <see cref="CrossTenantCatalogue.SearchAsync"/>'s hits
    /// (the same LINQ), SQLite's plan for it, and its median time over 20 runs with the ids of one search; and the
    /// median time of the same rows looked up by id alone.
    /// </summary>
    public async Task<(string Sql, string Plan, double Ms, double ByIdMs)> ExplainHitLookupAsync(string text)
    {
        await RebuildAsync();
        await using var scope = Scopes.CreateScope("hub");
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        var ids = Search.Search(text, "sv", 50).Select(h => Guid.Parse(h.ServiceKey)).ToList();
        var listed = new[] { CatalogueStatus.Published, CatalogueStatus.Deprecated };
        var query = db.CataloguePackages.AsNoTracking().Where(p => ids.Contains(p.Id) && listed.Contains(p.Status));
        var sql = query.ToQueryString();
        var times = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            var start = Stopwatch.GetTimestamp();
            _ = await query.ToDictionaryAsync(p => p.Id);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        // For comparison, not what the code does: the same rows by id alone (the primary key), status checked in memory.
        var byId = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            var start = Stopwatch.GetTimestamp();
            _ = (await db.CataloguePackages.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync()).Where(p => listed.Contains(p.Status)).ToDictionary(p => p.Id);
            byId.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', sql.Split('\n').Where(l => !l.StartsWith(".param", StringComparison.Ordinal)));
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }
        }

        return (sql, string.Join("; ", plan), times.Order().ElementAt(times.Count / 2), byId.Order().ElementAt(byId.Count / 2));
    }

    public async ValueTask DisposeAsync()
    {
        swedish.Dispose();
        english.Dispose();
        await factory.DisposeAsync();
        await database.DisposeAsync();
    }

    private async Task SeedAsync(int ownerCount, int seed)
    {
        var start = Stopwatch.GetTimestamp();
        var provisioner = factory.Services.GetRequiredService<ITenantProvisioner>();
        var tenants = factory.Services.GetRequiredService<ITenantDirectory>();
        var owners = new List<(string Name, Guid Id)>();
        foreach (var name in CatalogueData.Municipalities.Take(ownerCount))
        {
            var slug = CatalogueData.Slug(name);
            if (owners.Any(o => CatalogueData.Slug(o.Name) == slug))
            {
                slug += "-2"; // Habo and Håbo
            }

            var result = await provisioner.ApplyAsync(Recipe(slug, name));
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"{slug}: {string.Join("; ", result.Problems)}");
            }

            owners.Add((name, tenants.FindBySlug(slug)?.Id ?? throw new InvalidOperationException($"{slug} not found after provisioning.")));
        }

        var now = DateTime.UtcNow;
        var packages = CatalogueData.Packages(Packages, owners, seed, now);
        var ownerNames = owners.ToDictionary(o => o.Id, o => o.Name);
        foreach (var batch in packages.Chunk(2000))
        {
            await using var scope = Scopes.CreateScope("hub");
            var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
            foreach (var package in batch)
            {
                var version = CatalogueData.PublishedVersion(package, ownerNames[package.OwnerTenantId]);
                package.PublishedVersionId = version.Id;
                db.CataloguePackages.Add(package);
                db.CatalogueVersions.Add(version);
            }

            await db.SaveChangesAsync();
        }

        Search.Invalidate();
        SeedTime = Stopwatch.GetElapsedTime(start);
    }

    private static string Recipe(string slug, string name) => $$"""
        {
          "name": "Kommun {{slug}}",
          "steps": [
            {
              "step": "tenant",
              "slug": "{{slug}}",
              "hostNames": [],
              "settings": {
                "displayName": "{{name}} kommun",
                "primaryColor": "#1f3a5f",
                "primaryTextColor": "#ffffff",
                "accentColor": "#1a5496",
                "contact": { "email": "kommun@{{slug}}.example", "website": "https://{{slug}}.example" },
                "languages": [ "sv", "en" ]
              }
            },
            { "step": "features", "enable": [ "Hub.Tenancy.ContactPage" ] }
          ]
        }
        """;
}
