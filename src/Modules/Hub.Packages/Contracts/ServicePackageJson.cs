using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hub.Forms.Contracts;

namespace Hub.Packages.Contracts;

/// <summary>
/// Reads and writes a service file (<c>recipes/services/*.service.json</c>): the service's texts and metadata plus its
/// form. Reading never throws on bad input: it reports every problem with its path.
/// </summary>
/// <summary>
/// Reads and writes a service package, format version 1 (<c>docs/package-format.md</c>): the service's texts and
/// metadata, its form, workflow and adaptation policy. Service files in <c>recipes/services</c> are packages too.
/// Reading never throws on bad input: it reports every problem with its path. The content hash covers the canonical
/// content, which leaves out <c>formatVersion</c> and every default, so a package exported and imported again, or
/// written before workflows existed, keeps its hash.
/// </summary>
public static partial class ServicePackageJson
{
    /// <summary>The package format this hub reads and writes.</summary>
    public const int FormatVersion = 1;

    /// <summary>The top-level properties of a package, in the order the documentation lists them.</summary>
    public static readonly IReadOnlyList<string> Properties =
    [
        "formatVersion", "key", "version", "title", "summary", "description", "category", "keywords", "access", "handlingDays",
        "confidential", "retentionDays", "documents", "form", "workflow", "adaptation",
    ];

    public const int MaxDocuments = 20;

    public static (ServicePackage? Package, IReadOnlyList<FormProblem> Problems) Read(string json) => Read(json, checkWorkflowGraph: true);

