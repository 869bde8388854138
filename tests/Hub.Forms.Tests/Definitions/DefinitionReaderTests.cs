using Hub.Forms.Contracts;
using static Hub.Forms.Tests.TestForms;

namespace Hub.Forms.Tests.Definitions;

public sealed class DefinitionReaderTests
{
    private const string Options = """, "options": [{ "key": "x", "label": { "sv": "X", "en": "X" } }, { "key": "y", "label": { "sv": "Y", "en": "Y" } }]""";

    private static void AssertProblem(IReadOnlyList<FormProblem> problems, string path, string message) =>
        Assert.True(problems.Any(p => p.Path == path && p.Message.Contains(message, StringComparison.Ordinal)),
            $"Expected '{path}: …{message}…' among:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");

    [Fact]
    public void Specialkost_reads_without_problems()
    {
        var form = Read(Specialkost);

        Assert.Equal("specialkost", form.Key);
        Assert.Equal(["sv", "en"], form.Languages);
        Assert.Equal(["barnet", "kosten", "kontakt"], form.Pages.Select(p => p.Key));
        Assert.Equal(FormElementType.PersonalIdentityNumber, form.FindElement("child-personnummer")!.Type);
        Assert.Equal("Barnets personnummer", form.FindElement("child-personnummer")!.Label!["sv"]);
        Assert.Equal(["reason"], form.FindElement("allergens")!.VisibleWhen!.ReferencedKeys);
        Assert.Equal(new DateOnly(2025, 1, 1), form.FindElement("start-date")!.MinDate);
    }

    [Fact]
    public void Every_field_type_reads_with_its_settings()
    {
        var form = Form(
            Question("t", "text", """, "minLength": 2, "maxLength": 20, "pattern": "[A-Z]{2}\\d+", "autocomplete": "given-name" """),
            Question("ta", "textarea", """, "maxLength": 5000 """),
            Question("n", "number", """, "min": -1.50, "max": 10, "decimals": 1 """),
            Question("d", "date", """, "min": "2020-01-01", "max": "2030-12-31" """),
            Question("e", "email"), Question("p", "phone"), Question("pnr", "personnummer"), Question("org", "organisationsnummer"),
            Question("r", "radio", Options), Question("c", "checkbox", Options), Question("dd", "dropdown", Options),
            Question("yn", "yesNo"),
            Question("f", "file", """, "accept": [".pdf", "image/*"], "maxSizeBytes": 2000000, "maxFiles": 3 """),
            Question("a", "address"), Question("cd", "contactDetails"),
            """{ "key": "i", "type": "info", "text": { "sv": "Info", "en": "Info" } }""",
            """{ "key": "s", "type": "stop", "text": { "sv": "Stopp", "en": "Stop" }, "visibleWhen": { "eq": ["yn", "yes"] } }""",
            """{ "key": "g", "type": "repeatingGroup", "label": { "sv": "Barn", "en": "Children" }, "minItems": 1, "maxItems": 5, "elements": [ """ + Question("g-name", "text") + "] }",
            """{ "key": "sig", "type": "signature", "label": { "sv": "Underskrift", "en": "Signature" }, "signers": [{ "key": "guardian-2", "label": { "sv": "Vårdnadshavare 2", "en": "Guardian 2" } }] }""");

        var elements = form.AllElements().ToDictionary(e => e.Key);
        Assert.Equal(20, elements.Count);
        Assert.Equal((2, 20, "[A-Z]{2}\\d+", "given-name"), (elements["t"].MinLength, elements["t"].MaxLength, elements["t"].Pattern, elements["t"].Autocomplete));
        Assert.Equal((-1.5m, 10m, 1), (elements["n"].Min, elements["n"].Max, elements["n"].Decimals));
        Assert.Equal(new DateOnly(2030, 12, 31), elements["d"].MaxDate);
        Assert.Equal(["x", "y"], elements["c"].Options!.Select(o => o.Key));
        Assert.Equal([".pdf", "image/*"], elements["f"].Accept);
        Assert.Equal((2000000L, 3), (elements["f"].MaxSizeBytes, elements["f"].MaxFiles));
        Assert.Equal((1, 5), (elements["g"].MinItems, elements["g"].MaxItems));
        Assert.Equal("g-name", elements["g"].Elements!.Single().Key);
        Assert.Equal("guardian-2", elements["sig"].Signers!.Single().Key);
        Assert.Equal(FormElementType.Stop, elements["s"].Type);
    }

