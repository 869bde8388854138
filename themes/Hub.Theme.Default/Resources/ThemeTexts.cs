namespace Hub.Theme.Default.Resources;

/// <summary>Marker for the theme's texts (<c>Resources/ThemeTexts.resx</c>, Swedish; <c>.en.resx</c>, English).</summary>
public sealed class ThemeTexts
{
    private ThemeTexts()
    {
    }
}
