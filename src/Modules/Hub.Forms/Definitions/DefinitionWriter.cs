using System.Text.Json.Nodes;
using Hub.Forms.Answers;
using Hub.Forms.Contracts;

namespace Hub.Forms.Definitions;

/// <summary>The definition as JSON, the inverse of <see cref="DefinitionReader"/>: what was left out stays out.</summary>
internal static class DefinitionWriter
{
    public static JsonObject ToJsonNode(FormDefinition definition) => new()
    {
        ["key"] = definition.Key,
        ["languages"] = new JsonArray([.. definition.Languages.Select(l => JsonValue.Create(l))]),
        ["pages"] = new JsonArray([.. definition.Pages.Select(Page)]),
    };

    private static JsonObject Page(FormPage page)
    {
        var json = new JsonObject { ["key"] = page.Key, ["title"] = Text(page.Title) };
        AddIf(json, "visibleWhen", page.VisibleWhen?.Root.ToJson());
        json["elements"] = new JsonArray([.. page.Elements.Select(Element)]);
        return json;
    }

    private static JsonObject Element(FormElement element)
    {
        var json = new JsonObject { ["key"] = element.Key, ["type"] = TypeNames.Of(element.Type) };
        AddIf(json, "label", Text(element.Label));
        AddIf(json, "hint", Text(element.Hint));
        AddIf(json, "text", Text(element.Text));
        AddIf(json, "required", element.Required ? JsonValue.Create(true) : null);
        AddIf(json, "visibleWhen", element.VisibleWhen?.Root.ToJson());
        AddIf(json, "minLength", Number(element.MinLength));
        AddIf(json, "maxLength", Number(element.MaxLength));
        AddIf(json, "pattern", element.Pattern is null ? null : JsonValue.Create(element.Pattern));
        AddIf(json, "autocomplete", element.Autocomplete is null ? null : JsonValue.Create(element.Autocomplete));
        AddIf(json, "min", element.Min is { } min ? JsonValue.Create(ValueFormats.NormalizeNumber(min))
            : element.MinDate is { } minDate ? JsonValue.Create(ValueFormats.FormatDate(minDate)) : null);
        AddIf(json, "max", element.Max is { } max ? JsonValue.Create(ValueFormats.NormalizeNumber(max))
            : element.MaxDate is { } maxDate ? JsonValue.Create(ValueFormats.FormatDate(maxDate)) : null);
        AddIf(json, "decimals", Number(element.Decimals));
        AddIf(json, "options", Keyed(element.Options?.Select(o => (o.Key, o.Label))));
        AddIf(json, "accept", element.Accept is null ? null : new JsonArray([.. element.Accept.Select(a => JsonValue.Create(a))]));
        AddIf(json, "maxSizeBytes", element.MaxSizeBytes is { } size ? JsonValue.Create(size) : null);
        AddIf(json, "maxFiles", Number(element.MaxFiles));
        AddIf(json, "minItems", Number(element.MinItems));
        AddIf(json, "maxItems", Number(element.MaxItems));
        AddIf(json, "elements", element.Elements is null ? null : new JsonArray([.. element.Elements.Select(Element)]));
        AddIf(json, "signers", Keyed(element.Signers?.Select(s => (s.Key, s.Label))));
        return json;
    }

    private static JsonObject? Text(LocalizedText? text)
    {
        if (text is null)
        {
            return null;
        }

        var json = new JsonObject();
        foreach (var (language, value) in text)
        {
            json[language] = value;
        }

        return json;
    }

    private static JsonArray? Keyed(IEnumerable<(string Key, LocalizedText Label)>? items) =>
        items is null ? null : new JsonArray([.. items.Select(i => new JsonObject { ["key"] = i.Key, ["label"] = Text(i.Label) })]);

    private static JsonValue? Number(int? value) => value is { } number ? JsonValue.Create(number) : null;

    private static void AddIf(JsonObject json, string name, JsonNode? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }
}
