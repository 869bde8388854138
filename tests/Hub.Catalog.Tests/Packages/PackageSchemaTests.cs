using System.Text.Json;
using Hub.Catalog.Packages;
using Hub.Testing;
using Json.Schema;

namespace Hub.Catalog.Tests.Packages;

/// <summary><c>docs/package.schema.json</c> describes what the reader reads.</summary>
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
}
