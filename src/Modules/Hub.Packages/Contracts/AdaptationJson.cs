using System.Text.Json;
using System.Text.Json.Nodes;
using Hub.Forms.Contracts;

namespace Hub.Packages.Contracts;

/// <summary>Reads and writes a package's <c>adaptation</c> policy; references are checked against the package once it is read.</summary>
internal static class AdaptationJson
{
    public const int MaxReferences = 2_000;

    private static readonly string[] Properties = ["default", "changeable", "locked"];

    public static AdaptationPolicy? Read(JsonElement element, PackageReader reader)
    {
        const string path = "$.adaptation";
        if (!reader.Object(element, path, Properties))
        {
            return null;
        }

        var before = reader.Problems.Count;
        var defaultChangeable = !element.TryGetProperty("default", out _)
            || reader.Choice(element, "default", path, ["changeable", "locked"]) == "changeable";
        var changeable = new List<string>();
        if (element.TryGetProperty("changeable", out var list) && reader.Array(list, path + ".changeable", 0, MaxReferences) is { } items)
        {
            for (var i = 0; i < items.Count; i++)
            {
                if (Reference(items[i], JsonPaths.Index(path + ".changeable", i), reader) is { } reference)
                {
                    changeable.Add(reference);
                }
            }
        }

        var locked = new List<LockedElement>();
        if (element.TryGetProperty("locked", out list) && reader.Array(list, path + ".locked", 0, MaxReferences) is { } lockedItems)
        {
            for (var i = 0; i < lockedItems.Count; i++)
            {
                var itemPath = JsonPaths.Index(path + ".locked", i);
                if (!reader.Object(lockedItems[i], itemPath, ["ref", "reason"]))
                {
                    continue;
                }

                var reference = lockedItems[i].TryGetProperty("ref", out var r)
                    ? Reference(r, itemPath + ".ref", reader)
                    : Missing(itemPath + ".ref", reader);
                var reason = reader.Text(lockedItems[i], "reason", itemPath, 500);
                if (reference is not null && reason is not null)
                {
                    locked.Add(new LockedElement(reference, reason));
                }
            }
        }

        return reader.Problems.Count > before ? null : new AdaptationPolicy(defaultChangeable, changeable, locked);
    }

    /// <summary>Names every reference that names nothing in the package, or is named twice.</summary>
    public static void CheckReferences(AdaptationPolicy policy, ServicePackage package, PackageReader reader)
    {
        var known = AdaptationReference.All(package);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Check(string reference, string path)
        {
            if (!known.Contains(reference))
            {
                reader.Add(path, $"'{reference}' names nothing in this package");
            }
            else if (!seen.Add(reference))
            {
                reader.Add(path, $"'{reference}' is named more than once in the policy");
            }
        }

        for (var i = 0; i < policy.Changeable.Count; i++)
        {
            Check(policy.Changeable[i], $"$.adaptation.changeable[{i}]");
        }

        for (var i = 0; i < policy.Locked.Count; i++)
        {
            Check(policy.Locked[i].Reference, $"$.adaptation.locked[{i}].ref");
        }
    }

    public static JsonObject Write(AdaptationPolicy policy)
    {
        var node = new JsonObject();
        if (policy.Changeable.Count > 0)
        {
            node["changeable"] = new JsonArray([.. policy.Changeable.Select(c => (JsonNode)c)]);
        }

        if (!policy.DefaultChangeable)
        {
            node["default"] = "locked";
        }

        if (policy.Locked.Count > 0)
        {
            node["locked"] = new JsonArray([.. policy.Locked.Select(l => new JsonObject { ["reason"] = PackageWriter.Text(l.Reason), ["ref"] = l.Reference })]);
        }

        return node;
    }

    private static string? Missing(string path, PackageReader reader)
    {
        reader.Add(path, "is missing");
        return null;
    }

    private static string? Reference(JsonElement value, string path, PackageReader reader)
    {
        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || !AdaptationReference.Kinds.Contains(text[..colon]) || !ServiceKeys.IsValid(text[(colon + 1)..]))
        {
            reader.Add(path, $"must be a reference kind:key, kind one of {string.Join(", ", AdaptationReference.Kinds)} (e.g. element:child-personnummer)");
            return null;
        }

        return text;
    }
}
