using Hub.Catalog.Contracts;
using Hub.Catalog.Data;
using Hub.Packages.Tests.Packages;
using Hub.Tenancy.Contracts;
using Hub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Catalog.Tests.Packages;

/// <summary>Import, export and publishing against a real database: all or nothing, the same hash after a round trip.</summary>
public abstract class PackageImportTests(HubFixture fixture) : IAsyncLifetime
{
    private string slug = "";

    public async Task InitializeAsync() => slug = await fixture.CreateTenantAsync("p");

    public Task DisposeAsync() => Task.CompletedTask;

    private AsyncServiceScope Scope() => fixture.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(slug);

    private async Task<(int Services, int Versions)> CountAsync()
    {
        await using var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        return (await db.Services.CountAsync(), await db.Versions.CountAsync());
    }

    [Fact]
    public async Task Every_demo_service_exported_and_imported_again_has_the_same_content_hash()
    {
        var other = await fixture.CreateTenantAsync("q");
        foreach (var key in SamplePackages.DemoKeys)
        {
            PackageImportResult first;
            PackageExport export;
            await using (var scope = Scope())
            {
                var packages = scope.ServiceProvider.GetRequiredService<IServicePackages>();
                first = await packages.ImportAsync(SamplePackages.Demo(key));
                Assert.True(first.Succeeded, string.Join("; ", first.Problems));
                export = (await packages.ExportAsync(first.VersionId!.Value))!;
            }

            Assert.Equal(first.ContentHash, export.ContentHash);
            var version = System.Text.Json.JsonDocument.Parse(SamplePackages.Demo(key)).RootElement.GetProperty("version").GetString();
            Assert.Equal($"{key}-{version}.service.json", export.FileName);
            await using var otherScope = fixture.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(other);
            var again = await otherScope.ServiceProvider.GetRequiredService<IServicePackages>().ImportAsync(export.Json);
            Assert.True(again.Succeeded, string.Join("; ", again.Problems));
            Assert.Equal(first.ContentHash, again.ContentHash);
        }
    }

    [Fact]
    public async Task Importing_the_same_version_again_changes_nothing_and_other_content_under_it_is_refused()
    {
        await using var scope = Scope();
        var packages = scope.ServiceProvider.GetRequiredService<IServicePackages>();
        var first = await packages.ImportAsync(SamplePackages.Full());
        Assert.True(first.Succeeded, string.Join("; ", first.Problems));
        var again = await packages.ImportAsync(SamplePackages.Full());
        Assert.True(again.AlreadyStored);
        Assert.Equal(first.VersionId, again.VersionId);

        var changed = await packages.ImportAsync(SamplePackages.FullWith(n => n["handlingDays"] = 30));
        Assert.False(changed.Succeeded);
        Assert.Equal("$.version", Assert.Single(changed.Problems).Path);
        Assert.Equal((1, 1), await CountAsync());
    }

    [Fact]
    public async Task A_refused_package_leaves_nothing_behind()
    {
        var before = await CountAsync();
        await using var scope = Scope();
        var packages = scope.ServiceProvider.GetRequiredService<IServicePackages>();
        foreach (var (name, json) in HostilePackages.All)
        {
            var result = await packages.ImportAsync(json);
            Assert.False(result.Succeeded, name);
            Assert.NotEmpty(result.Problems);
        }

        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task An_imported_version_is_published_only_when_the_gate_finds_nothing_blocking()
    {
        var withVagueLink = SamplePackages.FullWith(n => n["description"]!["sv"] = "Läs mer om bygglov, klicka här.", key: "bygglov-vag");
        await using var scope = Scope();
        var packages = scope.ServiceProvider.GetRequiredService<IServicePackages>();
        var imported = await packages.ImportAsync(withVagueLink);
        Assert.True(imported.Succeeded, string.Join("; ", imported.Problems));
        Assert.Contains(imported.Findings, f => f.RuleId == QualityRules.VagueLinkText);

        var refused = await packages.PublishAsync(imported.VersionId!.Value);
        Assert.False(refused.Published);
        var directory = scope.ServiceProvider.GetRequiredService<IServiceDirectory>();
        Assert.Null(await directory.FindPublishedAsync("bygglov-vag"));

        var clean = await packages.ImportAsync(SamplePackages.Full());
        var published = await packages.PublishAsync(clean.VersionId!.Value);
        Assert.True(published.Published);
        var found = await directory.FindPublishedAsync("bygglov-test");
        Assert.Equal(clean.ContentHash, found!.ContentHash);
        Assert.Equal("stora-projekt", found.Package.EffectiveWorkflow.Routing[0].Group);
    }

    [Fact]
    public async Task Another_tenants_version_is_neither_exported_nor_published()
    {
        Guid versionId;
        await using (var scope = Scope())
        {
            versionId = (await scope.ServiceProvider.GetRequiredService<IServicePackages>().ImportAsync(SamplePackages.Full())).VersionId!.Value;
        }

        var other = await fixture.CreateTenantAsync("r");
        await using var otherScope = fixture.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(other);
        var packages = otherScope.ServiceProvider.GetRequiredService<IServicePackages>();
        Assert.Null(await packages.ExportAsync(versionId));
        Assert.False((await packages.PublishAsync(versionId)).Found);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqlitePackageImportTests(SqliteHubFixture fixture) : PackageImportTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresPackageImportTests(PostgresHubFixture fixture) : PackageImportTests(fixture);
