using System.Text;
using System.Text.Json.Nodes;

namespace Hub.Packages.Tests.Packages;

/// <summary>
/// A generated corpus of malformed and hostile package files, by name: wrong types, huge strings, deep nesting,
/// duplicate keys, unknown field types, script and markup in texts, broken Liquid, broken workflow graphs, bad
/// routing conditions, bad adaptation policies and broken JSON. Every one must be refused.
/// </summary>
internal static class HostilePackages
{
    /// <summary>A Liquid list of 40 items to loop over (ranges are refused before anything runs).</summary>
    public const string Forty = "{% assign xs = 'a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a' | split: ',' %}";

    public static IReadOnlyDictionary<string, string> All { get; } = Build();

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var name in All.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    private static Dictionary<string, string> Build()
    {
        var corpus = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string name, Action<JsonObject> change) => corpus.Add(name, SamplePackages.FullWith(change));

        JsonObject Workflow(JsonObject n) => n["workflow"]!.AsObject();
        JsonObject State(JsonObject n, int i) => Workflow(n)["states"]![i]!.AsObject();
        JsonObject Transition(JsonObject n, int i) => Workflow(n)["transitions"]![i]!.AsObject();
        JsonObject Notification(JsonObject n, int i) => Workflow(n)["notifications"]![i]!.AsObject();
        JsonObject Element(JsonObject n, int i) => n["form"]!["pages"]![0]!["elements"]![i]!.AsObject();

        // Wrong types at the top level.
        var wrong = new (string Name, Func<JsonNode?> Value)[]
        {
            ("number", () => 1), ("text", () => "x"), ("true", () => true), ("null", () => null), ("list", () => new JsonArray()), ("object", () => new JsonObject()),
        };
        var valid = new HashSet<string> { "keywords/object", "documents/list", "adaptation/object", "formatVersion/number", "handlingDays/number" };
        foreach (var property in new[] { "formatVersion", "key", "version", "title", "summary", "description", "category", "keywords", "access", "handlingDays", "documents", "form", "workflow", "adaptation" })
        {
            foreach (var (kind, value) in wrong.Where(w => !valid.Contains($"{property}/{w.Name}")))
            {
                Add($"type/{property}/{kind}", n => n[property] = value());
            }
        }

        // Keys the studio's own addresses use.
        Add("key/studio-address-ny", n => n["key"] = "ny");
        Add("key/studio-address-importera", n => n["key"] = "importera");

        // Wrong types inside.
        Add("type/state-key-number", n => State(n, 0)["key"] = 5);
        Add("type/state-category-unknown", n => State(n, 0)["category"] = "archived");
        Add("type/state-label-text", n => State(n, 0)["label"] = "Mottagen");
        Add("type/state-initial-text", n => State(n, 0)["initial"] = "yes");
        Add("type/state-not-object", n => Workflow(n)["states"]![1] = "handling");
        Add("type/transition-from-text", n => Transition(n, 0)["from"] = "received");
        Add("type/transition-to-list", n => Transition(n, 0)["to"] = new JsonArray("handling"));
        Add("type/transition-roles-unknown", n => Transition(n, 0)["roles"] = new JsonArray("admin"));
        Add("type/transition-roles-empty", n => Transition(n, 0)["roles"] = new JsonArray());
        Add("type/transition-roles-twice", n => Transition(n, 0)["roles"] = new JsonArray("caseOfficer", "caseOfficer"));
        Add("type/sla-text", n => Workflow(n)["sla"] = "fast");
        Add("type/sla-days-zero", n => Workflow(n)["sla"]!["reminderDays"] = 0);
        Add("type/sla-days-fraction", n => Workflow(n)["sla"]!["reminderDays"] = 1.5);
        Add("type/sla-escalation-before-reminder", n => Workflow(n)["sla"]!["escalationDays"] = 10);
        Add("type/sla-empty", n => Workflow(n)["sla"] = new JsonObject());
        Add("type/recipient-unknown", n => Notification(n, 0)["recipient"] = "everyone");
        Add("type/default-group-bad", n => Workflow(n)["defaultGroup"] = "Bygg Lov");
        Add("type/document-kind-unknown", n => n["documents"]![0]!["kind"] = "manual");
        Add("type/document-url-http", n => n["documents"]![0]!["url"] = "http://docs.example/a.pdf");
        Add("type/document-url-javascript", n => n["documents"]![0]!["url"] = "javascript:alert(1)");
        Add("type/document-url-relative", n => n["documents"]![0]!["url"] = "/a.pdf");
        Add("type/handling-days-huge", n => n["handlingDays"] = 1e300);
        Add("type/handling-days-negative", n => n["handlingDays"] = -1);
        Add("type/keywords-number-list", n => n["keywords"]!["sv"] = new JsonArray(1, 2));
        Add("type/unknown-top-property", n => n["script"] = "alert(1)");
        Add("type/unknown-workflow-property", n => Workflow(n)["actions"] = new JsonArray());
        Add("type/unknown-state-property", n => State(n, 0)["onEnter"] = "alert(1)");
        Add("type/unknown-language", n => n["title"]!["fi"] = "Rakennuslupa");
        Add("type/missing-language", n => n["summary"]!.AsObject().Remove("en"));
        Add("type/format-version-2", n => n["formatVersion"] = 2);
        Add("type/format-version-text", n => n["formatVersion"] = "1");
        Add("type/format-version-fraction", n => n["formatVersion"] = 1.0001);

