using System.Globalization;
using System.Text.Json.Nodes;
using Hub.Catalog.Studio;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Catalog.Pages.Studio;

/// <summary>
/// <c>/admin/e-tjanster/{service}/arbetsflode</c>: the draft's workflow at a glance: its states, transitions, routing
/// rules (in the order they are tried: move up and down) and notifications, each edited on its own page; the initial
/// state, the default group and the SLA marks edited here. Removing a state something still uses is refused with
/// what uses it.
/// </summary>
internal sealed class WorkflowModel(StudioPageServices services) : WorkflowPage(services)
{
    private static readonly string[] Lists = ["states", "transitions", "routing", "notifications"];

    public async Task<IActionResult> OnGetAsync(string service, CancellationToken cancellationToken)
    {
        if (await LoadWorkflowAsync(service, cancellationToken) is { } result)
        {
            return result;
        }

        ShowGeneral();
        return Page();
    }

    public async Task<IActionResult> OnPostGeneralAsync(string service, CancellationToken cancellationToken)
    {
        if (await LoadWorkflowAsync(service, cancellationToken) is { } result)
        {
            return result;
        }

        KeepPosted();
        var document = Document.Clone();
        var workflow = WorkflowNode(document);
        var initial = Request.Form["initial"].ToString();
        foreach (var state in ListOf(workflow, "states").OfType<JsonObject>())
        {
            if ((string?)state["key"] == initial)
            {
                state["initial"] = true;
            }
            else
            {
                state.Remove("initial");
            }
        }

        var group = Request.Form["defaultGroup"].ToString().Trim();
        if (group.Length == 0)
        {
            workflow.Remove("defaultGroup");
        }
        else
        {
            workflow["defaultGroup"] = group;
        }

        var sla = new JsonObject();
        foreach (var name in new[] { "reminderDays", "escalationDays" })
        {
            var text = Request.Form["sla." + name].ToString().Trim();
            if (text.Length == 0)
            {
                continue;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var days))
            {
                sla[name] = days;
            }
            else
            {
                ModelState.AddModelError("sla." + name, Texts["Error.WholeNumber"]);
            }
        }

        if (sla.Count == 0)
        {
            workflow.Remove("sla");
        }
        else
        {
            workflow["sla"] = sla;
        }

        if (ModelState.ErrorCount > 0)
        {
            return Page();
        }

        return await SaveAsync(document, "$.workflow", Texts["Workflow.GeneralSaved"], WorkflowUrl() + "#allmant", cancellationToken);
    }

    /// <summary>Moves (routing rules: their order is the order they are tried) or removes one item.</summary>
    public async Task<IActionResult> OnPostItemAsync(string service, string? list, string? key, string? op, CancellationToken cancellationToken)
    {
        if (await LoadWorkflowAsync(service, cancellationToken) is { } result)
        {
            return result;
        }

        ShowGeneral();
        var document = Document.Clone();
        var workflow = WorkflowNode(document);
        if (list is null || key is null || !Lists.Contains(list) || ListOf(workflow, list) is not { } items
            || items.Select((item, i) => (item, i)).FirstOrDefault(x => (string?)x.item?["key"] == key) is not ({ } found, var index))
        {
            return NotFound();
        }

        if (op == "remove" && list == "states" && StateInUse(workflow, key) is { } use)
        {
            ModelState.AddModelError("", use);
            return Page();
        }

        var changed = op switch
        {
            "remove" => items.Remove(found),
            "up" or "down" when list == "routing" => DraftDocument.Move(items, index, op == "up" ? -1 : 1),
            _ => false,
        };
        if (!changed)
        {
            return BadRequest();
        }

        return await SaveAsync(document, "$.workflow", Texts["Saved." + op, key], WorkflowUrl() + "#" + list, cancellationToken);
    }

    /// <summary>Why a state cannot be removed: the initial state, or named by transitions or notifications; null when it can.</summary>
    private string? StateInUse(JsonObject workflow, string key)
    {
        if (ListOf(workflow, "states").OfType<JsonObject>().Any(s => (string?)s["key"] == key && (bool?)s["initial"] == true))
        {
            return Texts["Workflow.StateIsInitial", StateLabel(key)].Value;
        }

        var users = ListOf(workflow, "transitions").OfType<JsonObject>()
            .Where(t => (string?)t["to"] == key || Strings(t["from"]).Contains(key))
            .Select(t => Texts["Workflow.UsedByTransition", (string?)t["key"] ?? ""].Value)
            .Concat(ListOf(workflow, "notifications").OfType<JsonObject>().Where(n => (string?)n["state"] == key)
                .Select(n => Texts["Workflow.UsedByNotification", (string?)n["key"] ?? ""].Value))
            .ToList();
        return users.Count == 0 ? null : Texts["Workflow.StateInUse", StateLabel(key), string.Join(", ", users)].Value;
    }

    private void ShowGeneral()
    {
        Values["initial"] = Workflow.Initial.Key;
        Values["defaultGroup"] = Workflow.DefaultGroup;
        Values["sla.reminderDays"] = Workflow.Sla?.ReminderDays?.ToString(CultureInfo.InvariantCulture);
        Values["sla.escalationDays"] = Workflow.Sla?.EscalationDays?.ToString(CultureInfo.InvariantCulture);
    }
}