    /// <summary>
    /// Reads a package; with <paramref name="checkWorkflowGraph"/> false (a studio draft) a workflow whose states are
    /// not yet all connected reads too (<see cref="WorkflowJson.GraphGaps"/> then says what is missing).
    /// </summary>
    public static (ServicePackage? Package, IReadOnlyList<FormProblem> Problems) Read(string json, bool checkWorkflowGraph)
    {
        ArgumentNullException.ThrowIfNull(json);
        var problems = new List<FormProblem>();
        using var document = PackageJsonInput.Parse(json, problems);
        if (document is null)
        {
            return (null, problems);
        }

        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, [new FormProblem("$", "must be an object")]);
        }

        foreach (var property in root.EnumerateObject())
        {
            if (!Properties.Contains(property.Name))
            {
                problems.Add(new FormProblem(JsonPaths.Property("$", property.Name), "is not a known property here"));
            }
        }

        if (root.TryGetProperty("formatVersion", out var format)
            && (format.ValueKind != JsonValueKind.Number || !format.TryGetInt32(out var formatVersion) || formatVersion != FormatVersion))
        {
            // Nothing else is read: a newer format may mean something else by the same names.
            return (null, [new FormProblem("$.formatVersion", $"must be {FormatVersion}: this hub reads package format version {FormatVersion} (or a file without formatVersion)")]);
        }

        var key = String(root, "key", problems);
        if (key is not null && !KeyPattern().IsMatch(key))
        {
            problems.Add(new FormProblem("$.key", "must be 1–64 lower-case letters, digits or hyphens, starting with a letter"));
        }
        else if (key is not null && ServiceKeys.Reserved.Contains(key))
        {
            problems.Add(new FormProblem("$.key", $"'{key}' is an address of the studio itself ({string.Join(", ", ServiceKeys.Reserved)}); choose another key"));
        }

        var version = String(root, "version", problems);
        if (version is not null && !VersionPattern().IsMatch(version))
        {
            problems.Add(new FormProblem("$.version", "must be a version like 1.0.0"));
        }

        FormDefinition? form = null;
        if (root.TryGetProperty("form", out var formElement))
        {
            var read = FormDefinitionJson.Read(formElement.GetRawText());
            problems.AddRange(read.Problems.Select(p => new FormProblem("$.form" + p.Path.TrimStart('$'), p.Message)));
            form = read.Definition;
        }
        else
        {
            problems.Add(new FormProblem("$.form", "is missing"));
        }

        var languages = form?.Languages ?? ["sv"];
        var reader = new PackageReader(languages, problems) { CheckWorkflowGraph = checkWorkflowGraph };
        var title = Text(root, "title", languages, 200, problems);
        var summary = Text(root, "summary", languages, 500, problems);
        var description = Text(root, "description", languages, 5000, problems);
        var category = String(root, "category", problems);
        if (category is not null && ServiceCategories.All.All(c => c.Key != category))
        {
            problems.Add(new FormProblem("$.category", $"must be one of {string.Join(", ", ServiceCategories.All.Select(c => c.Key))}"));
        }

        var access = String(root, "access", problems) switch
        {
            null => (ServiceAccess?)null,
            "anonymous" => ServiceAccess.Anonymous,
            "login" => ServiceAccess.Login,
            "loginAndSignature" => ServiceAccess.LoginAndSignature,
            _ => Problem<ServiceAccess>(problems, "$.access", "must be anonymous, login or loginAndSignature"),
        };
        int? handlingDays = null;
        if (!root.TryGetProperty("handlingDays", out var days) || days.ValueKind != JsonValueKind.Number
            || !days.TryGetInt32(out var d) || d is < 1 or > 365)
        {
            problems.Add(new FormProblem("$.handlingDays", "must be a whole number of days from 1 to 365"));
        }
        else
        {
            handlingDays = d;
        }

        var confidential = false;
        if (root.TryGetProperty("confidential", out var confidentialElement))
        {
            if (confidentialElement.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                confidential = confidentialElement.GetBoolean();
            }
            else
            {
                problems.Add(new FormProblem("$.confidential", "must be true or false"));
            }
        }

        int? retentionDays = null;
        if (root.TryGetProperty("retentionDays", out var retention))
        {
            if (retention.ValueKind == JsonValueKind.Number && retention.TryGetInt32(out var r) && r is >= 1 and <= 36500)
            {
                retentionDays = r;
            }
            else
            {
                problems.Add(new FormProblem("$.retentionDays", "must be a whole number of days from 1 to 36500"));
            }
        }

        var keywords = Keywords(root, languages, problems);
        if (key is not null && form is not null && form.Key != key)
        {
            problems.Add(new FormProblem("$.form.key", $"must equal the service's key '{key}'"));
        }

        var documents = root.TryGetProperty("documents", out var documentsElement) ? Documents(documentsElement, reader) : [];
        var workflow = root.TryGetProperty("workflow", out var workflowElement) ? WorkflowJson.Read(workflowElement, form, reader) : null;
        var adaptation = root.TryGetProperty("adaptation", out var adaptationElement) ? AdaptationJson.Read(adaptationElement, reader) : null;
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var package = new ServicePackage(key!, version!, title!, summary!, description!, category!, keywords!, access!.Value, handlingDays!.Value, form!)
        {
            Workflow = workflow,
            Adaptation = adaptation,
            Documents = documents!,
            Confidential = confidential,
            RetentionDays = retentionDays,
        };
        if (adaptation is not null)
        {
            AdaptationJson.CheckReferences(adaptation, package, reader);
        }

        return problems.Count > 0 ? (null, problems) : (package, problems);
    }

    /// <summary>
    /// The package as canonical JSON: sorted properties, no whitespace, defaults left out (the form in its own
    /// canonical form). These are the bytes a version stores and its content hash covers.
    /// </summary>
    public static string WriteCanonical(ServicePackage package) => Write(package, withFormatVersion: false);

    /// <summary>The package as an export file: its canonical JSON with <c>formatVersion</c>, which the hash does not cover.</summary>
    public static string WriteExport(ServicePackage package) => Write(package, withFormatVersion: true);

    private static string Write(ServicePackage package, bool withFormatVersion)
    {
        ArgumentNullException.ThrowIfNull(package);
        var node = new JsonObject
        {
            ["access"] = package.Access switch
            {
                ServiceAccess.Anonymous => "anonymous",
                ServiceAccess.Login => "login",
                _ => "loginAndSignature",
            },
            ["category"] = package.Category,
            ["description"] = TextNode(package.Description),
            ["form"] = JsonNode.Parse(FormDefinitionJson.WriteCanonical(package.Form)),
            ["handlingDays"] = package.HandlingDays,
            ["key"] = package.Key,
            ["keywords"] = new JsonObject(package.Keywords.OrderBy(k => k.Key, StringComparer.Ordinal)
                .Select(k => KeyValuePair.Create(k.Key, (JsonNode?)new JsonArray(k.Value.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray())))),
            ["summary"] = TextNode(package.Summary),
            ["title"] = TextNode(package.Title),
            ["version"] = package.Version,
        };
        if (withFormatVersion)
        {
            node["formatVersion"] = FormatVersion;
        }

        if (package.Confidential)
        {
            node["confidential"] = true;
        }

        if (package.RetentionDays is { } days)
        {
            node["retentionDays"] = days;
        }

        if (package.Documents.Count > 0)
        {
            node["documents"] = new JsonArray([.. package.Documents.Select(doc => new JsonObject
            {
                ["kind"] = doc.Kind, ["title"] = TextNode(doc.Title), ["url"] = doc.Url.OriginalString,
            })]);
        }

        if (package.Workflow is { } workflow)
        {
            node["workflow"] = WorkflowJson.Write(workflow);
        }

        if (package.Adaptation is { } adaptation)
        {
            node["adaptation"] = AdaptationJson.Write(adaptation);
        }

        return PackageWriter.Sort(node).ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public static string ContentHash(string canonicalJson) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalJson)));

    private static JsonObject TextNode(LocalizedText text) =>
        new(text.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)JsonValue.Create(t.Value))));

    private static T? Problem<T>(List<FormProblem> problems, string path, string message)
        where T : struct
    {
        problems.Add(new FormProblem(path, message));
        return null;
    }

    private static string? String(JsonElement root, string name, List<FormProblem> problems)
    {
        if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
        {
            return text;
        }

        problems.Add(new FormProblem("$." + name, "must be a non-empty text"));
        return null;
    }

    private static LocalizedText? Text(JsonElement root, string name, IReadOnlyList<string> languages, int maxLength, List<FormProblem> problems)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new FormProblem("$." + name, $"must be an object with a text per language ({string.Join(", ", languages)})"));
            return null;
        }

        var texts = new List<KeyValuePair<string, string>>();
        foreach (var property in value.EnumerateObject())
        {
            var path = JsonPaths.Property("$." + name, property.Name);
            if (!languages.Contains(property.Name))
            {
                problems.Add(new FormProblem(path, "is not one of the form's languages"));
            }
            else if (property.Value.ValueKind != JsonValueKind.String || property.Value.GetString() is not { Length: > 0 } text
                || string.IsNullOrWhiteSpace(text))
            {
                problems.Add(new FormProblem(path, "must be a non-empty text"));
            }
            else if (text.Length > maxLength)
            {
                problems.Add(new FormProblem(path, $"is longer than {maxLength} characters"));
            }
            else if (text.Any(c => char.IsControl(c) && c is not '\n'))
            {
                problems.Add(new FormProblem(path, "contains control characters"));
            }
            else
            {
                texts.Add(KeyValuePair.Create(property.Name, text));
            }
        }

        foreach (var language in languages.Where(l => !value.TryGetProperty(l, out _)))
        {
            problems.Add(new FormProblem($"$.{name}.{language}", "is missing"));
        }

        return new LocalizedText(texts);
    }

    private static Dictionary<string, IReadOnlyList<string>>? Keywords(JsonElement root, IReadOnlyList<string> languages, List<FormProblem> problems)
    {
        var result = languages.ToDictionary(l => l, _ => (IReadOnlyList<string>)[], StringComparer.Ordinal);
        if (!root.TryGetProperty("keywords", out var value))
        {
            return result;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new FormProblem("$.keywords", "must be an object with a list of words per language"));
            return null;
        }

        foreach (var property in value.EnumerateObject())
        {
            var path = JsonPaths.Property("$.keywords", property.Name);
            if (!languages.Contains(property.Name))
            {
                problems.Add(new FormProblem(path, "is not one of the form's languages"));
                continue;
            }

            if (property.Value.ValueKind != JsonValueKind.Array || property.Value.GetArrayLength() > 50)
            {
                problems.Add(new FormProblem(path, "must be a list of at most 50 words"));
                continue;
            }

            var words = new List<string>();
            var i = 0;
            foreach (var word in property.Value.EnumerateArray())
            {
                if (word.ValueKind != JsonValueKind.String || word.GetString() is not { Length: > 0 and <= 100 } text || text.Any(char.IsControl))
                {
                    problems.Add(new FormProblem($"{path}[{i}]", "must be a text of 1–100 characters"));
                }
                else
                {
                    words.Add(text);
                }

                i++;
            }

            result[property.Name] = words;
        }

        return result;
    }

    private static List<ServiceDocument>? Documents(JsonElement element, PackageReader reader)
    {
        const string path = "$.documents";
        if (reader.Array(element, path, 0, MaxDocuments) is not { } items)
        {
            return null;
        }

        var before = reader.Problems.Count;
        var documents = new List<ServiceDocument>();
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = JsonPaths.Index(path, i);
            if (!reader.Object(items[i], itemPath, ["kind", "title", "url"]))
            {
                continue;
            }

            var kind = reader.Choice(items[i], "kind", itemPath, ServiceDocumentKinds.All);
            var title = reader.Text(items[i], "title", itemPath, 200);
            Uri? url = null;
            if (!items[i].TryGetProperty("url", out var urlElement) || urlElement.ValueKind != JsonValueKind.String
                || urlElement.GetString() is not { Length: <= 2000 } text
                || !Uri.TryCreate(text, UriKind.Absolute, out url) || url.Scheme != Uri.UriSchemeHttps || text.Any(char.IsControl))
            {
                reader.Add(itemPath + ".url", "must be an absolute https address of at most 2,000 characters");
                url = null;
            }

            if (kind is not null && title is not null && url is not null)
            {
                documents.Add(new ServiceDocument(kind, title, url));
            }
        }

        return reader.Problems.Count > before ? null : documents;
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,63}$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"^\d{1,4}\.\d{1,4}\.\d{1,4}$")]
    private static partial Regex VersionPattern();
}
