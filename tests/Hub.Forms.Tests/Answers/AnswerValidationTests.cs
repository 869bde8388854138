using Hub.Forms.Contracts;
using static Hub.Forms.Tests.TestForms;

namespace Hub.Forms.Tests.Answers;

public sealed class AnswerValidationTests
{
    private const string Options = """, "options": [{ "key": "x", "label": { "sv": "X", "en": "X" } }, { "key": "y", "label": { "sv": "Y", "en": "Y" } }]""";

    private static AnswerValidationResult Validate(FormDefinition form, IReadOnlyDictionary<string, AnswerValue> answers, string? page = null) =>
        FormAnswerValidator.Validate(form, answers, Today, page);

    private static FieldError OnlyError(FormDefinition form, IReadOnlyDictionary<string, AnswerValue> answers) =>
        Assert.Single(Validate(form, answers).Errors);

    private static void AssertError(FieldError error, string path, FieldErrorCode code, params (string Name, string Value)[] parameters)
    {
        Assert.Equal(path, error.Path);
        Assert.Equal(code, error.Code);
        Assert.Equal(parameters.ToDictionary(p => p.Name, p => p.Value), error.Parameters);
    }

    private static string? Kept(AnswerValidationResult result, string key) => (result.Answers.GetValueOrDefault(key) as TextAnswer)?.Value;

    [Fact]
    public void Required_field_without_an_answer_is_an_error()
    {
        var form = Form(Question("name", "text", """, "required": true """));

        AssertError(OnlyError(form, Texts()), "name", FieldErrorCode.Required);
        AssertError(OnlyError(form, Texts(("name", "   "))), "name", FieldErrorCode.Required);
        Assert.True(Validate(form, Texts(("name", "Anna"))).IsValid);
    }

    [Fact]
    public void Optional_field_without_an_answer_is_neither_an_error_nor_kept()
    {
        var result = Validate(Form(Question("name", "text")), Texts(("name", " ")));

        Assert.True(result.IsValid);
        Assert.Empty(result.Answers);
    }

    [Fact]
    public void Hidden_required_field_is_not_required()
    {
        var form = Form(Question("has-allergy", "yesNo"), Question("allergy", "text", """, "required": true, "visibleWhen": { "eq": ["has-allergy", "yes"] } """));

        Assert.True(Validate(form, Texts(("has-allergy", "no"))).IsValid);
        Assert.True(Validate(form, Texts()).IsValid);
        AssertError(OnlyError(form, Texts(("has-allergy", "yes"))), "allergy", FieldErrorCode.Required);
    }

    [Fact]
    public void Hidden_field_answer_is_dropped_even_when_posted()
    {
        var form = Form(Question("has-allergy", "yesNo"), Question("allergy", "text", """, "visibleWhen": { "eq": ["has-allergy", "yes"] } """));

        var result = Validate(form, Texts(("has-allergy", "no"), ("allergy", "nuts")));

        Assert.Equal(["has-allergy"], result.Answers.Keys);
    }

    [Fact]
    public void Hiding_cascades_because_conditions_see_only_kept_answers()
    {
        var form = Form(
            Question("a", "yesNo"),
            Question("b", "yesNo", """, "visibleWhen": { "eq": ["a", "yes"] } """),
            Question("c", "text", """, "required": true, "visibleWhen": { "eq": ["b", "yes"] } """));

        var result = Validate(form, Texts(("a", "no"), ("b", "yes")));

        Assert.True(result.IsValid);
        Assert.Equal(["a"], result.Answers.Keys);
    }

    [Fact]
    public void Answers_to_keys_the_form_does_not_have_are_dropped()
    {
        var result = Validate(Form(Question("name", "text")), Texts(("name", "Anna"), ("is-admin", "true")));

        Assert.Equal(["name"], result.Answers.Keys);
    }

    [Theory]
    [InlineData("ab", FieldErrorCode.TooShort, "min", "3")]
    [InlineData("abcdefghijk", FieldErrorCode.TooLong, "max", "10")]
    public void Text_length_is_checked_with_its_limit_as_parameter(string answer, FieldErrorCode code, string name, string value) =>
        AssertError(OnlyError(Form(Question("t", "text", """, "minLength": 3, "maxLength": 10 """)), Texts(("t", answer))), "t", code, (name, value));

