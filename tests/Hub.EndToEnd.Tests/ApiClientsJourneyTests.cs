using System.Net;
using Hub.Testing;
using Microsoft.Playwright;

namespace Hub.EndToEnd.Tests;

/// <summary>
/// A TenantAdmin adds an API client by keyboard, copies its secret from the page, the business system gets a token
/// and reads cases with it, and the admin revokes it; every page is scanned, in Swedish and English.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ApiClientsJourneyTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    public async Task An_admin_adds_a_client_whose_secret_works_once_copied_and_then_revokes_it(string language)
    {
        var page = await browser.NewPageAsync(language);
        await StaffJourneyTests.SignInAsync(page, "tyreso", DemoAccounts.TenantAdmin, language);
        Assert.Equal(200, await PageChecks.VisitAsync(page, "/tyreso/admin/api-klienter", language));
        Assert.Contains("tyreso-demo", await page.Locator("main table").InnerTextAsync(), StringComparison.Ordinal);

        Assert.Equal(200, await PageChecks.VisitAsync(page, "/tyreso/admin/api-klienter/ny", language));
        await page.FocusAsync("#Name");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#Name-error");
        await page.WaitForSelectorAsync("#Scopes-error");
        await PageChecks.AssertAccessibleAsync(page, language);

        var name = $"E2E ärendesystem ({language})";
        await page.FocusAsync("#Name");
        await page.Keyboard.TypeAsync(name);
        await page.FocusAsync("#Scopes");
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("code[data-secret]");
        await PageChecks.AssertAccessibleAsync(page, language);
        var credentials = ApiAccess.Parse("tyreso", await page.ContentAsync())!;

        var token = await ApiAccess.TokenAsync(browser.Hub.BaseAddress, credentials);
        using (var api = ApiAccess.Bearer(browser.Hub.BaseAddress, token))
        using (var cases = await api.GetAsync("/tyreso/api/v1/cases?limit=1"))
        {
            Assert.Equal(HttpStatusCode.OK, cases.StatusCode);
        }

        await PageChecks.VisitAsync(page, "/tyreso/admin/api-klienter", language);
        var row = page.Locator("main table tr", new() { HasText = name });
        await row.Locator("button[formaction*='handler=Revoke']").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("main [role=status]");
        await PageChecks.AssertAccessibleAsync(page, language);
        using (var refused = await ApiAccess.RequestTokenAsync(browser.Hub.BaseAddress, "tyreso", credentials.ClientId, credentials.Secret))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    public async Task The_api_reference_lists_every_request_with_its_scope(string language)
    {
        var page = await browser.NewPageAsync(language);

        Assert.Equal(200, await PageChecks.VisitAsync(page, "/tyreso/api/v1", language));

        var table = await page.Locator("main table").InnerTextAsync();
        Assert.Contains("GET /api/v1/cases", table, StringComparison.Ordinal);
        Assert.Contains("PUT /api/v1/cases/{number}/delivery", table, StringComparison.Ordinal);
        Assert.Contains("cases:write", table, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
