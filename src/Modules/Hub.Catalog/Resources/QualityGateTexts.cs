namespace Hub.Catalog.Resources;

/// <summary>Marker for the quality gate's messages (<c>QualityGateTexts.resx</c> Swedish, <c>.en.resx</c> English).</summary>
internal sealed class QualityGateTexts
{
    private QualityGateTexts()
    {
    }
}
