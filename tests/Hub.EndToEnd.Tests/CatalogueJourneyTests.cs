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

        // The sharing policy lists its parts by name under texts, questions and workflow; the key is secondary.
        var policy = owner.Locator("main table");
        Assert.Equal(["Texter och sidor", "Frågor och informationstexter", "Arbetsflöde"], await owner.Locator("main table caption").AllInnerTextsAsync());
        Assert.Contains("Text: E-tjänstens namn", await policy.Nth(0).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Matches("Fråga: [^\\n]+", await policy.Nth(1).InnerTextAsync());
        var workflowLabels = await policy.Nth(2).Locator("label").AllInnerTextsAsync();
        Assert.Contains(workflowLabels, l => l.StartsWith("Övergång: ", StringComparison.Ordinal));
        Assert.DoesNotContain(workflowLabels, l => l.Contains("transition:", StringComparison.Ordinal));
        Assert.Contains("Nyckel: transition:", await policy.Nth(2).InnerTextAsync(), StringComparison.Ordinal);

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

        // The page says what the decision did and what the owner does next; the owner gets a mail.
        var decided = await coordinator.Locator("main .notice--success").InnerTextAsync();
        Assert.Contains("Du godkände Ansökan om färdtjänst version 1.0.0 från Tyresö kommun. Versionen är godkänd.", decided, StringComparison.Ordinal);
        Assert.Contains("Tyresö kommun kan nu publicera versionen i katalogen", decided, StringComparison.Ordinal);
        await browser.SetLanguageAsync(coordinator.Context, "en");
        Assert.Equal(200, await PageChecks.VisitAsync(coordinator, new Uri(coordinator.Url).PathAndQuery, "en"));
        Assert.Contains("You approved", await coordinator.Locator("main .notice--success").InnerTextAsync(), StringComparison.Ordinal);
        await browser.Hub.Mailbox.WaitForAsync(m => m.Subject == "Godkänd i katalogen: Ansökan om färdtjänst 1.0.0", "the owner's approval mail");

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

    [Fact]
    public async Task A_coordinator_who_asks_for_changes_is_told_what_happens_next_and_the_owner_gets_the_comment()
    {
        var owner = await browser.NewPageAsync();
        await SignInAsync(owner, "tyreso", DemoAccounts.ServiceOwner);
        await owner.GotoAsync("/tyreso/admin/katalog/dela/trygghetslarm");
        await owner.FillAsync("#LegalBasis", "Socialtjänstlagen (2001:453) 4 kap. 1 §");
        await owner.FillAsync("#Changelog", "Tyresös trygghetslarm, första versionen i katalogen.");
        await owner.FillAsync("#Doc_processDescription", "https://dokument.tyreso.example/trygghetslarm/process.pdf");
        await owner.FillAsync("#Doc_informationModel", "https://dokument.tyreso.example/trygghetslarm/informationsmodell.pdf");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Skicka till granskning" }).ClickAsync();
        await owner.WaitForURLAsync("**/tyreso/admin/katalog?inskickad=trygghetslarm");

        var coordinator = await browser.NewPageAsync();
        await SignInAsync(coordinator, "hub", "samordnare");
        await coordinator.GotoAsync("/hub/admin/katalog/granskning");
        var review = await coordinator.GetByRole(AriaRole.Link, new() { Name = "Ansökan om trygghetslarm", Exact = true }).GetAttributeAsync("href");
        await coordinator.GotoAsync(review!);

        // Asking for changes without saying which is refused next to the comment field; nothing is decided.
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Begär ändringar" }).ClickAsync();
        await coordinator.Locator("#comment-error").WaitForAsync();
        Assert.Contains("Skriv vad som behöver ändras.", await coordinator.Locator("#comment-error").InnerTextAsync(), StringComparison.Ordinal);
        await PageChecks.AssertAccessibleAsync(coordinator, "sv");

        await coordinator.FillAsync("#comment", "Lägg till hur larmet testas vid installationen.");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Begär ändringar" }).ClickAsync();
        await coordinator.WaitForURLAsync("**/hub/admin/katalog/granskning?beslut=*");
        await PageChecks.AssertAccessibleAsync(coordinator, "sv");
        var decided = await coordinator.Locator("main .notice--success").InnerTextAsync();
        Assert.Contains("Du bad om ändringar i Ansökan om trygghetslarm version 1.0.0 från Tyresö kommun.", decided, StringComparison.Ordinal);
        Assert.Contains("Versionen går inte att publicera. Tyresö kommun ser din kommentar", decided, StringComparison.Ordinal);
        Assert.Contains("har fått ett mejl om beslutet", decided, StringComparison.Ordinal);
        await browser.SetLanguageAsync(coordinator.Context, "en");
        Assert.Equal(200, await PageChecks.VisitAsync(coordinator, new Uri(coordinator.Url).PathAndQuery, "en"));
        Assert.Contains("You asked for changes to Application for a personal safety alarm version 1.0.0", await coordinator.Locator("main .notice--success").InnerTextAsync(), StringComparison.Ordinal);

        // The owner is told by mail, with the comment, and sees it on the package's page.
        var mail = await browser.Hub.Mailbox.WaitForAsync(m => m.Subject == "Ändringar begärda: Ansökan om trygghetslarm 1.0.0", "the owner's changes-requested mail");
        Assert.Contains("Lägg till hur larmet testas vid installationen.", mail.TextBody, StringComparison.Ordinal);
        await owner.GotoAsync("/tyreso/admin/katalog");
        var package = await owner.GetByRole(AriaRole.Link, new() { Name = "Ansökan om trygghetslarm", Exact = true }).GetAttributeAsync("href");
        await VisitBothAsync(owner, package!);
        Assert.Contains("Lägg till hur larmet testas vid installationen.", await owner.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await owner.GetByRole(AriaRole.Button, new() { Name = "Publicera 1.0.0 i katalogen" }).CountAsync());
    }
}
