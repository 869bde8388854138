using System.Text.Json;
using System.Text.Json.Nodes;
using Hub.Forms.Contracts;

namespace Hub.Packages.Contracts;

/// <summary>
/// Reads and writes a package's <c>workflow</c>, and checks it as a whole: states and transitions form a graph with
/// one initial state from which every state can be reached and every case can be closed; routing conditions read
/// the form's questions; notification templates parse and render within the sandbox's limits.
/// </summary>
public static class WorkflowJson
{
    public const int MaxStates = 50;
    public const int MaxTransitions = 200;
    public const int MaxRoutingRules = 100;
    public const int MaxNotifications = 50;
    public const int MaxSubjectLength = 200;
    public const int MaxBodyLength = 10_000;

    private static readonly string[] Properties = ["states", "transitions", "routing", "defaultGroup", "sla", "notifications"];

    private static readonly IReadOnlyList<string> Categories =
        ["submitted", "inProgress", "waitingForCitizen", "waitingForSignature", "waitingForPayment", "decided", "closed"];

    private static readonly IReadOnlyList<string> Recipients = ["citizen", "handlingGroup"];

    internal static ServiceWorkflow? Read(JsonElement element, FormDefinition? form, PackageReader reader)
    {
        const string path = "$.workflow";
        if (!reader.Object(element, path, Properties))
        {
            return null;
        }

        var before = reader.Problems.Count;
        var states = ReadStates(element, reader);
        var stateKeys = states?.Select(s => s.Key).ToHashSet(StringComparer.Ordinal) ?? [];
        var transitions = ReadTransitions(element, stateKeys, states is not null, reader);
        var routing = ReadRouting(element, form, reader);
        string? defaultGroup = null;
        if (element.TryGetProperty("defaultGroup", out _))
        {
            defaultGroup = reader.Key(element, "defaultGroup", path);
        }

        var sla = element.TryGetProperty("sla", out var slaElement) ? ReadSla(slaElement, reader) : null;
        var notifications = ReadNotifications(element, stateKeys, states is not null, reader);
        if (states is not null && transitions is not null && reader.CheckWorkflowGraph)
        {
            foreach (var gap in GraphGaps(states, transitions))
            {
                reader.Add($"$.workflow.states[{gap.Index}]", gap.Unreachable
                    ? $"'{gap.Key}' cannot be reached from the initial state"
                    : $"a case in '{gap.Key}' can never be closed: no transitions lead from it to a closed state");
            }
        }

        return reader.Problems.Count > before
            ? null
            : new ServiceWorkflow(states!, transitions!, routing!, defaultGroup, sla, notifications!);
    }

    public static JsonObject Write(ServiceWorkflow workflow)
    {
        var node = new JsonObject
        {
            ["states"] = new JsonArray([.. workflow.States.Select(s => Sorted(
                ("category", JsonNamingPolicy.CamelCase.ConvertName(s.Category.ToString())),
                ("initial", s.Initial ? true : null),
                ("key", s.Key),
                ("label", PackageWriter.Text(s.Label))))]),
            ["transitions"] = new JsonArray([.. workflow.Transitions.Select(t => Sorted(
                ("from", new JsonArray([.. t.From.Select(f => (JsonNode)f)])),
                ("key", t.Key),
                ("label", PackageWriter.Text(t.Label)),
                ("roles", new JsonArray([.. t.Roles.Select(r => (JsonNode)r)])),
                ("to", t.To)))]),
        };
        if (workflow.Routing.Count > 0)
        {
            node["routing"] = new JsonArray([.. workflow.Routing.Select(r => Sorted(
                ("group", r.Group), ("key", r.Key), ("when", JsonNode.Parse(r.When.ToJson()))))]);
        }

        if (workflow.DefaultGroup is not null)
        {
            node["defaultGroup"] = workflow.DefaultGroup;
        }

        if (workflow.Sla is { } sla)
        {
            node["sla"] = Sorted(("escalationDays", sla.EscalationDays), ("reminderDays", sla.ReminderDays));
        }

        if (workflow.Notifications.Count > 0)
        {
            node["notifications"] = new JsonArray([.. workflow.Notifications.Select(n => Sorted(
                ("body", PackageWriter.Text(n.Body)),
                ("key", n.Key),
                ("recipient", n.Recipient == NotificationRecipient.Citizen ? "citizen" : "handlingGroup"),
                ("state", n.State),
                ("subject", PackageWriter.Text(n.Subject))))]);
        }

        return PackageWriter.Sort(node);
    }

