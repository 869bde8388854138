using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hub.Audit.Contracts;
using Hub.Catalog.Catalogue;
using Hub.Catalog.Contracts;
using Hub.Catalog.Data;
using Hub.Packages.Tests.Packages;
using Hub.Tenancy.Contracts;
using Hub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Catalog.Tests.Catalogue;

/// <summary>
/// The shared catalogue over real HTTP: a municipality's ServiceOwner submits a version with its metadata past the
/// automatic checks; coordinators review it under the hub's rules; the owner publishes it; anyone browses and searches
/// it; the owner or a coordinator deprecates or withdraws it. Another municipality never submits or changes what is
/// not its own.
/// </summary>
public abstract partial class CatalogueTests(HubFixture fixture) : IAsyncLifetime
{
    private const string Key = "fardtjanst";
    private const string Coordinator = CatalogueMunicipalities.Coordinator;

    private string own = "";
    private string other = "";

    public async Task InitializeAsync()
    {
        own = await CreateMunicipalityAsync("own");
        other = await CreateMunicipalityAsync("oth");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<string> CreateMunicipalityAsync(string prefix) => CatalogueMunicipalities.CreateAsync(fixture, prefix, [Key]);

    private async Task<HubClient> SignedInAsync(string slug, string user)
    {
        var client = fixture.CreateClient();
        using var response = await client.SignInAsync(slug, user, DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static Dictionary<string, string> ValidFields(string versionId) => new()
    {
        ["SourceVersionId"] = versionId,
        ["Changelog"] = "Första versionen i katalogen.",
        ["Category"] = "omsorg-och-stod",
        ["Description"] = "Ansökan om färdtjänst med läkarintyg.",
        ["Origin"] = "Joint",
        ["OriginDetail"] = "TEO-projektet",
        ["LegalBasis"] = "Lag (1997:736) om färdtjänst",
        ["Maturity"] = "InUse",
        ["ContactName"] = "Anna Ägare",
        ["ContactEmail"] = "anna@kommun.example",
        ["Doc.processDescription"] = "https://dokument.example/process.pdf",
        ["Doc.informationModel"] = "https://dokument.example/informationsmodell.pdf",
        ["Policy.Default"] = "changeable",
    };

    /// <summary>Posts the submit form of <paramref name="slug"/>'s Färdtjänst with valid fields changed by <paramref name="change"/>.</summary>
    private static async Task<HttpResponseMessage> SubmitAsync(HubClient owner, string slug, Action<Dictionary<string, string>>? change = null, string? versionId = null)
    {
        var path = $"/{slug}/admin/katalog/dela/{Key}";
        var (status, html) = await owner.GetStringAsync(path);
        Assert.Equal(HttpStatusCode.OK, status);
        var fields = ValidFields(versionId ?? SelectedVersion().Match(html).Groups[1].Value);
        change?.Invoke(fields);
        return await owner.PostWithTokenAsync(path, HubClient.AntiforgeryToken(html), fields);
    }

    private async Task<CatalogueDetails?> PackageAsync(string slug)
    {
        await using var scope = fixture.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(slug);
        return await scope.ServiceProvider.GetRequiredService<ICrossTenantCatalogue>().FindAsync(slug, Key, CancellationToken.None);
    }

    private async Task<Guid> SubmittedVersionAsync(string slug)
    {
        using var owner = await SignedInAsync(slug, DemoAccounts.ServiceOwner);
        using var response = await SubmitAsync(owner, slug);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return (await PackageAsync(slug))!.Versions[0].Id;
    }

    private static async Task<HttpResponseMessage> DecideAsync(HubClient reviewer, string slug, Guid versionId, string decision, string comment = "")
    {
        var path = $"/{slug}/admin/katalog/granskning/{versionId}";
        var (_, html) = await reviewer.GetStringAsync(path);
        return await reviewer.PostWithTokenAsync($"{path}/{decision}", HubClient.AntiforgeryToken(html), [new("comment", comment)]);
    }

    private async Task SetRulesAsync(int approvals)
    {
        using var admin = await SignedInAsync("hub", DemoAccounts.TenantAdmin);
        using var response = await admin.PostFormAsync("/hub/admin/katalog/regler",
            [new("RequiredApprovals", approvals.ToString(System.Globalization.CultureInfo.InvariantCulture)),
             new("RequiredDocuments", "processDescription"), new("RequiredDocuments", "informationModel")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private async Task<IReadOnlyList<AuditEvent>> AuditAsync(string slug, Guid packageId)
    {
        await using var scope = fixture.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(slug);
        return await scope.ServiceProvider.GetRequiredService<IAuditTrail>().ForSubjectAsync(CrossTenantCatalogue.AuditSubject, packageId.ToString());
    }

    [Fact]
    public async Task A_submission_without_the_required_documents_and_metadata_is_refused_next_to_the_fields_and_nothing_is_stored()
    {
        using var owner = await SignedInAsync(own, DemoAccounts.ServiceOwner);

        using var response = await SubmitAsync(owner, own, f =>
        {
            f["Doc.informationModel"] = "";
            f["Doc.processDescription"] = "http://inte-https.example/process.pdf";
            f["Description"] = " ";
            f["Origin"] = "Adapted";
            f["OriginDetail"] = "";
            f["ContactEmail"] = "Anna <anna@kommun.example>";
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"Doc_informationModel-error\"", html, StringComparison.Ordinal);
        Assert.Contains("Hubben kräver det här dokumentet", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Doc_processDescription-error\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Description-error\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"OriginDetail-error\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"ContactEmail-error\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Doc_informationModel\"", html, StringComparison.Ordinal); // the error summary links to the field
        Assert.Null(await PackageAsync(own));
    }

    [Fact]
    public async Task A_version_the_quality_gate_blocks_is_refused_with_the_finding()
    {
        await using (var scope = fixture.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(own))
        {
            var package = JsonNode.Parse(SamplePackages.Demo(Key))!;
            package["version"] = "1.0.1";
            package["summary"]!["sv"] = "Ansök om färdtjänst, klicka här för att läsa mer.";
            var imported = await scope.ServiceProvider.GetRequiredService<IServicePackages>().ImportAsync(package.ToJsonString());
            Assert.True(imported.Succeeded, string.Join("; ", imported.Problems));
        }

        using var owner = await SignedInAsync(own, DemoAccounts.ServiceOwner);
        var (_, page) = await owner.GetStringAsync($"/{own}/admin/katalog/dela/{Key}");
        var blocked = Regex.Match(page, "<option value=\"([0-9a-f-]{36})\"[^>]*>1\\.0\\.1<").Groups[1].Value;

        using var response = await SubmitAsync(owner, own, versionId: blocked);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Kvalitetskontrollen stoppar", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await PackageAsync(own));
    }

    [Fact]
    public async Task A_passing_submission_is_queued_approved_by_a_coordinator_published_by_its_owner_and_audited()
    {
        var versionId = await SubmittedVersionAsync(own);
        var package = (await PackageAsync(own))!;
        Assert.Equal(CatalogueStatus.Submitted, package.Package.Status);
        using var anonymous = fixture.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetStringAsync($"/hub/katalog/{own}/{Key}")).Status);

        using var hub = await SignedInAsync("hub", Coordinator);
        var (queueStatus, queue) = await hub.GetStringAsync("/hub/admin/katalog");
        Assert.Equal(HttpStatusCode.Redirect, queueStatus);
        (queueStatus, queue) = await hub.GetStringAsync("/hub/admin/katalog/granskning");
        Assert.Equal(HttpStatusCode.OK, queueStatus);
        Assert.Contains($"/admin/katalog/granskning/{versionId}", queue, StringComparison.Ordinal);
        var (reviewStatus, review) = await hub.GetStringAsync($"/hub/admin/katalog/granskning/{versionId}");
        Assert.Equal(HttpStatusCode.OK, reviewStatus);
        Assert.Contains("Lag (1997:736) om färdtjänst", review, StringComparison.Ordinal);
        Assert.Contains("första version i katalogen", review, StringComparison.Ordinal);

        using var approved = await DecideAsync(hub, "hub", versionId, "approve", "Bra dokumentation.");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(CatalogueStatus.Approved, (await PackageAsync(own))!.Package.Status);
        var mail = await fixture.Mailbox.WaitForAsync($"agare@{own}.example");
        Assert.Contains("Godkänd i katalogen", mail.Subject, StringComparison.Ordinal);
        Assert.Contains($"/{own}/admin/katalog/paket/{package.Package.Id}", mail.TextBody, StringComparison.Ordinal);

        using var owner = await SignedInAsync(own, DemoAccounts.ServiceOwner);
        var (_, packagePage) = await owner.GetStringAsync($"/{own}/admin/katalog/paket/{package.Package.Id}");
        var forms = Regex.Count(packagePage, "<form method=\"post\"");
        Assert.True(forms > 0);
        Assert.Equal(forms, Regex.Count(packagePage, "name=\"__RequestVerificationToken\"")); // every form carries its token
        using var published = await owner.PostWithTokenAsync($"/{own}/admin/katalog/paket/{package.Package.Id}/publish",
            HubClient.AntiforgeryToken(packagePage), [new("version", versionId.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        var (publicStatus, publicPage) = await anonymous.GetStringAsync($"/hub/katalog/{own}/{Key}");
        Assert.Equal(HttpStatusCode.OK, publicStatus);
        Assert.Contains($"Testkommun {own}", publicPage, StringComparison.Ordinal);
        Assert.Contains("Byggd tillsammans med andra: TEO-projektet", publicPage, StringComparison.Ordinal);
        Assert.Contains("Första versionen i katalogen.", publicPage, StringComparison.Ordinal);
        Assert.Contains("https://dokument.example/process.pdf", publicPage, StringComparison.Ordinal);

        Assert.Equal(["catalogue.submitted", "catalogue.published"], (await AuditAsync(own, package.Package.Id)).Select(e => e.Action));
        Assert.Equal(["catalogue.approved"], (await AuditAsync("hub", package.Package.Id)).Select(e => e.Action));
    }

    [Fact]
    public async Task Two_approvals_are_needed_when_the_rules_say_so_and_a_member_cannot_approve_its_own_submission()
    {
        await SetRulesAsync(2);
        try
        {
            var versionId = await SubmittedVersionAsync(own);

            // The owner's own coordinator: the page offers no approve button, and a crafted post is refused.
            using var ownCoordinator = await SignedInAsync(own, Coordinator);
            var (_, ownView) = await ownCoordinator.GetStringAsync($"/{own}/admin/katalog/granskning/{versionId}");
            Assert.DoesNotContain($"/granskning/{versionId}/approve", ownView, StringComparison.Ordinal);
            using var crafted = await DecideAsync(ownCoordinator, own, versionId, "approve");
            Assert.Equal(HttpStatusCode.OK, crafted.StatusCode);
            Assert.Contains("tillåter inte att en kommun godkänner sin egen inskickning", await crafted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Empty((await PackageAsync(own))!.Reviews);

            using var hub = await SignedInAsync("hub", DemoAccounts.TenantAdmin);
            using (var first = await DecideAsync(hub, "hub", versionId, "approve"))
            {
                Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
            }

            Assert.Equal(CatalogueStatus.Submitted, (await PackageAsync(own))!.Package.Status);
            using (var again = await DecideAsync(hub, "hub", versionId, "approve"))
            {
                Assert.Contains("Du har redan granskat", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            using var otherCoordinator = await SignedInAsync(other, Coordinator);
            using (var second = await DecideAsync(otherCoordinator, other, versionId, "approve"))
            {
                Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
            }

            var details = (await PackageAsync(own))!;
            Assert.Equal(CatalogueStatus.Approved, details.Package.Status);
            Assert.Equal(2, details.Reviews.Count);
        }
        finally
        {
            await SetRulesAsync(1);
        }
    }

    [Fact]
    public async Task A_coordinator_requests_changes_with_a_comment_the_submitter_is_told_and_a_new_submission_replaces_it()
    {
        var versionId = await SubmittedVersionAsync(own);
        using var hub = await SignedInAsync("hub", Coordinator);

        using (var noComment = await DecideAsync(hub, "hub", versionId, "changes"))
        {
            Assert.Equal(HttpStatusCode.OK, noComment.StatusCode);
            Assert.Contains("id=\"comment-error\"", await noComment.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var changes = await DecideAsync(hub, "hub", versionId, "changes", "Lägg till informationsmodellen för beställningscentralen."))
        {
            Assert.Equal(HttpStatusCode.Redirect, changes.StatusCode);
        }

        Assert.Equal(CatalogueStatus.ChangesRequested, (await PackageAsync(own))!.Package.Status);
        var mail = await fixture.Mailbox.WaitForAsync($"agare@{own}.example");
        Assert.Contains("Lägg till informationsmodellen för beställningscentralen.", mail.TextBody, StringComparison.Ordinal);

        var resubmitted = await SubmittedVersionAsync(own);
        var details = (await PackageAsync(own))!;
        Assert.Equal(CatalogueStatus.Submitted, details.Package.Status);
        Assert.Equal(CatalogueStatus.ChangesRequested, details.Versions.Single(v => v.Id == versionId).Status);
        Assert.Equal(CatalogueStatus.Submitted, details.Versions.Single(v => v.Id == resubmitted).Status);
    }

    private async Task ApproveAndPublishAsync(string slug, Guid versionId)
    {
        using (var hub = await SignedInAsync("hub", Coordinator))
        using (var approve = await DecideAsync(hub, "hub", versionId, "approve"))
        {
            Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        }

        var packageId = (await PackageAsync(slug))!.Package.Id;
        using var owner = await SignedInAsync(slug, DemoAccounts.ServiceOwner);
        var admin = $"/{slug}/admin/katalog/paket/{packageId}";
        var (_, page) = await owner.GetStringAsync(admin);
        using var publish = await owner.PostWithTokenAsync(admin + "/publish", HubClient.AntiforgeryToken(page), [new("version", versionId.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
    }

    [Fact]
    public async Task A_new_version_of_a_published_package_is_reviewed_against_the_published_one_by_key()
    {
        await ApproveAndPublishAsync(own, await SubmittedVersionAsync(own));
        await using (var scope = fixture.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(own))
        {
            var package = JsonNode.Parse(SamplePackages.Demo(Key))!;
            package["version"] = "1.1.0";
            package["summary"]!["sv"] = "Ansök om färdtjänst om du inte kan åka buss eller tåg.";
            var imported = await scope.ServiceProvider.GetRequiredService<IServicePackages>().ImportAsync(package.ToJsonString());
            Assert.True(imported.Succeeded, string.Join("; ", imported.Problems));
        }

        using var owner = await SignedInAsync(own, DemoAccounts.ServiceOwner);
        var (_, form) = await owner.GetStringAsync($"/{own}/admin/katalog/dela/{Key}");
        var newer = Regex.Match(form, "<option value=\"([0-9a-f-]{36})\"[^>]*>1\\.1\\.0<").Groups[1].Value;
        using (var submitted = await SubmitAsync(owner, own, f => f["Changelog"] = "Kortare sammanfattning.", versionId: newer))
        {
            Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        }

        var details = (await PackageAsync(own))!;
        Assert.Equal(CatalogueStatus.Published, details.Package.Status); // the published version keeps serving while 1.1.0 is reviewed
        using var hub = await SignedInAsync("hub", Coordinator);
        var (_, queue) = await hub.GetStringAsync("/hub/admin/katalog/granskning");
        Assert.Contains("Ny version", queue, StringComparison.Ordinal);
        var (_, review) = await hub.GetStringAsync($"/hub/admin/katalog/granskning/{details.Versions[0].Id}");
        var text = WebUtility.HtmlDecode(Regex.Replace(review, "<[^>]+>", " "));
        Assert.Matches(@"Ändringar från 1\.0\.0 till 1\.1\.0", text);
        Assert.Matches(@"service\s+Ändrad\s*:\s*summary\.sv\s+Ansök om färdtjänst om du har svårt.*\s+Ansök om färdtjänst om du inte kan åka buss eller tåg\.", text);
    }

    [Fact]
    public async Task Anyone_browses_and_searches_the_catalogue_without_logging_in_but_reviewing_needs_a_staff_login()
    {
        using var anonymous = fixture.CreateClient();

        var (status, list) = await anonymous.GetStringAsync("/hub/katalog");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Ansökan om färdtjänst", list, StringComparison.Ordinal);
        Assert.Contains("Lämna en synpunkt", list, StringComparison.Ordinal);
        var (_, care) = await anonymous.GetStringAsync("/hub/katalog?kategori=omsorg-och-stod");
        Assert.Contains("Ansökan om färdtjänst", care, StringComparison.Ordinal);
        Assert.DoesNotContain("Lämna en synpunkt", care, StringComparison.Ordinal);

        var (_, found) = await anonymous.GetStringAsync("/hub/katalog?q=" + Uri.EscapeDataString("färdtjänsten"));
        Assert.Contains("href=\"/hub/katalog/sundsvall/fardtjanst\"", found, StringComparison.Ordinal);
        Assert.DoesNotContain("Lämna en synpunkt", found, StringComparison.Ordinal);
        var (_, english) = await anonymous.GetStringAsync("/hub/katalog?q=mobility");
        Assert.Contains("href=\"/hub/katalog/sundsvall/fardtjanst\"", english, StringComparison.Ordinal);

        var (pageStatus, page) = await anonymous.GetStringAsync("/hub/katalog/sundsvall/fardtjanst");
        Assert.Equal(HttpStatusCode.OK, pageStatus);
        Assert.Contains("Sundsvalls kommun", page, StringComparison.Ordinal);
        Assert.Contains("Lag (1997:736) om färdtjänst", page, StringComparison.Ordinal);
        Assert.Contains("Processbeskrivning", page, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetStringAsync($"/{own}/katalog")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetStringAsync("/hub/katalog/sundsvall/finns-inte")).Status);
        using var queue = await anonymous.GetAsync("/hub/admin/katalog/granskning");
        Assert.Equal(HttpStatusCode.Redirect, queue.StatusCode);
        Assert.Contains("/konto/logga-in", queue.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_municipality_cannot_submit_or_change_another_municipalitys_service()
    {
        Guid ownVersion;
        await using (var scope = fixture.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(own))
        {
            var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
            ownVersion = await db.Services.Where(s => s.Key == Key).Select(s => s.PublishedVersionId!.Value).SingleAsync();
        }

        using var stranger = await SignedInAsync(other, DemoAccounts.ServiceOwner);

        // The stranger's own Färdtjänst page, with the other municipality's version id posted into it.
        using (var crafted = await SubmitAsync(stranger, other, versionId: ownVersion.ToString()))
        {
            Assert.Equal(HttpStatusCode.NotFound, crafted.StatusCode);
        }

        Assert.Null(await PackageAsync(own));
        Assert.Null(await PackageAsync(other));

        var versionId = await SubmittedVersionAsync(own);
        var packageId = (await PackageAsync(own))!.Package.Id;
        var (_, page) = await stranger.GetStringAsync($"/{other}/admin/katalog");
        Assert.DoesNotContain(packageId.ToString(), page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetStringAsync($"/{other}/admin/katalog/paket/{packageId}")).Status);
        using (var withdraw = await stranger.PostWithTokenAsync($"/{other}/admin/katalog/paket/{packageId}/withdraw", HubClient.AntiforgeryToken(page), [new("reason", "Vi vill inte")]))
        {
            Assert.Equal(HttpStatusCode.NotFound, withdraw.StatusCode);
        }

        using (var publish = await stranger.PostWithTokenAsync($"/{other}/admin/katalog/paket/{packageId}/publish", HubClient.AntiforgeryToken(page), [new("version", versionId.ToString())]))
        {
            Assert.Equal(HttpStatusCode.NotFound, publish.StatusCode);
        }

        // Reviewing is for coordinators, and a ServiceOwner is not one.
        using var review = await stranger.GetAsync($"/{other}/admin/katalog/granskning/{versionId}");
        Assert.Contains("/konto/atkomst-nekad", review.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(CatalogueStatus.Submitted, (await PackageAsync(own))!.Package.Status);
        using var strangerAdmin = await SignedInAsync(other, DemoAccounts.TenantAdmin);
        using var rules = await strangerAdmin.GetAsync($"/{other}/admin/katalog/regler");
        Assert.Contains("/konto/atkomst-nekad", rules.Headers.Location!.OriginalString, StringComparison.Ordinal);
        using var editor = await SignedInAsync(own, DemoAccounts.Editor);
        using var editorSubmit = await editor.GetAsync($"/{own}/admin/katalog/dela/{Key}");
        Assert.Contains("/konto/atkomst-nekad", editorSubmit.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_owner_deprecates_with_a_reason_the_public_page_warns_and_a_coordinator_withdraws_it()
    {
        var versionId = await SubmittedVersionAsync(own);
        var packageId = (await PackageAsync(own))!.Package.Id;
        await ApproveAndPublishAsync(own, versionId);
        using var owner = await SignedInAsync(own, DemoAccounts.ServiceOwner);
        var admin = $"/{own}/admin/katalog/paket/{packageId}";
        var (_, page) = await owner.GetStringAsync(admin);
        using (var noReason = await owner.PostWithTokenAsync(admin + "/deprecate", HubClient.AntiforgeryToken(page), [new("reason", "")]))
        {
            Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
            Assert.Contains("id=\"reason-error\"", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var deprecate = await owner.PostWithTokenAsync(admin + "/deprecate", HubClient.AntiforgeryToken(page), [new("reason", "Ersätts av Riksfärdtjänst 2.0.")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, deprecate.StatusCode);
        }

        using var anonymous = fixture.CreateClient();
        var (_, publicPage) = await anonymous.GetStringAsync($"/hub/katalog/{own}/{Key}");
        Assert.Contains("Ägaren avråder från den här e-tjänsten.", publicPage, StringComparison.Ordinal);
        Assert.Contains("Ersätts av Riksfärdtjänst 2.0.", publicPage, StringComparison.Ordinal);

        using var coordinator = await SignedInAsync("hub", Coordinator);
        var hubAdmin = $"/hub/admin/katalog/paket/{packageId}";
        var (_, hubPage) = await coordinator.GetStringAsync(hubAdmin);
        using (var withdraw = await coordinator.PostWithTokenAsync(hubAdmin + "/withdraw", HubClient.AntiforgeryToken(hubPage), [new("reason", "Uppfyller inte längre lagkraven.")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, withdraw.StatusCode);
        }

        var (_, list) = await anonymous.GetStringAsync("/hub/katalog");
        Assert.DoesNotContain($"/hub/katalog/{own}/{Key}", list, StringComparison.Ordinal);
        (_, publicPage) = await anonymous.GetStringAsync($"/hub/katalog/{own}/{Key}");
        Assert.Contains("E-tjänsten är tillbakadragen ur katalogen.", publicPage, StringComparison.Ordinal);
        Assert.Equal(["catalogue.submitted", "catalogue.published", "catalogue.deprecated"], (await AuditAsync(own, packageId)).Select(e => e.Action));
        Assert.Equal(["catalogue.approved", "catalogue.withdrawn"], (await AuditAsync("hub", packageId)).Select(e => e.Action));
    }

    [GeneratedRegex("<option value=\"([0-9a-f-]{36})\" selected")]
    private static partial Regex SelectedVersion();
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteCatalogueTests(SqliteHubFixture fixture) : CatalogueTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresCatalogueTests(PostgresHubFixture fixture) : CatalogueTests(fixture);
