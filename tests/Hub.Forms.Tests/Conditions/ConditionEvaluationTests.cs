using Hub.Forms.Contracts;

namespace Hub.Forms.Tests.Conditions;

public sealed class ConditionEvaluationTests
{
    private static bool Evaluate(string condition, IReadOnlyDictionary<string, AnswerValue> answers, DateOnly? today = null)
    {
        var result = FormCondition.Parse(condition);
        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        return result.Condition!.Evaluate(answers, today ?? TestForms.Today);
    }

    private static bool Evaluate(string condition, string? answer) =>
        Evaluate(condition, answer is null ? TestForms.Texts() : TestForms.Texts(("a", answer)));

    [Theory]
    [InlineData("x", true)]
    [InlineData(" x ", true)]
    [InlineData("X", false)]
    [InlineData("y", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Eq_compares_text_exactly_after_trimming(string? answer, bool expected) =>
        Assert.Equal(expected, Evaluate("""{"eq":["a","x"]}""", answer));

    [Theory]
    [InlineData("x", false)]
    [InlineData("y", true)]
    [InlineData("", true)]
    [InlineData(null, true)]
    public void Neq_is_the_negation_of_eq_so_unanswered_is_not_equal(string? answer, bool expected) =>
        Assert.Equal(expected, Evaluate("""{"neq":["a","x"]}""", answer));

    [Theory]
    [InlineData("3", true)]
    [InlineData("3,0", true)]
    [InlineData("3.00", true)]
    [InlineData("03", true)]
    [InlineData("3,5", false)]
    [InlineData("three", false)]
    public void Eq_with_a_number_compares_numbers(string answer, bool expected) =>
        Assert.Equal(expected, Evaluate("""{"eq":["a",3]}""", answer));

    [Theory]
    [InlineData("x", true)]
    [InlineData("z", true)]
    [InlineData("7", true)]
    [InlineData("7,0", true)]
    [InlineData("y", false)]
    [InlineData(null, false)]
    public void In_is_true_when_any_value_is_equal(string? answer, bool expected) =>
        Assert.Equal(expected, Evaluate("""{"in":["a",["x","z",7]]}""", answer));

    [Theory]
    [InlineData("gt", "5", false)]
    [InlineData("gt", "6", true)]
    [InlineData("gte", "5", true)]
    [InlineData("gte", "4,99", false)]
    [InlineData("lt", "4,99", true)]
    [InlineData("lt", "5", false)]
    [InlineData("lte", "5", true)]
    [InlineData("lte", "5,01", false)]
    [InlineData("gt", "-1", false)]
    [InlineData("lt", "-1", true)]
    [InlineData("gt", "", false)]
    [InlineData("lt", "", false)]
    [InlineData("lt", "abc", false)]
    public void Ordering_compares_numbers_and_is_false_without_a_number(string op, string answer, bool expected) =>
        Assert.Equal(expected, Evaluate($$"""{"{{op}}":["a",5]}""", answer));

    [Theory]
    [InlineData("gt", "2026-03-16", true)]
    [InlineData("gt", "2026-03-15", false)]
    [InlineData("gte", "2026-03-15", true)]
    [InlineData("lt", "2026-03-14", true)]
    [InlineData("lte", "2026-03-15", true)]
    [InlineData("lte", "2026-03-16", false)]
    [InlineData("gt", "16 mars", false)]
    public void Ordering_compares_dates_when_the_literal_is_a_date(string op, string answer, bool expected) =>
        Assert.Equal(expected, Evaluate($$"""{"{{op}}":["a","2026-03-15"]}""", answer));

    [Fact]
    public void Contains_reads_checked_options()
    {
        var checkedMilk = TestForms.Given(("a", new ListAnswer(["milk", "egg"])));

        Assert.True(Evaluate("""{"contains":["a","milk"]}""", checkedMilk));
        Assert.False(Evaluate("""{"contains":["a","gluten"]}""", checkedMilk));
        Assert.False(Evaluate("""{"contains":["a","milk"]}""", TestForms.Given(("a", new ListAnswer([])))));
        Assert.False(Evaluate("""{"contains":["a","milk"]}""", TestForms.Texts()));
        Assert.True(Evaluate("""{"contains":["a","milk"]}""", TestForms.Texts(("a", "milk"))));
    }

    public static TheoryData<AnswerValue?, bool> EmptyCases => new()
    {
        { null, true },
        { new TextAnswer(""), true },
        { new TextAnswer("   "), true },
        { new TextAnswer("x"), false },
        { new ListAnswer([]), true },
        { new ListAnswer(["", " "]), true },
        { new ListAnswer(["x"]), false },
        { new PartsAnswer(new Dictionary<string, string> { ["street"] = " " }), true },
        { new PartsAnswer(new Dictionary<string, string> { ["street"] = "Storgatan 1" }), false },
        { new GroupAnswer([]), true },
        { new GroupAnswer([new Dictionary<string, AnswerValue>()]), false },
        { new FileAnswer([]), true },
        { new FileAnswer([new UploadedFile("1", "a.pdf", "application/pdf", 10)]), false },
    };

    [Theory]
    [MemberData(nameof(EmptyCases))]
    public void Empty_and_notEmpty_know_every_kind_of_answer(AnswerValue? answer, bool empty)
    {
        var answers = answer is null ? TestForms.Texts() : TestForms.Given(("a", answer));

        Assert.Equal(empty, Evaluate("""{"empty":"a"}""", answers));
        Assert.Equal(!empty, Evaluate("""{"notEmpty":"a"}""", answers));
    }

    [Theory]
    [InlineData(false, false, false, false)]
    [InlineData(false, true, false, true)]
    [InlineData(true, false, false, true)]
    [InlineData(true, true, true, true)]
    public void And_and_or_follow_their_truth_tables(bool a, bool b, bool and, bool or)
    {
        var answers = TestForms.Texts(("a", a ? "yes" : "no"), ("b", b ? "yes" : "no"));

        Assert.Equal(and, Evaluate("""{"and":[{"eq":["a","yes"]},{"eq":["b","yes"]}]}""", answers));
        Assert.Equal(or, Evaluate("""{"or":[{"eq":["a","yes"]},{"eq":["b","yes"]}]}""", answers));
        Assert.Equal(!a, Evaluate("""{"not":{"eq":["a","yes"]}}""", answers));
    }

    [Fact]
    public void Single_operand_and_or_are_their_operand()
    {
        Assert.True(Evaluate("""{"and":[{"eq":["a","x"]}]}""", "x"));
        Assert.False(Evaluate("""{"or":[{"eq":["a","x"]}]}""", "y"));
    }

    [Theory]
    [InlineData("20080315-1232", true)]
    [InlineData("080315-1232", true)]
    [InlineData("20080316-1231", false)]
    [InlineData("19121212-1212", true)]
    [InlineData("2008-03-15", true)]
    [InlineData("2008-03-16", false)]
    [InlineData("20080315-1233", false)]
    [InlineData("", false)]
    public void AgeAtLeast_counts_from_a_personnummer_or_a_birth_date(string answer, bool adult) =>
        Assert.Equal(adult, Evaluate("""{"ageAtLeast":["a",18]}""", answer));

    [Theory]
    [InlineData("20080315-1232", false)]
    [InlineData("20080316-1231", true)]
    [InlineData("not a number", false)]
    public void AgeUnder_is_false_when_the_age_cannot_be_read(string answer, bool minor) =>
        Assert.Equal(minor, Evaluate("""{"ageUnder":["a",18]}""", answer));

    [Fact]
    public void Ages_are_counted_on_the_date_given_not_the_server_clock()
    {
        var answers = TestForms.Texts(("a", "20080316-1231"));

        Assert.False(Evaluate("""{"ageAtLeast":["a",18]}""", answers, new DateOnly(2026, 3, 15)));
        Assert.True(Evaluate("""{"ageAtLeast":["a",18]}""", answers, new DateOnly(2026, 3, 16)));
    }

    [Fact]
    public void Script_and_markup_in_answers_are_only_ever_compared_as_text()
    {
        var answers = TestForms.Texts(("a", "<script>alert(1)</script>"), ("b", "{\"eq\":[\"a\",\"x\"]}"));

        Assert.True(Evaluate("""{"eq":["a","<script>alert(1)</script>"]}""", answers));
        Assert.False(Evaluate("""{"eq":["b","x"]}""", answers));
    }

    [Fact]
    public void Lists_parts_files_and_groups_never_equal_a_literal()
    {
        var answers = TestForms.Given(
            ("a", new ListAnswer(["x"])),
            ("b", new PartsAnswer(new Dictionary<string, string> { ["x"] = "x" })),
            ("c", new GroupAnswer([])));

        Assert.False(Evaluate("""{"or":[{"eq":["a","x"]},{"eq":["b","x"]},{"eq":["c","x"]}]}""", answers));
    }
}
