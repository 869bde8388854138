namespace Hub.Tenancy.Resources;

/// <summary>Marker for the module's texts (<c>TenancyTexts.resx</c> Swedish, <c>.en.resx</c> English).</summary>
internal sealed class TenancyTexts
{
    private TenancyTexts()
    {
    }
}