    public static TheoryData<string, string, string> ElementProblems => new()
    {
        { """{ "key": "a", "type": "slider", "label": { "sv": "A", "en": "A" } }""", "$.pages[0].elements[0].type", "'slider' is not a known element type; expected one of: text, textarea" },
        { """{ "key": "a", "label": { "sv": "A", "en": "A" } }""", "$.pages[0].elements[0]", "missing the required property 'type'" },
        { """{ "key": "a", "type": 3 }""", "$.pages[0].elements[0].type", "must be a text naming the element type" },
        { """{ "type": "text", "label": { "sv": "A", "en": "A" } }""", "$.pages[0].elements[0]", "missing the required property 'key'" },
        { Question("Name", "text"), "$.pages[0].elements[0].key", "'Name' is not a valid key: a key is a lower-case letter" },
        { Question("1st", "text"), "$.pages[0].elements[0].key", "not a valid key" },
        { Question("a_b", "text"), "$.pages[0].elements[0].key", "not a valid key" },
        { Question(new string('a', 65), "text"), "$.pages[0].elements[0].key", "not a valid key" },
        { Question("page-one", "text"), "$.pages[0].elements[0].key", "'page-one' is already the key of $.pages[0]" },
        { """{ "key": "a", "type": "text" }""", "$.pages[0].elements[0]", "missing the required property 'label'" },
        { """{ "key": "a", "type": "text", "label": { "sv": "A" } }""", "$.pages[0].elements[0].label", "has no text in 'en'" },
        { """{ "key": "a", "type": "text", "label": { "sv": "A", "en": "A", "de": "A" } }""", "$.pages[0].elements[0].label.de", "'de' is not one of the form's languages (sv, en)" },
        { """{ "key": "a", "type": "text", "label": { "sv": "A", "en": " " } }""", "$.pages[0].elements[0].label.en", "must not be empty" },
        { """{ "key": "a", "type": "text", "label": { "sv": "A", "en": 5 } }""", "$.pages[0].elements[0].label.en", "must be a text" },
        { """{ "key": "a", "type": "text", "label": "A" }""", "$.pages[0].elements[0].label", "must be an object of texts by language" },
        { """{ "key": "a", "type": "text", "label": { "sv": "A\u0007", "en": "A" } }""", "$.pages[0].elements[0].label.sv", "contains control characters" },
        { Question("a", "text", """, "hint": { "sv": "H" }"""), "$.pages[0].elements[0].hint", "has no text in 'en'" },
        { """{ "key": "a", "type": "info" }""", "$.pages[0].elements[0]", "missing the required property 'text'" },
        { Question("a", "text", """, "required": "yes" """), "$.pages[0].elements[0].required", "must be true or false" },
        { Question("a", "text", """, "colour": "red" """), "$.pages[0].elements[0].colour", "is not a known property of 'text' elements" },
        { Question("a", "date", """, "pattern": "x" """), "$.pages[0].elements[0].pattern", "does not apply to 'date' elements" },
        { Question("a", "text", """, "options": [] """), "$.pages[0].elements[0].options", "does not apply to 'text' elements" },
        { """{ "key": "a", "type": "info", "text": { "sv": "T", "en": "T" }, "required": true }""", "$.pages[0].elements[0].required", "does not apply to 'info' elements, which have no answer" },
        { Question("a", "radio"), "$.pages[0].elements[0]", "missing the required property 'options'" },
        { Question("a", "checkbox", """, "options": [] """), "$.pages[0].elements[0].options", "must have at least 1 item" },
        { Question("a", "dropdown", """, "options": {} """), "$.pages[0].elements[0].options", "must be a list" },
        { Question("a", "radio", """, "options": [{ "key": "x", "label": { "sv": "X", "en": "X" } }, { "key": "x", "label": { "sv": "Y", "en": "Y" } }] """), "$.pages[0].elements[0].options[1].key", "'x' is already used in this list" },
        { Question("a", "radio", """, "options": [{ "key": "x" }] """), "$.pages[0].elements[0].options[0]", "missing the required property 'label'" },
        { Question("a", "radio", """, "options": [{ "key": "x", "label": { "sv": "X" } }] """), "$.pages[0].elements[0].options[0].label", "has no text in 'en'" },
        { Question("a", "radio", """, "options": [{ "key": "x", "label": { "sv": "X", "en": "X" }, "value": 1 }] """), "$.pages[0].elements[0].options[0].value", "not a known property of an option" },
        { Question("a", "radio", """, "options": ["x"] """), "$.pages[0].elements[0].options[0]", "must be an object with 'key' and 'label'" },
        { Question("a", "text", """, "pattern": "[a-" """), "$.pages[0].elements[0].pattern", "is not a valid regular expression" },
        { Question("a", "text", """, "pattern": "(a)\\1" """), "$.pages[0].elements[0].pattern", "cannot be used safely" },
        { Question("a", "text", """, "pattern": "(?=a)a" """), "$.pages[0].elements[0].pattern", "cannot be used safely" },
        { Question("a", "text", """, "pattern": "" """), "$.pages[0].elements[0].pattern", "must be a text of 1 to 1,000 characters" },
        { Question("a", "text", """, "minLength": 10, "maxLength": 5 """), "$.pages[0].elements[0].minLength", "is greater than maxLength" },
        { Question("a", "text", """, "minLength": 2000 """), "$.pages[0].elements[0].minLength", "greater than the default maxLength (1000)" },
        { Question("a", "text", """, "maxLength": 0 """), "$.pages[0].elements[0].maxLength", "must be a whole number from 1 to 10,000" },
        { Question("a", "text", """, "maxLength": 1.5 """), "$.pages[0].elements[0].maxLength", "must be a whole number" },
        { Question("a", "textarea", """, "maxLength": 1000000 """), "$.pages[0].elements[0].maxLength", "from 1 to 100,000" },
        { Question("a", "text", """, "autocomplete": "cc-number" """), "$.pages[0].elements[0].autocomplete", "'cc-number' is not an autocomplete token" },
        { Question("a", "number", """, "min": 10, "max": 1 """), "$.pages[0].elements[0].min", "is greater than max" },
        { Question("a", "number", """, "min": "1" """), "$.pages[0].elements[0].min", "must be a number" },
        { Question("a", "number", """, "decimals": 11 """), "$.pages[0].elements[0].decimals", "from 0 to 10" },
        { Question("a", "date", """, "min": "2030-01-01", "max": "2020-01-01" """), "$.pages[0].elements[0].min", "is later than max" },
        { Question("a", "date", """, "min": "2021-02-29" """), "$.pages[0].elements[0].min", "must be a date written yyyy-MM-dd" },
        { Question("a", "date", """, "max": 20200101 """), "$.pages[0].elements[0].max", "must be a date written yyyy-MM-dd" },
        { Question("a", "file"), "$.pages[0].elements[0]", "missing the required property 'accept'" },
        { Question("a", "file", """, "accept": [".exe"] """), "$.pages[0].elements[0].accept[0]", "can run code" },
        { Question("a", "file", """, "accept": ["image/svg+xml"] """), "$.pages[0].elements[0].accept[0]", "can run code" },
        { Question("a", "file", """, "accept": [".PDF"] """), "$.pages[0].elements[0].accept[0]", "lower-case file name extension" },
        { Question("a", "file", """, "accept": ["pdf"] """), "$.pages[0].elements[0].accept[0]", "file name extension such as '.pdf' or a media type" },
        { Question("a", "file", """, "accept": [".pdf", ".pdf"] """), "$.pages[0].elements[0].accept[1]", "is listed twice" },
        { Question("a", "file", """, "accept": [".pdf"], "maxSizeBytes": 1000000000 """), "$.pages[0].elements[0].maxSizeBytes", "from 1 to 104,857,600" },
        { Question("a", "file", """, "accept": [".pdf"], "maxFiles": 0 """), "$.pages[0].elements[0].maxFiles", "from 1 to 20" },
        { """{ "key": "g", "type": "repeatingGroup", "label": { "sv": "G", "en": "G" } }""", "$.pages[0].elements[0]", "missing the required property 'elements'" },
        { """{ "key": "g", "type": "repeatingGroup", "label": { "sv": "G", "en": "G" }, "elements": [] }""", "$.pages[0].elements[0].elements", "must have at least 1 item" },
        { """{ "key": "g", "type": "repeatingGroup", "label": { "sv": "G", "en": "G" }, "required": true, "elements": [ """ + Question("x", "text") + "] }", "$.pages[0].elements[0].required", "use 'minItems'" },
        { """{ "key": "g", "type": "repeatingGroup", "label": { "sv": "G", "en": "G" }, "minItems": 6, "maxItems": 5, "elements": [ """ + Question("x", "text") + "] }", "$.pages[0].elements[0].minItems", "is greater than maxItems" },
        { """{ "key": "g", "type": "repeatingGroup", "label": { "sv": "G", "en": "G" }, "minItems": 20, "elements": [ """ + Question("x", "text") + "] }", "$.pages[0].elements[0].minItems", "greater than the default maxItems (10)" },
        { """{ "key": "g", "type": "repeatingGroup", "label": { "sv": "G", "en": "G" }, "elements": [ """ + Question("x", "text") + ", " + Question("x", "text") + "] }", "$.pages[0].elements[0].elements[1].key", "'x' is already the key of $.pages[0].elements[0].elements[0]" },
        { """{ "key": "g1", "type": "repeatingGroup", "label": { "sv": "G", "en": "G" }, "elements": [ { "key": "g2", "type": "repeatingGroup", "label": { "sv": "G", "en": "G" }, "elements": [ { "key": "g3", "type": "repeatingGroup", "label": { "sv": "G", "en": "G" }, "elements": [ """ + Question("x", "text") + "] } ] } ] }", "$.pages[0].elements[0].elements[0].elements[0]", "nests repeating groups more than 2 deep" },
        { """{ "key": "sig", "type": "signature", "label": { "sv": "S", "en": "S" } }""", "$.pages[0].elements[0]", "missing the required property 'signers'" },
        { """{ "key": "sig", "type": "signature", "label": { "sv": "S", "en": "S" }, "required": true, "signers": [{ "key": "g", "label": { "sv": "G", "en": "G" } }] }""", "$.pages[0].elements[0].required", "every signer is needed" },
        { """{ "key": "g", "type": "repeatingGroup", "label": { "sv": "G", "en": "G" }, "elements": [ { "key": "sig", "type": "signature", "label": { "sv": "S", "en": "S" }, "signers": [{ "key": "x", "label": { "sv": "X", "en": "X" } }] } ] }""", "$.pages[0].elements[0].elements[0]", "cannot be inside a repeating group" },
        { "\"text\"", "$.pages[0].elements[0]", "must be an element object with 'key' and 'type'" },
    };

