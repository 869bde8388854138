using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Hub.Bench.Journey;

/// <summary>The kinds of request a journey makes; latencies are reported per kind.</summary>
internal enum RequestKind
{
    ServiceGet,
    StartPost,
    StepGet,
    StepPost,
    ErrorPost,
    ReviewGet,
    SubmitPost,
    ReceiptGet,
}

/// <summary>Where the hub is and which service the citizens use; shared by every journey of a run.</summary>
internal sealed record JourneySettings(HttpClient Http, Uri BaseUrl, string Tenant, ServiceForm Form, int ErrorPage);

/// <summary>
/// One simulated citizen: its own cookie jar (so its own antiforgery cookie and anonymous session) and its own draft.
/// Every answer is checked for its status and for a marker in its body; the first check that fails ends the journey
/// with a <see cref="JourneyException"/>, and <see cref="Current"/> names the request it failed on.
/// </summary>
internal sealed partial class CitizenJourney(JourneySettings settings, int citizen, LatencyRecorder recorder)
{
    private readonly CookieContainer _cookies = new();

    /// <summary>The kind of the request being made or checked.</summary>
    public RequestKind Current { get; private set; }

    private string ServicePath => $"/{settings.Tenant}/e-tjanster/{settings.Form.Key}";

    /// <summary>The whole journey; returns the case number shown on the receipt.</summary>
    public async Task<string> RunAsync(CancellationToken ct)
    {
        var (draftPath, firstStep) = await StartAsync(ct);
        var pages = settings.Form.Pages;
        var step = firstStep;
        var index = -1;
        while (true)
        {
            index = PageIndex(pages, step, index);
            var page = pages[index];
            var stepPath = $"{draftPath}/{page.Key}";

            Current = RequestKind.StepGet;
            var shown = await SendAsync(HttpMethod.Get, stepPath, null, ct);
            Expect(shown.Status == HttpStatusCode.OK, $"GET {stepPath}: {(int)shown.Status}");
            var form = HtmlForm.Find(shown.Body, stepPath) ?? throw new JourneyException($"GET {stepPath}: no form posting to the step");
            ExpectFields(page, form, stepPath);

            if (index == settings.ErrorPage)
            {
                Current = RequestKind.ErrorPost;
                var (invalid, errorId) = ServiceForm.InvalidAnswers(page, form, citizen);
                var refused = await SendAsync(HttpMethod.Post, stepPath, form.Content(invalid, "next"), ct);
                Expect(refused.Status is HttpStatusCode.OK or HttpStatusCode.BadRequest,
                    $"POST {stepPath} with an empty required answer: {(int)refused.Status}{Where(refused)}, expected the page again");
                Expect(refused.Body.Contains("class=\"error-summary\"", StringComparison.Ordinal)
                    && refused.Body.Contains($"id=\"{errorId}\"", StringComparison.Ordinal),
                    $"POST {stepPath} with an empty required answer: no error summary and no #{errorId}");
                form = HtmlForm.Find(refused.Body, stepPath) ?? throw new JourneyException($"POST {stepPath}: the error page has no form");
            }

            Current = RequestKind.StepPost;
            var saved = await SendAsync(HttpMethod.Post, stepPath, form.Content(ServiceForm.ValidAnswers(page, form, citizen), "next"), ct);
            Expect(saved.Status == HttpStatusCode.Found, $"POST {stepPath}: {(int)saved.Status}, expected 302");
            Expect(saved.Location.StartsWith(draftPath + "/", StringComparison.Ordinal), $"POST {stepPath}: redirected to '{saved.Location}'");
            step = saved.Location[(draftPath.Length + 1)..];
            if (step == "granska")
            {
                break;
            }
        }

        var reviewPath = $"{draftPath}/granska";
        Current = RequestKind.ReviewGet;
        var review = await SendAsync(HttpMethod.Get, reviewPath, null, ct);
        Expect(review.Status == HttpStatusCode.OK, $"GET {reviewPath}: {(int)review.Status}");
        Expect(review.Body.Contains(ServiceForm.Marker(citizen), StringComparison.Ordinal), $"GET {reviewPath}: the citizen's own answer is not shown");
        var submitForm = HtmlForm.Find(review.Body, reviewPath) ?? throw new JourneyException($"GET {reviewPath}: no submit form");

        Current = RequestKind.SubmitPost;
        var submitted = await SendAsync(HttpMethod.Post, reviewPath, submitForm.Content([], null), ct);
        Expect(submitted.Status == HttpStatusCode.Found, $"POST {reviewPath}: {(int)submitted.Status}, expected 302");
        var receipt = ReceiptPattern().Match(submitted.Location);
        Expect(receipt.Success && submitted.Location.StartsWith($"{ServicePath}/kvitto/", StringComparison.Ordinal),
            $"POST {reviewPath}: redirected to '{submitted.Location}', expected the receipt");
        var caseNumber = receipt.Groups["case"].Value;

        Current = RequestKind.ReceiptGet;
        var shownReceipt = await SendAsync(HttpMethod.Get, submitted.Location, null, ct);
        Expect(shownReceipt.Status == HttpStatusCode.OK, $"GET {submitted.Location}: {(int)shownReceipt.Status}");
        Expect(shownReceipt.Body.Contains($"class=\"case-number\">{caseNumber}<", StringComparison.Ordinal),
            $"GET {submitted.Location}: the case number {caseNumber} is not shown");
        return caseNumber;
    }