    [Fact]
    public void Text_has_a_default_maximum_length()
    {
        var form = Form(Question("t", "text"), Question("ta", "textarea"));

        AssertError(OnlyError(form, Texts(("t", new string('x', 1001)))), "t", FieldErrorCode.TooLong, ("max", "1000"));
        AssertError(OnlyError(form, Texts(("ta", new string('x', 10001)))), "ta", FieldErrorCode.TooLong, ("max", "10000"));
    }

    [Fact]
    public void Textarea_keeps_line_breaks_normalized_and_counts_them_once()
    {
        var form = Form(Question("ta", "textarea", """, "maxLength": 3 """));

        var result = Validate(form, Texts(("ta", "a\r\nb")));

        Assert.True(result.IsValid);
        Assert.Equal("a\nb", Kept(result, "ta"));
    }

    [Fact]
    public void Control_characters_are_refused_in_answers()
    {
        var form = Form(Question("t", "text"), Question("ta", "textarea"));

        AssertError(OnlyError(form, Texts(("t", "a\u0000b"))), "t", FieldErrorCode.InvalidCharacters);
        AssertError(OnlyError(form, Texts(("t", "a\nb"))), "t", FieldErrorCode.InvalidCharacters);
        Assert.True(Validate(form, Texts(("ta", "a\nb\tc"))).IsValid);
    }

