using Hub.Testing;
using Microsoft.Playwright;

namespace Hub.EndToEnd.Tests;

/// <summary>
/// The shared catalogue in a real browser on the demo data: anyone browses and searches it; Tyresö's ServiceOwner
/// shares its Färdtjänst (first with a mistake shown next to the field); the hub's coordinator reviews and approves it;
/// the owner publishes it. Every catalogue page is scanned with axe in Swedish and English.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CatalogueJourneyTests(BrowserFixture browser)
{
    private static async Task SignInAsync(IPage page, string tenant, string user)
    {
        await page.GotoAsync($"/{tenant}/konto/logga-in");
        await page.FillAsync("#UserName", user);
        await page.FillAsync("#Password", DemoAccounts.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"**/{tenant}/admin");
    }

    private async Task VisitBothAsync(IPage page, string path)
    {
        foreach (var language in new[] { "en", "sv" })
        {
            await browser.SetLanguageAsync(page.Context, language);
            Assert.Equal(200, await PageChecks.VisitAsync(page, path, language));
        }
    }

    [Fact]
    public async Task Anyone_browses_and_searches_the_catalogue_in_both_languages()
    {
        var page = await browser.NewPageAsync();
        foreach (var path in new[] { "/hub/katalog", "/hub/katalog?kategori=omsorg-och-stod", "/hub/katalog?q=f%C3%A4rdtj%C3%A4nst", "/hub/katalog/sundsvall/fardtjanst" })
        {
            await VisitBothAsync(page, path);
        }

        Assert.Contains("Sundsvalls kommun", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_municipality_shares_a_service_a_coordinator_approves_it_and_the_owner_publishes_it()
    {
        var owner = await browser.NewPageAsync();
        await SignInAsync(owner, "tyreso", DemoAccounts.ServiceOwner);
        await VisitBothAsync(owner, "/tyreso/admin/katalog");
        await VisitBothAsync(owner, "/tyreso/admin/katalog/dela/fardtjanst");

        // A mistake first: the page says what is wrong next to the field.
        await owner.FillAsync("#LegalBasis", "");
        await owner.FillAsync("#Changelog", "Tyresös version med egna kontaktuppgifter.");
        await owner.FillAsync("#Doc_processDescription", "https://dokument.tyreso.example/fardtjanst/process.pdf");
        await owner.FillAsync("#Doc_informationModel", "https://dokument.tyreso.example/fardtjanst/informationsmodell.pdf");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Skicka till granskning" }).ClickAsync();
        await owner.Locator("#LegalBasis-error").WaitForAsync();
        await PageChecks.AssertAccessibleAsync(owner, "sv");

        await owner.FillAsync("#LegalBasis", "Lag (1997:736) om färdtjänst");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Skicka till granskning" }).ClickAsync();
        await owner.WaitForURLAsync("**/tyreso/admin/katalog?inskickad=fardtjanst");
        await PageChecks.AssertAccessibleAsync(owner, "sv");

        var coordinator = await browser.NewPageAsync();
        await SignInAsync(coordinator, "hub", "samordnare");
        await VisitBothAsync(coordinator, "/hub/admin/katalog/granskning");
        var review = await coordinator.Locator("a[href*='/admin/katalog/granskning/']").First.GetAttributeAsync("href");
        await VisitBothAsync(coordinator, review!);
        await coordinator.FillAsync("#comment", "Ser bra ut.");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Godkänn" }).ClickAsync();
        await coordinator.WaitForURLAsync("**/hub/admin/katalog/granskning?beslut=*");
        await PageChecks.AssertAccessibleAsync(coordinator, "sv");

        await owner.GotoAsync("/tyreso/admin/katalog");
        var package = await owner.GetByRole(AriaRole.Link, new() { Name = "Ansökan om färdtjänst", Exact = true }).GetAttributeAsync("href");
        await VisitBothAsync(owner, package!);
        await owner.GetByRole(AriaRole.Button, new() { Name = "Publicera 1.0.0 i katalogen" }).ClickAsync();
        await owner.WaitForURLAsync("**?klart=publicerad");
        await PageChecks.AssertAccessibleAsync(owner, "sv");
        await VisitBothAsync(owner, "/hub/katalog/tyreso/fardtjanst");

        var admin = await browser.NewPageAsync();
        await SignInAsync(admin, "hub", DemoAccounts.TenantAdmin);
        await VisitBothAsync(admin, "/hub/admin/katalog/regler");
    }
}
