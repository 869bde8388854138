using System.Text.Json.Nodes;

namespace Hub.Packages.Contracts;

/// <summary>Which side a person chose for a conflict.</summary>
public enum MergeSide
{
    /// <summary>The local version (the adopter's).</summary>
    Ours,

    /// <summary>The new upstream version.</summary>
    Theirs,
}

/// <summary>What kind of disagreement a conflict is.</summary>
public enum ConflictKind
{
    /// <summary>Both sides changed the same value differently.</summary>
    BothChanged,

    /// <summary>Both sides added an element with the same key, differently.</summary>
    BothAdded,

    /// <summary>One side removed an element the other changed.</summary>
    RemovedAndChanged,
}

/// <summary>A place where both sides changed the same thing differently. Values are null where a side has no element.</summary>
/// <param name="Path">Where, by key: <c>/form/pages[key=start]/elements[key=name]/label/sv</c>.</param>
/// <param name="Kind">What kind of disagreement.</param>
/// <param name="Base">The common ancestor's value.</param>
/// <param name="Ours">The local value.</param>
/// <param name="Theirs">The new upstream value.</param>
public sealed record MergeConflict(string Path, ConflictKind Kind, JsonNode? Base, JsonNode? Ours, JsonNode? Theirs);

/// <summary>
/// The merged document and its conflicts. Where a conflict has no resolution the merged document keeps the local
/// value (nothing local is lost), and <see cref="Conflicts"/> names it: the caller must not apply a result that still
/// has conflicts without a person's choice.
/// </summary>
/// <param name="Merged">The merged document.</param>
/// <param name="Conflicts">Unresolved conflicts, in document order.</param>
/// <param name="Resolved">Conflicts that a given resolution settled, in document order.</param>
public sealed record MergeResult(JsonNode? Merged, IReadOnlyList<MergeConflict> Conflicts, IReadOnlyList<MergeConflict> Resolved)
{
    /// <summary>Whether the merge needs no person.</summary>
    public bool IsClean => Conflicts.Count == 0;
}

/// <summary>
/// Three-way merge of JSON documents by key (architecture.md: "keys, not positions, are what diffs and merges work
/// on"): base = the upstream version the local service came from, ours = the local service, theirs = the new upstream
/// version. Objects merge property by property; an array whose items are all objects with a string <c>key</c> merges
/// item by item by that key; any other value (text, number, plain array) is one value. A change on one side only is
/// taken; the same change on both sides is taken once; different changes to the same value are a conflict.
/// The result depends only on the inputs (no clocks, no hash order): the same inputs always give the same output.
/// </summary>
public static class KeyedMerge
{
    /// <summary>Merges; <paramref name="resolutions"/> (by conflict path) settles conflicts a person has decided.</summary>
    public static MergeResult Merge(JsonNode? @base, JsonNode? ours, JsonNode? theirs, IReadOnlyDictionary<string, MergeSide>? resolutions = null)
    {
        var context = new Context(resolutions ?? new Dictionary<string, MergeSide>());
        var merged = MergeValue(@base, ours, theirs, "", context);
        return new MergeResult(merged, context.Conflicts, context.Resolved);
    }

    private static JsonNode? MergeValue(JsonNode? b, JsonNode? o, JsonNode? t, string path, Context context)
    {
        if (Same(o, t))
        {
            return Copy(o);
        }

        if (Same(b, o))
        {
            return Copy(t);
        }

        if (Same(b, t))
        {
            return Copy(o);
        }

        // Both changed, differently: look inside when all three are objects, or keyed arrays.
        if (b is JsonObject bo && o is JsonObject oo && t is JsonObject to)
        {
            return MergeObjects(bo, oo, to, path, context);
        }

        if (b is JsonArray ba && o is JsonArray oa && t is JsonArray ta && IsKeyed(ba) && IsKeyed(oa) && IsKeyed(ta))
        {
            return MergeKeyed(ba, oa, ta, path, context);
        }

        return context.Conflict(path.Length == 0 ? "/" : path, ConflictKind.BothChanged, b, o, t);
    }

