using System.Text.Json;
using System.Text.Json.Nodes;
using Hub.Catalog.Recipes;
using Hub.Catalog.Studio;
using Hub.Forms.Contracts;
using Hub.Packages.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Catalog.Pages.Studio;

/// <summary>
/// What the workflow editor's pages share: the draft's workflow (typed for showing, JSON for editing; a draft without
/// one edits <see cref="ServiceWorkflow.Default"/>), and one item of a list (a state, transition, routing rule or
/// notification) added with a key that never changes, or edited by it. Saving is the studio's strict save. Item pages
/// bind <c>key</c> from the route only (<c>[FromRoute]</c>): a new item's posted key field has the same name.
/// </summary>
internal abstract class WorkflowPage(StudioPageServices services) : StudioPage(services)
{
    public ServiceWorkflow Workflow { get; private set; } = null!;

    /// <summary>The key of the item being edited; null while one is added.</summary>
    public string? ItemKey { get; private set; }

    public bool IsNew => ItemKey is null;

    /// <summary>The stored JSON of the item being edited (a copy), or null for a new one.</summary>
    protected JsonObject? StoredItem => ItemKey is null ? null : Find(WorkflowNode(Document.Clone()), ItemKey)?.Item;

    /// <summary>The list of the workflow JSON this page edits: <c>states</c>, <c>transitions</c>, <c>routing</c> or <c>notifications</c>.</summary>
    protected virtual string List => "";

    /// <summary>The kind of the quality gate's references to this page's items (<c>state:…</c>, …).</summary>
    public string ReferenceKind => List switch
    {
        "states" => "state",
        "transitions" => "transition",
        "notifications" => "notification",
        _ => "routing",
    };

    public string WorkflowUrl(string path = "") => StudioUrl("/arbetsflode" + path);

    public string StateLabel(string key) => Workflow.FindState(key) is { } state ? Text(state.Label) : key;

    public string Text(LocalizedText text) => text.Pick(Language, Document.Languages[0]).Text;

    public IReadOnlyList<(string Value, string Text)> StateOptions => [.. Workflow.States.Select(s => (s.Key, $"{Text(s.Label)} ({s.Key})"))];

    public static string CategoryName(WorkflowStateCategory category) => JsonNamingPolicy.CamelCase.ConvertName(category.ToString());

    protected async Task<IActionResult?> LoadWorkflowAsync(string service, CancellationToken cancellationToken)
    {
        if (await LoadAsync(service, cancellationToken) is { } result)
        {
            return result;
        }

        Workflow = Check.Package?.EffectiveWorkflow ?? ServiceWorkflow.Default(Document.Languages);
        return null;
    }

    /// <summary>Loads the draft and the item <paramref name="key"/> of <see cref="List"/> (404 when there is none), or nothing for a new one.</summary>
    protected async Task<IActionResult?> LoadItemAsync(string service, string? key, CancellationToken cancellationToken)
    {
        if (await LoadWorkflowAsync(service, cancellationToken) is { } result)
        {
            return result;
        }

        if (key is not null && Find(WorkflowNode(Document.Clone()), key) is null)
        {
            return NotFound();
        }

        ItemKey = key;
        return null;
    }

    /// <summary>The workflow JSON of <paramref name="document"/>, written from the default into it when the draft has none yet.</summary>
    protected static JsonObject WorkflowNode(DraftDocument document)
    {
        if (document.Root["workflow"] is not JsonObject workflow)
        {
            workflow = WorkflowJson.Write(ServiceWorkflow.Default(document.Languages));
            document.Root["workflow"] = workflow;
        }

        return workflow;
    }

    protected static JsonArray ListOf(JsonObject workflow, string name)
    {
        if (workflow[name] is not JsonArray list)
        {
            list = [];
            workflow[name] = list;
        }

        return list;
    }

    protected (JsonObject Item, int Index)? Find(JsonObject workflow, string key)
    {
        var list = ListOf(workflow, List);
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is JsonObject item && (string?)item["key"] == key)
            {
                return (item, i);
            }
        }

        return null;
    }

    /// <summary>
    /// The item to edit in <paramref name="document"/>: the one being edited, or a new one with the posted key
    /// (added at the end); null, with the error next to the key field, when the key is not valid or taken.
    /// </summary>
    private (JsonObject Item, int Index)? Target(DraftDocument document)
    {
        var workflow = WorkflowNode(document);
        if (ItemKey is not null)
        {
            return Find(workflow, ItemKey);
        }

        var key = Request.Form["key"].ToString().Trim();
        if (!ServiceKeys.IsValid(key))
        {
            ModelState.AddModelError("key", Texts["Error.Key"]);
            return null;
        }

        if (Find(workflow, key) is not null)
        {
            ModelState.AddModelError("key", Texts["Error.ElementKeyTaken", key]);
            return null;
        }

        var list = ListOf(workflow, List);
        var item = new JsonObject { ["key"] = key };
        list.Add(item);
        return (item, list.Count - 1);
    }

    /// <summary>
    /// The post of an item page: the item (or a new one with the posted key) changed by <paramref name="apply"/>, and
    /// saved unless that found an error; problems of the reader under its path go next to their fields.
    /// </summary>
    protected async Task<IActionResult> SaveItemAsync(string service, string? key, string anchor, Action<JsonObject, DraftDocument> apply, CancellationToken cancellationToken)
    {
        if (await LoadItemAsync(service, key, cancellationToken) is { } result)
        {
            return result;
        }

        KeepPosted();
        var document = Document.Clone();
        if (Target(document) is not var (item, index))
        {
            return Page();
        }

        apply(item, document);
        if (ModelState.ErrorCount > 0)
        {
            return Page();
        }

        var saved = (string)item["key"]!;
        return await SaveAsync(document, $"$.workflow.{List}[{index}]", saved, WorkflowUrl() + $"#{anchor}-{saved}", cancellationToken);
    }

    /// <summary>The values checked in a group of checkboxes, as shown (<see cref="StudioPage.Values"/> holds them comma-separated).</summary>
    public IReadOnlyCollection<string> Checked(string name) => Value(name)?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [];

    /// <summary>The values of a posted group of checkboxes.</summary>
    protected JsonArray Posted(string name) =>
        new([.. Request.Form[name].Where(v => !string.IsNullOrEmpty(v)).Select(v => (JsonNode?)JsonValue.Create(v))]);

    protected static IEnumerable<string> Strings(JsonNode? list) => (list as JsonArray ?? []).Select(v => (string?)v ?? "");
}
