using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Hub.Forms.Answers;
using Hub.Forms.Conditions;
using Hub.Forms.Contracts;

namespace Hub.Forms.Definitions;

/// <summary>
/// Reads a definition from JSON by walking the document by hand, so that every problem is reported with its path
/// rather than the first one a serializer trips over. Conditions are parsed on the way and checked against the
/// form's keys at the end, once every key is known.
/// </summary>
internal sealed class DefinitionReader
{
    private static readonly FrozenSet<string> FormProperties = FrozenSet.Create(StringComparer.Ordinal, "key", "languages", "pages");
    private static readonly FrozenSet<string> PageProperties = FrozenSet.Create(StringComparer.Ordinal, "key", "title", "visibleWhen", "elements");
    private static readonly FrozenSet<string> KeyedTextProperties = FrozenSet.Create(StringComparer.Ordinal, "key", "label");

    /// <summary>HTML autocomplete tokens a text question may use (WCAG 1.3.5); payment and password tokens are left out.</summary>
    private static readonly FrozenSet<string> AutocompleteTokens = FrozenSet.Create(StringComparer.Ordinal,
        "off", "name", "honorific-prefix", "given-name", "additional-name", "family-name", "honorific-suffix", "nickname",
        "organization-title", "organization", "street-address", "address-line1", "address-line2", "address-line3",
        "address-level1", "address-level2", "address-level3", "address-level4", "country", "country-name", "postal-code",
        "language", "bday", "bday-day", "bday-month", "bday-year", "sex", "url", "tel", "tel-national", "email");

    private readonly List<FormProblem> problems;
    private readonly Dictionary<string, string> keyPaths = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ElementInfo> elements = new(StringComparer.Ordinal);
    private readonly HashSet<string> pageKeys = new(StringComparer.Ordinal);
    private readonly List<(ConditionNode Node, string Path, ConditionScope Scope)> conditions = [];
    private string[] languages = [];
    private int order;
    private int elementCount;

    private static readonly JsonInputLimits Limits = new(FormLimits.MaxDefinitionBytes, FormLimits.MaxJsonDepth);

    private DefinitionReader(List<FormProblem> problems) => this.problems = problems;

    public static FormReadResult Read(ReadOnlySpan<byte> utf8Json)
    {
        var problems = new List<FormProblem>();
        using var document = JsonInput.Parse(utf8Json, Limits, problems);
        if (document is null)
        {
            return new FormReadResult(null, problems);
        }

        var reader = new DefinitionReader(problems);
        var definition = reader.Form(document.RootElement);
        reader.CheckConditions();
        return new FormReadResult(problems.Count == 0 ? definition : null, problems);
    }

    private FormDefinition? Form(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            Add("$", "must be an object with 'key', 'languages' and 'pages'");
            return null;
        }

        CheckProperties(json, "$", FormProperties, "a form");
        var key = Key(json, "$", register: false);
        languages = Languages(json);
        var pages = new List<FormPage>();
        if (Array(json, "$", "pages", required: true, 1, FormLimits.MaxPages) is { } list)
        {
            var index = 0;
            foreach (var item in list.EnumerateArray())
            {
                if (Page(item, JsonPaths.Index("$.pages", index++)) is { } page)
                {
                    pages.Add(page);
                }
            }
        }

