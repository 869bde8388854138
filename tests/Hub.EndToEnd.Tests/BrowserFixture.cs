using Deque.AxeCore.Commons;
using Hub.Testing;
using Microsoft.Playwright;

namespace Hub.EndToEnd.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright against a hub on a real Kestrel port (SQLite, demo tenants), whose clock a
/// test may move forward (SLA marks); tests that do so sign in again afterwards.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    /// <summary>How long a step (a click, a navigation, an element to appear) may take before the test fails.</summary>
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(120);

    private readonly SqliteClockHubFixture hub = new();
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public HubFixture Hub => hub;

    /// <summary>The hub's clock: real time plus what tests have moved it forward.</summary>
    public ShiftedClock Clock => hub.Clock;

    public string BaseUrl => hub.BaseAddress.ToString().TrimEnd('/');

    public async Task InitializeAsync()
    {
        await hub.InitializeAsync();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Args = ChromiumArgs,
            Headless = true,
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        await hub.DisposeAsync();
    }

    /// <summary>A fresh browser context (own cookies) in the given language.</summary>
    public async Task<IPage> NewPageAsync(string language = "sv")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "sv-SE" });
        // A limit for a hang, not a measure of speed: CI runs this beside other test assemblies on two cores, where a
        // page the server renders for the first time has taken over 15 s, and Playwright's 30 s failed a navigation.
        context.SetDefaultTimeout((float)WaitLimit.TotalMilliseconds);
        context.SetDefaultNavigationTimeout((float)WaitLimit.TotalMilliseconds);
        await SetLanguageAsync(context, language);
        return await context.NewPageAsync();
    }

    public async Task SetLanguageAsync(IBrowserContext context, string language)
    {
        var culture = language == "en" ? "en-GB" : "sv-SE";
        await context.AddCookiesAsync([new Cookie { Name = ".Hub.Culture", Value = $"c={culture}|uic={culture}", Url = BaseUrl }]);
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

/// <summary>What every page a person sees must satisfy.</summary>
public static class PageChecks
{
    /// <summary>axe-core as the Deque package ships it.</summary>
    private static readonly Lazy<string> AxeScript = new(() =>
    {
        using var stream = typeof(AxeRunOptions).Assembly.GetManifestResourceStream("Deque.AxeCore.Commons.Resources.axe.min.js")
            ?? throw new InvalidOperationException("axe.min.js is not in Deque.AxeCore.Commons.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>
    /// WCAG 2.1 A and AA rules, violations only. axe runs in the page itself: the package's <c>RunAxe</c> sent the whole
    /// script with every call and took 2.7 s a page, of which axe's own run was 0.1 s.
    /// </summary>
    private const string RunAxe = """
        async () => {
            const results = await axe.run(document, {
                runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
                resultTypes: ['violations'],
            });
            return results.violations.map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
        }
        """;

    /// <summary>Zero axe violations of WCAG 2.1 A/AA, one h1, and the page's lang is the expected language.</summary>
    public static async Task AssertAccessibleAsync(IPage page, string language)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(AxeScript.Value);
        }

        var violations = await page.EvaluateAsync<string[]>(RunAxe);
        Assert.True(violations.Length == 0, $"{page.Url} [{language}]\n{string.Join("\n", violations)}");
        Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        Assert.Equal(1, await page.Locator("main").CountAsync());
    }

    /// <summary>Opens a path and checks it; returns the response status.</summary>
    public static async Task<int> VisitAsync(IPage page, string path, string language)
    {
        var response = await page.GotoAsync(path);
        await AssertAccessibleAsync(page, language);
        return response?.Status ?? 0;
    }
}
