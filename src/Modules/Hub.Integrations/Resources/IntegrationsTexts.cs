namespace Hub.Integrations.Resources;

/// <summary>Marker for the module's texts (<c>IntegrationsTexts.resx</c> Swedish, <c>.en.resx</c> English).</summary>
internal sealed class IntegrationsTexts
{
    private IntegrationsTexts()
    {
    }
}
