using Hub.Testing;

namespace Hub.EndToEnd.Tests;

/// <summary>A citizen logs in with the simulated e-ID using the keyboard only; the chooser is scanned in both languages.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CitizenEIdTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    public async Task A_citizen_logs_in_with_the_keyboard_through_an_accessible_chooser(string language)
    {
        var page = await browser.NewPageAsync(language);

        await page.GotoAsync("/tyreso/e-legitimation/logga-in?returnUrl=%2Ftyreso%2Fe-legitimation");
        await page.WaitForURLAsync("**/test-eid/authorize**");
        await PageChecks.AssertAccessibleAsync(page, language);
        var banner = language == "en" ? "Test e-ID – not a real login" : "Test-e-legitimation – inte en riktig inloggning";
        Assert.Contains(banner, await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        // Tolvan is chosen to begin with: the arrow key moves to Anna, Tab leaves the group, Enter submits the form.
        await page.FocusAsync("input[name='Input.Person']:checked");
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.True(await page.Locator($"input[value='{CitizenEId.AnnaAndersson}']").IsCheckedAsync());
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/tyreso/e-legitimation");

        await PageChecks.AssertAccessibleAsync(page, language);
        Assert.Equal("Anna Andersson", await page.Locator("#citizen-name").InnerTextAsync());
        Assert.Equal(CitizenEId.AnnaAndersson, await page.Locator("#citizen-pnr").InnerTextAsync());
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    public async Task An_invalid_personnummer_is_explained_beside_the_field_and_in_the_summary(string language)
    {
        var page = await browser.NewPageAsync(language);
        await page.GotoAsync("/mjolby/e-legitimation/logga-in");
        await page.WaitForURLAsync("**/test-eid/authorize**");

        await page.FocusAsync("input[name='Input.Person'][value='other']");
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("19121212-1213");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Fel");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Siffra");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync(".error-summary");

        await PageChecks.AssertAccessibleAsync(page, language);
        Assert.Equal("true", await page.Locator("#Input_PersonalIdentityNumber").GetAttributeAsync("aria-invalid"));
        Assert.Contains("Input_PersonalIdentityNumber-error", await page.Locator("#Input_PersonalIdentityNumber").GetAttributeAsync("aria-describedby") ?? "", StringComparison.Ordinal);
        await page.Locator(".error-summary a").First.ClickAsync();
        Assert.Equal("Input_PersonalIdentityNumber", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_browser_helper_logs_a_citizen_in()
    {
        var page = await browser.NewPageAsync();

        await CitizenEIdBrowser.LogInAsync(page, "sundsvall", CitizenEId.KarinLind, "/sundsvall/e-legitimation");

        Assert.EndsWith("/sundsvall/e-legitimation", page.Url, StringComparison.Ordinal);
        Assert.Equal("Karin Lind", await page.Locator("#citizen-name").InnerTextAsync());
        await page.Context.CloseAsync();
    }
}
