using System.Diagnostics;
using Hub.Data;
using Hub.Integrations.Contracts;
using Hub.Integrations.Domain;
using Hub.Integrations.Email;
using Hub.Integrations.Tests.Support;
using Hub.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;
using Xunit.Abstractions;

namespace Hub.Integrations.Tests.Email;

/// <summary>The dispatcher as it runs in a host: several nodes, waking on enqueue, and no transport at all.</summary>
public abstract class DispatchTests(DatabaseProvider provider, ITestOutputHelper output) : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(provider);

    public Task DisposeAsync() => database.DisposeAsync().AsTask();

    private static Dictionary<string, string?> Pickup(string directory, string pollInterval = "00:00:00.200", string batchSize = "7") => new()
    {
        ["Hub:Email:PickupDirectory"] = directory,
        ["Hub:Email:PollInterval"] = pollInterval,
        ["Hub:Email:BatchSize"] = batchSize,
    };

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(watch.Elapsed < timeout, $"Timed out after {timeout.TotalSeconds} s waiting for {what}.");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Two_nodes_on_one_database_send_every_message_exactly_once()
    {
        const int count = 200;
        await using var first = await EmailNode.CreateAsync(database, Pickup("mail"));
        await using var second = await EmailNode.CreateAsync(database, Pickup("mail"));
        var tenants = new[] { EmailNode.NewTenant("Tyresö kommun"), EmailNode.NewTenant("Sundsvalls kommun") };

        // Queued on both nodes while both dispatch, so claims race for real.
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            var node = i % 2 == 0 ? first : second;
            await node.EnqueueAsync(tenants[i % 2], new OutgoingEmail($"person{i}@example.se", $"Meddelande {i}", $"Text {i}"));
        });
        await WaitUntilAsync(async () => (await first.AllRowsAsync()).All(r => r.Status == OutgoingEmailStatus.Sent), TimeSpan.FromSeconds(90), "every message to be sent");

        var perNode = new[] { first, second }
            .Select(n => Directory.GetFiles(n.Services.GetRequiredService<IOptions<EmailOptions>>().Value.PickupDirectory!, "*.eml"))
            .ToList();
        output.WriteLine($"Sent by the first node: {perNode[0].Length}, by the second: {perNode[1].Length}");
        var files = perNode.SelectMany(f => f).Select(f => MimeMessage.Load(f)).ToList();
        Assert.Equal(count, files.Count);
        Assert.Equal(count, files.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(count, files.Select(m => m.To.Mailboxes.Single().Address).Distinct().Count());
        var rows = await first.AllRowsAsync();
        Assert.Equal(count, rows.Count);
        Assert.All(rows, r => Assert.Equal(1, r.Attempts));
    }

    [Fact]
    public async Task A_committed_message_wakes_the_dispatcher_without_waiting_for_the_poll()
    {
        // Relative: under the node's content root, which the node removes.
        await using var node = await EmailNode.CreateAsync(database, Pickup("mail", pollInterval: "00:10:00"));
        var mailbox = new TestMailbox(node.Services.GetRequiredService<IOptions<EmailOptions>>().Value.PickupDirectory!);
        // Let the start-up pass finish, so that only the signal can bring the dispatcher back within the poll interval.
        await Task.Delay(500);

        await using (var scope = node.Scope(EmailNode.NewTenant()))
        {
            var connection = scope.ServiceProvider.GetRequiredService<HubConnection>();
            await using var transaction = await connection.BeginTransactionAsync();
            await scope.ServiceProvider.GetRequiredService<IEmailOutbox>().EnqueueAsync(new OutgoingEmail("snabb@example.se", "Snabbt", "Text"));
            await transaction.CommitAsync();
            connection.EndTransaction();
        }

        await mailbox.WaitForAsync("snabb@example.se", TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Without_a_transport_mail_stays_queued()
    {
        await using var node = await EmailNode.CreateAsync(database, new Dictionary<string, string?> { ["Hub:Email:PollInterval"] = "00:00:00.100" });
        await node.EnqueueAsync(EmailNode.NewTenant(), new OutgoingEmail("vantar@example.se", "Väntar", "Text"));

        await Task.Delay(500);

        var row = Assert.Single(await node.AllRowsAsync());
        Assert.Equal((OutgoingEmailStatus.Queued, 0), (row.Status, row.Attempts));
    }
}

public sealed class DispatchTests_Sqlite(ITestOutputHelper output) : DispatchTests(DatabaseProvider.Sqlite, output);

public sealed class DispatchTests_Postgres(ITestOutputHelper output) : DispatchTests(DatabaseProvider.Postgres, output);
