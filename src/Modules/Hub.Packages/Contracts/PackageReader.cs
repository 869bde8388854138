using System.Text.Json;
using Hub.Forms.Contracts;

namespace Hub.Packages.Contracts;

/// <summary>
/// Reads the parts of a package that are not the form: each method checks one value, records what is wrong with its
/// path and returns null then, so a reader goes on and names every problem.
/// </summary>
internal sealed class PackageReader(IReadOnlyList<string> languages, List<FormProblem> problems)
{
    public IReadOnlyList<string> Languages => languages;

    public List<FormProblem> Problems => problems;

    /// <summary>
    /// False for a studio draft, whose workflow is built a state at a time: a state not yet reachable, or from which no
    /// closed state is reached yet, is then the quality gate's blocking finding instead of a reading problem.
    /// </summary>
    public bool CheckWorkflowGraph { get; init; } = true;

    public void Add(string path, string message) => problems.Add(new FormProblem(path, message));

    /// <summary>True when <paramref name="element"/> is an object; names every property that is not in <paramref name="known"/>.</summary>
    public bool Object(JsonElement element, string path, IReadOnlyCollection<string> known)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            Add(path, "must be an object");
            return false;
        }

        foreach (var property in element.EnumerateObject().Where(p => !known.Contains(p.Name)))
        {
            Add(JsonPaths.Property(path, property.Name), "is not a known property here");
        }

        return true;
    }

    /// <summary>The items of a list of at most <paramref name="max"/> items, or null.</summary>
    public IReadOnlyList<JsonElement>? Array(JsonElement element, string path, int min, int max)
    {
        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() < min || element.GetArrayLength() > max)
        {
            Add(path, min > 0 ? $"must be a list of {min} to {max} items" : $"must be a list of at most {max} items");
            return null;
        }

        return [.. element.EnumerateArray()];
    }

    public string? Key(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String || !ServiceKeys.IsValid(value.GetString()))
        {
            Add($"{path}.{name}", "must be a key: a lower-case letter followed by up to 63 lower-case letters, digits or hyphens");
            return null;
        }

        return value.GetString();
    }

    public string? Key(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.String || !ServiceKeys.IsValid(value.GetString()))
        {
            Add(path, "must be a key: a lower-case letter followed by up to 63 lower-case letters, digits or hyphens");
            return null;
        }

        return value.GetString();
    }

    public string? Choice(JsonElement parent, string name, string path, IReadOnlyList<string> choices)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String || !choices.Contains(value.GetString()))
        {
            Add($"{path}.{name}", $"must be one of {string.Join(", ", choices)}");
            return null;
        }

        return value.GetString();
    }

    public int? Days(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var days) || days is < 1 or > 365)
        {
            Add(path, "must be a whole number of days from 1 to 365");
            return null;
        }

        return days;
    }

    public bool? Boolean(JsonElement value, string path)
    {
        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Add(path, "must be true or false");
            return null;
        }

        return value.GetBoolean();
    }

    /// <summary>A text with a non-empty value in each of the languages and no other; null when any is wrong.</summary>
    public LocalizedText? Text(JsonElement parent, string name, string path, int maxLength, bool multiline = false)
    {
        var textPath = $"{path}.{name}";
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Object)
        {
            Add(textPath, $"must be an object with a text per language ({string.Join(", ", languages)})");
            return null;
        }

        var before = problems.Count;
        var texts = new List<KeyValuePair<string, string>>();
        foreach (var property in value.EnumerateObject())
        {
            var languagePath = JsonPaths.Property(textPath, property.Name);
            if (!languages.Contains(property.Name))
            {
                Add(languagePath, "is not one of the form's languages");
            }
            else if (property.Value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(property.Value.GetString()))
            {
                Add(languagePath, "must be a non-empty text");
            }
            else if (property.Value.GetString()!.Length > maxLength)
            {
                Add(languagePath, $"is longer than {maxLength} characters");
            }
            else if (property.Value.GetString()!.Any(c => char.IsControl(c) && !(multiline && c is '\n' or '\t')))
            {
                Add(languagePath, multiline ? "contains control characters (only line feed and tab are allowed)" : "contains control characters or a line break");
            }
            else
            {
                texts.Add(KeyValuePair.Create(property.Name, property.Value.GetString()!));
            }
        }

        foreach (var language in languages.Where(l => !value.TryGetProperty(l, out _)))
        {
            Add($"{textPath}.{language}", "is missing");
        }

        return problems.Count > before ? null : new LocalizedText(texts);
    }

    /// <summary>Names every key that occurs more than once among <paramref name="keys"/> (null keys are skipped).</summary>
    public void Unique(IEnumerable<(string? Key, string Path)> keys, string what)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, path) in keys)
        {
            if (key is not null && !seen.Add(key))
            {
                Add(path, $"'{key}' is already the key of another {what}");
            }
        }
    }
}
