using System.Text.Json;
using Hub.Catalog.Contracts;
using Hub.Forms.Contracts;

namespace Hub.Catalog.Studio;

/// <summary>What changed between two versions, by key: an entry per page, element, option or setting, never raw JSON.</summary>
/// <param name="Kind"><c>added</c>, <c>removed</c> or <c>changed</c>.</param>
/// <param name="Subject">What it is about, e.g. <c>element:child-name</c>, <c>page:barnet</c>, <c>service</c>.</param>
/// <param name="Label">Its name in the version it is taken from, for people.</param>
/// <param name="Property">For a change: which property (<c>label.sv</c>, <c>required</c>, <c>options</c>, …).</param>
/// <param name="Before">For a change: the earlier value, shortened.</param>
/// <param name="After">For a change: the later value, shortened.</param>
internal sealed record DiffEntry(string Kind, string Subject, string Label, string? Property = null, string? Before = null, string? After = null);

/// <summary>Compares two packages by the stable keys of their pages and elements.</summary>
internal static class PackageDiff
{
    private const int MaxValueLength = 160;

    public static IReadOnlyList<DiffEntry> Compare(ServicePackage before, ServicePackage after, string language)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var entries = new List<DiffEntry>();
        var title = after.Title.Pick(language, after.Form.DefaultLanguage).Text;
        Properties(entries, "service", title, Service(before), Service(after));

        var beforePages = before.Form.Pages.ToDictionary(p => p.Key);
        var afterPages = after.Form.Pages.ToDictionary(p => p.Key);
        foreach (var page in after.Form.Pages)
        {
            var label = page.Title.Pick(language, after.Form.DefaultLanguage).Text;
            if (!beforePages.TryGetValue(page.Key, out var old))
            {
                entries.Add(new DiffEntry("added", "page:" + page.Key, label));
                continue;
            }

            Properties(entries, "page:" + page.Key, label, Page(old, before.Form), Page(page, after.Form));
        }

        entries.AddRange(before.Form.Pages.Where(p => !afterPages.ContainsKey(p.Key))
            .Select(p => new DiffEntry("removed", "page:" + p.Key, p.Title.Pick(language, before.Form.DefaultLanguage).Text)));

        var beforeElements = ElementsJson(before.Form);
        var afterElements = ElementsJson(after.Form);
        foreach (var element in after.Form.AllElements())
        {
            var label = element.Label?.Pick(language, after.Form.DefaultLanguage).Text ?? element.Key;
            if (!beforeElements.TryGetValue(element.Key, out var old))
            {
                entries.Add(new DiffEntry("added", "element:" + element.Key, label));
                continue;
            }

            Properties(entries, "element:" + element.Key, label, Element(old), Element(afterElements[element.Key]));
        }

        entries.AddRange(before.Form.AllElements().Where(e => !afterElements.ContainsKey(e.Key))
            .Select(e => new DiffEntry("removed", "element:" + e.Key, e.Label?.Pick(language, before.Form.DefaultLanguage).Text ?? e.Key)));
        return entries;
    }

    private static Dictionary<string, string?> Service(ServicePackage p)
    {
        var values = new Dictionary<string, string?>(Texts("title", p.Title).Concat(Texts("summary", p.Summary)).Concat(Texts("description", p.Description)), StringComparer.Ordinal)
        {
            ["category"] = p.Category,
            ["access"] = p.Access.ToString(),
            ["handlingDays"] = p.HandlingDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["confidential"] = p.Confidential ? "true" : "false",
            ["retentionDays"] = p.RetentionDays?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["languages"] = string.Join(", ", p.Form.Languages),
            ["workflow.states"] = p.Workflow is null ? null : string.Join(", ", p.Workflow.States.Select(s => s.Key)),
            ["workflow.transitions"] = p.Workflow is null ? null : string.Join(", ", p.Workflow.Transitions.Select(t => t.Key)),
        };
        return values;
    }

    private static Dictionary<string, string?> Page(FormPage page, FormDefinition form) =>
        new(Texts("title", page.Title), StringComparer.Ordinal)
        {
            ["position"] = (form.Pages.ToList().IndexOf(page) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["elements"] = string.Join(", ", page.Elements.Select(e => e.Key)),
            ["visibleWhen"] = page.VisibleWhen?.ToJson(),
        };

    /// <summary>Every element of the form (inside groups too) by key, as the format's canonical JSON writes it.</summary>
    private static Dictionary<string, JsonElement> ElementsJson(FormDefinition form)
    {
        var found = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        using var json = JsonDocument.Parse(FormDefinitionJson.WriteCanonical(form));
        void Walk(JsonElement elements)
        {
            foreach (var element in elements.EnumerateArray())
            {
                found[element.GetProperty("key").GetString()!] = element.Clone();
                if (element.TryGetProperty("elements", out var children))
                {
                    Walk(children);
                }
            }
        }

        foreach (var page in json.RootElement.GetProperty("pages").EnumerateArray())
        {
            if (page.TryGetProperty("elements", out var elements))
            {
                Walk(elements);
            }
        }

        return found;
    }

    /// <summary>An element's properties as text (so every setting of every type is compared), texts per language.</summary>
    private static Dictionary<string, string?> Element(JsonElement element)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name is "key" or "elements")
            {
                continue;
            }

            if (property.Value.ValueKind == JsonValueKind.Object && property.Value.EnumerateObject().All(p => p.Value.ValueKind == JsonValueKind.String))
            {
                foreach (var text in property.Value.EnumerateObject())
                {
                    values[$"{property.Name}.{text.Name}"] = text.Value.GetString();
                }
            }
            else
            {
                values[property.Name] = property.Value.GetRawText();
            }
        }

        return values;
    }

    private static IEnumerable<KeyValuePair<string, string?>> Texts(string name, LocalizedText? text) =>
        text?.Select(t => KeyValuePair.Create($"{name}.{t.Key}", (string?)t.Value)) ?? [];

    private static void Properties(List<DiffEntry> entries, string subject, string label, Dictionary<string, string?> before, Dictionary<string, string?> after)
    {
        foreach (var name in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            var a = before.GetValueOrDefault(name);
            var b = after.GetValueOrDefault(name);
            if (!string.Equals(a, b, StringComparison.Ordinal))
            {
                entries.Add(new DiffEntry("changed", subject, label, name, Short(a), Short(b)));
            }
        }
    }

    private static string? Short(string? value) => value is null || value.Length <= MaxValueLength ? value : value[..(MaxValueLength - 1)] + "…";
}
