using System.Net;
using System.Text.Json.Nodes;
using Hub.Catalog.Adoption;
using Hub.Catalog.Catalogue;
using Hub.Catalog.Tests.Catalogue;
using Hub.Catalog.Contracts;
using Hub.Catalog.Data;
using Hub.Packages.Contracts;
using Hub.Tenancy.Contracts;
using Hub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Catalog.Tests.Adoption;

/// <summary>
/// Adoption over real HTTP: a municipality adopts a package, adapts it within the owner's policy (a locked element
/// cannot be changed however the request is made), takes upstream's new versions by three-way merge (conflicts chosen
/// per element, or automatically when it follows), restores the version before, and proposes its changes upstream,
/// where the owner accepts them into the next version, which credits it. Another municipality never reaches an
/// adoption or contribution that is not its own.
/// </summary>
public abstract class AdoptionTests(HubFixture fixture) : IAsyncLifetime
{
    private const string Key = "fardtjanst";
    private const string Locked = "consent-medical";
    private const string Coordinator = CatalogueMunicipalities.Coordinator;

    private string owner = "";
    private string adopter = "";
    private Guid packageId;

    public async Task InitializeAsync()
    {
        owner = await CreateMunicipalityAsync("own", [Key]);
        adopter = await CreateMunicipalityAsync("ado", []);
        var first = await ImportAsync(owner, Upstream("1.0.0"));
        packageId = await ShareAsync(first);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<string> CreateMunicipalityAsync(string prefix, string[] services) => CatalogueMunicipalities.CreateAsync(fixture, prefix, services);

    private async Task<HubClient> SignedInAsync(string slug, string user)
    {
        var client = fixture.CreateClient();
        using var response = await client.SignInAsync(slug, user, DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>The shipped Färdtjänst as a package document with <paramref name="version"/>.</summary>
    private static JsonObject Upstream(string version)
    {
        var package = JsonNode.Parse(File.ReadAllText(Path.Combine(HubAppFactory.RecipesPath, "services", "fardtjanst.service.json")))!.AsObject();
        package["version"] = version;
        return package;
    }

    private static JsonObject Element(JsonObject package, string key) =>
        package["form"]!["pages"]!.AsArray().SelectMany(p => p!["elements"]!.AsArray()).Single(e => (string?)e!["key"] == key)!.AsObject();

    /// <summary>Imports a version into <paramref name="slug"/>'s services and publishes it there; returns its id.</summary>
    private async Task<Guid> ImportAsync(string slug, JsonObject package)
    {
        await using var scope = fixture.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(slug);
        var packages = scope.ServiceProvider.GetRequiredService<IServicePackages>();
        var imported = await packages.ImportAsync(package.ToJsonString());
        Assert.True(imported.Succeeded, string.Join("; ", imported.Problems.Select(p => p.Path + " " + p.Message)));
        Assert.True((await packages.PublishAsync(imported.VersionId!.Value)).Published);
        return imported.VersionId!.Value;
    }

    /// <summary>The owner submits a version (consent-medical locked), a coordinator of the adopter approves, the owner publishes.</summary>
    private async Task<Guid> ShareAsync(Guid versionId)
    {
        using var ownerClient = await SignedInAsync(owner, DemoAccounts.ServiceOwner);
        var path = $"/{owner}/admin/katalog/dela/{Key}";
        var (_, form) = await ownerClient.GetStringAsync(path);
        using (var submitted = await ownerClient.PostWithTokenAsync(path, HubClient.AntiforgeryToken(form), new Dictionary<string, string>
        {
            ["SourceVersionId"] = versionId.ToString(), ["Changelog"] = "Ny version.", ["Category"] = "omsorg-och-stod",
            ["Description"] = "Ansökan om färdtjänst.", ["Origin"] = "Joint", ["OriginDetail"] = "TEO", ["LegalBasis"] = "Lag (1997:736) om färdtjänst",
            ["Maturity"] = "InUse", ["ContactName"] = "Anna Ägare", ["ContactEmail"] = $"anna@{owner}.example",
            ["Doc.processDescription"] = "https://dokument.example/process.pdf", ["Doc.informationModel"] = "https://dokument.example/modell.pdf",
            ["Policy.Default"] = "changeable", [$"Policy.element:{Locked}"] = "locked",
            ["Policy.Reason.sv"] = "Samtycket krävs enligt patientdatalagen.", ["Policy.Reason.en"] = "Consent is required by the Patient Data Act.",
        }))
        {
            Assert.True(submitted.StatusCode == HttpStatusCode.Redirect, await submitted.Content.ReadAsStringAsync());
        }

        var details = await CatalogueAsync(c => c.FindAsync(owner, Key, CancellationToken.None));
        var submittedVersion = details!.Versions[0].Id;
        using (var reviewer = await SignedInAsync(adopter, Coordinator))
        {
            var review = $"/{adopter}/admin/katalog/granskning/{submittedVersion}";
            var (_, page) = await reviewer.GetStringAsync(review);
            using var approved = await reviewer.PostWithTokenAsync(review + "/approve", HubClient.AntiforgeryToken(page), [new("comment", "")]);
            Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        }

        var admin = $"/{owner}/admin/katalog/paket/{details.Package.Id}";
        var (_, packagePage) = await ownerClient.GetStringAsync(admin);
        using var published = await ownerClient.PostWithTokenAsync(admin + "/publish", HubClient.AntiforgeryToken(packagePage), [new("version", submittedVersion.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        return details.Package.Id;
    }

    private async Task<T> CatalogueAsync<T>(Func<ICrossTenantCatalogue, Task<T>> read)
    {
        await using var scope = fixture.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(owner);
        return await read(scope.ServiceProvider.GetRequiredService<ICrossTenantCatalogue>());
    }

    private async Task<Guid> AdoptAsync(string slug, bool follow = false)
    {
        using var client = await SignedInAsync(slug, DemoAccounts.TenantAdmin);
        using var response = await client.PostFormAsync($"/{slug}/admin/katalog/hamta/{packageId}",
            [new("LocalKey", Key), new("Follow", follow ? "true" : "false"), new("Publish", "true")]);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1].Split('?')[0]);
    }

    private async Task<(AdoptionView View, JsonObject Local)> AdoptionAsync(string slug, Guid id)
    {
        await using var scope = fixture.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(slug);
        var view = (await scope.ServiceProvider.GetRequiredService<Adoptions>().FindAsync(id, CancellationToken.None))!;
        return (view, JsonNode.Parse(view.Local!.Content)!.AsObject());
    }

    /// <summary>The adopter's local changes: a new help text, an extra optional field.</summary>
    private async Task AdaptAsync(string slug, Guid adoptionId, string version = "1.0.1")
    {
        var (_, local) = await AdoptionAsync(slug, adoptionId);
        local["version"] = version;
        Element(local, "disability")["hint"] = new JsonObject { ["sv"] = "Lokal hjälptext från kommunen.", ["en"] = "The municipality's own help text." };
        local["form"]!["pages"]![2]!["elements"]!.AsArray().Add(new JsonObject
        {
            ["key"] = "local-parking", ["type"] = "yesNo",
            ["label"] = new JsonObject { ["sv"] = "Har du parkeringstillstånd för rörelsehindrade?", ["en"] = "Do you have a disabled parking permit?" },
        });
        await ImportAsync(slug, local);
    }

    /// <summary>The owner's next version: another text changed, and the locked legal text.</summary>
    private async Task PublishUpstreamAsync(string version, Action<JsonObject>? change = null)
    {
        var next = Upstream(version);
        Element(next, "trips-per-month")["label"] = new JsonObject { ["sv"] = "Hur många enkelresor gör du i månaden?", ["en"] = "How many single trips do you make a month?" };
        Element(next, Locked)["label"] = new JsonObject { ["sv"] = "Samtycker du till att vi hämtar ett läkarintyg?", ["en"] = "Do you consent to us obtaining a medical certificate?" };
        change?.Invoke(next);
        await ShareAsync(await ImportAsync(owner, next));
    }

    [Fact]
    public async Task An_adopted_package_is_the_municipalitys_own_service_and_the_catalogue_shows_who_runs_which_version()
    {
        var adoptionId = await AdoptAsync(adopter);

        var (view, local) = await AdoptionAsync(adopter, adoptionId);
        Assert.Equal("1.0.0", view.Local!.Version);
        Assert.True(view.LocalPublished);
        Assert.Equal(Key, (string?)local["key"]);
        using var anyone = fixture.CreateClient();
        var (status, page) = await anyone.GetStringAsync($"/hub/katalog/{owner}/{Key}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"Testkommun {adopter}", page, StringComparison.Ordinal);
        var (citizenStatus, _) = await anyone.GetStringAsync($"/{adopter}/e-tjanster/{Key}");
        Assert.Equal(HttpStatusCode.OK, citizenStatus);

        // Adopting twice, or one's own package, is refused with a reason.
        using var admin = await SignedInAsync(adopter, DemoAccounts.TenantAdmin);
        using var again = await admin.GetAsync($"/{adopter}/admin/katalog/hamta/{packageId}");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains($"/anpassning/{adoptionId}", again.Headers.Location!.OriginalString, StringComparison.Ordinal);
        using var ownerClient = await SignedInAsync(owner, DemoAccounts.TenantAdmin);
        using var own = await ownerClient.PostFormAsync($"/{owner}/admin/katalog/hamta/{packageId}", [new("LocalKey", "fardtjanst-kopia")]);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("äger redan", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_locked_element_cannot_be_changed_in_the_studio_or_by_import_but_a_changeable_one_can()
    {
        var adoptionId = await AdoptAsync(adopter);
        using var editor = await SignedInAsync(adopter, DemoAccounts.TenantAdmin);
        var studio = $"/{adopter}/admin/e-tjanster/{Key}";
        using (await editor.PostFormAsync(studio, [], studio + "?handler=start"))
        {
        }

        // The element page shows the locked element read-only with the owner's reason …
        var element = $"{studio}/element/{Locked}";
        var (status, page) = await editor.GetStringAsync(element);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("patientdatalagen", page, StringComparison.Ordinal);
        Assert.Contains("disabled", page, StringComparison.Ordinal);

        // … and a crafted post changing it is refused; the draft keeps the owner's text.
        var revision = System.Text.RegularExpressions.Regex.Match(page, "name=\"revision\" value=\"(\\d+)\"").Groups[1].Value;
        using var crafted = await editor.PostWithTokenAsync(element, HubClient.AntiforgeryToken(page),
            [new("revision", revision), new("action", "save"), new("label.sv", "Ändrad lagtext"), new("label.en", "Changed legal text"), new("required", "true")]);
        Assert.Equal(HttpStatusCode.OK, crafted.StatusCode);
        Assert.Contains("patientdatalagen", await crafted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using (var scope = fixture.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(adopter))
        {
            var draft = await scope.ServiceProvider.GetRequiredService<IServiceDrafts>().FindDraftAsync(Key);
            Assert.DoesNotContain("Ändrad lagtext", ServicePackageJson.WriteCanonical(draft!), StringComparison.Ordinal);
        }

        // An import that changes it is refused too, naming the element and the reason.
        var (_, local) = await AdoptionAsync(adopter, adoptionId);
        local["version"] = "1.0.5";
        Element(local, Locked)["label"] = new JsonObject { ["sv"] = "Ändrad lagtext", ["en"] = "Changed legal text" };
        await using (var scope = fixture.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(adopter))
        {
            var refused = await scope.ServiceProvider.GetRequiredService<IServicePackages>().ImportAsync(local.ToJsonString());
            Assert.False(refused.Succeeded);
            Assert.Contains(refused.Problems, p => p.Path.Contains($"elements[key={Locked}]", StringComparison.Ordinal) && p.Message.Contains("patientdatalagen", StringComparison.Ordinal));
        }

        // A changeable help text and an optional extra field are fine.
        await AdaptAsync(adopter, adoptionId);
        var (view, _) = await AdoptionAsync(adopter, adoptionId);
        var changes = Adoptions.ChangesOf(view);
        Assert.Contains(changes, c => c.Reference == "element:disability" && c.Path.Contains("/hint/", StringComparison.Ordinal));
        Assert.Contains(changes, c => c.Reference == "element:local-parking" && c.Kind == "added");
    }

    [Fact]
    public async Task An_upstream_version_merges_without_conflict_keeping_local_changes_and_can_be_undone()
    {
        var adoptionId = await AdoptAsync(adopter);
        await AdaptAsync(adopter, adoptionId);
        await PublishUpstreamAsync("1.1.0");

        // The adopter is told, by mail and on the adoption page.
        await fixture.Mailbox.WaitForAsync(m => (m.Subject ?? "").Contains("Ny version i katalogen", StringComparison.Ordinal) && m.To.ToString().Contains(adopter, StringComparison.Ordinal), "the new-version mail");
        using var admin = await SignedInAsync(adopter, DemoAccounts.TenantAdmin);
        var update = $"/{adopter}/admin/katalog/anpassning/{adoptionId}/uppdatera";
        var (status, page) = await admin.GetStringAsync(update);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Inga krockar", page, StringComparison.Ordinal);

        using var applied = await admin.PostFormAsync(update, [], update + "/apply");
        Assert.True(applied.StatusCode == HttpStatusCode.Redirect, await applied.Content.ReadAsStringAsync());

        var (view, local) = await AdoptionAsync(adopter, adoptionId);
        Assert.Equal("1.1.0", view.Base.Version);
        Assert.Equal("1.1.0", view.Local!.Version);
        Assert.True(view.LocalPublished);
        Assert.Equal("Lokal hjälptext från kommunen.", (string?)Element(local, "disability")["hint"]!["sv"]);
        Assert.NotNull(Element(local, "local-parking"));
        Assert.Equal("Hur många enkelresor gör du i månaden?", (string?)Element(local, "trips-per-month")["label"]!["sv"]);
        Assert.Equal("Samtycker du till att vi hämtar ett läkarintyg?", (string?)Element(local, Locked)["label"]!["sv"]);

        // Undo: the local version before the update applies again.
        var adoptionPage = $"/{adopter}/admin/katalog/anpassning/{adoptionId}";
        var (_, html) = await admin.GetStringAsync(adoptionPage);
        var revision = System.Text.RegularExpressions.Regex.Match(html, "name=\"revision\" value=\"([0-9a-f-]{36})\"").Groups[1].Value;
        using var restored = await admin.PostWithTokenAsync(adoptionPage + "/restore", HubClient.AntiforgeryToken(html), [new("revision", revision)]);
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        (view, _) = await AdoptionAsync(adopter, adoptionId);
        Assert.Equal("1.0.0", view.Base.Version);
        Assert.Equal("1.0.1", view.Local!.Version);
    }

    [Fact]
    public async Task A_conflict_needs_a_choice_per_element_and_the_chosen_side_is_applied()
    {
        var adoptionId = await AdoptAsync(adopter);
        await AdaptAsync(adopter, adoptionId);
        await PublishUpstreamAsync("1.1.0", next => Element(next, "disability")["hint"] = new JsonObject { ["sv"] = "Ägarens nya hjälptext.", ["en"] = "The owner's new help text." });

        using var admin = await SignedInAsync(adopter, DemoAccounts.TenantAdmin);
        var update = $"/{adopter}/admin/katalog/anpassning/{adoptionId}/uppdatera";
        var (_, page) = await admin.GetStringAsync(update);
        Assert.Contains("Lokal hjälptext från kommunen.", page, StringComparison.Ordinal);
        Assert.Contains("Ägarens nya hjälptext.", page, StringComparison.Ordinal);
        var paths = System.Text.RegularExpressions.Regex.Matches(page, "name=\"path(\\d+)\" value=\"([^\"]+)\"").Select(m => (m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value))).ToList();
        Assert.NotEmpty(paths);

        // Without a choice nothing is applied; the error is next to the choice.
        using (var refused = await admin.PostFormAsync(update, paths.Select(p => KeyValuePair.Create("path" + p.Item1, p.Item2)), update + "/apply"))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("field__error", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal("1.0.0", (await AdoptionAsync(adopter, adoptionId)).View.Base.Version);
        var choices = paths.SelectMany(p => new[] { KeyValuePair.Create("path" + p.Item1, p.Item2), KeyValuePair.Create("side" + p.Item1, "theirs") }).ToList();
        using (var preview = await admin.PostFormAsync(update, choices, update + "/preview"))
        {
            Assert.Contains("Så blir version 1.1.0", await preview.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var applied = await admin.PostFormAsync(update, choices, update + "/apply");
        Assert.True(applied.StatusCode == HttpStatusCode.Redirect, await applied.Content.ReadAsStringAsync());
        var (_, local) = await AdoptionAsync(adopter, adoptionId);
        Assert.Equal("Ägarens nya hjälptext.", (string?)Element(local, "disability")["hint"]!["sv"]);
        Assert.NotNull(Element(local, "local-parking"));
    }

    [Fact]
    public async Task A_following_adoption_takes_a_conflict_free_version_by_itself_and_a_pinned_one_waits()
    {
        var following = await AdoptAsync(adopter, follow: true);
        var third = await CreateMunicipalityAsync("pin", []);
        var pinned = await AdoptAsync(third);
        await AdaptAsync(adopter, following);
        await PublishUpstreamAsync("1.1.0");

        await fixture.Services.GetRequiredService<AdoptionFollower>().RunOnceAsync(CancellationToken.None);

        var (view, local) = await AdoptionAsync(adopter, following);
        Assert.Equal("1.1.0", view.Base.Version);
        Assert.Equal("Lokal hjälptext från kommunen.", (string?)Element(local, "disability")["hint"]!["sv"]);
        Assert.Equal("1.0.0", (await AdoptionAsync(third, pinned)).View.Base.Version);
    }

    [Fact]
    public async Task A_contribution_is_accepted_into_the_owners_next_version_which_credits_it()
    {
        var adoptionId = await AdoptAsync(adopter);
        await AdaptAsync(adopter, adoptionId);
        using var admin = await SignedInAsync(adopter, DemoAccounts.TenantAdmin);
        var contribute = $"/{adopter}/admin/katalog/anpassning/{adoptionId}/bidra";
        using (var empty = await admin.PostFormAsync(contribute, [new("Message", "")]))
        {
            Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
            Assert.Contains("field__error", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var proposed = await admin.PostFormAsync(contribute, [new("Chosen", "element:disability"), new("Message", "En tydligare hjälptext för alla.")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);
        }

        await fixture.Mailbox.WaitForAsync($"anna@{owner}.example");
        Guid contributionId;
        await using (var scope = fixture.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(owner))
        {
            contributionId = (await scope.ServiceProvider.GetRequiredService<Adoptions>().ContributionsToAsync(packageId, CancellationToken.None)).Single().Contribution.Id;
        }

        // Only the owner sees it; the contributor itself gets 404 on the owner's page.
        var decide = $"/{owner}/admin/katalog/bidrag/{contributionId}";
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetStringAsync($"/{adopter}/admin/katalog/bidrag/{contributionId}")).Status);
        using var ownerClient = await SignedInAsync(owner, DemoAccounts.ServiceOwner);
        var (status, page) = await ownerClient.GetStringAsync(decide);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Lokal hjälptext från kommunen.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("local-parking", page, StringComparison.Ordinal);
        using (var noReason = await ownerClient.PostFormAsync(decide, [new("Reason", "")], decide + "/decline"))
        {
            Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        }

        using (var accepted = await ownerClient.PostFormAsync(decide, [], decide + "/accept"))
        {
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        // The owner's draft has the change (and not the field the adopter kept to itself); published and shared as 1.2.0 it credits the contributor.
        await using (var scope = fixture.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(owner))
        {
            var draft = (await scope.ServiceProvider.GetRequiredService<IServiceDrafts>().FindDraftAsync(Key))!;
            Assert.Equal("Lokal hjälptext från kommunen.", draft.Form.AllElements().Single(e => e.Key == "disability").Hint!["sv"]);
            Assert.DoesNotContain(draft.Form.AllElements(), e => e.Key == "local-parking");
            await ShareAsync(await ImportAsync(owner, JsonNode.Parse(ServicePackageJson.WriteCanonical(draft with { Version = "1.2.0" }))!.AsObject()));
        }

        using var anyone = fixture.CreateClient();
        var (_, publicPage) = await anyone.GetStringAsync($"/hub/katalog/{owner}/{Key}");
        Assert.Contains($"Bidrag från Testkommun {adopter}: En tydligare hjälptext för alla.", WebUtility.HtmlDecode(publicPage), StringComparison.Ordinal);
        await fixture.Mailbox.WaitForAsync(m => (m.Subject ?? "").Contains("är antaget", StringComparison.Ordinal), "the accepted mail");
    }

    [Fact]
    public async Task Another_municipality_cannot_reach_an_adoption_adopt_into_another_tenant_or_act_without_the_role()
    {
        var adoptionId = await AdoptAsync(adopter);
        var stranger = await CreateMunicipalityAsync("str", []);
        using var strangerAdmin = await SignedInAsync(stranger, DemoAccounts.TenantAdmin);
        foreach (var path in new[] { "", "/uppdatera", "/bidra" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await strangerAdmin.GetStringAsync($"/{stranger}/admin/katalog/anpassning/{adoptionId}{path}")).Status);
        }

        // A crafted post against the stranger's own address with the adopter's adoption id finds nothing.
        var (_, browse) = await strangerAdmin.GetStringAsync($"/{stranger}/admin/katalog/hamta");
        using (var crafted = await strangerAdmin.PostWithTokenAsync($"/{stranger}/admin/katalog/anpassning/{adoptionId}/follow", HubClient.AntiforgeryToken(browse), [new("follow", "true")]))
        {
            Assert.Equal(HttpStatusCode.NotFound, crafted.StatusCode);
        }

        // Signed in to one municipality, adopting into another's address is not allowed.
        using (var intoOther = await strangerAdmin.PostWithTokenAsync($"/{adopter}/admin/katalog/hamta/{packageId}", HubClient.AntiforgeryToken(browse), [new("LocalKey", "annan")]))
        {
            Assert.False(intoOther.Headers.Location?.OriginalString.Contains("anpassning", StringComparison.Ordinal) ?? false);
        }

        // An editor may not adopt.
        using var editor = await SignedInAsync(stranger, DemoAccounts.Editor);
        using var forbidden = await editor.GetAsync($"/{stranger}/admin/katalog/hamta/{packageId}");
        Assert.Equal(HttpStatusCode.Redirect, forbidden.StatusCode);
        Assert.Contains("atkomst-nekad", forbidden.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await using var scope = fixture.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(stranger);
        Assert.False(await scope.ServiceProvider.GetRequiredService<CatalogDbContext>().Adoptions.AnyAsync(a => a.ServiceKey == "annan"));
    }

    [Fact]
    public async Task The_owners_next_version_is_offered_for_sharing_with_the_locks_the_catalogue_has()
    {
        // The lock lives in the catalogue's version, not in the owner's service; sharing 1.0.1 must not quietly unlock it.
        await ImportAsync(owner, Upstream("1.0.1"));
        using var ownerClient = await SignedInAsync(owner, DemoAccounts.ServiceOwner);
        var (_, page) = await ownerClient.GetStringAsync($"/{owner}/admin/katalog/dela/{Key}");

        Assert.Matches($"name=\"Policy.element:{Locked}\">[^<]*(<option[^>]*>[^<]*</option>[^<]*)*<option value=\"locked\" selected", page);
        Assert.Contains("patientdatalagen", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deprecating_a_package_warns_its_adopters()
    {
        var adoptionId = await AdoptAsync(adopter);
        using var ownerClient = await SignedInAsync(owner, DemoAccounts.ServiceOwner);
        var admin = $"/{owner}/admin/katalog/paket/{packageId}";
        using var deprecated = await ownerClient.PostFormAsync(admin, [new("reason", "Ersätts av en nationell e-tjänst.")], admin + "/deprecate");
        Assert.Equal(HttpStatusCode.Redirect, deprecated.StatusCode);

        var mail = await fixture.Mailbox.WaitForAsync(m => (m.Subject ?? "").StartsWith("Utfasad i katalogen", StringComparison.Ordinal) && m.To.ToString().Contains(adopter, StringComparison.Ordinal), "the deprecation mail");
        Assert.Contains("Ersätts av en nationell e-tjänst.", mail.TextBody, StringComparison.Ordinal);
        using var adopterAdmin = await SignedInAsync(adopter, DemoAccounts.TenantAdmin);
        var (_, page) = await adopterAdmin.GetStringAsync($"/{adopter}/admin/katalog/anpassning/{adoptionId}");
        Assert.Contains("Ersätts av en nationell e-tjänst.", page, StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteAdoptionTests(SqliteHubFixture fixture) : AdoptionTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresAdoptionTests(PostgresHubFixture fixture) : AdoptionTests(fixture);
