using System.Net;
using Hub.Testing;
using static Hub.Testing.Intake;

namespace Hub.Cases.Tests.Handling;

/// <summary>Sets up a test municipality's case handling as its admin would.</summary>
internal static class HandlingSetup
{
    /// <summary>
    /// The groups Ekonomiskt bistånd routes to, through the admin page: <c>ekonomi</c> (both officers) and <c>akut</c>
    /// (the second officer only), each led by the second officer.
    /// </summary>
    public static async Task CreateGroupsAsync(HubFixture fixture, string slug)
    {
        using var admin = fixture.CreateClient();
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
}
