using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hub.Catalog.Studio;
using Hub.Forms.Contracts;
using Hub.Packages.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Catalog.Pages.Studio;

/// <summary>
/// <c>/admin/e-tjanster/{service}/element/{key}</c>: one element's texts in every language, its settings, options or
/// signers, and its condition. A save that the package reader refuses keeps what the person typed on screen, puts
/// each problem next to its field and leaves the draft as it was.
/// </summary>
internal sealed class ElementModel(StudioPageServices services) : StudioPage(services)
{
    private const double Megabyte = 1024 * 1024;

    private static readonly string[] WholeNumbers = ["minLength", "maxLength", "decimals", "maxFiles", "minItems", "maxItems"];

    private static readonly string[] TextProperties = ["pattern", "autocomplete"];

    private static readonly string[] KeyedLists = ["options", "signers"];

    public string ElementKey { get; private set; } = "";

    public FormElementType Type { get; private set; }

    public string Path { get; private set; } = "";

    /// <summary>The questions before this element that a simple condition may read.</summary>
    public IReadOnlyList<(string Value, string Text)> Questions { get; private set; } = [];

    public string Label => TitleOf(Document.FindElement(ElementKey)?.Node["label"], ElementKey);

    public bool Takes(string property) => FormDefinitionJson.Takes(Type, property);

    /// <summary>How many options or signers are on screen.</summary>
    public int Count(string list) => Enumerable.Range(0, 501).TakeWhile(i => Values.ContainsKey($"{list}[{i}].key")).Count();

    public async Task<IActionResult> OnGetAsync(string service, string key, CancellationToken cancellationToken)
    {
        if (await LoadAsync(service, key, cancellationToken) is { } result)
        {
            return result;
        }

        var element = Document.FindElement(key)!.Node;
        foreach (var name in new[] { "label", "hint", "text" })
        {
            ShowText(name, element[name]);
        }

        foreach (var (name, value) in element)
        {
            if (value is JsonValue v && name is not ("key" or "type"))
            {
                Values[name] = v.GetValueKind() == JsonValueKind.String ? (string?)v : v.ToJsonString();
            }
        }

        Values["accept"] = string.Join(", ", (element["accept"] as JsonArray ?? []).Select(a => (string?)a));
        if (element["maxSizeBytes"] is JsonValue bytes)
        {
            Values["maxSizeMegabytes"] = ((double)bytes / Megabyte).ToString("0.##", CultureInfo.CurrentCulture);
        }

        foreach (var list in KeyedLists)
        {
            var items = (element[list] as JsonArray ?? []).OfType<JsonObject>().ToList();
            for (var i = 0; i < items.Count; i++)
            {
                Values[$"{list}[{i}].key"] = (string?)items[i]["key"];
                ShowText($"{list}[{i}].label", items[i]["label"]);
            }
        }

        ShowCondition(element["visibleWhen"]);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string service, string key, string? action, CancellationToken cancellationToken)
    {
        if (await LoadAsync(service, key, cancellationToken) is { } result)
        {
            return result;
        }

        KeepPosted();
        var document = Document.Clone();
        var element = document.FindElement(key)!.Node;
        if (Takes("label"))
        {
            DraftDocument.SetText(element, "label", PostedText("label"), optional: Type is FormElementType.Info or FormElementType.Stop);
        }

        if (Takes("hint"))
        {
            DraftDocument.SetText(element, "hint", PostedText("hint"), optional: true);
        }

        if (Takes("text"))
        {
            DraftDocument.SetText(element, "text", PostedText("text"), optional: false);
        }

        if (Takes("required"))
        {
            SetOrRemove(element, "required", Request.Form["required"] == "true" ? true : null);
        }

        foreach (var name in WholeNumbers.Where(Takes))
        {
            SetOrRemove(element, name, Number(name, wholeNumber: true));
        }

        foreach (var name in TextProperties.Where(Takes))
        {
            SetOrRemove(element, name, Request.Form[name].ToString().Trim() is { Length: > 0 } text ? text : null);
        }

        if (Type == FormElementType.Number)
        {
            SetOrRemove(element, "min", Number("min", wholeNumber: false));
            SetOrRemove(element, "max", Number("max", wholeNumber: false));
        }
        else if (Type == FormElementType.Date)
        {
            SetOrRemove(element, "min", Date("min"));
            SetOrRemove(element, "max", Date("max"));
        }

        if (Takes("accept"))
        {
            var accept = Request.Form["accept"].ToString().Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            element["accept"] = new JsonArray([.. accept.Select(a => (JsonNode?)JsonValue.Create(a))]);
            var megabytes = Number("maxSizeMegabytes", wholeNumber: false);
            SetOrRemove(element, "maxSizeBytes", megabytes is null ? null : JsonValue.Create((long)Math.Round((double)megabytes * Megabyte)));
        }

        foreach (var list in KeyedLists.Where(Takes))
        {
            element[list] = KeyedList(list, action ?? "");
        }

        ApplyCondition(element, document);
        if (ModelState.ErrorCount > 0)
        {
            return Page();
        }

        var next = action is null or "save" ? StudioUrl() + "#item-" + key : StudioUrl("/element/" + key) + "#" + action.Split(':')[0];
        return await SaveAsync(document, document.FindElement(key)!.Path, TitleOf(element["label"] ?? element["text"], key), next, cancellationToken);
    }

