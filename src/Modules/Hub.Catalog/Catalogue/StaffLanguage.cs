using Hub.Abstractions;

namespace Hub.Catalog.Catalogue;

/// <summary>Staff mail, version notes and recorded reasons are written in Swedish, the hub's language, whatever the page's language.</summary>
internal static class StaffLanguage
{
    /// <summary>Runs <paramref name="write"/> with Swedish as the UI culture (texts from the localizers), then restores the page's.</summary>
    public static T Swedish<T>(Func<T> write) => UiCulture.With(UiCulture.Swedish, write);
}
