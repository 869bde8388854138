using Hub.Testing;
using Microsoft.Playwright;

namespace Hub.EndToEnd.Tests;

/// <summary>The hub admin creates a municipality from a template, edits it, disables it; every page scanned.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HubAdminJourneyTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    public async Task Hub_admin_creates_edits_and_disables_a_municipality(string language)
    {
        var slug = "ny" + Guid.NewGuid().ToString("N")[..8];
        var page = await browser.NewPageAsync(language);
        await StaffJourneyTests.SignInAsync(page, "hub", DemoAccounts.TenantAdmin, language);
        await PageChecks.VisitAsync(page, "/hub/admin/kommuner", language);
        await PageChecks.VisitAsync(page, "/hub/admin/installningar", language);
        await PageChecks.VisitAsync(page, "/hub/admin/anvandare", language);

        await PageChecks.VisitAsync(page, "/hub/admin/kommuner/ny", language);
        await page.FillAsync("#Slug", "Fel Namn!");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await PageChecks.AssertAccessibleAsync(page, language);
        Assert.Equal(5, await page.Locator(".error-summary li").CountAsync());

        await page.FillAsync("#Slug", slug);
        await page.FillAsync("#DisplayName", "Nya kommunen");
        await page.FillAsync("#AdminUserName", "forsta.admin");
        await page.FillAsync("#AdminEmail", "forsta@nya.example");
        await page.FillAsync("#AdminPassword", "Forsta-losen-2026");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/hub/admin/kommuner?created=*");
        await PageChecks.AssertAccessibleAsync(page, language);
        Assert.Equal(200, await PageChecks.VisitAsync(page, $"/{slug}/", language));
        Assert.Contains("Nya kommunen", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        var newAdmin = await browser.NewPageAsync(language);
        await StaffJourneyTests.SignInAsync(newAdmin, slug, "forsta.admin", language, "Forsta-losen-2026");
        await PageChecks.VisitAsync(newAdmin, $"/{slug}/admin/anvandare", language);
        await newAdmin.Context.CloseAsync();

        await PageChecks.VisitAsync(page, $"/hub/admin/kommuner/{slug}", language);
        await page.Locator("#state-Disabled").CheckAsync();
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync($"**/hub/admin/kommuner/{slug}?saved=true");
        await PageChecks.AssertAccessibleAsync(page, language);

        Assert.Equal(503, await PageChecks.VisitAsync(page, $"/{slug}/", language));
        Assert.Contains("Nya kommunen", await page.Locator("header").InnerTextAsync(), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_pasted_recipe_with_errors_is_refused_with_each_problem_named()
    {
        var page = await browser.NewPageAsync("sv");
        await StaffJourneyTests.SignInAsync(page, "hub", DemoAccounts.TenantAdmin, "sv");
        await page.GotoAsync("/hub/admin/kommuner/ny");

        await page.FillAsync("#Slug", "trasig" + Guid.NewGuid().ToString("N")[..6]);
        await page.FillAsync("#DisplayName", "Trasig kommun");
        await page.FillAsync("#AdminUserName", "admin");
        await page.FillAsync("#AdminEmail", "admin@trasig.example");
        await page.FillAsync("#AdminPassword", "Trasig-losen-2026");
        await page.FillAsync("#RecipeJson", """{ "name": "x", "steps": [ { "step": "tenant", "settings": { "primaryColor": "#eeeeee" } }, { "step": "magi" } ] }""");
        await page.Locator("main form button[type=submit]").ClickAsync();

        await PageChecks.AssertAccessibleAsync(page, "sv");
        var problems = await page.Locator("main ul[lang=en] li").AllInnerTextsAsync();
        Assert.Contains(problems, p => p.Contains("steps[1].step", StringComparison.Ordinal) && p.Contains("magi", StringComparison.Ordinal));
        Assert.Equal("""{ "name": "x", "steps": [ { "step": "tenant", "settings": { "primaryColor": "#eeeeee" } }, { "step": "magi" } ] }""", await page.Locator("#RecipeJson").InputValueAsync());
        await page.Context.CloseAsync();
    }
}
