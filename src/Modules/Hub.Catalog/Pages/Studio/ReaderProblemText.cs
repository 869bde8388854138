using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace Hub.Catalog.Pages.Studio;

/// <summary>
/// The package reader's problems in the studio's language. The reader words its problems in English for a package's
/// author (the file format is technical); the studio shows the ones a person can cause by what they type next to the
/// field, in the page's language, so that no message mixes two languages. A problem the table does not know (one the
/// studio's own forms cannot produce) keeps the reader's words, introduced as such.
/// </summary>
internal static class ReaderProblemText
{
    private static readonly (Regex Pattern, string Key)[] Known =
    [
        (Problem(@"^is longer than ([\d,. ]+) characters$"), "Reader.TooLong"),
        (Problem(@"^contains control characters( \(only line feed and tab are allowed\))?$"), "Reader.ControlCharacters"),
        (Problem(@"^contains control characters or a line break$"), "Reader.LineBreak"),
        (Problem(@"^(must be a non-empty text|must not be empty|is missing)$"), "Reader.Empty"),
        (Problem(@"^has no text in '([a-z]{2,3})'$"), "Reader.NoTextIn"),
        (Problem(@"^must be a key: "), "Error.Key"),
        (Problem(@"^'([^']+)' is already the key of "), "Reader.KeyTaken"),
        (Problem(@"^must be a whole number from ([\d,. ]+) to ([\d,. ]+)$"), "Reader.WholeNumberRange"),
        (Problem(@"^must be a whole number of days from (\d+) to (\d+)$"), "Reader.DaysRange"),
        (Problem(@"^must be a date written yyyy-MM-dd$"), "Error.Date"),
        (Problem(@"^must be a number( or a date written yyyy-MM-dd)?$"), "Error.Number"),
        (Problem(@"^must be a list of at most (\d+) words$"), "Reader.Words"),
        (Problem(@"^is a broken Liquid template: (.+)$"), "Error.Liquid"),
    ];

    /// <summary>The message in the page's language; the reader's own words, introduced, when it is not a known one.</summary>
    public static string Localize(string message, IStringLocalizer texts)
    {
        foreach (var (pattern, key) in Known)
        {
            if (pattern.Match(message) is { Success: true } match)
            {
                return texts[key, [.. match.Groups.Values.Skip(1).Select(g => g.Value)]];
            }
        }

        return texts["Reader.Other", message];
    }

    private static Regex Problem(string pattern) => new(pattern, RegexOptions.CultureInvariant | RegexOptions.Singleline);
}
