using System.Text.Json.Nodes;
using Hub.Forms.Contracts;
using static Hub.Forms.Tests.TestForms;

namespace Hub.Forms.Tests.Definitions;

public sealed class ContentHashTests
{
    private static string Hash(string json) => FormDefinitionJson.ComputeContentHash(Read(json));

    [Fact]
    public void Hash_is_64_lower_case_hex_digits() => Assert.Matches("^[0-9a-f]{64}$", Hash(Specialkost));

    [Fact]
    public void Hash_survives_reading_and_writing_again_in_every_form()
    {
        var original = Read(Specialkost);
        var hash = FormDefinitionJson.ComputeContentHash(original);

        Assert.Equal(hash, Hash(FormDefinitionJson.WriteCanonical(original)));
        Assert.Equal(hash, Hash(FormDefinitionJson.Write(original)));
        Assert.Equal(hash, Hash(FormDefinitionJson.Write(original, indented: true)));
        Assert.Equal(FormDefinitionJson.WriteCanonical(original), FormDefinitionJson.WriteCanonical(Read(FormDefinitionJson.WriteCanonical(original))));
    }

    [Fact]
    public void Property_order_and_whitespace_do_not_change_the_hash()
    {
        var reordered = Reverse(JsonNode.Parse(Specialkost)!)!.ToJsonString(new() { WriteIndented = true });

        Assert.NotEqual(Specialkost, reordered);
        Assert.Equal(Hash(Specialkost), Hash(reordered));
    }

    [Fact]
    public void Equivalent_spellings_of_the_same_content_hash_the_same()
    {
        Assert.Equal(
            Hash(Json(Question("a", "number", """, "min": 1.5, "max": 10 """))),
            Hash(Json(Question("a", "number", """, "min": 1.50, "max": 10.000 """))));
        Assert.Equal(
            Hash(Json(Question("a", "text"))),
            Hash(Json(Question("a", "text", """, "required": false """))));
        Assert.Equal(
            Hash(Json("""{ "key": "a", "type": "text", "label": { "sv": "Å", "en": "A" } }""")),
            Hash(Json("""{ "key": "a", "type": "text", "label": { "sv": "\u00c5", "en": "A" } }""")));
        Assert.Equal(
            Hash(Json(Question("a", "yesNo") + "," + Question("b", "text", """, "visibleWhen": { "eq": ["a", "yes"] } """))),
            Hash(Json(Question("a", "yesNo") + "," + Question("b", "text", """, "visibleWhen": {"eq":["a","yes"]} """))));
    }

    [Theory]
    [InlineData("\"Barnets namn\"", "\"Barnets förnamn\"")]
    [InlineData("\"required\": true,\n          \"maxLength\": 200", "\"maxLength\": 200")]
    [InlineData("\"maxLength\": 200", "\"maxLength\": 201")]
    [InlineData("{ \"eq\": [\"reason\", \"allergy\"] }", "{ \"neq\": [\"reason\", \"allergy\"] }")]
    [InlineData("\"lactose\"", "\"laktos\"")]
    [InlineData("\"min\": \"2025-01-01\"", "\"min\": \"2025-01-02\"")]
    public void Any_change_of_meaning_changes_the_hash(string before, string after)
    {
        Assert.Contains(before, Specialkost, StringComparison.Ordinal);

        Assert.NotEqual(Hash(Specialkost), Hash(Specialkost.Replace(before, after, StringComparison.Ordinal)));
    }

    [Fact]
    public void Option_order_is_content()
    {
        var swapped = Json(Question("a", "radio", """, "options": [{ "key": "y", "label": { "sv": "Y", "en": "Y" } }, { "key": "x", "label": { "sv": "X", "en": "X" } }] """));
        var original = Json(Question("a", "radio", """, "options": [{ "key": "x", "label": { "sv": "X", "en": "X" } }, { "key": "y", "label": { "sv": "Y", "en": "Y" } }] """));

        Assert.NotEqual(Hash(original), Hash(swapped));
    }

    [Fact]
    public void Canonical_json_sorts_properties_and_has_no_whitespace()
    {
        var canonical = FormDefinitionJson.WriteCanonical(Read(Json(Question("child-name", "text", """, "required": true, "maxLength": 200 """))));

        Assert.Equal(
            """{"key":"test-form","languages":["sv","en"],"pages":[{"elements":[{"key":"child-name","label":{"en":"Question child-name","sv":"Fråga child-name"},"maxLength":200,"required":true,"type":"text"}],"key":"page-one","title":{"en":"Page","sv":"Sida"}}]}""",
            canonical);
    }

    [Fact]
    public void Canonical_json_escapes_markup_characters_the_same_way_every_time()
    {
        var canonical = FormDefinitionJson.WriteCanonical(Read(Json("""{ "key": "i", "type": "info", "text": { "sv": "<b>\"x\" & 'y'</b>", "en": "x" } }""")));

        Assert.Contains("""\u003Cb\u003E\u0022x\u0022 \u0026 \u0027y\u0027\u003C/b\u003E""", canonical, StringComparison.Ordinal);
    }

    [Fact]
    public void Hash_of_a_known_definition_is_pinned()
    {
        // Stored versions are identified by this hash; if the canonical form changes, every stored hash needs a
        // migration, so a change here must be deliberate. The value was checked independently: for this content the
        // canonical JSON equals Python's json.dumps(sort_keys=True, separators=(',', ':'), ensure_ascii=False).
        var json = Json(Question("a", "number", """, "required": true, "min": 0.50, "max": 10 """) + ","
            + Question("b", "text", """, "visibleWhen": { "and": [{ "gte": ["a", 2] }, { "not": { "empty": "a" } }] } """));

        Assert.Equal("665c2a5418c3e82110272461bf0db2a281756ca0c7f013e918009a68da6aafb8", Hash(json));
    }

    private static JsonNode? Reverse(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Reverse().Select(p => KeyValuePair.Create(p.Key, Reverse(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Reverse)]),
        _ => node?.DeepClone(),
    };
}
