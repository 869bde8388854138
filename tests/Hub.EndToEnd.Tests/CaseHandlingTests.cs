using Hub.Testing;
using Microsoft.Playwright;

namespace Hub.EndToEnd.Tests;

/// <summary>
/// An officer handles a case in the workspace and the citizen answers a completion on Mina sidor, every page scanned
/// with axe, in Swedish and English. The case itself is submitted over HTTP (the citizen's form pages have their own
/// browser tests).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CaseHandlingTests(BrowserFixture browser)
{
    private const string Tenant = "tyreso";

    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    public async Task An_officer_asks_for_a_completion_the_citizen_answers_it_and_the_officer_decides(string language)
    {
        using var http = browser.Hub.CreateClient();
        var number = await http.SubmitSpecialkostAsync(Tenant);

        var officer = await browser.NewPageAsync(language);
        await StaffJourneyTests.SignInAsync(officer, Tenant, DemoAccounts.CaseOfficer, language);
        await PageChecks.VisitAsync(officer, $"/{Tenant}/admin/arenden", language);
        await officer.FillAsync("#q", number);
        await officer.Keyboard.PressAsync("Enter");
        await officer.WaitForURLAsync("**/admin/arenden?**");
        await PageChecks.AssertAccessibleAsync(officer, language);
        await officer.Locator("main table a", new() { HasText = number }).ClickAsync();
        await officer.WaitForURLAsync($"**/admin/arenden/{number}");
        await PageChecks.AssertAccessibleAsync(officer, language);

        await officer.Locator("form[action$='/assign'] button").ClickAsync();
        await officer.Locator(".notice--success").WaitForAsync();
        await Move(officer, "start");
        // Asking for a completion without saying what is missing: the error is beside the field and in the summary.
        await Move(officer, "request-completion");
        Assert.Equal(1, await officer.Locator("#text-request-completion-error").CountAsync());
        await PageChecks.AssertAccessibleAsync(officer, language);
        await officer.FillAsync("#text-request-completion", "Skicka ett nytt läkarintyg, det gamla har gått ut.");
        await Move(officer, "request-completion");
        await PageChecks.AssertAccessibleAsync(officer, language);

        var citizen = await browser.NewPageAsync(language);
        await CitizenEIdBrowser.LogInAsync(citizen, Tenant, CitizenEId.AnnaAndersson, $"/{Tenant}/mina-sidor");
        await PageChecks.AssertAccessibleAsync(citizen, language);
        await citizen.Locator("main a", new() { HasText = number }).First.ClickAsync();
        await citizen.WaitForURLAsync($"**/mina-sidor/arenden/{number}");
        await PageChecks.AssertAccessibleAsync(citizen, language);
        Assert.Contains("Skicka ett nytt läkarintyg", await citizen.Locator(".thread").InnerTextAsync(), StringComparison.Ordinal);
        await citizen.FocusAsync("#message");
        await citizen.Keyboard.TypeAsync("Det nya intyget kommer med posten.");
        await citizen.Locator("form[action$='/message'] button").ClickAsync();
        await citizen.Locator(".notice--success").WaitForAsync();
        await PageChecks.AssertAccessibleAsync(citizen, language);

        await officer.ReloadAsync();
        Assert.Contains("Det nya intyget kommer med posten.", await officer.Locator(".thread").InnerTextAsync(), StringComparison.Ordinal);
        await officer.FillAsync("#text-decide", "Elsa får glutenfri kost från den 17 augusti.");
        await Move(officer, "decide");
        await Move(officer, "close");
        await PageChecks.AssertAccessibleAsync(officer, language);

        await citizen.ReloadAsync();
        Assert.Contains("Elsa får glutenfri kost", await citizen.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
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
