namespace Hub.Packages.Contracts;

/// <summary>The keys of services (and of the elements a package names): their shape, and the keys no service may take.</summary>
public static partial class ServiceKeys
{
    /// <summary>True when <paramref name="key"/> is a lower-case letter followed by up to 63 lower-case letters, digits or hyphens.</summary>
    public static bool IsValid(string? key) => key is not null && Pattern().IsMatch(key);

    /// <summary>Service keys the studio's own addresses use (<c>/admin/e-tjanster/ny</c>, <c>…/importera</c>), which no service may take.</summary>
    public static IReadOnlyList<string> Reserved { get; } = ["ny", "importera"];

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z][a-z0-9-]{0,63}$")]
    private static partial System.Text.RegularExpressions.Regex Pattern();
}
