using System.Globalization;
using Hub.Cases.Resources;
using Hub.Forms.Contracts;
using Microsoft.Extensions.Localization;

namespace Hub.Cases.Intake;

/// <summary>
/// What the form partials need: the form's language, the answers and the worded errors, by answer path. The form's
/// language may differ from the page's (a citizen reading Swedish pages may fill in the form in Arabic); every form
/// text then carries its own <c>lang</c> and, for right-to-left scripts, <c>dir</c>.
/// </summary>
internal sealed class FormView(FormDefinition form, IReadOnlyDictionary<string, AnswerValue> answers, IReadOnlyDictionary<string, string> errors, string language)
{
    public FormDefinition Form { get; } = form;

    public IReadOnlyDictionary<string, AnswerValue> Answers { get; } = answers;

    public IReadOnlyDictionary<string, string> Errors { get; } = errors;

    /// <summary>The language form texts are picked in (see <see cref="FormLanguages"/>).</summary>
    public string Language { get; } = language;

    /// <summary>The page's language, <c>sv</c> or <c>en</c>: what buttons and messages are in.</summary>
    public string PageLanguage { get; init; } = UiLanguage();

    /// <summary>Name to prefill contact details with (from e-ID), if any.</summary>
    public string? PrefillName { get; init; }

    /// <summary>A form text in the page's language, or the form's default with its language for a <c>lang</c> attribute.</summary>
    public TextInLanguage Text(LocalizedText? text) => text?.Pick(Language, Form.DefaultLanguage) ?? new TextInLanguage(Language, "");

    /// <summary>The <c>lang</c> value for a text that is not in the page's language, else null (attribute left out).</summary>
    public string? LangOf(TextInLanguage text) => FormLanguages.LangOf(text, PageLanguage);

    /// <summary>The <c>dir</c> value for a right-to-left text on a left-to-right page, else null.</summary>
    public string? DirOf(TextInLanguage text) => FormLanguages.DirOf(text, PageLanguage);

    public string? Error(string path) => Errors.GetValueOrDefault(path);

    public static string UiLanguage() => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "sv";
}

/// <summary>
/// Which language a form is filled in: a form that offers languages besides the pages' own (Swedish, English) lets
/// the citizen choose one on the start page and keeps that choice in the draft and the case; any other form simply
/// follows the page's language.
/// </summary>
internal static class FormLanguages
{
    private static readonly string[] PageLanguages = ["sv", "en"];

    /// <summary>True when the form has a language the pages are not offered in, so the citizen gets to choose.</summary>
    public static bool OffersChoice(FormDefinition form) => form.Languages.Any(l => !PageLanguages.Contains(l));

    /// <summary>The language to show the form in, given what the draft or case recorded.</summary>
    public static string Resolve(FormDefinition form, string recorded) =>
        OffersChoice(form) && form.Languages.Contains(recorded) ? recorded : FormView.UiLanguage();

    /// <summary>The language a message about the form goes out in (a page language: mail texts exist only in those).</summary>
    public static string MessageLanguage(string recorded) => PageLanguages.Contains(recorded) ? recorded : FormView.UiLanguage();

    /// <summary>The language's name in itself, capitalised ("Svenska", "English", "العربية").</summary>
    public static string NativeName(string language)
    {
        var name = Culture(language)?.NativeName ?? language;
        return name.Length > 0 ? char.ToUpper(name[0], CultureInfo.InvariantCulture) + name[1..] : language;
    }

    public static bool IsRightToLeft(string language) => Culture(language)?.TextInfo.IsRightToLeft ?? false;

    public static string? LangOf(TextInLanguage text, string pageLanguage) => text.Language == pageLanguage ? null : text.Language;

    public static string? DirOf(TextInLanguage text, string pageLanguage) =>
        text.Language != pageLanguage && IsRightToLeft(text.Language) ? "rtl" : null;

