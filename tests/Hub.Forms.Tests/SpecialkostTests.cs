using Hub.Forms.Contracts;
using static Hub.Forms.Tests.TestForms;

namespace Hub.Forms.Tests;

/// <summary>The citizen journey of issue 3 through the example definition, step by step, without a browser.</summary>
public sealed class SpecialkostTests
{
    private static readonly FormDefinition Form = Read(Specialkost);

    private static PartsAnswer Contact(string name, string email) =>
        new PartsAnswer(new Dictionary<string, string> { ["name"] = name, ["email"] = email, ["phone"] = "" });

    private static AnswerValidationResult Step(string page, Dictionary<string, AnswerValue> answers) =>
        FormAnswerValidator.Validate(Form, answers, Today, page);

    [Fact]
    public void Wrong_personnummer_and_a_missing_answer_are_reported_then_fixed()
    {
        var answers = Texts(("child-name", "Ella Svensson"), ("child-personnummer", "20150612-1234"));

        var first = Step("barnet", answers);
        Assert.Equal(["child-personnummer: InvalidPersonalIdentityNumber", "school: Required"], first.Errors.Select(e => e.ToString()));

        answers["child-personnummer"] = new TextAnswer("150612-1233");
        answers["school"] = new TextAnswer("kumla-skola");
        var fixedStep = Step("barnet", answers);

        Assert.True(fixedStep.IsValid);
        Assert.Equal("20150612-1233", ((TextAnswer)fixedStep.Answers["child-personnummer"]).Value);
    }

    [Fact]
    public void Allergy_reveals_allergens_and_severity_but_not_the_certificate()
    {
        var answers = Texts(("reason", "allergy"), ("start-date", "2026-08-18"));

        var step = Step("kosten", answers);

        Assert.Equal(["allergens: Required", "severe-reaction: Required"], step.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Other_allergen_asks_what_else()
    {
        var answers = Texts(("reason", "medical"), ("start-date", "2026-08-18"));
        answers["allergens"] = new ListAnswer(["gluten", "other"]);
        answers["certificate"] = new FileAnswer([new UploadedFile("f1", "intyg.pdf", "application/pdf", 120_000)]);

        var step = Step("kosten", answers);

        Assert.Equal(["allergens-other: Required"], step.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Preference_alone_stops_the_application_with_an_explanation()
    {
        var step = Step("kosten", Texts(("reason", "preference"), ("start-date", "2026-08-18")));

        Assert.True(step.IsValid);
        Assert.False(step.CanSubmit);
        Assert.Equal(["preference-stop"], step.Stops);
        Assert.Contains("kökspersonal", Form.FindElement("preference-stop")!.Text!["sv"], StringComparison.Ordinal);
    }

    [Fact]
    public void Changing_the_reason_drops_answers_that_no_longer_apply()
    {
        var answers = Texts(("reason", "religious-ethical"), ("start-date", "2026-08-18"), ("severe-reaction", "yes"));
        answers["allergens"] = new ListAnswer(["egg"]);
        answers["conviction-diet"] = new ListAnswer(["vegetarian"]);

        var step = Step("kosten", answers);

        Assert.True(step.IsValid);
        Assert.Equal(["conviction-diet", "reason", "start-date"], step.Answers.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Complete_application_can_be_submitted_and_keeps_only_what_was_asked()
    {
        var answers = Texts(
            ("child-name", "Ella Svensson"), ("child-personnummer", "20150612-1233"), ("school", "granangsskolan"), ("class", "4B"),
            ("reason", "allergy"), ("severe-reaction", "yes"), ("start-date", "2026-08-18"),
            ("message", "Hon har adrenalinpenna i ryggsäcken."), ("conviction-diet", "vegan"));
        answers["allergens"] = new ListAnswer(["nuts", "egg"]);
        answers["guardian"] = Contact("Anna Svensson", "anna.svensson@example.se");

        var result = FormAnswerValidator.Validate(Form, answers, Today);

        Assert.True(result.CanSubmit, string.Join("; ", result.Errors));
        Assert.Equal(["barnet", "kosten", "kontakt"], result.VisiblePages);
        Assert.False(result.Answers.ContainsKey("conviction-diet"));
        Assert.Equal(["egg", "nuts"], ((ListAnswer)result.Answers["allergens"]).Values);
    }

    [Fact]
    public void Start_date_before_the_minimum_is_out_of_range()
    {
        var step = Step("kosten", Texts(("reason", "religious-ethical"), ("start-date", "2024-12-31"), ("conviction-diet", "vegan")));

        Assert.Equal("start-date: OutOfRange {min=2025-01-01}", Assert.Single(step.Errors).ToString());
    }
}