    private static JsonObject Sorted(params (string Name, JsonNode? Value)[] properties) =>
        new(properties.Where(p => p.Value is not null).OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Name, p.Value)));

    private static List<WorkflowState>? ReadStates(JsonElement workflow, PackageReader reader)
    {
        const string path = "$.workflow.states";
        if (!workflow.TryGetProperty("states", out var element) || reader.Array(element, path, 1, MaxStates) is not { } items)
        {
            if (!workflow.TryGetProperty("states", out _))
            {
                reader.Add(path, $"is missing: a workflow needs a list of 1 to {MaxStates} states");
            }

            return null;
        }

        var before = reader.Problems.Count;
        var states = new List<WorkflowState>();
        var keys = new List<(string?, string)>();
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = JsonPaths.Index(path, i);
            if (!reader.Object(items[i], itemPath, ["key", "category", "label", "initial"]))
            {
                continue;
            }

            var key = reader.Key(items[i], "key", itemPath);
            keys.Add((key, itemPath + ".key"));
            var category = reader.Choice(items[i], "category", itemPath, Categories);
            var label = reader.Text(items[i], "label", itemPath, 200);
            var initial = items[i].TryGetProperty("initial", out var initialElement) && reader.Boolean(initialElement, itemPath + ".initial") == true;
            if (key is not null && category is not null && label is not null)
            {
                states.Add(new WorkflowState(key, Enum.Parse<WorkflowStateCategory>(category, ignoreCase: true), label, initial));
            }
        }

        reader.Unique(keys, "state");
        if (reader.Problems.Count > before)
        {
            return null;
        }

        var initials = states.Count(s => s.Initial);
        if (initials != 1)
        {
            reader.Add(path, $"must have exactly one state with \"initial\": true (has {initials})");
            return null;
        }

        if (states.Single(s => s.Initial).Category == WorkflowStateCategory.Closed)
        {
            reader.Add(path, "must not start in a closed state");
        }

        if (states.All(s => s.Category != WorkflowStateCategory.Closed))
        {
            reader.Add(path, "must have at least one state of the category closed");
        }

        return reader.Problems.Count > before ? null : states;
    }

    private static List<WorkflowTransition>? ReadTransitions(JsonElement workflow, HashSet<string> states, bool statesRead, PackageReader reader)
    {
        const string path = "$.workflow.transitions";
        if (!workflow.TryGetProperty("transitions", out var element))
        {
            reader.Add(path, "is missing: a workflow needs transitions between its states");
            return null;
        }

        if (reader.Array(element, path, 1, MaxTransitions) is not { } items)
        {
            return null;
        }

        var before = reader.Problems.Count;
        var transitions = new List<WorkflowTransition>();
        var keys = new List<(string?, string)>();
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = JsonPaths.Index(path, i);
            if (!reader.Object(items[i], itemPath, ["key", "from", "to", "label", "roles"]))
            {
                continue;
            }

            var key = reader.Key(items[i], "key", itemPath);
            keys.Add((key, itemPath + ".key"));
            var from = StateList(items[i], "from", itemPath, states, statesRead, reader);
            var to = reader.Key(items[i], "to", itemPath);
            if (to is not null && statesRead && !states.Contains(to))
            {
                reader.Add(itemPath + ".to", $"'{to}' is not one of the workflow's states");
            }
            else if (to is not null && from is not null && from.Contains(to))
            {
                reader.Add(itemPath + ".to", "leads back to a state it starts from");
            }

            var label = reader.Text(items[i], "label", itemPath, 200);
            var roles = Roles(items[i], itemPath, reader);
            if (key is not null && from is not null && to is not null && label is not null && roles is not null)
            {
                transitions.Add(new WorkflowTransition(key, from, to, label, roles));
            }
        }

        reader.Unique(keys, "transition");
        return reader.Problems.Count > before ? null : transitions;
    }

    private static List<string>? StateList(JsonElement item, string name, string path, HashSet<string> states, bool statesRead, PackageReader reader)
    {
        var listPath = $"{path}.{name}";
        if (!item.TryGetProperty(name, out var element) || reader.Array(element, listPath, 1, MaxStates) is not { } values)
        {
            if (!item.TryGetProperty(name, out _))
            {
                reader.Add(listPath, "is missing: a list of the states it may be fired from");
            }

            return null;
        }

        var before = reader.Problems.Count;
        var result = new List<string>();
        for (var i = 0; i < values.Count; i++)
        {
            var valuePath = JsonPaths.Index(listPath, i);
            if (reader.Key(values[i], valuePath) is not { } key)
            {
                continue;
            }

            if (statesRead && !states.Contains(key))
            {
                reader.Add(valuePath, $"'{key}' is not one of the workflow's states");
            }
            else if (result.Contains(key))
            {
                reader.Add(valuePath, $"'{key}' is named twice");
            }
            else
            {
                result.Add(key);
            }
        }

        return reader.Problems.Count > before ? null : result;
    }

    private static List<string>? Roles(JsonElement item, string path, PackageReader reader)
    {
        var rolesPath = path + ".roles";
        if (!item.TryGetProperty("roles", out var element) || reader.Array(element, rolesPath, 1, WorkflowRoles.All.Count) is not { } values)
        {
            if (!item.TryGetProperty("roles", out _))
            {
                reader.Add(rolesPath, $"is missing: who may fire it ({string.Join(", ", WorkflowRoles.All)})");
            }

            return null;
        }

        var roles = new List<string>();
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i].ValueKind != JsonValueKind.String || !WorkflowRoles.All.Contains(values[i].GetString()) || roles.Contains(values[i].GetString()!))
            {
                reader.Add(JsonPaths.Index(rolesPath, i), $"must be one of {string.Join(", ", WorkflowRoles.All)}, each once");
                return null;
            }

            roles.Add(values[i].GetString()!);
        }

        return roles;
    }

    private static List<RoutingRule>? ReadRouting(JsonElement workflow, FormDefinition? form, PackageReader reader)
    {
        const string path = "$.workflow.routing";
        if (!workflow.TryGetProperty("routing", out var element))
        {
            return [];
        }

        if (reader.Array(element, path, 0, MaxRoutingRules) is not { } items)
        {
            return null;
        }

        var before = reader.Problems.Count;
        var rules = new List<RoutingRule>();
        var keys = new List<(string?, string)>();
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = JsonPaths.Index(path, i);
            if (!reader.Object(items[i], itemPath, ["key", "when", "group"]))
            {
                continue;
            }

            var key = reader.Key(items[i], "key", itemPath);
            keys.Add((key, itemPath + ".key"));
            var group = reader.Key(items[i], "group", itemPath);
            FormCondition? when = null;
            if (!items[i].TryGetProperty("when", out var condition))
            {
                reader.Add(itemPath + ".when", "is missing: the condition (docs/forms/conditions.md) that routes a case to the group");
            }
            else if (form is not null)
            {
                // The same parser and reference check as a form's visibleWhen: keys must name the form's questions.
                var parsed = FormCondition.Parse(condition.GetRawText(), form);
                foreach (var problem in parsed.Problems)
                {
                    reader.Add(itemPath + ".when" + problem.Path.TrimStart('$'), problem.Message);
                }

                when = parsed.Condition;
            }

            if (key is not null && group is not null && when is not null)
            {
                rules.Add(new RoutingRule(key, when, group));
            }
        }

        reader.Unique(keys, "routing rule");
        return reader.Problems.Count > before ? null : rules;
    }

    private static ServiceLevel? ReadSla(JsonElement element, PackageReader reader)
    {
        const string path = "$.workflow.sla";
        if (!reader.Object(element, path, ["reminderDays", "escalationDays"]))
        {
            return null;
        }

        var reminder = element.TryGetProperty("reminderDays", out var r) ? reader.Days(r, path + ".reminderDays") : null;
        var escalation = element.TryGetProperty("escalationDays", out var e) ? reader.Days(e, path + ".escalationDays") : null;
        if (!element.TryGetProperty("reminderDays", out _) && !element.TryGetProperty("escalationDays", out _))
        {
            reader.Add(path, "must have reminderDays, escalationDays or both");
            return null;
        }

        if (reminder is not null && escalation is not null && reminder >= escalation)
        {
            reader.Add(path + ".escalationDays", "must come after the reminder (more days than reminderDays)");
            return null;
        }

        return new ServiceLevel(reminder, escalation);
    }

    private static List<NotificationTemplate>? ReadNotifications(JsonElement workflow, HashSet<string> states, bool statesRead, PackageReader reader)
    {
        const string path = "$.workflow.notifications";
        if (!workflow.TryGetProperty("notifications", out var element))
        {
            return [];
        }

        if (reader.Array(element, path, 0, MaxNotifications) is not { } items)
        {
            return null;
        }

        var before = reader.Problems.Count;
        var notifications = new List<NotificationTemplate>();
        var keys = new List<(string?, string)>();
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = JsonPaths.Index(path, i);
            if (!reader.Object(items[i], itemPath, ["key", "state", "recipient", "subject", "body"]))
            {
                continue;
            }

            var key = reader.Key(items[i], "key", itemPath);
            keys.Add((key, itemPath + ".key"));
            var state = reader.Key(items[i], "state", itemPath);
            if (state is not null && statesRead && !states.Contains(state))
            {
                reader.Add(itemPath + ".state", $"'{state}' is not one of the workflow's states");
            }

            var recipient = reader.Choice(items[i], "recipient", itemPath, Recipients);
            var subject = reader.Text(items[i], "subject", itemPath, MaxSubjectLength);
            var body = reader.Text(items[i], "body", itemPath, MaxBodyLength, multiline: true);
            CheckTemplates(subject, itemPath + ".subject", reader);
            CheckTemplates(body, itemPath + ".body", reader);
            if (key is not null && state is not null && recipient is not null && subject is not null && body is not null)
            {
                notifications.Add(new NotificationTemplate(
                    key, state, recipient == "citizen" ? NotificationRecipient.Citizen : NotificationRecipient.HandlingGroup, subject, body));
            }
        }

        reader.Unique(keys, "notification");
        return reader.Problems.Count > before ? null : notifications;
    }

    private static void CheckTemplates(LocalizedText? texts, string path, PackageReader reader)
    {
        foreach (var (language, source) in texts ?? LocalizedText.Of())
        {
            if (!NotificationLiquid.TryParse(source, out var template, out var problem))
            {
                reader.Add($"{path}.{language}", "is a broken Liquid template: " + problem);
                continue;
            }

            var (_, renderProblem) = NotificationLiquid.Render(template!, NotificationLiquid.SampleData(language));
            if (renderProblem is not null)
            {
                reader.Add($"{path}.{language}", "fails when rendered with sample data: " + renderProblem);
            }
        }
    }

    /// <summary>
    /// The states that break the graph: not reachable from the initial state (<c>Unreachable</c>), or, not closed,
    /// with no closed state reachable from them.
    /// </summary>
    public static IEnumerable<(int Index, string Key, bool Unreachable)> GraphGaps(IReadOnlyList<WorkflowState> states, IReadOnlyList<WorkflowTransition> transitions)
    {
        var next = states.ToDictionary(s => s.Key, s => transitions.Where(t => t.From.Contains(s.Key)).Select(t => t.To).ToList(), StringComparer.Ordinal);
        var reached = Reach([states.Single(s => s.Initial).Key], next);
        for (var i = 0; i < states.Count; i++)
        {
            var state = states[i];
            if (!reached.Contains(state.Key))
            {
                yield return (i, state.Key, true);
            }
            else if (state.Category != WorkflowStateCategory.Closed
                && !Reach([state.Key], next).Any(k => states.First(s => s.Key == k).Category == WorkflowStateCategory.Closed))
            {
                yield return (i, state.Key, false);
            }
        }
    }

    private static HashSet<string> Reach(IEnumerable<string> start, Dictionary<string, List<string>> next)
    {
        var seen = new HashSet<string>(start, StringComparer.Ordinal);
        var queue = new Queue<string>(seen);
        while (queue.TryDequeue(out var key))
        {
            foreach (var to in next[key].Where(seen.Add))
            {
                queue.Enqueue(to);
            }
        }

        return seen;
    }
}