    [Theory]
    [MemberData(nameof(ElementProblems))]
    public void Element_problems_name_their_path(string element, string path, string message) =>
        AssertProblem(ProblemsWith(element), path, message);

    public static TheoryData<string, string, string> ConditionProblems => new()
    {
        { """{ "eq": ["later", "x"] }""", "$.pages[0].elements[2].visibleWhen.eq[0]", "refers to 'later', which comes later in the form" },
        { """{ "eq": ["self", "x"] }""", "$.pages[0].elements[2].visibleWhen.eq[0]", "refers to its own element 'self'" },
        { """{ "eq": ["nowhere", "x"] }""", "$.pages[0].elements[2].visibleWhen.eq[0]", "refers to 'nowhere', which is not a key in this form" },
        { """{ "eq": ["page-one", "x"] }""", "$.pages[0].elements[2].visibleWhen.eq[0]", "refers to the page 'page-one'" },
        { """{ "empty": "note" }""", "$.pages[0].elements[2].visibleWhen.empty", "refers to 'note', which is a text and has no answer" },
        { """{ "eq": ["choice", "z"] }""", "$.pages[0].elements[2].visibleWhen.eq[1]", "'z' is not an option of 'choice'" },
        { """{ "in": ["choice", ["x", "z"]] }""", "$.pages[0].elements[2].visibleWhen.in[1][1]", "'z' is not an option of 'choice'" },
        { """{ "eq": ["choice", 1] }""", "$.pages[0].elements[2].visibleWhen.eq[1]", "must be a text to compare with 'choice' (radio)" },
        { """{ "contains": ["choice", "x"] }""", "$.pages[0].elements[2].visibleWhen.contains[0]", "'contains' reads checkbox questions, not 'choice' (radio)" },
        { """{ "gt": ["choice", 1] }""", "$.pages[0].elements[2].visibleWhen.gt[0]", "'gt' compares numbers and dates, not 'choice' (radio)" },
        { """{ "ageAtLeast": ["choice", 18] }""", "$.pages[0].elements[2].visibleWhen.ageAtLeast[0]", "reads a personnummer or a date of birth" },
        { """{ "and": [{ "notEmpty": "choice" }, { "not": { "eq": ["nowhere", "x"] } }] }""", "$.pages[0].elements[2].visibleWhen.and[1].not.eq[0]", "not a key in this form" },
    };

