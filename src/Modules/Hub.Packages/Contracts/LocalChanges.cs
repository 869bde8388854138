using System.Text.Json.Nodes;

namespace Hub.Packages.Contracts;

/// <summary>One difference between an upstream version and a local service, by key.</summary>
/// <param name="Reference">The element it belongs to (<see cref="AdaptationReference"/>: <c>element:child-name</c>), or
/// <c>setting:{name}</c> for a service setting no policy names (it follows the policy's default), or <c>adaptation</c>.</param>
/// <param name="Path">Where, by key: <c>/form/pages[key=start]/elements[key=name]/label/sv</c>.</param>
/// <param name="Kind"><c>changed</c>, <c>added</c>, <c>removed</c> or <c>moved</c> (the order of a list).</param>
/// <param name="Before">The upstream value (null when added).</param>
/// <param name="After">The local value (null when removed).</param>
public sealed record LocalChange(string Reference, string Path, string Kind, JsonNode? Before, JsonNode? After);

/// <summary>A local change the adaptation policy does not allow, with the owner's reason when the element is locked.</summary>
public sealed record PolicyViolation(LocalChange Change, string Problem, IReadOnlyDictionary<string, string>? Reason);

/// <summary>
/// The overlay of an adopted service: what the local service changed against the upstream version it is based on, by
/// element key (architecture.md: "local service = upstream snapshot + overlay"). The local service's versions store the
/// whole document (a case keeps exactly what it was submitted under); the overlay is the keyed difference from the
/// upstream snapshot, which is what the policy checks, what the update page shows as "your changes" and what a
/// contribution proposes. Identity (<c>key</c>, <c>version</c>) is not part of it: the local service has its own.
/// </summary>
public static class LocalChanges
{
    /// <summary>The reference of service settings no policy names: they follow the policy's default.</summary>
    public const string SettingPrefix = "setting:";

    /// <summary>The adaptation policy itself, which only the owner changes.</summary>
    public const string PolicyReference = "adaptation";

    /// <summary>A copy of a package document with the identity every side of a comparison shares.</summary>
    public static JsonObject Normalize(string content, string localKey)
    {
        var node = JsonNode.Parse(content)!.AsObject();
        node["key"] = localKey;
        node["version"] = "0.0.0";
        if (node["form"] is JsonObject form && form.ContainsKey("key"))
        {
            form["key"] = localKey;
        }

        return node;
    }

    /// <summary>Every difference from <paramref name="upstream"/> to <paramref name="local"/>, in document order.</summary>
    public static IReadOnlyList<LocalChange> Between(JsonNode upstream, JsonNode local)
    {
        var changes = new List<LocalChange>();
        Walk(upstream, local, "", SettingPrefix + "service", changes);
        return changes;
    }

    /// <summary>The local changes <paramref name="policy"/> does not allow, each named with the reason.</summary>
    public static IReadOnlyList<PolicyViolation> Violations(AdaptationPolicy policy, JsonNode upstream, JsonNode local)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var violations = new List<PolicyViolation>();
        foreach (var change in Between(upstream, local))
        {
            if (change.Reference == PolicyReference)
            {
                violations.Add(new PolicyViolation(change, "Adoption.Violation.Policy", null));
                continue;
            }

            if (!policy.MayChange(change.Reference))
            {
                var locked = policy.Locked.FirstOrDefault(l => l.Reference == change.Reference);
                violations.Add(new PolicyViolation(change, locked is null ? "Adoption.Violation.NotChangeable" : "Adoption.Violation.Locked",
                    locked?.Reason.ToDictionary(t => t.Key, t => t.Value)));
                continue;
            }

            if (change.Reference.StartsWith("element:", StringComparison.Ordinal) && IsRequired(change.Kind == "added" ? change.After : change.Kind == "removed" ? change.Before : null))
            {
                violations.Add(new PolicyViolation(change, change.Kind == "added" ? "Adoption.Violation.AddedRequired" : "Adoption.Violation.RemovedRequired", null));
            }
        }

