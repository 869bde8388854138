using System.Text.Json.Nodes;
using Hub.Packages.Contracts;

namespace Hub.Packages.Tests.Merging;

/// <summary>The three-way merge by key on the cases an adopter meets.</summary>
public sealed class KeyedMergeTests
{
    private static JsonObject Service(string help = "Skriv vad du vill ha hjälp med.", string legal = "Vi behandlar dina uppgifter enligt GDPR.",
        string intro = "Ansök om färdtjänst.", params string[] extraFields)
    {
        var elements = new JsonArray
        {
            new JsonObject { ["key"] = "name", ["type"] = "text", ["label"] = new JsonObject { ["sv"] = "Namn", ["en"] = "Name" } },
            new JsonObject { ["key"] = "needs", ["type"] = "textarea", ["label"] = new JsonObject { ["sv"] = "Behov" }, ["hint"] = new JsonObject { ["sv"] = help } },
            new JsonObject { ["key"] = "gdpr", ["type"] = "info", ["text"] = new JsonObject { ["sv"] = legal } },
        };
        foreach (var field in extraFields)
        {
            elements.Add(new JsonObject { ["key"] = field, ["type"] = "text", ["label"] = new JsonObject { ["sv"] = field }, ["required"] = false });
        }

        return new JsonObject
        {
            ["key"] = "fardtjanst",
            ["description"] = new JsonObject { ["sv"] = intro },
            ["form"] = new JsonObject { ["pages"] = new JsonArray { new JsonObject { ["key"] = "start", ["elements"] = elements } } },
        };
    }

    [Fact]
    public void Local_and_upstream_changes_to_different_elements_merge_without_conflict()
    {
        var @base = Service();
        var ours = Service(help: "Beskriv dina behov, t.ex. rullstol.", extraFields: "phone-extra");
        var theirs = Service(legal: "Vi behandlar dina uppgifter enligt dataskyddsförordningen.", intro: "Ansök om färdtjänst hos kommunen.");

        var result = KeyedMerge.Merge(@base, ours, theirs);

        Assert.True(result.IsClean);
        var expected = Service(help: "Beskriv dina behov, t.ex. rullstol.", legal: "Vi behandlar dina uppgifter enligt dataskyddsförordningen.",
            intro: "Ansök om färdtjänst hos kommunen.", extraFields: "phone-extra");
        Assert.True(JsonNode.DeepEquals(expected, result.Merged), result.Merged!.ToJsonString());
    }

    [Fact]
    public void The_same_text_changed_on_both_sides_is_a_conflict_and_the_chosen_side_is_applied()
    {
        var @base = Service();
        var ours = Service(help: "Lokal hjälptext.");
        var theirs = Service(help: "Ny hjälptext från ägaren.");

        var result = KeyedMerge.Merge(@base, ours, theirs);

        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal("/form/pages[key=start]/elements[key=needs]/hint/sv", conflict.Path);
        Assert.Equal((ConflictKind.BothChanged, "Lokal hjälptext.", "Ny hjälptext från ägaren."), (conflict.Kind, conflict.Ours!.GetValue<string>(), conflict.Theirs!.GetValue<string>()));
        Assert.True(JsonNode.DeepEquals(ours, result.Merged), "unresolved, the local text stands");

        var chosen = KeyedMerge.Merge(@base, ours, theirs, new Dictionary<string, MergeSide> { [conflict.Path] = MergeSide.Theirs });
        Assert.True(chosen.IsClean);
        Assert.Single(chosen.Resolved);
        Assert.True(JsonNode.DeepEquals(theirs, chosen.Merged));
    }