    [Theory]
    [MemberData(nameof(ConditionProblems))]
    public void Condition_problems_name_their_path(string condition, string path, string message) =>
        AssertProblem(ProblemsWith(
            Question("choice", "radio", Options),
            """{ "key": "note", "type": "info", "text": { "sv": "N", "en": "N" } }""",
            Question("self", "text", $$""", "visibleWhen": {{condition}} """),
            Question("later", "text")), path, message);

    [Fact]
    public void Condition_operators_are_checked_against_the_question_type()
    {
        var problems = ProblemsWith(
            Question("n", "number"), Question("d", "date"), Question("c", "checkbox", Options), Question("y", "yesNo"),
            Question("a", "address"), Question("p", "personnummer"),
            Question("q1", "text", """, "visibleWhen": { "eq": ["n", "3"] } """),
            Question("q2", "text", """, "visibleWhen": { "gt": ["d", 3] } """),
            Question("q3", "text", """, "visibleWhen": { "eq": ["c", "x"] } """),
            Question("q4", "text", """, "visibleWhen": { "eq": ["y", "ja"] } """),
            Question("q5", "text", """, "visibleWhen": { "eq": ["a", "x"] } """),
            Question("q6", "text", """, "visibleWhen": { "contains": ["c", "z"] } """),
            Question("q7", "text", """, "visibleWhen": { "eq": ["d", "soon"] } """),
            Question("q8", "text", """, "visibleWhen": { "lt": ["n", "2026-01-01"] } """));

        AssertProblem(problems, "$.pages[0].elements[6].visibleWhen.eq[1]", "must be a number to compare with 'n' (number)");
        AssertProblem(problems, "$.pages[0].elements[7].visibleWhen.gt[1]", "must be a date written yyyy-MM-dd to compare with 'd' (date)");
        AssertProblem(problems, "$.pages[0].elements[8].visibleWhen.eq[0]", "can have several answers; use 'contains'");
        AssertProblem(problems, "$.pages[0].elements[9].visibleWhen.eq[1]", "must be 'yes' or 'no'");
        AssertProblem(problems, "$.pages[0].elements[10].visibleWhen.eq[0]", "has no single value to compare; use 'empty' or 'notEmpty'");
        AssertProblem(problems, "$.pages[0].elements[11].visibleWhen.contains[1]", "'z' is not an option of 'c'");
        AssertProblem(problems, "$.pages[0].elements[12].visibleWhen.eq[1]", "must be a date written yyyy-MM-dd");
        AssertProblem(problems, "$.pages[0].elements[13].visibleWhen.lt[1]", "must be a number to compare with 'n' (number)");
        Assert.Equal(8, problems.Count);
    }

