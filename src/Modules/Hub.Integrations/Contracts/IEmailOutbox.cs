namespace Hub.Integrations.Contracts;

/// <summary>
/// Queues e-mail for the current tenant. The message is a row written in the current unit of work (the scope's
/// shared connection and transaction), so it is sent if and only if the work that produced it commits; a background
/// dispatcher sends it, exactly once across nodes, retrying on failure.
/// </summary>
public interface IEmailOutbox
{
    /// <summary>Queues <paramref name="message"/>; it is sent after the current transaction commits.</summary>
    Task EnqueueAsync(OutgoingEmail message, CancellationToken cancellationToken = default);
}

/// <summary>An e-mail to one recipient. Bodies should link to the site rather than carry personal data.</summary>
/// <param name="To">Recipient address.</param>
/// <param name="Subject">Subject line.</param>
/// <param name="TextBody">Plain-text body (always sent).</param>
/// <param name="HtmlBody">Optional HTML alternative; the caller has encoded everything in it.</param>
/// <param name="Language">Language of the message (<c>sv</c>, <c>en</c>), set as Content-Language.</param>
public sealed record OutgoingEmail(string To, string Subject, string TextBody, string? HtmlBody = null, string Language = "sv");
