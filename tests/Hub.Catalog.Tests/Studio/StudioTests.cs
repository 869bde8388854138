using System.Net;
using System.Text.RegularExpressions;
using Hub.Catalog.Contracts;
using Hub.Catalog.Data;
using Hub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Catalog.Tests.Studio;

/// <summary>
/// The studio over real HTTP: Editors build in a draft while the published version serves; a ServiceOwner publishes
/// what the quality gate lets through; another tenant's services are never found, read or changed.
/// </summary>
public abstract partial class StudioTests(HubFixture fixture) : TwoTenantTests(fixture)
{
    private const string Key = "husdjur";

    private static string Studio(string slug, string path = "") => $"/{slug}/admin/e-tjanster/{Key}{path}";

    /// <summary>Creates the service <see cref="Key"/> in <paramref name="slug"/> with one yes/no question and a question shown when it is yes.</summary>
    private async Task<HubClient> BuildAsync(string slug)
    {
        var editor = await SignedInAsync(slug, DemoAccounts.Editor);
        await PostOkAsync(editor, $"/{slug}/admin/e-tjanster/ny", null,
            [new("Key", Key), new("Languages", "sv"), new("Languages", "en"), new("Title.sv", "Husdjur"), new("Title.en", "Pets")]);
        await PostOkAsync(editor, Studio(slug), "?handler=addelement", [new("parent", "sida-1"), new("add-sida-1.type", "yesNo"), new("add-sida-1.key", "har-djur")]);
        await PostOkAsync(editor, Studio(slug, "/element/har-djur"), null, [new("label.sv", "Har du husdjur?"), new("label.en", "Do you have pets?")]);
        await PostOkAsync(editor, Studio(slug), "?handler=addelement", [new("parent", "sida-1"), new("add-sida-1.type", "text"), new("add-sida-1.key", "djur")]);
        await PostOkAsync(editor, Studio(slug, "/element/djur"), null,
            [new("label.sv", "Vilka djur?"), new("label.en", "Which animals?"), new("maxLength", "200"), new("when.question", "har-djur"), new("when.value", "ja")]);
        await PostOkAsync(editor, Studio(slug, "/sida/sida-1"), null, [new("title.sv", "Djuren"), new("title.en", "The animals")]);
        await PostOkAsync(editor, Studio(slug, "/uppgifter"), null,
            [new("title.sv", "Husdjur"), new("title.en", "Pets"), new("summary.sv", "Anmäl dina husdjur."), new("summary.en", "Register your pets."),
             new("description.sv", "Här anmäler du husdjur."), new("description.en", "Register your pets here."),
             new("category", "bygga-bo-och-miljo"), new("access", "anonymous"), new("handlingDays", "14")]);
        return editor;
    }

