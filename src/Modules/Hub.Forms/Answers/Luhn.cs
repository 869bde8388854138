namespace Hub.Forms.Answers;

/// <summary>The Luhn (mod 10) check used by Swedish identity and organisation numbers.</summary>
internal static class Luhn
{
    public static bool IsValid(ReadOnlySpan<char> tenDigits)
    {
        if (tenDigits.Length != 10)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < tenDigits.Length; i++)
        {
            var d = tenDigits[i] - '0';
            if (d is < 0 or > 9)
            {
                return false;
            }

            if (i % 2 == 0)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return sum % 10 == 0;
    }
}
