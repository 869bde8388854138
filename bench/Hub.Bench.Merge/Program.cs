using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using Hub.Packages.Contracts;

BenchmarkRunner.Run<Hub.Bench.Merge.MergeBenchmarks>(args: args);

namespace Hub.Bench.Merge
{

/// <summary>
/// Merging an adopter's version of a 200-field service (10 pages × 20 fields, texts in Swedish and English, options)
/// with a new upstream version: 20 upstream changes and 10 local ones, without conflicts, and the same with every
/// local change conflicting. Baseline: a deep copy of the document, measured in the same run.
/// </summary>
[MemoryDiagnoser]
public class MergeBenchmarks
{
    private JsonNode @base = null!;
    private JsonNode ours = null!;
    private JsonNode theirs = null!;
    private JsonNode conflicting = null!;

    [GlobalSetup]
    public void Setup()
    {
        @base = Service();
        theirs = @base.DeepClone();
        for (var i = 0; i < 20; i++)
        {
            theirs["form"]!["pages"]![i % 10]!["elements"]![i]!["label"]!["sv"] = $"Ny ledtext {i}";
        }

        theirs["form"]!["pages"]![9]!["elements"]!.AsArray().Add(Field(9, 99));
        ours = @base.DeepClone();
        conflicting = @base.DeepClone();
        for (var i = 0; i < 10; i++)
        {
            ours["form"]!["pages"]![i]!["elements"]![19]!["hint"] = new JsonObject { ["sv"] = $"Lokal hjälptext {i}", ["en"] = $"Local help {i}" };
            conflicting["form"]!["pages"]![i % 10]!["elements"]![i]!["label"]!["sv"] = $"Lokal ledtext {i}";
        }

        ours["form"]!["pages"]![0]!["elements"]!.AsArray().Insert(3, Field(0, 77));
        if (!KeyedMerge.Merge(@base, ours, theirs).IsClean || KeyedMerge.Merge(@base, conflicting, theirs).Conflicts.Count != 10)
        {
            throw new InvalidOperationException("The benchmark's inputs are not what they claim.");
        }
    }

    [Benchmark(Baseline = true, Description = "deep copy of the service")]
    public JsonNode DeepCopy() => @base.DeepClone();

    [Benchmark(Description = "merge, 30 changes, no conflict")]
    public object MergeClean() => KeyedMerge.Merge(@base, ours, theirs);

    [Benchmark(Description = "merge, 10 conflicts")]
    public object MergeConflicts() => KeyedMerge.Merge(@base, conflicting, theirs);

    private static JsonObject Service()
    {
        var pages = new JsonArray();
        for (var p = 0; p < 10; p++)
        {
            var elements = new JsonArray();
            for (var e = 0; e < 20; e++)
            {
                elements.Add(Field(p, e));
            }

            pages.Add(new JsonObject { ["key"] = $"page-{p}", ["title"] = new JsonObject { ["sv"] = $"Sida {p}", ["en"] = $"Page {p}" }, ["elements"] = elements });
        }

        return new JsonObject
        {
            ["key"] = "fardtjanst",
            ["version"] = "1.0.0",
            ["title"] = new JsonObject { ["sv"] = "Ansökan om färdtjänst", ["en"] = "Application for transport service" },
            ["form"] = new JsonObject { ["languages"] = new JsonArray("sv", "en"), ["pages"] = pages },
        };
    }

    private static JsonObject Field(int page, int index)
    {
        var field = new JsonObject
        {
            ["key"] = $"p{page}-f{index}",
            ["type"] = index % 4 == 0 ? "radio" : "text",
            ["label"] = new JsonObject { ["sv"] = $"Fråga {page}.{index}", ["en"] = $"Question {page}.{index}" },
            ["required"] = index % 2 == 0,
        };
        if (index % 4 == 0)
        {
            field["options"] = new JsonArray(Enumerable.Range(0, 4).Select(o => (JsonNode)new JsonObject
            {
                ["key"] = $"o{o}",
                ["label"] = new JsonObject { ["sv"] = $"Alternativ {o}", ["en"] = $"Option {o}" },
            }).ToArray());
        }

        return field;
    }
}
}