        // Huge strings.
        var huge = new string('a', 200_001);
        Add("huge/title", n => n["title"]!["sv"] = new string('a', 201));
        Add("huge/description", n => n["description"]!["sv"] = new string('a', 5_001));
        Add("huge/anywhere", n => n["title"]!["sv"] = huge);
        Add("huge/unknown-property", n => n["x"] = huge);
        Add("huge/state-label", n => State(n, 0)["label"]!["sv"] = new string('b', 1_000));
        Add("huge/subject", n => Notification(n, 0)["subject"]!["sv"] = new string('c', 201));
        Add("huge/body", n => Notification(n, 0)["body"]!["sv"] = new string('d', 10_001));
        Add("huge/url", n => n["documents"]![0]!["url"] = "https://docs.example/" + new string('e', 3_000));
        Add("huge/keyword", n => n["keywords"]!["sv"] = new JsonArray(new string('f', 101)));
        Add("huge/reason", n => n["adaptation"]!["locked"]![0]!["reason"]!["sv"] = new string('g', 501));
        Add("huge/key", n => n["key"] = new string('h', 65));
        Add("huge/many-states", n => Workflow(n)["states"] = new JsonArray([.. Enumerable.Range(0, 60).Select(i => (JsonNode)new JsonObject
        {
            ["key"] = $"s{i}", ["category"] = "inProgress", ["label"] = new JsonObject { ["sv"] = "S", ["en"] = "S" },
        })]));
        Add("huge/many-keywords", n => n["keywords"]!["sv"] = new JsonArray([.. Enumerable.Range(0, 51).Select(i => (JsonNode)$"ord{i}")]));
        Add("huge/long-list", n => n["x"] = new JsonArray([.. Enumerable.Range(0, 2_500).Select(i => (JsonNode)i)]));
        corpus.Add("huge/three-megabytes", SamplePackages.Full().Replace("\"handlingDays\": 28", "\"handlingDays\": 28, \"pad\": \"" + new string(' ', 3 * 1024 * 1024) + "\"", StringComparison.Ordinal));

        // Deep nesting.
        JsonNode Nested(int depth) => depth == 0 ? 1 : new JsonArray(Nested(depth - 1));
        Add("deep/top-level-50", n => n["x"] = Nested(50));
        Add("deep/in-workflow", n => Workflow(n)["x"] = Nested(45));
        Add("deep/in-form", n => n["form"]!["x"] = Nested(38));
        Add("deep/routing-condition", n => Workflow(n)["routing"]![0]!["when"] = Enumerable.Range(0, 20).Aggregate((JsonNode)new JsonObject { ["notEmpty"] = "area" }, (c, _) => new JsonObject { ["not"] = c }));
        corpus.Add("deep/ten-thousand", SamplePackages.Full().Replace("\"handlingDays\": 28", "\"handlingDays\": 28, \"x\": " + new string('[', 10_000) + new string(']', 10_000), StringComparison.Ordinal));
        corpus.Add("deep/unclosed", new string('{', 5_000));

