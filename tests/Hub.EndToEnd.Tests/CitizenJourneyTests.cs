using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Hub.Testing;
using Microsoft.Playwright;

namespace Hub.EndToEnd.Tests;

/// <summary>
/// The citizen journeys in a real browser on the demo tenant tyreso: search, e-ID login, steps with errors, review,
/// submission, signing by a second guardian, receipt and Mina sidor. Every page reached is scanned, in Swedish and English.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class CitizenJourneyTests(BrowserFixture browser)
{
    private const string Tenant = "tyreso";

    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    public async Task Specialkost_is_found_by_search_and_completed_with_the_keyboard_only(string language)
    {
        var en = language == "en";
        var page = await browser.NewPageAsync(language);

        // Search from the listing.
        await PageChecks.VisitAsync(page, $"/{Tenant}/e-tjanster", language);
        await page.FocusAsync("#q");
        await page.Keyboard.TypeAsync(en ? "special diet" : "specialkost");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/e-tjanster?q=*");
        await PageChecks.AssertAccessibleAsync(page, language);
        var hit = page.Locator($"main .card-list a[href$='/{Tenant}/e-tjanster/specialkost']");
        Assert.True(await hit.CountAsync() > 0, $"No hit for specialkost on {page.Url}:\n{await page.Locator("main").InnerTextAsync()}");
        await hit.First.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"**/{Tenant}/e-tjanster/specialkost");
        await PageChecks.AssertAccessibleAsync(page, language);

        // The start page asks for e-ID: its link leads to the chooser, answered with the keyboard.
        await page.Locator("main a.button").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/test-eid/authorize**");
        await PageChecks.AssertAccessibleAsync(page, language);
        await CitizenEIdBrowser.ChooseWithKeyboardAsync(page, CitizenEId.AnnaAndersson);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"**/{Tenant}/e-tjanster/specialkost");
        await PageChecks.AssertAccessibleAsync(page, language);

        await page.Locator("main form button[type=submit]").FocusAsync();
        Assert.Equal(en ? "Start the e-service" : "Starta e-tjänsten", (await page.EvaluateAsync<string>("document.activeElement.textContent")).Trim());
        await page.Keyboard.PressAsync("Enter");
        await WaitForPathAsync(page, "/barnet");
        await PageChecks.AssertAccessibleAsync(page, language);

        // A wrong check digit and no school: Enter in the field submits, both errors come back.
        await page.FocusAsync("#child-name");
        await page.Keyboard.TypeAsync("Elsa Andersson");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("child-personnummer", await ActiveIdAsync(page));
        await page.Keyboard.TypeAsync("20150612-1235");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync(".error-summary");
        await PageChecks.AssertAccessibleAsync(page, language);
        Assert.Equal(2, await page.Locator(".error-summary a").CountAsync());
        Assert.Equal(["#child-personnummer", "#school"], (await page.Locator(".error-summary a").EvaluateAllAsync<string[]>("links => links.map(a => a.hash)")).ToList());
        Assert.Contains(en ? "The personal identity number is not valid" : "Personnumret stämmer inte", await page.Locator("#child-personnummer-error").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("true", await page.Locator("#child-personnummer").GetAttributeAsync("aria-invalid"));
        Assert.Contains("child-personnummer-error", await page.Locator("#child-personnummer").GetAttributeAsync("aria-describedby") ?? "", StringComparison.Ordinal);
        Assert.True(await page.Locator("#school-error").IsVisibleAsync(), "The missing school is not explained beside the field");
        Assert.Equal("true", await page.Locator("#school").GetAttributeAsync("aria-invalid"));
        Assert.Equal("Elsa Andersson", await page.Locator("#child-name").InputValueAsync());

        // The summary's link takes the focus to the field; fix both with the keyboard.
        await page.Locator(".error-summary a").First.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("child-personnummer", await ActiveIdAsync(page));
        await page.Keyboard.PressAsync("ControlOrMeta+a");
        await page.Keyboard.TypeAsync("20150612-1233");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("school", await ActiveIdAsync(page));
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal("kumla-skola", await page.Locator("#school").InputValueAsync());
        await PressPrimaryAsync(page);
        await WaitForPathAsync(page, "/kosten");
        await PageChecks.AssertAccessibleAsync(page, language);

        // Allergy: the allergens question appears (fetched by the page's script) and is answered with Space.
        Assert.True(await page.Locator("[data-element='allergens']").IsHiddenAsync(), "Allergens shown before a reason was chosen");
        await page.FocusAsync("#reason");
        await page.Keyboard.PressAsync("Space");
        Assert.True(await page.Locator("#reason").IsCheckedAsync());
        await page.Locator("[data-element='allergens']").WaitForAsync(new() { State = WaitForSelectorState.Visible });
        await page.FocusAsync("#allergens-nuts");
        await page.Keyboard.PressAsync("Space");
        Assert.True(await page.Locator("#allergens-nuts").IsCheckedAsync());
        await page.Locator("[data-element='severe-reaction']").WaitForAsync(new() { State = WaitForSelectorState.Visible });
        await page.FocusAsync("#severe-reaction");
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.True(await page.Locator("#severe-reaction-no").IsCheckedAsync());
        await PageChecks.AssertAccessibleAsync(page, language);
        var start = DateTime.Today.AddDays(21);
        await TypeDateAsync(page, "#start-date", start);
        Assert.Equal(start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), await page.Locator("#start-date").InputValueAsync());
        await PressPrimaryAsync(page);
        await WaitForPathAsync(page, "/kontakt");
        await PageChecks.AssertAccessibleAsync(page, language);

        // Contact details.
        await page.FocusAsync("#guardian_name");
        await page.Keyboard.PressAsync("ControlOrMeta+a");
        await page.Keyboard.TypeAsync("Anna Andersson");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("guardian_email", await ActiveIdAsync(page));
        await page.Keyboard.TypeAsync($"anna.{language}@tyreso.example");
        await page.Keyboard.PressAsync("Enter");
        await WaitForPathAsync(page, "/granska");
        await PageChecks.AssertAccessibleAsync(page, language);

        var review = await page.Locator("main").InnerTextAsync();
        foreach (var expected in new[] { "Elsa Andersson", "20150612-1233", "Kumla skola", en ? "Allergy or intolerance" : "Allergi eller överkänslighet", en ? "Nuts and peanuts" : "Nötter och jordnötter", $"anna.{language}@tyreso.example" })
        {
            Assert.Contains(expected, review, StringComparison.Ordinal);
        }

        await page.Locator("main form[data-submit-once] button[type=submit]").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.Contains("/e-tjanster/specialkost/kvitto/", StringComparison.Ordinal));
        await PageChecks.AssertAccessibleAsync(page, language);
        var number = await CaseNumberAsync(page);
        Assert.Contains(en ? "Submitted" : "Inskickad", await page.Locator(".facts").InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("#", page.Url, StringComparison.Ordinal);

        // The confirmation e-mail: the case number and a link to Mina sidor, none of the answers.
        var mail = await browser.Hub.Mailbox.WaitForAsync($"anna.{language}@tyreso.example");
        Assert.Contains(number, mail.Subject, StringComparison.Ordinal);
        Assert.Contains(TestMailbox.Links(mail), link => link.AbsolutePath == $"/{Tenant}/mina-sidor");
        Assert.DoesNotContain("20150612-1233", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Elsa", mail.TextBody, StringComparison.Ordinal);

        // Mina sidor, reached by the receipt's link.
        await page.Locator($"main a[href$='/{Tenant}/mina-sidor']").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"**/{Tenant}/mina-sidor");
        await PageChecks.AssertAccessibleAsync(page, language);
        Assert.Contains(number, await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator($"main a[href$='/mina-sidor/arenden/{number}']").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"**/mina-sidor/arenden/{number}");
        await PageChecks.AssertAccessibleAsync(page, language);
        Assert.Contains("Elsa Andersson", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    public async Task Pupil_leave_is_signed_by_both_guardians(string language)
    {
        var en = language == "en";
        var anna = await browser.NewPageAsync(language);
        await CitizenEIdBrowser.LogInAsync(anna, Tenant, CitizenEId.AnnaAndersson, $"/{Tenant}/e-tjanster/ledighet-elev");
        await PageChecks.AssertAccessibleAsync(anna, language);
        await anna.Locator("main form button[type=submit]").ClickAsync();
        await WaitForPathAsync(anna, "/eleven");
        await PageChecks.AssertAccessibleAsync(anna, language);

        var child = en ? "Liam Andersson" : "Moa Andersson";
        await anna.FillAsync("#child-name", child);
        await anna.FillAsync("#child-personnummer", "20150612-1233");
        await anna.SelectOptionAsync("#school", "nyboda-skola");
        await anna.FillAsync("#class", "4B");
        await PressPrimaryAsync(anna);
        await WaitForPathAsync(anna, "/ledigheten");
        await PageChecks.AssertAccessibleAsync(anna, language);

        var from = DateTime.Today.AddDays(30);
        await anna.FillAsync("#leave-from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await anna.FillAsync("#leave-to", from.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await anna.FillAsync("#school-days", "3");
        await anna.CheckAsync("#reason");
        await anna.FillAsync("#catch-up", "Läraren har gett läxor för veckan.");
        await PressPrimaryAsync(anna);
        await WaitForPathAsync(anna, "/vardnadshavare");
        await PageChecks.AssertAccessibleAsync(anna, language);

        await anna.FillAsync("#applicant_name", "Anna Andersson");
        await anna.FillAsync("#applicant_email", $"anna.leave.{language}@tyreso.example");
        await anna.CheckAsync("#two-guardians");
        await anna.Locator("[data-element='guardian-signature']").WaitForAsync(new() { State = WaitForSelectorState.Visible });
        await PageChecks.AssertAccessibleAsync(anna, language);
        await anna.FillAsync("#guardian-signature_vardnadshavare-2_personnummer", CitizenEId.ErikAndersson);
        await PressPrimaryAsync(anna);
        await WaitForPathAsync(anna, "/granska");
        await PageChecks.AssertAccessibleAsync(anna, language);
        Assert.Contains(CitizenEId.ErikAndersson, await anna.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        // "Skriv under och skicka in" goes to the provider's signing page: the text and its hash, then the keyboard.
        var signAndSubmit = anna.Locator("main form[data-submit-once] button[type=submit]");
        Assert.Equal(en ? "Sign and submit" : "Skriv under och skicka in", (await signAndSubmit.InnerTextAsync()).Trim());
        await signAndSubmit.ClickAsync();
        await anna.WaitForURLAsync("**/test-eid/authorize**");
        await SignWithKeyboardAsync(anna, CitizenEId.AnnaAndersson, language, "Anna Andersson");
        await anna.WaitForURLAsync("**/e-tjanster/ledighet-elev/kvitto/*");
        await PageChecks.AssertAccessibleAsync(anna, language);
        var number = await CaseNumberAsync(anna);
        var waiting = en ? "Waiting for signature" : "Väntar på underskrift";
        Assert.Contains(waiting, await anna.Locator(".facts").InnerTextAsync(), StringComparison.Ordinal);

        await PageChecks.VisitAsync(anna, $"/{Tenant}/mina-sidor", language);
        var annaCard = anna.Locator("main .card", new() { HasText = number });
        Assert.Contains(waiting, await annaCard.InnerTextAsync(), StringComparison.Ordinal);

        // Erik, in a browser of his own, finds it under "Att skriva under" and signs.
        var erik = await browser.NewPageAsync(language);
        await CitizenEIdBrowser.LogInAsync(erik, Tenant, CitizenEId.ErikAndersson, $"/{Tenant}/mina-sidor");
        await PageChecks.AssertAccessibleAsync(erik, language);
        Assert.Equal(en ? "To sign" : "Att skriva under", await erik.Locator("#to-sign").InnerTextAsync());
        var toSign = erik.Locator("ul[aria-labelledby='to-sign'] a", new() { HasText = number });
        Assert.Equal(1, await toSign.CountAsync());
        await toSign.ClickAsync();
        await erik.WaitForURLAsync($"**/mina-sidor/arenden/{number}");
        await PageChecks.AssertAccessibleAsync(erik, language);
        Assert.Contains(child, await erik.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await erik.Locator(".sign-request form[action$='/sign'] button").ClickAsync();
        await erik.WaitForURLAsync("**/test-eid/authorize**");
        await SignWithKeyboardAsync(erik, CitizenEId.ErikAndersson, language, number);
        await erik.WaitForURLAsync($"**/mina-sidor/arenden/{number}**");
        await PageChecks.AssertAccessibleAsync(erik, language);

        var submitted = en ? "Submitted" : "Inskickad";
        foreach (var (who, page) in new[] { ("Erik", erik), ("Anna", anna) })
        {
            if (who == "Anna")
            {
                await PageChecks.VisitAsync(page, $"/{Tenant}/mina-sidor/arenden/{number}", language);
            }

            Assert.Contains(submitted, await page.Locator(".facts").InnerTextAsync(), StringComparison.Ordinal);
            var signatures = await page.Locator("ul.signatures").InnerTextAsync();
            Assert.Contains(en ? "Signed by Erik Andersson" : "Erik Andersson", signatures, StringComparison.Ordinal);
            Assert.Equal(0, await page.Locator(".sign-request").CountAsync());
        }

        await PageChecks.VisitAsync(erik, $"/{Tenant}/mina-sidor", language);
        Assert.Equal(0, await erik.Locator("ul[aria-labelledby='to-sign'] a", new() { HasText = number }).CountAsync());
        await erik.Context.CloseAsync();
        await anna.Context.CloseAsync();
    }

    /// <summary>In English pages the form is filled in in Arabic: its texts read right to left, the buttons do not.</summary>
    [Theory]
    [InlineData("sv", "sv")]
    [InlineData("en", "ar")]
    public async Task An_anonymous_feedback_is_submitted_without_login(string language, string formLanguage)
    {
        var page = await browser.NewPageAsync(language);
        await PageChecks.VisitAsync(page, $"/{Tenant}/e-tjanster/synpunkter", language);
        Assert.True(await page.IsCheckedAsync(language == "sv" ? "#sprak" : "#sprak-" + language));
        await page.CheckAsync(formLanguage == "sv" ? "#sprak" : "#sprak-" + formLanguage);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/ansokan/**");
        await PageChecks.AssertAccessibleAsync(page, language);
        Task<string> Direction(string selector) => page.Locator(selector).First.EvaluateAsync<string>("e => getComputedStyle(e).direction");
        Assert.Equal(formLanguage == "ar" ? "rtl" : "ltr", await Direction("label[for=feedback-type-suggestion]"));
        Assert.Equal("ltr", await Direction("main .actions .button"));

        await page.CheckAsync("#feedback-type-suggestion");
        await page.SelectOptionAsync("#area", "streets-parks");
        await page.FillAsync("#feedback", "Fler bänkar vid badplatsen, tack.");
        await PressPrimaryAsync(page);
        await page.Locator("#wants-answer").WaitForAsync();
        await PageChecks.AssertAccessibleAsync(page, language);
        await page.CheckAsync("#wants-answer-no");
        await PressPrimaryAsync(page);
        await WaitForPathAsync(page, "/granska");
        await PageChecks.AssertAccessibleAsync(page, language);
        Assert.Contains("Fler bänkar vid badplatsen, tack.", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        await page.Locator("main form[data-submit-once] button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/e-tjanster/synpunkter/kvitto/*");
        await PageChecks.AssertAccessibleAsync(page, language);
        var number = await CaseNumberAsync(page);
        Assert.EndsWith("/kvitto/" + number, page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    public async Task A_program_renamed_to_pdf_is_refused_beside_the_field(string language)
    {
        var page = await browser.NewPageAsync(language);
        await CitizenEIdBrowser.LogInAsync(page, Tenant, CitizenEId.KarinLind, $"/{Tenant}/e-tjanster/specialkost");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await WaitForPathAsync(page, "/barnet");
        await page.FillAsync("#child-name", "Alva Lind");
        await page.FillAsync("#child-personnummer", "20150612-1233");
        await page.SelectOptionAsync("#school", "granangsskolan");
        await PressPrimaryAsync(page);
        await WaitForPathAsync(page, "/kosten");

        await page.CheckAsync("#reason-medical");
        await page.Locator("[data-element='certificate']").WaitForAsync(new() { State = WaitForSelectorState.Visible });
        await PageChecks.AssertAccessibleAsync(page, language);
        await page.CheckAsync("#allergens-gluten");
        await page.FillAsync("#start-date", DateTime.Today.AddDays(21).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var program = Encoding.ASCII.GetBytes("MZ\u0090\0\u0003\0\0\0\u0004\0\0\0\u00ff\u00ff\0\0This program cannot be run in DOS mode.");
        await page.SetInputFilesAsync("#certificate", new FilePayload { Name = "intyg.pdf", MimeType = "application/pdf", Buffer = program });
        await PressPrimaryAsync(page);
        await page.WaitForSelectorAsync("#certificate-error");

        await PageChecks.AssertAccessibleAsync(page, language);
        Assert.EndsWith("/kosten", page.Url, StringComparison.Ordinal);
        var error = await page.Locator("#certificate-error").InnerTextAsync();
        Assert.Contains("intyg.pdf", error, StringComparison.Ordinal);
        Assert.Contains(language == "en" ? "program or script" : "program", error, StringComparison.Ordinal);
        Assert.Contains("certificate-error", await page.Locator("#certificate").GetAttributeAsync("aria-describedby") ?? "", StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator(".error-summary a[href$='#certificate']").CountAsync());
        await page.Context.CloseAsync();
    }

    /// <summary>On the provider's signing page: the text and its hash are shown; the signer is chosen and the sign button pressed with the keyboard.</summary>
    private static async Task SignWithKeyboardAsync(IPage page, string signer, string language, string expectedInText)
    {
        await PageChecks.AssertAccessibleAsync(page, language);
        Assert.Contains(expectedInText, await page.Locator("main blockquote").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Matches(HashPattern(), (await page.Locator("#sign-hash").InnerTextAsync()).Trim());
        await CitizenEIdBrowser.ChooseWithKeyboardAsync(page, signer);
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("sign", await page.EvaluateAsync<string>("document.activeElement.value"));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("/test-eid/", StringComparison.Ordinal) && !url.Contains("/signin-eid", StringComparison.Ordinal));
    }

    /// <summary>
    /// Types a date into a date input with the keyboard. Chromium orders the segments by the process's locale, not the
    /// page's, so month-day-year is tried first and year-month-day if that did not give the date.
    /// </summary>
    private static async Task TypeDateAsync(IPage page, string selector, DateTime date)
    {
        string Part(string format) => date.ToString(format, CultureInfo.InvariantCulture);
        var expected = Part("yyyy-MM-dd");
        await page.FocusAsync(selector);
        await page.Keyboard.TypeAsync(Part("MM") + Part("dd") + Part("yyyy"));
        if (await page.Locator(selector).InputValueAsync() == expected)
        {
            return;
        }

        await page.Locator(selector).EvaluateAsync("e => { e.value = ''; }");
        await page.FocusAsync(selector);
        await page.Keyboard.TypeAsync(Part("yyyy"));
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.TypeAsync(Part("MM") + Part("dd"));
    }

    /// <summary>Focuses the step's primary button (save and continue) and presses Enter.</summary>
    private static async Task PressPrimaryAsync(IPage page)
    {
        await page.Locator("main form .actions button[value='next']").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
    }

    private static async Task<string> CaseNumberAsync(IPage page)
    {
        var number = (await page.Locator(".receipt-banner .case-number").InnerTextAsync()).Trim();
        Assert.Matches(@"^[A-Z0-9]{3}-\d{4}-\d{6}$", number);
        Assert.EndsWith("/kvitto/" + number, new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        return number;
    }

    /// <summary>Waits for a page whose path ends so (a fragment the browser carried over from the previous URL does not count).</summary>
    private static Task WaitForPathAsync(IPage page, string pathEnd) =>
        page.WaitForURLAsync(url => new Uri(url).AbsolutePath.EndsWith(pathEnd, StringComparison.Ordinal));

    private static Task<string> ActiveIdAsync(IPage page) => page.EvaluateAsync<string>("document.activeElement.id");

    [GeneratedRegex("^[0-9a-fA-F]{64}$|^[A-Za-z0-9+/=_-]{40,}$")]
    private static partial Regex HashPattern();
}
