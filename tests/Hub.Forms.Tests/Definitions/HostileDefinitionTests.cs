using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hub.Forms.Contracts;
using Xunit.Abstractions;
using static Hub.Forms.Tests.TestForms;

namespace Hub.Forms.Tests.Definitions;

/// <summary>
/// Definitions arrive from other municipalities and from imports: the reader must answer every malformed one with
/// problems, never with an exception, and never accept one.
/// </summary>
public sealed class HostileDefinitionTests(ITestOutputHelper output)
{
    private static readonly string[] Markup =
    [
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\"><svg onload=alert(1)>", "javascript:alert(1)",
        "{{ 7*7 }}", "${7*7}", "<%= 7*7 %>", "'; DROP TABLE forms; --", "&lt;b&gt;", "\u202Eevil",
    ];

    /// <summary>Malformed definitions made from the Specialkost example, each with at least one certain defect.</summary>
    private static IEnumerable<(string Name, string Json)> Corpus()
    {
        var original = JsonNode.Parse(Specialkost)!;
        var nodes = Walk(original, "$").ToList();

        // Every value replaced by a value of another JSON kind: the format has no position that takes any kind.
        foreach (var (path, node) in nodes.Where(n => n.Path != "$"))
        {
            yield return ($"{path} → wrong kind", Mutate(original, path, _ => WrongKind(node)));
        }

        foreach (var (path, node) in nodes)
        {
            if (node is not JsonObject obj)
            {
                continue;
            }

            foreach (var required in new[] { "key", "type", "languages", "pages", "title", "elements", "options", "accept" }.Where(obj.ContainsKey))
            {
                yield return ($"{path}.{required} removed", Mutate(original, path, n => { ((JsonObject)n!).Remove(required); return n; }));
            }

            if (obj.ContainsKey("label") && obj["type"]?.GetValue<string>() is not ("info" or "stop"))
            {
                yield return ($"{path}.label removed", Mutate(original, path, n => { ((JsonObject)n!).Remove("label"); return n; }));
            }

            if (obj.ContainsKey("sv") && obj.ContainsKey("en"))
            {
                yield return ($"{path}.en removed", Mutate(original, path, n => { ((JsonObject)n!).Remove("en"); return n; }));
                yield return ($"{path} in an unclaimed language", Mutate(original, path, n => { ((JsonObject)n!)["de"] = "Text"; return n; }));
                yield return ($"{path} with markup as a language", Mutate(original, path, n => { ((JsonObject)n!)["<b>"] = "Text"; return n; }));
            }

            yield return ($"{path} with an event handler property", Mutate(original, path, n => { ((JsonObject)n!)["onclick"] = "alert(1)"; return n; }));

            if (obj.ContainsKey("type"))
            {
                foreach (var type in new[] { "script", "html", "TEXT", "", "<script>", "text ", "__proto__" })
                {
                    yield return ($"{path}.type = '{type}'", Mutate(original, path, n => { n!["type"] = type; return n; }));
                }
            }

            if (obj.ContainsKey("key"))
            {
                foreach (var key in new[] { "Key", "1a", "a b", "../etc", "<b>", "a_b", "", new string('a', 65), "å" })
                {
                    yield return ($"{path}.key = '{key}'", Mutate(original, path, n => { n!["key"] = key; return n; }));
                }
            }
        }

        // Duplicate keys: each element takes the key of the one before it.
        var elementPaths = nodes.Where(n => n.Node is JsonObject o && o.ContainsKey("type")).Select(n => n.Path).ToList();
        for (var i = 1; i < elementPaths.Count; i++)
        {
            var previous = Find(original, elementPaths[i - 1])!["key"]!.GetValue<string>();
            yield return ($"{elementPaths[i]} duplicates '{previous}'", Mutate(original, elementPaths[i], n => { n!["key"] = previous; return n; }));
        }

        // Markup is fine as text but never as structure.
        foreach (var markup in Markup)
        {
            yield return ($"markup as type: {markup}", Json($$"""{ "key": "a", "type": {{JsonSerializer.Serialize(markup)}}, "label": { "sv": "A", "en": "A" } }"""));
            yield return ($"markup as key: {markup}", Json(Question("a", "text", "").Replace("\"key\": \"a\"", "\"key\": " + JsonSerializer.Serialize(markup), StringComparison.Ordinal)));
            yield return ($"markup as option key: {markup}", Json(Question("a", "radio", $$""", "options": [{ "key": {{JsonSerializer.Serialize(markup)}}, "label": { "sv": "A", "en": "A" } }]""")));
            yield return ($"markup as condition: {markup}", Json(Question("a", "text") + "," + Question("b", "text", $$""", "visibleWhen": {{JsonSerializer.Serialize(markup)}} """)));
            yield return ($"markup as operator: {markup}", Json(Question("a", "text") + "," + Question("b", "text", $$""", "visibleWhen": { {{JsonSerializer.Serialize(markup)}}: ["a", "x"] } """)));
            yield return ($"markup as pattern: {markup}", Json(Question("a", "text", $$""", "pattern": {{JsonSerializer.Serialize(markup + "(?<=x)")}} """)));
        }
    }

