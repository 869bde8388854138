using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Hub.Catalog.Contracts;
using Hub.Catalog.Resources;
using Hub.Forms.Contracts;
using Hub.Packages.Contracts;
using Microsoft.Extensions.Options;

namespace Hub.Catalog.Quality;

/// <summary>The quality gate's rules over a package (<see cref="QualityRules"/>); thresholds from <see cref="QualityGateOptions"/>.</summary>
internal sealed partial class ServiceQualityGate(IOptions<QualityGateOptions> options) : IServiceQualityGate
{
    private static readonly ResourceManager Texts = new(typeof(QualityGateTexts).FullName!, typeof(QualityGateTexts).Assembly);

    private readonly QualityGateOptions settings = options.Value;

    public string Describe(QualityFinding finding, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var format = Texts.GetString(finding.MessageKey, culture) ?? finding.MessageKey;
        return string.Format(culture, format, [.. finding.Arguments]);
    }

    public IReadOnlyList<QualityFinding> Check(ServicePackage package)
    {
        ArgumentNullException.ThrowIfNull(package);
        var findings = new List<QualityFinding>();
        var languages = package.Form.Languages;
        foreach (var (path, reference, text) in AllTexts(package))
        {
            foreach (var language in languages.Where(l => !text.TryGetValue(l, out var value) || string.IsNullOrWhiteSpace(value)))
            {
                findings.Add(Blocking(QualityRules.LanguageIncomplete, $"{path}.{language}", reference, language));
            }

            foreach (var (language, value) in text)
            {
                if (settings.VagueLinkTexts.FirstOrDefault(v => value.Contains(v, StringComparison.OrdinalIgnoreCase)) is { } vague)
                {
                    findings.Add(Blocking(QualityRules.VagueLinkText, $"{path}.{language}", reference, vague));
                }

                foreach (var sentence in Sentences(value))
                {
                    var words = Words(sentence).Count;
                    if (words > settings.MaxWordsPerSentence)
                    {
                        findings.Add(Finding(QualityRules.LongSentence, QualitySeverity.Advice, $"{path}.{language}", reference,
                            words.ToString(CultureInfo.InvariantCulture), settings.MaxWordsPerSentence.ToString(CultureInfo.InvariantCulture), Start(sentence)));
                    }
                }
            }
        }

        for (var p = 0; p < package.Form.Pages.Count; p++)
        {
            var page = package.Form.Pages[p];
            var pagePath = $"$.form.pages[{p}]";
            if (!HasWords(page.Title, languages))
            {
                findings.Add(Blocking(QualityRules.LabelMissing, pagePath + ".title", "page:" + page.Key, page.Key));
            }

            if (page.Elements.Count == 0)
            {
                findings.Add(Blocking(QualityRules.PageEmpty, pagePath + ".elements", "page:" + page.Key, page.Key));
            }

            var questions = CheckElements(page.Elements, pagePath + ".elements", languages, findings);
            if (questions > settings.MaxQuestionsPerPage)
            {
                findings.Add(Blocking(QualityRules.PageTooLong, pagePath, "page:" + page.Key,
                    questions.ToString(CultureInfo.InvariantCulture), settings.MaxQuestionsPerPage.ToString(CultureInfo.InvariantCulture)));
            }
        }

        if (package.Workflow is { } workflow)
        {
            foreach (var (index, key, unreachable) in WorkflowJson.GraphGaps(workflow.States, workflow.Transitions))
            {
                findings.Add(Blocking(unreachable ? QualityRules.StateUnreachable : QualityRules.StateNeverCloses, $"$.workflow.states[{index}]", "state:" + key, key));
            }
        }

        foreach (var kind in settings.RequiredDocumentKinds.Where(k => package.Documents.All(d => d.Kind != k)))
        {
            findings.Add(Blocking(QualityRules.DocumentMissing, "$.documents", null, kind));
        }

        return findings;
    }

