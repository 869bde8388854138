using Hub.Testing;
using Microsoft.Playwright;

namespace Hub.EndToEnd.Tests;

/// <summary>Each demo role signs in with the keyboard and every page it reaches is scanned, in Swedish and English.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StaffJourneyTests(BrowserFixture browser)
{
    internal static async Task SignInAsync(IPage page, string tenant, string user, string language, string password = DemoAccounts.Password)
    {
        await PageChecks.VisitAsync(page, $"/{tenant}/konto/logga-in", language);
        await page.FocusAsync("#UserName");
        await page.Keyboard.TypeAsync(user);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(password);
        var statuses = new List<string>();
        page.Response += (_, r) => statuses.Add($"{r.Request.Method} {r.Url} {r.Status}");
        await page.Keyboard.PressAsync("Enter");
        try
        {
            await page.WaitForURLAsync($"**/{tenant}/admin");
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException("Sign-in failed: " + string.Join("\n", statuses) + await page.Locator("main").InnerTextAsync());
        }

        await PageChecks.AssertAccessibleAsync(page, language);
    }

    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    public async Task A_tenant_admin_reaches_settings_and_users(string language)
    {
        var page = await browser.NewPageAsync(language);
        await SignInAsync(page, "tyreso", DemoAccounts.TenantAdmin, language);

        await PageChecks.VisitAsync(page, "/tyreso/admin/installningar", language);
        await PageChecks.VisitAsync(page, "/tyreso/admin/anvandare", language);
        await PageChecks.VisitAsync(page, "/tyreso/admin/anvandare/ny", language);
        await PageChecks.VisitAsync(page, "/tyreso/admin/arenden/grupper", language);
        await PageChecks.VisitAsync(page, "/tyreso/admin/arenden/grupper?grupp=ekonomi", language);
        await PageChecks.VisitAsync(page, "/tyreso/admin/arenden/gallring", language);
        await PageChecks.VisitAsync(page, "/tyreso/admin/arenden/leverans", language);
        await PageChecks.VisitAsync(page, "/tyreso/admin/arenden/leverans?tjanst=synpunkter", language);
        // Neither the API nor a webhook: refused, the error beside the box (nothing saved, tyreso is shared).
        await page.Locator("#Pull").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = language == "sv" ? "Spara leverans" : "Save delivery" }).ClickAsync();
        await PageChecks.AssertAccessibleAsync(page, language);
        Assert.True(await page.Locator("#Pull-error").IsVisibleAsync());
        await AddTestAndRemoveAWebhookAsync(page, language);
        await page.GotoAsync("/tyreso/admin/anvandare");
        await page.Locator("table a").First.ClickAsync();
        await PageChecks.AssertAccessibleAsync(page, language);
        Assert.Contains("/tyreso/admin/anvandare/", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// The integrations page by keyboard: a refused form (errors beside the fields), a saved webhook with its secret
    /// shown once, a test event in the delivery list, and the webhook removed again (tyreso is shared by other tests).
    /// Its address is a closed local port, so the test event waits for a retry.
    /// </summary>
    private static async Task AddTestAndRemoveAWebhookAsync(IPage page, string language)
    {
        Assert.Equal(200, await PageChecks.VisitAsync(page, "/tyreso/admin/integrationer", language));
        var name = $"E2E-system ({language})";
        await page.FocusAsync("#Address");
        await page.Keyboard.TypeAsync("inte en adress");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#Address-error");
        await PageChecks.AssertAccessibleAsync(page, language);

        await page.FocusAsync("#Name");
        await page.Keyboard.TypeAsync(name);
        await page.FillAsync("#Address", "http://127.0.0.1:9/hub-handelser");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("code.secret");
        await PageChecks.AssertAccessibleAsync(page, language);

        var row = page.Locator("main table tr", new() { HasText = name });
        await row.Locator("form[action$='/ping'] button").ClickAsync();
        await page.WaitForSelectorAsync("main [role=status]");
        await page.Locator("main table tr", new() { HasText = "hub.ping" }).First.WaitForAsync();
        await PageChecks.AssertAccessibleAsync(page, language);

        await page.Locator("main table tr", new() { HasText = name }).Locator("form[action$='/delete'] button").ClickAsync();
        await page.WaitForSelectorAsync("main [role=status]");
        Assert.Equal(0, await page.Locator("main table tr", new() { HasText = name }).CountAsync());
    }

    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    public async Task Validation_errors_are_accessible_and_linked_to_their_fields(string language)
    {
        var page = await browser.NewPageAsync(language);
        await SignInAsync(page, "mjolby", DemoAccounts.TenantAdmin, language);
        await page.GotoAsync("/mjolby/admin/installningar");

        await page.FillAsync("#Input_PrimaryTextColor", "#3a5f8a");
        await page.FillAsync("#Input_ContactEmail", "inte en adress");
        await page.Locator("main form button[type=submit]").ClickAsync();

        await PageChecks.AssertAccessibleAsync(page, language);
        Assert.Equal(2, await page.Locator(".error-summary li").CountAsync());
        await page.Locator(".error-summary a").First.ClickAsync();
        Assert.Equal("Input_PrimaryTextColor", await page.EvaluateAsync<string>("document.activeElement.id"));
        Assert.Equal("true", await page.Locator("#Input_PrimaryTextColor").GetAttributeAsync("aria-invalid"));
        Assert.Contains("Input_PrimaryTextColor-error", await page.Locator("#Input_PrimaryTextColor").GetAttributeAsync("aria-describedby") ?? "", StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(DemoAccounts.ServiceOwner, "sv")]
    [InlineData(DemoAccounts.ServiceOwner, "en")]
    [InlineData(DemoAccounts.Editor, "sv")]
    [InlineData(DemoAccounts.Editor, "en")]
    [InlineData(DemoAccounts.CaseOfficer, "sv")]
    [InlineData(DemoAccounts.CaseOfficer, "en")]
    public async Task Other_roles_see_their_start_page_and_a_clear_refusal(string user, string language)
    {
        var page = await browser.NewPageAsync(language);
        await SignInAsync(page, "sundsvall", user, language);

        var response = await page.GotoAsync("/sundsvall/admin/anvandare");

        Assert.Equal(403, response!.Status);
        Assert.Contains("/sundsvall/konto/atkomst-nekad", page.Url, StringComparison.Ordinal);
        await PageChecks.AssertAccessibleAsync(page, language);
        Assert.Equal(200, await PageChecks.VisitAsync(page, "/sundsvall/konto/losenord", language));
        await page.FillAsync("#CurrentPassword", "fel");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await PageChecks.AssertAccessibleAsync(page, language);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    public async Task A_failed_sign_in_is_explained(string language)
    {
        var page = await browser.NewPageAsync(language);
        await PageChecks.VisitAsync(page, "/tyreso/konto/logga-in", language);

        await page.FillAsync("#UserName", DemoAccounts.TenantAdmin);
        await page.FillAsync("#Password", "fel");
        await page.Locator("main form button[type=submit]").ClickAsync();

        await PageChecks.AssertAccessibleAsync(page, language);
        Assert.Equal(1, await page.Locator(".error-summary li").CountAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Signing_out_from_the_header_ends_the_session()
    {
        var page = await browser.NewPageAsync("sv");
        await SignInAsync(page, "tyreso", DemoAccounts.Editor, "sv");

        await page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" }).ClickAsync();

        await PageChecks.AssertAccessibleAsync(page, "sv");
        Assert.Equal("Du är utloggad", await page.Locator("h1").InnerTextAsync());
        await page.GotoAsync("/tyreso/admin");
        Assert.Contains("/tyreso/konto/logga-in", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
