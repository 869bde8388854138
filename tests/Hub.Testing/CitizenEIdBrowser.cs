using Microsoft.Playwright;

namespace Hub.Testing;

/// <summary>Citizen e-ID login in a Playwright page, through the simulated provider's chooser, with the keyboard.</summary>
public static class CitizenEIdBrowser
{
    /// <summary>
    /// Logs <paramref name="personalIdentityNumber"/> (a preset test person) in on <paramref name="tenantSlug"/>:
    /// the chooser is answered with the keyboard (focus the person, Enter). Waits until the hub has sent the page back.
    /// </summary>
    public static async Task LogInAsync(IPage page, string tenantSlug, string personalIdentityNumber = CitizenEId.Tolvan, string? returnUrl = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync($"/{tenantSlug}/e-legitimation/logga-in" + (returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl)));
        await page.WaitForURLAsync("**/test-eid/authorize**");
        await ChooseWithKeyboardAsync(page, personalIdentityNumber);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("/test-eid/", StringComparison.Ordinal) && !url.Contains("/signin-eid", StringComparison.Ordinal));
    }

    /// <summary>Selects a preset person on the chooser as a keyboard user would: focus the radio and press Space.</summary>
    public static async Task ChooseWithKeyboardAsync(IPage page, string personalIdentityNumber)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.FocusAsync($"input[name='Input.Person'][value='{personalIdentityNumber}']");
        await page.Keyboard.PressAsync("Space");
    }
}
