using System.Collections.Frozen;
using Hub.Forms.Contracts;

namespace Hub.Forms.Definitions;

/// <summary>Element types' JSON names and which properties each type takes.</summary>
internal static class TypeNames
{
    private static readonly (FormElementType Type, string Name)[] Names =
    [
        (FormElementType.Text, "text"),
        (FormElementType.Textarea, "textarea"),
        (FormElementType.Number, "number"),
        (FormElementType.Date, "date"),
        (FormElementType.Email, "email"),
        (FormElementType.Phone, "phone"),
        (FormElementType.PersonalIdentityNumber, "personnummer"),
        (FormElementType.OrganisationNumber, "organisationsnummer"),
        (FormElementType.Radio, "radio"),
        (FormElementType.Checkbox, "checkbox"),
        (FormElementType.Dropdown, "dropdown"),
        (FormElementType.YesNo, "yesNo"),
        (FormElementType.File, "file"),
        (FormElementType.Address, "address"),
        (FormElementType.ContactDetails, "contactDetails"),
        (FormElementType.Info, "info"),
        (FormElementType.Stop, "stop"),
        (FormElementType.RepeatingGroup, "repeatingGroup"),
        (FormElementType.Signature, "signature"),
    ];

    private static readonly FrozenDictionary<string, FormElementType> ByName =
        Names.ToFrozenDictionary(n => n.Name, n => n.Type, StringComparer.Ordinal);

    private static readonly FrozenDictionary<FormElementType, string> ByType = Names.ToFrozenDictionary(n => n.Type, n => n.Name);

    private static readonly string[] Question = ["key", "type", "label", "hint", "required", "visibleWhen"];
    private static readonly string[] Content = ["key", "type", "label", "text", "visibleWhen"];
    private static readonly string[] Structure = ["key", "type", "label", "hint", "visibleWhen"];

    private static readonly FrozenDictionary<FormElementType, FrozenSet<string>> Allowed = new Dictionary<FormElementType, string[]>
    {
        [FormElementType.Text] = [.. Question, "minLength", "maxLength", "pattern", "autocomplete"],
        [FormElementType.Textarea] = [.. Question, "minLength", "maxLength"],
        [FormElementType.Number] = [.. Question, "min", "max", "decimals"],
        [FormElementType.Date] = [.. Question, "min", "max"],
        [FormElementType.Email] = Question,
        [FormElementType.Phone] = Question,
        [FormElementType.PersonalIdentityNumber] = Question,
        [FormElementType.OrganisationNumber] = Question,
        [FormElementType.Radio] = [.. Question, "options"],
        [FormElementType.Checkbox] = [.. Question, "options"],
        [FormElementType.Dropdown] = [.. Question, "options"],
        [FormElementType.YesNo] = Question,
        [FormElementType.File] = [.. Question, "accept", "maxSizeBytes", "maxFiles"],
        [FormElementType.Address] = Question,
        [FormElementType.ContactDetails] = Question,
        [FormElementType.Info] = Content,
        [FormElementType.Stop] = Content,
        [FormElementType.RepeatingGroup] = [.. Structure, "elements", "minItems", "maxItems"],
        [FormElementType.Signature] = [.. Structure, "signers"],
    }.ToFrozenDictionary(p => p.Key, p => p.Value.ToFrozenSet(StringComparer.Ordinal));

    private static readonly FrozenSet<string> AnyElementProperty =
        Allowed.Values.SelectMany(p => p).ToFrozenSet(StringComparer.Ordinal);

    public static string All { get; } = string.Join(", ", Names.Select(n => n.Name));

    public static string Of(FormElementType type) => ByType.TryGetValue(type, out var name) ? name : type.ToString();

    public static bool TryParse(string name, out FormElementType type) => ByName.TryGetValue(name, out type);

    public static bool Takes(FormElementType type, string property) => Allowed[type].Contains(property);

    public static bool IsElementProperty(string property) => AnyElementProperty.Contains(property);

    public static bool IsChoice(FormElementType type) => type is FormElementType.Radio or FormElementType.Checkbox or FormElementType.Dropdown;

    /// <summary>Elements that take an answer of their own (groups and signatures are answered through their parts).</summary>
    public static bool IsQuestion(FormElementType type) =>
        type is not (FormElementType.Info or FormElementType.Stop or FormElementType.RepeatingGroup or FormElementType.Signature);
}
