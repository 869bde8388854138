using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Hub.Abstractions;
using Hub.Data;
using Hub.Integrations.Contracts;
using Hub.Integrations.Data;
using Hub.Integrations.Domain;
using Hub.Integrations.Tests.Support;
using Hub.Integrations.Webhooks;
using Hub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Hub.Integrations.Tests.Webhooks;

/// <summary>
/// Integration events to webhooks: stored with the caller's work, posted signed to the tenant's subscribed webhooks,
/// retried with backoff, never to another tenant's, never to a private address unless allowed, once across nodes.
/// </summary>
public abstract class WebhookTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly (string, string)[] Local = [("Hub:Webhooks:AllowHttp", "true"), ("Hub:Webhooks:AllowPrivateNetworks", "true")];
    private TestDatabase database = null!;
    private WebhookReceiver receiver = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        receiver = await WebhookReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await receiver.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task An_event_is_posted_once_to_the_subscribed_webhook_signed_with_its_secret()
    {
        await using var node = await NodeAsync(new FakeTimeProvider(Start), Local);
        var tenant = EmailNode.NewTenant();
        var secret = await CreateAsync(node, tenant, "Ärendesystem", receiver.Url.ToString(), IntegrationEventTypes.CaseSubmitted);

        await PublishAsync(node, tenant, IntegrationEventTypes.CaseSubmitted, "TYR-2026-000001");
        await Dispatcher(node).DispatchAsync(CancellationToken.None);
        await Dispatcher(node).DispatchAsync(CancellationToken.None);

        var post = Assert.Single(receiver.All);
        Assert.True(post.IsSignedWith(secret));
        Assert.False(post.IsSignedWith(secret + "x"));
        Assert.Equal(IntegrationEventTypes.CaseSubmitted, post.EventType);
        Assert.Equal(post.EventId, post.Json.GetProperty("id").GetString());
        Assert.Equal(("TYR-2026-000001", tenant.Slug, "ekonomiskt-bistand"),
            (post.Json.GetProperty("subject").GetString(), post.Json.GetProperty("tenant").GetString(), post.Json.GetProperty("data").GetProperty("service").GetString()));
        var delivery = Assert.Single(await DeliveriesAsync(node));
        Assert.Equal((WebhookDeliveryStatus.Delivered, 1, 200), (delivery.Status, delivery.Attempts, delivery.LastStatusCode));
    }

    [Fact]
    public async Task Only_the_tenants_active_webhooks_that_want_the_type_get_it()
    {
        await using var node = await NodeAsync(new FakeTimeProvider(Start), Local);
        var (own, other) = (EmailNode.NewTenant("Tyresö kommun"), EmailNode.NewTenant("Mjölby kommun"));
        await CreateAsync(node, own, "Nya ärenden", receiver.Url + "/new", IntegrationEventTypes.CaseSubmitted);
        var off = await CreateWebhookAsync(node, own, "Avstängd", receiver.Url + "/off", IntegrationEventTypes.CaseSubmitted, IntegrationEventTypes.CaseStateEntered);
        await using (var scope = node.Scope(own))
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<WebhookAdmin>().SetActiveAsync(off, false, CancellationToken.None));
        }

        await CreateAsync(node, other, "Mjölbys system", receiver.Url + "/other", IntegrationEventTypes.CaseSubmitted, IntegrationEventTypes.CaseStateEntered);

        await PublishAsync(node, own, IntegrationEventTypes.CaseStateEntered, "TYR-1");
        await PublishAsync(node, own, IntegrationEventTypes.CaseSubmitted, "TYR-2");
        await Dispatcher(node).DispatchAsync(CancellationToken.None);

        var post = Assert.Single(receiver.All);
        Assert.Equal("TYR-2", post.Json.GetProperty("subject").GetString());
        // No webhook wanted the state change, so it was not even stored.
        await using var outside = node.Scope(null);
        Assert.Single(await outside.ServiceProvider.GetRequiredService<IntegrationsDbContext>().Events.IgnoreQueryFilters().ToListAsync());
    }

    [Fact]
    public async Task Another_tenant_cannot_see_switch_remove_test_or_retry_a_webhook()
    {
        await using var node = await NodeAsync(new FakeTimeProvider(Start), Local);
        var (own, other) = (EmailNode.NewTenant("Tyresö kommun"), EmailNode.NewTenant("Mjölby kommun"));
        var id = await CreateWebhookAsync(node, own, "Ärendesystem", receiver.Url.ToString(), IntegrationEventTypes.CaseSubmitted);
        await using (var scope = node.Scope(other))
        {
            var admin = scope.ServiceProvider.GetRequiredService<WebhookAdmin>();
            Assert.Empty(await admin.ListAsync(CancellationToken.None));
            Assert.False(await admin.SetActiveAsync(id, false, CancellationToken.None));
            Assert.False(await admin.PingAsync(id, CancellationToken.None));
            Assert.False(await admin.DeleteAsync(id, CancellationToken.None));
        }

        await using (var scope = node.Scope(own))
        {
            var admin = scope.ServiceProvider.GetRequiredService<WebhookAdmin>();
            var listed = Assert.Single(await admin.ListAsync(CancellationToken.None));
            Assert.True(listed.Webhook.Active);
            Assert.True(await admin.PingAsync(id, CancellationToken.None));
        }
    }

    [Fact]
    public async Task A_failing_receiver_is_retried_with_backoff_given_up_after_the_limit_and_retried_by_hand()
    {
        var clock = new FakeTimeProvider(Start);
        await using var node = await NodeAsync(clock, [.. Local, ("Hub:Webhooks:MaxAttempts", "3"), ("Hub:Webhooks:RetryBaseDelay", "00:01:00")]);
        var tenant = EmailNode.NewTenant();
        await CreateAsync(node, tenant, "Ärendesystem", receiver.Url.ToString(), IntegrationEventTypes.CaseSubmitted);
        receiver.Answer = _ => 503;
        await PublishAsync(node, tenant, IntegrationEventTypes.CaseSubmitted, "TYR-1");

        await Dispatcher(node).DispatchAsync(CancellationToken.None);
        var first = Assert.Single(await DeliveriesAsync(node));
        Assert.Equal((WebhookDeliveryStatus.Pending, 1, 503, Start.UtcDateTime.AddMinutes(1)), (first.Status, first.Attempts, first.LastStatusCode, first.NextAttemptAt));
        await Dispatcher(node).DispatchAsync(CancellationToken.None); // not due yet
        clock.Advance(TimeSpan.FromMinutes(1));
        await Dispatcher(node).DispatchAsync(CancellationToken.None); // second failure: next in two minutes
        clock.Advance(TimeSpan.FromMinutes(2));
        await Dispatcher(node).DispatchAsync(CancellationToken.None); // third: given up
        var failed = Assert.Single(await DeliveriesAsync(node));
        Assert.Equal((WebhookDeliveryStatus.Failed, 3), (failed.Status, failed.Attempts));
        Assert.Equal(3, receiver.All.Count);
        Assert.Single(receiver.All.Select(p => p.EventId).Distinct());

        receiver.Answer = _ => 204;
        await using (var scope = node.Scope(tenant))
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<WebhookAdmin>().RetryAsync(failed.Id, CancellationToken.None));
        }

        await Dispatcher(node).DispatchAsync(CancellationToken.None);
        Assert.Equal(WebhookDeliveryStatus.Delivered, Assert.Single(await DeliveriesAsync(node)).Status);
        Assert.Equal(4, receiver.All.Count);
    }

    [Fact]
    public async Task An_event_published_in_a_rolled_back_transaction_is_never_sent()
    {
        await using var node = await NodeAsync(new FakeTimeProvider(Start), Local);
        var tenant = EmailNode.NewTenant();
        await CreateAsync(node, tenant, "Ärendesystem", receiver.Url.ToString(), IntegrationEventTypes.CaseSubmitted);
        await using (var scope = node.Scope(tenant))
        {
            var connection = scope.ServiceProvider.GetRequiredService<HubConnection>();
            await using var transaction = await connection.BeginTransactionAsync();
            await scope.ServiceProvider.GetRequiredService<IIntegrationEvents>().PublishAsync(Event(IntegrationEventTypes.CaseSubmitted, "TYR-undone"));
            await transaction.RollbackAsync();
            connection.EndTransaction();
        }

        await Dispatcher(node).DispatchAsync(CancellationToken.None);
        Assert.Empty(receiver.All);
        Assert.Empty(await DeliveriesAsync(node));
    }

    [Fact]
    public async Task By_default_only_https_is_accepted_and_private_addresses_are_not_reached()
    {
        await using var node = await NodeAsync(new FakeTimeProvider(Start), [("Hub:Webhooks:AllowHttp", "true")]);
        var tenant = EmailNode.NewTenant();
        await using (var scope = node.Scope(tenant))
        {
            var strict = await NodeAsync(new FakeTimeProvider(Start), []);
            await using (strict)
            {
                await using var strictScope = strict.Scope(tenant);
                var problems = strictScope.ServiceProvider.GetRequiredService<WebhookAdmin>().Check("System", "http://arende.example.se/hook", [IntegrationEventTypes.CaseSubmitted]);
                Assert.Equal("AddressHttps", Assert.Single(problems).Problem);
            }

            var admin = scope.ServiceProvider.GetRequiredService<WebhookAdmin>();
            Assert.Equal(["Address"], admin.Check("System", "https://user:secret@arende.example.se/hook", [IntegrationEventTypes.CaseSubmitted]).Select(p => p.Field));
            Assert.Equal(["Address"], admin.Check("System", "ftp://arende.example.se/hook", [IntegrationEventTypes.CaseSubmitted]).Select(p => p.Field));
            Assert.Equal(["Address"], admin.Check("System", "/relative", [IntegrationEventTypes.CaseSubmitted]).Select(p => p.Field));
            Assert.Equal(["Name", "Events"], admin.Check(" ", "https://arende.example.se/hook", []).Select(p => p.Field));
            Assert.Equal(["Events"], admin.Check("System", "https://arende.example.se/hook", ["case.everything"]).Select(p => p.Field));
        }

        // http is allowed on this node, private networks are not: the loopback receiver is never reached.
        await CreateAsync(node, tenant, "Lokal", receiver.Url.ToString(), IntegrationEventTypes.CaseSubmitted);
        await PublishAsync(node, tenant, IntegrationEventTypes.CaseSubmitted, "TYR-1");
        await Dispatcher(node).DispatchAsync(CancellationToken.None);
        Assert.Empty(receiver.All);
        var delivery = Assert.Single(await DeliveriesAsync(node));
        Assert.Equal(WebhookDeliveryStatus.Pending, delivery.Status);
        Assert.Contains("private or local address", delivery.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settled_deliveries_and_their_events_are_removed_after_the_keeping_time_pending_ones_never()
    {
        var clock = new FakeTimeProvider(Start);
        await using var node = await NodeAsync(clock, [.. Local, ("Hub:Webhooks:KeepFor", "2.00:00:00"), ("Hub:Webhooks:RetryBaseDelay", "1.00:00:00")]);
        var tenant = EmailNode.NewTenant();
        await CreateAsync(node, tenant, "System", receiver.Url.ToString(), IntegrationEventTypes.CaseSubmitted);
        await PublishAsync(node, tenant, IntegrationEventTypes.CaseSubmitted, "TYR-delivered");
        await Dispatcher(node).DispatchAsync(CancellationToken.None);
        receiver.Answer = _ => 500;
        await PublishAsync(node, tenant, IntegrationEventTypes.CaseSubmitted, "TYR-pending");
        await Dispatcher(node).DispatchAsync(CancellationToken.None); // fails; next try in a day

        clock.Advance(TimeSpan.FromHours(47));
        await Dispatcher(node).DispatchAsync(CancellationToken.None); // the hourly prune: nothing is old enough
        Assert.Equal(2, (await DeliveriesAsync(node)).Count);
        clock.Advance(TimeSpan.FromHours(2));
        await Dispatcher(node).DispatchAsync(CancellationToken.None);

        var left = Assert.Single(await DeliveriesAsync(node));
        Assert.Equal(WebhookDeliveryStatus.Pending, left.Status);
        await using var outside = node.Scope(null);
        var events = await outside.ServiceProvider.GetRequiredService<IntegrationsDbContext>().Events.IgnoreQueryFilters().ToListAsync();
        Assert.Equal(["TYR-pending"], events.Select(e => e.Subject));
    }

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("172.32.0.1", true)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("193.44.157.10", true)]
    [InlineData("2a00:1450:4010::1", true)]
    public void Public_addresses_are_told_from_private_ones(string address, bool isPublic) =>
        Assert.Equal(isPublic, WebhookDispatcher.IsPublic(IPAddress.Parse(address)));

    [Fact]
    public async Task Two_nodes_on_one_database_post_every_event_once()
    {
        const int count = 60;
        (string, string)[] settings = [("Hub:Webhooks:PollInterval", "00:00:00.100"), ("Hub:Webhooks:BatchSize", "5"), .. Local];
        await using var first = await NodeAsync(TimeProvider.System, settings, start: true);
        await using var second = await NodeAsync(TimeProvider.System, settings, start: true);
        var tenants = new[] { EmailNode.NewTenant("Tyresö kommun"), EmailNode.NewTenant("Sundsvalls kommun") };
        foreach (var tenant in tenants)
        {
            await using var a = first.Scope(tenant);
            await using var b = second.Scope(tenant);
            await CreateAsync(first, tenant, "System " + tenant.Slug, receiver.Url + "/" + tenant.Slug, IntegrationEventTypes.CaseSubmitted);
        }

        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            await PublishAsync(i % 2 == 0 ? first : second, tenants[i % 2], IntegrationEventTypes.CaseSubmitted, $"case-{i}"));

        var watch = Stopwatch.StartNew();
        while ((await DeliveriesAsync(first)).Count(d => d.Status == WebhookDeliveryStatus.Delivered) < count)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), "Timed out waiting for every delivery.");
            await Task.Delay(100);
        }

        Assert.Equal(count, receiver.All.Count);
        Assert.Equal(count, receiver.All.Select(p => p.EventId).Distinct().Count());
    }

    private static IntegrationEvent Event(string type, string subject) =>
        new(type, subject, new JsonObject { ["caseNumber"] = subject, ["service"] = "ekonomiskt-bistand" });

    private static async Task PublishAsync(EmailNode node, TenantSnapshot tenant, string type, string subject)
    {
        await using var scope = node.Scope(tenant);
        await scope.ServiceProvider.GetRequiredService<IIntegrationEvents>().PublishAsync(Event(type, subject));
    }

    private static async Task<string> CreateAsync(EmailNode node, TenantSnapshot tenant, string name, string url, params string[] types)
    {
        await using var scope = node.Scope(tenant);
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<WebhookAdmin>().CreateAsync(name, url, types, "admin", CancellationToken.None);
        return secret;
    }

    private static async Task<Guid> CreateWebhookAsync(EmailNode node, TenantSnapshot tenant, string name, string url, params string[] types)
    {
        await using var scope = node.Scope(tenant);
        var (webhook, _) = await scope.ServiceProvider.GetRequiredService<WebhookAdmin>().CreateAsync(name, url, types, "admin", CancellationToken.None);
        return webhook.Id;
    }

    private static WebhookDispatcher Dispatcher(EmailNode node) => node.Services.GetServices<IHostedService>().OfType<WebhookDispatcher>().Single();

    private static async Task<List<WebhookDelivery>> DeliveriesAsync(EmailNode node)
    {
        await using var scope = node.Scope(null);
        return await scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>().Deliveries.IgnoreQueryFilters().AsNoTracking().ToListAsync();
    }

    private Task<EmailNode> NodeAsync(TimeProvider clock, (string Key, string Value)[] settings, bool start = false) =>
        EmailNode.CreateAsync(database, settings.ToDictionary(s => s.Key, s => (string?)s.Value), clock, start);
}

public sealed class WebhookTests_Sqlite() : WebhookTests(DatabaseProvider.Sqlite);

public sealed class WebhookTests_Postgres() : WebhookTests(DatabaseProvider.Postgres);