    /// <summary>Broken at the level of JSON itself: syntax, size, depth, encoding.</summary>
    private static IEnumerable<(string Name, string Json)> BrokenJson()
    {
        var json = Specialkost;
        for (var cut = 0; cut < json.Length; cut += json.Length / 40)
        {
            yield return ($"truncated at {cut}", json[..cut]);
        }

        yield return ("deep arrays", new string('[', 100_000) + new string(']', 100_000));
        yield return ("deep objects", string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000));
        yield return ("deep conditions", Json(Question("a", "text") + "," + Question("b", "text",
            ", \"visibleWhen\": " + string.Concat(Enumerable.Repeat("{\"not\":", 40)) + "{\"empty\":\"a\"}" + new string('}', 40))));
        yield return ("deep groups", Json(string.Concat(Enumerable.Repeat("""{ "key": "g", "type": "repeatingGroup", "label": { "sv": "G", "en": "G" }, "elements": [""", 12))
            + Question("x", "text") + string.Concat(Enumerable.Repeat("] }", 12))));
        yield return ("huge string", Json(Question("a", "text", $$""", "hint": { "sv": "{{new string('x', 2_000_000)}}", "en": "x" }""")));
        yield return ("huge key", Json(Question(new string('a', 500_000), "text")));
        yield return ("many elements", Json(string.Join(",", Enumerable.Range(0, 5000).Select(i => "{\"key\":\"q" + i + "\",\"type\":\"info\",\"text\":{\"sv\":\"x\",\"en\":\"x\"}}"))));
        yield return ("many options", Json(Question("a", "radio", ", \"options\": [" + string.Join(",", Enumerable.Range(0, 600).Select(i => "{\"key\":\"o" + i + "\",\"label\":{\"sv\":\"x\",\"en\":\"x\"}}")) + "]")));
        yield return ("huge number", Json(Question("a", "number", ", \"min\": 1" + new string('0', 400))));
        yield return ("NaN", Json(Question("a", "number", ", \"min\": NaN")));
        yield return ("lone surrogate in a text", Json(Question("a", "text", """, "hint": { "sv": "\ud800", "en": "x" }""")));
        yield return ("lone surrogate in a name", Json(Question("a", "text", """, "\udc00": 1""")));
        yield return ("raw lone surrogate", Json(Question("a", "text", ", \"hint\": { \"sv\": \"\ud800\", \"en\": \"x\" }")));
        yield return ("NUL in a text", Json(Question("a", "text", """, "hint": { "sv": "a\u0000b", "en": "x" }""")));
        yield return ("single quotes", "{'key': 'a'}");
        yield return ("comments", "// form\n" + json);
        yield return ("trailing comma", json.TrimEnd().TrimEnd('}') + ",}");
        yield return ("two documents", json + json);
        yield return ("empty", "");
        yield return ("whitespace", "   \n\t ");
        yield return ("null", "null");
        yield return ("number", "42");
        yield return ("string", "\"form\"");
        yield return ("array", "[" + json + "]");
        yield return ("duplicate at root", json.Insert(json.IndexOf('{', StringComparison.Ordinal) + 1, "\"key\": \"other\","));

        var random = new Random(20260315);
        for (var i = 0; i < 60; i++)
        {
            var bytes = new byte[random.Next(1, 400)];
            random.NextBytes(bytes);
            yield return ($"random bytes #{i}", Encoding.Latin1.GetString(bytes));
        }

