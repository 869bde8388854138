using Hub.Forms.Answers;

namespace Hub.Forms.Contracts;

/// <summary>Checks submitted answers against a definition, page by page or for the whole form.</summary>
public static class FormAnswerValidator
{
    /// <summary>
    /// Validates <paramref name="answers"/> (keyed by element key, as posted) in document order. Elements and pages
    /// whose <c>visibleWhen</c> is false are neither required nor kept, and conditions see only what is kept, so a
    /// question hidden by an earlier hidden answer is hidden too. Answers to keys the form does not have are dropped.
    /// </summary>
    /// <param name="definition">The exact definition version the answers belong to.</param>
    /// <param name="answers">Answers as submitted.</param>
    /// <param name="today">The date ages and relative checks are counted on (the tenant's local date).</param>
    /// <param name="pageKey">
    /// Only this page's errors, stops and answers are returned; earlier pages are still read, because this page's
    /// conditions may depend on them. Null for the whole form (before submission).
    /// </param>
    /// <exception cref="ArgumentException"><paramref name="pageKey"/> is not a page of the form.</exception>
    public static AnswerValidationResult Validate(
        FormDefinition definition, IReadOnlyDictionary<string, AnswerValue> answers, DateOnly today, string? pageKey = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(answers);
        if (pageKey is not null && definition.FindPage(pageKey) is null)
        {
            throw new ArgumentException($"The form has no page '{pageKey}'.", nameof(pageKey));
        }

        return AnswerValidator.Validate(definition, answers, today, pageKey);
    }
}

/// <summary>The outcome of validating answers.</summary>
/// <param name="Errors">Per-field errors in document order, for the UI to word in the person's language.</param>
/// <param name="Answers">
/// The answers to keep, by element key: only visible questions in scope that were answered. Valid answers are
/// normalized (trimmed, <c>YYYYMMDD-NNNN</c>, <c>NNNNNN-NNNN</c>, invariant numbers, <c>123 45</c>, checked options
/// in option order); invalid ones are kept as given so the form can show them again.
/// </param>
/// <param name="Stops">Paths of visible stop elements in scope; while there is one the form cannot be submitted.</param>
/// <param name="VisiblePages">Keys of the pages shown for these answers, in order (for the step indicator and navigation).</param>
public sealed record AnswerValidationResult(
    IReadOnlyList<FieldError> Errors,
    IReadOnlyDictionary<string, AnswerValue> Answers,
    IReadOnlyList<string> Stops,
    IReadOnlyList<string> VisiblePages)
{
    /// <summary>
    /// Paths of the elements in scope whose <c>visibleWhen</c> is false for these answers (<c>key</c>,
    /// <c>group[0].key</c>), so a renderer can hide them; elements inside a hidden element are not listed.
    /// </summary>
    public IReadOnlyList<string> HiddenElements { get; init; } = [];

    /// <summary>True when no answer has an error.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>True when the answers may be submitted: no error and no visible stop.</summary>
    public bool CanSubmit => IsValid && Stops.Count == 0;
}

/// <summary>An error in one answer: a code and its parameters, never a worded message.</summary>
/// <param name="Path">
/// The field: <c>allergies</c>; a part, <c>home.postalCode</c>; an item of a repeating group, <c>children[1].name</c>.
/// </param>
/// <param name="Code">What is wrong.</param>
/// <param name="Parameters">Values for the message, invariant-formatted (e.g. <c>max</c> = <c>200</c>); see each code.</param>
public sealed record FieldError(string Path, FieldErrorCode Code, IReadOnlyDictionary<string, string> Parameters)
{
    /// <summary>An error without parameters.</summary>
    public FieldError(string path, FieldErrorCode code)
        : this(path, code, new Dictionary<string, string>())
    {
    }

    /// <inheritdoc />
    public override string ToString() =>
        Parameters.Count == 0 ? $"{Path}: {Code}" : $"{Path}: {Code} {{{string.Join(", ", Parameters.Select(p => $"{p.Key}={p.Value}"))}}}";
}

/// <summary>What is wrong with an answer. Parameters are named in each summary.</summary>
public enum FieldErrorCode
{
    /// <summary>No answer, and one is needed.</summary>
    Required,

    /// <summary>Fewer characters than allowed: <c>min</c>.</summary>
    TooShort,

    /// <summary>More characters than allowed: <c>max</c>.</summary>
    TooLong,

    /// <summary>The text does not have the form the question asks for.</summary>
    PatternMismatch,

    /// <summary>The text contains control characters.</summary>
    InvalidCharacters,

    /// <summary>The answer has the wrong shape for the question (e.g. several values for one).</summary>
    InvalidValue,

    /// <summary>Not a number.</summary>
    InvalidNumber,

    /// <summary>Too many digits after the decimal separator: <c>max</c> (0: a whole number is needed).</summary>
    TooManyDecimals,

    /// <summary>Outside the allowed range: <c>min</c> and/or <c>max</c> (numbers invariant, dates <c>yyyy-MM-dd</c>).</summary>
    OutOfRange,

    /// <summary>Not a real date written <c>yyyy-MM-dd</c>.</summary>
    InvalidDate,

    /// <summary>Not an e-mail address.</summary>
    InvalidEmail,

    /// <summary>Not a phone number.</summary>
    InvalidPhone,

    /// <summary>Not a valid personnummer or samordningsnummer (format, date or check digit).</summary>
    InvalidPersonalIdentityNumber,

    /// <summary>Not a valid organisationsnummer (format or check digit).</summary>
    InvalidOrganisationNumber,

    /// <summary>Not a Swedish postal code (five digits).</summary>
    InvalidPostalCode,

    /// <summary>Not one of the question's options.</summary>
    NotAnOption,

    /// <summary>Contact details need an e-mail address or a phone number.</summary>
    EmailOrPhoneRequired,

    /// <summary>A repeating group has fewer items than allowed: <c>min</c>.</summary>
    TooFewItems,

    /// <summary>A repeating group has more items than allowed: <c>max</c>.</summary>
    TooManyItems,

    /// <summary>More files than allowed: <c>max</c>.</summary>
    TooManyFiles,

    /// <summary>A file is larger than allowed: <c>max</c> (bytes), <c>file</c> (its name).</summary>
    FileTooLarge,

    /// <summary>A file's type is not accepted: <c>accept</c> (the accepted types, comma-separated), <c>file</c>.</summary>
    FileTypeNotAllowed,

    /// <summary>A file is empty: <c>file</c>.</summary>
    EmptyFile,

    /// <summary>The same person is named for two signer roles.</summary>
    DuplicateSigner,
}