    [Fact]
    public void Conditions_in_a_group_reach_earlier_items_fields_and_outer_questions_but_not_the_group_itself()
    {
        var form = Form(
            Question("outer", "yesNo"),
            """{ "key": "g", "type": "repeatingGroup", "label": { "sv": "G", "en": "G" }, "elements": [ """
                + Question("inner", "yesNo") + ","
                + Question("inner-2", "text", """, "visibleWhen": { "and": [{ "eq": ["inner", "yes"] }, { "eq": ["outer", "yes"] }] } """) + "] }");
        Assert.NotNull(form);

        var problems = ProblemsWith(
            """{ "key": "g", "type": "repeatingGroup", "label": { "sv": "G", "en": "G" }, "elements": [ """
                + Question("inner", "text", """, "visibleWhen": { "notEmpty": "g" } """) + "] }",
            Question("after", "text", """, "visibleWhen": { "notEmpty": "inner" } """));

        AssertProblem(problems, "$.pages[0].elements[0].elements[0].visibleWhen.notEmpty", "refers to 'g', the repeating group it is in");
        AssertProblem(problems, "$.pages[0].elements[1].visibleWhen.notEmpty", "refers to 'inner' inside the repeating group 'g'");
    }

    [Fact]
    public void A_page_condition_may_refer_only_to_earlier_pages()
    {
        var problems = Problems("""
            {
              "key": "f", "languages": ["sv"],
              "pages": [
                { "key": "one", "title": { "sv": "Ett" }, "elements": [ { "key": "a", "type": "yesNo", "label": { "sv": "A" } } ] },
                { "key": "two", "title": { "sv": "Två" }, "visibleWhen": { "eq": ["b", "yes"] },
                  "elements": [ { "key": "b", "type": "yesNo", "label": { "sv": "B" } } ] },
                { "key": "three", "title": { "sv": "Tre" }, "visibleWhen": { "eq": ["a", "yes"] },
                  "elements": [ { "key": "c", "type": "yesNo", "label": { "sv": "C" } } ] }
              ]
            }
            """);

        Assert.Equal("$.pages[1].visibleWhen.eq[0]: refers to 'b', which comes later in the form; a condition may only refer to questions before it",
            Assert.Single(problems).ToString());
    }

