using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

// Prepares anonymous drafts of one service, each in its own anonymous session (own cookies), with both pages of
// synpunkter filled, so that each line of the output is a review page ready to be submitted exactly once:
//   <review path> TAB <Cookie header> TAB <antiforgery token>
// Per draft: GET the service page (antiforgery cookie + token), POST start (302 to the first step), POST page
// "synpunkten", POST page "svar" (302 to .../granska). The token belongs to the session's antiforgery cookie, so the
// one from the service page is good for every POST of that session, the final submit included.
// Usage: Hub.Bench.Drafts --base http://127.0.0.1:5190 --tenant tyreso --service synpunkter --count 5000
//        [--parallel 8] --out drafts.tsv
var baseUrl = new Uri(Argument("--base") ?? "http://127.0.0.1:5190");
var tenant = Argument("--tenant") ?? "tyreso";
var service = Argument("--service") ?? "synpunkter";
var count = int.Parse(Argument("--count") ?? "1000", CultureInfo.InvariantCulture);
var parallel = int.Parse(Argument("--parallel") ?? "8", CultureInfo.InvariantCulture);
var output = Argument("--out") ?? throw new ArgumentException("--out is required");

var tokenPattern = new Regex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"", RegexOptions.Compiled);
var lines = new string[count];
var failures = 0;
var started = DateTime.UtcNow;
using var sockets = new SocketsHttpHandler { UseCookies = false, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, AllowAutoRedirect = false };
using var http = new HttpClient(sockets) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };

await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (i, ct) =>
{
    try
    {
        lines[i] = await PrepareAsync(ct);
    }
    catch (Exception e)
    {
        if (Interlocked.Increment(ref failures) <= 5)
        {
            Console.Error.WriteLine($"draft {i}: {e.Message}");
        }
    }
});

var done = lines.Where(l => l is not null).ToArray();
await File.WriteAllLinesAsync(output, done);
var seconds = (DateTime.UtcNow - started).TotalSeconds;
Console.WriteLine(FormattableString.Invariant($"prepared {done.Length} drafts in {seconds:F1} s ({done.Length / seconds:F0}/s), {failures} failed"));
return failures == 0 ? 0 : 1;

async Task<string> PrepareAsync(CancellationToken ct)
{
    var cookies = new CookieContainer();
    var servicePath = $"/{tenant}/e-tjanster/{service}";
    var html = await SendAsync(HttpMethod.Get, servicePath, null, HttpStatusCode.OK, cookies, ct);
    var token = tokenPattern.Match(html.Body).Groups[1].Value;
    if (token.Length == 0)
    {
        throw new InvalidOperationException("no antiforgery token on the service page");
    }

    var step = (await SendAsync(HttpMethod.Post, servicePath, Form(token), HttpStatusCode.Found, cookies, ct)).Location;
    var next = (await SendAsync(HttpMethod.Post, step, Form(token,
        ("feedback-type", "suggestion"), ("area", "streets-parks"), ("feedback", "Fler parkbänkar vid sjön, tack."),
        ("action", "next")), HttpStatusCode.Found, cookies, ct)).Location;
    var review = (await SendAsync(HttpMethod.Post, next, Form(token, ("wants-answer", "no"), ("action", "next")),
        HttpStatusCode.Found, cookies, ct)).Location;
    if (!review.EndsWith("/granska", StringComparison.Ordinal))
    {
        throw new InvalidOperationException($"expected the review page after the last step, got {review}");
    }

    return $"{review}\t{cookies.GetCookieHeader(baseUrl)}\t{token}";
}

static MultipartFormDataContent Form(string token, params (string Name, string Value)[] fields)
{
    var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
    foreach (var (name, value) in fields)
    {
        form.Add(new StringContent(value), name);
    }

    return form;
}

async Task<(string Body, string Location)> SendAsync(HttpMethod method, string path, HttpContent? content, HttpStatusCode expected,
    CookieContainer cookies, CancellationToken ct)
{
    using var request = new HttpRequestMessage(method, path) { Content = content };
    var header = cookies.GetCookieHeader(baseUrl);
    if (header.Length > 0)
    {
        request.Headers.Add("Cookie", header);
    }

    using var response = await http.SendAsync(request, ct);
    if (response.Headers.TryGetValues("Set-Cookie", out var set))
    {
        foreach (var cookie in set)
        {
            cookies.SetCookies(baseUrl, cookie);
        }
    }

    if (response.StatusCode != expected)
    {
        throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode}, expected {(int)expected}");
    }

    return (await response.Content.ReadAsStringAsync(ct), response.Headers.Location?.OriginalString ?? "");
}

string? Argument(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
