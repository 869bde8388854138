using Hub.Forms.Contracts;
using Microsoft.AspNetCore.Http;

namespace Hub.Cases.Intake;

/// <summary>
/// Reads one page's answers from a posted form. Names follow the answer paths: <c>key</c>, <c>key.part</c>,
/// <c>group[0].key</c>; a checkbox posts its key once per checked option; a group posts <c>group.count</c>.
/// </summary>
internal static class FormPost
{
    /// <summary>Parts of the composite types, in display order.</summary>
    public static readonly string[] AddressParts = ["street", "postalCode", "city"];

    public static readonly string[] ContactParts = ["name", "email", "phone"];

    public static Dictionary<string, AnswerValue> ReadPage(FormPage page, IFormCollection form, IReadOnlyDictionary<string, AnswerValue> previous)
    {
        var answers = new Dictionary<string, AnswerValue>(StringComparer.Ordinal);
        foreach (var element in page.Elements)
        {
            if (Read(element, element.Key, form, previous.GetValueOrDefault(element.Key)) is { } value)
            {
                answers[element.Key] = value;
            }
        }

        return answers;
    }

    private static AnswerValue? Read(FormElement element, string name, IFormCollection form, AnswerValue? previous)
    {
        switch (element.Type)
        {
            case FormElementType.Info or FormElementType.Stop:
                return null;
            case FormElementType.File:
                // Files arrive separately (uploads); what stays is what the page lists as kept.
                var kept = form[name + ".keep"].Where(v => !string.IsNullOrEmpty(v)).ToHashSet(StringComparer.Ordinal);
                var files = (previous as FileAnswer)?.Files.Where(f => kept.Contains(f.Id)).ToList() ?? [];
                return files.Count > 0 ? new FileAnswer(files) : null;
            case FormElementType.Checkbox:
                var values = form[name].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList();
                return values.Count > 0 ? new ListAnswer(values) : null;
            case FormElementType.Address:
                return Parts(name, AddressParts, form);
            case FormElementType.ContactDetails:
                return Parts(name, ContactParts, form);
            case FormElementType.Signature:
                return Parts(name, (element.Signers ?? []).SelectMany(s => new[] { s.Key + ".personnummer", s.Key + ".email" }), form);
            case FormElementType.RepeatingGroup:
                var count = int.TryParse(form[name + ".count"], out var c) ? Math.Clamp(c, 0, 100) : 0;
                var previousItems = (previous as GroupAnswer)?.Items ?? [];
                var items = new List<IReadOnlyDictionary<string, AnswerValue>>();
                for (var i = 0; i < count; i++)
                {
                    var item = new Dictionary<string, AnswerValue>(StringComparer.Ordinal);
                    foreach (var child in element.Elements ?? [])
                    {
                        var previousChild = i < previousItems.Count ? previousItems[i].GetValueOrDefault(child.Key) : null;
                        if (Read(child, $"{name}[{i}].{child.Key}", form, previousChild) is { } value)
                        {
                            item[child.Key] = value;
                        }
                    }

                    items.Add(item);
                }

                return items.Count > 0 ? new GroupAnswer(items) : null;
            default:
                var text = form[name].ToString();
                return string.IsNullOrWhiteSpace(text) ? null : new TextAnswer(text);
        }
    }

    private static PartsAnswer? Parts(string name, IEnumerable<string> parts, IFormCollection form)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            var value = form[name + "." + part].ToString();
            if (!string.IsNullOrWhiteSpace(value))
            {
                values[part] = value;
            }
        }

        return values.Count > 0 ? new PartsAnswer(values) : null;
    }

    /// <summary>Replaces the answers of a page's elements with the newly posted ones, keeping the rest of the form's.</summary>
    public static Dictionary<string, AnswerValue> Merge(IReadOnlyDictionary<string, AnswerValue> all, FormPage page, IReadOnlyDictionary<string, AnswerValue> posted)
    {
        var merged = new Dictionary<string, AnswerValue>(all, StringComparer.Ordinal);
        foreach (var element in page.Elements)
        {
            merged.Remove(element.Key);
        }

        foreach (var (key, value) in posted)
        {
            merged[key] = value;
        }

        return merged;
    }
}
