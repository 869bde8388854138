using System.Net;
using System.Text;
using Hub.Testing;
using static Hub.Testing.Intake;

namespace Hub.Cases.Tests;

/// <summary>The citizen journey over real HTTP: e-ID login, steps, errors, review, submission, receipt, e-mail, Mina sidor.</summary>
public abstract class CitizenJourneyTests(HubFixture fixture) : IAsyncLifetime
{
    private static readonly string[] Services = ["specialkost", "synpunkter", "ledighet-elev"];

    private string slug = "";

    public async Task InitializeAsync() => slug = await fixture.CreateTenantAsync("c", Services);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_anonymous_feedback_is_submitted_without_login_and_gets_a_case_number()
    {
        using var client = fixture.CreateClient();
        var step = await client.StartAsync(slug, "synpunkter");
        using var first = await client.StepAsync(step, [F("feedback-type", "suggestion"), F("area", "streets-parks"), F("feedback", "Fler bänkar vid badplatsen, tack.")]);
        using var second = await client.StepAsync(first.Location(), [F("wants-answer", "no")]);
        Assert.EndsWith("/granska", second.Location(), StringComparison.Ordinal);
        using var submitted = await client.SubmitAsync(second.Location());
        var receipt = submitted.Location();
        Assert.Matches(@"/kvitto/C[A-Z]{0,2}-\d{4}-000001$", receipt); // the prefix is the slug's first three letters
        var (status, html) = await client.GetStringAsync(receipt);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(CaseNumber(receipt), html, StringComparison.Ordinal);
        Assert.Contains("Fler bänkar vid badplatsen, tack.", WebUtility.HtmlDecode(html), StringComparison.Ordinal);

        // Another browser (no draft key) cannot read the anonymous receipt.
        using var stranger = fixture.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetStringAsync(receipt)).Status);
    }

    [Fact]
    public async Task A_double_submit_creates_one_case()
    {
        using var client = fixture.CreateClient();
        var step = await client.StartAsync(slug, "synpunkter");
        using var first = await client.StepAsync(step, [F("feedback-type", "praise"), F("area", "culture-leisure"), F("feedback", "Bra bibliotek!")]);
        using var second = await client.StepAsync(first.Location(), [F("wants-answer", "no")]);
        var review = second.Location();
        var (_, html) = await client.GetStringAsync(review);
        var token = HubClient.AntiforgeryToken(html);
        // Two presses of the same button, the second before the first has answered.
        var presses = await Task.WhenAll(client.PostWithTokenAsync(review, token, []), client.PostWithTokenAsync(review, token, []));
        var receipts = presses.Select(p => p.Location()).Distinct().ToList();
        Assert.Single(receipts);
        // And a third after the receipt (refresh, back button): still the same case.
        using var again = await client.PostWithTokenAsync(review, token, []);
        Assert.Equal(receipts[0], again.Location().Contains("/kvitto/", StringComparison.Ordinal) ? again.Location() : (await client.GetAsync(again.Location())).Location());

        // The next case takes the next number: no number was used up by the repeats.
        var next = await client.SubmitFeedbackAsync(slug);
        Assert.Equal(NumberOf(receipts[0]) + 1, NumberOf(next));
    }

    [Fact]
    public async Task Specialkost_with_e_id_errors_fixed_submitted_mailed_and_on_Mina_sidor()
    {
        using var client = fixture.CreateClient();
        var back = await client.LogInAsync(slug, CitizenEId.AnnaAndersson, $"/{slug}/e-tjanster/specialkost");
        Assert.Equal($"/{slug}/e-tjanster/specialkost", back);
        var step = await client.StartAsync(slug, "specialkost");

        // A wrong check digit and a missing answer: the page comes back with both errors beside their fields.
        using (var wrong = await client.StepAsync(step, [F("child-name", "Elsa Andersson"), F("child-personnummer", "20150612-1235")]))
        {
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            var errors = FieldErrors(await wrong.Content.ReadAsStringAsync());
            Assert.Equal(2, errors.Count);
            Assert.Contains("Personnumret stämmer inte", errors[0], StringComparison.Ordinal);
            Assert.Contains("Skola", errors[1], StringComparison.Ordinal);
        }

        // What was typed was kept, even the wrong answer.
        var (_, kept) = await client.GetStringAsync(step);
        Assert.Contains("Elsa Andersson", kept, StringComparison.Ordinal);

        using var fixedUp = await client.StepAsync(step, [F("child-name", "Elsa Andersson"), F("child-personnummer", "20150612-1233"), F("school", "kumla-skola")]);
        var diet = fixedUp.Location();
        Assert.EndsWith("/kosten", diet, StringComparison.Ordinal);

        // A program renamed to .pdf is refused whatever its name says.
        var program = Encoding.ASCII.GetBytes("MZ\u0090\0\u0003\0\0\0\u0004\0\0\0\u00ff\u00ff\0\0This program cannot be run in DOS mode.");
        using (var refused = await client.UploadAsync(diet, [F("reason", "medical"), F("allergens", "gluten"), F("start-date", "2026-08-17")], "certificate", "intyg.pdf", program, "application/pdf"))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains(FieldErrors(await refused.Content.ReadAsStringAsync()), e => e.Contains("kan innehålla program", StringComparison.Ordinal));
        }

        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        using var uploaded = await client.UploadAsync(diet, [F("reason", "medical"), F("allergens", "gluten"), F("start-date", "2026-08-17")], "certificate", "intyg.pdf", pdf, "application/pdf");
        var contact = uploaded.Location();
        using var lastStep = await client.StepAsync(contact, [F("guardian.name", "Anna Andersson"), F("guardian.email", $"anna@{slug}.example")]);
        using var submitted = await client.SubmitAsync(lastStep.Location());
        var receipt = submitted.Location();
        var number = CaseNumber(receipt);
        var (_, receiptHtml) = await client.GetStringAsync(receipt);
        Assert.Contains("intyg.pdf", receiptHtml, StringComparison.Ordinal);

        var mail = await fixture.Mailbox.WaitForAsync($"anna@{slug}.example");
        Assert.Contains(number, mail.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("Elsa", mail.TextBody, StringComparison.Ordinal);

        var (_, mine) = await client.GetStringAsync($"/{slug}/mina-sidor");
        Assert.Contains(number, mine, StringComparison.Ordinal);
        Assert.Contains("Inskickad", mine, StringComparison.Ordinal);
        var (caseStatus, casePage) = await client.GetStringAsync($"/{slug}/mina-sidor/arenden/{number}");
        Assert.Equal(HttpStatusCode.OK, caseStatus);
        Assert.Contains("Elsa Andersson", casePage, StringComparison.Ordinal);

        // Another citizen sees neither the case nor its file.
        using var other = fixture.CreateClient();
        await other.LogInAsync(slug, CitizenEId.KarinLind);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetStringAsync($"/{slug}/mina-sidor/arenden/{number}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetStringAsync(receipt)).Status);
        var fileLink = System.Text.RegularExpressions.Regex.Match(receiptHtml, "href=\"([^\"]*/e-tjanster/filer/[^\"]+)\"").Groups[1].Value;
        Assert.Equal(HttpStatusCode.OK, (await client.GetStringAsync(fileLink)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetStringAsync(fileLink)).Status);
    }

    [Fact]
    public async Task Mina_sidor_needs_e_id_and_a_session_of_another_tenant_does_not_count()
    {
        using var client = fixture.CreateClient();
        using var anonymous = await client.GetAsync($"/{slug}/mina-sidor");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith($"/{slug}/e-legitimation/logga-in", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var other = await fixture.CreateTenantAsync("o", ["synpunkter"]);
        await client.LogInAsync(other, CitizenEId.Tolvan);
        using var elsewhere = await client.GetAsync($"/{slug}/mina-sidor");
        Assert.Equal(HttpStatusCode.Redirect, elsewhere.StatusCode);
    }

    [Fact]
    public async Task A_draft_a_receipt_and_a_file_of_one_tenant_are_not_found_on_another()
    {
        using var client = fixture.CreateClient();
        await client.LogInAsync(slug, CitizenEId.Tolvan);
        var step = await client.StartAsync(slug, "synpunkter");
        var other = await fixture.CreateTenantAsync("x", ["synpunkter"]);
        await client.LogInAsync(other, CitizenEId.Tolvan);
        using var crossed = await client.GetAsync(step.Replace($"/{slug}/", $"/{other}/", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, crossed.StatusCode);
        Assert.Contains("utkast=saknas", crossed.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var receipt = await client.SubmitFeedbackAsync(slug);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetStringAsync(receipt.Replace($"/{slug}/", $"/{other}/", StringComparison.Ordinal))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetStringAsync($"/{other}/mina-sidor/arenden/{CaseNumber(receipt)}")).Status);
    }

    [Fact]
    public async Task A_stop_answer_keeps_the_person_on_the_page()
    {
        using var client = fixture.CreateClient();
        await client.LogInAsync(slug, CitizenEId.Tolvan);
        var step = await client.StartAsync(slug, "specialkost");
        using var first = await client.StepAsync(step, [F("child-name", "Tolvan Junior"), F("child-personnummer", "20150612-1233"), F("school", "nyboda-skola")]);
        using var stopped = await client.StepAsync(first.Location(), [F("reason", "preference"), F("start-date", "2026-08-17")]);
        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        Assert.Contains("Skolan kan inte ordna specialkost av det skälet", await stopped.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feedback_filled_in_in_Arabic_marks_every_form_text_right_to_left_on_the_Swedish_page()
    {
        using var client = fixture.CreateClient();
        var (_, start) = await client.GetStringAsync($"/{slug}/e-tjanster/synpunkter");
        // The form offers a language the site does not: the start page asks, Swedish preselected, Arabic named in Arabic.
        Assert.Contains("<legend class=\"field__label\">Formulärets språk</legend>", start, StringComparison.Ordinal);
        Assert.Matches("<input type=\"radio\" id=\"sprak\" name=\"sprak\" value=\"sv\" checked=\"checked\"", start);
        Assert.Matches("<label for=\"sprak-ar\" lang=\"ar\" dir=\"rtl\">العربية</label>", WebUtility.HtmlDecode(start));

        // A crafted language is refused beside the field, and no draft is made.
        using var refused = await client.PostFormAsync($"/{slug}/e-tjanster/synpunkter", [F("sprak", "xx")]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("Fel: Välj ett av språken i listan", Assert.Single(FieldErrors(await refused.Content.ReadAsStringAsync())));

        using var started = await client.PostFormAsync($"/{slug}/e-tjanster/synpunkter", [F("sprak", "ar")]);
        var step = started.Location();
        var (_, html) = await client.GetStringAsync(step);
        var page = WebUtility.HtmlDecode(html);
        Assert.Contains("<html lang=\"sv\"", page, StringComparison.Ordinal);
        Assert.Contains("<span lang=\"ar\" dir=\"rtl\">ماذا تريد أن ترسل؟</span>", page, StringComparison.Ordinal);
        Assert.Contains("<label for=\"feedback-type-complaint\" lang=\"ar\" dir=\"rtl\">شكوى</label>", page, StringComparison.Ordinal);
        Assert.Contains("lang=\"ar\" dir=\"rtl\">أخبرنا بما حدث وأين ومتى.", page, StringComparison.Ordinal);
        // Buttons and the step indicator stay in the page's language, without a lang of their own.
        Assert.Contains("Steg 1 av 2", page, StringComparison.Ordinal);
        Assert.Contains(">Spara och fortsätt</button>", page, StringComparison.Ordinal);
        // Citizens' own text keeps its own direction.
        Assert.Matches("<textarea class=\"input\" id=\"feedback\" name=\"feedback\" rows=\"6\" dir=\"auto\"", page);

        // Errors are worded in the page's language.
        using var invalid = await client.StepAsync(step, [F("feedback-type", "complaint"), F("area", "streets-parks")]);
        Assert.Contains("Svara på frågan", string.Join(" ", FieldErrors(await invalid.Content.ReadAsStringAsync())), StringComparison.Ordinal);

        using var first = await client.StepAsync(step, [F("feedback-type", "complaint"), F("area", "streets-parks"), F("feedback", "الرصيف مكسور أمام المدرسة.")]);
        using var second = await client.StepAsync(first.Location(), [F("wants-answer", "no")]);
        using var submitted = await client.SubmitAsync(second.Location());
        var (_, receipt) = await client.GetStringAsync(submitted.Location());
        var shown = WebUtility.HtmlDecode(receipt);
        // The receipt shows the answers as they were given: Arabic questions and choices, marked as such.
        Assert.Contains("<dt lang=\"ar\" dir=\"rtl\">ماذا تريد أن ترسل؟</dt>", shown, StringComparison.Ordinal);
        Assert.Contains("<span lang=\"ar\" dir=\"rtl\">شكوى</span>", shown, StringComparison.Ordinal);
        Assert.Contains("الرصيف مكسور أمام المدرسة.", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_in_Swedish_and_English_only_asks_no_language_and_follows_the_page()
    {
        using var client = fixture.CreateClient();
        await client.LogInAsync(slug, CitizenEId.Tolvan);
        var (_, start) = await client.GetStringAsync($"/{slug}/e-tjanster/specialkost");
        Assert.DoesNotContain("name=\"sprak\"", start, StringComparison.Ordinal);
        var step = await client.StartAsync(slug, "specialkost");
        var (_, html) = await client.GetStringAsync(step);
        Assert.DoesNotContain("dir=\"rtl\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" lang=\"", html.Split("<main", 2)[1].Split("</main>")[0], StringComparison.Ordinal);
    }

    private static int NumberOf(string receipt) => int.Parse(receipt[^6..], System.Globalization.CultureInfo.InvariantCulture);
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteCitizenJourneyTests(SqliteHubFixture fixture) : CitizenJourneyTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresCitizenJourneyTests(PostgresHubFixture fixture) : CitizenJourneyTests(fixture);
