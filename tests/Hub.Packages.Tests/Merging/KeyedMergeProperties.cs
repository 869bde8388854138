using System.Text.Json.Nodes;
using Hub.Packages.Contracts;

namespace Hub.Packages.Tests.Merging;

/// <summary>
/// Properties of the merge over 1,000 generated change sets (form-like services changed at random on both sides):
/// no local change is dropped without a conflict, no upstream change is dropped where the local side left it alone,
/// no upstream change gives the local version, no local change gives the upstream version, and the same inputs
/// always give the same result. Seeds are fixed, so a failure names a case that can be replayed.
/// </summary>
public sealed class KeyedMergeProperties
{
    private const int Cases = 1000;

    public static TheoryData<int> Batches() => [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

    [Theory]
    [MemberData(nameof(Batches))]
    public void Merging_generated_change_sets_keeps_every_change_or_reports_it(int batch)
    {
        for (var seed = batch * (Cases / 10); seed < (batch + 1) * (Cases / 10); seed++)
        {
            var random = new Random(seed);
            var @base = Generator.Service(random);
            var ours = Generator.Change(@base, random, "o");
            var theirs = Generator.Change(@base, random, "t");

            var result = KeyedMerge.Merge(@base, ours, theirs);
            var again = KeyedMerge.Merge(@base.DeepClone(), ours.DeepClone(), theirs.DeepClone());

            var label = $"seed {seed}";
            Assert.True(result.Merged!.ToJsonString() == again.Merged!.ToJsonString(), $"{label}: not deterministic");
            Assert.Equal(result.Conflicts.Select(c => c.Path), again.Conflicts.Select(c => c.Path));

            var b = Flatten(@base);
            var o = Flatten(ours);
            var t = Flatten(theirs);
            var m = Flatten(result.Merged);
            bool Covered(string path) => result.Conflicts.Any(c => c.Path == "/" || path == c.Path || path == c.Path + "#" || path.StartsWith(c.Path + "/", StringComparison.Ordinal) || path.StartsWith(c.Path + "[", StringComparison.Ordinal));
            foreach (var path in b.Keys.Union(o.Keys))
            {
                if (b.GetValueOrDefault(path) != o.GetValueOrDefault(path) && !Covered(path))
                {
                    Assert.True(m.GetValueOrDefault(path) == o.GetValueOrDefault(path), $"{label}: the local change at {path} was lost ({o.GetValueOrDefault(path)} → {m.GetValueOrDefault(path)})");
                }
            }

            foreach (var path in b.Keys.Union(t.Keys))
            {
                var untouchedLocally = b.GetValueOrDefault(path) == o.GetValueOrDefault(path) && !AncestorRemoved(path, o, b);
                if (b.GetValueOrDefault(path) != t.GetValueOrDefault(path) && untouchedLocally && !Covered(path))
                {
                    Assert.True(m.GetValueOrDefault(path) == t.GetValueOrDefault(path), $"{label}: the upstream change at {path} was lost");
                }
            }

            var noUpstream = KeyedMerge.Merge(@base, ours, @base);
            Assert.True(noUpstream.IsClean, $"{label}: conflicts without an upstream change");
            Assert.True(JsonNode.DeepEquals(ours, noUpstream.Merged), $"{label}: merging with no upstream change is not the local version");

            var noLocal = KeyedMerge.Merge(@base, @base, theirs);
            Assert.True(noLocal.IsClean, $"{label}: conflicts without a local change");
            Assert.True(JsonNode.DeepEquals(theirs, noLocal.Merged), $"{label}: merging with no local change is not the upstream version");

            // Every conflict decided for theirs gives a clean merge; so does deciding for ours.
            foreach (var side in new[] { MergeSide.Ours, MergeSide.Theirs })
            {
                var decisions = new Dictionary<string, MergeSide>();
                MergeResult decided;
                var rounds = 0;
                do
                {
                    decided = KeyedMerge.Merge(@base, ours, theirs, decisions);
                    foreach (var conflict in decided.Conflicts)
                    {
                        decisions[conflict.Path] = side;
                    }
                }
                while (!decided.IsClean && ++rounds < 10);

                Assert.True(decided.IsClean, $"{label}: deciding every conflict for {side} left conflicts");
            }
        }
    }

    /// <summary>Whether ours removed a keyed item containing <paramref name="path"/> (so the leaf is a local change).</summary>
    private static bool AncestorRemoved(string path, Dictionary<string, string> ours, Dictionary<string, string> @base) =>
        @base.ContainsKey(path) && !ours.ContainsKey(path);

    /// <summary>Leaves by key path (<c>/form/pages[key=p1]/elements[key=e2]/label/sv</c>) with their JSON text.</summary>
    internal static Dictionary<string, string> Flatten(JsonNode? node)
    {
        var leaves = new Dictionary<string, string>(StringComparer.Ordinal);
        void Walk(JsonNode? value, string path)
        {
            switch (value)
            {
                case JsonObject obj:
                    leaves[path + "#"] = "{}"; // the object exists
                    foreach (var (name, child) in obj)
                    {
                        Walk(child, path + "/" + name);
                    }

                    break;
                case JsonArray array when KeyedMerge.IsKeyed(array):
                    leaves[path + "#"] = "[]";
                    foreach (var item in array)
                    {
                        Walk(item, $"{path}[key={item!["key"]!.GetValue<string>()}]");
                    }

                    break;
                default:
                    leaves[path] = value?.ToJsonString() ?? "null";
                    break;
            }
        }

        Walk(node, "");
        return leaves;
    }

    /// <summary>Form-like services and random changes to them.</summary>
    internal static class Generator
    {
        private static readonly string[] Words = ["ansökan", "barn", "skola", "kost", "allergi", "adress", "telefon", "intyg", "beslut", "avgift", "färdtjänst", "hjälp"];

        public static JsonObject Service(Random random)
        {
            var pages = new JsonArray();
            for (var p = 0; p < random.Next(1, 4); p++)
            {
                var elements = new JsonArray();
                for (var e = 0; e < random.Next(1, 7); e++)
                {
                    elements.Add(Element(random, $"p{p}e{e}"));
                }

                pages.Add(new JsonObject { ["key"] = $"p{p}", ["title"] = Text(random), ["elements"] = elements });
            }

            return new JsonObject
            {
                ["key"] = "svc",
                ["title"] = Text(random),
                ["handlingDays"] = random.Next(5, 60),
                ["languages"] = new JsonArray("sv", "en"),
                ["form"] = new JsonObject { ["pages"] = pages },
            };
        }

        private static JsonObject Element(Random random, string key)
        {
            var element = new JsonObject { ["key"] = key, ["type"] = random.Next(3) switch { 0 => "text", 1 => "radio", _ => "textarea" }, ["label"] = Text(random), ["required"] = random.Next(2) == 0 };
            if (random.Next(3) == 0)
            {
                element["hint"] = Text(random);
            }

            if ((string)element["type"]! == "radio")
            {
                var options = new JsonArray();
                for (var i = 0; i < random.Next(1, 4); i++)
                {
                    options.Add(new JsonObject { ["key"] = $"{key}o{i}", ["label"] = Text(random) });
                }

                element["options"] = options;
            }

            return element;
        }

        private static JsonObject Text(Random random) => new() { ["sv"] = Sentence(random), ["en"] = Sentence(random) };

        private static string Sentence(Random random) => string.Join(' ', Enumerable.Range(0, random.Next(1, 5)).Select(_ => Words[random.Next(Words.Length)]));

        /// <summary>0–6 random changes; <paramref name="side"/> prefixes new keys, except now and then (both sides adding one key).</summary>
        public static JsonNode Change(JsonNode original, Random random, string side)
        {
            var doc = original.DeepClone();
            var pages = doc["form"]!["pages"]!.AsArray();
            for (var n = random.Next(0, 7); n > 0; n--)
            {
                var page = pages.Count > 0 ? pages[random.Next(pages.Count)]!.AsObject() : null;
                var elements = page?["elements"]!.AsArray();
                var element = elements is { Count: > 0 } ? elements[random.Next(elements.Count)]!.AsObject() : null;
                switch (random.Next(10))
                {
                    case 0 when element is not null:
                        element["label"]!["sv"] = Sentence(random);
                        break;
                    case 1 when element is not null:
                        element["hint"] = Text(random);
                        break;
                    case 2 when element is not null:
                        element["required"] = !(bool)element["required"]!;
                        break;
                    case 3 when elements is not null:
                        var key = random.Next(4) == 0 ? "shared-new" : $"{side}-new-{random.Next(1000)}";
                        if (!elements.Any(e => (string)e!["key"]! == key))
                        {
                            elements.Insert(random.Next(elements.Count + 1), Element(random, key));
                        }

                        break;
                    case 4 when elements is { Count: > 0 } && element is not null:
                        elements.Remove(element);
                        break;
                    case 5 when elements is { Count: > 1 }:
                        var moved = elements[0]!;
                        elements.RemoveAt(0);
                        elements.Add(moved);
                        break;
                    case 6:
                        doc["handlingDays"] = random.Next(5, 60);
                        break;
                    case 7:
                        doc["title"]!["en"] = Sentence(random);
                        break;
                    case 8 when element is not null && element.TryGetPropertyValue("options", out var found) && found is JsonArray options:
                        options.Add(new JsonObject { ["key"] = $"{side}-opt-{random.Next(1000)}", ["label"] = Text(random) });
                        break;
                    case 9 when pages.Count > 1 && page is not null && random.Next(3) == 0:
                        pages.Remove(page);
                        break;
                }
            }

            return doc;
        }
    }
}
