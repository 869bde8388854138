using System.Globalization;

namespace Hub.Samples.BusinessSystem;

/// <summary>What the business system does on each run; read from the command line and the environment.</summary>
/// <param name="HubUrl">The tenant's address, e.g. http://localhost:5080/tyreso (the API is under /api/v1, the token at /connect/token).</param>
/// <param name="ClientId">The API client's id, as the admin page showed it.</param>
/// <param name="ClientSecret">Its secret.</param>
/// <param name="OutputDirectory">Where each case's XML (and its service version's XSD) is written.</param>
/// <param name="Service">Only cases of this e-service (its key); all when null.</param>
/// <param name="Transition">The workflow transition to make on each case (e.g. <c>start</c>); none when null.</param>
/// <param name="Message">A message to the citizen; <c>{number}</c>, <c>{reference}</c> and <c>{diary}</c> are filled in.</param>
/// <param name="DiaryPrefix">Prefix of the diary number set on each case (e.g. "BN 2026/"); none set when null.</param>
/// <param name="ReferencePrefix">Prefix of this system's own reference, confirmed as the delivery.</param>
/// <param name="PageSize">Cases per page of the list (1–500).</param>
/// <param name="Once">Run once and exit, instead of polling.</param>
/// <param name="Interval">Time between polls when not <paramref name="Once"/>.</param>
public sealed record BusinessSystemOptions(
    Uri HubUrl, string ClientId, string ClientSecret, string OutputDirectory,
    string? Service = null, string? Transition = null, string? Message = null, string? DiaryPrefix = null,
    string ReferencePrefix = "BS-", int PageSize = 100, bool Once = true, TimeSpan? Interval = null)
{
    public const string Usage = """
        Usage: Hub.Samples.BusinessSystem --url http://localhost:5080/tyreso --client-id tyreso-demo [options]

          --url URL             the municipality's address on the hub (env HUB_URL)
          --client-id ID        the API client's id (env HUB_CLIENT_ID)
          --client-secret S     its secret (env HUB_CLIENT_SECRET; prefer the environment: argv is visible to others)
          --out DIR             where the XML of each case is written (default: inbox)
          --service KEY         only cases of this e-service
          --transition KEY      move each case by this workflow transition (e.g. start)
          --message TEXT        write this to the citizen; {number}, {reference} and {diary} are filled in
          --diary-prefix TEXT   set a diary number: the prefix and the case's serial number (e.g. "BN 2026/")
          --reference-prefix P  this system's reference for a case is P + the case number (default: BS-)
          --page-size N         cases per page, 1-500 (default: 100)
          --once                run once and exit (otherwise poll every --interval seconds, default 60)
          --interval SECONDS    time between polls
        """;

    /// <summary>The options, or why they cannot be read.</summary>
    public static (BusinessSystemOptions? Options, string? Error) Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var once = false;
        string[] valued = ["--url", "--client-id", "--client-secret", "--out", "--service", "--transition", "--message",
            "--diary-prefix", "--reference-prefix", "--page-size", "--interval"];
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--once")
            {
                once = true;
            }
            else if (valued.Contains(arg))
            {
                if (i + 1 >= args.Count)
                {
                    return (null, $"{arg} needs a value.");
                }

                values[arg] = args[++i];
            }
            else
            {
                return (null, $"Unknown argument '{arg}'.");
            }
        }

        string? Value(string name, string? variable = null) =>
            values.TryGetValue(name, out var v) ? v : variable is null ? null : environment(variable);

        var url = Value("--url", "HUB_URL");
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.TrimEnd('/'), UriKind.Absolute, out var hubUrl)
            || hubUrl.Scheme is not ("http" or "https"))
        {
            return (null, "Give the municipality's address on the hub with --url (or HUB_URL), e.g. http://localhost:5080/tyreso.");
        }

        var clientId = Value("--client-id", "HUB_CLIENT_ID");
        var secret = Value("--client-secret", "HUB_CLIENT_SECRET");
        if (string.IsNullOrWhiteSpace(clientId) || string.IsNullOrWhiteSpace(secret))
        {
            return (null, "Give the API client's id and secret (--client-id and HUB_CLIENT_SECRET, or --client-secret).");
        }

        var pageSize = 100;
        if (Value("--page-size") is { } size && (!int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > 500))
        {
            return (null, "--page-size must be a number from 1 to 500.");
        }

        var interval = TimeSpan.FromSeconds(60);
        if (Value("--interval") is { } seconds)
        {
            if (!int.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var s) || s < 1)
            {
                return (null, "--interval must be a whole number of seconds, at least 1.");
            }

            interval = TimeSpan.FromSeconds(s);
        }

        return (new BusinessSystemOptions(hubUrl, clientId.Trim(), secret.Trim(), Value("--out") ?? "inbox",
            Blank(Value("--service")), Blank(Value("--transition")), Blank(Value("--message")), Blank(Value("--diary-prefix")),
            Value("--reference-prefix") ?? "BS-", pageSize, once, interval), null);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
