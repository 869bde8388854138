using Hub.Testing;
using Microsoft.Playwright;

namespace Hub.EndToEnd.Tests;

/// <summary>
/// Ekonomiskt bistånd at Tyresö with a citizen and two officers, every page scanned with axe in Swedish and English:
/// the routing rule sends the case to its group, the confidential case of the other group stays invisible, with the
/// clock moved forward the reminder and the escalation go out, the officer asks for a completion, the citizen answers
/// on Mina sidor, the case resumes, is decided, closed and taken as an archive package (listed on the retention page). The applications are submitted over HTTP (the citizen's
/// form pages have their own browser tests).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CaseHandlingTests(BrowserFixture browser)
{
    private const string Tenant = "tyreso";

    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    public async Task Ekonomiskt_bistand_is_routed_reminded_escalated_completed_decided_and_closed(string language)
    {
        using var http = browser.Hub.CreateClient();
        await http.LogInAsync(Tenant, CitizenEId.AnnaAndersson);
        var email = $"anna-{language}@{Tenant}.example";
        var rental = await http.SubmitEkonomisktBistandAsync(Tenant, "rental", email);   // → "ekonomi"
        var homeless = await http.SubmitEkonomisktBistandAsync(Tenant, "no-home", email); // → "akut", Hanna is not in it

        // Hanna (ekonomi) finds the first in her groups' cases; the confidential case of "akut" is nowhere for her.
        var officer = await browser.NewPageAsync(language);
        await StaffJourneyTests.SignInAsync(officer, Tenant, DemoAccounts.CaseOfficer, language);
        await PageChecks.VisitAsync(officer, $"/{Tenant}/admin/arenden/registrera", language);
        await PageChecks.VisitAsync(officer, $"/{Tenant}/admin/arenden?tilldelning=min-grupp", language);
        Assert.Equal(1, await officer.Locator("main table a", new() { HasText = rental }).CountAsync());
        await officer.FillAsync("#q", homeless);
        await officer.Keyboard.PressAsync("Enter");
        await officer.WaitForURLAsync(url => url.Contains("q=" + homeless, StringComparison.Ordinal));
        await PageChecks.AssertAccessibleAsync(officer, language);
        Assert.Equal(0, await officer.Locator("main table a", new() { HasText = homeless }).CountAsync());
        Assert.Equal(404, (await officer.GotoAsync($"/{Tenant}/admin/arenden/{homeless}"))!.Status);

        // Day 10 without a decision: the reminder goes to the group (nobody has taken the case); day 14, the lead hears.
        browser.Clock.Advance(TimeSpan.FromDays(10) + TimeSpan.FromMinutes(1));
        var reminder = await browser.Hub.Mailbox.WaitForAsync(m => m.Subject?.StartsWith("Påminnelse: ärende " + rental, StringComparison.Ordinal) == true, "reminder");
        Assert.Contains($"handlaggare@{Tenant}.example", reminder.To.Mailboxes.Select(m => m.Address));
        browser.Clock.Advance(TimeSpan.FromDays(4));
        var escalation = await browser.Hub.Mailbox.WaitForAsync(m => m.Subject?.StartsWith("Försenat ärende " + rental, StringComparison.Ordinal) == true, "escalation");
        Assert.Equal($"handlaggare2@{Tenant}.example", escalation.To.Mailboxes.Single().Address);

        // Two weeks later the session has run out: Hanna signs in again and takes the case.
        await officer.Context.CloseAsync();
        officer = await browser.NewPageAsync(language);
        await StaffJourneyTests.SignInAsync(officer, Tenant, DemoAccounts.CaseOfficer, language);
        await PageChecks.VisitAsync(officer, $"/{Tenant}/admin/arenden/{rental}", language);
        await officer.Locator("form[action$='/assign'] button[value=me]").ClickAsync();
        await officer.Locator(".notice--success").WaitForAsync();
        await Move(officer, "start");
        // Asking for a completion without saying what is missing: the error is beside the field and in the summary.
        await Move(officer, "request-completion");
        Assert.Equal(1, await officer.Locator("#text-request-completion-error").CountAsync());
        await PageChecks.AssertAccessibleAsync(officer, language);
        await officer.FillAsync("#text-request-completion", "Skicka kontoutdrag för de senaste tre månaderna.");
        await Move(officer, "request-completion");
        await PageChecks.AssertAccessibleAsync(officer, language);

        var citizen = await browser.NewPageAsync(language);
        await CitizenEIdBrowser.LogInAsync(citizen, Tenant, CitizenEId.AnnaAndersson, $"/{Tenant}/mina-sidor");
        await PageChecks.AssertAccessibleAsync(citizen, language);
        await citizen.Locator("main a", new() { HasText = rental }).First.ClickAsync();
        await citizen.WaitForURLAsync($"**/mina-sidor/arenden/{rental}");
        await PageChecks.AssertAccessibleAsync(citizen, language);
        Assert.Contains("Skicka kontoutdrag", await citizen.Locator(".thread").InnerTextAsync(), StringComparison.Ordinal);
        await citizen.FocusAsync("#message");
        await citizen.Keyboard.TypeAsync("Kontoutdragen kommer med posten.");
        await citizen.Locator("form[action$='/message'] button").ClickAsync();
        await citizen.Locator(".notice--success").WaitForAsync();
        await PageChecks.AssertAccessibleAsync(citizen, language);

        await officer.ReloadAsync();
        Assert.Contains("Kontoutdragen kommer med posten.", await officer.Locator(".thread").InnerTextAsync(), StringComparison.Ordinal);
        await officer.FillAsync("#text-decide", "Du får ekonomiskt bistånd för december.");
        await Move(officer, "decide");
        await Move(officer, "close");
        await PageChecks.AssertAccessibleAsync(officer, language);

        // The closed case goes to the e-archive: Hanna takes its package, which the case page and the retention page list.
        var download = await officer.RunAndWaitForDownloadAsync(() => officer.Locator("form[action$='/archive'] button").ClickAsync());
        Assert.Equal($"arkivpaket-{rental}-1.zip", download.SuggestedFilename);
        await officer.ReloadAsync();
        await PageChecks.AssertAccessibleAsync(officer, language);
        Assert.Contains(language == "sv" ? "Paket 1, taget" : "Package 1, taken", await officer.Locator("section[aria-labelledby=archive-heading]").InnerTextAsync(), StringComparison.Ordinal);
        var admin = await browser.NewPageAsync(language);
        await StaffJourneyTests.SignInAsync(admin, Tenant, DemoAccounts.TenantAdmin, language);
        await PageChecks.VisitAsync(admin, $"/{Tenant}/admin/arenden/gallring", language);
        Assert.Equal(1, await admin.Locator("main table tr", new() { HasText = rental }).CountAsync());
        await admin.Context.CloseAsync();

        await citizen.ReloadAsync();
        Assert.Contains("Du får ekonomiskt bistånd för december.", await citizen.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        // Gustav leads "akut": he sees the confidential case Hanna could not, and the admin's groups page lists both groups.
        var lead = await browser.NewPageAsync(language);
        await StaffJourneyTests.SignInAsync(lead, Tenant, DemoAccounts.CaseOfficer2, language);
        Assert.Equal(200, await PageChecks.VisitAsync(lead, $"/{Tenant}/admin/arenden/{homeless}", language));
        await lead.Context.CloseAsync();
        await officer.Context.CloseAsync();
        await citizen.Context.CloseAsync();
    }

    /// <summary>Presses the button of a workflow move and waits for the page that follows.</summary>
    private static async Task Move(IPage page, string transition)
    {
        await page.Locator($"form:has(input[name=transition][value='{transition}']) button").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        await page.Locator("h1").WaitForAsync();
    }
}