    private async Task<IActionResult?> LoadAsync(string service, string key, CancellationToken cancellationToken)
    {
        if (await LoadAsync(service, cancellationToken) is { } result)
        {
            return result;
        }

        if (Document.FindElement(key) is not { } location)
        {
            return NotFound();
        }

        ElementKey = key;
        Path = location.Path;
        Type = TypeOf(location.Node);
        Questions = ConditionQuestions(Document.AllElements().TakeWhile(l => l.Key != key));
        return null;
    }

    /// <summary>Options or signers as posted, with the change a button asked for (<c>remove:options:2</c>, <c>up:…</c>) and a new one if written.</summary>
    private JsonArray KeyedList(string list, string action)
    {
        var items = Enumerable.Range(0, Count(list)).Select(i => new JsonObject
        {
            ["key"] = Request.Form[$"{list}[{i}].key"].ToString(),
            ["label"] = DraftDocument.Written(PostedText($"{list}[{i}].label")),
        }).ToList();
        var parts = action.Split(':');
        if (parts.Length == 3 && parts[1] == list && int.TryParse(parts[2], CultureInfo.InvariantCulture, out var index) && index >= 0 && index < items.Count)
        {
            var item = items[index];
            items.RemoveAt(index);
            var target = parts[0] switch { "up" => index - 1, "down" => index + 1, _ => -1 };
            if (target >= 0 && target <= items.Count)
            {
                items.Insert(target, item);
            }
        }

        var newKey = Request.Form[$"new-{list}.key"].ToString().Trim();
        var newLabel = PostedText($"new-{list}.label");
        if (newKey.Length > 0)
        {
            if (!ServiceKeys.IsValid(newKey) || newKey == DraftDocument.PlaceholderKey)
            {
                ModelState.AddModelError($"new-{list}.key", Texts["Error.Key"]);
            }
            else if (items.Any(i => (string?)i["key"] == newKey))
            {
                ModelState.AddModelError($"new-{list}.key", Texts["Error.ElementKeyTaken", newKey]);
            }
            else
            {
                items.Add(new JsonObject { ["key"] = newKey, ["label"] = DraftDocument.Written(newLabel) });
            }
        }
        else if (newLabel.Values.Any(v => !string.IsNullOrWhiteSpace(v)))
        {
            ModelState.AddModelError($"new-{list}.key", Texts["Error.Key"]);
        }

        return new JsonArray([.. items]);
    }

    private JsonValue? Number(string name, bool wholeNumber)
    {
        var text = Request.Form[name].ToString().Trim().Replace(" ", "", StringComparison.Ordinal).Replace(',', '.');
        if (text.Length == 0)
        {
            return null;
        }

        if (wholeNumber && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            return JsonValue.Create(whole);
        }

        if (!wholeNumber && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }

        ModelState.AddModelError(name, Texts[wholeNumber ? "Error.WholeNumber" : "Error.Number"]);
        return null;
    }

    private JsonValue? Date(string name)
    {
        var text = Request.Form[name].ToString().Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return JsonValue.Create(text);
        }

        ModelState.AddModelError(name, Texts["Error.Date"]);
        return null;
    }

    private static void SetOrRemove(JsonObject owner, string name, JsonNode? value)
    {
        if (value is null)
        {
            owner.Remove(name);
        }
        else
        {
            owner[name] = value;
        }
    }
}
