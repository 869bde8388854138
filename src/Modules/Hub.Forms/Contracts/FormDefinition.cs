namespace Hub.Forms.Contracts;

/// <summary>
/// A form: pages of elements with texts in every language the form claims. Read one from JSON with
/// <see cref="FormDefinitionJson.Read(string)"/>, which checks it completely; a definition built in code is
/// not checked until it is written and read again.
/// </summary>
/// <param name="Key">Stable key of the form (<c>^[a-z][a-z0-9-]{0,63}$</c>).</param>
/// <param name="Languages">The languages every text has, the default language first (e.g. <c>["sv", "en"]</c>).</param>
/// <param name="Pages">The steps, in order.</param>
public sealed record FormDefinition(string Key, IReadOnlyList<string> Languages, IReadOnlyList<FormPage> Pages)
{
    /// <summary>The language a text falls back to: the first of <see cref="Languages"/>.</summary>
    public string DefaultLanguage => Languages.Count > 0 ? Languages[0] : "sv";

    /// <summary>Every element in document order, those inside repeating groups right after their group.</summary>
    public IEnumerable<FormElement> AllElements() => Pages.SelectMany(p => Flatten(p.Elements));

    /// <summary>The element with this key anywhere in the form (keys are unique across the form), or null.</summary>
    public FormElement? FindElement(string key) => AllElements().FirstOrDefault(e => e.Key == key);

    /// <summary>The page with this key, or null.</summary>
    public FormPage? FindPage(string key) => Pages.FirstOrDefault(p => p.Key == key);

    private static IEnumerable<FormElement> Flatten(IEnumerable<FormElement> elements)
    {
        foreach (var element in elements)
        {
            yield return element;
            if (element.Elements is { } children)
            {
                foreach (var child in Flatten(children))
                {
                    yield return child;
                }
            }
        }
    }
}

/// <summary>One step of a form.</summary>
/// <param name="Key">Stable key, unique among all keys of the form.</param>
/// <param name="Title">The step's heading, also shown in the step indicator.</param>
/// <param name="Elements">The page's elements, in order.</param>
/// <param name="VisibleWhen">When the page is shown; a hidden page is skipped and its answers are dropped.</param>
public sealed record FormPage(string Key, LocalizedText Title, IReadOnlyList<FormElement> Elements, FormCondition? VisibleWhen = null);

/// <summary>
/// One element of a page: a question, a text, a stop, a repeating group or a request for signatures. Which of the
/// settings apply depends on <see cref="Type"/>; the others are null. Settings left out are null here and mean the
/// defaults documented on each property, so that a definition's content hash covers only what its author wrote.
/// </summary>
/// <param name="Key">Stable key, unique across the whole form (including inside repeating groups); also the answer's name.</param>
/// <param name="Type">What kind of element this is.</param>
public sealed record FormElement(string Key, FormElementType Type)
{
    /// <summary>The question (for info and stop elements an optional heading).</summary>
    public LocalizedText? Label { get; init; }

    /// <summary>Help text shown with the question.</summary>
    public LocalizedText? Hint { get; init; }

    /// <summary>The body of an info or stop element.</summary>
    public LocalizedText? Text { get; init; }

    /// <summary>Whether an answer is needed while the element is visible.</summary>
    public bool Required { get; init; }

    /// <summary>When the element is shown; a hidden element is neither required nor kept.</summary>
    public FormCondition? VisibleWhen { get; init; }

    /// <summary>Text and textarea: fewest characters.</summary>
    public int? MinLength { get; init; }

    /// <summary>Text and textarea: most characters (defaults 1,000 for text and 10,000 for textarea).</summary>
    public int? MaxLength { get; init; }

    /// <summary>Text: a regular expression the whole answer must match (.NET syntax, no lookarounds or backreferences).</summary>
    public string? Pattern { get; init; }

    /// <summary>Text: the HTML autocomplete token that identifies the answer's purpose (WCAG 1.3.5), e.g. <c>given-name</c>.</summary>
    public string? Autocomplete { get; init; }

    /// <summary>Number: smallest allowed value (JSON <c>min</c>).</summary>
    public decimal? Min { get; init; }

    /// <summary>Number: largest allowed value (JSON <c>max</c>).</summary>
    public decimal? Max { get; init; }

    /// <summary>Number: most digits after the decimal separator; 0 for whole numbers; null for any.</summary>
    public int? Decimals { get; init; }

