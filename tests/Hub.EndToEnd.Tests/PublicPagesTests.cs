using Microsoft.Playwright;

namespace Hub.EndToEnd.Tests;

[Collection(BrowserCollection.Name)]
public sealed class PublicPagesTests(BrowserFixture browser)
{
    /// <summary>The scan is not a formality: a field without a label and text without contrast fail it.</summary>
    [Fact]
    public async Task The_accessibility_scan_finds_what_it_should()
    {
        var page = await browser.NewPageAsync();
        await PageChecks.VisitAsync(page, "/tyreso/", "sv");
        await page.EvaluateAsync("""
            () => {
                const main = document.querySelector('main');
                main.insertAdjacentHTML('beforeend', '<input type="text" id="unlabelled"><p style="color:#ddd;background:#fff">Grått på vitt</p>');
            }
            """);
        var failure = await Assert.ThrowsAsync<Xunit.Sdk.TrueException>(() => PageChecks.AssertAccessibleAsync(page, "sv"));
        Assert.Contains("label", failure.Message, StringComparison.Ordinal);
        Assert.Contains("#unlabelled", failure.Message, StringComparison.Ordinal);
        Assert.Contains("color-contrast", failure.Message, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    public async Task Public_pages_are_accessible(string language)
    {
        var page = await browser.NewPageAsync(language);

        Assert.Equal(200, await PageChecks.VisitAsync(page, "/", language));
        foreach (var tenant in new[] { "tyreso", "mjolby", "sundsvall" })
        {
            Assert.Equal(200, await PageChecks.VisitAsync(page, $"/{tenant}/", language));
        }

        Assert.Equal(200, await PageChecks.VisitAsync(page, "/tyreso/kontakt", language));
        Assert.Equal(200, await PageChecks.VisitAsync(page, "/mjolby/konto/logga-in", language));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    public async Task Error_pages_are_accessible_and_in_the_tenants_look(string language)
    {
        var page = await browser.NewPageAsync(language);

        Assert.Equal(404, await PageChecks.VisitAsync(page, "/tyreso/finns-inte", language));
        Assert.Contains("Tyresö kommun", await page.Locator("header").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(404, await PageChecks.VisitAsync(page, "/finns-inte/", language));
        Assert.Equal(500, await PageChecks.VisitAsync(page, "/sundsvall/fel/500", language));
        Assert.Contains("Sundsvalls kommun", await page.Locator("header").InnerTextAsync(), StringComparison.Ordinal);
        // What a rate-limited person sees (the limiter's 429 re-executes this page).
        Assert.Equal(429, await PageChecks.VisitAsync(page, "/mjolby/fel/429", language));
        Assert.Contains(language == "sv" ? "För många försök" : "Too many attempts", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_language_switch_changes_the_page_language_and_stays_on_the_page()
    {
        var page = await browser.NewPageAsync("sv");
        await page.GotoAsync("/mjolby/kontakt");

        await page.GetByRole(AriaRole.Link, new() { Name = "Change language to English" }).ClickAsync();

        Assert.EndsWith("/mjolby/kontakt", page.Url, StringComparison.Ordinal);
        await PageChecks.AssertAccessibleAsync(page, "en");
        Assert.Equal("Contact Mjölby kommun", await page.Locator("h1").InnerTextAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "Byt språk till svenska" }).ClickAsync();
        await PageChecks.AssertAccessibleAsync(page, "sv");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_skip_link_is_the_first_stop_and_moves_focus_to_the_content()
    {
        var page = await browser.NewPageAsync("sv");
        await page.GotoAsync("/tyreso/");

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Hoppa till innehållet", await page.EvaluateAsync<string>("document.activeElement.textContent.trim()"));
        await page.Keyboard.PressAsync("Enter");

        Assert.EndsWith("#main", page.Url, StringComparison.Ordinal);
        Assert.Equal("main", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_home_page_works_on_a_phone_sized_screen()
    {
        var page = await browser.NewPageAsync("sv");
        await page.SetViewportSizeAsync(360, 740);

        await PageChecks.VisitAsync(page, "/tyreso/", "sv");

        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "The page scrolls sideways at 360 px.");
        await page.Context.CloseAsync();
    }
}