    [Theory]
    [InlineData("AB123", true)]
    [InlineData("ab123", false)]
    [InlineData("AB123x", false)]
    [InlineData("xAB123", false)]
    public void Pattern_must_match_the_whole_answer(string answer, bool valid)
    {
        var result = Validate(Form(Question("t", "text", """, "pattern": "[A-Z]{2}\\d+" """)), Texts(("t", answer)));

        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            AssertError(Assert.Single(result.Errors), "t", FieldErrorCode.PatternMismatch);
        }
    }

    [Fact]
    public void Pattern_matching_stays_fast_on_hostile_input()
    {
        // A classic catastrophic-backtracking pattern; NonBacktracking makes it linear.
        var form = Form(Question("t", "text", """, "pattern": "(a+)+b", "maxLength": 10000 """));
        var started = System.Diagnostics.Stopwatch.StartNew();

        var result = Validate(form, Texts(("t", new string('a', 5000) + "c")));

        Assert.Equal(FieldErrorCode.PatternMismatch, Assert.Single(result.Errors).Code);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(2), started.Elapsed.ToString());
    }

    [Theory]
    [InlineData("3,5", "3.5")]
    [InlineData("10", "10")]
    [InlineData(" 1 000 ", "1000")]
    public void Valid_numbers_are_kept_normalized(string answer, string kept) =>
        Assert.Equal(kept, Kept(Validate(Form(Question("n", "number")), Texts(("n", answer))), "n"));

    [Theory]
    [InlineData("abc", FieldErrorCode.InvalidNumber)]
    [InlineData("1,2,3", FieldErrorCode.InvalidNumber)]
    [InlineData("3,25", FieldErrorCode.TooManyDecimals)]
    [InlineData("-1", FieldErrorCode.OutOfRange)]
    [InlineData("100,5", FieldErrorCode.OutOfRange)]
    public void Invalid_numbers_are_errors(string answer, FieldErrorCode code) =>
        Assert.Equal(code, OnlyError(Form(Question("n", "number", """, "min": 0, "max": 100, "decimals": 1 """)), Texts(("n", answer))).Code);

    [Fact]
    public void Out_of_range_names_the_bounds_that_exist()
    {
        AssertError(OnlyError(Form(Question("n", "number", """, "min": 0.5, "max": 10 """)), Texts(("n", "11"))), "n", FieldErrorCode.OutOfRange, ("min", "0.5"), ("max", "10"));
        AssertError(OnlyError(Form(Question("n", "number", """, "min": 1 """)), Texts(("n", "0"))), "n", FieldErrorCode.OutOfRange, ("min", "1"));
        AssertError(OnlyError(Form(Question("d", "date", """, "max": "2026-12-31" """)), Texts(("d", "2027-01-01"))), "d", FieldErrorCode.OutOfRange, ("max", "2026-12-31"));
    }

    [Fact]
    public void Whole_numbers_only_refuses_decimals() =>
        AssertError(OnlyError(Form(Question("n", "number", """, "decimals": 0 """)), Texts(("n", "2,5"))), "n", FieldErrorCode.TooManyDecimals, ("max", "0"));

    [Theory]
    [InlineData("2026-02-30", FieldErrorCode.InvalidDate)]
    [InlineData("15/03/2026", FieldErrorCode.InvalidDate)]
    [InlineData("2019-12-31", FieldErrorCode.OutOfRange)]
    public void Invalid_dates_are_errors(string answer, FieldErrorCode code) =>
        Assert.Equal(code, OnlyError(Form(Question("d", "date", """, "min": "2020-01-01" """)), Texts(("d", answer))).Code);

    [Theory]
    [InlineData("email", "anna@", FieldErrorCode.InvalidEmail)]
    [InlineData("phone", "12345", FieldErrorCode.InvalidPhone)]
    [InlineData("personnummer", "19121212-1213", FieldErrorCode.InvalidPersonalIdentityNumber)]
    [InlineData("personnummer", "19990230-1234", FieldErrorCode.InvalidPersonalIdentityNumber)]
    [InlineData("organisationsnummer", "556016-0681", FieldErrorCode.InvalidOrganisationNumber)]
    [InlineData("radio", "z", FieldErrorCode.NotAnOption)]
    [InlineData("dropdown", "X", FieldErrorCode.NotAnOption)]
    [InlineData("yesNo", "ja", FieldErrorCode.NotAnOption)]
    public void Format_errors_have_their_own_codes(string type, string answer, FieldErrorCode code)
    {
        var result = Validate(Form(Question("q", type, type is "radio" or "dropdown" ? Options : "")), Texts(("q", answer)));

        AssertError(Assert.Single(result.Errors), "q", code);
        Assert.Equal(answer, Kept(result, "q"));
    }

    [Theory]
    [InlineData("personnummer", "121212-1212", "20121212-1212")]
    [InlineData("personnummer", "191212721219", "19121272-1219")]
    [InlineData("organisationsnummer", "165560160680", "556016-0680")]
    [InlineData("email", " anna@example.se ", "anna@example.se")]
    [InlineData("yesNo", "yes", "yes")]
    [InlineData("radio", "y", "y")]
    [InlineData("date", "2026-03-15", "2026-03-15")]
    public void Valid_answers_are_kept_normalized(string type, string answer, string kept)
    {
        var result = Validate(Form(Question("q", type, type is "radio" ? Options : "")), Texts(("q", answer)));

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(kept, Kept(result, "q"));
    }

    [Fact]
    public void Several_values_for_a_one_value_question_are_invalid_but_one_repeated_value_is_fine()
    {
        var form = Form(Question("q", "radio", Options));

        AssertError(OnlyError(form, Given(("q", new ListAnswer(["x", "y"])))), "q", FieldErrorCode.InvalidValue);
        Assert.True(Validate(form, Given(("q", new ListAnswer(["x"])))).IsValid);
    }

    [Fact]
    public void Checkbox_answers_are_option_keys_kept_in_option_order()
    {
        var form = Form(Question("c", "checkbox", Options + """, "required": true """));

        var result = Validate(form, Given(("c", new ListAnswer(["y", "x", "y", " "]))));

        Assert.True(result.IsValid);
        Assert.Equal(["x", "y"], ((ListAnswer)result.Answers["c"]).Values);
        AssertError(OnlyError(form, Given(("c", new ListAnswer([])))), "c", FieldErrorCode.Required);
        AssertError(OnlyError(form, Given(("c", new ListAnswer(["x", "admin"])))), "c", FieldErrorCode.NotAnOption);
        Assert.True(Validate(form, Texts(("c", "x"))).IsValid);
    }

    [Fact]
    public void Address_is_all_or_nothing_and_postal_code_is_normalized()
    {
        var form = Form(Question("home", "address"));
        static PartsAnswer Address(string street, string code, string city) =>
            new PartsAnswer(new Dictionary<string, string> { ["street"] = street, ["postalCode"] = code, ["city"] = city });

        var valid = Validate(form, Given(("home", Address("Storgatan 1", "13560", "Tyresö"))));
        Assert.Equal("135 60", ((PartsAnswer)valid.Answers["home"]).Parts["postalCode"]);

        Assert.True(Validate(form, Given(("home", Address("", " ", "")))).IsValid);
        AssertError(OnlyError(form, Given(("home", Address("Storgatan 1", "", "Tyresö")))), "home.postalCode", FieldErrorCode.Required);
        AssertError(OnlyError(form, Given(("home", Address("Storgatan 1", "1356", "Tyresö")))), "home.postalCode", FieldErrorCode.InvalidPostalCode);
        Assert.Equal(
            ["home.street", "home.postalCode", "home.city"],
            Validate(Form(Question("home", "address", """, "required": true """)), Texts()).Errors.Select(e => e.Path));
    }

    [Fact]
    public void Required_contact_details_need_a_name_and_an_email_or_phone()
    {
        var form = Form(Question("me", "contactDetails", """, "required": true """));
        static PartsAnswer Contact(string name, string email, string phone) =>
            new PartsAnswer(new Dictionary<string, string> { ["name"] = name, ["email"] = email, ["phone"] = phone });

        Assert.True(Validate(form, Given(("me", Contact("Anna", "", "070-123 45 67")))).IsValid);
        Assert.True(Validate(form, Given(("me", Contact("Anna", "anna@example.se", "")))).IsValid);
        AssertError(OnlyError(form, Given(("me", Contact("Anna", "", "")))), "me.email", FieldErrorCode.EmailOrPhoneRequired);
        AssertError(OnlyError(form, Given(("me", Contact("", "anna@example.se", "")))), "me.name", FieldErrorCode.Required);
        AssertError(OnlyError(form, Given(("me", Contact("Anna", "anna@", "")))), "me.email", FieldErrorCode.InvalidEmail);
        AssertError(OnlyError(form, Given(("me", Contact("Anna", "", "123")))), "me.phone", FieldErrorCode.InvalidPhone);
        Assert.True(Validate(Form(Question("me", "contactDetails")), Given(("me", Contact("", "anna@example.se", "")))).IsValid);
    }

    [Fact]
    public void Parts_answer_is_required_for_composite_questions()
    {
        AssertError(OnlyError(Form(Question("home", "address")), Texts(("home", "Storgatan 1"))), "home", FieldErrorCode.InvalidValue);
    }

    [Fact]
    public void Files_are_checked_for_count_size_type_and_emptiness()
    {
        var form = Form(Question("f", "file", """, "required": true, "accept": [".pdf", "image/*"], "maxSizeBytes": 1000, "maxFiles": 2 """));
        static FileAnswer Files(params UploadedFile[] files) => new FileAnswer(files);
        var pdf = new UploadedFile("1", "intyg.pdf", "application/pdf", 500);
        var photo = new UploadedFile("2", "IMG_1.HEIC", "image/heic", 500);

        Assert.True(Validate(form, Given(("f", Files(pdf, photo)))).IsValid);
        AssertError(OnlyError(form, Given(("f", Files()))), "f", FieldErrorCode.Required);
        AssertError(OnlyError(form, Given(("f", Files(pdf, pdf, pdf)))), "f", FieldErrorCode.TooManyFiles, ("max", "2"));
        AssertError(OnlyError(form, Given(("f", Files(pdf with { Length = 1001 })))), "f", FieldErrorCode.FileTooLarge, ("max", "1000"), ("file", "intyg.pdf"));
        AssertError(OnlyError(form, Given(("f", Files(pdf with { Length = 0 })))), "f", FieldErrorCode.EmptyFile, ("file", "intyg.pdf"));
        AssertError(OnlyError(form, Given(("f", Files(new UploadedFile("3", "a.docx", "application/msword", 10))))), "f",
            FieldErrorCode.FileTypeNotAllowed, ("accept", ".pdf, image/*"), ("file", "a.docx"));
    }

    [Fact]
    public void A_program_is_refused_even_when_renamed_or_the_form_accepts_its_name()
    {
        var form = Form(Question("f", "file", """, "accept": [".pdf", "application/pdf"] """));

        Assert.Equal(FieldErrorCode.FileTypeNotAllowed,
            OnlyError(form, Given(("f", new FileAnswer([new UploadedFile("1", "faktura.pdf", "application/x-msdownload", 10)])))).Code);
        Assert.Equal(FieldErrorCode.FileTypeNotAllowed,
            OnlyError(form, Given(("f", new FileAnswer([new UploadedFile("1", "faktura.exe", "application/pdf", 10)])))).Code);
    }

    [Fact]
    public void Visible_stop_blocks_submission_but_is_not_a_field_error()
    {
        var form = Form(
            Question("resident", "yesNo", """, "required": true """),
            """{ "key": "not-resident", "type": "stop", "text": { "sv": "Du måste bo i kommunen.", "en": "You must live in the municipality." }, "visibleWhen": { "eq": ["resident", "no"] } }""");

        var blocked = Validate(form, Texts(("resident", "no")));
        var allowed = Validate(form, Texts(("resident", "yes")));

        Assert.True(blocked.IsValid);
        Assert.False(blocked.CanSubmit);
        Assert.Equal(["not-resident"], blocked.Stops);
        Assert.True(allowed.CanSubmit);
        Assert.Empty(allowed.Stops);
    }

    [Fact]
    public void Repeating_group_items_are_validated_with_indexed_paths()
    {
        var form = Form("""
            { "key": "children", "type": "repeatingGroup", "label": { "sv": "Barn", "en": "Children" }, "minItems": 1, "maxItems": 3,
              "elements": [
                { "key": "child-name", "type": "text", "label": { "sv": "Namn", "en": "Name" }, "required": true },
                { "key": "child-pnr", "type": "personnummer", "label": { "sv": "Personnummer", "en": "Personal identity number" }, "required": true }
              ] }
            """);
        static IReadOnlyDictionary<string, AnswerValue> Child(string name, string pnr) => Texts(("child-name", name), ("child-pnr", pnr));

        var result = Validate(form, Given(("children", new GroupAnswer([Child("Ella", "20150612-1233"), Child("", "20150612-1234")]))));

        Assert.Equal(["children[1].child-name: Required", "children[1].child-pnr: InvalidPersonalIdentityNumber"], result.Errors.Select(e => e.ToString()));
        var kept = (GroupAnswer)result.Answers["children"];
        Assert.Equal(2, kept.Items.Count);
        AssertError(OnlyError(form, Given(("children", new GroupAnswer([])))), "children", FieldErrorCode.TooFewItems, ("min", "1"));
        AssertError(OnlyError(form, Texts()), "children", FieldErrorCode.TooFewItems, ("min", "1"));
        AssertError(OnlyError(form, Given(("children", new GroupAnswer([.. Enumerable.Repeat(Child("A", "20150612-1233"), 4)])))), "children", FieldErrorCode.TooManyItems, ("max", "3"));
    }

    [Fact]
    public void Conditions_inside_an_item_read_that_item_and_questions_outside()
    {
        var form = Form(
            Question("school-lunch", "yesNo"),
            """
            { "key": "children", "type": "repeatingGroup", "label": { "sv": "Barn", "en": "Children" },
              "elements": [
                { "key": "allergic", "type": "yesNo", "label": { "sv": "Allergi?", "en": "Allergy?" } },
                { "key": "allergy", "type": "text", "label": { "sv": "Vilken?", "en": "Which?" }, "required": true,
                  "visibleWhen": { "and": [{ "eq": ["allergic", "yes"] }, { "eq": ["school-lunch", "yes"] }] } }
              ] }
            """);
        var children = new GroupAnswer([Texts(("allergic", "yes")), Texts(("allergic", "no"), ("allergy", "ignored"))]);

        var result = Validate(form, Given(("school-lunch", new TextAnswer("yes")), ("children", children)));
        var withoutLunch = Validate(form, Given(("school-lunch", new TextAnswer("no")), ("children", children)));

        AssertError(Assert.Single(result.Errors), "children[0].allergy", FieldErrorCode.Required);
        Assert.False(((GroupAnswer)result.Answers["children"]).Items[1].ContainsKey("allergy"));
        Assert.True(withoutLunch.IsValid);
    }

    [Fact]
    public void Signature_needs_each_signers_personnummer_once()
    {
        var form = Form("""
            { "key": "signing", "type": "signature", "label": { "sv": "Underskrifter", "en": "Signatures" },
              "signers": [
                { "key": "guardian-1", "label": { "sv": "Vårdnadshavare 1", "en": "Guardian 1" } },
                { "key": "guardian-2", "label": { "sv": "Vårdnadshavare 2", "en": "Guardian 2" } }
              ] }
            """);
        static PartsAnswer Signers(string first, string second, string email = "") => new PartsAnswer(new Dictionary<string, string>
        {
            ["guardian-1.personnummer"] = first,
            ["guardian-2.personnummer"] = second,
            ["guardian-2.email"] = email,
        });

        var valid = Validate(form, Given(("signing", Signers("19811218-9876", "121212-1212", "pappa@example.se"))));
        Assert.True(valid.IsValid);
        Assert.Equal("20121212-1212", ((PartsAnswer)valid.Answers["signing"]).Parts["guardian-2.personnummer"]);

        AssertError(OnlyError(form, Given(("signing", Signers("19811218-9876", "")))), "signing.guardian-2.personnummer", FieldErrorCode.Required);
        AssertError(OnlyError(form, Given(("signing", Signers("19811218-9876", "811218-9876")))), "signing.guardian-2.personnummer", FieldErrorCode.DuplicateSigner);
        AssertError(OnlyError(form, Given(("signing", Signers("19811218-9876", "121212-1212", "pappa@")))), "signing.guardian-2.email", FieldErrorCode.InvalidEmail);
    }

    [Fact]
    public void Page_validation_reports_only_that_page_but_reads_earlier_pages_for_conditions()
    {
        var form = Read("""
            {
              "key": "f", "languages": ["sv"],
              "pages": [
                { "key": "one", "title": { "sv": "Ett" }, "elements": [
                  { "key": "name", "type": "text", "label": { "sv": "Namn" }, "required": true },
                  { "key": "pet", "type": "yesNo", "label": { "sv": "Husdjur?" } } ] },
                { "key": "two", "title": { "sv": "Två" }, "elements": [
                  { "key": "pet-name", "type": "text", "label": { "sv": "Djurets namn" }, "required": true, "visibleWhen": { "eq": ["pet", "yes"] } } ] }
              ]
            }
            """);

        var pageTwo = Validate(form, Texts(("pet", "yes")), "two");
        var whole = Validate(form, Texts(("pet", "yes")));

        Assert.Equal(["pet-name: Required"], pageTwo.Errors.Select(e => e.ToString()));
        Assert.Empty(pageTwo.Answers);
        Assert.Equal(["name: Required", "pet-name: Required"], whole.Errors.Select(e => e.ToString()));
        Assert.Equal(["pet"], whole.Answers.Keys);
        Assert.Throws<ArgumentException>(() => Validate(form, Texts(), "three"));
    }

    [Fact]
    public void Hidden_page_is_skipped_and_listed_as_not_visible()
    {
        var form = Read("""
            {
              "key": "f", "languages": ["sv"],
              "pages": [
                { "key": "one", "title": { "sv": "Ett" }, "elements": [ { "key": "company", "type": "yesNo", "label": { "sv": "Företag?" }, "required": true } ] },
                { "key": "two", "title": { "sv": "Två" }, "visibleWhen": { "eq": ["company", "yes"] }, "elements": [
                  { "key": "org", "type": "organisationsnummer", "label": { "sv": "Organisationsnummer" }, "required": true } ] },
                { "key": "three", "title": { "sv": "Tre" }, "elements": [ { "key": "x", "type": "text", "label": { "sv": "X" } } ] }
              ]
            }
            """);

        var person = Validate(form, Texts(("company", "no"), ("org", "garbage")));
        var company = Validate(form, Texts(("company", "yes")));

        Assert.True(person.IsValid);
        Assert.Equal(["one", "three"], person.VisiblePages);
        Assert.False(person.Answers.ContainsKey("org"));
        Assert.Equal(["one", "two", "three"], company.VisiblePages);
        Assert.Equal("org: Required", Assert.Single(company.Errors).ToString());
    }

    [Fact]
    public void Answers_of_the_wrong_shape_never_throw()
    {
        var form = Read(Specialkost);
        AnswerValue[] shapes =
        [
            new TextAnswer("x"), new TextAnswer(null!), new ListAnswer(null!), new ListAnswer([null!, "x"]),
            new PartsAnswer(null!), new PartsAnswer(new Dictionary<string, string> { ["x"] = null! }),
            new GroupAnswer(null!), new GroupAnswer([null!]), new FileAnswer(null!), new FileAnswer([null!]),
            new FileAnswer([new UploadedFile(null!, null!, null!, -1)]),
        ];

        foreach (var shape in shapes)
        {
            var answers = form.AllElements().ToDictionary(e => e.Key, _ => shape);
            answers["reason"] = new TextAnswer("medical");
            var result = Validate(form, answers);
            Assert.NotNull(result);
        }
    }
}
