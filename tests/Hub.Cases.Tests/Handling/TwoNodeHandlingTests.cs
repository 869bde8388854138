using System.Net;
using System.Text.RegularExpressions;
using Hub.Data;
using Hub.Tenancy.Contracts;
using Hub.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MimeKit;
using Xunit.Abstractions;
using static Hub.Testing.Intake;

namespace Hub.Cases.Tests.Handling;

/// <summary>
/// Two hub nodes on one PostgreSQL database, both running the timer worker, the e-mail dispatcher and the webhook
/// dispatcher: each SLA reminder and escalation, each workflow notification and each integration event goes out
/// exactly once.
/// </summary>
public sealed partial class TwoNodeHandlingTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly ShiftedClock clock = new();
    private TestDatabase database = null!;
    private HubAppFactory first = null!;
    private HubAppFactory second = null!;
    private WebhookReceiver receiver = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        receiver = await WebhookReceiver.StartAsync();
        first = Node();
        _ = first.BaseAddress;
        second = Node();
        _ = second.BaseAddress;
    }

    public async Task DisposeAsync()
    {
        await second.DisposeAsync();
        await first.DisposeAsync();
        await receiver.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task Reminders_escalations_notifications_and_events_are_sent_once_by_two_nodes()
    {
        var slug = "n" + Guid.NewGuid().ToString("N")[..10];
        var created = await first.Services.GetRequiredService<ITenantProvisioner>()
            .ApplyAsync(TestRecipes.Municipality(slug, "Nodkommun", services: ["ekonomiskt-bistand"]));
        Assert.True(created.Succeeded, string.Join("; ", created.Problems));
        await ServedAsync(second, slug);
        await HandlingSetup.CreateGroupsAsync(first.BaseAddress, slug);

        // The webhook is set up on the second node, the case submitted on the first and moved on the second.
        using (var admin = await HandlingSetup.SignInAsync(second.BaseAddress, slug, DemoAccounts.TenantAdmin))
        using (var saved = await admin.PostFormAsync($"/{slug}/admin/integrationer",
            [F("Name", "Ärendesystemet"), F("Address", receiver.Url.ToString()), F("Events", "case.submitted"), F("Events", "case.stateEntered")],
            $"/{slug}/admin/integrationer/create"))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }

        using var citizen = new HubClient(first.BaseAddress);
        await citizen.LogInAsync(slug, CitizenEId.AnnaAndersson);
        var number = await citizen.SubmitEkonomisktBistandAsync(slug, "rental", $"anna@{slug}.example");
        using (var officer = await HandlingSetup.SignInAsync(second.BaseAddress, slug, DemoAccounts.CaseOfficer))
        {
            var casePath = $"/{slug}/admin/arenden/{number}";
            var (_, page) = await officer.GetStringAsync(casePath);
            using var assigned = await officer.PostWithTokenAsync($"{casePath}/assign", HubClient.AntiforgeryToken(page), [F("to", "me")]);
            Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
            (_, page) = await officer.GetStringAsync(casePath);
            using var moved = await officer.PostWithTokenAsync($"{casePath}/transition", HubClient.AntiforgeryToken(page), [F("transition", "start"), F("state", "received")]);
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        }

        // What the move sends goes out before the clock jumps: a jump of days would expire the leases of work in
        // flight (ten minutes), which real time never does.
        await receiver.WaitForAsync(p => p.EventType == "case.stateEntered", "the move");
        await WaitForMailAsync(m => Subject(m).StartsWith("Nytt i ditt ärende " + number, StringComparison.Ordinal), "the citizen's news mail");
        await Task.Delay(TimeSpan.FromSeconds(1));
        clock.Advance(TimeSpan.FromDays(10) + TimeSpan.FromMinutes(1));
        await WaitForMailAsync(m => Subject(m).StartsWith("Påminnelse: ärende " + number, StringComparison.Ordinal), "the reminder");
        clock.Advance(TimeSpan.FromDays(4));
        await WaitForMailAsync(m => Subject(m).StartsWith("Försenat ärende " + number, StringComparison.Ordinal), "the escalation");

        // Both nodes poll every 200 ms: give them many more rounds in which a second copy could appear.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var mail = first.Mailbox.All().Concat(second.Mailbox.All()).Where(m => Subject(m).Contains(number, StringComparison.Ordinal)).ToList();
        output.WriteLine($"Node 1 sent {first.Mailbox.All().Count}, node 2 {second.Mailbox.All().Count} messages; about the case: "
            + string.Join(" | ", mail.Select(m => $"{Subject(m)} → {m.To}")));
        Assert.Single(mail, m => Subject(m).StartsWith("Påminnelse: ärende " + number, StringComparison.Ordinal));
        Assert.Single(mail, m => Subject(m).StartsWith("Försenat ärende " + number, StringComparison.Ordinal));
        // The workflow's "new case" notification to each of the group's two members, once each.
        var news = mail.Where(m => NewCase().IsMatch(Subject(m))).Select(m => m.To.ToString()).ToList();
        Assert.Equal(2, news.Count);
        Assert.Equal(2, news.Distinct().Count());
        Assert.Single(receiver.All, p => p.EventType == "case.submitted");
        Assert.Single(receiver.All, p => p.EventType == "case.stateEntered");
        Assert.Equal(receiver.All.Count, receiver.All.Select(p => p.EventId).Distinct().Count());
    }

    private HubAppFactory Node() => new(
        database,
        settings: new Dictionary<string, string>
        {
            ["Hub:Timers:PollInterval"] = "00:00:00.200",
            ["Hub:Webhooks:PollInterval"] = "00:00:00.200",
            ["Hub:Email:PollInterval"] = "00:00:00.200",
        },
        configureServices: services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(clock);
        });

    private async Task WaitForMailAsync(Func<MimeMessage, bool> predicate, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (first.Mailbox.All().Concat(second.Mailbox.All()).Any(predicate))
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"No e-mail for {what} from either node within 30 s.");
    }

    private static async Task ServedAsync(HubAppFactory node, string slug)
    {
        using var client = new HubClient(node.BaseAddress);
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if ((await client.GetStringAsync($"/{slug}/")).Status == HttpStatusCode.OK)
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"The second node never served {slug}.");
    }

    private static string Subject(MimeMessage message) => message.Subject ?? "";

    [GeneratedRegex("^Nytt ärende")]
    private static partial Regex NewCase();
}
