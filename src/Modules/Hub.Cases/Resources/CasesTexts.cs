namespace Hub.Cases.Resources;

/// <summary>Marker for the module's texts (<c>CasesTexts.resx</c> Swedish, <c>.en.resx</c> English).</summary>
internal sealed class CasesTexts
{
    private CasesTexts()
    {
    }
}