    private static JsonObject MergeObjects(JsonObject b, JsonObject o, JsonObject t, string path, Context context)
    {
        var result = new JsonObject();
        foreach (var name in PropertyOrder(b, o, t))
        {
            b.TryGetPropertyValue(name, out var bv);
            o.TryGetPropertyValue(name, out var ov);
            t.TryGetPropertyValue(name, out var tv);
            var present = (b.ContainsKey(name), o.ContainsKey(name), t.ContainsKey(name));
            var childPath = path + "/" + name;
            var merged = MergePresence(present, bv, ov, tv, childPath, ConflictKind.BothChanged, context, out var keep);
            if (keep)
            {
                result[name] = merged;
            }
        }

        return result;
    }

    private static JsonArray MergeKeyed(JsonArray b, JsonArray o, JsonArray t, string path, Context context)
    {
        var bk = ByKey(b);
        var ok = ByKey(o);
        var tk = ByKey(t);
        var merged = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var key in KeyOrder(b, o, t))
        {
            var present = (bk.ContainsKey(key), ok.ContainsKey(key), tk.ContainsKey(key));
            var itemPath = $"{path}[key={key}]";
            var kind = present.Item1 ? ConflictKind.RemovedAndChanged : ConflictKind.BothAdded;
            var item = MergePresence(present, bk.GetValueOrDefault(key), ok.GetValueOrDefault(key), tk.GetValueOrDefault(key), itemPath, kind, context, out var keep);
            if (keep)
            {
                merged[key] = item;
            }
        }

        var result = new JsonArray();
        foreach (var key in Arrange(b, o, t, merged.Keys))
        {
            result.Add(merged[key]);
        }