    /// <summary>Date: earliest allowed date (JSON <c>min</c>, <c>yyyy-MM-dd</c>).</summary>
    public DateOnly? MinDate { get; init; }

    /// <summary>Date: latest allowed date (JSON <c>max</c>, <c>yyyy-MM-dd</c>).</summary>
    public DateOnly? MaxDate { get; init; }

    /// <summary>Radio, checkbox and dropdown: the choices, in display order.</summary>
    public IReadOnlyList<ChoiceOption>? Options { get; init; }

    /// <summary>File: allowed file name extensions (<c>.pdf</c>) and media types (<c>image/jpeg</c>, <c>image/*</c>).</summary>
    public IReadOnlyList<string>? Accept { get; init; }

    /// <summary>File: largest size of one file in bytes (default 10 MB).</summary>
    public long? MaxSizeBytes { get; init; }

    /// <summary>File: most files (default 1).</summary>
    public int? MaxFiles { get; init; }

    /// <summary>Repeating group: the elements of one item.</summary>
    public IReadOnlyList<FormElement>? Elements { get; init; }

    /// <summary>Repeating group: fewest items (default 0).</summary>
    public int? MinItems { get; init; }

    /// <summary>Repeating group: most items (default 10).</summary>
    public int? MaxItems { get; init; }

    /// <summary>Signature: the other parties who must sign, e.g. the second guardian.</summary>
    public IReadOnlyList<SignerRole>? Signers { get; init; }
}

/// <summary>What an element is. The JSON name of each member is in its summary.</summary>
public enum FormElementType
{
    /// <summary><c>text</c>: one line of text.</summary>
    Text,

    /// <summary><c>textarea</c>: several lines of text.</summary>
    Textarea,

    /// <summary><c>number</c>: a number; a comma or a point separates decimals.</summary>
    Number,

    /// <summary><c>date</c>: a calendar date, answered as <c>yyyy-MM-dd</c>.</summary>
    Date,

    /// <summary><c>email</c>: an e-mail address.</summary>
    Email,

    /// <summary><c>phone</c>: a Swedish or international phone number.</summary>
    Phone,

    /// <summary><c>personnummer</c>: a Swedish personal identity or coordination number.</summary>
    PersonalIdentityNumber,

    /// <summary><c>organisationsnummer</c>: a Swedish organisation number of a legal entity.</summary>
    OrganisationNumber,

    /// <summary><c>radio</c>: one of the options, all shown.</summary>
    Radio,

    /// <summary><c>checkbox</c>: any number of the options.</summary>
    Checkbox,

    /// <summary><c>dropdown</c>: one of the options, in a list.</summary>
    Dropdown,

    /// <summary><c>yesNo</c>: answered <c>yes</c> or <c>no</c>.</summary>
    YesNo,

    /// <summary><c>file</c>: uploaded files.</summary>
    File,

    /// <summary><c>address</c>: a Swedish postal address; parts <c>street</c>, <c>postalCode</c>, <c>city</c>.</summary>
    Address,

    /// <summary>
    /// <c>contactDetails</c>: parts <c>name</c>, <c>email</c>, <c>phone</c>; a renderer prefills what the e-ID
    /// provides. When required, a name and an e-mail address or a phone number are needed.
    /// </summary>
    ContactDetails,

    /// <summary><c>info</c>: a text, no answer.</summary>
    Info,

    /// <summary><c>stop</c>: while visible, the form cannot be submitted; its text says why and what to do instead.</summary>
    Stop,

    /// <summary><c>repeatingGroup</c>: the same elements answered once per item (e.g. per child).</summary>
    RepeatingGroup,

    /// <summary>
    /// <c>signature</c>: other parties who must sign after submission; answered with each party's personal identity
    /// number (part <c>{role}.personnummer</c>) and optionally an e-mail address (part <c>{role}.email</c>).
    /// </summary>
    Signature,
}

/// <summary>A choice of a radio, checkbox or dropdown element.</summary>
/// <param name="Key">Stable key, unique within the element; the answer's value.</param>
/// <param name="Label">What the person sees.</param>
public sealed record ChoiceOption(string Key, LocalizedText Label);

/// <summary>A party who must sign a submission, e.g. the second guardian.</summary>
/// <param name="Key">Stable key, unique within the element.</param>
/// <param name="Label">The role as the submitter sees it, e.g. "Vårdnadshavare 2".</param>
public sealed record SignerRole(string Key, LocalizedText Label);
