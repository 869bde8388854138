namespace Hub.Identity.Resources;

/// <summary>Marker for the module's texts (<c>IdentityTexts.resx</c> Swedish, <c>.en.resx</c> English).</summary>
internal sealed class IdentityTexts
{
    private IdentityTexts()
    {
    }
}
