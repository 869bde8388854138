using System.Diagnostics;
using System.Text.RegularExpressions;
using MimeKit;

namespace Hub.Testing;

/// <summary>
/// The mail a test host has sent: the <c>.eml</c> files of its pickup directory (<see cref="HubAppFactory.Mailbox"/>).
/// Messages are written atomically (temporary file, then rename), so every file read here is complete.
/// </summary>
public sealed partial class TestMailbox(string directory)
{
    // Long enough for a loaded CI machine; a wait ends as soon as the mail is there.
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public string Directory => directory;

    /// <summary>Every message sent so far, oldest first.</summary>
    public IReadOnlyList<MimeMessage> All()
    {
        if (!System.IO.Directory.Exists(directory))
        {
            return [];
        }

        return new DirectoryInfo(directory).GetFiles("*.eml")
            .OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => MimeMessage.Load(f.FullName))
            .ToList();
    }

    /// <summary>Messages sent to <paramref name="address"/> (case-insensitive), oldest first.</summary>
    public IReadOnlyList<MimeMessage> To(string address) =>
        All().Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>Waits until a message to <paramref name="address"/> has been sent and returns the first one.</summary>
    public Task<MimeMessage> WaitForAsync(string address, TimeSpan? timeout = null) =>
        WaitForAsync(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)), $"a message to {address}", timeout);

    /// <summary>Waits until a message matching <paramref name="predicate"/> has been sent and returns the first one.</summary>
    /// <exception cref="TimeoutException">None arrived in time; the message lists what did.</exception>
    public async Task<MimeMessage> WaitForAsync(Func<MimeMessage, bool> predicate, string description, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var all = All();
            if (all.FirstOrDefault(predicate) is { } found)
            {
                return found;
            }

            if (watch.Elapsed > (timeout ?? DefaultTimeout))
            {
                var seen = string.Join("; ", all.Select(m => $"{m.To} \"{m.Subject}\""));
                throw new TimeoutException($"No {description} within {watch.Elapsed.TotalSeconds:0.#} s in {directory}. Sent: [{seen}]");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The http(s) links in a message's plain-text body, in order (e.g. a confirmation link to follow).</summary>
    public static IReadOnlyList<Uri> Links(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return LinkPattern().Matches(message.TextBody ?? "").Select(m => new Uri(m.Value)).ToList();
    }

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex LinkPattern();
}
