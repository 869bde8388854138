using Hub.Integrations.Domain;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;

namespace Hub.Integrations.Email;

/// <summary>Where messages go: an SMTP server or a pickup directory. One sender serves one batch.</summary>
internal interface IEmailTransport
{
    /// <summary>Null when neither SMTP nor a pickup directory is configured; messages then stay queued.</summary>
    string? Description { get; }

    IEmailSender CreateSender();
}

internal interface IEmailSender : IAsyncDisposable
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

internal sealed class EmailTransport(IOptions<EmailOptions> options) : IEmailTransport
{
    private readonly EmailOptions options = options.Value;

    public string? Description => options.UsesSmtp
        ? $"SMTP {options.Smtp.Host}:{options.Smtp.Port} ({options.Smtp.Security})"
        : options.UsesPickupDirectory ? $"pickup directory {options.PickupDirectory}" : null;

    public IEmailSender CreateSender() => options.UsesSmtp
        ? new SmtpEmailSender(options.Smtp)
        : options.UsesPickupDirectory
            ? new PickupDirectorySender(options.PickupDirectory!)
            : throw new InvalidOperationException("No e-mail transport is configured.");
}

/// <summary>Writes <c>name.eml.tmp</c> then renames it, so a pickup service never reads half a message.</summary>
internal sealed class PickupDirectorySender(string directory) : IEmailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        // Unique per write: a repeat after an ambiguous failure shows as a second file with the same Message-Id.
        var name = $"{(message.MessageId ?? "message").Split('@')[0]}-{Guid.NewGuid().ToString("N")[..8]}.eml";
        var final = Path.Combine(directory, name);
        var temporary = final + ".tmp";
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 16_384, useAsync: true))
            {
                await message.WriteToAsync(stream, cancellationToken);
                await stream.FlushAsync(cancellationToken);
            }

            File.Move(temporary, final);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>One SMTP connection per batch, opened on first use and again after the server dropped it.</summary>
internal sealed class SmtpEmailSender(SmtpOptions options) : IEmailSender
{
    private readonly SmtpClient client = new() { Timeout = (int)options.Timeout.TotalMilliseconds };

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        if (!client.IsConnected)
        {
            var security = options.Security switch
            {
                SmtpSecurity.None => SecureSocketOptions.None,
                SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.StartTls,
            };
            await client.ConnectAsync(options.Host!, options.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(options.UserName))
            {
                await client.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken);
            }
        }

        await client.SendAsync(message, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync(quit: true);
            }
        }
        catch (Exception exception) when (exception is IOException or MailKit.ProtocolException or MailKit.CommandException or OperationCanceledException)
        {
            // The messages are sent or recorded as failed already; a failing QUIT changes nothing.
        }
        finally
        {
            client.Dispose();
        }
    }
}

/// <summary>Builds the MIME message of a row; the same row always gives the same headers.</summary>
internal static class EmailMessageBuilder
{
    public static MimeMessage Build(OutgoingEmailMessage row, string fromAddress)
    {
        var message = new MimeMessage
        {
            MessageId = row.MessageId,
            Date = new DateTimeOffset(DateTime.SpecifyKind(row.CreatedAt, DateTimeKind.Utc)),
            Subject = row.Subject,
        };
        message.From.Add(new MailboxAddress(row.SenderName, fromAddress));
        message.To.Add(MailboxAddress.Parse(row.To));

        var text = new TextPart(TextFormat.Plain);
        text.SetText("utf-8", row.TextBody);
        if (row.HtmlBody is null)
        {
            message.Body = text;
        }
        else
        {
            var html = new TextPart(TextFormat.Html);
            html.SetText("utf-8", row.HtmlBody);
            message.Body = new MultipartAlternative { text, html };
        }

        // MIME keeps Content-* headers on the top-level entity; written out, they sit among the message's headers.
        message.Body.Headers.Add(HeaderId.ContentLanguage, row.Language);

        return message;
    }
}
