namespace Hub.Forms.Definitions;

/// <summary>Keys name pages, elements, options and roles; diffs and merges work on them, so they are plain and stable.</summary>
internal static class FormKeys
{
    public const string Rule = "a lower-case letter followed by up to 63 lower-case letters, digits or hyphens";

    /// <summary><c>^[a-z][a-z0-9-]{0,63}\z</c>, checked without a regular expression.</summary>
    public static bool IsValid(string? key)
    {
        if (key is null || key.Length is 0 or > 64 || !char.IsAsciiLetterLower(key[0]))
        {
            return false;
        }

        foreach (var c in key)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                return false;
            }
        }

        return true;
    }
}
