namespace Hub.Identity.Resources;

/// <summary>Marker for the citizen e-ID texts (<c>CitizenTexts.resx</c> Swedish, <c>.en.resx</c> English).</summary>
internal sealed class CitizenTexts
{
    private CitizenTexts()
    {
    }
}
