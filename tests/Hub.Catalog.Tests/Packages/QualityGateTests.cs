using System.Globalization;
using System.Resources;
using Hub.Catalog.Contracts;
using Hub.Catalog.Quality;
using Hub.Forms.Contracts;
using Hub.Packages.Contracts;
using Hub.Packages.Tests.Packages;
using Microsoft.Extensions.Options;

namespace Hub.Catalog.Tests.Packages;

/// <summary>Each rule of the quality gate, with a package that breaks it and one that does not.</summary>
public sealed class QualityGateTests
{
    private static readonly ServicePackage Passing = Read(SamplePackages.Full());

    private static ServicePackage Read(string json)
    {
        var (package, problems) = ServicePackageJson.Read(json);
        Assert.True(package is not null, string.Join("; ", problems));
        return package;
    }

    private static ServiceQualityGate Gate(Action<QualityGateOptions>? configure = null)
    {
        var options = new QualityGateOptions();
        configure?.Invoke(options);
        return new ServiceQualityGate(Options.Create(options));
    }

    private static ServicePackage WithElement(Func<FormElement, FormElement> change, int index = 1)
    {
        var page = Passing.Form.Pages[0];
        var elements = page.Elements.Select((e, i) => i == index ? change(e) : e).ToList();
        return Passing with { Form = Passing.Form with { Pages = [page with { Elements = elements }] } };
    }

    [Fact]
    public void A_clean_package_has_no_finding() => Assert.Empty(Gate().Check(Passing));

    [Theory]
    [MemberData(nameof(DemoKeys))]
    public void Every_demo_service_passes_the_blocking_rules(string key)
    {
        var findings = Gate().Check(Read(SamplePackages.Demo(key)));
        Assert.DoesNotContain(findings, f => f.Severity == QualitySeverity.Blocking);
    }

    public static TheoryData<string> DemoKeys() => [.. SamplePackages.DemoKeys];

    [Fact]
    public void A_label_without_words_blocks()
    {
        var finding = Assert.Single(Gate().Check(WithElement(e => e with { Label = LocalizedText.Of(("sv", "?"), ("en", "Building area")) })));
        Assert.Equal((QualityRules.LabelMissing, QualitySeverity.Blocking, "$.form.pages[0].elements[1].label", "element:area"),
            (finding.RuleId, finding.Severity, finding.Path, finding.Reference));
    }

    [Fact]
    public void A_hint_that_repeats_the_label_blocks()
    {
        var findings = Gate().Check(WithElement(e => e with { Hint = LocalizedText.Of(("sv", "Byggnadsarea."), ("en", "In square metres")) }));
        var finding = Assert.Single(findings);
        Assert.Equal((QualityRules.HintRepeatsLabel, "$.form.pages[0].elements[1].hint.sv"), (finding.RuleId, finding.Path));
    }

    [Fact]
    public void Link_text_like_klicka_har_blocks()
    {
        var package = Passing with { Description = LocalizedText.Of(("sv", "Läs om avgifter, klicka här."), ("en", "Read about fees.")) };
        var finding = Assert.Single(Gate().Check(package));
        Assert.Equal((QualityRules.VagueLinkText, "$.description.sv", "text:description"), (finding.RuleId, finding.Path, finding.Reference));
        Assert.Empty(Gate(o => o.VagueLinkTexts.Clear()).Check(package));
    }

    [Fact]
    public void An_option_list_that_is_empty_blocks()
    {
        var finding = Assert.Single(Gate().Check(WithElement(e => e with { Options = [] }, index: 0)));
        Assert.Equal((QualityRules.OptionsEmpty, "element:kind"), (finding.RuleId, finding.Reference));
    }

    [Fact]
    public void A_page_with_more_questions_than_the_limit_blocks()
    {
        var tooMany = Gate(o => o.MaxQuestionsPerPage = 2).Check(Passing);
        var finding = Assert.Single(tooMany);
        Assert.Equal((QualityRules.PageTooLong, "$.form.pages[0]", "page:atgard", "3"), (finding.RuleId, finding.Path, finding.Reference, finding.Arguments[0]));
        Assert.Empty(Gate(o => o.MaxQuestionsPerPage = 3).Check(Passing));
    }

    [Fact]
    public void A_very_long_sentence_is_advice_not_a_block()
    {
        var sentence = string.Join(' ', Enumerable.Repeat("ord", 30)) + ".";
        var package = Passing with { Summary = LocalizedText.Of(("sv", sentence + " Kort mening."), ("en", "Short.")) };
        var finding = Assert.Single(Gate().Check(package));
        Assert.Equal((QualityRules.LongSentence, QualitySeverity.Advice, "30"), (finding.RuleId, finding.Severity, finding.Arguments[0]));
        Assert.Empty(Gate(o => o.MaxWordsPerSentence = 30).Check(package));
    }

    [Fact]
    public void A_text_missing_a_claimed_language_blocks()
    {
        var finding = Assert.Single(Gate().Check(Passing with { Title = LocalizedText.Of(("sv", "Bygglov")) }));
        Assert.Equal((QualityRules.LanguageIncomplete, "$.title.en", "en"), (finding.RuleId, finding.Path, finding.Arguments[0]));
    }

    [Fact]
    public void A_document_the_catalogue_requires_blocks_until_attached()
    {
        var gate = Gate(o => o.RequiredDocumentKinds.Add(ServiceDocumentKinds.LegalBasis));
        var finding = Assert.Single(gate.Check(Passing));
        Assert.Equal((QualityRules.DocumentMissing, "$.documents", "legalBasis"), (finding.RuleId, finding.Path, finding.Arguments[0]));
        var withDocument = Passing with
        {
            Documents = [.. Passing.Documents, new ServiceDocument(ServiceDocumentKinds.LegalBasis, LocalizedText.Of(("sv", "PBL"), ("en", "PBL")), new Uri("https://lagen.example/pbl"))],
        };
        Assert.Empty(gate.Check(withDocument));
    }

    [Theory]
    [InlineData("sv", "upprepar frågan")]
    [InlineData("en", "repeats the question")]
    public void A_finding_reads_in_swedish_and_english(string culture, string expected)
    {
        var gate = Gate();
        var finding = Gate().Check(WithElement(e => e with { Hint = e.Label }))[0];
        Assert.Contains(expected, gate.Describe(finding, CultureInfo.GetCultureInfo(culture)), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_rule_has_a_message_in_both_languages()
    {
        var resources = new ResourceManager("Hub.Catalog.Resources.QualityGateTexts", typeof(ServiceQualityGate).Assembly);
        var rules = typeof(QualityRules).GetFields().Select(f => (string)f.GetValue(null)!);
        foreach (var rule in rules)
        {
            var key = "Quality_" + rule.Replace('-', '_');
            var sv = resources.GetString(key, CultureInfo.GetCultureInfo("sv"));
            var en = resources.GetString(key, CultureInfo.GetCultureInfo("en"));
            Assert.False(string.IsNullOrEmpty(sv), key);
            Assert.False(string.IsNullOrEmpty(en), key);
            Assert.NotEqual(sv, en);
        }
    }
}
