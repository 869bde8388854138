using System.Text.RegularExpressions;
using Hub.Forms.Contracts;

namespace Hub.Packages.Contracts;

/// <summary>
/// Refuses markup in a package's texts on import. Every text of a package is plain text, encoded wherever it is shown
/// (Razor pages, text/plain e-mail), so markup could never run; but text that looks like HTML is always an author's
/// mistake or an attack, and a citizen would see the tags. Stored versions are not re-checked when read.
/// </summary>
public static partial class PackageTextCheck
{
    public static IReadOnlyList<FormProblem> Check(ServicePackage package)
    {
        ArgumentNullException.ThrowIfNull(package);
        var problems = new List<FormProblem>();
        foreach (var (path, text) in Texts(package))
        {
            foreach (var (language, value) in text)
            {
                if (Markup().Match(value) is { Success: true } match)
                {
                    problems.Add(new FormProblem($"{path}.{language}",
                        $"contains markup ({JsonPaths.Quote(match.Value)}); texts are plain text and are shown exactly as written"));
                }
            }
        }

        foreach (var (language, words) in package.Keywords)
        {
            for (var i = 0; i < words.Count; i++)
            {
                if (Markup().IsMatch(words[i]))
                {
                    problems.Add(new FormProblem($"$.keywords.{language}[{i}]", "contains markup; keywords are plain words"));
                }
            }
        }

        return problems;
    }

    /// <summary>Every text of the package with the path it has in the package file.</summary>
    public static IEnumerable<(string Path, LocalizedText Text)> Texts(ServicePackage package)
    {
        ArgumentNullException.ThrowIfNull(package);
        yield return ("$.title", package.Title);
        yield return ("$.summary", package.Summary);
        yield return ("$.description", package.Description);
        for (var i = 0; i < package.Documents.Count; i++)
        {
            yield return ($"$.documents[{i}].title", package.Documents[i].Title);
        }

        for (var p = 0; p < package.Form.Pages.Count; p++)
        {
            var page = package.Form.Pages[p];
            yield return ($"$.form.pages[{p}].title", page.Title);
            foreach (var item in ElementTexts(page.Elements, $"$.form.pages[{p}].elements"))
            {
                yield return item;
            }
        }

        if (package.Workflow is { } workflow)
        {
            for (var i = 0; i < workflow.States.Count; i++)
            {
                yield return ($"$.workflow.states[{i}].label", workflow.States[i].Label);
            }

            for (var i = 0; i < workflow.Transitions.Count; i++)
            {
                yield return ($"$.workflow.transitions[{i}].label", workflow.Transitions[i].Label);
            }

            for (var i = 0; i < workflow.Notifications.Count; i++)
            {
                yield return ($"$.workflow.notifications[{i}].subject", workflow.Notifications[i].Subject);
                yield return ($"$.workflow.notifications[{i}].body", workflow.Notifications[i].Body);
            }
        }

        if (package.Adaptation is { } adaptation)
        {
            for (var i = 0; i < adaptation.Locked.Count; i++)
            {
                yield return ($"$.adaptation.locked[{i}].reason", adaptation.Locked[i].Reason);
            }
        }
    }

    private static IEnumerable<(string Path, LocalizedText Text)> ElementTexts(IReadOnlyList<FormElement> elements, string path)
    {
        for (var e = 0; e < elements.Count; e++)
        {
            var element = elements[e];
            var elementPath = $"{path}[{e}]";
            if (element.Label is { } label)
            {
                yield return (elementPath + ".label", label);
            }

            if (element.Hint is { } hint)
            {
                yield return (elementPath + ".hint", hint);
            }

            if (element.Text is { } text)
            {
                yield return (elementPath + ".text", text);
            }

            for (var o = 0; o < (element.Options?.Count ?? 0); o++)
            {
                yield return ($"{elementPath}.options[{o}].label", element.Options![o].Label);
            }

            for (var s = 0; s < (element.Signers?.Count ?? 0); s++)
            {
                yield return ($"{elementPath}.signers[{s}].label", element.Signers![s].Label);
            }

            if (element.Elements is { } children)
            {
                foreach (var item in ElementTexts(children, elementPath + ".elements"))
                {
                    yield return item;
                }
            }
        }
    }

    // A tag, a closing tag, a comment or declaration, a processing instruction; "<" before a digit or a space
    // ("< 3 år") is ordinary text.
    [GeneratedRegex(@"<\s*[/!?]?\s*[A-Za-z][^<>]{0,200}>?|<!--|javascript\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Markup();
}
