using Hub.Testing;
using Microsoft.Playwright;

namespace Hub.EndToEnd.Tests;

/// <summary>
/// The studio in a real browser on the demo tenant mjolby: an Editor builds a two-page service with a conditional
/// question from scratch with the keyboard, previews it in Swedish and English, the quality gate blocks publishing
/// over a missing English label, the Editor fixes it, a ServiceOwner publishes and a citizen submits it. Every studio
/// page is scanned in Swedish while building and once more in English, without building twice.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StudioJourneyTests(BrowserFixture browser)
{
    private const string Tenant = "mjolby";
    private const string Key = "cykelparkering";
    private const string Studio = $"/{Tenant}/admin/e-tjanster/{Key}";

    // Each kind of studio page is scanned once per language: the suite's time goes to axe.
    private readonly HashSet<string> scanned = [];

    private async Task ScanAsync(IPage page, string language)
    {
        var path = new Uri(page.Url).AbsolutePath;
        var kind = path.Contains("/element/", StringComparison.Ordinal) ? "element" : path.Contains("/sida/", StringComparison.Ordinal) ? "page"
            : path.Contains("/forhandsgranska", StringComparison.Ordinal) ? "preview" + page.Url.Contains("prova", StringComparison.Ordinal) : path;
        if (scanned.Add($"{kind} {language}"))
        {
            await PageChecks.AssertAccessibleAsync(page, language);
        }
    }

    private async Task VisitAsync(IPage page, string path, string language)
    {
        await page.GotoAsync(path);
        await ScanAsync(page, language);
    }

    private static async Task SignInAsync(IPage page, string user)
    {
        await page.GotoAsync($"/{Tenant}/konto/logga-in");
        await TypeAsync(page, "#UserName", user);
        await TypeAsync(page, "#Password", DemoAccounts.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"**/{Tenant}/admin");
    }

    [Fact]
    public async Task An_editor_builds_previews_and_fixes_a_service_a_service_owner_publishes_and_a_citizen_submits()
    {
        var editor = await browser.NewPageAsync("sv");
        await SignInAsync(editor, DemoAccounts.Editor);
        await VisitAsync(editor, $"/{Tenant}/admin/e-tjanster", "sv");
        await editor.GetByRole(AriaRole.Link, new() { Name = "Skapa e-tjänst" }).FocusAsync();
        await editor.Keyboard.PressAsync("Enter");
        await editor.WaitForURLAsync("**/admin/e-tjanster/ny");
        await ScanAsync(editor, "sv");
        await TypeAsync(editor, "#Key", Key);
        await TypeAsync(editor, "#Title_sv", "Cykelparkering");
        await TypeAsync(editor, "#Title_en", "Bicycle parking");
        await editor.Keyboard.PressAsync("Enter");
        await editor.WaitForURLAsync($"**{Studio}?sparat=*");
        await ScanAsync(editor, "sv");

        // Page 1: a yes/no question, and a question shown only for yes, whose English label is forgotten.
        await AddElementAsync(editor, "sida-1", "yesNo", "har-cykel");
        await TypeAsync(editor, "#label_sv", "Har du en cykel?");
        await TypeAsync(editor, "#label_en", "Do you have a bicycle?");
        await editor.Keyboard.PressAsync("Enter");
        await editor.WaitForURLAsync($"**{Studio}?sparat=*");
        await AddElementAsync(editor, "sida-1", "text", "cykel-typ");
        await TypeAsync(editor, "#label_sv", "Vilken sorts cykel?");
        await editor.SelectOptionAsync("#when_question", "har-cykel");
        await TypeAsync(editor, "#when_value", "ja");
        await editor.Keyboard.PressAsync("Enter");
        await editor.WaitForURLAsync($"**{Studio}?sparat=*");
        await EditPageTitleAsync(editor, "sida-1", "Cykeln", "The bicycle");

        // Page 2: a required e-mail question.
        await TypeAsync(editor, "#addpage_key", "sida-2");
        await editor.Keyboard.PressAsync("Enter");
        await editor.WaitForURLAsync($"**{Studio}/sida/sida-2?sparat=*");
        await EditPageTitleAsync(editor, "sida-2", "Kontakt", "Contact", onPage: true);
        await AddElementAsync(editor, "sida-2", "email", "epost");
        await TypeAsync(editor, "#label_sv", "E-postadress");
        await TypeAsync(editor, "#label_en", "E-mail address");
        await editor.CheckAsync("#required");
        await editor.Locator("main form .button-group button[value=save]").ClickAsync();
        await editor.WaitForURLAsync($"**{Studio}?sparat=*");

        await VisitAsync(editor, Studio + "/uppgifter", "sv");
        await TypeAsync(editor, "#summary_sv", "Ansök om en plats i cykelgaraget.");
        await TypeAsync(editor, "#summary_en", "Apply for a place in the bicycle garage.");
        await TypeAsync(editor, "#description_sv", "Här ansöker du om en plats i kommunens cykelgarage.");
        await TypeAsync(editor, "#description_en", "Apply here for a place in the municipality's bicycle garage.");
        await editor.SelectOptionAsync("#access", "anonymous");
        await editor.Locator("main form button.button").First.ClickAsync();
        await editor.WaitForURLAsync($"**{Studio}?sparat=*");

        // The gate names the missing label and links to the question; Editors cannot publish.
        Assert.Contains("cykel-typ", await editor.Locator("main .notice--warning").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await editor.GetByRole(AriaRole.Link, new() { Name = "Publicera", Exact = true }).CountAsync());

        // Preview, per step and language: the conditional question appears only for yes.
        await VisitAsync(editor, Studio + "/forhandsgranska", "sv");
        Assert.Contains("Förhandsgranskning", await editor.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.False(await editor.Locator("#cykel-typ").IsVisibleAsync());
        await editor.CheckAsync("#har-cykel");
        await editor.Locator("main form .actions button").ClickAsync();
        await editor.Locator("#cykel-typ").WaitForAsync();
        await ScanAsync(editor, "sv");
        await VisitAsync(editor, Studio + "/forhandsgranska/sida-2", "sv");

        // Every studio page once more in English (the scenario is not repeated).
        await browser.SetLanguageAsync(editor.Context, "en");
        foreach (var path in new[] { "", "/ny", $"/{Key}", $"/{Key}/element/cykel-typ", $"/{Key}/sida/sida-1", $"/{Key}/uppgifter", $"/{Key}/forhandsgranska" })
        {
            await VisitAsync(editor, $"/{Tenant}/admin/e-tjanster{path}", "en");
        }

        Assert.Contains("Preview", await editor.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Do you have a bicycle?", await editor.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        // The ServiceOwner is stopped by the gate, in both languages.
        var owner = await browser.NewPageAsync("sv");
        await SignInAsync(owner, DemoAccounts.ServiceOwner);
        await VisitAsync(owner, Studio + "/publicera", "sv");
        await TypeAsync(owner, "#changeNote", "Första versionen.");
        await owner.Locator("main form button.button").First.ClickAsync();
        await owner.Locator(".error-summary").WaitForAsync();
        await PageChecks.AssertAccessibleAsync(owner, "sv");
        await browser.SetLanguageAsync(owner.Context, "en");
        await VisitAsync(owner, Studio + "/publicera", "en");

        // The Editor adds the English label; the ServiceOwner publishes.
        await browser.SetLanguageAsync(editor.Context, "sv");
        await VisitAsync(editor, Studio + "/element/cykel-typ", "sv");
        await TypeAsync(editor, "#label_en", "What kind of bicycle?");
        await editor.Keyboard.PressAsync("Enter");
        await editor.WaitForURLAsync($"**{Studio}?sparat=*");
        Assert.Contains("inget att åtgärda", await editor.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        await owner.GotoAsync(Studio + "/publicera");
        await TypeAsync(owner, "#changeNote", "First version.");
        await owner.Keyboard.PressAsync("Tab");
        await owner.Keyboard.PressAsync("Enter");
        await owner.WaitForURLAsync($"**/{Tenant}/admin/e-tjanster?publicerad=*");
        await ScanAsync(owner, "en");

        // The version list, and a comparison, in both languages.
        foreach (var language in new[] { "en", "sv" })
        {
            await browser.SetLanguageAsync(owner.Context, language);
            await VisitAsync(owner, Studio + "/versioner", language);
            Assert.Contains("First version.", await owner.Locator("main table").InnerTextAsync(), StringComparison.Ordinal);
            var id = new Uri(new Uri(browser.BaseUrl), await owner.Locator("main table a[href*='/export?id=']").First.GetAttributeAsync("href")).Query.Split('=')[1];
            await owner.GotoAsync($"{Studio}/versioner?fran={id}&till={id}");
            await PageChecks.AssertAccessibleAsync(owner, language);
        }

        // A citizen fills in and submits the published service.
        var citizen = await browser.NewPageAsync("sv");
        await citizen.GotoAsync($"/{Tenant}/e-tjanster/{Key}");
        await citizen.Locator("main form button[type=submit]").ClickAsync();
        await citizen.WaitForURLAsync("**/ansokan/**/sida-1");
        await citizen.CheckAsync("#har-cykel");
        await citizen.Locator("#cykel-typ").WaitForAsync();
        await TypeAsync(citizen, "#cykel-typ", "Lådcykel");
        await citizen.Locator("main .actions button[value=next]").ClickAsync();
        await citizen.WaitForURLAsync("**/sida-2");
        await TypeAsync(citizen, "#epost", "invanare@example.se");
        await citizen.Locator("main .actions button[value=next]").ClickAsync();
        await citizen.WaitForURLAsync("**/granska");
        Assert.Contains("Lådcykel", await citizen.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await citizen.Locator("main form[data-submit-once] button[type=submit]").ClickAsync();
        await citizen.WaitForURLAsync($"**/e-tjanster/{Key}/kvitto/*");

        foreach (var page in new[] { editor, owner, citizen })
        {
            await page.Context.CloseAsync();
        }
    }

    private static async Task TypeAsync(IPage page, string selector, string text)
    {
        await page.FocusAsync(selector);
        await page.Keyboard.PressAsync("ControlOrMeta+a");
        await page.Keyboard.TypeAsync(text);
    }

    /// <summary>Adds an element with the form under a page on the draft page (scanned), landing on its editor (scanned).</summary>
    private async Task AddElementAsync(IPage page, string parent, string type, string key)
    {
        await VisitAsync(page, Studio, "sv");
        await page.SelectOptionAsync($"#add-{parent}_type", type);
        await TypeAsync(page, $"#add-{parent}_key", key);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"**{Studio}/element/{key}?sparat=*");
        await ScanAsync(page, "sv");
    }

    private async Task EditPageTitleAsync(IPage page, string key, string sv, string en, bool onPage = false)
    {
        if (!onPage)
        {
            await VisitAsync(page, $"{Studio}/sida/{key}", "sv");
        }

        await ScanAsync(page, "sv");
        await TypeAsync(page, "#title_sv", sv);
        await TypeAsync(page, "#title_en", en);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"**{Studio}?sparat=*");
    }
}
