using Hub.Forms.Contracts;

namespace Hub.Forms.Tests.Conditions;

public sealed class ConditionParserTests
{
    [Theory]
    [InlineData("""{"eq":["a","x"]}""")]
    [InlineData("""{"neq":["a",3]}""")]
    [InlineData("""{"in":["a",["x","y",1]]}""")]
    [InlineData("""{"contains":["a","x"]}""")]
    [InlineData("""{"gt":["a",1.5]}""")]
    [InlineData("""{"gte":["a","2026-01-01"]}""")]
    [InlineData("""{"lt":["a",-3]}""")]
    [InlineData("""{"lte":["a","2026-01-01"]}""")]
    [InlineData("""{"empty":"a"}""")]
    [InlineData("""{"notEmpty":"a"}""")]
    [InlineData("""{"ageAtLeast":["a",18]}""")]
    [InlineData("""{"ageUnder":["a",16]}""")]
    [InlineData("""{"not":{"empty":"a"}}""")]
    [InlineData("""{"and":[{"empty":"a"},{"or":[{"eq":["b","x"]},{"not":{"eq":["c","y"]}}]}]}""")]
    public void Every_operator_parses_and_writes_back_the_same_json(string json)
    {
        var result = FormCondition.Parse(json);

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Equal(json, result.Condition!.ToJson());
    }

    [Fact]
    public void Numbers_are_written_in_their_shortest_form() =>
        Assert.Equal("""{"gt":["a",1.5]}""", FormCondition.Parse("""{ "gt": [ "a", 1.50 ] }""").Condition!.ToJson());

    [Fact]
    public void Referenced_keys_are_listed_once_in_order() =>
        Assert.Equal(["b", "a", "c"], FormCondition.Parse("""{"or":[{"eq":["b","x"]},{"empty":"a"},{"not":{"eq":["b","y"]}},{"ageUnder":["c",3]}]}""").Condition!.ReferencedKeys);

    [Theory]
    [InlineData("""[]""", "$", "must be a condition object")]
    [InlineData("""{}""", "$", "must name an operator")]
    [InlineData("""{"eq":["a","x"],"neq":["a","y"]}""", "$", "exactly one operator")]
    [InlineData("""{"equals":["a","x"]}""", "$", "'equals' is not a known operator")]
    [InlineData("""{"eval":"alert(1)"}""", "$", "'eval' is not a known operator")]
    [InlineData("""{"eq":"a"}""", "$.eq", "list of two items")]
    [InlineData("""{"eq":["a"]}""", "$.eq", "list of two items")]
    [InlineData("""{"eq":["a","x","y"]}""", "$.eq", "list of two items")]
    [InlineData("""{"eq":["A-Key","x"]}""", "$.eq[0]", "must be the key of a question")]
    [InlineData("""{"eq":[1,"x"]}""", "$.eq[0]", "must be the key of a question")]
    [InlineData("""{"eq":["a",true]}""", "$.eq[1]", "must be a text or a number")]
    [InlineData("""{"eq":["a",null]}""", "$.eq[1]", "must be a text or a number")]
    [InlineData("""{"eq":["a",{"x":1}]}""", "$.eq[1]", "must be a text or a number")]
    [InlineData("""{"eq":["a",1e400]}""", "$.eq[1]", "too large")]
    [InlineData("""{"gt":["a","soon"]}""", "$.gt[1]", "number or a date")]
    [InlineData("""{"gt":["a","2026-02-30"]}""", "$.gt[1]", "number or a date")]
    [InlineData("""{"in":["a",[]]}""", "$.in[1]", "list of 1 to 100")]
    [InlineData("""{"in":["a","x"]}""", "$.in[1]", "list of 1 to 100")]
    [InlineData("""{"in":["a",["x",false]]}""", "$.in[1][1]", "must be a text or a number")]
    [InlineData("""{"contains":["a",1]}""", "$.contains[1]", "must be a text")]
    [InlineData("""{"empty":["a"]}""", "$.empty", "must be the key of a question")]
    [InlineData("""{"and":[]}""", "$.and", "at least one condition")]
    [InlineData("""{"and":{"empty":"a"}}""", "$.and", "at least one condition")]
    [InlineData("""{"or":[{"empty":"a"},"b"]}""", "$.or[1]", "must be a condition object")]
    [InlineData("""{"not":[{"empty":"a"}]}""", "$.not", "must be a condition object")]
    [InlineData("""{"ageAtLeast":["a",18.5]}""", "$.ageAtLeast[1]", "whole number of years")]
    [InlineData("""{"ageAtLeast":["a",200]}""", "$.ageAtLeast[1]", "whole number of years")]
    [InlineData("""{"eq":["a","x\u0000"]}""", "$.eq[1]", "without control characters")]
    [InlineData("""{"eq":["a","x"]""", "$", "is not valid JSON")]
    [InlineData("""{"eq":["a","x"],"eq":["a","y"]}""", "$", "more than once")]
    [InlineData("""{"eq":["a","\ud800"]}""", "$.eq[1]", "not valid Unicode")]
    public void Problems_name_where_and_what(string json, string path, string message)
    {
        var result = FormCondition.Parse(json);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.Path == path && p.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_problem_in_a_condition_is_reported_not_just_the_first()
    {
        var result = FormCondition.Parse("""{"and":[{"eq":["A","x"]},{"nope":1},{"gt":["b","later"]}]}""");

        Assert.Equal(["$.and[0].eq[0]", "$.and[1]", "$.and[2].gt[1]"], result.Problems.Select(p => p.Path));
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_refused()
    {
        var json = string.Concat(Enumerable.Repeat("""{"not":""", 20)) + """{"empty":"a"}""" + new string('}', 20);

        var result = FormCondition.Parse(json);

        Assert.Contains(result.Problems, p => p.Message.Contains("deeper than 16", StringComparison.Ordinal));
    }

    [Fact]
    public void Too_many_operators_are_refused()
    {
        var json = """{"or":[""" + string.Join(",", Enumerable.Repeat("""{"empty":"a"}""", 250)) + "]}";

        var result = FormCondition.Parse(json);

        Assert.Single(result.Problems);
        Assert.Contains("longer than 200", result.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Checked_against_a_definition_a_rule_may_read_any_question_outside_groups()
    {
        var form = TestForms.Form(
            TestForms.Question("first", "text"),
            TestForms.Question("choice", "radio", """, "options": [{ "key": "x", "label": { "sv": "X", "en": "X" } }]"""),
            """{ "key": "group", "type": "repeatingGroup", "label": { "sv": "G", "en": "G" }, "elements": [ """ + TestForms.Question("inner", "text") + "] }");

        Assert.True(FormCondition.Parse("""{"and":[{"eq":["choice","x"]},{"notEmpty":"first"},{"notEmpty":"group"}]}""", form).Succeeded);
        Assert.Contains(FormCondition.Parse("""{"eq":["inner","x"]}""", form).Problems, p => p.Message.Contains("inside the repeating group", StringComparison.Ordinal));
        Assert.Contains(FormCondition.Parse("""{"eq":["choice","y"]}""", form).Problems, p => p.Path == "$.eq[1]");
        Assert.Contains(FormCondition.Parse("""{"eq":["missing","y"]}""", form).Problems, p => p.Message.Contains("not a key in this form", StringComparison.Ordinal));
    }
}
