using System.Text.Json;
using Hub.Forms.Contracts;
using Hub.Packages.Contracts;

namespace Hub.Packages.Tests.Packages;

/// <summary>Package format v1 without a database: reading, canonical writing, content hashes and the refusal of bad files.</summary>
public sealed class PackageFormatTests
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The reader and importer's checks together, as Hub.Catalog's <c>ServicePackages.ImportAsync</c> runs them.</summary>
    private static IReadOnlyList<FormProblem> Check(string json)
    {
        var (package, problems) = ServicePackageJson.Read(json);
        return package is null ? problems : PackageTextCheck.Check(package);
    }

    [Theory]
    [InlineData("ekonomiskt-bistand", "00958861abd00a20b361c24bbc0118b4e85bfb804c0bc1748af111554cebc575")] // 1.1.0: workflow (routing, SLA, notifications), confidential, retention
    [InlineData("fardtjanst", "d954904ba9beb6458d22ba0b731607fcd9dd5f2db1463a03b9a6b1778664410f")]
    [InlineData("felanmalan", "079316b1f08ef3cc342766626f0dc976c0ece34cbdba3ceb96f31b1295ce18a8")]
    [InlineData("foreningsbidrag", "45df356e4b0cfabb9b4cabeabd6f55e29374c9d419d13f8a945b24ce59ab72d3")]
    [InlineData("ledighet-elev", "3e5b43a54cfec3b45936e7036f480f01661b94fbd4dd748fa1a44ad8a2282214")]
    [InlineData("specialkost", "eefcfdbc4196c3be6f4456360e9deb524e81b1447df527ef8a78f760df9fedab")]
    [InlineData("synpunkter", "a1bbf0a74ea6b6db500185eaf9d4d1b5732fa875dcf942bc22e25c1b7275deb7")] // 1.1.0: Arabic, retention
    [InlineData("trygghetslarm", "25c010007852aa7b5114750483d0a836dda69fc92926dc8c9d2c870352bc7c9f")]
    public void A_demo_service_keeps_the_content_hash_it_had_before_format_v1_and_through_export_and_import(string key, string hash)
    {
        var (package, problems) = ServicePackageJson.Read(SamplePackages.Demo(key));
        Assert.True(package is not null, string.Join("; ", problems));
        Assert.Equal(key == "ekonomiskt-bistand", package.Workflow is not null);
        Assert.Equal(hash, ServicePackageJson.ContentHash(ServicePackageJson.WriteCanonical(package)));

        var export = ServicePackageJson.WriteExport(package);
        Assert.Contains("\"formatVersion\":1", export, StringComparison.Ordinal);
        var (again, againProblems) = ServicePackageJson.Read(export);
        Assert.True(again is not null, string.Join("; ", againProblems));
        Assert.Equal(hash, ServicePackageJson.ContentHash(ServicePackageJson.WriteCanonical(again)));
        Assert.Equal(export, ServicePackageJson.WriteExport(again));
    }

    [Fact]
    public void A_full_package_reads_with_its_workflow_policy_and_documents_and_writes_back_to_the_same_hash()
    {
        var (package, problems) = ServicePackageJson.Read(SamplePackages.Full());
        Assert.True(package is not null, string.Join("; ", problems));
        var workflow = package.Workflow!;
        Assert.Equal("received", workflow.Initial.Key);
        Assert.Equal(WorkflowStateCategory.Closed, workflow.FindState("closed")!.Category);
        Assert.Equal(["received", "handling"], workflow.Transitions.Single(t => t.Key == "withdraw").From);
        Assert.Equal("stora-projekt", workflow.Routing[0].Group);
        Assert.True(workflow.Routing[0].When.Evaluate(new Dictionary<string, AnswerValue> { ["area"] = new TextAnswer("300") }, new DateOnly(2026, 12, 1)));
        Assert.Equal(new ServiceLevel(21, 28), workflow.Sla);
        Assert.Equal(NotificationRecipient.HandlingGroup, workflow.Notifications[1].Recipient);
        Assert.False(package.EffectiveAdaptation.MayChange("element:owner"));
        Assert.False(package.EffectiveAdaptation.MayChange("element:kind"));
        Assert.True(package.EffectiveAdaptation.MayChange("routing:large"));
        Assert.Equal(ServiceDocumentKinds.ProcessDescription, package.Documents.Single().Kind);
        Assert.Empty(PackageTextCheck.Check(package));

        var canonical = ServicePackageJson.WriteCanonical(package);
        var (again, _) = ServicePackageJson.Read(canonical);
        Assert.Equal(canonical, ServicePackageJson.WriteCanonical(again!));
        Assert.DoesNotContain("formatVersion", canonical, StringComparison.Ordinal);
    }

    [Fact]
    public void Formatting_and_property_order_do_not_change_the_hash()
    {
        var (package, _) = ServicePackageJson.Read(SamplePackages.Full());
        var reordered = JsonSerializer.Serialize(
            JsonDocument.Parse(SamplePackages.Full()).RootElement.EnumerateObject().Reverse().ToDictionary(p => p.Name, p => p.Value),
            Indented);
        var (other, problems) = ServicePackageJson.Read(reordered);
        Assert.True(other is not null, string.Join("; ", problems));
        Assert.Equal(ServicePackageJson.WriteCanonical(package!), ServicePackageJson.WriteCanonical(other));
    }

    [Fact]
    public void The_default_workflow_is_a_valid_workflow_in_the_format()
    {
        var (demo, _) = ServicePackageJson.Read(SamplePackages.Demo("specialkost"));
        var withDefault = demo! with { };
        var json = ServicePackageJson.WriteCanonical(withDefault with { Workflow = ServiceWorkflow.Default(demo.Form.Languages) });
        var (package, problems) = ServicePackageJson.Read(json);
        Assert.True(package is not null, string.Join("; ", problems));
        Assert.Equal(["received", "in-progress", "waiting-for-citizen", "decided", "closed"], package.Workflow!.States.Select(s => s.Key));
        Assert.Equal(ServiceWorkflow.Default(["sv", "en"]).States.Count, demo.EffectiveWorkflow.States.Count);
    }

    [Theory]
    [MemberData(nameof(HostilePackages.Names), MemberType = typeof(HostilePackages))]
    public void A_malformed_or_hostile_package_is_refused_with_a_clear_message(string name)
    {
        var problems = Check(HostilePackages.All[name]);
        Assert.NotEmpty(problems);
        foreach (var problem in problems)
        {
            Assert.StartsWith("$", problem.Path, StringComparison.Ordinal);
            Assert.InRange(problem.Message.Length, 5, 400);
            Assert.True(problem.Path.Length < 300, problem.Path);
        }
    }

    [Fact]
    public void The_corpus_has_at_least_200_files() => Assert.True(HostilePackages.All.Count >= 200, $"{HostilePackages.All.Count} files");

    [Theory]
    [InlineData("graph/no-initial", "$.workflow.states", "exactly one")]
    [InlineData("graph/unreachable", "$.workflow.states[4]", "cannot be reached")]
    [InlineData("graph/never-closed", "$.workflow.states[4]", "can never be closed")]
    [InlineData("graph/to-unknown", "$.workflow.transitions[0].to", "not one of the workflow's states")]
    [InlineData("routing/unknown-question", "$.workflow.routing[0].when", "")]
    [InlineData("liquid/body/unclosed-if", "$.workflow.notifications[1].body.sv", "line 1, column")]
    [InlineData("liquid/body/unknown-filter", "$.workflow.notifications[1].body.sv", "nofilter")]
    [InlineData("liquid/body/endless-loop", "$.workflow.notifications[1].body.sv", "steps")]
    [InlineData("liquid/body/doubling", "$.workflow.notifications[1].body.sv", "longer than")]
    [InlineData("adaptation/unknown-element", "$.adaptation.changeable[4]", "names nothing")]
    [InlineData("duplicate/top-level-key", "$", "more than once")]
    [InlineData("duplicate/state-key", "$.workflow.states[1].key", "already the key")]
    [InlineData("markup/label/script", "$.form.pages[0].elements[0].label.sv", "markup")]
    [InlineData("type/format-version-2", "$.formatVersion", "format version 1")]
    [InlineData("deep/ten-thousand", "$", "deeper than")]
    [InlineData("field-type/html", "$.form.pages[0].elements[1].type", "")]
    public void A_refusal_names_the_place_and_the_reason(string name, string path, string message)
    {
        var problems = Check(HostilePackages.All[name]);
        Assert.Contains(problems, p => p.Path.StartsWith(path, StringComparison.Ordinal) && p.Message.Contains(message, StringComparison.Ordinal));
    }
}
