using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Hub.Catalog.Adoption;
using Hub.Catalog.Catalogue;
using Hub.Catalog.Contracts;
using Hub.Data;
using Hub.Tenancy.Contracts;
using Hub.Testing;
using Microsoft.Extensions.DependencyInjection;

// Adopting one package into every Swedish municipality (290), in-process against the real host and a fresh database:
//   1. provisions 290 municipalities (tenant and features steps) beside the demo hub and Sundsvall, which owns
//      Färdtjänst in the catalogue;
//   2. baseline, in the same run: today's way, a detached copy — the same package imported and published as a service
//      of each municipality (IServicePackages, one transaction per municipality);
//   3. adopts Sundsvall's Färdtjänst into each municipality (Adoptions.AdoptAsync: the service, its first version, the
//      adoption, the audit event; one transaction per municipality), following updates;
//   4. Sundsvall publishes 1.1 (a changed text) and the follower takes it into all 290 (three-way merge, checks, a new
//      local version each).
// Usage: dotnet run -c Release --project bench/Hub.Bench.Adoption -- [--provider sqlite|postgres] [--tenants 290]
// PostgreSQL needs HUB_TEST_POSTGRES (the admin connection string scripts/test.sh uses).
var provider = (Argument("--provider") ?? "sqlite") == "postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
var count = int.Parse(Argument("--tenants") ?? "290", CultureInfo.InvariantCulture);

await using var database = await TestDatabase.CreateAsync(provider);
await using var app = new HubAppFactory(database, provisionOnStart: ["demo-hub.recipe.json", "sundsvall.recipe.json"],
    settings: new Dictionary<string, string> { ["Logging:LogLevel:Default"] = "Warning", ["Hub:Catalog:Adoption:PollInterval"] = "01:00:00" });
_ = app.BaseAddress;
var services = app.Services;
var scopes = services.GetRequiredService<ITenantScopeFactory>();
var slugs = Enumerable.Range(1, count).Select(i => $"k{i:D3}").ToList();

var provisioning = Stopwatch.StartNew();
foreach (var slug in slugs)
{
    var recipe = $$"""
        { "name": "{{slug}}", "steps": [
          { "step": "tenant", "slug": "{{slug}}", "settings": { "displayName": "Kommun {{slug}}", "primaryColor": "#1f3a5f", "primaryTextColor": "#ffffff",
            "accentColor": "#1a5496", "contact": { "email": "kontakt@{{slug}}.example" }, "languages": ["sv", "en"] } },
          { "step": "features", "enable": [] } ] }
        """;
    var result = await services.GetRequiredService<ITenantProvisioner>().ApplyAsync(recipe);
    if (!result.Succeeded)
    {
        throw new InvalidOperationException(string.Join("; ", result.Problems));
    }
}

provisioning.Stop();
var package = (await InScope("sundsvall", sp => sp.GetRequiredService<ICrossTenantCatalogue>().FindAsync("sundsvall", "fardtjanst", CancellationToken.None)))!;
var content = package.Published!.Content;

// Baseline: a detached copy per municipality.
var copy = JsonNode.Parse(content)!.AsObject();
copy["key"] = "fardtjanst-kopia";
copy["form"]!["key"] = "fardtjanst-kopia";
var baseline = await TimeEach(slugs, async (sp, _) =>
{
    var packages = sp.GetRequiredService<IServicePackages>();
    var imported = await packages.ImportAsync(copy.ToJsonString());
    if (!imported.Succeeded || !(await packages.PublishAsync(imported.VersionId!.Value)).Published)
    {
        throw new InvalidOperationException("the copy was refused");
    }
});

var adoption = await TimeEach(slugs, async (sp, slug) =>
{
    var tenant = sp.GetRequiredService<Hub.Abstractions.ITenantContext>().Tenant!;
    var actor = new CatalogueActor(tenant.Id, "admin", "Admin", $"admin@{slug}.example", IsReviewer: false, IsServiceOwner: true);
    var result = await sp.GetRequiredService<Adoptions>().AdoptAsync(package.Package.Id, "fardtjanst", follow: true, publish: true, actor, CancellationToken.None);
    if (result.Outcome != CatalogueOutcome.Done)
    {
        throw new InvalidOperationException($"{slug}: {result.Outcome} {string.Join(", ", result.Problems.Select(p => p.Key))}");
    }
});