    [Fact]
    public void An_element_removed_upstream_but_changed_locally_is_a_conflict_that_keeps_it_until_decided()
    {
        var @base = Service(extraFields: "fax");
        var ours = Service(extraFields: "fax");
        ours["form"]!["pages"]![0]!["elements"]![3]!["label"]!["sv"] = "Fax (om du har)";
        var theirs = Service();

        var result = KeyedMerge.Merge(@base, ours, theirs);

        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal((ConflictKind.RemovedAndChanged, "/form/pages[key=start]/elements[key=fax]"), (conflict.Kind, conflict.Path));
        Assert.Null(conflict.Theirs);
        Assert.True(JsonNode.DeepEquals(ours, result.Merged));
        var removed = KeyedMerge.Merge(@base, ours, theirs, new Dictionary<string, MergeSide> { [conflict.Path] = MergeSide.Theirs });
        Assert.True(JsonNode.DeepEquals(theirs, removed.Merged));
    }

    [Fact]
    public void An_element_removed_upstream_and_untouched_locally_goes()
    {
        var result = KeyedMerge.Merge(Service(extraFields: "fax"), Service(extraFields: "fax"), Service());
        Assert.True(result.IsClean);
        Assert.True(JsonNode.DeepEquals(Service(), result.Merged));
    }

    [Fact]
    public void A_local_addition_stays_where_it_was_put_when_upstream_adds_elsewhere()
    {
        var @base = JsonNode.Parse("""{"items":[{"key":"a"},{"key":"b"},{"key":"c"}]}""");
        var ours = JsonNode.Parse("""{"items":[{"key":"a"},{"key":"local"},{"key":"b"},{"key":"c"}]}""");
        var theirs = JsonNode.Parse("""{"items":[{"key":"a"},{"key":"b"},{"key":"c"},{"key":"upstream"}]}""");

        var result = KeyedMerge.Merge(@base, ours, theirs);

        Assert.True(result.IsClean);
        Assert.Equal("""{"items":[{"key":"a"},{"key":"local"},{"key":"b"},{"key":"c"},{"key":"upstream"}]}""", result.Merged!.ToJsonString());
    }

    [Fact]
    public void A_local_reordering_is_kept_when_upstream_did_not_reorder()
    {
        var @base = JsonNode.Parse("""{"items":[{"key":"a"},{"key":"b"},{"key":"c"}]}""");
        var ours = JsonNode.Parse("""{"items":[{"key":"c"},{"key":"a"},{"key":"b"}]}""");
        var theirs = JsonNode.Parse("""{"items":[{"key":"a","x":1},{"key":"b"},{"key":"c"},{"key":"d"}]}""");

        var result = KeyedMerge.Merge(@base, ours, theirs);

        Assert.True(result.IsClean);
        Assert.Equal("""{"items":[{"key":"c"},{"key":"a","x":1},{"key":"b"},{"key":"d"}]}""", result.Merged!.ToJsonString());
    }

    [Fact]
    public void The_same_key_added_on_both_sides_with_different_content_is_a_conflict_inside_it()
    {
        var @base = JsonNode.Parse("""{"items":[]}""");
        var ours = JsonNode.Parse("""{"items":[{"key":"x","label":"Ours"}]}""");
        var theirs = JsonNode.Parse("""{"items":[{"key":"x","label":"Theirs"}]}""");

        var result = KeyedMerge.Merge(@base, ours, theirs);

        Assert.Equal("/items[key=x]/label", Assert.Single(result.Conflicts).Path);
    }

    [Fact]
    public void Plain_arrays_and_numbers_are_single_values()
    {
        var @base = JsonNode.Parse("""{"languages":["sv"],"handlingDays":14}""");
        var ours = JsonNode.Parse("""{"languages":["sv","en"],"handlingDays":10}""");
        var theirs = JsonNode.Parse("""{"languages":["sv","fi"],"handlingDays":14}""");

        var result = KeyedMerge.Merge(@base, ours, theirs);

        Assert.Equal("/languages", Assert.Single(result.Conflicts).Path);
        Assert.Equal(10, result.Merged!["handlingDays"]!.GetValue<int>());
    }
}
