using Hub.Testing;
using Microsoft.Playwright;

namespace Hub.EndToEnd.Tests;

/// <summary>
/// What a new editor meets building a service in the studio, on the demo tenant mjolby: a description in two
/// paragraphs is kept as written; a refused text says why in the page's language only; the quality gate names which
/// text each finding is about and links to that field; questions are added one after another on the draft page
/// without leaving it. Every page is scanned in Swedish and English.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StudioEditingTests(BrowserFixture browser)
{
    private const string Tenant = "mjolby";
    private const string Key = "hundrastgard";
    private const string Studio = $"/{Tenant}/admin/e-tjanster/{Key}";

    [Fact]
    public async Task An_editor_writes_paragraphs_reads_findings_by_name_and_adds_questions_in_place()
    {
        var editor = await browser.NewPageAsync("sv");
        await editor.GotoAsync($"/{Tenant}/konto/logga-in");
        await editor.FillAsync("#UserName", DemoAccounts.Editor);
        await editor.FillAsync("#Password", DemoAccounts.Password);
        await editor.Keyboard.PressAsync("Enter");
        await editor.WaitForURLAsync($"**/{Tenant}/admin");
        await editor.GotoAsync($"/{Tenant}/admin/e-tjanster/ny");
        await editor.FillAsync("#Key", Key);
        await editor.FillAsync("#Title_sv", "Hundrastgård");
        await editor.FillAsync("#Title_en", "Dog park");
        await editor.Keyboard.PressAsync("Enter");
        await editor.WaitForURLAsync($"**{Studio}?sparat=*");

        // Each finding names its text and links to its field.
        var findings = editor.Locator("main .notice--warning .findings li a");
        var missing = (await findings.AllInnerTextsAsync()).Where(f => f.Contains("Texten saknas", StringComparison.Ordinal)).ToList();
        Assert.Contains(missing, f => f.StartsWith("Sammanfattning:", StringComparison.Ordinal));
        Assert.Contains(missing, f => f.StartsWith("Beskrivning:", StringComparison.Ordinal));
        Assert.Equal(missing.Count, missing.Distinct().Count());
        var summaryEn = findings.Filter(new() { HasText = "Sammanfattning:" }).Filter(new() { HasText = "”en”" });
        Assert.EndsWith($"{Studio}/uppgifter#summary_en", await summaryEn.GetAttributeAsync("href"), StringComparison.Ordinal);
        await PageChecks.AssertAccessibleAsync(editor, "sv");

        // Two questions one after the other: "add and continue here" comes back to the add form on the draft.
        foreach (var (key, sv, en) in new[] { ("namn", "Ditt namn", "Your name"), ("hundens-namn", "Hundens namn", "The dog's name") })
        {
            await editor.SelectOptionAsync("#add-sida-1_type", "text");
            await editor.FillAsync("#add-sida-1_key", key);
            await editor.FillAsync("#add-sida-1_label_sv", sv);
            await editor.FillAsync("#add-sida-1_label_en", en);
            await editor.GetByRole(AriaRole.Button, new() { Name = "Lägg till och fortsätt här" }).First.ClickAsync();
            await editor.WaitForURLAsync($"**{Studio}?sparat=*#add-sida-1");
            Assert.Contains(sv, await editor.Locator("main .notice--success").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal("", await editor.InputValueAsync("#add-sida-1_key"));
        }

        Assert.Equal(["Ditt namn", "Hundens namn"], await editor.Locator("main .studio-list .studio-item__title").EvaluateAllAsync<string[]>(
            "items => items.map(i => i.firstChild.textContent.trim())"));
        await PageChecks.AssertAccessibleAsync(editor, "sv");

        // A text too long is refused in Swedish only, next to its field; nothing of what was written is lost.
        await editor.GotoAsync(Studio + "/uppgifter");
        await editor.FillAsync("#summary_sv", new string('x', 501));
        await editor.Locator("main form button.button").First.ClickAsync();
        var error = await editor.Locator("#summary_sv-error").InnerTextAsync();
        Assert.Contains("Godtas inte: texten är längre än 500 tecken.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("longer", error, StringComparison.Ordinal);
        Assert.Equal(501, (await editor.InputValueAsync("#summary_sv")).Length);
        await PageChecks.AssertAccessibleAsync(editor, "sv");

        // The description in two paragraphs, typed as a person types it: accepted and kept with its blank line.
        await editor.FillAsync("#summary_sv", "Ansök om en plats i kommunens hundrastgård.");
        await editor.FillAsync("#summary_en", "Apply for a place in the municipality's dog park.");
        foreach (var (field, first, second) in new[] { ("#description_sv", "Första stycket.", "Andra stycket."), ("#description_en", "First paragraph.", "Second paragraph.") })
        {
            await editor.FillAsync(field, "");
            await editor.FocusAsync(field);
            await editor.Keyboard.TypeAsync(first);
            await editor.Keyboard.PressAsync("Enter");
            await editor.Keyboard.PressAsync("Enter");
            await editor.Keyboard.TypeAsync(second);
        }

        await editor.Locator("main form button.button").First.ClickAsync();
        await editor.WaitForURLAsync($"**{Studio}?sparat=*");
        Assert.DoesNotContain("Beskrivning:", await editor.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await editor.GotoAsync(Studio + "/uppgifter");
        Assert.Equal("Första stycket.\n\nAndra stycket.", await editor.InputValueAsync("#description_sv"));
        await PageChecks.AssertAccessibleAsync(editor, "sv");

        // The same in English.
        await browser.SetLanguageAsync(editor.Context, "en");
        await editor.FillAsync("#summary_en", new string('y', 501));
        await editor.Locator("main form button.button").First.ClickAsync();
        var english = await editor.Locator("#summary_en-error").InnerTextAsync();
        Assert.Contains("Not accepted: the text is longer than 500 characters.", english, StringComparison.Ordinal);
        await PageChecks.AssertAccessibleAsync(editor, "en");
        Assert.Equal(200, await PageChecks.VisitAsync(editor, Studio, "en"));
        Assert.Contains("Add and continue here", await editor.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        // The quality gate names its texts in English too, each linked to its field.
        var englishFindings = await editor.Locator("main .notice--warning .findings li a").AllInnerTextsAsync();
        Assert.Contains(englishFindings, f => f.StartsWith("The page “sida-1”, The page's heading: ", StringComparison.Ordinal));
        Assert.DoesNotContain(englishFindings, f => f.Contains("Sidan", StringComparison.Ordinal) || f.Contains("saknas", StringComparison.Ordinal));
        await editor.Context.CloseAsync();
    }
}
