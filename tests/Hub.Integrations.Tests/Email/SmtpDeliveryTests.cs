using Hub.Abstractions;
using Hub.Data;
using Hub.Integrations.Contracts;
using Hub.Integrations.Domain;
using Hub.Integrations.Tests.Support;
using Hub.Testing;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Hub.Integrations.Tests.Email;

/// <summary>
/// The dispatcher against a real (minimal) SMTP server, driven pass by pass on a fake clock so that backoff is exact.
/// </summary>
public abstract class SmtpDeliveryTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly TimeSpan BaseDelay = TimeSpan.FromMinutes(1);

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    private readonly TestSmtpServer server = new();
    private readonly TenantSnapshot tenant = EmailNode.NewTenant("Mjölby kommun");
    private TestDatabase database = null!;
    private EmailNode node = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        node = await EmailNode.CreateAsync(database, new Dictionary<string, string?>
        {
            ["Hub:Email:From"] = "noreply@mjolby.example",
            ["Hub:Email:Smtp:Host"] = "127.0.0.1",
            ["Hub:Email:Smtp:Port"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Hub:Email:Smtp:Security"] = "None",
            ["Hub:Email:MaxAttempts"] = "3",
            ["Hub:Email:RetryBaseDelay"] = BaseDelay.ToString(),
        }, clock, start: false);
    }

    public async Task DisposeAsync()
    {
        await node.DisposeAsync();
        await server.DisposeAsync();
        await database.DisposeAsync();
    }

    private Task<TimeSpan> PassAsync() => node.Dispatcher.DispatchAsync(CancellationToken.None);

    private async Task<OutgoingEmailMessage> RowAsync() => Assert.Single(await node.AllRowsAsync());

    [Fact]
    public async Task A_message_reaches_the_smtp_server_with_its_headers()
    {
        await node.EnqueueAsync(tenant, new OutgoingEmail("anna@example.se", "Påminnelse: komplettera din ansökan", "Hej Anna!\nLogga in för att se ärendet.", "<p>Hej Anna!</p>"));

        await PassAsync();

        var mail = Assert.Single(server.Received);
        Assert.Equal("anna@example.se", Assert.Single(server.Envelopes));
        Assert.Equal("Påminnelse: komplettera din ansökan", mail.Subject);
        var from = Assert.Single(mail.From.Mailboxes);
        Assert.Equal(("Mjölby kommun", "noreply@mjolby.example"), (from.Name, from.Address));
        Assert.Equal("sv", mail.Body!.Headers[HeaderId.ContentLanguage]);
        Assert.Contains("Logga in för att se ärendet.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Hej Anna!", mail.HtmlBody, StringComparison.Ordinal);
        var row = await RowAsync();
        Assert.Equal(row.MessageId, mail.MessageId);
        Assert.Equal((OutgoingEmailStatus.Sent, 1, clock.GetUtcNow().UtcDateTime), (row.Status, row.Attempts, row.SentAt!.Value));
        Assert.Null(row.LeaseOwner);
    }

    [Fact]
    public async Task A_refused_message_is_retried_with_growing_backoff_under_the_same_message_id_then_sent()
    {
        server.FailNext(2);
        await node.EnqueueAsync(tenant, new OutgoingEmail("bo@example.se", "Beslut", "Ditt beslut finns i e-tjänsten."));
        var start = clock.GetUtcNow().UtcDateTime;

        await PassAsync();
        var first = await RowAsync();
        Assert.Equal((OutgoingEmailStatus.Queued, 1, start + BaseDelay), (first.Status, first.Attempts, first.NextAttemptAt));
        Assert.Contains("451", first.LastError, StringComparison.Ordinal);

        clock.Advance(BaseDelay - TimeSpan.FromSeconds(1));
        await PassAsync();
        Assert.Equal(1, (await RowAsync()).Attempts);

        clock.Advance(TimeSpan.FromSeconds(1));
        await PassAsync();
        var second = await RowAsync();
        Assert.Equal((OutgoingEmailStatus.Queued, 2, clock.GetUtcNow().UtcDateTime + 2 * BaseDelay), (second.Status, second.Attempts, second.NextAttemptAt));

        clock.Advance(2 * BaseDelay);
        await PassAsync();

        var mail = Assert.Single(server.Received);
        var sent = await RowAsync();
        Assert.Equal((OutgoingEmailStatus.Sent, 3, (string?)null), (sent.Status, sent.Attempts, sent.LastError));
        Assert.Equal(sent.MessageId, mail.MessageId);
    }

    [Fact]
    public async Task A_message_is_retried_when_the_server_refuses_connections()
    {
        await node.EnqueueAsync(tenant, new OutgoingEmail("cia@example.se", "Kvitto", "Tack för din betalning."));
        await server.PauseAsync();

        await PassAsync();
        var failed = await RowAsync();
        Assert.Equal((OutgoingEmailStatus.Queued, 1), (failed.Status, failed.Attempts));
        Assert.NotNull(failed.LastError);

        server.Resume();
        clock.Advance(BaseDelay);
        await PassAsync();

        var sent = await RowAsync();
        Assert.True(sent.Status == OutgoingEmailStatus.Sent, sent.LastError);
        Assert.Single(server.Received);
    }

    [Fact]
    public async Task After_the_last_allowed_attempt_a_message_is_failed_and_left_alone()
    {
        server.FailNext(100);
        await node.EnqueueAsync(tenant, new OutgoingEmail("dan@example.se", "Kallelse", "Välkommen på möte."));

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await PassAsync();
            clock.Advance(TimeSpan.FromHours(1));
        }

        var row = await RowAsync();
        Assert.Equal((OutgoingEmailStatus.Failed, 3), (row.Status, row.Attempts));
        Assert.NotNull(row.FailedAt);
        Assert.Contains("451", row.LastError, StringComparison.Ordinal);

        var connections = server.Connections;
        clock.Advance(TimeSpan.FromDays(1));
        await PassAsync();
        Assert.Equal(connections, server.Connections);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task A_recipient_the_server_rejects_for_good_is_failed_at_once()
    {
        server.RecipientReply = "550 5.1.1 No such user";
        await node.EnqueueAsync(tenant, new OutgoingEmail("finns-inte@example.se", "Hej", "Text"));

        await PassAsync();

        var row = await RowAsync();
        Assert.Equal((OutgoingEmailStatus.Failed, 1), (row.Status, row.Attempts));
        Assert.Contains("550", row.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dispatcher_sleeps_until_the_next_retry_is_due_but_no_longer_than_the_poll_interval()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), await PassAsync());

        server.FailNext(1);
        await node.EnqueueAsync(tenant, new OutgoingEmail("eva@example.se", "Hej", "Text"));

        Assert.Equal(TimeSpan.FromSeconds(30), await PassAsync());
        clock.Advance(TimeSpan.FromSeconds(45));
        Assert.Equal(TimeSpan.FromSeconds(15), await PassAsync());
    }
}

public sealed class SmtpDeliveryTests_Sqlite() : SmtpDeliveryTests(DatabaseProvider.Sqlite);

public sealed class SmtpDeliveryTests_Postgres() : SmtpDeliveryTests(DatabaseProvider.Postgres);
