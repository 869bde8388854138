using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hub.Catalog.Data;
using Hub.Packages.Tests.Packages;
using Hub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Catalog.Tests.Studio;

/// <summary>
/// The studio's import page over HTTP: a package file becomes a stored, unpublished version, all or nothing; only a
/// service owner imports; another tenant's studio pages of the workflow answer 404.
/// </summary>
public abstract partial class StudioTests
{
    private static string ImportPath(string slug) => $"/{slug}/admin/e-tjanster/importera";

    /// <summary>Uploads <paramref name="json"/> as a package file on the import page, as a browser sends it.</summary>
    private static async Task<HttpResponseMessage> ImportAsync(HubClient client, string slug, string json)
    {
        var (_, html) = await client.GetStringAsync(ImportPath(slug));
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(HubClient.AntiforgeryToken(html) ?? ""), "__RequestVerificationToken");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(file, "package", "paket.service.json");
        using var request = new HttpRequestMessage(HttpMethod.Post, ImportPath(slug)) { Content = form };
        return await client.SendAsync(request);
    }

    private async Task<List<string>> StoredVersionsAsync(string slug, string key)
    {
        await using var scope = TenantScope(slug);
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        return await db.Versions.Where(v => db.Services.Any(s => s.Id == v.ServiceId && s.Key == key)).Select(v => v.Version).ToListAsync();
    }

    [Fact]
    public async Task A_service_owner_imports_a_package_as_a_new_unpublished_version_and_the_same_file_again_changes_nothing()
    {
        using var owner = await SignedInAsync(Own, DemoAccounts.ServiceOwner);
        var (_, index) = await owner.GetStringAsync($"/{Own}/admin/e-tjanster");
        Assert.Contains($"href=\"{ImportPath(Own)}\"", index, StringComparison.Ordinal);

        using var first = await ImportAsync(owner, Own, SamplePackages.Full("import-test"));
        var html = WebUtility.HtmlDecode(await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("import-test version 1.0.0 är sparad", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/{Own}/admin/e-tjanster/import-test/versioner\"", html, StringComparison.Ordinal);
        Assert.Contains("Kvalitetskontroll", html, StringComparison.Ordinal);

        using var again = await ImportAsync(owner, Own, SamplePackages.Full("import-test"));
        Assert.Contains("fanns redan med samma innehåll", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        using var next = await ImportAsync(owner, Own, SamplePackages.Full("import-test", "1.1.0"));
        var stored = await next.Content.ReadAsStringAsync();
        Assert.Contains("import-test version 1.1.0 är sparad", WebUtility.HtmlDecode(stored), StringComparison.Ordinal);

        Assert.Equal(["1.0.0", "1.1.0"], (await StoredVersionsAsync(Own, "import-test")).Order(StringComparer.Ordinal));
        Assert.Empty(await StoredVersionsAsync(Other, "import-test"));
        using var citizen = Fixture.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetStringAsync($"/{Own}/e-tjanster/import-test")).Status);

        // Published from the result page; another tenant's owner cannot publish it by its id.
        var id = VersionIdField().Match(stored).Groups[1].Value;
        using var stranger = await SignedInAsync(Other, DemoAccounts.ServiceOwner);
        var (_, strangerPage) = await stranger.GetStringAsync(ImportPath(Other));
        using var crafted = await stranger.PostWithTokenAsync(ImportPath(Other) + "?handler=publish", HubClient.AntiforgeryToken(strangerPage), [new("id", id)]);
        Assert.Equal(HttpStatusCode.NotFound, crafted.StatusCode);
        using var publish = await owner.PostWithTokenAsync(ImportPath(Own) + "?handler=publish", HubClient.AntiforgeryToken(stored), [new("id", id)]);
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        Assert.Contains("publicerad=import-test&version=1.1.0", publish.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await citizen.GetStringAsync($"/{Own}/e-tjanster/import-test")).Status);
    }

    [GeneratedRegex("name=\"id\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex VersionIdField();

    [Fact]
    public async Task A_hostile_package_is_refused_with_every_problem_and_its_path_and_nothing_is_stored()
    {
        using var owner = await SignedInAsync(Own, DemoAccounts.ServiceOwner);
        var hostile = SamplePackages.FullWith(n =>
        {
            n["category"] = "<script>alert(1)</script>";
            n["workflow"]!["transitions"]![0]!["to"] = "nowhere";
            n["workflow"]!["notifications"]![0]!["body"]!["sv"] = "Hej\n{% if case.number %}";
            n["handlingDays"] = new JsonArray();
        }, key: "fientlig");

        using var response = await ImportAsync(owner, Own, hostile);

        var html = await response.Content.ReadAsStringAsync();
        var text = WebUtility.HtmlDecode(html);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"package-error\"", html, StringComparison.Ordinal);
        foreach (var path in new[] { "$.category", "$.workflow.transitions[0].to", "$.workflow.notifications[0].body.sv", "$.handlingDays" })
        {
            Assert.Contains($"<code>{path}</code>", text, StringComparison.Ordinal);
        }

        Assert.Contains("is a broken Liquid template: line 2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        Assert.Empty(await StoredVersionsAsync(Own, "fientlig"));

        using var large = await ImportAsync(owner, Own, new string(' ', 2 * 1024 * 1024 + 10) + "{}");
        Assert.Contains("id=\"package-error\"", await large.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Far over the limit, the server refuses the request (400/413) and may close the connection while the client
        // is still sending: both mean it was not taken.
        try
        {
            using var huge = await ImportAsync(owner, Own, new string(' ', 3 * 1024 * 1024));
            Assert.True((int)huge.StatusCode is 400 or 413, $"{huge.StatusCode}");
        }
        catch (HttpRequestException refused) when (refused.InnerException is IOException)
        {
        }

        using var broken = await ImportAsync(owner, Own, "{\"key\": \"fientlig\",");
        Assert.Contains("<code>$", await broken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await StoredVersionsAsync(Own, "fientlig"));
    }

    [Fact]
    public async Task An_editor_cannot_import()
    {
        using var editor = await SignedInAsync(Own, DemoAccounts.Editor);
        using var page = await editor.GetAsync(ImportPath(Own));
        Assert.Contains("/konto/atkomst-nekad", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var (_, index) = await editor.GetStringAsync($"/{Own}/admin/e-tjanster");
        Assert.DoesNotContain(ImportPath(Own), index, StringComparison.Ordinal);

        var (_, other) = await editor.GetStringAsync($"/{Own}/admin/e-tjanster/ny");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(HubClient.AntiforgeryToken(other)!), "__RequestVerificationToken");
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(SamplePackages.Full("smuggel"))), "package", "p.json");
        using var request = new HttpRequestMessage(HttpMethod.Post, ImportPath(Own)) { Content = form };
        using var crafted = await editor.SendAsync(request);

        Assert.Contains("/konto/atkomst-nekad", crafted.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Empty(await StoredVersionsAsync(Own, "smuggel"));
    }

    [Fact]
    public async Task Another_tenants_workflow_is_not_found_by_any_workflow_page_or_crafted_post()
    {
        using var victim = await BuildAsync(Other);
        await PostOkAsync(victim, Workflow(Other, "/meddelande"), null,
            [new("key", "mottaget"), new("state", "received"), new("recipient", "citizen"), new("subject.sv", "Hej"), new("subject.en", "Hi"),
             new("body.sv", "Mottaget."), new("body.en", "Received."), new("action", "save")]);
        var before = await DraftContentAsync(Other);
        using var client = await SignedInAsync(Own, DemoAccounts.TenantAdmin);
        var (_, page) = await client.GetStringAsync($"/{Own}/admin/e-tjanster/ny");
        var token = HubClient.AntiforgeryToken(page);

        foreach (var path in new[] { "", "/tillstand", "/tillstand/received", "/overgang", "/overgang/start", "/regel", "/meddelande", "/meddelande/mottaget" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetStringAsync(Workflow(Own, path))).Status);
        }

        foreach (var (path, fields) in new (string, KeyValuePair<string, string>[])[]
        {
            ("/tillstand/received", [new("category", "closed"), new("label.sv", "Kapad"), new("label.en", "Hijacked")]),
            ("/tillstand", [new("key", "kapad"), new("category", "closed"), new("label.sv", "Kapad"), new("label.en", "Hijacked")]),
            ("/overgang/start", [new("label.sv", "Kapad"), new("from", "received"), new("to", "closed"), new("roles", "citizen")]),
            ("/regel", [new("key", "kapad"), new("group", "kapad"), new("when.json", "{\"eq\": [\"har-djur\", \"yes\"]}")]),
            ("/meddelande/mottaget", [new("state", "received"), new("recipient", "citizen"), new("subject.sv", "Kapad"), new("action", "preview")]),
            ("?handler=general", [new("initial", "closed")]),
            ("?handler=item", [new("list", "states"), new("key", "decided"), new("op", "remove")]),
        })
        {
            using var response = await client.PostWithTokenAsync(Workflow(Own, path), token, [.. fields, new("revision", "1")]);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {response.StatusCode}");
        }

        Assert.Equal(before, await DraftContentAsync(Other));
    }
}
