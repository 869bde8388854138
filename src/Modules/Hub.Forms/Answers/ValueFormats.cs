using System.Globalization;

namespace Hub.Forms.Answers;

/// <summary>Readers for the formats people type; lenient about spacing, strict about meaning.</summary>
internal static class ValueFormats
{
    /// <summary>
    /// A number as a Swede or a browser writes it: <c>1 234,5</c>, <c>1234.5</c>, <c>−3</c>. Spaces group digits;
    /// one comma or point separates decimals; thousands separators are refused because <c>1.500</c> is ambiguous.
    /// </summary>
    public static bool TryParseNumber(string? value, out decimal number)
    {
        number = 0;
        if (value is null || value.Length > 100)
        {
            return false;
        }

        Span<char> buffer = stackalloc char[value.Length];
        var length = 0;
        var separators = 0;
        var digits = 0;
        var text = value.AsSpan().Trim();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                buffer[length++] = c;
                digits++;
            }
            else if ((c is '-' or '\u2212') && length == 0)
            {
                buffer[length++] = '-';
            }
            else if (c is '+' && length == 0)
            {
                continue;
            }
            else if (c is ',' or '.' && separators++ == 0 && digits > 0 && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
            {
                buffer[length++] = '.';
            }
            else if (c is ' ' or '\u00A0' or '\u202F' && digits > 0 && separators == 0 && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
            {
                continue;
            }
            else
            {
                return false;
            }
        }

        return digits is > 0 and <= 28
            && decimal.TryParse(buffer[..length], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number);
    }

    /// <summary>Drops trailing zeros, so <c>1.50</c> and <c>1.5</c> are stored, written and hashed the same.</summary>
    public static decimal NormalizeNumber(decimal value) =>
        decimal.Parse(value.ToString("G29", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Writes a number the way it is stored: invariant, no trailing zeros.</summary>
    public static string FormatNumber(decimal number) => NormalizeNumber(number).ToString(CultureInfo.InvariantCulture);

    /// <summary>Counts digits after the decimal separator, ignoring trailing zeros.</summary>
    public static int DecimalPlaces(decimal number)
    {
        var text = FormatNumber(number);
        var point = text.IndexOf('.', StringComparison.Ordinal);
        return point < 0 ? 0 : text.Length - point - 1;
    }

    /// <summary>A calendar date written <c>yyyy-MM-dd</c> (what <c>input type=date</c> posts).</summary>
    public static bool TryParseDate(string? value, out DateOnly date)
    {
        date = default;
        var text = value?.Trim();
        return text is { Length: 10 }
            && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>
    /// Whole years from <paramref name="birth"/> to <paramref name="on"/>. Someone born on 29 February turns a year
    /// older on 28 February in other years, as a period ending on a missing day ends on the month's last day
    /// (lag 1930:173 om beräkning av lagstadgad tid).
    /// </summary>
    public static int AgeInYears(DateOnly birth, DateOnly on)
    {
        var age = on.Year - birth.Year;
        return birth.AddYears(age) > on ? age - 1 : age;
    }

    public static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// An e-mail address of the kind people type: one <c>@</c>, a local part without spaces, a domain of at least
    /// two labels of letters, digits and hyphens. Quoted local parts and IP literals are refused on purpose.
    /// </summary>
    public static bool IsEmail(string? value)
    {
        if (value is null || value.Length > Definitions.FormLimits.MaxEmailLength)
        {
            return false;
        }

        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at is < 1 or > 64 || at != value.LastIndexOf('@'))
        {
            return false;
        }

        var local = value.AsSpan(0, at);
        var domain = value.AsSpan(at + 1);
        if (local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in local)
        {
            if (!(char.IsLetterOrDigit(c) || "!#$%&'*+-/=?^_`{|}~.".Contains(c, StringComparison.Ordinal)))
            {
                return false;
            }
        }

        var labels = 0;
        foreach (var range in domain.Split('.'))
        {
            var label = domain[range];
            if (label.IsEmpty || label.Length > 63 || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            foreach (var c in label)
            {
                if (!(char.IsLetterOrDigit(c) || c == '-'))
                {
                    return false;
                }
            }

            labels++;
        }

        return labels >= 2 && !char.IsAsciiDigit(domain[^1]);
    }

    /// <summary>A phone number: digits, spaces and hyphens, starting with <c>+</c> or <c>0</c>, 7 to 15 digits.</summary>
    public static bool IsPhone(string? value)
    {
        var text = value.AsSpan().Trim();
        if (text.IsEmpty || text.Length > 30 || !(text[0] == '+' || text[0] == '0'))
        {
            return false;
        }

        var digits = 0;
        for (var i = text[0] == '+' ? 1 : 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c is not (' ' or '-') || (i == 1 && text[0] == '+'))
            {
                return false;
            }
        }

        return digits is >= 7 and <= 15;
    }

    /// <summary>A Swedish postal code: five digits, the first not 0, optionally <c>123 45</c>; normalized to that form.</summary>
    public static bool TryNormalizePostalCode(string? value, out string postalCode)
    {
        postalCode = "";
        var text = value?.Trim().Replace(" ", "", StringComparison.Ordinal);
        if (text is not { Length: 5 } || !text.All(char.IsAsciiDigit) || text[0] == '0' || value!.Trim().Length > 6)
        {
            return false;
        }

        postalCode = $"{text[..3]} {text[3..]}";
        return true;
    }

    /// <summary>
    /// True when the text has a control character other than tab (and line feed where lines are allowed). They are
    /// refused in answers because no one types them and PostgreSQL cannot store NUL in text.
    /// </summary>
    public static bool HasControlCharacters(string value, bool allowLineBreaks)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c) && c != '\t' && !(allowLineBreaks && c == '\n'))
            {
                return true;
            }
        }

        return false;
    }
}
