namespace Hub.Catalog.Resources;

/// <summary>Marker for the module's texts (<c>CatalogTexts.resx</c> Swedish, <c>.en.resx</c> English).</summary>
internal sealed class CatalogTexts
{
    private CatalogTexts()
    {
    }
}
