using System.Text.Json;
using System.Text.RegularExpressions;
using Hub.Forms.Contracts;

namespace Hub.Forms.Tests.DemoServices;

/// <summary>Every service file has the shape the Catalog module reads, in Swedish and English, with a form that reads cleanly.</summary>
public sealed partial class DemoServiceFileTests
{
    private static readonly Dictionary<string, JsonValueKind> Properties = new(StringComparer.Ordinal)
    {
        ["key"] = JsonValueKind.String,
        ["version"] = JsonValueKind.String,
        ["title"] = JsonValueKind.Object,
        ["summary"] = JsonValueKind.Object,
        ["description"] = JsonValueKind.Object,
        ["category"] = JsonValueKind.String,
        ["keywords"] = JsonValueKind.Object,
        ["access"] = JsonValueKind.String,
        ["handlingDays"] = JsonValueKind.Number,
        ["form"] = JsonValueKind.Object,
    };

    /// <summary>Properties a demo service may have besides those every one has.</summary>
    private static readonly Dictionary<string, JsonValueKind> OptionalProperties = new(StringComparer.Ordinal)
    {
        ["confidential"] = JsonValueKind.True,
        ["retentionDays"] = JsonValueKind.Number,
        ["workflow"] = JsonValueKind.Object,
    };

    private static readonly string[] Categories =
    [
        "barn-och-utbildning", "omsorg-och-stod", "bygga-bo-och-miljo", "trafik-och-infrastruktur",
        "kultur-och-fritid", "kommun-och-politik", "naringsliv-och-arbete",
    ];

    private static readonly string[] AccessLevels = ["anonymous", "login", "loginAndSignature"];

    public static TheoryData<string> Files => DemoServiceFiles.All();

