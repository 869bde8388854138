using System.Globalization;
using System.Text.Json;

namespace Hub.Bench.Journey;

/// <summary>One element of a form page, as the service file has it.</summary>
internal sealed record FormElement(string Key, string Type, bool Required, bool Conditional);

/// <summary>One page (step) of the form.</summary>
internal sealed record FormPage(string Key, IReadOnlyList<FormElement> Elements);

/// <summary>
/// The pages and elements of a service, read from its <c>*.service.json</c> (the file the recipe's services step
/// publishes), and the valid answers a simulated citizen gives: what the journey fills in comes from the recipe, the
/// option values from the page itself.
/// </summary>
internal sealed class ServiceForm
{
    // Answers that read like a citizen's; any other radio or dropdown takes the page's first option.
    private static readonly Dictionary<string, string> Preferred = new(StringComparer.Ordinal)
    {
        ["feedback-type"] = "suggestion",
        ["area"] = "streets-parks",
        ["wants-answer"] = "yes",
        ["wants-feedback"] = "yes",
    };

    // Element types that take no answer here: texts, files (none are attached), stops shown on a condition.
    private static readonly HashSet<string> NoAnswer = new(StringComparer.Ordinal) { "info", "stop", "file" };

    private ServiceForm(string key, string title, IReadOnlyList<FormPage> pages)
    {
        Key = key;
        Title = title;
        Pages = pages;
    }

    public string Key { get; }

    /// <summary>The Swedish title, shown as the service page's heading.</summary>
    public string Title { get; }

    public IReadOnlyList<FormPage> Pages { get; }

    public static ServiceForm Load(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(file));
        var root = document.RootElement;
        var pages = new List<FormPage>();
        foreach (var page in root.GetProperty("form").GetProperty("pages").EnumerateArray())
        {
            var elements = new List<FormElement>();
            foreach (var element in page.GetProperty("elements").EnumerateArray())
            {
                elements.Add(new FormElement(
                    element.GetProperty("key").GetString()!,
                    element.GetProperty("type").GetString()!,
                    element.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.True,
                    element.TryGetProperty("condition", out var condition) && condition.ValueKind != JsonValueKind.Null));
            }

            pages.Add(new FormPage(page.GetProperty("key").GetString()!, elements));
        }

        if (pages.Count == 0)
        {
            throw new InvalidOperationException($"{file}: the form has no pages");
        }

        var title = root.GetProperty("title").GetProperty("sv").GetString() ?? "";
        return new ServiceForm(root.GetProperty("key").GetString()!, title, pages);
    }

    /// <summary>Fails at start for a required element this driver cannot answer.</summary>
    public void CheckAnswerable()
    {
        foreach (var page in Pages)
        {
            foreach (var element in page.Elements.Where(e => e.Required && !NoAnswer.Contains(e.Type)))
            {
                if (!CanAnswer(element.Type))
                {
                    throw new NotSupportedException(
                        $"page {page.Key}: required element '{element.Key}' of type '{element.Type}' is not supported by the journey driver");
                }
            }
        }
    }

    /// <summary>The names of the form fields an element shows (a contact element shows three).</summary>
    public static IEnumerable<string> FieldNames(FormElement element) => element.Type switch
    {
        "contactDetails" => [$"{element.Key}.name", $"{element.Key}.email", $"{element.Key}.phone"],
        "info" or "stop" => [],
        _ => [element.Key],
    };

    /// <summary>
    /// Valid answers for a page, citizen by citizen: texts carry the citizen's number, so that the review page can be
    /// checked to show this citizen's own draft.
    /// </summary>
    public static List<(string Name, string Value)> ValidAnswers(FormPage page, HtmlForm form, int citizen)
    {
        var answers = new List<(string, string)>();
        foreach (var element in page.Elements)
        {
            if (NoAnswer.Contains(element.Type))
            {
                continue;
            }

            var n = citizen.ToString(CultureInfo.InvariantCulture);
            switch (element.Type)
            {
                case "radio" or "dropdown" or "checkbox" or "yesNo":
                    answers.Add((element.Key, Choose(element, form)));
                    break;
                case "textarea":
                    answers.Add((element.Key, $"Fler parkbänkar vid sjön, tack. {Marker(citizen)}"));
                    break;
                case "text":
                    answers.Add((element.Key, $"Tyresö strand, brygga {n}"));
                    break;
                case "number":
                    answers.Add((element.Key, "2"));
                    break;
                case "date":
                    answers.Add((element.Key, DateTime.Today.AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
                    break;
                case "contactDetails":
                    answers.Add(($"{element.Key}.name", $"Anna Andersson {n}"));
                    answers.Add(($"{element.Key}.email", $"medborgare{n}@bench.example"));
                    answers.Add(($"{element.Key}.phone", ""));
                    break;
                default:
                    if (element.Required)
                    {
                        throw new NotSupportedException($"element type '{element.Type}'");
                    }

                    break;
            }
        }

        return answers;
    }

    /// <summary>
    /// The page's answers with its first required text left empty (or, without one, its first required choice left
    /// out), and the id of the error message the page must then show.
    /// </summary>
    public static (List<(string Name, string Value)> Answers, string ErrorId) InvalidAnswers(FormPage page, HtmlForm form, int citizen)
    {
        var answers = ValidAnswers(page, form, citizen);
        var victim = page.Elements.FirstOrDefault(e => e.Required && !e.Conditional && e.Type is "textarea" or "text")
            ?? page.Elements.FirstOrDefault(e => e.Required && !e.Conditional && e.Type is "radio" or "dropdown" or "yesNo")
            ?? throw new InvalidOperationException($"page {page.Key} has no required field to leave empty");
        var index = answers.FindIndex(a => a.Name == victim.Key);
        if (victim.Type is "textarea" or "text")
        {
            answers[index] = (victim.Key, "");
        }
        else
        {
            answers.RemoveAt(index);
        }

        return (answers, $"{victim.Key.Replace('.', '_')}-error");
    }

    /// <summary>A text unique to the citizen, looked for on the review page.</summary>
    public static string Marker(int citizen) => FormattableString.Invariant($"(medborgare {citizen})");

    private static bool CanAnswer(string type) =>
        type is "radio" or "dropdown" or "checkbox" or "yesNo" or "textarea" or "text" or "number" or "date" or "contactDetails";

    private static string Choose(FormElement element, HtmlForm form)
    {
        if (!form.Options.TryGetValue(element.Key, out var offered) || offered.Count == 0)
        {
            throw new JourneyException($"the page offers no options for '{element.Key}'");
        }

        return Preferred.TryGetValue(element.Key, out var value) && offered.Contains(value) ? value : offered[0];
    }
}