        // Duplicate keys (JSON properties and element keys).
        corpus.Add("duplicate/top-level-key", SamplePackages.Full().Replace("\"version\": \"1.0.0\",", "\"version\": \"1.0.0\", \"version\": \"2.0.0\",", StringComparison.Ordinal));
        corpus.Add("duplicate/in-state", SamplePackages.Full().Replace("\"key\": \"handling\",", "\"key\": \"handling\", \"key\": \"other\",", StringComparison.Ordinal));
        corpus.Add("duplicate/in-text", SamplePackages.Full().Replace("\"sv\": \"Ansökan om bygglov\",", "\"sv\": \"Ansökan om bygglov\", \"sv\": \"<script>\",", StringComparison.Ordinal));
        corpus.Add("duplicate/in-workflow", SamplePackages.Full().Replace("\"defaultGroup\": \"bygglov\",", "\"defaultGroup\": \"bygglov\", \"defaultGroup\": \"x\",", StringComparison.Ordinal));
        Add("duplicate/state-key", n => State(n, 1)["key"] = "received");
        Add("duplicate/transition-key", n => Transition(n, 1)["key"] = "start");
        Add("duplicate/routing-key", n => Workflow(n)["routing"]![1]!["key"] = "large");
        Add("duplicate/notification-key", n => Notification(n, 1)["key"] = "received");
        Add("duplicate/element-key", n => Element(n, 1)["key"] = "kind");
        Add("duplicate/option-key", n => Element(n, 0)["options"]![1]!["key"] = "house");
        Add("duplicate/adaptation-ref", n => n["adaptation"]!["changeable"]!.AsArray().Add("routing:large"));
        Add("duplicate/ref-changeable-and-locked", n => n["adaptation"]!["changeable"]!.AsArray().Add("element:owner"));
        Add("duplicate/from-state", n => Transition(n, 3)["from"] = new JsonArray("received", "received"));

        // Unknown field types.
        foreach (var type in new[] { "html", "script", "iframe", "Text", "", "richText", "javascript" })
        {
            Add($"field-type/{(type.Length == 0 ? "empty" : type)}", n => Element(n, 1)["type"] = type);
        }

        Add("field-type/number", n => Element(n, 1)["type"] = 3);
        Add("field-type/missing", n => Element(n, 1).Remove("type"));

        // Script and markup in texts (refused on import).
        var payloads = new Dictionary<string, string>
        {
            ["script"] = "<script>alert(1)</script>",
            ["img-onerror"] = "Bild <img src=x onerror=alert(1)>",
            ["javascript-link"] = "<a href=\"javascript:alert(1)\">Läs</a>",
            ["comment"] = "Text <!-- dold -->",
            ["javascript-url"] = "Gå till javascript:alert(1)",
            ["closing-tag"] = "</textarea><svg onload=alert(1)>",
        };
        var places = new Dictionary<string, Func<JsonObject, (JsonObject Parent, string Name)>>
        {
            ["title"] = n => (n["title"]!.AsObject(), "sv"),
            ["summary"] = n => (n["summary"]!.AsObject(), "en"),
            ["description"] = n => (n["description"]!.AsObject(), "sv"),
            ["page-title"] = n => (n["form"]!["pages"]![0]!["title"]!.AsObject(), "sv"),
            ["label"] = n => (Element(n, 0)["label"]!.AsObject(), "sv"),
            ["hint"] = n => (Element(n, 1)["hint"]!.AsObject(), "en"),
            ["option"] = n => (Element(n, 0)["options"]![0]!["label"]!.AsObject(), "sv"),
            ["state-label"] = n => (State(n, 1)["label"]!.AsObject(), "sv"),
            ["transition-label"] = n => (Transition(n, 0)["label"]!.AsObject(), "sv"),
            ["locked-reason"] = n => (n["adaptation"]!["locked"]![0]!["reason"]!.AsObject(), "sv"),
            ["document-title"] = n => (n["documents"]![0]!["title"]!.AsObject(), "sv"),
            ["subject"] = n => (Notification(n, 0)["subject"]!.AsObject(), "sv"),
            ["body"] = n => (Notification(n, 0)["body"]!.AsObject(), "en"),
        };
        foreach (var (place, locate) in places)
        {
            foreach (var (payload, text) in payloads)
            {
                Add($"markup/{place}/{payload}", n =>
                {
                    var (parent, name) = locate(n);
                    parent[name] = text;
                });
            }
        }

        Add("markup/keyword", n => n["keywords"]!["sv"] = new JsonArray("<script>"));
        Add("markup/control-character", n => n["title"]!["sv"] = "Bygglov\u0007");
        Add("markup/line-break-in-label", n => State(n, 0)["label"]!["sv"] = "Mot\ntagen");

