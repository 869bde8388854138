using Hub.Packages.Contracts;
using System.Globalization;

namespace Hub.Catalog.Contracts;

/// <summary>
/// Checks a service against the catalogue's quality bar: language, plain language (klarspråk), accessibility of the
/// form, documentation. Runs when a version is imported or saved and before it is published; a blocking finding
/// stops publishing. Never throws on a valid package.
/// </summary>
public interface IServiceQualityGate
{
    /// <summary>Every finding, in package order.</summary>
    IReadOnlyList<QualityFinding> Check(ServicePackage package);

    /// <summary>The finding's message in <paramref name="culture"/> (Swedish unless English).</summary>
    string Describe(QualityFinding finding, CultureInfo culture);
}

/// <summary>One thing the quality gate found.</summary>
/// <param name="RuleId">The rule, e.g. <c>hint-repeats-label</c> (<see cref="QualityRules"/>).</param>
/// <param name="Severity">Whether it stops publishing.</param>
/// <param name="Path">Where, as a JSON path in the package file: <c>$.form.pages[0].elements[2].hint.sv</c>.</param>
/// <param name="Reference">The element it concerns (<see cref="AdaptationReference"/> form, e.g. <c>element:diet</c>), or null for the service as a whole.</param>
/// <param name="MessageKey">The resource name of the message (Swedish and English).</param>
/// <param name="Arguments">The message's arguments, in order.</param>
public sealed record QualityFinding(
    string RuleId, QualitySeverity Severity, string Path, string? Reference, string MessageKey, IReadOnlyList<string> Arguments);

/// <summary>How much a finding matters.</summary>
public enum QualitySeverity
{
    /// <summary>Worth a look; does not stop publishing.</summary>
    Advice,

    /// <summary>Must be fixed before the version is published.</summary>
    Blocking,
}

/// <summary>The quality gate's rules.</summary>
public static class QualityRules
{
    /// <summary>Every question and page has a label or title with words in it (blocking).</summary>
    public const string LabelMissing = "label-missing";

    /// <summary>A hint does not repeat its label (blocking).</summary>
    public const string HintRepeatsLabel = "hint-repeats-label";

    /// <summary>No link text such as "klicka här" (blocking).</summary>
    public const string VagueLinkText = "vague-link-text";

    /// <summary>A radio, checkbox or dropdown question has options (blocking).</summary>
    public const string OptionsEmpty = "options-empty";

    /// <summary>
    /// Every page has an element (blocking). A package file cannot have an empty page; a studio draft, being built,
    /// can.
    /// </summary>
    public const string PageEmpty = "page-empty";

    /// <summary>No page has more than <see cref="QualityGateOptions.MaxQuestionsPerPage"/> questions (blocking).</summary>
    public const string PageTooLong = "page-too-long";

    /// <summary>Sentences of more than <see cref="QualityGateOptions.MaxWordsPerSentence"/> words (advice).</summary>
    public const string LongSentence = "long-sentence";

    /// <summary>Every text has every language the service claims (blocking).</summary>
    public const string LanguageIncomplete = "language-incomplete";

    /// <summary>
    /// Every workflow state can be reached from the initial one (blocking). A package file cannot break this; a studio
    /// draft, whose workflow is built a state at a time, can.
    /// </summary>
    public const string StateUnreachable = "state-unreachable";

    /// <summary>From every state that is not closed a closed one can be reached (blocking; as <see cref="StateUnreachable"/>).</summary>
    public const string StateNeverCloses = "state-never-closes";

    /// <summary>The documents the catalogue requires are attached (blocking).</summary>
    public const string DocumentMissing = "document-missing";
}

/// <summary>Thresholds of the quality gate (configuration section <c>Hub:Catalog:QualityGate</c>).</summary>
public sealed class QualityGateOptions
{
    /// <summary>Most questions on one page (GOV.UK: one thing per page; TEO: ten questions instead of fifty). Default 10.</summary>
    public int MaxQuestionsPerPage { get; set; } = 10;

    /// <summary>Most words in one sentence before it is flagged (Språkrådet's klarspråk advice: 15–20 on average). Default 25.</summary>
    public int MaxWordsPerSentence { get; set; } = 25;

    /// <summary>Link texts that say nothing about where they lead, matched case-insensitively anywhere in a text.</summary>
    public IList<string> VagueLinkTexts { get; } = ["klicka här", "tryck här", "click here", "läs mer här"];

    /// <summary>
    /// Document kinds (<see cref="ServiceDocumentKinds"/>) a service needs before it is published. None by default: a
    /// municipality's own service needs none; the hub's shared catalogue configures its own list.
    /// </summary>
    public IList<string> RequiredDocumentKinds { get; } = [];
}
