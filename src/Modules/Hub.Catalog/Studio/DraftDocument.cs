using System.Text.Json;
using System.Text.Json.Nodes;
using Hub.Forms.Contracts;
using Hub.Packages.Contracts;

namespace Hub.Catalog.Studio;

/// <summary>Where an element or page is in the draft: the list that holds it, its index and its JSON path.</summary>
internal sealed record DraftLocation(JsonArray List, int Index, JsonObject Node, string Path)
{
    public string Key => (string)Node["key"]!;
}

/// <summary>The outcome of reading a draft: the package (texts left unwritten taken out) or the problems.</summary>
internal sealed record DraftReading(ServicePackage? Package, IReadOnlyList<FormProblem> Problems);

/// <summary>
/// A draft's package JSON, edited in place by the studio. It may be incomplete where a person builds step by step
/// (texts not yet written in every language, a page or group with no elements yet, a choice with no options): those
/// are the quality gate's findings and block publishing. Everything else must be what the package reader accepts,
/// which <see cref="Read"/> checks by filling the gaps with placeholders, reading the whole package strictly, and
/// taking the placeholders out again for the gate and the preview.
/// </summary>
internal sealed class DraftDocument
{
    /// <summary>Stands in for an unwritten text while reading: not blank, and has no letters (WORD JOINER).</summary>
    private const string Placeholder = "\u2060";

    /// <summary>Keys of stand-in elements and options; the studio refuses them as real keys.</summary>
    public const string PlaceholderKey = "studio-placeholder";

    private DraftDocument(JsonObject root) => Root = root;

    public JsonObject Root { get; }

    public JsonObject Form => Root["form"]!.AsObject();

    public IReadOnlyList<string> Languages => [.. Form["languages"]!.AsArray().Select(l => (string)l!)];

    public JsonArray Pages => Form["pages"]!.AsArray();

    public string Key => (string)Root["key"]!;

    public static DraftDocument Parse(string content) => new(JsonNode.Parse(content)!.AsObject());

    public static DraftDocument From(ServicePackage package) => Parse(ServicePackageJson.WriteCanonical(package));

    /// <summary>A new service: one empty first page, the title in the languages given, other texts unwritten.</summary>
    public static DraftDocument New(string key, IReadOnlyList<string> languages, IReadOnlyDictionary<string, string> title) => new(new JsonObject
    {
        ["key"] = key,
        ["version"] = "0.0.0",
        ["title"] = TextObject(title),
        ["summary"] = new JsonObject(),
        ["description"] = new JsonObject(),
        ["category"] = ServiceCategories.All[^1].Key,
        ["access"] = "login",
        ["handlingDays"] = 28,
        ["form"] = new JsonObject
        {
            ["key"] = key,
            ["languages"] = new JsonArray([.. languages.Select(l => (JsonNode?)JsonValue.Create(l))]),
            ["pages"] = new JsonArray(NewPage("sida-1")),
        },
    });

    public static JsonObject NewPage(string key) => new() { ["key"] = key, ["title"] = new JsonObject(), ["elements"] = new JsonArray() };

    /// <summary>A new element of a type with what the type needs to exist (a choice's and a group's parts come later).</summary>
    public static JsonObject NewElement(string key, FormElementType type)
    {
        var element = new JsonObject { ["key"] = key, ["type"] = FormDefinitionJson.TypeName(type) };
        if (FormDefinitionJson.Takes(type, "text"))
        {
            element["text"] = new JsonObject();
        }
        else
        {
            element["label"] = new JsonObject();
        }

        if (type == FormElementType.File)
        {
            element["accept"] = new JsonArray(".pdf", "image/jpeg", "image/png");
        }
        else if (type == FormElementType.Signature)
        {
            element["signers"] = new JsonArray(new JsonObject { ["key"] = "part-1", ["label"] = new JsonObject() });
        }

        return element;
    }

    public string ToJson() => Root.ToJsonString();

    public DraftDocument Clone() => new(Root.DeepClone().AsObject());