    [GeneratedRegex("^[a-z][a-z0-9-]{0,63}$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"^\d+\.\d+\.\d+$")]
    private static partial Regex VersionPattern();

    [Fact]
    public void The_eight_demo_services_are_there()
    {
        string[] expected =
        [
            "ekonomiskt-bistand", "fardtjanst", "felanmalan", "foreningsbidrag",
            "ledighet-elev", "specialkost", "synpunkter", "trygghetslarm",
        ];

        var keys = DemoServiceFiles.FileNames().Select(n => n[..^".service.json".Length]);

        Assert.Subset(keys.ToHashSet(StringComparer.Ordinal), expected.ToHashSet(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Has_exactly_the_catalog_properties_with_their_types(string fileName)
    {
        using var document = DemoServiceFiles.Parse(fileName);
        var root = document.RootElement;

        Assert.Equal(JsonValueKind.Object, root.ValueKind);
        var names = root.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        Assert.Subset(names, Properties.Keys.ToHashSet(StringComparer.Ordinal));
        Assert.Subset(Properties.Keys.Concat(OptionalProperties.Keys).ToHashSet(StringComparer.Ordinal), names);
        foreach (var property in root.EnumerateObject())
        {
            var kind = Properties.TryGetValue(property.Name, out var required) ? required : OptionalProperties[property.Name];
            Assert.True(kind == property.Value.ValueKind, $"{property.Name} is {property.Value.ValueKind}");
        }

        Assert.Matches(VersionPattern(), root.GetProperty("version").GetString());
        Assert.True(root.GetProperty("handlingDays").TryGetInt32(out var days) && days is >= 1 and <= 180, $"handlingDays {days}");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Key_matches_the_file_name_and_the_form(string fileName)
    {
        using var document = DemoServiceFiles.Parse(fileName);
        var key = document.RootElement.GetProperty("key").GetString();

        Assert.Matches(KeyPattern(), key);
        Assert.Equal($"{key}.service.json", fileName);
        Assert.Equal(key, document.RootElement.GetProperty("form").GetProperty("key").GetString());
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Category_and_access_are_known_values(string fileName)
    {
        using var document = DemoServiceFiles.Parse(fileName);

        Assert.Contains(document.RootElement.GetProperty("category").GetString(), Categories);
        Assert.Contains(document.RootElement.GetProperty("access").GetString(), AccessLevels);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Texts_and_keywords_exist_in_swedish_and_english_and_exactly_the_forms_languages(string fileName)
    {
        using var document = DemoServiceFiles.Parse(fileName);
        var root = document.RootElement;
        var languages = Languages(root);

        foreach (var name in new[] { "title", "summary", "description" })
        {
            var texts = root.GetProperty(name);
            Assert.Equal(languages, texts.EnumerateObject().Select(p => p.Name));
            foreach (var text in texts.EnumerateObject())
            {
                Assert.True(text.Value.ValueKind == JsonValueKind.String, $"{name}.{text.Name}");
                var value = text.Value.GetString()!;
                Assert.False(string.IsNullOrWhiteSpace(value), $"{name}.{text.Name} is empty");
                Assert.Equal(value.Trim(), value);
                Assert.DoesNotContain('<', value);
                Assert.DoesNotContain('\r', value);
                Assert.DoesNotContain('\t', value);
            }
        }

        var keywords = root.GetProperty("keywords");
        Assert.Equal(languages, keywords.EnumerateObject().Select(p => p.Name));
        foreach (var list in keywords.EnumerateObject())
        {
            Assert.Equal(JsonValueKind.Array, list.Value.ValueKind);
            var words = list.Value.EnumerateArray().Select(w => w.GetString()).ToList();
            Assert.InRange(words.Count, 3, 10);
            Assert.All(words, w => Assert.False(string.IsNullOrWhiteSpace(w)));
            Assert.Equal(words.Count, words.Distinct(StringComparer.Ordinal).Count());
        }
    }

    /// <summary>The form's languages: Swedish and English, and for some services more (Synpunkter in Arabic).</summary>
    private static List<string> Languages(JsonElement root)
    {
        var languages = root.GetProperty("form").GetProperty("languages").EnumerateArray().Select(l => l.GetString()!).ToList();
        Assert.Equal(DemoServiceFiles.Languages, languages.Take(2));
        return languages;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Summary_is_one_sentence_and_description_is_short_paragraphs(string fileName)
    {
        using var document = DemoServiceFiles.Parse(fileName);
        var root = document.RootElement;

        foreach (var language in DemoServiceFiles.Languages)
        {
            var summary = root.GetProperty("summary").GetProperty(language).GetString()!;
            Assert.DoesNotContain('\n', summary);
            Assert.InRange(summary.Length, 20, 200);

            var description = root.GetProperty("description").GetProperty(language).GetString()!;
            var words = description.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length;
            Assert.True(words <= 125, $"{language} description has {words} words");
            Assert.All(description.Split("\n\n"), paragraph => Assert.False(paragraph.Length == 0 || paragraph.Contains('\n', StringComparison.Ordinal)));
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Form_reads_without_problems_in_both_languages(string fileName)
    {
        using var document = DemoServiceFiles.Parse(fileName);

        var result = FormDefinitionJson.Read(document.RootElement.GetProperty("form").GetRawText());

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Problems));
        Assert.Equal(DemoServiceFiles.Languages, result.Definition!.Languages.Take(2)); // Swedish first, English always
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Hints_add_something_to_their_label(string fileName)
    {
        using var document = DemoServiceFiles.Parse(fileName);
        var form = FormDefinitionJson.Read(document.RootElement.GetProperty("form").GetRawText()).Definition!;

        foreach (var element in form.AllElements().Where(e => e.Hint is not null && e.Label is not null))
        {
            foreach (var language in DemoServiceFiles.Languages)
            {
                Assert.False(
                    string.Equals(element.Hint![language], element.Label![language], StringComparison.OrdinalIgnoreCase),
                    $"{element.Key}: the {language} hint repeats the label");
            }
        }
    }
}
