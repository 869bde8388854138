using System.Text.Json;
using System.Text.Json.Nodes;
using Hub.Catalog.Packages;
using Hub.Packages.Contracts;
using Hub.Packages.Tests.Packages;
using Hub.Testing;
using Json.Schema;

namespace Hub.Catalog.Tests.Packages;

/// <summary><c>docs/package.schema.json</c> describes what the reader reads, and the hub checks incoming packages against that same file.</summary>
public sealed class PackageSchemaTests
{
    private static readonly string SchemaText = File.ReadAllText(Path.Combine(HubAppFactory.RepositoryRoot, "docs", "package.schema.json"));

    // Parsed once: JsonSchema.Net registers a schema's $id globally and refuses a second registration.
    private static readonly JsonSchema Schema = JsonSchema.FromText(SchemaText);

    [Fact]
    public void The_schema_lists_the_same_top_level_properties_as_the_reader()
    {
        using var schema = JsonDocument.Parse(SchemaText);
        var properties = schema.RootElement.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(ServicePackageJson.Properties.Order(StringComparer.Ordinal), properties);
    }

    [Fact]
    public void Every_demo_service_and_the_full_sample_and_their_exports_are_valid_against_the_schema()
    {
        var schema = Schema;
        var files = SamplePackages.DemoKeys.Select(SamplePackages.Demo).Append(SamplePackages.Full()).ToList();
        foreach (var json in files.Concat(files.Select(f => ServicePackageJson.WriteExport(ServicePackageJson.Read(f).Package!))))
        {
            using var document = JsonDocument.Parse(json);
            var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.True(result.IsValid, json[..80] + ": " + string.Join("; ",
                (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        }
    }

    [Theory]
    [InlineData("type/workflow/text")]
    [InlineData("type/state-category-unknown")]
    [InlineData("type/transition-roles-unknown")]
    [InlineData("adaptation/unknown-kind")]
    [InlineData("type/format-version-2")]
    [InlineData("type/unknown-top-property")]
    public void The_schema_refuses_shapes_the_reader_refuses(string name)
    {
        var schema = Schema;
        using var document = JsonDocument.Parse(HostilePackages.All[name]);
        Assert.False(schema.Evaluate(document.RootElement).IsValid);
    }

    [Fact]
    public void The_schema_checked_at_run_time_is_the_published_file()
    {
        using var stream = typeof(IncomingPackages).Assembly.GetManifestResourceStream("package.schema.json")!;
        using var reader = new StreamReader(stream);
        Assert.Equal(SchemaText, reader.ReadToEnd());
    }

    [Fact]
    public void A_package_the_schema_refuses_is_reported_at_the_property_it_names()
    {
        var package = JsonNode.Parse(SamplePackages.Full())!;
        package["handlingDays"] = 0;
        using var document = JsonDocument.Parse(package.ToJsonString());

        var problem = Assert.Single(IncomingPackages.Schema.Check(document.RootElement));

        Assert.Equal("$.handlingDays", problem.Path);
        Assert.Contains("package.schema.json (minimum:", problem.Message, StringComparison.Ordinal);
        Assert.Null(IncomingPackages.Read(package.ToJsonString()).Package);
    }

    /// <summary>
    /// Every property of the full sample removed, replaced by values of other types and shapes, or given an unknown
    /// sibling: wherever the reader takes the result, the published schema takes it too, so the run-time schema check
    /// never refuses what the reader's clearer messages let through (the schema may be looser: the reader checks more).
    /// </summary>
    [Fact]
    public void Wherever_the_reader_takes_a_mutated_package_the_published_schema_takes_it_too()
    {
        var full = JsonNode.Parse(SamplePackages.Full())!;
        var tried = 0;
        var disagreements = new List<string>();
        foreach (var (label, mutated) in Mutations(full))
        {
            tried++;
            var json = mutated.ToJsonString();
            if (ServicePackageJson.Read(json).Package is null)
            {
                continue;
            }

            using var document = JsonDocument.Parse(json);
            if (IncomingPackages.Schema.Check(document.RootElement) is [var first, ..])
            {
                disagreements.Add($"{label}: {first.Path} {first.Message}");
            }
        }

        Assert.True(tried > 1000, $"only {tried} mutations");
        Assert.Empty(disagreements);
    }

    private static readonly JsonNode?[] Replacements =
        [JsonValue.Create(""), JsonValue.Create(0), JsonValue.Create(-1), JsonValue.Create(1.5), JsonValue.Create(true), null, new JsonArray(), new JsonObject(), JsonValue.Create("X Y")];

    private static IEnumerable<(string Label, JsonNode Package)> Mutations(JsonNode original)
    {
        var paths = new List<string>();
        Walk(original, "$", (_, _, path) => paths.Add(path));
        foreach (var target in paths)
        {
            for (var kind = -2; kind < Replacements.Length; kind++)
            {
                var copy = original.DeepClone();
                string? label = null;
                Walk(copy, "$", (parent, key, path) =>
                {
                    if (path != target || label is not null)
                    {
                        return;
                    }

                    var replacement = kind >= 0 ? Replacements[kind]?.DeepClone() : null;
                    switch (parent, key, kind)
                    {
                        case (JsonObject o, string name, -2):
                            o.Remove(name);
                            label = target + " removed";
                            break;
                        case (JsonObject o, string, -1):
                            o["unknownProperty"] = 1;
                            label = target + " with an unknown sibling";
                            break;
                        case (JsonArray a, int i, -2):
                            a.RemoveAt(i);
                            label = target + " removed";
                            break;
                        case (JsonObject o, string name, >= 0):
                            o[name] = replacement;
                            label = $"{target} = {replacement?.ToJsonString() ?? "null"}";
                            break;
                        case (JsonArray a, int i, >= 0):
                            a[i] = replacement;
                            label = $"{target} = {replacement?.ToJsonString() ?? "null"}";
                            break;
                    }
                });
                if (label is not null)
                {
                    yield return (label, copy);
                }
            }
        }
    }

    /// <summary>Calls <paramref name="visit"/> for every member and item, parents first; the tree is snapshotted per level.</summary>
    private static void Walk(JsonNode node, string path, Action<JsonNode, object, string> visit)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, value) in o.ToList())
                {
                    visit(o, name, path + "." + name);
                    if (value is not null && value.Parent is not null)
                    {
                        Walk(value, path + "." + name, visit);
                    }
                }

                break;
            case JsonArray a:
                foreach (var (item, i) in a.Select((item, i) => (item, i)).ToList())
                {
                    visit(a, i, $"{path}[{i}]");
                    if (item is not null && item.Parent is not null)
                    {
                        Walk(item, $"{path}[{i}]", visit);
                    }
                }

                break;
        }
    }
}