        // Broken or hostile Liquid.
        var liquid = new Dictionary<string, string>
        {
            ["unclosed-output"] = "Ärende {{ case.number",
            ["unclosed-if"] = "{% if case.number %}Hej",
            ["unknown-tag"] = "{% exec 'rm -rf /' %}",
            ["unclosed-for"] = "{% for x in (1..3) %}x",
            ["unknown-filter"] = "{{ case.number | nofilter }}",
            ["json-filter"] = "{{ case | json }}",
            ["include"] = "{% include 'secrets' %}",
            ["render"] = "{% render '../appsettings' %}",
            ["range"] = "{% for i in (1..1000000) %}{{ i }}{% endfor %}",
            ["endless-loop"] = Forty + "{% for a in xs %}{% for b in xs %}{% for c in xs %}x{% endfor %}{% endfor %}{% endfor %}",
            ["doubling"] = "{% assign s = 'aaaaaaaaaa' %}" + Forty + "{% for i in xs %}{% assign s = s | append: s %}{% endfor %}{{ s | size }}",
            ["replace-bomb"] = "{% assign s = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' %}" + Forty + "{% for i in xs %}{% assign s = s | replace: 'a', s %}{% endfor %}{{ s | size }}",
            ["bad-expression"] = "{{ case.number | append: }}",
        };
        foreach (var (name, source) in liquid)
        {
            Add($"liquid/body/{name}", n => Notification(n, 1)["body"]!["sv"] = source);
            Add($"liquid/subject/{name}", n => Notification(n, 0)["subject"]!["en"] = source.Replace('\n', ' '));
        }

        // Broken workflow graphs.
        Add("graph/no-initial", n => State(n, 0).Remove("initial"));
        Add("graph/two-initial", n => State(n, 1)["initial"] = true);
        Add("graph/initial-closed", n => { State(n, 0).Remove("initial"); State(n, 3)["initial"] = true; });
        Add("graph/no-closed", n => State(n, 3)["category"] = "decided");
        Add("graph/unreachable", n => Workflow(n)["states"]!.AsArray().Add(new JsonObject
        {
            ["key"] = "limbo", ["category"] = "inProgress", ["label"] = new JsonObject { ["sv"] = "L", ["en"] = "L" },
        }));
        Add("graph/never-closed", n =>
        {
            Workflow(n)["states"]!.AsArray().Add(new JsonObject
            {
                ["key"] = "parked", ["category"] = "waitingForCitizen", ["label"] = new JsonObject { ["sv"] = "P", ["en"] = "P" },
            });
            Workflow(n)["transitions"]!.AsArray().Add(new JsonObject
            {
                ["key"] = "park", ["from"] = new JsonArray("received"), ["to"] = "parked", ["roles"] = new JsonArray("caseOfficer"),
                ["label"] = new JsonObject { ["sv"] = "P", ["en"] = "P" },
            });
        });
        Add("graph/to-unknown", n => Transition(n, 0)["to"] = "nowhere");
        Add("graph/from-unknown", n => Transition(n, 0)["from"] = new JsonArray("nowhere"));
        Add("graph/self-loop", n => Transition(n, 0)["to"] = "received");
        Add("graph/no-states", n => Workflow(n)["states"] = new JsonArray());
        Add("graph/no-transitions", n => Workflow(n)["transitions"] = new JsonArray());
        Add("graph/missing-states", n => Workflow(n).Remove("states"));
        Add("graph/missing-transitions", n => Workflow(n).Remove("transitions"));
        Add("graph/notification-unknown-state", n => Notification(n, 0)["state"] = "nowhere");
        Add("graph/bad-state-key", n => State(n, 1)["key"] = "Handling!");