    private static CultureInfo? Culture(string language)
    {
        try
        {
            return CultureInfo.GetCultureInfo(language);
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }
}

/// <summary>Words the validator's error codes in the person's language, naming the question.</summary>
internal static class ErrorMessages
{
    public static Dictionary<string, string> Word(FormDefinition form, IEnumerable<FieldError> errors, string language, IStringLocalizer<CasesTexts> texts)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var error in errors)
        {
            if (result.ContainsKey(error.Path))
            {
                continue;
            }

            var label = LabelFor(form, error.Path, language);
            var parameters = error.Parameters;
            var message = error.Code switch
            {
                FieldErrorCode.TooShort => texts["Error.TooShort", parameters.GetValueOrDefault("min", "")],
                FieldErrorCode.TooLong => texts["Error.TooLong", parameters.GetValueOrDefault("max", "")],
                FieldErrorCode.TooManyDecimals => parameters.GetValueOrDefault("max") == "0" ? texts["Error.WholeNumber"] : texts["Error.TooManyDecimals", parameters.GetValueOrDefault("max", "")],
                FieldErrorCode.OutOfRange => (parameters.ContainsKey("min"), parameters.ContainsKey("max")) switch
                {
                    (true, true) => texts["Error.Between", parameters["min"], parameters["max"]],
                    (true, false) => texts["Error.AtLeast", parameters["min"]],
                    _ => texts["Error.AtMost", parameters.GetValueOrDefault("max", "")],
                },
                FieldErrorCode.TooFewItems => texts["Error.TooFewItems", parameters.GetValueOrDefault("min", "")],
                FieldErrorCode.TooManyItems => texts["Error.TooManyItems", parameters.GetValueOrDefault("max", "")],
                FieldErrorCode.TooManyFiles => texts["Error.TooManyFiles", parameters.GetValueOrDefault("max", "")],
                FieldErrorCode.FileTooLarge => texts["Error.FileTooLarge", parameters.GetValueOrDefault("file", ""), Megabytes(parameters.GetValueOrDefault("max"))],
                FieldErrorCode.FileTypeNotAllowed => texts["Error.FileTypeNotAllowed", parameters.GetValueOrDefault("file", ""), parameters.GetValueOrDefault("accept", "")],
                FieldErrorCode.EmptyFile => texts["Error.EmptyFile", parameters.GetValueOrDefault("file", "")],
                _ => texts["Error." + error.Code],
            };
            result[error.Path] = label.Length > 0 ? $"{label}: {message.Value}" : message.Value;
        }

        return result;
    }

    private static string Megabytes(string? bytes) =>
        long.TryParse(bytes, CultureInfo.InvariantCulture, out var b) ? (b / (1024d * 1024d)).ToString("0.#", CultureInfo.CurrentCulture) : "";

    /// <summary>The question's label for a path such as <c>children[1].name</c> or <c>home.postalCode</c>.</summary>
    public static string LabelFor(FormDefinition form, string path, string language)
    {
        var last = path;
        var bracket = path.LastIndexOf(']');
        if (bracket >= 0 && bracket + 2 <= path.Length)
        {
            last = path[(bracket + 2)..];
        }

        var key = last.Split('.')[0];
        var element = form.FindElement(key);
        return element?.Label?.Pick(language, form.DefaultLanguage).Text ?? "";
    }
}

/// <summary>One element to render at an answer path (<c>key</c>, or <c>group[0].key</c> inside a group).</summary>
internal sealed record ElementModel(FormView View, FormElement Element, string Path)
{
    public string Id => Hub.Abstractions.FieldModel.IdFor(Path);

    public AnswerValue? Value => View.Answers.GetValueOrDefault(Element.Key);
}

/// <summary>The answers page by page, with change links when they may still be changed.</summary>
internal sealed record AnswerSummaryModel(FormView View, IReadOnlyList<string> Pages, Func<string, string>? ChangeUrl);

/// <summary>One input of a composite question (address, contact details, signers).</summary>
internal sealed record PartField(string Part, string Label, string Type, string? Autocomplete, string? Css);

/// <summary>The heading of a step (service title, step indicator, page title) as the step page and the preview show it.</summary>
internal sealed record StepHeadingModel(FormView View, TextInLanguage Title, FormPage Page, IReadOnlyList<string> VisiblePages, int StepNumber);

/// <summary>A page's elements with those its conditions hide, as the step page and the preview render them.</summary>
internal sealed record FormElementsModel(FormView View, FormPage Page, IReadOnlySet<string> Hidden);