// Sundsvall's 1.1: one text changed, shared and published; the follower takes it into every adoption.
await InScope("sundsvall", async sp =>
{
    var next = JsonNode.Parse(content)!.AsObject();
    next["version"] = "1.1.0";
    next["summary"]!["sv"] = "Ansök om färdtjänst om du har svårt att resa med buss och tåg. Ny version.";
    var imported = await sp.GetRequiredService<IServicePackages>().ImportAsync(next.ToJsonString());
    var tenant = sp.GetRequiredService<Hub.Abstractions.ITenantContext>().Tenant!;
    var owner = new CatalogueActor(tenant.Id, "admin", "Admin", null, IsReviewer: false, IsServiceOwner: true);
    var catalogue = sp.GetRequiredService<ICrossTenantCatalogue>();
    var version = package.Published!;
    var submitted = await catalogue.SubmitAsync(new SubmissionInput(imported.VersionId!.Value, version.Category, version.Description, version.Origin, version.OriginDetail,
        version.LegalBasis, version.Maturity, version.ContactName, version.ContactEmail, CatalogueJson.Documents(version.Documents).ToDictionary(d => d.Kind, d => d.Url),
        "Tydligare sammanfattning.", null), owner, CancellationToken.None);
    if (submitted.Outcome != CatalogueOutcome.Done)
    {
        throw new InvalidOperationException("1.1 was refused: " + string.Join(", ", submitted.Problems.Select(p => p.Key)));
    }

    await catalogue.PublishUnreviewedAsync(submitted.Id!.Value, owner, CancellationToken.None);
    return 0;
});
var update = Stopwatch.StartNew();
var updated = await services.GetRequiredService<AdoptionFollower>().RunOnceAsync(CancellationToken.None);
update.Stop();
if (updated != count)
{
    throw new InvalidOperationException($"the follower updated {updated} of {count} adoptions");
}

Console.WriteLine(FormattableString.Invariant($"""

    Adoption benchmark, {count} municipalities, {provider}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores
    provisioning {count} municipalities: {provisioning.Elapsed.TotalSeconds:F1} s
    | what | total | per municipality p50 | p95 | max |
    |---|---:|---:|---:|---:|
    | baseline: import + publish a detached copy | {baseline.Total:F1} s | {baseline.P50:F1} ms | {baseline.P95:F1} ms | {baseline.Max:F1} ms |
    | adopt package@version (service, version, adoption, audit) | {adoption.Total:F1} s | {adoption.P50:F1} ms | {adoption.P95:F1} ms | {adoption.Max:F1} ms |
    | ratio adopt / copy (total) | {adoption.Total / baseline.Total:F2} | | | |
    | follow 1.1 into every adoption (merge, checks, new version) | {update.Elapsed.TotalSeconds:F1} s | {update.Elapsed.TotalMilliseconds / count:F1} ms mean | | |
    target: adopting into 290 < 30 s — {(adoption.Total < 30 ? "met" : "MISSED")}
    """));
return 0;

async Task<T> InScope<T>(string slug, Func<IServiceProvider, Task<T>> work)
{
    await using var scope = scopes.CreateScope(slug);
    return await work(scope.ServiceProvider);
}

async Task<(double Total, double P50, double P95, double Max)> TimeEach(IReadOnlyList<string> tenants, Func<IServiceProvider, string, Task> work)
{
    var times = new List<double>();
    var total = Stopwatch.StartNew();
    foreach (var slug in tenants)
    {
        var one = Stopwatch.StartNew();
        await InScope(slug, async sp => { await work(sp, slug); return 0; });
        times.Add(one.Elapsed.TotalMilliseconds);
    }

    total.Stop();
    times.Sort();
    return (total.Elapsed.TotalSeconds, times[times.Count / 2], times[(int)Math.Ceiling(times.Count * 0.95) - 1], times[^1]);
}

string? Argument(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
