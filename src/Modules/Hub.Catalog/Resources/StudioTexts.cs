namespace Hub.Catalog.Resources;

/// <summary>Marker for the studio's texts (<c>StudioTexts.resx</c> Swedish, <c>.en.resx</c> English).</summary>
internal sealed class StudioTexts
{
    private StudioTexts()
    {
    }
}
