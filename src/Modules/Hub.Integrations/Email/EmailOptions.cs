using MimeKit;
using Microsoft.Extensions.Options;

namespace Hub.Integrations.Email;

/// <summary>How the hub sends e-mail; bound from <c>Hub:Email</c>. Configure SMTP or a pickup directory, not both.</summary>
internal sealed class EmailOptions
{
    public const string Section = "Hub:Email";

    /// <summary>The sender address; the display name is the tenant's.</summary>
    public string? From { get; set; }

    /// <summary>Directory to write each message to as an <c>.eml</c> file (relative to the content root).</summary>
    public string? PickupDirectory { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>How often the dispatcher looks for due messages when nothing woke it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Messages one node claims at a time.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>Attempts before a message is marked Failed and left alone.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Wait after the first failure; doubled after each further one, up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How long a claim is held; must comfortably exceed the time to send a batch.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);

    public bool UsesPickupDirectory => !string.IsNullOrWhiteSpace(PickupDirectory);

    /// <summary>The wait before attempt <paramref name="attempts"/> + 1, after <paramref name="attempts"/> failures.</summary>
    public TimeSpan RetryDelay(int attempts) => Workers.Leases.RetryDelay(attempts, RetryBaseDelay, RetryMaxDelay);
}

internal sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string? UserName { get; set; }

    /// <summary>Never logged; give it through an environment variable or a secret store.</summary>
    public string? Password { get; set; }

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);
}

internal enum SmtpSecurity
{
    /// <summary>Plain text; only for a relay on the same host or a trusted network.</summary>
    None,

    /// <summary>Connect in plain text, then require STARTTLS (port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,
}

/// <summary>Checks <c>Hub:Email</c> at start, so a typo stops the host with a message rather than losing mail later.</summary>
internal sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        var problems = new List<string>();
        if (options.UsesSmtp && options.UsesPickupDirectory)
        {
            problems.Add("Hub:Email: configure either Smtp:Host or PickupDirectory, not both.");
        }

        if (options.UsesSmtp || options.UsesPickupDirectory)
        {
            if (string.IsNullOrWhiteSpace(options.From))
            {
                problems.Add("Hub:Email:From is required when a transport (Smtp:Host or PickupDirectory) is configured.");
            }
            else if (!EmailAddresses.IsValidAddress(options.From))
            {
                problems.Add($"Hub:Email:From '{options.From}' is not a valid e-mail address (write only the address, e.g. noreply@kommun.se).");
            }
        }

        if (options.UsesSmtp)
        {
            if (options.Smtp.Port is < 1 or > 65535)
            {
                problems.Add($"Hub:Email:Smtp:Port {options.Smtp.Port} is not a TCP port (1-65535).");
            }

            if (string.IsNullOrEmpty(options.Smtp.UserName) != string.IsNullOrEmpty(options.Smtp.Password))
            {
                problems.Add("Hub:Email:Smtp: give both UserName and Password, or neither.");
            }

            if (options.Smtp.Timeout <= TimeSpan.Zero)
            {
                problems.Add("Hub:Email:Smtp:Timeout must be positive.");
            }
        }

        if (options.PollInterval <= TimeSpan.Zero)
        {
            problems.Add("Hub:Email:PollInterval must be positive.");
        }

        if (options.BatchSize is < 1 or > 1000)
        {
            problems.Add("Hub:Email:BatchSize must be between 1 and 1000.");
        }

        if (options.MaxAttempts < 1)
        {
            problems.Add("Hub:Email:MaxAttempts must be at least 1.");
        }

        if (options.RetryBaseDelay <= TimeSpan.Zero || options.RetryMaxDelay < options.RetryBaseDelay)
        {
            problems.Add("Hub:Email:RetryBaseDelay must be positive and RetryMaxDelay at least as long.");
        }

        if (options.LeaseDuration <= TimeSpan.Zero)
        {
            problems.Add("Hub:Email:LeaseDuration must be positive.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

/// <summary>Address checks shared by the outbox and the options.</summary>
internal static class EmailAddresses
{
    private static readonly ParserOptions Strict = CreateStrict();

    /// <summary>A single bare address (<c>a@b.se</c>) with a domain, no display name, no line breaks.</summary>
    public static bool IsValidAddress(string value) =>
        !value.AsSpan().ContainsAny('\r', '\n')
        && MailboxAddress.TryParse(Strict, value, out var mailbox)
        && string.Equals(mailbox.Address, value.Trim(), StringComparison.Ordinal)
        && string.IsNullOrEmpty(mailbox.Name)
        && mailbox.Route.Count == 0
        && mailbox.Domain.Length > 0
        && mailbox.LocalPart.Length > 0;

    private static ParserOptions CreateStrict()
    {
        var options = ParserOptions.Default.Clone();
        options.AllowAddressesWithoutDomain = false;
        options.AddressParserComplianceMode = RfcComplianceMode.Strict;
        return options;
    }
}
