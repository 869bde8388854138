namespace Hub.Web.Resources;

/// <summary>Marker for the host's texts (<c>WebTexts.resx</c> Swedish, <c>WebTexts.en.resx</c> English).</summary>
internal sealed class WebTexts
{
    private WebTexts()
    {
    }
}