    public DraftLocation? FindPage(string key)
    {
        for (var i = 0; i < Pages.Count; i++)
        {
            if (Pages[i] is JsonObject page && (string?)page["key"] == key)
            {
                return new DraftLocation(Pages, i, page, $"$.form.pages[{i}]");
            }
        }

        return null;
    }

    /// <summary>The element with this key anywhere in the form, inside repeating groups too.</summary>
    public DraftLocation? FindElement(string key) =>
        Pages.Select((page, i) => Find(page!["elements"] as JsonArray, $"$.form.pages[{i}].elements", key)).FirstOrDefault(found => found is not null);

    /// <summary>Every element in document order with its location.</summary>
    public IEnumerable<DraftLocation> AllElements() =>
        Pages.SelectMany((page, i) => All(page!["elements"] as JsonArray, $"$.form.pages[{i}].elements"));

    public bool HasKey(string key) => FindPage(key) is not null || FindElement(key) is not null;

    /// <summary>Moves the item at <paramref name="index"/> one place up (-1) or down (+1); false at an end.</summary>
    public static bool Move(JsonArray list, int index, int delta)
    {
        var target = index + delta;
        if (index < 0 || index >= list.Count || target < 0 || target >= list.Count)
        {
            return false;
        }

        var node = list[index];
        list.RemoveAt(index);
        list.Insert(target, node);
        return true;
    }

    /// <summary>Sets a text from what a person typed per language: blanks left out; an optional text with nothing written is removed.</summary>
    public static void SetText(JsonObject owner, string name, IReadOnlyDictionary<string, string?> values, bool optional)
    {
        var written = Written(values);
        if (written.Count == 0 && optional)
        {
            owner.Remove(name);
        }
        else
        {
            owner[name] = written;
        }
    }

    /// <summary>A text object of what was written per language (blank languages left out, the rest trimmed).</summary>
    public static JsonObject Written(IReadOnlyDictionary<string, string?> values) =>
        TextObject(values.Where(v => !string.IsNullOrWhiteSpace(v.Value)).ToDictionary(v => v.Key, v => v.Value!.Trim(), StringComparer.Ordinal));

    /// <summary>The text per language as written so far (an unwritten language is missing).</summary>
    public static IReadOnlyDictionary<string, string> Text(JsonNode? node) =>
        node is JsonObject text
            ? text.Where(t => t.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String).ToDictionary(t => t.Key, t => (string)t.Value!, StringComparer.Ordinal)
            : new Dictionary<string, string>();

    /// <summary>Reads the draft as the package reader would, gaps filled; returns the package with the gaps open again.</summary>
    public DraftReading Read()
    {
        var filled = Root.DeepClone().AsObject();
        var languages = Languages;
        var counter = 0;
        Fill(filled, "title", languages, required: true);
        Fill(filled, "summary", languages, required: true);
        Fill(filled, "description", languages, required: true);
        foreach (var page in filled["form"]?["pages"] as JsonArray ?? [])
        {
            if (page is JsonObject p)
            {
                Fill(p, "title", languages, required: true);
                FillElements(p, languages, ref counter);
            }
        }

        var (package, problems) = ServicePackageJson.Read(filled.ToJsonString(), checkWorkflowGraph: false);
        if (package is null)
        {
            return new DraftReading(null, problems);
        }

        return PackageTextCheck.Check(package) is { Count: > 0 } markup ? new DraftReading(null, markup) : new DraftReading(Open(package), []);
    }

