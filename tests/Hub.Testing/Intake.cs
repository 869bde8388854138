using System.Net;
using System.Text.RegularExpressions;
using Xunit;

namespace Hub.Testing;

/// <summary>Drives the citizen's pages over HTTP as a browser without JavaScript would.</summary>
public static partial class Intake
{
    /// <summary>Presses "Starta e-tjänsten" and returns the first step's path.</summary>
    public static async Task<string> StartAsync(this HubClient client, string slug, string service)
    {
        using var response = await client.PostFormAsync($"/{slug}/e-tjanster/{service}", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    /// <summary>Posts one step's answers with a button; returns the response (302 onwards, 200 with errors).</summary>
    public static async Task<HttpResponseMessage> StepAsync(this HubClient client, string stepPath, IEnumerable<KeyValuePair<string, string>> fields, string action = "next")
    {
        var (_, html) = await client.GetStringAsync(stepPath);
        var token = HubClient.AntiforgeryToken(html) ?? throw new InvalidOperationException($"No form on {stepPath}: {html[..Math.Min(400, html.Length)]}");
        return await client.PostWithTokenAsync(stepPath, token, [.. fields, new("action", action)]);
    }

    /// <summary>Posts a step with one file for a file question (multipart, as a browser sends it).</summary>
    public static async Task<HttpResponseMessage> UploadAsync(this HubClient client, string stepPath, IEnumerable<KeyValuePair<string, string>> fields, string fileField, string fileName, byte[] content, string contentType)
    {
        var (_, html) = await client.GetStringAsync(stepPath);
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        form.Add(new StringContent(HubClient.AntiforgeryToken(html)!), "__RequestVerificationToken");
        form.Add(new StringContent("next"), "action");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        form.Add(file, fileField, fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, stepPath) { Content = form };
        return await client.SendAsync(request);
    }

    /// <summary>Presses "Skicka in" on the review page; returns the response (302 to the receipt).</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HubClient client, string reviewPath)
    {
        var (_, html) = await client.GetStringAsync(reviewPath);
        if (!html.Contains("data-submit-once", StringComparison.Ordinal))
        {
            var summary = Regex.Match(html, "<div class=\"error-summary\".*?</div>", RegexOptions.Singleline).Value;
            throw new InvalidOperationException($"The review page offers no submit: {Regex.Replace(summary, "<[^>]+>", " ")}");
        }

        return await client.PostWithTokenAsync(reviewPath, HubClient.AntiforgeryToken(html), []);
    }

    /// <summary>
    /// Anna Andersson logs in with the test e-ID and applies for gluten-free food for Elsa with a medical certificate
    /// (a PDF) at <paramref name="tenant"/>; returns the case number.
    /// </summary>
    public static async Task<string> SubmitSpecialkostAsync(this HubClient client, string tenant)
    {
        await client.LogInAsync(tenant, CitizenEId.AnnaAndersson);
        var step = await client.StartAsync(tenant, "specialkost");
        using var first = await client.StepAsync(step, [F("child-name", "Elsa Andersson"), F("child-personnummer", "20150612-1233"), F("school", "kumla-skola")]);
        var pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();
        using var second = await client.UploadAsync(first.Location(), [F("reason", "medical"), F("allergens", "gluten"), F("start-date", "2026-08-17")], "certificate", "intyg.pdf", pdf, "application/pdf");
        using var third = await client.StepAsync(second.Location(), [F("guardian.name", "Anna Andersson"), F("guardian.email", $"anna@{tenant}.example")]);
        using var submitted = await client.SubmitAsync(third.Location());
        return CaseNumber(submitted.Location());
    }

    /// <summary>An anonymous Synpunkt at <paramref name="tenant"/>, both pages answered and submitted; returns the receipt's path.</summary>
    public static async Task<string> SubmitFeedbackAsync(this HubClient client, string tenant, string feedback = "Tack för en fin park.")
    {
        var step = await client.StartAsync(tenant, "synpunkter");
        using var first = await client.StepAsync(step, [F("feedback-type", "other"), F("area", "other-area"), F("feedback", feedback)]);
        using var second = await client.StepAsync(first.Location(), [F("wants-answer", "no")]);
        using var submitted = await client.SubmitAsync(second.Location());
        return submitted.Location();
    }

    /// <summary>
    /// A logged-in citizen applies for Ekonomiskt bistånd at <paramref name="tenant"/>, living as
    /// <paramref name="housingType"/> (<c>rental</c>, <c>no-home</c>, …), with a bank statement; returns the case number.
    /// </summary>
    public static async Task<string> SubmitEkonomisktBistandAsync(this HubClient client, string tenant, string housingType, string email)
    {
        var step = await client.StartAsync(tenant, "ekonomiskt-bistand");
        using var household = await client.StepAsync(step, [F("applicant.name", "Sökande Person"), F("applicant.email", email),
            F("application-month", "this-month"), F("civil-status", "single"), F("household-members.count", "0")]);
        using var incomes = await client.StepAsync(household.Location(), [F("income-salary", "0"), F("income-unemployment", "0"), F("income-sickness", "0"),
            F("income-child", "0"), F("income-housing-allowance", "0"), F("income-other", "0"), F("has-assets", "no")]);
        using var housing = await client.StepAsync(incomes.Location(), housingType == "no-home" ? [F("housing-type", housingType)] : [F("housing-type", housingType), F("housing-cost", "6500")]);
        var pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();
        using var attachments = await client.UploadAsync(housing.Location(), [F("confirmation", "true-and-complete")], "bank-statements", "kontoutdrag.pdf", pdf, "application/pdf");
        using var submitted = await client.SubmitAsync(attachments.Location());
        return CaseNumber(submitted.Location());
    }

    public static string Location(this HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect
            ? response.Headers.Location!.OriginalString
            : throw new InvalidOperationException($"Expected a redirect, got {(int)response.StatusCode}: {response.Content.ReadAsStringAsync().Result[..Math.Min(2000, (int)(response.Content.Headers.ContentLength ?? 2000))]}");

    /// <summary>The case number in a receipt path <c>…/kvitto/TYR-2026-000001</c>.</summary>
    public static string CaseNumber(string receiptPath) => receiptPath[(receiptPath.LastIndexOf('/') + 1)..];

    /// <summary>The field errors shown beside fields, in page order.</summary>
    public static IReadOnlyList<string> FieldErrors(string html) =>
        FieldError().Matches(html).Select(m => WebUtility.HtmlDecode(Regex.Replace(m.Groups[1].Value, "<[^>]+>", "")).Trim()).ToList();

    public static KeyValuePair<string, string> F(string name, string value) => new(name, value);

    [GeneratedRegex("<p class=\"field__error\" id=\"[^\"]+\">(.*?)</p>", RegexOptions.Singleline)]
    private static partial Regex FieldError();
}
