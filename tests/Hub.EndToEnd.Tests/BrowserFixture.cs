using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Hub.Testing;
using Microsoft.Playwright;

namespace Hub.EndToEnd.Tests;

/// <summary>Debian's Chromium driven by Playwright against a hub on a real Kestrel port (SQLite, demo tenants).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly SqliteHubFixture hub = new();
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public HubFixture Hub => hub;

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
    private static readonly AxeRunOptions WcagAA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        // Only violations are read; axe then reports one node per passed rule instead of every node.
        ResultTypes = [ResultType.Violations],
    };

    /// <summary>Zero axe violations of WCAG 2.1 A/AA, one h1, and the page's lang is the expected language.</summary>
    public static async Task AssertAccessibleAsync(IPage page, string language)
    {
        var results = await page.RunAxe(WcagAA);
        var violations = string.Join("\n", results.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}"));
        Assert.True(results.Violations.Length == 0, $"{page.Url} [{language}]\n{violations}");
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