    private static JsonObject TextObject(IReadOnlyDictionary<string, string> texts) =>
        new(texts.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)JsonValue.Create(t.Value))));

    private static DraftLocation? Find(JsonArray? list, string path, string key) =>
        All(list, path).FirstOrDefault(l => l.Key == key);

    private static IEnumerable<DraftLocation> All(JsonArray? list, string path)
    {
        for (var i = 0; i < (list?.Count ?? 0); i++)
        {
            if (list![i] is JsonObject element && element["key"] is JsonValue)
            {
                var location = new DraftLocation(list, i, element, $"{path}[{i}]");
                yield return location;
                foreach (var child in All(element["elements"] as JsonArray, location.Path + ".elements"))
                {
                    yield return child;
                }
            }
        }
    }

    private static void FillElements(JsonObject owner, IReadOnlyList<string> languages, ref int counter)
    {
        if (owner["elements"] is not JsonArray elements)
        {
            return;
        }

        if (elements.Count == 0)
        {
            elements.Add(new JsonObject
            {
                ["key"] = $"{PlaceholderKey}-{++counter}", ["type"] = "info", ["text"] = TextObject(languages.ToDictionary(l => l, _ => Placeholder)),
            });
            return;
        }

        foreach (var node in elements)
        {
            if (node is not JsonObject element || (string?)(element["type"] as JsonValue) is not { } typeName
                || !FormDefinitionJson.TryParseType(typeName, out var type))
            {
                continue;
            }

            Fill(element, "label", languages, required: type is not (FormElementType.Info or FormElementType.Stop));
            Fill(element, "hint", languages, required: false);
            Fill(element, "text", languages, required: FormDefinitionJson.Takes(type, "text"));
            if (FormDefinitionJson.Takes(type, "options"))
            {
                if (element["options"] is not JsonArray { Count: > 0 })
                {
                    element["options"] = new JsonArray(new JsonObject { ["key"] = PlaceholderKey, ["label"] = new JsonObject() });
                }

                foreach (var option in element["options"]!.AsArray().OfType<JsonObject>())
                {
                    Fill(option, "label", languages, required: true);
                }
            }

            foreach (var signer in element["signers"] as JsonArray ?? [])
            {
                if (signer is JsonObject s)
                {
                    Fill(s, "label", languages, required: true);
                }
            }

            if (FormDefinitionJson.Takes(type, "elements"))
            {
                element["elements"] ??= new JsonArray();
                FillElements(element, languages, ref counter);
            }
        }
    }

    private static void Fill(JsonObject owner, string name, IReadOnlyList<string> languages, bool required)
    {
        if (owner[name] is null && required)
        {
            owner[name] = new JsonObject();
        }

        if (owner[name] is JsonObject text)
        {
            foreach (var language in languages)
            {
                if (text[language] is not JsonValue value || value.GetValueKind() != JsonValueKind.String || string.IsNullOrWhiteSpace((string?)value))
                {
                    text[language] = Placeholder;
                }
            }
        }
    }

    // The package as the quality gate and the preview should see it: the stand-ins gone, unwritten texts missing.
    private static ServicePackage Open(ServicePackage package) => package with
    {
        Title = Open(package.Title)!,
        Summary = Open(package.Summary)!,
        Description = Open(package.Description)!,
        Form = package.Form with
        {
            Pages = [.. package.Form.Pages.Select(page => page with { Title = Open(page.Title)!, Elements = Open(page.Elements) })],
        },
    };

    private static List<FormElement> Open(IReadOnlyList<FormElement> elements) =>
    [
        .. elements.Where(e => !e.Key.StartsWith(PlaceholderKey, StringComparison.Ordinal)).Select(e => e with
        {
            Label = e.Type is FormElementType.Info or FormElementType.Stop ? Optional(e.Label) : Open(e.Label),
            Hint = Optional(e.Hint),
            Text = Open(e.Text),
            Options = e.Options?.Where(o => o.Key != PlaceholderKey).Select(o => o with { Label = Open(o.Label)! }).ToList(),
            Signers = e.Signers?.Select(s => s with { Label = Open(s.Label)! }).ToList(),
            Elements = e.Elements is null ? null : Open(e.Elements),
        }),
    ];

    private static LocalizedText? Open(LocalizedText? text) =>
        text is null || !text.Values.Contains(Placeholder) ? text : new LocalizedText(text.Where(t => t.Value != Placeholder));

    private static LocalizedText? Optional(LocalizedText? text) => Open(text) is { Count: > 0 } open ? open : null;
}