    /// <summary>Posts a form of the page at <paramref name="path"/> (token and revision from it) and expects the redirect of a save.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HubClient client, string path, string? query, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var (_, html) = await client.GetStringAsync(path);
        var revision = RevisionPattern().Match(html) is { Success: true } match ? match.Groups[1].Value : "0";
        return await client.PostWithTokenAsync(path + query, HubClient.AntiforgeryToken(html), [.. fields, new("revision", revision)]);
    }

    private static async Task PostOkAsync(HubClient client, string path, string? query, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var response = await PostAsync(client, path, query, fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{path}{query}: {response.StatusCode}\n{await response.Content.ReadAsStringAsync()}");
    }

    private async Task<string> DraftContentAsync(string slug)
    {
        await using var scope = TenantScope(slug);
        return (await scope.ServiceProvider.GetRequiredService<CatalogDbContext>().Drafts.SingleAsync(d => d.ServiceKey == Key)).Content;
    }

    [Fact]
    public async Task A_description_in_paragraphs_as_a_browser_posts_it_is_kept_with_line_feeds_and_a_refusal_is_in_one_language()
    {
        using var editor = await BuildAsync(Own);
        await PostOkAsync(editor, Studio(Own, "/uppgifter"), null,
            [new("title.sv", "Husdjur"), new("title.en", "Pets"), new("summary.sv", "Anmäl dina husdjur."), new("summary.en", "Register your pets."),
             new("description.sv", "Första stycket.\r\n\r\nAndra stycket."), new("description.en", "First.\r\rSecond."),
             new("category", "bygga-bo-och-miljo"), new("access", "anonymous"), new("handlingDays", "14")]);
        var content = await DraftContentAsync(Own);
        var description = System.Text.Json.Nodes.JsonNode.Parse(content)!["description"]!;
        Assert.Equal("Första stycket.\n\nAndra stycket.", (string?)description["sv"]);
        Assert.Equal("First.\n\nSecond.", (string?)description["en"]);

        // A control character that is no line break is still refused, in Swedish only, next to the field.
        using var refused = await PostAsync(editor, Studio(Own, "/uppgifter"), null,
            [new("title.sv", "Husdjur"), new("title.en", "Pets"), new("summary.sv", "Anmäl\u0007 dina husdjur."), new("summary.en", "Register your pets."),
             new("description.sv", "Text."), new("description.en", "Text."), new("category", "bygga-bo-och-miljo"), new("access", "anonymous"), new("handlingDays", "14")]);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Matches("id=\"summary_sv-error\"[^<]*<span[^>]*>[^<]*</span>[^<]*Godtas inte: texten innehåller osynliga styrtecken", html);
        Assert.DoesNotContain("control characters", html, StringComparison.Ordinal);
        Assert.Equal(content, await DraftContentAsync(Own));
    }

    [Fact]
    public async Task An_editor_builds_and_previews_a_service_that_only_a_service_owner_publishes_and_citizens_then_get()
    {
        using var editor = await BuildAsync(Own);
        using var citizen = Fixture.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetStringAsync($"/{Own}/e-tjanster/{Key}")).Status);

        var (listStatus, list) = await editor.GetStringAsync($"/{Own}/admin/e-tjanster");
        Assert.Equal(HttpStatusCode.OK, listStatus);
        Assert.Contains("Utkast finns", list, StringComparison.Ordinal);
        var (previewStatus, preview) = await editor.GetStringAsync(Studio(Own, "/forhandsgranska"));
        Assert.Equal(HttpStatusCode.OK, previewStatus);
        Assert.Contains("Förhandsgranskning", preview, StringComparison.Ordinal);
        Assert.Contains("Har du husdjur?", preview, StringComparison.Ordinal);
        Assert.Matches("data-element=\"djur\" hidden", preview);
        var (_, english) = await editor.GetStringAsync(Studio(Own, "/forhandsgranska/sida-1?sprak=en&prova=true&har-djur=yes"));
        Assert.Contains("Which animals?", english, StringComparison.Ordinal);
        Assert.DoesNotMatch("data-element=\"djur\" hidden", english);

        using var editorPublish = await editor.GetAsync(Studio(Own, "/publicera"));
        Assert.Equal(HttpStatusCode.Redirect, editorPublish.StatusCode);
        Assert.Contains("/konto/atkomst-nekad", editorPublish.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var (_, draftPage) = await editor.GetStringAsync(Studio(Own));
        using var crafted = await editor.PostWithTokenAsync(Studio(Own, "/publicera"), HubClient.AntiforgeryToken(draftPage),
            [new("version", "1.0.0"), new("changeNote", "Första"), new("revision", RevisionPattern().Match(draftPage).Groups[1].Value)]);
        Assert.Equal(HttpStatusCode.Redirect, crafted.StatusCode);
        Assert.Contains("/konto/atkomst-nekad", crafted.Headers.Location!.OriginalString, StringComparison.Ordinal);

        using var owner = await SignedInAsync(Own, DemoAccounts.ServiceOwner);
        await PostOkAsync(owner, Studio(Own, "/publicera"), null, [new("version", "1.0.0"), new("changeNote", "Första versionen")]);

        var (startStatus, start) = await citizen.GetStringAsync($"/{Own}/e-tjanster/{Key}");
        Assert.Equal(HttpStatusCode.OK, startStatus);
        Assert.Contains("Här anmäler du husdjur.", start, StringComparison.Ordinal);
        var (_, afterList) = await editor.GetStringAsync($"/{Own}/admin/e-tjanster");
        Assert.Contains("1.0.0", afterList, StringComparison.Ordinal);
        Assert.DoesNotContain("Utkast finns", afterList, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Versions_are_listed_compared_by_key_and_downloaded_and_another_tenant_sees_none()
    {
        using var editor = await BuildAsync(Own);
        using var owner = await SignedInAsync(Own, DemoAccounts.ServiceOwner);
        await PostOkAsync(owner, Studio(Own, "/publicera"), null, [new("version", "1.0.0"), new("changeNote", "Första versionen")]);
        await PostOkAsync(editor, Studio(Own), "?handler=start", []);
        await PostOkAsync(editor, Studio(Own, "/element/djur"), null,
            [new("label.sv", "Vilka djur har du?"), new("label.en", "Which animals?"), new("maxLength", "200"), new("when.question", "har-djur"), new("when.value", "ja")]);
        await PostOkAsync(editor, Studio(Own), "?handler=addelement", [new("parent", "sida-1"), new("add-sida-1.type", "number"), new("add-sida-1.key", "antal")]);
        await PostOkAsync(editor, Studio(Own, "/element/antal"), null, [new("label.sv", "Hur många?"), new("label.en", "How many?")]);
        await PostOkAsync(owner, Studio(Own, "/publicera"), null, [new("version", "1.1.0"), new("changeNote", "Tydligare fråga, antal djur")]);

        var (status, list) = await editor.GetStringAsync(Studio(Own, "/versioner"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Första versionen", list, StringComparison.Ordinal);
        Assert.Contains("Tydligare fråga, antal djur", list, StringComparison.Ordinal);
        var compare = WebUtility.HtmlDecode(CompareLink().Match(list).Groups[1].Value);
        var (_, diff) = await editor.GetStringAsync(compare);
        var text = WebUtility.HtmlDecode(Regex.Replace(diff, "<[^>]+>", " "));
        Assert.Matches(@"Vilka djur har du\?\s+element:djur\s+Ändrad\s*:\s*label\.sv\s+Vilka djur\?\s+Vilka djur har du\?", text);
        Assert.Matches(@"Hur många\?\s+element:antal\s+Tillagd", text);
        Assert.DoesNotContain("element:har-djur", text, StringComparison.Ordinal); // unchanged, not listed

        var download = WebUtility.HtmlDecode(ExportLink().Match(list).Groups[1].Value);
        using var file = await editor.GetAsync(download);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("husdjur-1.1.0.service.json", file.Content.Headers.ContentDisposition?.FileNameStar ?? file.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Contains("\"formatVersion\":1", await file.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Another municipality's editor: no such service, and the version's id leads nowhere.
        using var stranger = await SignedInAsync(Other, DemoAccounts.Editor);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetStringAsync($"/{Other}/admin/e-tjanster/{Key}/versioner")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetStringAsync(download.Replace($"/{Own}/", $"/{Other}/", StringComparison.Ordinal))).Status);
    }

    [GeneratedRegex("href=\"([^\"]*/versioner\\?fran=[^\"]+)\"")]
    private static partial Regex CompareLink();

    [GeneratedRegex("href=\"([^\"]*/versioner/export\\?id=[^\"]+)\"")]
    private static partial Regex ExportLink();

    [Fact]
    public async Task The_quality_gate_blocks_publishing_while_a_label_is_missing_and_says_where()
    {
        using var editor = await BuildAsync(Own);
        await PostOkAsync(editor, Studio(Own, "/element/djur"), null, [new("label.sv", "Vilka djur?"), new("label.en", "")]);
        var (_, draft) = await editor.GetStringAsync(Studio(Own));
        Assert.Contains("Måste åtgärdas före publicering", draft, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Studio(Own, "/element/djur")}\"", draft, StringComparison.Ordinal);

        using var owner = await SignedInAsync(Own, DemoAccounts.ServiceOwner);
        using var blocked = await PostAsync(owner, Studio(Own, "/publicera"), null, [new("version", "1.0.0"), new("changeNote", "Första")]);
        Assert.Equal(HttpStatusCode.OK, blocked.StatusCode);
        Assert.Contains("kan inte publiceras förrän", await blocked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await Fixture.CreateClient().GetStringAsync($"/{Own}/e-tjanster/{Key}")).Status);

        await PostOkAsync(editor, Studio(Own, "/element/djur"), null, [new("label.sv", "Vilka djur?"), new("label.en", "Which animals?")]);
        await PostOkAsync(owner, Studio(Own, "/publicera"), null, [new("version", "1.0.0"), new("changeNote", "Första")]);
    }

    [Fact]
    public async Task Bad_input_is_explained_next_to_its_field_and_what_was_saved_stays()
    {
        using var editor = await BuildAsync(Own);
        var before = await DraftContentAsync(Own);

        using var pattern = await PostAsync(editor, Studio(Own, "/element/djur"), null,
            [new("label.sv", "Ändrad"), new("label.en", "Changed"), new("pattern", "(a"), new("maxLength", "tio")]);
        var html = await pattern.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, pattern.StatusCode);
        Assert.Contains("id=\"maxLength-error\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Ändrad\"", html, StringComparison.Ordinal);
        using var condition = await PostAsync(editor, Studio(Own, "/element/djur"), null,
            [new("label.sv", "Ändrad"), new("label.en", "Changed"), new("pattern", "(a")]);
        Assert.Contains("id=\"pattern-error\"", await condition.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var json = await PostAsync(editor, Studio(Own, "/element/djur"), null,
            [new("label.sv", "Ändrad"), new("label.en", "Changed"), new("when.json", "{\"eq\": [\"djur\", \"x\"], \"or\": []}")]);
        Assert.Contains("id=\"when_json-error\"", await json.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var script = await PostAsync(editor, Studio(Own, "/element/djur"), null, [new("label.sv", "<script>alert(1)</script>"), new("label.en", "x")]);
        var refused = await script.Content.ReadAsStringAsync();
        Assert.Contains("id=\"label_sv-error\"", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)</script>", refused, StringComparison.Ordinal);

        Assert.Equal(before, await DraftContentAsync(Own));
    }

    [Fact]
    public async Task Pages_and_elements_are_added_moved_and_removed()
    {
        using var editor = await BuildAsync(Own);
        await PostOkAsync(editor, Studio(Own), "?handler=addpage", [new("addpage.key", "sida-2")]);
        await PostOkAsync(editor, Studio(Own), "?handler=addelement", [new("parent", "sida-2"), new("add-sida-2.type", "radio"), new("add-sida-2.key", "storlek")]);
        await PostOkAsync(editor, Studio(Own, "/element/storlek"), "#options",
            [new("label.sv", "Storlek"), new("label.en", "Size"), new("new-options.key", "liten"), new("new-options.label.sv", "Liten"), new("new-options.label.en", "Small"), new("action", "add:options")]);
        await PostOkAsync(editor, Studio(Own, "/element/storlek"), null,
            [new("label.sv", "Storlek"), new("label.en", "Size"), new("options[0].key", "liten"), new("options[0].label.sv", "Liten"), new("options[0].label.en", "Small"),
             new("new-options.key", "stor"), new("new-options.label.sv", "Stor"), new("new-options.label.en", "Big")]);
        await PostOkAsync(editor, Studio(Own), "?handler=addelement", [new("parent", "sida-2"), new("add-sida-2.type", "info"), new("add-sida-2.key", "intro")]);
        await PostOkAsync(editor, Studio(Own), "?handler=element", [new("key", "intro"), new("op", "up")]);
        await PostOkAsync(editor, Studio(Own), "?handler=page", [new("key", "sida-2"), new("op", "up")]);

        var content = await DraftContentAsync(Own);
        Assert.True(content.IndexOf("\"sida-2\"", StringComparison.Ordinal) < content.IndexOf("\"sida-1\"", StringComparison.Ordinal));
        Assert.True(content.IndexOf("\"intro\"", StringComparison.Ordinal) < content.IndexOf("\"storlek\"", StringComparison.Ordinal));
        Assert.True(content.IndexOf("\"liten\"", StringComparison.Ordinal) < content.IndexOf("\"stor\"", StringComparison.Ordinal));

        // A condition may only read questions before it: moving it above them, or removing what it reads, is refused
        // with the reason, and nothing changes.
        foreach (var (key, op) in new[] { ("djur", "up"), ("har-djur", "remove") })
        {
            using var refused = await PostAsync(editor, Studio(Own), "?handler=element", [new("key", key), new("op", op)]);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("visibleWhen", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(content, await DraftContentAsync(Own));
        }

        await PostOkAsync(editor, Studio(Own), "?handler=element", [new("key", "djur"), new("op", "remove")]);
        Assert.DoesNotContain("\"djur\"", await DraftContentAsync(Own), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_tenants_service_is_not_found_by_any_studio_page_or_crafted_post()
    {
        using var victimEditor = await BuildAsync(Other);
        var before = await DraftContentAsync(Other);
        using var client = await SignedInAsync(Own, DemoAccounts.TenantAdmin);
        var (_, page) = await client.GetStringAsync($"/{Own}/admin/e-tjanster/ny");
        var token = HubClient.AntiforgeryToken(page);

        foreach (var path in new[] { "", "/element/djur", "/sida/sida-1", "/uppgifter", "/publicera", "/forhandsgranska", "/forhandsgranska/sida-1" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetStringAsync(Studio(Own, path))).Status);
        }

        foreach (var (path, fields) in new (string, KeyValuePair<string, string>[])[]
        {
            ("/element/djur", [new("label.sv", "Kapad"), new("label.en", "Hijacked")]),
            ("/sida/sida-1", [new("title.sv", "Kapad")]),
            ("/uppgifter", [new("title.sv", "Kapad"), new("category", "kommun-och-politik"), new("access", "login"), new("handlingDays", "1")]),
            ("/publicera", [new("version", "9.0.0"), new("changeNote", "Kapad")]),
            ("?handler=addelement", [new("parent", "sida-1"), new("add-sida-1.type", "text"), new("add-sida-1.key", "kapad")]),
            ("?handler=addpage", [new("addpage.key", "kapad")]),
            ("?handler=element", [new("key", "djur"), new("op", "remove")]),
            ("?handler=page", [new("key", "sida-1"), new("op", "down")]),
            ("?handler=discard", []),
            ("?handler=start", []),
        })
        {
            using var response = await client.PostWithTokenAsync(Studio(Own, path), token, [.. fields, new("revision", "1")]);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {response.StatusCode}");
        }

        using var otherSite = await client.GetAsync(Studio(Other));
        Assert.StartsWith($"/{Other}/konto/logga-in", otherSite.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        using var otherPost = await client.PostWithTokenAsync(Studio(Other, "/element/djur"), token, [new("label.sv", "Kapad")]);
        Assert.True(otherPost.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"{otherPost.StatusCode}");
        var (_, ownList) = await client.GetStringAsync($"/{Own}/admin/e-tjanster");
        Assert.DoesNotContain(Key, ownList, StringComparison.Ordinal);
        Assert.Equal(before, await DraftContentAsync(Other));
        await using var scope = TenantScope(Other);
        Assert.Null(await scope.ServiceProvider.GetRequiredService<IServiceDirectory>().FindPublishedAsync(Key));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        using var editor = await BuildAsync(Own);
        var before = await DraftContentAsync(Own);

        using var response = await editor.PostWithTokenAsync(Studio(Own, "/element/djur"), null, [new("label.sv", "Utan token"), new("revision", "7")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await DraftContentAsync(Own));
    }

    [Fact]
    public async Task A_case_officer_has_no_studio()
    {
        using var officer = await SignedInAsync(Own, DemoAccounts.CaseOfficer);

        using var response = await officer.GetAsync($"/{Own}/admin/e-tjanster");

        Assert.Contains("/konto/atkomst-nekad", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"revision\" value=\"(\\d+)\"")]
    private static partial Regex RevisionPattern();
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteStudioTests(SqliteHubFixture fixture) : StudioTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresStudioTests(PostgresHubFixture fixture) : StudioTests(fixture);