    public static TheoryData<string, string, string> FormProblems => new()
    {
        { "[]", "$", "must be an object with 'key', 'languages' and 'pages'" },
        { "null", "$", "must be an object" },
        { "", "$", "is not valid JSON" },
        { "{", "$", "is not valid JSON" },
        { """{ "key": "f", "languages": ["sv"], "pages": [], }""", "$", "is not valid JSON" },
        { """{ "key": "f", /* c */ "languages": ["sv"], "pages": [] }""", "$", "is not valid JSON" },
        { """{ "languages": ["sv"], "pages": [] }""", "$", "missing the required property 'key'" },
        { """{ "key": "f", "pages": [] }""", "$", "missing the required property 'languages'" },
        { """{ "key": "f", "languages": [] , "pages": [] }""", "$.languages", "must have at least 1 item" },
        { """{ "key": "f", "languages": ["SV"], "pages": [] }""", "$.languages[0]", "two or three lower-case letters" },
        { """{ "key": "f", "languages": ["sv", "sv"], "pages": [] }""", "$.languages[1]", "names 'sv' twice" },
        { """{ "key": "f", "languages": ["sv"] }""", "$", "missing the required property 'pages'" },
        { """{ "key": "f", "languages": ["sv"], "pages": [] }""", "$.pages", "must have at least 1 item" },
        { """{ "key": "f", "languages": ["sv"], "pages": [1] }""", "$.pages[0]", "must be a page object" },
        { """{ "key": "f", "languages": ["sv"], "pages": [{ "key": "p", "elements": [] }] }""", "$.pages[0]", "missing the required property 'title'" },
        { """{ "key": "f", "languages": ["sv"], "pages": [{ "key": "p", "title": { "sv": "P" }, "elements": [] }] }""", "$.pages[0].elements", "must have at least 1 item" },
        { """{ "key": "f", "languages": ["sv"], "pages": [{ "key": "p", "title": { "sv": "P" }, "help": 1, "elements": [] }] }""", "$.pages[0].help", "not a known property of a page" },
        { """{ "key": "f", "languages": ["sv"], "version": 2, "pages": [] }""", "$.version", "not a known property of a form" },
        { """{ "key": "f", "key": "g", "languages": ["sv"], "pages": [] }""", "$", "names the property 'key' more than once" },
        { """{ "key": "f", "languages": ["sv"], "pages": [{ "key": "p", "title": { "sv": "P", "sv": "Q" }, "elements": [] }] }""", "$.pages[0].title", "names the property 'sv' more than once" },
        { """{ "key": "f", "languages": ["sv"], "pages": [{ "key": "p", "title": { "sv": "P" }, "elements": [] }, { "key": "p", "title": { "sv": "P" }, "elements": [] }] }""", "$.pages[1].key", "'p' is already the key of $.pages[0]" },
    };

