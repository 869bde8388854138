using Hub.Abstractions;
using Microsoft.AspNetCore.Localization;

namespace Hub.Web;

/// <summary>
/// The visitor's chosen language (cookie), but only where the site offers it: a municipality that has switched
/// English off shows Swedish even to a visitor who chose English on another site.
/// </summary>
internal sealed class TenantCultureProvider : RequestCultureProvider
{
    private readonly CookieRequestCultureProvider cookie = new() { CookieName = HubWeb.CultureCookie };

    public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var chosen = await cookie.DetermineProviderCultureResult(httpContext);
        var languages = httpContext.RequestServices.GetRequiredService<ITenantContext>().Site?.Settings.Languages;
        if (chosen is null || languages is null)
        {
            return chosen;
        }

        var name = chosen.UICultures.Count > 0 ? chosen.UICultures[0].Value ?? "" : "";
        var language = name.Split('-')[0];
        return languages.Contains(language) ? chosen : null;
    }
}
