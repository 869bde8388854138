using Hub.Forms.Contracts;
using static Hub.Forms.Tests.TestForms;

namespace Hub.Forms.Tests.DemoServices;

/// <summary>
/// Each demo service accepts what a real applicant would send and reports the mistakes real applicants make, at the
/// field where the UI shows them.
/// </summary>
public sealed class DemoServiceAnswerTests
{
    private const string ChildNumber = "20150612-1233";
    private const string WrongCheckDigit = "20150612-1234";
    private const string SecondAdultNumber = "870315-2341";
    private const string YoungChildNumber = "20170830-1120";

    private static AnswerValidationResult Validate(string service, Dictionary<string, AnswerValue> answers, string? page = null) =>
        FormAnswerValidator.Validate(DemoServiceFiles.Form(service), answers, Today, page);

    private static void AssertSubmittable(AnswerValidationResult result)
    {
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Empty(result.Stops);
        Assert.True(result.CanSubmit);
    }

    /// <summary>The errors as <c>path: Code</c>, parameters left out, for comparing with what a test expects.</summary>
    private static string[] Errors(AnswerValidationResult result) => [.. result.Errors.Select(e => $"{e.Path}: {e.Code}")];

    private static PartsAnswer Parts(params (string Name, string Value)[] parts) =>
        new(parts.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal));

    private static PartsAnswer Contact(string name, string email = "", string phone = "") =>
        Parts(("name", name), ("email", email), ("phone", phone));

    private static PartsAnswer Address(string street, string postalCode, string city) =>
        Parts(("street", street), ("postalCode", postalCode), ("city", city));

    private static FileAnswer Files(params (string Name, string ContentType, long Length)[] files) =>
        new([.. files.Select((f, i) => new UploadedFile($"file-{i}", f.Name, f.ContentType, f.Length))]);

    private static GroupAnswer Items(params Dictionary<string, AnswerValue>[] items) => new(items);

    private static Dictionary<string, AnswerValue> With(Dictionary<string, AnswerValue> answers, params (string Key, AnswerValue? Value)[] changes)
    {
        var changed = new Dictionary<string, AnswerValue>(answers, StringComparer.Ordinal);
        foreach (var (key, value) in changes)
        {
            if (value is null)
            {
                changed.Remove(key);
            }
            else
            {
                changed[key] = value;
            }
        }

        return changed;
    }

    private static TextAnswer T(string value) => new(value);

    // --- specialkost -------------------------------------------------------------------------------------------

    private static Dictionary<string, AnswerValue> Specialkost()
    {
        var answers = Texts(
            ("child-name", "Ella Svensson"), ("child-personnummer", ChildNumber), ("school", "granangsskolan"), ("class", "4B"),
            ("reason", "allergy"), ("severe-reaction", "yes"), ("start-date", "2026-08-18"),
            ("message", "Hon har adrenalinpenna i ryggsäcken."));
        answers["allergens"] = new ListAnswer(["nuts", "egg"]);
        answers["guardian"] = Contact("Anna Svensson", email: "anna.svensson@example.se");
        return answers;
    }

    [Fact]
    public void Specialkost_complete_application_can_be_submitted() => AssertSubmittable(Validate("specialkost", Specialkost()));

    [Fact]
    public void Specialkost_first_page_can_be_completed_with_name_personnummer_and_school()
    {
        var page = Validate("specialkost", Texts(("child-name", "Ella Svensson"), ("child-personnummer", "150612-1233"), ("school", "kumla-skola")), "barnet");

        Assert.True(page.IsValid, string.Join("; ", page.Errors));
        Assert.Equal(ChildNumber, ((TextAnswer)page.Answers["child-personnummer"]).Value);
    }

    [Fact]
    public void Specialkost_reports_a_wrong_check_digit_and_a_missing_school()
    {
        var result = Validate("specialkost", With(Specialkost(), ("child-personnummer", T(WrongCheckDigit)), ("school", null)));

        Assert.Equal(["child-personnummer: InvalidPersonalIdentityNumber", "school: Required"], Errors(result));
    }

    [Fact]
    public void Specialkost_medical_reason_needs_a_certificate()
    {
        var result = Validate("specialkost", With(Specialkost(), ("reason", T("medical"))));

        Assert.Equal(["certificate: Required"], Errors(result));
    }

    // --- synpunkter --------------------------------------------------------------------------------------------

    private static Dictionary<string, AnswerValue> Synpunkt()
    {
        var answers = Texts(
            ("feedback-type", "complaint"), ("area", "streets-parks"),
            ("feedback", "Gångvägen vid Björkbacken har inte plogats på en vecka. Det är svårt att ta sig fram med rollator."),
            ("place", "Gångvägen mellan Björkbacken och centrum"), ("wants-answer", "no"));
        answers["photos"] = Files(("IMG_2041.jpg", "image/jpeg", 2_400_000));
        return answers;
    }

    [Fact]
    public void Synpunkter_anonymous_feedback_can_be_submitted_and_keeps_no_contact_details()
    {
        var result = Validate("synpunkter", With(Synpunkt(), ("contact", Contact("Lars Berg", email: "lars@example.se"))));

        AssertSubmittable(result);
        Assert.False(result.Answers.ContainsKey("contact"));
    }

    [Fact]
    public void Synpunkter_feedback_with_a_wish_for_an_answer_can_be_submitted()
    {
        var answers = With(Synpunkt(), ("wants-answer", T("yes")), ("contact", Contact("Lars Berg", phone: "070-123 45 67")));

        AssertSubmittable(Validate("synpunkter", answers));
    }

    [Fact]
    public void Synpunkter_an_answer_needs_an_email_or_a_phone_number()
    {
        var answers = With(Synpunkt(), ("wants-answer", T("yes")), ("contact", Contact("Lars Berg")));

        Assert.Equal(["contact.email: EmailOrPhoneRequired"], Errors(Validate("synpunkter", answers)));
    }

    [Fact]
    public void Synpunkter_refuses_a_pdf_as_photo_and_feedback_without_text()
    {
        var answers = With(Synpunkt(), ("feedback", T("  ")), ("photos", Files(("brev.pdf", "application/pdf", 80_000))));

        Assert.Equal(["feedback: Required", "photos: FileTypeNotAllowed"], Errors(Validate("synpunkter", answers)));
    }

    // --- ledighet-elev -----------------------------------------------------------------------------------------

    private static Dictionary<string, AnswerValue> Ledighet()
    {
        var answers = Texts(
            ("child-name", "Omar Haddad"), ("child-personnummer", ChildNumber), ("school", "nyboda-skola"), ("class", "5A"),
            ("leave-from", "2026-04-20"), ("leave-to", "2026-04-22"), ("school-days", "3"), ("reason", "family-event"),
            ("catch-up", "Läraren har gett läxor för veckan."), ("two-guardians", "yes"));
        answers["applicant"] = Contact("Sara Haddad", email: "sara.haddad@example.se", phone: "0701234567");
        answers["guardian-signature"] = Parts(("vardnadshavare-2.personnummer", SecondAdultNumber), ("vardnadshavare-2.email", "karim.haddad@example.se"));
        return answers;
    }

    [Fact]
    public void Ledighet_with_two_guardians_names_the_second_signer()
    {
        var result = Validate("ledighet-elev", Ledighet());

        AssertSubmittable(result);
        Assert.Equal("19870315-2341", ((PartsAnswer)result.Answers["guardian-signature"]).Parts["vardnadshavare-2.personnummer"]);
    }

    [Fact]
    public void Ledighet_with_one_guardian_asks_for_no_second_signature()
    {
        var result = Validate("ledighet-elev", With(Ledighet(), ("two-guardians", T("no")), ("guardian-signature", null)));

        AssertSubmittable(result);
        Assert.False(result.Answers.ContainsKey("guardian-signature"));
    }

    [Fact]
    public void Ledighet_with_two_guardians_needs_the_second_guardians_personnummer()
    {
        var missing = Validate("ledighet-elev", With(Ledighet(), ("guardian-signature", null)));
        var wrong = Validate("ledighet-elev", With(Ledighet(), ("guardian-signature", Parts(("vardnadshavare-2.personnummer", "870315-2342")))));

        Assert.Equal(["guardian-signature.vardnadshavare-2.personnummer: Required"], Errors(missing));
        Assert.Equal(["guardian-signature.vardnadshavare-2.personnummer: InvalidPersonalIdentityNumber"], Errors(wrong));
    }

    [Fact]
    public void Ledighet_reports_an_impossible_date_half_days_and_a_travel_without_details()
    {
        var answers = With(Ledighet(), ("leave-from", T("2026-02-30")), ("school-days", T("2,5")), ("reason", T("travel")));

        Assert.Equal(["leave-from: InvalidDate", "school-days: TooManyDecimals", "reason-details: Required"], Errors(Validate("ledighet-elev", answers)));
    }

    // --- foreningsbidrag ---------------------------------------------------------------------------------------

    private static Dictionary<string, AnswerValue> Foreningsbidrag()
    {
        var answers = Texts(
            ("organisation-number", "802012-3454"), ("association-name", "Kumla IF"), ("role", "treasurer"), ("members", "214"),
            ("grant-type", "activity"), ("amount", "15 000"),
            ("activity", "Fotbollsträning två kvällar i veckan för 60 barn mellan 7 och 12 år, och en cup i juni."),
            ("payment-account", "5050-1055"));
        answers["applicant"] = Contact("Maria Lind", email: "kassor@kumlaif.example");
        answers["attachments"] = Files(("budget-2026.pdf", "application/pdf", 210_000), ("verksamhetsberattelse-2025.pdf", "application/pdf", 540_000));
        return answers;
    }

    [Fact]
    public void Foreningsbidrag_complete_application_can_be_submitted_with_whole_kronor()
    {
        var result = Validate("foreningsbidrag", Foreningsbidrag());

        AssertSubmittable(result);
        Assert.Equal("15000", ((TextAnswer)result.Answers["amount"]).Value);
        Assert.Equal("802012-3454", ((TextAnswer)result.Answers["organisation-number"]).Value);
    }

    [Fact]
    public void Foreningsbidrag_reports_a_wrong_organisation_number_and_a_bad_giro_number()
    {
        var answers = With(Foreningsbidrag(), ("organisation-number", T("802012-3455")), ("payment-account", T("12345")));

        Assert.Equal(["organisation-number: InvalidOrganisationNumber", "payment-account: PatternMismatch"], Errors(Validate("foreningsbidrag", answers)));
    }

    [Theory]
    [InlineData("0", "amount: OutOfRange")]
    [InlineData("1500,50", "amount: TooManyDecimals")]
    [InlineData("femtontusen", "amount: InvalidNumber")]
    public void Foreningsbidrag_amount_is_at_least_one_whole_krona(string amount, string error) =>
        Assert.Equal([error], Errors(Validate("foreningsbidrag", With(Foreningsbidrag(), ("amount", T(amount))))));

    [Fact]
    public void Foreningsbidrag_takes_only_pdf_budgets_and_at_most_three()
    {
        var word = With(Foreningsbidrag(), ("attachments", Files(("budget.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", 30_000))));
        var four = With(Foreningsbidrag(), ("attachments", Files(("a.pdf", "application/pdf", 1), ("b.pdf", "application/pdf", 1), ("c.pdf", "application/pdf", 1), ("d.pdf", "application/pdf", 1))));
        var none = With(Foreningsbidrag(), ("attachments", null));

        Assert.Equal(["attachments: FileTypeNotAllowed"], Errors(Validate("foreningsbidrag", word)));
        Assert.Equal(["attachments: TooManyFiles"], Errors(Validate("foreningsbidrag", four)));
        Assert.Equal(["attachments: Required"], Errors(Validate("foreningsbidrag", none)));
    }

    [Fact]
    public void Foreningsbidrag_event_grant_asks_for_the_date() =>
        Assert.Equal(["event-date: Required"], Errors(Validate("foreningsbidrag", With(Foreningsbidrag(), ("grant-type", T("event"))))));

    // --- trygghetslarm -----------------------------------------------------------------------------------------

    private static Dictionary<string, AnswerValue> ContactPerson(string name, string phone, string relation) =>
        Texts(("contact-person-name", name), ("contact-person-phone", phone), ("contact-person-relation", relation), ("contact-person-has-key", "yes"));

    private static Dictionary<string, AnswerValue> Trygghetslarm()
    {
        var answers = Texts(
            ("living-situation", "own-home"), ("lives-alone", "yes"),
            ("reason", "Jag har ramlat två gånger i vinter och kom inte upp själv."), ("home-care", "no"), ("key-handling", "hand-in-key"), ("pets", "no"));
        answers["home-address"] = Address("Storgatan 12 B", "13540", "Tyresö");
        answers["applicant"] = Contact("Britt Nilsson", phone: "08-742 12 34");
        answers["contact-persons"] = Items(ContactPerson("Eva Nilsson", "070-765 43 21", "child"), ContactPerson("Gösta Ek", "08-742 55 55", "neighbour"));
        return answers;
    }

    [Fact]
    public void Trygghetslarm_complete_application_can_be_submitted()
    {
        var result = Validate("trygghetslarm", Trygghetslarm());

        AssertSubmittable(result);
        Assert.Equal("135 40", ((PartsAnswer)result.Answers["home-address"]).Parts["postalCode"]);
        Assert.Equal(2, ((GroupAnswer)result.Answers["contact-persons"]).Items.Count);
    }

    [Fact]
    public void Trygghetslarm_stops_residents_of_a_nursing_home()
    {
        var result = Validate("trygghetslarm", With(Trygghetslarm(), ("living-situation", T("nursing-home"))));

        Assert.True(result.IsValid);
        Assert.False(result.CanSubmit);
        Assert.Equal(["nursing-home-stop"], result.Stops);
    }

    [Fact]
    public void Trygghetslarm_needs_one_to_three_contact_persons()
    {
        var none = With(Trygghetslarm(), ("contact-persons", null));
        var four = With(Trygghetslarm(), ("contact-persons", Items(
            ContactPerson("A", "0701111111", "child"), ContactPerson("B", "0702222222", "child"),
            ContactPerson("C", "0703333333", "friend"), ContactPerson("D", "0704444444", "friend"))));

        Assert.Equal(["contact-persons: TooFewItems"], Errors(Validate("trygghetslarm", none)));
        Assert.Equal(["contact-persons: TooManyItems"], Errors(Validate("trygghetslarm", four)));
    }

    [Fact]
    public void Trygghetslarm_reports_a_contact_person_without_phone_and_a_short_postal_code()
    {
        var answers = With(Trygghetslarm(),
            ("home-address", Address("Storgatan 12 B", "1354", "Tyresö")),
            ("contact-persons", Items(ContactPerson("Eva Nilsson", "070-765 43 21", "child"), Texts(("contact-person-name", "Gösta Ek"), ("contact-person-relation", "neighbour")))));

        Assert.Equal(
            ["home-address.postalCode: InvalidPostalCode", "contact-persons[1].contact-person-phone: Required"],
            Errors(Validate("trygghetslarm", answers)));
    }

    // --- felanmalan --------------------------------------------------------------------------------------------

    private static Dictionary<string, AnswerValue> Felanmalan()
    {
        var answers = Texts(
            ("fault-type", "street-light"), ("pole-number", "GB-4471"), ("location", "Bollmoravägen utanför nummer 28"),
            ("description", "Lampan har varit släckt i tre kvällar. Det är mörkt vid övergångsstället."), ("wants-feedback", "no"));
        answers["photos"] = Files(("IMG_0412.HEIC", "image/heic", 3_100_000), ("IMG_0413.jpg", "image/jpeg", 2_000_000));
        return answers;
    }

    [Fact]
    public void Felanmalan_anonymous_report_with_photos_can_be_submitted() => AssertSubmittable(Validate("felanmalan", Felanmalan()));

    [Fact]
    public void Felanmalan_report_with_address_and_feedback_can_be_submitted()
    {
        var answers = With(Felanmalan(),
            ("location-address", Address("Bollmoravägen 28", "135 40", "Tyresö")),
            ("wants-feedback", T("yes")), ("contact", Contact("Nils Ek", email: "nils.ek@example.se")));

        AssertSubmittable(Validate("felanmalan", answers));
    }

    [Fact]
    public void Felanmalan_limits_photos_to_three_images_of_ten_megabytes()
    {
        var four = With(Felanmalan(), ("photos", Files(("1.jpg", "image/jpeg", 1), ("2.jpg", "image/jpeg", 1), ("3.jpg", "image/jpeg", 1), ("4.jpg", "image/jpeg", 1))));
        var large = With(Felanmalan(), ("photos", Files(("stor.png", "image/png", 12_000_000))));
        var pdf = With(Felanmalan(), ("photos", Files(("karta.pdf", "application/pdf", 100_000))));

        Assert.Equal(["photos: TooManyFiles"], Errors(Validate("felanmalan", four)));
        var tooLarge = Assert.Single(Validate("felanmalan", large).Errors);
        Assert.Equal("photos: FileTooLarge {max=10485760, file=stor.png}", tooLarge.ToString());
        Assert.Equal(["photos: FileTypeNotAllowed"], Errors(Validate("felanmalan", pdf)));
    }

    [Fact]
    public void Felanmalan_other_fault_asks_what_and_an_address_is_all_or_nothing()
    {
        var answers = With(Felanmalan(), ("fault-type", T("other")), ("location-address", Address("Bollmoravägen 28", "", "")));

        Assert.Equal(
            ["fault-other: Required", "location-address.postalCode: Required", "location-address.city: Required"],
            Errors(Validate("felanmalan", answers)));
    }

    // --- fardtjanst --------------------------------------------------------------------------------------------

    private static Dictionary<string, AnswerValue> Fardtjanst()
    {
        var answers = Texts(
            ("registered-here", "yes"),
            ("disability", "Jag har artros i båda knäna och kan inte gå till busshållplatsen eller kliva på bussen."),
            ("duration", "permanent"), ("walking-distance", "under-100-metres"), ("can-transfer", "yes"), ("trips-per-month", "12"),
            ("companion-needed", "yes"), ("companion-reason", "Jag behöver hjälp med rullstolen och att bära kassar."),
            ("consent-medical", "yes"), ("care-provider", "Vårdcentralen Sollefteå"));
        answers["applicant"] = Contact("Karl Öberg", phone: "0620-123 45");
        answers["home-address"] = Address("Storgatan 3", "881 30", "Sollefteå");
        answers["mobility-aids"] = new ListAnswer(["manual-wheelchair", "rollator"]);
        answers["travel-needs"] = new ListAnswer(["shopping-services", "leisure"]);
        return answers;
    }

    [Fact]
    public void Fardtjanst_complete_application_can_be_submitted() => AssertSubmittable(Validate("fardtjanst", Fardtjanst()));

    [Fact]
    public void Fardtjanst_stops_people_registered_in_another_municipality()
    {
        var result = Validate("fardtjanst", With(Fardtjanst(), ("registered-here", T("no"))));

        Assert.Equal(["not-registered-stop"], result.Stops);
        Assert.False(result.CanSubmit);
    }

    [Fact]
    public void Fardtjanst_wheelchair_and_companion_answers_need_their_follow_up_questions()
    {
        var answers = With(Fardtjanst(), ("can-transfer", null), ("companion-reason", null));

        Assert.Equal(["can-transfer: Required", "companion-reason: Required"], Errors(Validate("fardtjanst", answers)));
    }

    [Fact]
    public void Fardtjanst_without_wheelchair_does_not_ask_about_transfer_and_refuses_unknown_aids()
    {
        var walker = With(Fardtjanst(), ("mobility-aids", new ListAnswer(["rollator"])), ("can-transfer", null));
        var unknown = With(Fardtjanst(), ("mobility-aids", new ListAnswer(["rollator", "scooter"])), ("can-transfer", null));

        AssertSubmittable(Validate("fardtjanst", walker));
        Assert.Equal(["mobility-aids: NotAnOption"], Errors(Validate("fardtjanst", unknown)));
    }

    // --- ekonomiskt-bistand ------------------------------------------------------------------------------------

    private static Dictionary<string, AnswerValue> Bistand()
    {
        var answers = Texts(
            ("application-month", "next-month"), ("civil-status", "partner"),
            ("income-salary", "6 200"), ("income-unemployment", "0"), ("income-sickness", "0"), ("income-child", "1250"),
            ("income-housing-allowance", "1 400"), ("income-other", "0"), ("has-assets", "no"),
            ("housing-type", "rental"), ("housing-cost", "7850"), ("electricity-cost", "450"));
        answers["applicant"] = Contact("Amina Yusuf", email: "amina.yusuf@example.se", phone: "073-555 12 34");
        answers["household-members"] = Items(
            Texts(("member-name", "Hassan Ali"), ("member-personnummer", SecondAdultNumber), ("member-relation", "partner")),
            Texts(("member-name", "Sara Ali"), ("member-personnummer", YoungChildNumber), ("member-relation", "child")));
        answers["bank-statements"] = Files(("kontoutdrag-jan-mars.pdf", "application/pdf", 320_000), ("sparkonto.jpg", "image/jpeg", 1_800_000));
        answers["confirmation"] = new ListAnswer(["true-and-complete"]);
        return answers;
    }

    [Fact]
    public void Ekonomiskt_bistand_complete_household_application_can_be_submitted()
    {
        var result = Validate("ekonomiskt-bistand", Bistand());

        AssertSubmittable(result);
        Assert.Equal("6200", ((TextAnswer)result.Answers["income-salary"]).Value);
        Assert.Equal("19870315-2341", ((TextAnswer)((GroupAnswer)result.Answers["household-members"]).Items[0]["member-personnummer"]).Value);
    }

    [Fact]
    public void Ekonomiskt_bistand_other_income_must_be_explained()
    {
        var result = Validate("ekonomiskt-bistand", With(Bistand(), ("income-other", T("1200"))));

        Assert.Equal(["income-other-description: Required"], Errors(result));
    }

    [Fact]
    public void Ekonomiskt_bistand_reports_a_wrong_member_personnummer_and_a_negative_income()
    {
        var answers = With(Bistand(),
            ("income-salary", T("-500")),
            ("household-members", Items(
                Texts(("member-name", "Hassan Ali"), ("member-personnummer", SecondAdultNumber), ("member-relation", "partner")),
                Texts(("member-name", "Sara Ali"), ("member-personnummer", WrongCheckDigit), ("member-relation", "child")))));

        Assert.Equal(
            ["household-members[1].member-personnummer: InvalidPersonalIdentityNumber", "income-salary: OutOfRange"],
            Errors(Validate("ekonomiskt-bistand", answers)));
    }

    [Fact]
    public void Ekonomiskt_bistand_needs_statements_as_pdf_or_image_and_the_confirmation()
    {
        var answers = With(Bistand(),
            ("bank-statements", Files(("kontoutdrag.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", 40_000))),
            ("confirmation", null));

        Assert.Equal(["bank-statements: FileTypeNotAllowed", "confirmation: Required"], Errors(Validate("ekonomiskt-bistand", answers)));
    }

    [Fact]
    public void Ekonomiskt_bistand_without_a_home_is_not_asked_for_housing_costs()
    {
        var result = Validate("ekonomiskt-bistand", With(Bistand(), ("housing-type", T("no-home")), ("housing-cost", null)));

        AssertSubmittable(result);
        Assert.False(result.Answers.ContainsKey("electricity-cost"));
    }
}