    [Theory]
    [MemberData(nameof(FormProblems))]
    public void Form_level_problems_name_their_path(string json, string path, string message) =>
        AssertProblem(Problems(json), path, message);

    [Fact]
    public void Every_problem_is_reported_not_just_the_first()
    {
        var problems = ProblemsWith(
            Question("A", "text"),
            Question("b", "slider"),
            Question("c", "radio"),
            Question("d", "text", """, "maxLength": -1 """));

        Assert.Equal(
            ["$.pages[0].elements[0].key", "$.pages[0].elements[1].type", "$.pages[0].elements[2]", "$.pages[0].elements[3].maxLength"],
            problems.Select(p => p.Path));
    }

    [Fact]
    public void Unknown_type_still_reserves_its_key_so_conditions_do_not_report_it_as_missing()
    {
        var problems = ProblemsWith(Question("a", "slider"), Question("b", "text", """, "visibleWhen": { "eq": ["a", "x"] } """));

        Assert.Single(problems);
    }

    [Fact]
    public void Problem_paths_quote_odd_property_names_safely()
    {
        var problems = ProblemsWith(Question("a", "text", """, "we ird'\u0001": 1 """));

        AssertProblem(problems, "$.pages[0].elements[0]['we ird\\u0027\\u0001']", "is not a known property");
    }

    [Fact]
    public void Too_many_elements_are_refused_once()
    {
        var problems = ProblemsWith([.. Enumerable.Range(0, 1001).Select(i => Question($"q{i}", "text"))]);

        Assert.Single(problems, p => p.Message.Contains("at most 1000", StringComparison.Ordinal));
    }

    [Fact]
    public void Definition_larger_than_the_limit_is_refused_before_it_is_parsed()
    {
        var problems = Problems(Json(Question("a", "text", $$""", "hint": { "sv": "{{new string('x', 1_100_000)}}", "en": "x" }""")));

        Assert.Equal("$", Assert.Single(problems).Path);
        Assert.Contains("at most 1,048,576", problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_longer_than_the_limit_is_refused()
    {
        var problems = ProblemsWith(Question("a", "text", $$""", "hint": { "sv": "{{new string('x', 10_001)}}", "en": "x" }"""));

        AssertProblem(problems, "$.pages[0].elements[0].hint.sv", "longer than 10,000 characters");
    }

    [Fact]
    public void Markup_in_texts_is_kept_verbatim_as_plain_text()
    {
        const string markup = "<b>Obs!</b> <script>alert('x')</script> &amp; <a href=\"javascript:alert(1)\">länk</a>";
        var form = Form($$"""{ "key": "i", "type": "info", "text": { "sv": {{System.Text.Json.JsonSerializer.Serialize(markup)}}, "en": "x" } }""");

        Assert.Equal(markup, form.FindElement("i")!.Text!["sv"]);
        Assert.Equal(markup, Read(FormDefinitionJson.Write(form)).FindElement("i")!.Text!["sv"]);
        Assert.Equal(markup, Read(FormDefinitionJson.WriteCanonical(form)).FindElement("i")!.Text!["sv"]);
    }

    [Fact]
    public void Nothing_in_the_contracts_can_mark_a_text_as_html()
    {
        var members = typeof(FormDefinition).Assembly.GetExportedTypes()
            .SelectMany(t => t.GetProperties().Select(p => (Owner: t.Name, p.Name, Type: p.PropertyType.Name)));

        Assert.DoesNotContain(members, m => m.Name.Contains("Html", StringComparison.OrdinalIgnoreCase)
            || m.Type.Contains("Html", StringComparison.OrdinalIgnoreCase) || m.Name.Contains("Markup", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Localized_text_picks_the_language_asked_for_then_the_fallback_and_says_which()
    {
        var text = LocalizedText.Of(("sv", "Namn"), ("en", "Name"));

        Assert.Equal(new TextInLanguage("en", "Name"), text.Pick("en", "sv"));
        Assert.Equal(new TextInLanguage("sv", "Namn"), text.Pick("fi", "sv"));
        Assert.Equal(new TextInLanguage("en", "Name"), LocalizedText.Of(("en", "Name")).Pick("fi", "sv"));
    }
}