        return key is null ? null : new FormDefinition(key, languages, pages);
    }

    private string[] Languages(JsonElement json)
    {
        const string path = "$.languages";
        var found = new List<string>();
        if (Array(json, "$", "languages", required: true, 1, FormLimits.MaxLanguages) is not { } list)
        {
            return [];
        }

        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var at = JsonPaths.Index(path, index++);
            var language = item.ValueKind == JsonValueKind.String ? item.GetString()! : null;
            if (language is null || language.Length is < 2 or > 3 || !language.All(char.IsAsciiLetterLower))
            {
                Add(at, "must be a language code of two or three lower-case letters, such as 'sv' or 'en'");
            }
            else if (found.Contains(language))
            {
                Add(at, $"names '{language}' twice");
            }
            else
            {
                found.Add(language);
            }
        }

        return [.. found];
    }

    private FormPage? Page(JsonElement json, string path)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            Add(path, "must be a page object with 'key', 'title' and 'elements'");
            return null;
        }

        CheckProperties(json, path, PageProperties, "a page");
        var key = Key(json, path, register: true);
        if (key is not null)
        {
            pageKeys.Add(key);
        }

        var title = Text(json, path, "title", required: true);
        var pageOrder = order++;
        var visibleWhen = Condition(json, path, new ConditionScope(key, pageOrder, [], AnyOrder: false));
        var pageElements = Elements(json, path, []);
        return key is null || title is null || pageElements is null ? null : new FormPage(key, title, pageElements, visibleWhen);
    }

    private List<FormElement>? Elements(JsonElement json, string path, ImmutableArray<string> groups)
    {
        if (Array(json, path, "elements", required: true, 1, FormLimits.MaxElements) is not { } list)
        {
            return null;
        }

        var result = new List<FormElement>();
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            if (Element(item, JsonPaths.Index(JsonPaths.Property(path, "elements"), index++), groups) is { } element)
            {
                result.Add(element);
            }
        }

        return result;
    }

    private FormElement? Element(JsonElement json, string path, ImmutableArray<string> groups)
    {
        if (++elementCount > FormLimits.MaxElements)
        {
            if (elementCount == FormLimits.MaxElements + 1)
            {
                Add(path, $"is one element too many: a form may have at most {FormLimits.MaxElements}");
            }

            return null;
        }

        if (json.ValueKind != JsonValueKind.Object)
        {
            Add(path, "must be an element object with 'key' and 'type'");
            return null;
        }

        var key = Key(json, path, register: true);
        var type = ElementType(json, path);
        var elementOrder = order++;
        if (type is not { } known)
        {
            if (key is not null)
            {
                elements.TryAdd(key, new ElementInfo(key, null, elementOrder, groups, new HashSet<string>()));
            }

            return null;
        }

        CheckProperties(json, path, known);
        var isContent = known is FormElementType.Info or FormElementType.Stop;
        var element = new FormElement(key ?? "", known)
        {
            Label = Text(json, path, "label", required: !isContent),
            Hint = Text(json, path, "hint", required: false),
            Text = Text(json, path, "text", required: isContent),
            Required = Bool(json, path, "required") ?? false,
            VisibleWhen = Condition(json, path, new ConditionScope(key, elementOrder, groups, AnyOrder: false)),
        };

        element = known switch
        {
            FormElementType.Text or FormElementType.Textarea => Lengths(json, path, element),
            FormElementType.Number => NumberSettings(json, path, element),
            FormElementType.Date => DateSettings(json, path, element),
            FormElementType.Radio or FormElementType.Checkbox or FormElementType.Dropdown =>
                element with { Options = Keyed(json, path, "options", FormLimits.MaxOptions, (k, l) => new ChoiceOption(k, l)) },
            FormElementType.File => FileSettings(json, path, element),
            FormElementType.RepeatingGroup => Group(json, path, element, groups),
            FormElementType.Signature => Signature(json, path, element, groups),
            _ => element,
        };

        if (key is not null)
        {
            // Children registered themselves while the group was read; the group keeps the position it had before them.
            elements.TryAdd(key, new ElementInfo(key, known, elementOrder, groups,
                (element.Options ?? []).Select(o => o.Key).ToHashSet(StringComparer.Ordinal)));
        }

        return key is null ? null : element;
    }

    private FormElementType? ElementType(JsonElement json, string path)
    {
        if (!json.TryGetProperty("type", out var value))
        {
            Add(path, "is missing the required property 'type'");
            return null;
        }

        var at = JsonPaths.Property(path, "type");
        if (value.ValueKind != JsonValueKind.String)
        {
            Add(at, "must be a text naming the element type");
            return null;
        }

        var name = value.GetString()!;
        if (TypeNames.TryParse(name, out var type))
        {
            return type;
        }

        Add(at, $"{JsonPaths.Quote(name)} is not a known element type; expected one of: {TypeNames.All}");
        return null;
    }

    private FormElement Lengths(JsonElement json, string path, FormElement element)
    {
        var limit = element.Type == FormElementType.Textarea ? FormLimits.TextareaMaxLengthLimit : FormLimits.TextMaxLengthLimit;
        var min = Int(json, path, "minLength", 0, limit);
        var max = Int(json, path, "maxLength", 1, limit);
        element = element with { MinLength = min, MaxLength = max };
        if (min > FormLimits.EffectiveMaxLength(element))
        {
            Add(JsonPaths.Property(path, "minLength"), max is null
                ? $"is greater than the default maxLength ({FormLimits.EffectiveMaxLength(element)})"
                : "is greater than maxLength");
        }

        if (element.Type == FormElementType.Text)
        {
            element = element with { Pattern = Pattern(json, path), Autocomplete = Autocomplete(json, path) };
        }

        return element;
    }

    private string? Pattern(JsonElement json, string path)
    {
        if (String(json, path, "pattern", FormLimits.MaxPatternLength) is not { } pattern)
        {
            return null;
        }

        try
        {
            _ = PatternMatcher.Compile(pattern);
            return pattern;
        }
        catch (ArgumentException exception)
        {
            Add(JsonPaths.Property(path, "pattern"), $"is not a valid regular expression: {exception.Message}");
        }
        catch (NotSupportedException exception)
        {
            // NonBacktracking refuses lookarounds, backreferences and huge automata: constructs that make matching slow.
            Add(JsonPaths.Property(path, "pattern"), $"cannot be used safely: {exception.Message}");
        }

        return null;
    }

    private string? Autocomplete(JsonElement json, string path)
    {
        var token = String(json, path, "autocomplete", 50);
        if (token is not null && !AutocompleteTokens.Contains(token))
        {
            Add(JsonPaths.Property(path, "autocomplete"), $"{JsonPaths.Quote(token)} is not an autocomplete token a form may use");
            return null;
        }

        return token;
    }

    private FormElement NumberSettings(JsonElement json, string path, FormElement element)
    {
        var min = Decimal(json, path, "min");
        var max = Decimal(json, path, "max");
        if (min > max)
        {
            Add(JsonPaths.Property(path, "min"), "is greater than max");
        }

        return element with { Min = min, Max = max, Decimals = Int(json, path, "decimals", 0, FormLimits.MaxDecimals) };
    }

    private FormElement DateSettings(JsonElement json, string path, FormElement element)
    {
        var min = Date(json, path, "min");
        var max = Date(json, path, "max");
        if (min > max)
        {
            Add(JsonPaths.Property(path, "min"), "is later than max");
        }

        return element with { MinDate = min, MaxDate = max };
    }

    private FormElement FileSettings(JsonElement json, string path, FormElement element)
    {
        var accept = new List<string>();
        if (Array(json, path, "accept", required: true, 1, FormLimits.MaxAccept) is { } list)
        {
            var index = 0;
            foreach (var item in list.EnumerateArray())
            {
                var at = JsonPaths.Index(JsonPaths.Property(path, "accept"), index++);
                var entry = item.ValueKind == JsonValueKind.String ? item.GetString()! : null;
                var problem = entry is null ? "must be a text" : FileTypes.Problem(entry);
                if (problem is not null)
                {
                    Add(at, problem);
                }
                else if (accept.Contains(entry!))
                {
                    Add(at, $"{JsonPaths.Quote(entry!)} is listed twice");
                }
                else
                {
                    accept.Add(entry!);
                }
            }
        }

        return element with
        {
            Accept = accept,
            MaxSizeBytes = Long(json, path, "maxSizeBytes", 1, FormLimits.MaxFileSizeLimit),
            MaxFiles = Int(json, path, "maxFiles", 1, FormLimits.MaxFilesLimit),
        };
    }

    private FormElement Group(JsonElement json, string path, FormElement element, ImmutableArray<string> groups)
    {
        var min = Int(json, path, "minItems", 0, FormLimits.MaxItemsLimit);
        var max = Int(json, path, "maxItems", 1, FormLimits.MaxItemsLimit);
        if (min > (max ?? FormLimits.DefaultMaxItems))
        {
            Add(JsonPaths.Property(path, "minItems"), max is null ? $"is greater than the default maxItems ({FormLimits.DefaultMaxItems})" : "is greater than maxItems");
        }

        if (groups.Length >= FormLimits.MaxGroupDepth)
        {
            Add(path, $"nests repeating groups more than {FormLimits.MaxGroupDepth} deep");
            return element;
        }

        var children = Elements(json, path, groups.Add(element.Key));
        return element with { Elements = children, MinItems = min, MaxItems = max };
    }

    private FormElement Signature(JsonElement json, string path, FormElement element, ImmutableArray<string> groups)
    {
        if (groups.Length > 0)
        {
            Add(path, "cannot be inside a repeating group: signatures are asked for once per submission");
        }

        return element with { Signers = Keyed(json, path, "signers", FormLimits.MaxSigners, (k, l) => new SignerRole(k, l)) };
    }

    /// <summary>Options and signer roles: lists of <c>{ "key", "label" }</c> with keys unique within the element.</summary>
    private List<T> Keyed<T>(JsonElement json, string path, string name, int max, Func<string, LocalizedText, T> create)
    {
        var result = new List<T>();
        if (Array(json, path, name, required: true, 1, max) is not { } list)
        {
            return result;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var at = JsonPaths.Index(JsonPaths.Property(path, name), index++);
            if (item.ValueKind != JsonValueKind.Object)
            {
                Add(at, "must be an object with 'key' and 'label'");
                continue;
            }

            CheckProperties(item, at, KeyedTextProperties, name == "options" ? "an option" : "a signer");
            var key = Key(item, at, register: false);
            if (key is not null && !seen.Add(key))
            {
                Add(JsonPaths.Property(at, "key"), $"'{key}' is already used in this list");
            }

            var label = Text(item, at, "label", required: true);
            if (key is not null && label is not null)
            {
                result.Add(create(key, label));
            }
        }

        return result;
    }

    private FormCondition? Condition(JsonElement json, string path, ConditionScope scope)
    {
        if (!json.TryGetProperty("visibleWhen", out var value))
        {
            return null;
        }

        var at = JsonPaths.Property(path, "visibleWhen");
        if (ConditionParser.Parse(value, at, problems) is not { } node)
        {
            return null;
        }

        conditions.Add((node, at, scope));
        return new FormCondition(node);
    }

    private void CheckConditions()
    {
        foreach (var (node, path, scope) in conditions)
        {
            new ConditionReferenceChecker(elements, pageKeys, scope, problems).Check(node, path);
        }
    }

    private void CheckProperties(JsonElement json, string path, FormElementType type)
    {
        foreach (var property in json.EnumerateObject())
        {
            if (TypeNames.Takes(type, property.Name))
            {
                continue;
            }

            var at = JsonPaths.Property(path, property.Name);
            var typeName = TypeNames.Of(type);
            Add(at, (property.Name, type) switch
            {
                ("required", FormElementType.RepeatingGroup) => "does not apply to 'repeatingGroup' elements; use 'minItems'",
                ("required", FormElementType.Signature) => "does not apply to 'signature' elements: every signer is needed while one is visible",
                ("required", _) => $"does not apply to '{typeName}' elements, which have no answer",
                _ when TypeNames.IsElementProperty(property.Name) => $"does not apply to '{typeName}' elements",
                _ => $"is not a known property of '{typeName}' elements",
            });
        }
    }

    private void CheckProperties(JsonElement json, string path, FrozenSet<string> allowed, string what)
    {
        foreach (var property in json.EnumerateObject())
        {
            if (!allowed.Contains(property.Name))
            {
                Add(JsonPaths.Property(path, property.Name), $"is not a known property of {what}");
            }
        }
    }

    private string? Key(JsonElement json, string path, bool register)
    {
        if (!json.TryGetProperty("key", out var value))
        {
            Add(path, "is missing the required property 'key'");
            return null;
        }

        var at = JsonPaths.Property(path, "key");
        var key = value.ValueKind == JsonValueKind.String ? value.GetString()! : null;
        if (key is null || !FormKeys.IsValid(key))
        {
            Add(at, $"{(key is null ? "is not a text" : JsonPaths.Quote(key) + " is not a valid key")}: a key is {FormKeys.Rule}");
            return null;
        }

        if (register && !keyPaths.TryAdd(key, path))
        {
            Add(at, $"'{key}' is already the key of {keyPaths[key]}; keys must be unique across the form");
        }

        return key;
    }

    /// <summary>A text per language: present in every language the form claims and in no other.</summary>
    private LocalizedText? Text(JsonElement json, string path, string name, bool required)
    {
        if (!json.TryGetProperty(name, out var value))
        {
            if (required)
            {
                Add(path, $"is missing the required property '{name}'");
            }

            return null;
        }

        var at = JsonPaths.Property(path, name);
        if (value.ValueKind != JsonValueKind.Object)
        {
            Add(at, "must be an object of texts by language, e.g. {\"sv\": \"Namn\", \"en\": \"Name\"}");
            return null;
        }

        var texts = new List<KeyValuePair<string, string>>();
        foreach (var property in value.EnumerateObject())
        {
            var textPath = JsonPaths.Property(at, property.Name);
            if (!languages.Contains(property.Name))
            {
                Add(textPath, $"{JsonPaths.Quote(property.Name)} is not one of the form's languages ({string.Join(", ", languages)})");
                continue;
            }

            var text = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : null;
            var problem = text switch
            {
                null => "must be a text",
                _ when string.IsNullOrWhiteSpace(text) => "must not be empty",
                { Length: > FormLimits.MaxTextLength } => string.Create(CultureInfo.InvariantCulture, $"is longer than {FormLimits.MaxTextLength:N0} characters"),
                _ when ValueFormats.HasControlCharacters(text, allowLineBreaks: true) => "contains control characters",
                _ => null,
            };
            if (problem is null)
            {
                texts.Add(KeyValuePair.Create(property.Name, text!));
            }
            else
            {
                Add(textPath, problem);
            }
        }

        foreach (var language in languages)
        {
            if (!value.TryGetProperty(language, out _))
            {
                Add(at, $"has no text in '{language}'");
            }
        }

        return new LocalizedText(texts);
    }

    private JsonElement? Array(JsonElement json, string path, string name, bool required, int min, int max)
    {
        if (!json.TryGetProperty(name, out var value))
        {
            if (required)
            {
                Add(path, $"is missing the required property '{name}'");
            }

            return null;
        }

        var at = JsonPaths.Property(path, name);
        if (value.ValueKind != JsonValueKind.Array)
        {
            Add(at, "must be a list");
            return null;
        }

        var length = value.GetArrayLength();
        if (length < min || length > max)
        {
            Add(at, length < min
                ? string.Create(CultureInfo.InvariantCulture, $"must have at least {min} item{(min == 1 ? "" : "s")}")
                : string.Create(CultureInfo.InvariantCulture, $"has {length} items; at most {max} are allowed"));
            return null;
        }

        return value;
    }

    private bool? Bool(JsonElement json, string path, string name)
    {
        if (!json.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        Add(JsonPaths.Property(path, name), "must be true or false");
        return null;
    }

    private int? Int(JsonElement json, string path, string name, int min, int max) =>
        Long(json, path, name, min, max) is { } value ? (int)value : null;

    private long? Long(JsonElement json, string path, string name, long min, long max)
    {
        if (!json.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) && number >= min && number <= max)
        {
            return number;
        }

        Add(JsonPaths.Property(path, name), string.Create(CultureInfo.InvariantCulture, $"must be a whole number from {min:N0} to {max:N0}"));
        return null;
    }

    private decimal? Decimal(JsonElement json, string path, string name)
    {
        if (!json.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number))
        {
            return ValueFormats.NormalizeNumber(number);
        }

        Add(JsonPaths.Property(path, name), "must be a number");
        return null;
    }

    private DateOnly? Date(JsonElement json, string path, string name)
    {
        if (!json.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String && ValueFormats.TryParseDate(value.GetString(), out var date))
        {
            return date;
        }

        Add(JsonPaths.Property(path, name), "must be a date written yyyy-MM-dd");
        return null;
    }

    private string? String(JsonElement json, string path, string name, int maxLength)
    {
        if (!json.TryGetProperty(name, out var value))
        {
            return null;
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : null;
        if (text is { Length: > 0 } && text.Length <= maxLength && !ValueFormats.HasControlCharacters(text, allowLineBreaks: false))
        {
            return text;
        }

        Add(JsonPaths.Property(path, name), string.Create(CultureInfo.InvariantCulture, $"must be a text of 1 to {maxLength:N0} characters"));
        return null;
    }

    private void Add(string path, string message) => problems.Add(new FormProblem(path, message));
}
