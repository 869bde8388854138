using System.Text.Json.Nodes;

namespace Hub.Packages.Tests.Packages;

/// <summary>Package files for the tests: the demo services and a complete package using every part of the format.</summary>
internal static class SamplePackages
{
    /// <summary><c>recipes/services</c> of the repository the tests run in (found by its <c>Hub.sln</c>), read in place.</summary>
    public static string ServicesFolder { get; } = Path.Combine(
        AncestorsOf(AppContext.BaseDirectory).FirstOrDefault(d => File.Exists(Path.Combine(d, "Hub.sln")))
            ?? throw new InvalidOperationException("Hub.sln not found above the test binaries."),
        "recipes",
        "services");

    /// <summary>Keys of the demo services (<c>recipes/services/*.service.json</c>), sorted.</summary>
    public static IReadOnlyList<string> DemoKeys { get; } =
        [.. Directory.GetFiles(ServicesFolder, "*.service.json").Select(f => Path.GetFileName(f)[..^".service.json".Length]).Order(StringComparer.Ordinal)];

    public static string Demo(string key) => File.ReadAllText(Path.Combine(ServicesFolder, key + ".service.json"));

    /// <summary>A small package with a workflow, routing, SLA, notifications, documents and an adaptation policy.</summary>
    public static string Full(string key = "bygglov-test", string version = "1.0.0") => $$$"""
        {
          "formatVersion": 1,
          "key": "{{{key}}}",
          "version": "{{{version}}}",
          "title": { "sv": "Ansökan om bygglov", "en": "Building permit application" },
          "summary": { "sv": "Sök bygglov för att bygga nytt.", "en": "Apply for a permit to build." },
          "description": { "sv": "Här söker du bygglov.\n\nDet tar tio minuter.", "en": "Apply for a building permit here.\n\nIt takes ten minutes." },
          "category": "bygga-bo-och-miljo",
          "keywords": { "sv": ["bygglov"], "en": ["permit"] },
          "access": "login",
          "handlingDays": 28,
          "documents": [
            { "kind": "processDescription", "title": { "sv": "Processbeskrivning", "en": "Process description" }, "url": "https://docs.example/bygglov/process.pdf" }
          ],
          "form": {
            "key": "{{{key}}}",
            "languages": ["sv", "en"],
            "pages": [
              { "key": "atgard", "title": { "sv": "Åtgärd", "en": "Work" }, "elements": [
                { "key": "kind", "type": "radio", "label": { "sv": "Vad vill du bygga?", "en": "What do you want to build?" }, "required": true,
                  "options": [
                    { "key": "house", "label": { "sv": "Ett hus", "en": "A house" } },
                    { "key": "garage", "label": { "sv": "Ett garage", "en": "A garage" } } ] },
                { "key": "area", "type": "number", "label": { "sv": "Byggnadsarea", "en": "Building area" },
                  "hint": { "sv": "I kvadratmeter", "en": "In square metres" }, "min": 1 },
                { "key": "owner", "type": "personnummer", "label": { "sv": "Fastighetsägarens personnummer", "en": "The owner's personal identity number" }, "required": true }
              ] }
            ]
          },
          "workflow": {
            "states": [
              { "key": "received", "category": "submitted", "label": { "sv": "Mottagen", "en": "Received" }, "initial": true },
              { "key": "handling", "category": "inProgress", "label": { "sv": "Handläggs", "en": "Being handled" } },
              { "key": "decided", "category": "decided", "label": { "sv": "Beslutad", "en": "Decided" } },
              { "key": "closed", "category": "closed", "label": { "sv": "Avslutad", "en": "Closed" } }
            ],
            "transitions": [
              { "key": "start", "from": ["received"], "to": "handling", "label": { "sv": "Påbörja", "en": "Start" }, "roles": ["caseOfficer"] },
              { "key": "decide", "from": ["handling"], "to": "decided", "label": { "sv": "Besluta", "en": "Decide" }, "roles": ["caseOfficer", "serviceOwner"] },
              { "key": "close", "from": ["decided"], "to": "closed", "label": { "sv": "Avsluta", "en": "Close" }, "roles": ["caseOfficer"] },
              { "key": "withdraw", "from": ["received", "handling"], "to": "closed", "label": { "sv": "Återkalla", "en": "Withdraw" }, "roles": ["citizen"] }
            ],
            "routing": [
              { "key": "large", "when": { "gt": ["area", 250] }, "group": "stora-projekt" },
              { "key": "garage", "when": { "eq": ["kind", "garage"] }, "group": "smahus" }
            ],
            "defaultGroup": "bygglov",
            "sla": { "reminderDays": 21, "escalationDays": 28 },
            "notifications": [
              { "key": "received", "state": "received", "recipient": "citizen",
                "subject": { "sv": "Vi har tagit emot ärende {{ case.number }}", "en": "We have received case {{ case.number }}" },
                "body": { "sv": "Hej {{ citizen.name | default: \"du\" }}!\n\nDu kan följa ärendet på {{ case.link }}.", "en": "Hello!\n\nFollow your case at {{ case.link }}." } },
              { "key": "escalated", "state": "handling", "recipient": "handlingGroup",
                "subject": { "sv": "Ärende {{ case.number }} påbörjat", "en": "Case {{ case.number }} started" },
                "body": { "sv": "{% if case.expected %}Klart senast {{ case.expected }}.{% endif %}", "en": "{% if case.expected %}Due {{ case.expected }}.{% endif %}" } }
            ]
          },
          "adaptation": {
            "default": "locked",
            "changeable": ["text:description", "routing:large", "routing:garage", "notification:received"],
            "locked": [
              { "ref": "element:owner", "reason": { "sv": "Krävs enligt plan- och bygglagen", "en": "Required by the Planning and Building Act" } }
            ]
          }
        }
        """;

    /// <summary><see cref="Full"/> with one change made to its JSON.</summary>
    public static string FullWith(Action<JsonObject> change, string key = "bygglov-test")
    {
        var node = JsonNode.Parse(Full(key))!.AsObject();
        change(node);
        return node.ToJsonString();
    }

    private static IEnumerable<string> AncestorsOf(string path)
    {
        for (var directory = new DirectoryInfo(path); directory is not null; directory = directory.Parent)
        {
            yield return directory.FullName;
        }
    }
}