    /// <summary>Checks labels, hints and options; returns the number of questions (elements that take an answer).</summary>
    private static int CheckElements(IReadOnlyList<FormElement> elements, string path, IReadOnlyList<string> languages, List<QualityFinding> findings)
    {
        var questions = 0;
        for (var e = 0; e < elements.Count; e++)
        {
            var element = elements[e];
            var elementPath = $"{path}[{e}]";
            var reference = "element:" + element.Key;
            var isQuestion = element.Type is not (FormElementType.Info or FormElementType.Stop);
            if (isQuestion && element.Type != FormElementType.RepeatingGroup)
            {
                questions++;
            }

            if (isQuestion && !HasWords(element.Label, languages))
            {
                findings.Add(Blocking(QualityRules.LabelMissing, elementPath + ".label", reference, element.Key));
            }

            if (element.Label is { } label && element.Hint is { } hint)
            {
                foreach (var (language, hintText) in hint)
                {
                    if (label.TryGetValue(language, out var labelText) && Repeats(hintText, labelText))
                    {
                        findings.Add(Blocking(QualityRules.HintRepeatsLabel, $"{elementPath}.hint.{language}", reference, element.Key));
                    }
                }
            }

            if (element.Type is FormElementType.Radio or FormElementType.Checkbox or FormElementType.Dropdown && element.Options is not { Count: > 0 })
            {
                findings.Add(Blocking(QualityRules.OptionsEmpty, elementPath + ".options", reference, element.Key));
            }

            if (element.Elements is { } children)
            {
                questions += CheckElements(children, elementPath + ".elements", languages, findings);
            }
        }

        return questions;
    }

    private static IEnumerable<(string Path, string? Reference, LocalizedText Text)> AllTexts(ServicePackage package)
    {
        foreach (var (path, text) in PackageTextCheck.Texts(package))
        {
            yield return (path, ReferenceOf(package, path), text);
        }
    }

    // "$.form.pages[1].elements[0].label" → "element:…": the last element or page on the path names the element.
    private static string? ReferenceOf(ServicePackage package, string path)
    {
        var match = FormPath().Match(path);
        if (!match.Success)
        {
            return WorkflowPath().Match(path) is { Success: true } workflow
                ? workflow.Groups["kind"].Value switch
                {
                    "states" => "state:" + package.EffectiveWorkflow.States[int.Parse(workflow.Groups["index"].Value, CultureInfo.InvariantCulture)].Key,
                    "transitions" => "transition:" + package.EffectiveWorkflow.Transitions[int.Parse(workflow.Groups["index"].Value, CultureInfo.InvariantCulture)].Key,
                    _ => "notification:" + package.EffectiveWorkflow.Notifications[int.Parse(workflow.Groups["index"].Value, CultureInfo.InvariantCulture)].Key,
                }
                : path is "$.title" or "$.summary" or "$.description" ? "text:" + path[2..] : null;
        }

        var page = package.Form.Pages[int.Parse(match.Groups["page"].Value, CultureInfo.InvariantCulture)];
        if (match.Groups["elements"].Captures.Count == 0)
        {
            return "page:" + page.Key;
        }

        IReadOnlyList<FormElement> elements = page.Elements;
        FormElement element = null!;
        foreach (Capture capture in match.Groups["elements"].Captures)
        {
            element = elements[int.Parse(capture.Value, CultureInfo.InvariantCulture)];
            elements = element.Elements ?? [];
        }

        return "element:" + element.Key;
    }

    private static bool HasWords(LocalizedText? text, IReadOnlyList<string> languages) =>
        text is not null && languages.All(l => text.TryGetValue(l, out var value) && value.Any(char.IsLetter));

    // The hint says again what the label says: equal once case and punctuation are set aside, or the label is all of
    // the hint's opening.
    private static bool Repeats(string hint, string label)
    {
        var h = string.Join(' ', Words(hint)).ToLowerInvariant();
        var l = string.Join(' ', Words(label)).ToLowerInvariant();
        return l.Length > 0 && (h == l || h.StartsWith(l + " ", StringComparison.Ordinal) && Words(label).Count >= 3);
    }

    private static IEnumerable<string> Sentences(string text) =>
        SentenceEnd().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0);

    private static List<string> Words(string text) => [.. WordPattern().Matches(text).Select(m => m.Value)];

    private static string Start(string sentence)
    {
        var words = Words(sentence);
        return string.Join(' ', words.Take(6)) + (words.Count > 6 ? " …" : "");
    }

    private static QualityFinding Blocking(string rule, string path, string? reference, params string[] arguments) =>
        Finding(rule, QualitySeverity.Blocking, path, reference, arguments);

    private static QualityFinding Finding(string rule, QualitySeverity severity, string path, string? reference, params string[] arguments) =>
        new(rule, severity, path, reference, "Quality_" + rule.Replace("-", "_", StringComparison.Ordinal), arguments);

    [GeneratedRegex(@"(?<=[.!?])\s+|\n\s*\n|\n(?=\s*[-•*])")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’\-]*")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"^\$\.form\.pages\[(?<page>\d+)\](?:\.elements\[(?<elements>\d+)\])*")]
    private static partial Regex FormPath();

    [GeneratedRegex(@"^\$\.workflow\.(?<kind>states|transitions|notifications)\[(?<index>\d+)\]")]
    private static partial Regex WorkflowPath();
}
