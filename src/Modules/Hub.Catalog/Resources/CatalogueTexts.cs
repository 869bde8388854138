namespace Hub.Catalog.Resources;

/// <summary>Marker for the shared catalogue's texts (<c>CatalogueTexts.resx</c> Swedish, <c>.en.resx</c> English).</summary>
internal sealed class CatalogueTexts
{
    private CatalogueTexts()
    {
    }
}
