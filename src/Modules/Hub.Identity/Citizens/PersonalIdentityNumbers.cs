using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Hub.Identity.Citizens;

/// <summary>
/// Reads a personnummer or samordningsnummer as e-ID providers send it (<c>YYYYMMDDNNNN</c>, with or without a dash)
/// and writes it the one way the hub stores it, <c>YYYYMMDD-NNNN</c>. The same rules as the forms module's field
/// (which this module may not reference): a real date not in the future and a valid Luhn check digit.
/// </summary>
internal static class PersonalIdentityNumbers
{
    public static bool TryNormalize([NotNullWhen(true)] string? value, DateOnly today, [NotNullWhen(true)] out string? normalized)
    {
        normalized = null;
        var text = value?.Trim().Replace(" ", "", StringComparison.Ordinal);
        if (text is null)
        {
            return false;
        }

        if (text.Length == 13 && text[8] is '-' or '+')
        {
            text = string.Concat(text.AsSpan(0, 8), text.AsSpan(9));
        }

        if (text.Length != 12 || !text.All(char.IsAsciiDigit))
        {
            return false;
        }

        var year = int.Parse(text.AsSpan(0, 4), CultureInfo.InvariantCulture);
        var month = int.Parse(text.AsSpan(4, 2), CultureInfo.InvariantCulture);
        var day = int.Parse(text.AsSpan(6, 2), CultureInfo.InvariantCulture);
        if (day > 60)
        {
            day -= 60;
        }

        if (year < 1800 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || new DateOnly(year, month, day) > today || !LuhnIsValid(text.AsSpan(2)))
        {
            return false;
        }

        normalized = $"{text[..8]}-{text[8..]}";
        return true;
    }

    /// <summary>The twelve digits without the dash, as e-ID providers send them.</summary>
    public static string Digits(string normalized) => normalized.Replace("-", "", StringComparison.Ordinal);

    private static bool LuhnIsValid(ReadOnlySpan<char> tenDigits)
    {
        var sum = 0;
        for (var i = 0; i < tenDigits.Length; i++)
        {
            var digit = tenDigits[i] - '0';
            if (i % 2 == 0)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return sum % 10 == 0;
    }
}
