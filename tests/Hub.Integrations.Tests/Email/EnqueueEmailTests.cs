using Hub.Data;
using Hub.Integrations.Contracts;
using Hub.Integrations.Data;
using Hub.Integrations.Domain;
using Hub.Tenancy.Contracts;
using Hub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Hub.Integrations.Tests.Email;

/// <summary>The outbox in the real host: mail commits with the caller's work, and tenants never see each other's mail.</summary>
public abstract class EnqueueEmailTests(HubFixture fixture) : TwoTenantTests(fixture)
{
    private static string Address(string name) => $"{name}-{Guid.NewGuid():N}@example.se";

    [Fact]
    public async Task Mail_queued_in_work_that_rolls_back_is_never_sent()
    {
        var rolledBack = Address("rollback");
        var committed = Address("commit");
        await using (var scope = TenantScope(Own))
        {
            var connection = scope.ServiceProvider.GetRequiredService<HubConnection>();
            var outbox = scope.ServiceProvider.GetRequiredService<IEmailOutbox>();
            await using (var transaction = await connection.BeginTransactionAsync())
            {
                await outbox.EnqueueAsync(new OutgoingEmail(rolledBack, "Ångrad", "Ska aldrig skickas."));
                await transaction.RollbackAsync();
                connection.EndTransaction();
            }

            await using (var transaction = await connection.BeginTransactionAsync())
            {
                await outbox.EnqueueAsync(new OutgoingEmail(committed, "Bekräftelse", "Skickas."));
                await transaction.CommitAsync();
                connection.EndTransaction();
            }
        }

        // The committed message was queued after the rolled-back one: once it is out, the other would have been too.
        await Fixture.Mailbox.WaitForAsync(committed);
        Assert.Empty(Fixture.Mailbox.To(rolledBack));
        await using var check = TenantScope(Own);
        Assert.False(await check.ServiceProvider.GetRequiredService<IntegrationsDbContext>().OutgoingEmails.AnyAsync(e => e.To == rolledBack));
    }