        // Bad routing conditions.
        Add("routing/unknown-question", n => Workflow(n)["routing"]![0]!["when"] = JsonNode.Parse("""{ "eq": ["nothing", 1] }"""));
        Add("routing/unknown-operator", n => Workflow(n)["routing"]![0]!["when"] = JsonNode.Parse("""{ "eval": "process.exit()" }"""));
        Add("routing/two-operators", n => Workflow(n)["routing"]![0]!["when"] = JsonNode.Parse("""{ "eq": ["kind", "house"], "gt": ["area", 1] }"""));
        Add("routing/empty", n => Workflow(n)["routing"]![0]!["when"] = new JsonObject());
        Add("routing/text", n => Workflow(n)["routing"]![0]!["when"] = "area > 250");
        Add("routing/option-unknown", n => Workflow(n)["routing"]![1]!["when"] = JsonNode.Parse("""{ "eq": ["kind", "castle"] }"""));
        Add("routing/compare-text-question", n => Workflow(n)["routing"]![0]!["when"] = JsonNode.Parse("""{ "gt": ["kind", 3] }"""));
        Add("routing/missing-when", n => Workflow(n)["routing"]![0]!.AsObject().Remove("when"));
        Add("routing/bad-group", n => Workflow(n)["routing"]![0]!["group"] = "<script>");
        Add("routing/missing-group", n => Workflow(n)["routing"]![0]!.AsObject().Remove("group"));
        Add("routing/not-a-list", n => Workflow(n)["routing"] = new JsonObject());
        Add("routing/age-on-number", n => Workflow(n)["routing"]![0]!["when"] = JsonNode.Parse("""{ "ageUnder": ["area", 16] }"""));

        // Bad adaptation policies.
        Add("adaptation/unknown-element", n => n["adaptation"]!["changeable"]!.AsArray().Add("element:nothing"));
        Add("adaptation/unknown-kind", n => n["adaptation"]!["changeable"]!.AsArray().Add("widget:kind"));
        Add("adaptation/no-kind", n => n["adaptation"]!["changeable"]!.AsArray().Add("kind"));
        Add("adaptation/bad-key", n => n["adaptation"]!["changeable"]!.AsArray().Add("element:Kind"));
        Add("adaptation/unknown-state", n => n["adaptation"]!["changeable"]!.AsArray().Add("state:archived"));
        Add("adaptation/unknown-text", n => n["adaptation"]!["changeable"]!.AsArray().Add("text:footer"));
        Add("adaptation/locked-no-reason", n => n["adaptation"]!["locked"]![0]!.AsObject().Remove("reason"));
        Add("adaptation/locked-reason-missing-language", n => n["adaptation"]!["locked"]![0]!["reason"]!.AsObject().Remove("en"));
        Add("adaptation/locked-no-ref", n => n["adaptation"]!["locked"]![0]!.AsObject().Remove("ref"));
        Add("adaptation/locked-text", n => n["adaptation"]!["locked"] = new JsonArray("element:owner"));
        Add("adaptation/default-maybe", n => n["adaptation"]!["default"] = "maybe");
        Add("adaptation/changeable-text", n => n["adaptation"]!["changeable"] = "everything");
        Add("adaptation/unknown-property", n => n["adaptation"]!["owner"] = "tyreso");

        // Not JSON, or not a package.
        var broken = new Dictionary<string, string>
        {
            ["empty"] = "",
            ["whitespace"] = "   ",
            ["list"] = "[]",
            ["text"] = "\"package\"",
            ["number"] = "1",
            ["null"] = "null",
            ["trailing-comma"] = SamplePackages.Full().Replace("\"handlingDays\": 28", "\"handlingDays\": 28,,", StringComparison.Ordinal),
            ["comment"] = "// a package\n" + SamplePackages.Full(),
            ["truncated"] = SamplePackages.Full()[..500],
            ["lone-surrogate-escape"] = SamplePackages.Full().Replace("Ansökan om bygglov", "Ans\\ud800kan", StringComparison.Ordinal),
            ["lone-surrogate-name"] = SamplePackages.Full().Replace("\"handlingDays\": 28", "\"handlingDays\": 28, \"\\udc00\": 1", StringComparison.Ordinal),
            ["lone-surrogate-char"] = SamplePackages.Full().Replace("Ansökan om bygglov", "Ans\ud800kan", StringComparison.Ordinal),
            ["nul"] = SamplePackages.Full().Replace("Ansökan om bygglov", "Ansökan\\u0000", StringComparison.Ordinal),
            ["two-documents"] = SamplePackages.Full() + SamplePackages.Full(),
            ["xml"] = "<?xml version=\"1.0\"?><package/>",
            ["html"] = "<html><script>alert(1)</script></html>",
            ["single-quotes"] = "{ 'key': 'x' }",
            ["nan"] = SamplePackages.Full().Replace("\"handlingDays\": 28", "\"handlingDays\": NaN", StringComparison.Ordinal),
            ["binary"] = Encoding.Latin1.GetString([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]),
        };
        foreach (var (name, json) in broken)
        {
            corpus.Add($"json/{name}", json);
        }

        return corpus;
    }
}
