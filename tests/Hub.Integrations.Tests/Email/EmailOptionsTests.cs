using Hub.Integrations.Email;
using Hub.Integrations.Tests.Support;
using Hub.Testing;
using Microsoft.Extensions.Options;

namespace Hub.Integrations.Tests.Email;

/// <summary>A mistake in <c>Hub:Email</c> stops the host at start with a message that names the setting.</summary>
public sealed class EmailOptionsTests
{
    private static List<string> Problems(Action<EmailOptions> configure)
    {
        var options = new EmailOptions();
        configure(options);
        var result = new EmailOptionsValidator().Validate(null, options);
        return result.Failed ? result.Failures.ToList() : [];
    }

    [Fact]
    public void Nothing_configured_is_valid_and_keeps_mail_queued() => Assert.Empty(Problems(_ => { }));

    [Fact]
    public void A_pickup_directory_with_a_sender_is_valid() =>
        Assert.Empty(Problems(o => (o.From, o.PickupDirectory) = ("noreply@kommun.se", "App_Data/mail")));

    [Theory]
    [InlineData(null, "Hub:Email:From is required")]
    [InlineData("not an address", "Hub:Email:From 'not an address' is not a valid e-mail address")]
    [InlineData("Kommunen <noreply@kommun.se>", "is not a valid e-mail address")]
    public void A_transport_needs_a_valid_sender_address(string? from, string expected)
    {
        var problems = Problems(o => (o.From, o.Smtp.Host) = (from, "smtp.kommun.se"));

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Smtp_and_a_pickup_directory_together_are_refused() =>
        Assert.Contains(Problems(o => (o.From, o.Smtp.Host, o.PickupDirectory) = ("a@b.se", "smtp.kommun.se", "mail")),
            p => p.Contains("either Smtp:Host or PickupDirectory", StringComparison.Ordinal));

    [Fact]
    public void Out_of_range_numbers_are_named()
    {
        var problems = Problems(o =>
        {
            (o.From, o.Smtp.Host, o.Smtp.Port, o.Smtp.UserName) = ("a@b.se", "smtp.kommun.se", 70_000, "user");
            (o.MaxAttempts, o.BatchSize, o.PollInterval) = (0, 0, TimeSpan.Zero);
        });

        Assert.Contains(problems, p => p.Contains("Smtp:Port 70000", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("UserName and Password", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("MaxAttempts", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("BatchSize", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("PollInterval", StringComparison.Ordinal));
    }

    [Fact]
    public void Backoff_doubles_from_the_base_delay_up_to_the_maximum()
    {
        var options = new EmailOptions { RetryBaseDelay = TimeSpan.FromMinutes(1), RetryMaxDelay = TimeSpan.FromMinutes(10) };

        Assert.Equal(
            [1, 2, 4, 8, 10, 10],
            Enumerable.Range(1, 6).Select(a => options.RetryDelay(a).TotalMinutes));
    }

    [Fact]
    public async Task A_host_with_a_broken_configuration_does_not_start()
    {
        await using var database = await TestDatabase.CreateAsync(Hub.Data.DatabaseProvider.Sqlite);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => EmailNode.CreateAsync(database, new Dictionary<string, string?>
        {
            ["Hub:Email:From"] = "",
            ["Hub:Email:PickupDirectory"] = "mail",
        }));

        Assert.Contains("Hub:Email:From is required", error.Message, StringComparison.Ordinal);
    }
}