        return violations;
    }

    /// <summary>
    /// <paramref name="upstream"/> with those of <paramref name="local"/>'s changes whose reference <paramref name="take"/>
    /// accepts: a contribution's chosen changes, or a merge result without the changes a policy forbids.
    /// </summary>
    public static JsonNode? Select(JsonNode? upstream, JsonNode? local, Func<string, bool> take)
    {
        ArgumentNullException.ThrowIfNull(take);
        return Pick(upstream, local, "", SettingPrefix + "service", take);
    }

    /// <summary>What an element is called in a policy, for the item of a keyed list at <paramref name="listPath"/>.</summary>
    private static string? ItemReference(string listPath, string key)
    {
        var name = listPath[(listPath.LastIndexOf('/') + 1)..];
        return name switch
        {
            "pages" when listPath == "/form/pages" => "page:" + key,
            "elements" => "element:" + key,
            "states" when listPath == "/workflow/states" => "state:" + key,
            "transitions" when listPath == "/workflow/transitions" => "transition:" + key,
            "routing" when listPath == "/workflow/routing" => "routing:" + key,
            "notifications" when listPath == "/workflow/notifications" => "notification:" + key,
            _ => null,
        };
    }

    /// <summary>The reference of property <paramref name="name"/> of the object at <paramref name="path"/> owned by <paramref name="owner"/>.</summary>
    private static string PropertyReference(string path, string name, string owner) => (path, name) switch
    {
        ("", "title" or "summary" or "description") => "text:" + name,
        ("", "adaptation") => PolicyReference,
        ("", "form" or "workflow") => SettingPrefix + name,
        ("", _) => SettingPrefix + name,
        ("/form", "pages") => SettingPrefix + "pages",
        ("/form", _) => SettingPrefix + name,
        ("/workflow", "sla") => "sla:marks",
        ("/workflow", "states" or "transitions" or "routing" or "notifications") => SettingPrefix + "workflow",
        ("/workflow", _) => SettingPrefix + name,
        _ => owner,
    };

    private static void Walk(JsonNode? b, JsonNode? l, string path, string owner, List<LocalChange> changes)
    {
        if (JsonNode.DeepEquals(b, l))
        {
            return;
        }

        if (b is JsonObject bo && l is JsonObject lo)
        {
            foreach (var name in lo.Select(p => p.Key).Concat(bo.Select(p => p.Key)).Distinct(StringComparer.Ordinal))
            {
                var childPath = path + "/" + name;
                var reference = PropertyReference(path, name, owner);
                switch (bo.TryGetPropertyValue(name, out var bv), lo.TryGetPropertyValue(name, out var lv))
                {
                    case (true, true):
                        Walk(bv, lv, childPath, reference, changes);
                        break;
                    case (false, true):
                        changes.Add(new LocalChange(reference, childPath, "added", null, lv?.DeepClone()));
                        break;
                    default:
                        changes.Add(new LocalChange(reference, childPath, "removed", bv?.DeepClone(), null));
                        break;
                }
            }

            return;
        }

        if (b is JsonArray ba && l is JsonArray la && KeyedMerge.IsKeyed(ba) && KeyedMerge.IsKeyed(la))
        {
            var bk = ByKey(ba);
            var lk = ByKey(la);
            foreach (var (key, item) in lk)
            {
                var itemPath = $"{path}[key={key}]";
                var reference = ItemReference(path, key) ?? owner;
                if (bk.TryGetValue(key, out var before))
                {
                    Walk(before, item, itemPath, reference, changes);
                }
                else
                {
                    changes.Add(new LocalChange(reference, itemPath, "added", null, item.DeepClone()));
                    changes.Add(new LocalChange(owner, path, "added", null, null));
                }
            }

            foreach (var (key, item) in bk.Where(p => !lk.ContainsKey(p.Key)))
            {
                changes.Add(new LocalChange(ItemReference(path, key) ?? owner, $"{path}[key={key}]", "removed", item.DeepClone(), null));
                changes.Add(new LocalChange(owner, path, "removed", null, null));
            }

            var common = bk.Keys.Where(lk.ContainsKey).ToHashSet(StringComparer.Ordinal);
            if (!bk.Keys.Where(common.Contains).SequenceEqual(lk.Keys.Where(common.Contains)))
            {
                changes.Add(new LocalChange(owner, path, "moved", null, null));
            }

            return;
        }

        changes.Add(new LocalChange(owner, path.Length == 0 ? "/" : path, "changed", b?.DeepClone(), l?.DeepClone()));
    }

    private static JsonNode? Pick(JsonNode? b, JsonNode? l, string path, string owner, Func<string, bool> take)
    {
        if (JsonNode.DeepEquals(b, l))
        {
            return l?.DeepClone();
        }

        if (b is JsonObject bo && l is JsonObject lo)
        {
            var result = new JsonObject();
            foreach (var name in lo.Select(p => p.Key).Concat(bo.Select(p => p.Key)).Distinct(StringComparer.Ordinal))
            {
                var reference = PropertyReference(path, name, owner);
                switch (bo.TryGetPropertyValue(name, out var bv), lo.TryGetPropertyValue(name, out var lv))
                {
                    case (true, true):
                        result[name] = Pick(bv, lv, path + "/" + name, reference, take);
                        break;
                    case (false, true) when take(reference):
                        result[name] = lv?.DeepClone();
                        break;
                    case (true, false) when !take(reference):
                        result[name] = bv?.DeepClone();
                        break;
                }
            }

            return result;
        }

        if (b is JsonArray ba && l is JsonArray la && KeyedMerge.IsKeyed(ba) && KeyedMerge.IsKeyed(la))
        {
            var bk = ByKey(ba);
            var lk = ByKey(la);
            var items = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
            foreach (var key in lk.Keys.Concat(bk.Keys).Distinct(StringComparer.Ordinal))
            {
                var reference = ItemReference(path, key) ?? owner;
                var itemPath = $"{path}[key={key}]";
                switch (bk.TryGetValue(key, out var bv), lk.TryGetValue(key, out var lv))
                {
                    case (true, true):
                        items[key] = Pick(bv, lv, itemPath, reference, take);
                        break;
                    case (false, true) when take(reference):
                        items[key] = lv!.DeepClone();
                        break;
                    case (true, false) when !take(reference):
                        items[key] = bv!.DeepClone();
                        break;
                }
            }

            // Upstream's order (local's when the list's own order is taken), each local-only item after the item it follows locally.
            var spine = (take(owner) ? lk.Keys : bk.Keys).Where(items.ContainsKey).ToList();
            var local = lk.Keys.ToList();
            for (var i = 0; i < local.Count; i++)
            {
                if (!items.ContainsKey(local[i]) || spine.Contains(local[i]))
                {
                    continue;
                }

                var after = -1;
                for (var j = i - 1; j >= 0 && after < 0; j--)
                {
                    after = spine.IndexOf(local[j]);
                }

                spine.Insert(after + 1, local[i]);
            }

            spine.AddRange(items.Keys.Where(k => !spine.Contains(k)));
            return new JsonArray([.. spine.Select(k => items[k])]);
        }

        return take(owner) ? l?.DeepClone() : b?.DeepClone();
    }

    private static bool IsRequired(JsonNode? element) =>
        element is JsonObject o && o.TryGetPropertyValue("required", out var r) && r is JsonValue v && v.TryGetValue<bool>(out var required) && required;

    private static Dictionary<string, JsonNode> ByKey(JsonArray array)
    {
        var result = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var item in array)
        {
            result[item!["key"]!.GetValue<string>()] = item;
        }

        return result;
    }
}
