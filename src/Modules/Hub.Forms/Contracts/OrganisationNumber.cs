using System.Diagnostics.CodeAnalysis;
using Hub.Forms.Answers;

namespace Hub.Forms.Contracts;

/// <summary>
/// A Swedish organisation number (organisationsnummer) of a legal entity: ten digits with a valid Luhn check digit
/// and a third digit of at least 2 (which sets it apart from a personal identity number).
/// </summary>
public readonly record struct OrganisationNumber
{
    private OrganisationNumber(string digits) => Digits = digits;

    /// <summary>The ten digits.</summary>
    public string Digits { get; }

    /// <summary>Reads <c>NNNNNN-NNNN</c> or <c>NNNNNNNNNN</c>, also with the <c>16</c> prefix of the twelve-digit form.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out OrganisationNumber number)
    {
        number = default;
        var text = value?.Trim();
        if (text is null || text.Length is < 10 or > 13)
        {
            return false;
        }

        if (text.Length is 12 or 13 && text.StartsWith("16", StringComparison.Ordinal))
        {
            text = text[2..];
        }

        if (text.Length == 11 && text[6] == '-')
        {
            text = string.Concat(text.AsSpan(0, 6), text.AsSpan(7));
        }

        if (text.Length != 10 || !text.All(char.IsAsciiDigit) || text[2] < '2' || !Luhn.IsValid(text))
        {
            return false;
        }

        number = new OrganisationNumber(text);
        return true;
    }

    /// <summary><c>NNNNNN-NNNN</c>.</summary>
    public override string ToString() => Digits is null ? "" : $"{Digits[..6]}-{Digits[6..]}";
}
