using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Hub.Forms.Answers;

namespace Hub.Forms.Contracts;

/// <summary>
/// A Swedish personal identity number (personnummer) or coordination number (samordningsnummer, day + 60), checked:
/// real calendar date not after today and a valid Luhn check digit.
/// </summary>
public readonly record struct PersonalIdentityNumber
{
    private PersonalIdentityNumber(string digits, DateOnly birthDate, bool isCoordinationNumber)
    {
        Digits = digits;
        BirthDate = birthDate;
        IsCoordinationNumber = isCoordinationNumber;
    }

    /// <summary>The twelve digits, <c>YYYYMMDDNNNC</c> (the form e-ID providers use).</summary>
    public string Digits { get; }

    /// <summary>The date of birth (for a coordination number the day without the 60 added).</summary>
    public DateOnly BirthDate { get; }

    /// <summary>True for a samordningsnummer.</summary>
    public bool IsCoordinationNumber { get; }

    /// <summary>
    /// Reads <c>YYYYMMDD-NNNN</c>, <c>YYYYMMDDNNNN</c>, <c>YYMMDD-NNNN</c>, <c>YYMMDDNNNN</c> or <c>YYMMDD+NNNN</c>
    /// (<c>+</c>: 100 years or older). The century of a ten-digit number is the latest that does not put the birth
    /// date after <paramref name="today"/>.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? value, DateOnly today, out PersonalIdentityNumber number)
    {
        number = default;
        var text = value?.Trim();
        if (text is null || text.Length is < 10 or > 13)
        {
            return false;
        }

        string digits;
        int year;
        switch (text.Length)
        {
            case 12 when IsDigits(text):
                digits = text;
                year = int.Parse(text.AsSpan(0, 4), CultureInfo.InvariantCulture);
                break;
            case 13 when text[8] == '-' && IsDigits(text.AsSpan(0, 8)) && IsDigits(text.AsSpan(9)):
                digits = string.Concat(text.AsSpan(0, 8), text.AsSpan(9));
                year = int.Parse(text.AsSpan(0, 4), CultureInfo.InvariantCulture);
                break;
            case 10 when IsDigits(text):
                digits = text;
                year = Century(digits, today, centenarian: false);
                digits = year.ToString("D4", CultureInfo.InvariantCulture)[..2] + digits;
                break;
            case 11 when text[6] is '-' or '+' && IsDigits(text.AsSpan(0, 6)) && IsDigits(text.AsSpan(7)):
                digits = string.Concat(text.AsSpan(0, 6), text.AsSpan(7));
                year = Century(digits, today, centenarian: text[6] == '+');
                digits = year.ToString("D4", CultureInfo.InvariantCulture)[..2] + digits;
                break;
            default:
                return false;
        }

        var month = int.Parse(digits.AsSpan(4, 2), CultureInfo.InvariantCulture);
        var day = int.Parse(digits.AsSpan(6, 2), CultureInfo.InvariantCulture);
        var coordination = day > 60;
        if (coordination)
        {
            day -= 60;
        }

        if (year < 1800 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        var birthDate = new DateOnly(year, month, day);
        if (birthDate > today || !Luhn.IsValid(digits.AsSpan(2)))
        {
            return false;
        }

        number = new PersonalIdentityNumber(digits, birthDate, coordination);
        return true;
    }

    /// <summary>Age in whole years on <paramref name="date"/>.</summary>
    public int AgeOn(DateOnly date) => ValueFormats.AgeInYears(BirthDate, date);

    /// <summary><c>YYYYMMDD-NNNN</c>.</summary>
    public override string ToString() => Digits is null ? "" : $"{Digits[..8]}-{Digits[8..]}";

    /// <summary>The full year of a ten-digit number: the latest year ending in its two digits whose birthday is not after today.</summary>
    private static int Century(string tenDigits, DateOnly today, bool centenarian)
    {
        var yy = int.Parse(tenDigits.AsSpan(0, 2), CultureInfo.InvariantCulture);
        var month = int.Parse(tenDigits.AsSpan(2, 2), CultureInfo.InvariantCulture);
        var day = int.Parse(tenDigits.AsSpan(4, 2), CultureInfo.InvariantCulture) % 60;
        var year = (today.Year / 100 * 100) + yy;
        if (year > today.Year || (year == today.Year && (month > today.Month || (month == today.Month && day > today.Day))))
        {
            year -= 100;
        }

        return centenarian ? year - 100 : year;
    }

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return !text.IsEmpty;
    }
}