        return result;
    }

    /// <summary>
    /// Merges one property or keyed item that may be missing on some sides; <paramref name="keep"/> says whether it
    /// exists in the result.
    /// </summary>
    private static JsonNode? MergePresence(
        (bool B, bool O, bool T) present, JsonNode? b, JsonNode? o, JsonNode? t, string path, ConflictKind addKind, Context context, out bool keep)
    {
        switch (present)
        {
            case (true, true, true):
                keep = true;
                return MergeValue(b, o, t, path, context);
            case (false, true, false):
                keep = true;
                return Copy(o);
            case (false, false, true):
                keep = true;
                return Copy(t);
            case (false, true, true):
                keep = true;
                if (Same(o, t))
                {
                    return Copy(o);
                }

                // Both added the same key: merge the two against nothing when both are objects, else a conflict.
                return o is JsonObject && t is JsonObject
                    ? MergeValue(new JsonObject(), o, t, path, context)
                    : context.Conflict(path, ConflictKind.BothAdded, null, o, t);
            case (true, false, false):
                keep = false;
                return null;
            case (true, false, true):
                // Ours removed it: removed, unless theirs changed it meanwhile.
                if (Same(b, t))
                {
                    keep = false;
                    return null;
                }

                return RemovedOrKept(path, b, null, t, context, out keep);
            case (true, true, false):
                if (Same(b, o))
                {
                    keep = false;
                    return null;
                }

                return RemovedOrKept(path, b, o, null, context, out keep);
            default:
                keep = false;
                return null;
        }
    }

    /// <summary>One side removed what the other changed: a conflict; unresolved, the local side stands.</summary>
    private static JsonNode? RemovedOrKept(string path, JsonNode? b, JsonNode? o, JsonNode? t, Context context, out bool keep)
    {
        var conflict = new MergeConflict(path, ConflictKind.RemovedAndChanged, Copy(b), Copy(o), Copy(t));
        var side = context.Decide(conflict);
        var chosen = side == MergeSide.Ours ? o : t;
        keep = side == MergeSide.Ours ? o is not null : t is not null;
        return Copy(chosen);
    }

    /// <summary>Property order: theirs' order, then properties only ours has (in ours' order), then base-only ones.</summary>
    private static IEnumerable<string> PropertyOrder(JsonObject b, JsonObject o, JsonObject t)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, _) in t.Concat(o).Concat(b))
        {
            if (seen.Add(name))
            {
                yield return name;
            }
        }
    }

    private static IEnumerable<string> KeyOrder(JsonArray b, JsonArray o, JsonArray t)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in Keys(t).Concat(Keys(o)).Concat(Keys(b)))
        {
            if (seen.Add(key))
            {
                yield return key;
            }
        }
    }

    /// <summary>
    /// The order of the merged items: theirs' order (or ours', when only ours reordered the common items), with each
    /// item only ours has placed after the item it follows in ours.
    /// </summary>
    private static List<string> Arrange(JsonArray b, JsonArray o, JsonArray t, IEnumerable<string> keys)
    {
        var present = keys.ToHashSet(StringComparer.Ordinal);
        var baseOrder = Keys(b).ToList();
        var oursOrder = Keys(o).ToList();
        var theirsOrder = Keys(t).ToList();
        var common = baseOrder.Where(k => oursOrder.Contains(k) && theirsOrder.Contains(k)).ToHashSet(StringComparer.Ordinal);
        bool Reordered(List<string> order) => !order.Where(common.Contains).SequenceEqual(baseOrder.Where(common.Contains));
        var spine = Reordered(oursOrder) && !Reordered(theirsOrder) ? OursSpine(oursOrder, theirsOrder) : theirsOrder;
        var result = spine.Where(present.Contains).ToList();

        // Items that are not in the spine (ours-only additions, or items theirs removed that a person kept).
        for (var i = 0; i < oursOrder.Count; i++)
        {
            var key = oursOrder[i];
            if (!present.Contains(key) || result.Contains(key))
            {
                continue;
            }

            var after = -1;
            for (var j = i - 1; j >= 0 && after < 0; j--)
            {
                after = result.IndexOf(oursOrder[j]);
            }

            result.Insert(after + 1, key);
        }

        foreach (var key in present.Where(k => !result.Contains(k)).Order(StringComparer.Ordinal))
        {
            result.Add(key);
        }

        return result;
    }

    /// <summary>Ours' order of the items, with each item only theirs has placed before the item it precedes in theirs (last if none).</summary>
    private static List<string> OursSpine(List<string> ours, List<string> theirs)
    {
        var result = ours.ToList();
        for (var i = 0; i < theirs.Count; i++)
        {
            if (result.Contains(theirs[i]))
            {
                continue;
            }

            var before = -1;
            for (var j = i + 1; j < theirs.Count && before < 0; j++)
            {
                before = result.IndexOf(theirs[j]);
            }

            result.Insert(before < 0 ? result.Count : before, theirs[i]);
        }

        return result;
    }

    /// <summary>An array is keyed when every item is an object with a string <c>key</c>, each key once.</summary>
    internal static bool IsKeyed(JsonArray array)
    {
        if (array.Count == 0)
        {
            return true;
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in array)
        {
            if (item is not JsonObject obj || !obj.TryGetPropertyValue("key", out var key) || key is not JsonValue value
                || !value.TryGetValue<string>(out var text) || !keys.Add(text))
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<string> Keys(JsonArray array) => array.Select(item => item!["key"]!.GetValue<string>());

    private static Dictionary<string, JsonNode?> ByKey(JsonArray array) =>
        array.ToDictionary(item => item!["key"]!.GetValue<string>(), item => item, StringComparer.Ordinal);

    private static bool Same(JsonNode? a, JsonNode? b) => JsonNode.DeepEquals(a, b);

    private static JsonNode? Copy(JsonNode? node) => node?.DeepClone();

    private sealed class Context(IReadOnlyDictionary<string, MergeSide> resolutions)
    {
        public List<MergeConflict> Conflicts { get; } = [];

        public List<MergeConflict> Resolved { get; } = [];

        /// <summary>Records a conflict and returns the chosen side's value (ours when nobody has chosen).</summary>
        public JsonNode? Conflict(string path, ConflictKind kind, JsonNode? b, JsonNode? o, JsonNode? t)
        {
            var side = Decide(new MergeConflict(path, kind, Copy(b), Copy(o), Copy(t)));
            return Copy(side == MergeSide.Ours ? o : t);
        }

        public MergeSide Decide(MergeConflict conflict)
        {
            if (resolutions.TryGetValue(conflict.Path, out var side))
            {
                Resolved.Add(conflict);
                return side;
            }

            Conflicts.Add(conflict);
            return MergeSide.Ours;
        }
    }
}