    /// <summary>
    /// The service page, then a new draft: returns the draft's path (<c>…/ansokan/{id}</c>) and the first step's key.
    /// </summary>
    public async Task<(string DraftPath, string Step)> StartAsync(CancellationToken ct)
    {
        Current = RequestKind.ServiceGet;
        var service = await SendAsync(HttpMethod.Get, ServicePath, null, ct);
        Expect(service.Status == HttpStatusCode.OK, $"GET {ServicePath}: {(int)service.Status}");
        Expect(service.Body.Contains(settings.Form.Title, StringComparison.Ordinal), $"GET {ServicePath}: the service's title is not shown");
        var form = HtmlForm.Find(service.Body, "") ?? throw new JourneyException($"GET {ServicePath}: no start form");

        Current = RequestKind.StartPost;
        var started = await SendAsync(HttpMethod.Post, ServicePath, form.Content([], null), ct);
        Expect(started.Status == HttpStatusCode.Found, $"POST {ServicePath}: {(int)started.Status}, expected 302");
        var draft = DraftPattern().Match(started.Location);
        Expect(draft.Success && started.Location.StartsWith(ServicePath + "/ansokan/", StringComparison.Ordinal),
            $"POST {ServicePath}: redirected to '{started.Location}', expected a draft");
        Expect(_cookies.GetCookies(settings.BaseUrl)[$".Hub.Anonymous.{settings.Tenant}"] is not null,
            $"POST {ServicePath}: no anonymous session cookie");
        return (started.Location[..(started.Location.Length - draft.Groups["step"].Length - 1)], draft.Groups["step"].Value);
    }

    /// <summary>The Cookie header this citizen's browser sends.</summary>
    public string CookieHeader => _cookies.GetCookieHeader(settings.BaseUrl);

    /// <summary>GETs a step and checks it shows its form; for the drafts of the step-GET run.</summary>
    public async Task CheckStepAsync(string stepPath, CancellationToken ct)
    {
        Current = RequestKind.StepGet;
        var shown = await SendAsync(HttpMethod.Get, stepPath, null, ct);
        Expect(shown.Status == HttpStatusCode.OK, $"GET {stepPath}: {(int)shown.Status}");
        var page = settings.Form.Pages[0];
        ExpectFields(page, HtmlForm.Find(shown.Body, stepPath) ?? throw new JourneyException($"GET {stepPath}: no form"), stepPath);
    }

    private static int PageIndex(IReadOnlyList<FormPage> pages, string step, int previous)
    {
        for (var i = previous + 1; i < pages.Count; i++)
        {
            if (pages[i].Key == step)
            {
                return i;
            }
        }

        throw new JourneyException($"redirected to step '{step}', which is not a page after the previous one");
    }

    private static void ExpectFields(FormPage page, HtmlForm form, string path)
    {
        foreach (var element in page.Elements.Where(e => !e.Conditional))
        {
            foreach (var name in ServiceForm.FieldNames(element))
            {
                Expect(form.Names.Contains(name), $"GET {path}: the form has no field '{name}'");
            }
        }
    }

    private static void Expect(bool condition, string message)
    {
        if (!condition)
        {
            throw new JourneyException(message);
        }
    }

    private static string Where(Answer answer) => answer.Location.Length > 0 ? $" to '{answer.Location}'" : "";

    private async Task<Answer> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        var header = _cookies.GetCookieHeader(settings.BaseUrl);
        if (header.Length > 0)
        {
            request.Headers.Add("Cookie", header);
        }

        var started = Stopwatch.GetTimestamp();
        using var response = await settings.Http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        recorder.Add(Current, Stopwatch.GetElapsedTime(started));
        if (response.Headers.TryGetValues("Set-Cookie", out var set))
        {
            foreach (var cookie in set)
            {
                _cookies.SetCookies(settings.BaseUrl, cookie);
            }
        }

        return new Answer(response.StatusCode, body, response.Headers.Location?.OriginalString ?? "");
    }

    private sealed record Answer(HttpStatusCode Status, string Body, string Location);

    [GeneratedRegex("/ansokan/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/(?<step>[a-z0-9-]+)$")]
    private static partial Regex DraftPattern();

    [GeneratedRegex("/kvitto/(?<case>[A-Z]+-[0-9]{4}-[0-9]+)$")]
    private static partial Regex ReceiptPattern();
}
