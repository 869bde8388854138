using System.Globalization;
using Hub.Cases.Resources;
using Hub.Forms.Contracts;
using Microsoft.Extensions.Localization;

namespace Hub.Cases.Intake;

/// <summary>What the form partials need: the language, the answers and the worded errors, by answer path.</summary>
internal sealed class FormView(FormDefinition form, IReadOnlyDictionary<string, AnswerValue> answers, IReadOnlyDictionary<string, string> errors, string language)
{
    public FormDefinition Form { get; } = form;

    public IReadOnlyDictionary<string, AnswerValue> Answers { get; } = answers;

    public IReadOnlyDictionary<string, string> Errors { get; } = errors;

    /// <summary>The page's language, <c>sv</c> or <c>en</c>.</summary>
    public string Language { get; } = language;

    /// <summary>Name to prefill contact details with (from e-ID), if any.</summary>
    public string? PrefillName { get; init; }

    /// <summary>A form text in the page's language, or the form's default with its language for a <c>lang</c> attribute.</summary>
    public TextInLanguage Text(LocalizedText? text) => text?.Pick(Language, Form.DefaultLanguage) ?? new TextInLanguage(Language, "");

    /// <summary>The <c>lang</c> value for a text that is not in the page's language, else null (attribute left out).</summary>
    public string? LangOf(TextInLanguage text) => text.Language == Language ? null : text.Language;

    public string? Error(string path) => Errors.GetValueOrDefault(path);

    public static string UiLanguage() => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "sv";
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
