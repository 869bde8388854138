using System.Text.RegularExpressions;
using Hub.Abstractions;
using Hub.Data;
using Hub.Integrations.Contracts;
using Hub.Integrations.Data;
using Hub.Integrations.Domain;
using Hub.Integrations.Workers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hub.Integrations.Email;

/// <summary>
/// Writes the message as a row of the current tenant on the scope's shared connection and transaction, so it commits
/// or rolls back with the caller's work. The dispatcher is woken once the row can be seen: at once when there is no
/// transaction, else when the scope ends (after the caller committed or rolled back; a rolled-back wake costs one
/// empty query).
/// </summary>
internal sealed partial class EmailOutbox(
    IServiceProvider services, HubConnection connection, ITenantContext tenantContext, IOptions<EmailOptions> options,
    EmailDispatchSignal signal, TimeProvider clock) : IEmailOutbox, IDisposable
{
    private IntegrationsDbContext? context;
    private readonly CommitWake wake = new(signal, connection);

    // Resolved when a message is queued: a submission without an e-mail address creates no DbContext for it.
    private IntegrationsDbContext Db => context ??= services.GetRequiredService<IntegrationsDbContext>();

    public async Task EnqueueAsync(OutgoingEmail message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        Validate(message);
        var tenant = tenantContext.Tenant
            ?? throw new InvalidOperationException("E-mail can be queued only inside a tenant; the message would have no sender.");

        var from = options.Value.From;
        var domain = from is not null && EmailAddresses.IsValidAddress(from) ? from[(from.LastIndexOf('@') + 1)..] : "hub.invalid";
        var row = OutgoingEmailMessage.Queue(
            message.To.Trim(), tenant.Settings.DisplayName, message.Subject, message.TextBody, message.HtmlBody,
            message.Language, domain, clock.GetUtcNow().UtcDateTime);

        await connection.FollowAsync(Db, cancellationToken);

        Db.OutgoingEmails.Add(row);
        await Db.SaveChangesAsync(cancellationToken);
        wake.Written();
    }

    public void Dispose() => wake.Dispose();

    private static void Validate(OutgoingEmail message)
    {
        ArgumentNullException.ThrowIfNull(message.To, nameof(message.To));
        ArgumentNullException.ThrowIfNull(message.Subject, nameof(message.Subject));
        ArgumentNullException.ThrowIfNull(message.TextBody, nameof(message.TextBody));
        ArgumentNullException.ThrowIfNull(message.Language, nameof(message.Language));
        if (HasLineBreak(message.To) || HasLineBreak(message.Subject) || HasLineBreak(message.Language))
        {
            throw new ArgumentException("Line breaks are not allowed in an e-mail's address, subject or language (header injection).", nameof(message));
        }

        if (!EmailAddresses.IsValidAddress(message.To))
        {
            throw new ArgumentException($"'{message.To}' is not a valid e-mail address.", nameof(message));
        }

        if (string.IsNullOrWhiteSpace(message.Subject) || message.Subject.Length > 998)
        {
            throw new ArgumentException("An e-mail needs a subject of at most 998 characters.", nameof(message));
        }

        if (!LanguageTag().IsMatch(message.Language))
        {
            throw new ArgumentException($"'{message.Language}' is not a language tag such as 'sv' or 'en-GB'.", nameof(message));
        }
    }

    private static bool HasLineBreak(string value) => value.AsSpan().ContainsAny('\r', '\n');

    [GeneratedRegex("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")]
    private static partial Regex LanguageTag();
}

/// <summary>Wakes this node's e-mail dispatcher when a message was queued.</summary>
internal sealed class EmailDispatchSignal : WakeSignal;
