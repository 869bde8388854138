using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hub.Forms.Contracts;

/// <summary>
/// Stores answers as JSON: a text as a string, checked options as an array, parts as an object, a repeating group as
/// <c>{"items":[…]}</c>, files as <c>{"files":[…]}</c>. Keys are written in ordinal order, so equal answers give equal
/// JSON and the same <see cref="Hash"/>.
/// </summary>
public static class AnswerJson
{
    /// <summary>Writes answers canonically.</summary>
    public static string Write(IReadOnlyDictionary<string, AnswerValue> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        return ToNode(answers).ToJsonString();
    }

    /// <summary>Reads answers written by <see cref="Write"/>.</summary>
    /// <exception cref="JsonException">The JSON is not in this format.</exception>
    public static Dictionary<string, AnswerValue> Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonNode.Parse(json) is JsonObject root ? ReadObject(root) : throw new JsonException("Answers must be a JSON object.");
    }

    /// <summary>SHA-256 (hex) of <paramref name="formContentHash"/> and the canonical answers: what a signature covers.</summary>
    public static string Hash(string formContentHash, IReadOnlyDictionary<string, AnswerValue> answers)
    {
        ArgumentNullException.ThrowIfNull(formContentHash);
        var text = formContentHash + "\n" + Write(answers);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static JsonObject ToNode(IReadOnlyDictionary<string, AnswerValue> answers)
    {
        var root = new JsonObject();
        foreach (var (key, value) in answers.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            root[key] = value switch
            {
                TextAnswer t => JsonValue.Create(t.Value),
                ListAnswer l => new JsonArray(l.Values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()),
                PartsAnswer p => new JsonObject(p.Parts.OrderBy(x => x.Key, StringComparer.Ordinal)
                    .Select(x => KeyValuePair.Create(x.Key, (JsonNode?)JsonValue.Create(x.Value)))),
                GroupAnswer g => new JsonObject { ["items"] = new JsonArray(g.Items.Select(i => (JsonNode?)ToNode(i)).ToArray()) },
                FileAnswer f => new JsonObject
                {
                    ["files"] = new JsonArray(f.Files.Select(x => (JsonNode?)new JsonObject
                    {
                        ["contentType"] = x.ContentType,
                        ["fileName"] = x.FileName,
                        ["id"] = x.Id,
                        ["length"] = x.Length,
                    }).ToArray()),
                },
                _ => throw new ArgumentException($"Unknown answer kind {value.GetType().Name}.", nameof(answers)),
            };
        }

        return root;
    }

    private static Dictionary<string, AnswerValue> ReadObject(JsonObject root)
    {
        var answers = new Dictionary<string, AnswerValue>(StringComparer.Ordinal);
        foreach (var (key, node) in root)
        {
            answers[key] = node switch
            {
                JsonValue v when v.TryGetValue<string>(out var s) => new TextAnswer(s),
                JsonArray a => new ListAnswer(a.Select(x => x?.GetValue<string>() ?? "").ToList()),
                JsonObject o when o["items"] is JsonArray items => new GroupAnswer(items.Select(i => (IReadOnlyDictionary<string, AnswerValue>)ReadObject((JsonObject)i!)).ToList()),
                JsonObject o when o["files"] is JsonArray files => new FileAnswer(files.Select(f => new UploadedFile(
                    f!["id"]!.GetValue<string>(), f["fileName"]!.GetValue<string>(), f["contentType"]!.GetValue<string>(), f["length"]!.GetValue<long>())).ToList()),
                JsonObject o => new PartsAnswer(o.ToDictionary(x => x.Key, x => x.Value?.GetValue<string>() ?? "", StringComparer.Ordinal)),
                _ => throw new JsonException($"Answer '{key}' has an unknown shape."),
            };
        }

        return answers;
    }
}
