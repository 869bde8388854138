using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace Hub.Catalog.Pages.Studio;

/// <summary>
/// The package reader's problems in the studio's language. The reader words its problems in English for a package's
/// author (the file format is technical); the studio shows the ones a person can cause by what they type next to the
/// field, in the page's language, so that no message mixes two languages. A problem the table does not know (one the
/// studio's own forms cannot produce) keeps the reader's words, introduced as such.
/// </summary>
internal static partial class ReaderProblemText
{
    private static readonly (Regex Pattern, string Key)[] Known =
    [
        (LongerThan(), "Reader.TooLong"),
        (ControlCharacters(), "Reader.ControlCharacters"),
        (LineBreak(), "Reader.LineBreak"),
        (Empty(), "Reader.Empty"),
        (NoTextIn(), "Reader.NoTextIn"),
        (KeyFormat(), "Error.Key"),
        (KeyTaken(), "Reader.KeyTaken"),
        (WholeNumberRange(), "Reader.WholeNumberRange"),
        (DaysRange(), "Reader.DaysRange"),
        (Date(), "Error.Date"),
        (Number(), "Error.Number"),
        (Words(), "Reader.Words"),
        (Liquid(), "Error.Liquid"),
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

    [GeneratedRegex(@"^is longer than ([\d,. ]+) characters$")]
    private static partial Regex LongerThan();

    [GeneratedRegex(@"^contains control characters( \(only line feed and tab are allowed\))?$")]
    private static partial Regex ControlCharacters();

    [GeneratedRegex(@"^contains control characters or a line break$")]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"^(must be a non-empty text|must not be empty|is missing)$")]
    private static partial Regex Empty();

    [GeneratedRegex(@"^has no text in '([a-z]{2,3})'$")]
    private static partial Regex NoTextIn();

    [GeneratedRegex(@"^must be a key: ")]
    private static partial Regex KeyFormat();

    [GeneratedRegex(@"^'([^']+)' is already the key of ")]
    private static partial Regex KeyTaken();

    [GeneratedRegex(@"^must be a whole number from ([\d,. ]+) to ([\d,. ]+)$")]
    private static partial Regex WholeNumberRange();

    [GeneratedRegex(@"^must be a whole number of days from (\d+) to (\d+)$")]
    private static partial Regex DaysRange();

    [GeneratedRegex(@"^must be a date written yyyy-MM-dd$")]
    private static partial Regex Date();

    [GeneratedRegex(@"^must be a number( or a date written yyyy-MM-dd)?$")]
    private static partial Regex Number();

    [GeneratedRegex(@"^must be a list of at most (\d+) words$")]
    private static partial Regex Words();

    [GeneratedRegex(@"^is a broken Liquid template: (.+)$", RegexOptions.Singleline)]
    private static partial Regex Liquid();
}