        var tokens = new[] { "{", "}", "[", "]", ",", ":", "\"key\"", "\"type\"", "\"text\"", "\"pages\"", "\"elements\"", "1", "true", "null", "\"sv\"" };
        for (var i = 0; i < 60; i++)
        {
            yield return ($"random tokens #{i}", string.Join("", Enumerable.Range(0, random.Next(1, 80)).Select(_ => tokens[random.Next(tokens.Length)])));
        }
    }

    [Fact]
    public void Corpus_is_large_enough_to_mean_something() => Assert.True(Corpus().Count() + BrokenJson().Count() >= 200);

    [Fact]
    public void Every_malformed_definition_is_refused_with_problems_and_never_throws() => AssertAllRefused(Corpus());

    [Fact]
    public void Every_broken_json_document_is_refused_with_problems_and_never_throws() => AssertAllRefused(BrokenJson());

    [Fact]
    public void Random_mutations_never_throw()
    {
        var random = new Random(42);
        var bytes = Encoding.UTF8.GetBytes(Specialkost);
        for (var i = 0; i < 300; i++)
        {
            var mutated = (byte[])bytes.Clone();
            for (var j = random.Next(1, 5); j > 0; j--)
            {
                mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
            }

            var result = FormDefinitionJson.Read(mutated);
            Assert.True(result.Succeeded || result.Problems.Count > 0);
        }
    }

    [Fact]
    public void Markup_and_script_in_every_text_are_accepted_verbatim_as_plain_text()
    {
        var form = JsonNode.Parse(Specialkost)!;
        var index = 0;
        foreach (var (_, node) in Walk(form, "$").ToList())
        {
            if (node is JsonObject { Count: 2 } text && text.ContainsKey("sv") && text.ContainsKey("en"))
            {
                text["sv"] = Markup[index++ % Markup.Length];
            }
        }

        var read = Read(form.ToJsonString());

        Assert.Equal(Markup[0], read.Pages[0].Title["sv"]);
        Assert.Equal(Markup[1], read.Pages[0].Elements[0].Text!["sv"]);
        Assert.Equal(Markup[2], read.Pages[0].Elements[1].Label!["sv"]);
        Assert.Equal(FormDefinitionJson.ComputeContentHash(read), FormDefinitionJson.ComputeContentHash(Read(FormDefinitionJson.WriteCanonical(read))));
    }

    private void AssertAllRefused(IEnumerable<(string Name, string Json)> cases)
    {
        var failures = new List<string>();
        var count = 0;
        foreach (var (name, json) in cases)
        {
            count++;
            try
            {
                var result = FormDefinitionJson.Read(json);
                if (result.Succeeded || result.Definition is not null || result.Problems.Count == 0)
                {
                    failures.Add($"{name}: accepted");
                }
                else if (result.Problems.Any(p => !p.Path.StartsWith('$') || string.IsNullOrWhiteSpace(p.Message) || p.Path.Length > 500))
                {
                    failures.Add($"{name}: a problem without a usable path or message: {result.Problems[0]}");
                }
            }
#pragma warning disable CA1031 // The point of the test is to catch any exception and name the input that caused it.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                failures.Add($"{name}: threw {exception.GetType().Name}: {exception.Message}");
            }
        }

        output.WriteLine($"{count} cases, {failures.Count} failed");
        Assert.True(failures.Count == 0, $"{failures.Count} of {count} cases failed:{Environment.NewLine}{string.Join(Environment.NewLine, failures.Take(30))}");
    }

    private static IEnumerable<(string Path, JsonNode? Node)> Walk(JsonNode? node, string path)
    {
        yield return (path, node);
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    foreach (var item in Walk(child, $"{path}.{name}"))
                    {
                        yield return item;
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var item in Walk(array[i], $"{path}[{i}]"))
                    {
                        yield return item;
                    }
                }

                break;
        }
    }

    private static JsonNode? Find(JsonNode root, string path) => Walk(root, "$").First(n => n.Path == path).Node;

    /// <summary>A copy of <paramref name="root"/> with the node at <paramref name="path"/> replaced.</summary>
    private static string Mutate(JsonNode root, string path, Func<JsonNode?, JsonNode?> change)
    {
        var copy = root.DeepClone();
        var target = Find(copy, path);
        var replacement = change(target);
        if (!ReferenceEquals(replacement, target))
        {
            var parent = target!.Parent;
            switch (parent)
            {
                case JsonObject obj:
                    obj[target.GetPropertyName()] = replacement;
                    break;
                case JsonArray array:
                    array[target.GetElementIndex()] = replacement;
                    break;
            }
        }

        return copy.ToJsonString();
    }

    private static JsonNode? WrongKind(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.String => JsonValue.Create(12345),
        JsonValueKind.Number => JsonValue.Create("12345"),
        JsonValueKind.True or JsonValueKind.False => JsonValue.Create("true"),
        JsonValueKind.Array => new JsonObject { ["0"] = "x" },
        JsonValueKind.Object => new JsonArray("x"),
        _ => JsonValue.Create(0),
    };
}
