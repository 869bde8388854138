using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Hub.Forms.Definitions;

namespace Hub.Forms.Answers;

/// <summary>
/// Matches answers against an author's pattern. NonBacktracking runs in time linear in the input, so a pattern from
/// a shared definition cannot be made to hang the server; the timeout is a second line of defence.
/// </summary>
internal static class PatternMatcher
{
    private const RegexOptions Options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;

    private const int CacheLimit = 500;

    // Building a NonBacktracking automaton costs far more than a match, so patterns are built once per process.
    private static readonly ConcurrentDictionary<string, Regex?> Cache = new(StringComparer.Ordinal);

    /// <summary>True when the whole answer matches, as with HTML's <c>pattern</c> attribute; false also for an unusable pattern.</summary>
    public static bool IsFullMatch(string pattern, string value)
    {
        if (Cache.Count > CacheLimit)
        {
            Cache.Clear();
        }

        var regex = Cache.GetOrAdd(pattern, Build);
        try
        {
            return regex is not null && regex.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>The whole-answer matcher for a pattern.</summary>
    /// <exception cref="ArgumentException">The pattern is not a regular expression.</exception>
    /// <exception cref="NotSupportedException">The pattern uses what NonBacktracking refuses.</exception>
    public static Regex Compile(string pattern) => new($"^(?:{pattern})\\z", Options, FormLimits.PatternTimeout);

    private static Regex? Build(string pattern)
    {
        try
        {
            return Compile(pattern);
        }
        catch (ArgumentException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }
}
