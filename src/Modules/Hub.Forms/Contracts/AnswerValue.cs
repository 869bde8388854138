namespace Hub.Forms.Contracts;

/// <summary>
/// An answer as submitted, before or after validation. Which kind a question takes is documented on
/// <see cref="FormElementType"/>: one text for most, a list for checkboxes, parts for addresses, contact details and
/// signatures, files for uploads, items for repeating groups.
/// </summary>
public abstract record AnswerValue
{
    private protected AnswerValue()
    {
    }

    /// <summary>An answer given as one text.</summary>
    public static AnswerValue Of(string value) => new TextAnswer(value);

    /// <summary>An answer given as several texts (checked options).</summary>
    public static AnswerValue Of(params string[] values) => new ListAnswer(values);
}

/// <summary>One text, e.g. what was typed, an option's key, <c>yes</c>/<c>no</c>, a date <c>yyyy-MM-dd</c>.</summary>
/// <param name="Value">The text as posted.</param>
public sealed record TextAnswer(string Value) : AnswerValue;

/// <summary>The keys of the checked options of a checkbox question.</summary>
/// <param name="Values">Option keys.</param>
public sealed record ListAnswer(IReadOnlyList<string> Values) : AnswerValue;

/// <summary>Named parts of one answer, e.g. an address's <c>street</c>, <c>postalCode</c> and <c>city</c>.</summary>
/// <param name="Parts">Part name to text.</param>
public sealed record PartsAnswer(IReadOnlyDictionary<string, string> Parts) : AnswerValue;

/// <summary>The items of a repeating group, each answering the group's elements by key.</summary>
/// <param name="Items">One dictionary of answers per item.</param>
public sealed record GroupAnswer(IReadOnlyList<IReadOnlyDictionary<string, AnswerValue>> Items) : AnswerValue;

/// <summary>Files uploaded for a file question (stored elsewhere; this is what validation needs).</summary>
/// <param name="Files">The files.</param>
public sealed record FileAnswer(IReadOnlyList<UploadedFile> Files) : AnswerValue;

/// <summary>An uploaded file as its storage describes it.</summary>
/// <param name="Id">The storage's id for the file.</param>
/// <param name="FileName">The name the person's device gave it.</param>
/// <param name="ContentType">The media type the content was found to be.</param>
/// <param name="Length">Size in bytes.</param>
public sealed record UploadedFile(string Id, string FileName, string ContentType, long Length);
