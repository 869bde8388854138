using System.Net;
using System.Text.RegularExpressions;
using Hub.Testing;
using static Hub.Testing.Intake;

namespace Hub.Cases.Tests.Handling;

/// <summary>Sets up a test municipality's case handling as its admin would, and what the handling tests share.</summary>
internal static partial class HandlingSetup
{
    /// <summary>A client signed in on <paramref name="slug"/> as the staff account <paramref name="user"/>.</summary>
    public static Task<HubClient> SignInAsync(HubFixture fixture, string slug, string user) => SignInAsync(fixture.BaseAddress, slug, user);

    /// <summary>A client of the node at <paramref name="node"/> signed in on <paramref name="slug"/> as <paramref name="user"/>.</summary>
    public static async Task<HubClient> SignInAsync(Uri node, string slug, string user)
    {
        var client = new HubClient(node);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(slug, user, DemoAccounts.Password)).StatusCode);
        return client;
    }

    /// <summary>
    /// Adds a webhook to <paramref name="url"/> for <paramref name="events"/> (default: every case event) through the
    /// integrations page and returns the secret it shows once.
    /// </summary>
    public static async Task<string> CreateWebhookAsync(HubClient admin, string tenant, string name, Uri url, params string[] events)
    {
        using var created = await admin.PostFormAsync($"/{tenant}/admin/integrationer",
            [F("Name", name), F("Address", url.ToString()), .. (events.Length == 0 ? ["case.submitted", "case.stateEntered"] : events).Select(e => F("Events", e))],
            $"/{tenant}/admin/integrationer/create");
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var secret = SecretPattern().Match(await created.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        return secret;
    }

    /// <summary>The first link to an uploaded file on a page.</summary>
    public static string FileLink(string html) => FileLinkPattern().Match(html).Groups[1].Value;

    /// <summary>
    /// The groups Ekonomiskt bistånd routes to, through the admin page: <c>ekonomi</c> (both officers) and <c>akut</c>
    /// (the second officer only), each led by the second officer.
    /// </summary>
    public static Task CreateGroupsAsync(HubFixture fixture, string slug) => CreateGroupsAsync(fixture.BaseAddress, slug);

    /// <inheritdoc cref="CreateGroupsAsync(HubFixture, string)"/>
    public static async Task CreateGroupsAsync(Uri node, string slug)
    {
        using var admin = new HubClient(node);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SignInAsync(slug, DemoAccounts.TenantAdmin, DemoAccounts.Password)).StatusCode);
        foreach (var (key, name, members) in new[]
        {
            ("ekonomi", "Ekonomiskt bistånd", new[] { DemoAccounts.CaseOfficer, DemoAccounts.CaseOfficer2 }),
            ("akut", "Akut bistånd", new[] { DemoAccounts.CaseOfficer2 }),
        })
        {
            using var saved = await admin.PostFormAsync($"/{slug}/admin/arenden/grupper",
                [F("Key", key), F("Name", name), .. members.Select(m => F("Members", m)), F("Lead", DemoAccounts.CaseOfficer2)]);
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
    }

    [GeneratedRegex("<code class=\"secret\">([^<]+)</code>")]
    private static partial Regex SecretPattern();

    [GeneratedRegex("href=\"([^\"]*/e-tjanster/filer/[^\"]+)\"")]
    private static partial Regex FileLinkPattern();
}
