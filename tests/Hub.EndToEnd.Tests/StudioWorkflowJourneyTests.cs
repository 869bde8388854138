using System.Text;
using System.Text.Json.Nodes;
using Hub.Testing;
using Microsoft.Playwright;

namespace Hub.EndToEnd.Tests;

/// <summary>
/// The studio's import page and workflow editor in a real browser on the demo tenant mjolby: a ServiceOwner imports a
/// package file (a refused one first), starts a draft of it and, by keyboard, adds a state and a transition to it and
/// previews a notification. Every page of the workflow editor and the import page, with its refusal and its success,
/// is scanned with axe in Swedish and in English.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StudioWorkflowJourneyTests(BrowserFixture browser)
{
    private const string Tenant = "mjolby";
    private const string Key = "felanmalan-import";
    private const string Studio = $"/{Tenant}/admin/e-tjanster/{Key}";
    private const string Import = $"/{Tenant}/admin/e-tjanster/importera";

    [Fact]
    public async Task A_service_owner_imports_a_package_and_edits_its_workflow_by_keyboard_in_accessible_pages()
    {
        var owner = await browser.NewPageAsync("sv");
        await owner.GotoAsync($"/{Tenant}/konto/logga-in");
        await TypeAsync(owner, "#UserName", DemoAccounts.ServiceOwner);
        await TypeAsync(owner, "#Password", DemoAccounts.Password);
        await owner.Keyboard.PressAsync("Enter");
        await owner.WaitForURLAsync($"**/{Tenant}/admin");

        await owner.GotoAsync($"/{Tenant}/admin/e-tjanster");
        await owner.GetByRole(AriaRole.Link, new() { Name = "Importera paketfil" }).FocusAsync();
        await owner.Keyboard.PressAsync("Enter");
        await owner.WaitForURLAsync($"**{Import}");
        await PageChecks.AssertAccessibleAsync(owner, "sv");

        // A broken file: every problem listed with its path, nothing stored.
        await UploadAsync(owner, Package(n => n["handlingDays"] = "tio"));
        Assert.Contains("$.handlingDays", await owner.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await PageChecks.AssertAccessibleAsync(owner, "sv");
        await UploadAsync(owner, Package(_ => { }));
        Assert.Contains("version 1.0.0 är sparad", await owner.Locator("main [role=status]").InnerTextAsync(), StringComparison.Ordinal);
        await PageChecks.AssertAccessibleAsync(owner, "sv");

        // A draft of the imported version; its workflow editor, reached by keyboard.
        await owner.GotoAsync(Studio);
        await owner.GetByRole(AriaRole.Button, new() { Name = "Ändra e-tjänsten" }).FocusAsync();
        await owner.Keyboard.PressAsync("Enter");
        await owner.GetByRole(AriaRole.Link, new() { Name = "Arbetsflöde" }).FocusAsync();
        await owner.Keyboard.PressAsync("Enter");
        await owner.WaitForURLAsync($"**{Studio}/arbetsflode");
        await PageChecks.AssertAccessibleAsync(owner, "sv");

        // A new state by keyboard: the gate says nobody reaches it until a transition leads there.
        await owner.GetByRole(AriaRole.Link, new() { Name = "Lägg till tillstånd" }).FocusAsync();
        await owner.Keyboard.PressAsync("Enter");
        await owner.WaitForURLAsync($"**{Studio}/arbetsflode/tillstand");
        await PageChecks.AssertAccessibleAsync(owner, "sv");
        await TypeAsync(owner, "#key", "remiss");
        await TypeAsync(owner, "#label_sv", "På remiss");
        await TypeAsync(owner, "#label_en", "Out for consultation");
        await owner.Keyboard.PressAsync("Enter");
        await owner.WaitForURLAsync($"**{Studio}/arbetsflode?sparat=*");
        Assert.Contains("remiss", await owner.Locator("main .notice--warning").InnerTextAsync(), StringComparison.Ordinal);
        await PageChecks.AssertAccessibleAsync(owner, "sv");

        await owner.GotoAsync(Studio + "/arbetsflode/overgang");
        await PageChecks.AssertAccessibleAsync(owner, "sv");
        await owner.FocusAsync("#from");
        await owner.Keyboard.PressAsync("Space"); // the first state
        await owner.SelectOptionAsync("#to", "remiss");
        await TypeAsync(owner, "#key", "skicka-pa-remiss");
        await TypeAsync(owner, "#label_sv", "Skicka på remiss");
        await TypeAsync(owner, "#label_en", "Send for consultation");
        await owner.Keyboard.PressAsync("Enter");
        await owner.WaitForURLAsync($"**{Studio}/arbetsflode?sparat=*");

        // A routing rule's page with the condition editor, and a notification with a broken template and a preview.
        await owner.GotoAsync(Studio + "/arbetsflode/regel");
        await PageChecks.AssertAccessibleAsync(owner, "sv");
        await owner.GotoAsync(Studio + "/arbetsflode/meddelande");
        await PageChecks.AssertAccessibleAsync(owner, "sv");
        await TypeAsync(owner, "#key", "remiss-klar");
        await owner.SelectOptionAsync("#state", "remiss");
        await TypeAsync(owner, "#subject_sv", "Ärende {{ case.number }} är på remiss");
        await TypeAsync(owner, "#subject_en", "Case {{ case.number }} is out for consultation");
        await TypeAsync(owner, "#body_sv", "{% if case.link %}Läs på {{ case.link }}");
        await TypeAsync(owner, "#body_en", "Read more at {{ case.link }}");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Förhandsgranska" }).ClickAsync();
        await owner.Locator(".error-summary").WaitForAsync();
        Assert.Contains("line 1", await owner.Locator("#body_sv-error").InnerTextAsync(), StringComparison.Ordinal);
        await PageChecks.AssertAccessibleAsync(owner, "sv");
        await TypeAsync(owner, "#body_sv", "Läs på {{ case.link }}");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Förhandsgranska" }).ClickAsync();
        await owner.Locator("#forhandsgranskning").WaitForAsync();
        Assert.Contains("Ärende 2026-000123 är på remiss", await owner.Locator("#forhandsgranskning").InnerTextAsync(), StringComparison.Ordinal);
        await PageChecks.AssertAccessibleAsync(owner, "sv");
        await owner.Locator("main form button[value=save].button").ClickAsync();
        await owner.WaitForURLAsync($"**{Studio}/arbetsflode?sparat=*");

        // Every page once more in English.
        await browser.SetLanguageAsync(owner.Context, "en");
        foreach (var path in new[] { "", "/tillstand", "/tillstand/remiss", "/overgang/skicka-pa-remiss", "/regel", "/meddelande/remiss-klar" })
        {
            await PageChecks.VisitAsync(owner, $"{Studio}/arbetsflode{path}", "en");
        }

        await owner.GotoAsync(Studio + "/arbetsflode/meddelande/remiss-klar");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await owner.Locator("#forhandsgranskning").WaitForAsync();
        await PageChecks.AssertAccessibleAsync(owner, "en");
        await PageChecks.VisitAsync(owner, Import, "en");
        await UploadAsync(owner, "{\"key\": ");
        await PageChecks.AssertAccessibleAsync(owner, "en");
        await UploadAsync(owner, Package(_ => { }));
        Assert.Contains("already stored", await owner.Locator("main [role=status]").InnerTextAsync(), StringComparison.Ordinal);
        await PageChecks.AssertAccessibleAsync(owner, "en");
        await owner.Context.CloseAsync();
    }

    /// <summary>The demo's Felanmälan package (no workflow of its own) under another key, changed by <paramref name="change"/>.</summary>
    private static string Package(Action<JsonObject> change)
    {
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(HubAppFactory.RecipesPath, "services", "felanmalan.service.json")))!.AsObject();
        node["key"] = Key;
        node["form"]!["key"] = Key;
        node["version"] = "1.0.0";
        change(node);
        return node.ToJsonString();
    }

    private static async Task UploadAsync(IPage page, string json)
    {
        await page.SetInputFilesAsync("#package", new FilePayload { Name = "paket.service.json", MimeType = "application/json", Buffer = Encoding.UTF8.GetBytes(json) });
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    private static async Task TypeAsync(IPage page, string selector, string text)
    {
        await page.FocusAsync(selector);
        await page.Keyboard.PressAsync("ControlOrMeta+a");
        await page.Keyboard.TypeAsync(text);
    }
}
