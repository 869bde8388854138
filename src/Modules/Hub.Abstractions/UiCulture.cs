using System.Globalization;

namespace Hub.Abstractions;

/// <summary>
/// Runs code with another UI culture and restores the caller's after: for text that is not in the page's language
/// (mail in the case's language, staff notes in Swedish, recipes whose messages must not depend on the node).
/// </summary>
public static class UiCulture
{
    /// <summary>Swedish, the hub's language and the one staff texts are written in.</summary>
    public static CultureInfo Swedish { get; } = CultureInfo.GetCultureInfo("sv");

    /// <summary>Runs <paramref name="read"/> with <paramref name="culture"/> as the UI culture.</summary>
    public static T With<T>(CultureInfo culture, Func<T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>Runs <paramref name="work"/> with <paramref name="culture"/> as the UI culture, across its awaits.</summary>
    public static async Task WithAsync(CultureInfo culture, Func<Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            await work();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
