using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hub.Catalog.Packages;
using Hub.Forms.Contracts;
using Hub.Packages.Contracts;

namespace Hub.Catalog.Studio;

/// <summary>What changed between two versions, by key: an entry per page, element, option or setting, never raw JSON.</summary>
/// <param name="Kind"><c>added</c>, <c>removed</c> or <c>changed</c>.</param>
/// <param name="Subject">What it is about, e.g. <c>element:child-name</c>, <c>page:barnet</c>, <c>service</c>.</param>
/// <param name="Label">Its name in the version it is taken from, for people.</param>
/// <param name="Property">For a change: which property (<c>label.sv</c>, <c>required</c>, <c>options</c>, …).</param>
/// <param name="Before">For a change: the earlier value, shortened.</param>
/// <param name="After">For a change: the later value, shortened.</param>
internal sealed record DiffEntry(string Kind, string Subject, string Label, string? Property = null, string? Before = null, string? After = null);

/// <summary>
/// Compares two versions of a package for people: the keyed difference of <see cref="LocalChanges.Between"/> (the one
/// an adopter's overlay is), each change named by the page, element, state or setting it belongs to.
/// </summary>
internal static class PackageDiff
{
    private const int MaxValueLength = 160;

    public static IReadOnlyList<DiffEntry> Compare(ServicePackage before, ServicePackage after, string language)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var labels = Labels(before, language);
        foreach (var (reference, label) in Labels(after, language))
        {
            labels[reference] = label;
        }

        var entries = new List<DiffEntry>();
        var old = JsonNode.Parse(ServicePackageJson.WriteCanonical(before))!;
        var now = JsonNode.Parse(ServicePackageJson.WriteCanonical(after))!;
        old["version"] = now["version"]?.DeepClone();
        foreach (var change in LocalChanges.Between(old, now))
        {
            var item = change.Reference.Split(':', 2) is [var kind, var key] && kind is "page" or "element" or "state" or "transition" or "routing" or "notification"
                ? key : null;
            var subject = item is null ? "service" : change.Reference;
            var label = labels.GetValueOrDefault(subject, subject);
            var segments = change.Path.Trim('/').Split('/');
            var at = item is null ? -1 : Array.FindLastIndex(segments, s => s.EndsWith($"[key={item}]", StringComparison.Ordinal));
            var property = string.Join('.', segments[(at + 1)..].Select(s => s.Replace("[key=", "[", StringComparison.Ordinal)));
            switch (change)
            {
                case { Before: null, After: null, Kind: "moved" }:
                    entries.Add(new DiffEntry("changed", subject, label, property.Length > 0 ? property + ".order" : "order"));
                    break;
                case { Before: null, After: null }:
                    break; // a list's marker for an item added or removed: the item's own entry says it
                case { Kind: "added" or "removed" } when property.Length == 0:
                    entries.Add(new DiffEntry(change.Kind, subject, label));
                    break;
                default:
                    entries.Add(new DiffEntry("changed", subject, label, property, Short(Value(change.Before)), Short(Value(change.After))));
                    break;
            }
        }

        return entries;
    }

    // What each keyed part is called in the version's default language or the page's: its title, label or key.
    private static Dictionary<string, string> Labels(ServicePackage package, string language)
    {
        string Pick(LocalizedText? text, string fallback) => text?.Pick(language, package.Form.DefaultLanguage).Text ?? fallback;
        var workflow = package.EffectiveWorkflow;
        var labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["service"] = Pick(package.Title, package.Key) };
        foreach (var page in package.Form.Pages)
        {
            labels["page:" + page.Key] = Pick(page.Title, page.Key);
        }

        foreach (var element in package.Form.AllElements())
        {
            labels["element:" + element.Key] = Pick(element.Label ?? element.Text, element.Key);
        }

        foreach (var state in workflow.States)
        {
            labels["state:" + state.Key] = Pick(state.Label, state.Key);
        }

        foreach (var transition in workflow.Transitions)
        {
            labels["transition:" + transition.Key] = Pick(transition.Label, transition.Key);
        }

        return labels;
    }

    // Texts as written; anything else as compact JSON with its letters unescaped (the page encodes what it shows).
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string? Value(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? (string?)value : node?.ToJsonString(Readable);

    private static string? Short(string? value) => value is null || value.Length <= MaxValueLength ? value : value[..(MaxValueLength - 1)] + "…";
}