    [Fact]
    public async Task Mail_queued_with_committed_work_arrives_once_with_the_tenants_name_and_swedish_text()
    {
        var to = Address("medborgare");
        await using (var scope = TenantScope(Own))
        {
            var connection = scope.ServiceProvider.GetRequiredService<HubConnection>();
            await using var transaction = await connection.BeginTransactionAsync();
            await scope.ServiceProvider.GetRequiredService<IEmailOutbox>().EnqueueAsync(
                new OutgoingEmail(to, "Din ansökan om bygglov är mottagen – Åsa Öberg", "Hej!\nVi har tagit emot ärendet. Läs mer på vår webbplats: https://example.se/ärende/1"));
            await transaction.CommitAsync();
            connection.EndTransaction();
        }

        var mail = await Fixture.Mailbox.WaitForAsync(to);

        Assert.Equal("Din ansökan om bygglov är mottagen – Åsa Öberg", mail.Subject);
        Assert.Equal(to, Assert.Single(mail.To.Mailboxes).Address);
        var from = Assert.Single(mail.From.Mailboxes);
        Assert.Equal("noreply@hub.localhost", from.Address);
        Assert.Equal($"Testkommun {Own}", from.Name);
        Assert.Equal("sv", mail.Body!.Headers[HeaderId.ContentLanguage]);
        Assert.Contains("Vi har tagit emot ärendet.", mail.TextBody, StringComparison.Ordinal);
        Assert.Null(mail.HtmlBody);
        Assert.EndsWith("@hub.localhost", mail.MessageId, StringComparison.Ordinal);
        Assert.Single(Fixture.Mailbox.To(to));
        Assert.DoesNotContain(Directory.GetFiles(Fixture.Mailbox.Directory), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_html_alternative_travels_with_the_plain_text()
    {
        var to = Address("html");
        await using (var scope = TenantScope(Own))
        {
            await scope.ServiceProvider.GetRequiredService<IEmailOutbox>().EnqueueAsync(
                new OutgoingEmail(to, "Receipt", "Plain text.", "<p>Rich <strong>text</strong>.</p>", "en"));
        }

        var mail = await Fixture.Mailbox.WaitForAsync(to);

        Assert.IsType<MultipartAlternative>(mail.Body);
        Assert.Contains("Plain text.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("<strong>text</strong>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("en", mail.Body!.Headers[HeaderId.ContentLanguage]);
    }

    [Theory]
    [InlineData("a@example.se\r\nBcc: victim@example.se", "Hej", "sv")]
    [InlineData("a@example.se", "Hej\r\nBcc: victim@example.se", "sv")]
    [InlineData("a@example.se", "Hej\nX-Evil: 1", "sv")]
    [InlineData("a@example.se", "Hej", "sv\r\nBcc: victim@example.se")]
    public async Task Header_injection_is_refused(string to, string subject, string language)
    {
        await using var scope = TenantScope(Own);
        var outbox = scope.ServiceProvider.GetRequiredService<IEmailOutbox>();

        await Assert.ThrowsAsync<ArgumentException>(() => outbox.EnqueueAsync(new OutgoingEmail(to, subject, "Text", Language: language)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-an-address")]
    [InlineData("a@")]
    [InlineData("@example.se")]
    [InlineData("a@example.se, b@example.se")]
    [InlineData("Namn <a@example.se>")]
    public async Task An_invalid_address_is_refused(string to)
    {
        await using var scope = TenantScope(Own);
        var outbox = scope.ServiceProvider.GetRequiredService<IEmailOutbox>();

        await Assert.ThrowsAsync<ArgumentException>(() => outbox.EnqueueAsync(new OutgoingEmail(to, "Hej", "Text")));
    }

    [Fact]
    public async Task Mail_cannot_be_queued_outside_a_tenant()
    {
        await using var scope = Fixture.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IEmailOutbox>();

        await Assert.ThrowsAsync<InvalidOperationException>(() => outbox.EnqueueAsync(new OutgoingEmail(Address("x"), "Hej", "Text")));
    }

    [Fact]
    public async Task A_tenant_sees_only_its_own_mail()
    {
        var theirs = Address("theirs");
        await using (var other = TenantScope(Other))
        {
            await other.ServiceProvider.GetRequiredService<IEmailOutbox>().EnqueueAsync(new OutgoingEmail(theirs, "Deras", "Text"));
        }

        await using var scope = TenantScope(Own);
        var db = scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>();
        await scope.ServiceProvider.GetRequiredService<IEmailOutbox>().EnqueueAsync(new OutgoingEmail(Address("ours"), "Vår", "Text"));
        var ownTenant = Fixture.Services.GetRequiredService<ITenantDirectory>().FindBySlug(Own)!;

        var visible = await db.OutgoingEmails.ToListAsync();

        Assert.NotEmpty(visible);
        Assert.All(visible, e => Assert.Equal(ownTenant.Id, e.TenantId));
        Assert.DoesNotContain(visible, e => e.To == theirs);
    }

    [Fact]
    public async Task Changing_another_tenants_mail_is_refused()
    {
        var theirs = Address("theirs");
        await using (var other = TenantScope(Other))
        {
            await other.ServiceProvider.GetRequiredService<IEmailOutbox>().EnqueueAsync(new OutgoingEmail(theirs, "Deras", "Text"));
        }

        await using var scope = TenantScope(Own);
        var db = scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>();
        // A crafted read past the filter, as a bug might do; the write guard still refuses the change.
        var row = await db.OutgoingEmails.IgnoreQueryFilters().SingleAsync(e => e.To == theirs);
        db.Entry(row).Property(e => e.Subject).CurrentValue = "Kapad";

        await Assert.ThrowsAsync<CrossTenantWriteException>(() => db.SaveChangesAsync());

        // A refused save leaves nothing held: the next writes on this node go through (a regression once hung here).
        await using var next = TenantScope(Own);
        await next.ServiceProvider.GetRequiredService<IEmailOutbox>().EnqueueAsync(new OutgoingEmail(Address("after"), "Efter", "Text"))
            .WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Writing_mail_stamped_with_another_tenant_is_refused()
    {
        var otherTenant = Fixture.Services.GetRequiredService<ITenantDirectory>().FindBySlug(Other)!;
        await using var scope = TenantScope(Own);
        var db = scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>();
        var row = OutgoingEmailMessage.Queue(Address("planted"), "X", "Planterad", "Text", null, "sv", "hub.test", DateTime.UtcNow);
        row.TenantId = otherTenant.Id;
        db.OutgoingEmails.Add(row);

        await Assert.ThrowsAsync<CrossTenantWriteException>(() => db.SaveChangesAsync());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class EnqueueEmailTests_Sqlite(SqliteHubFixture fixture) : EnqueueEmailTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class EnqueueEmailTests_Postgres(PostgresHubFixture fixture) : EnqueueEmailTests(fixture);
