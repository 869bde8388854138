using Hub.Cases.Domain;
using Hub.Cases.Resources;
using Hub.Catalog.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

namespace Hub.Cases.Handling;

/// <summary>Words a case's history and states for people, from the case's own service version.</summary>
internal static class CaseHistory
{
    /// <summary>"Ny status: Under handläggning", "Tilldelat", … in the page's language.</summary>
    public static string Describe(CaseEvent e, PublishedService service, string language, IStringLocalizer<CasesTexts> texts) =>
        e.Kind == "StateChanged" && e.StateKey is { } key
            ? texts["Event.StateChanged", StateLabel(key, service, language)].Value
            : texts["Event." + e.Kind].Value;

    /// <summary>An attribute's name: its own label, the hub's name for a key it knows (the diary number), or the key.</summary>
    public static string AttributeLabel(CaseAttribute attribute, IStringLocalizer<CasesTexts> texts) =>
        attribute.Label ?? (attribute.Key == CaseAttribute.DiaryNumber ? texts["Attribute." + attribute.Key].Value : attribute.Key);

    /// <summary>The state's name in the workflow of the case's version, or its key when the workflow does not know it.</summary>
    public static string StateLabel(string key, PublishedService service, string language) =>
        service.Package.EffectiveWorkflow.FindState(key)?.Label.Pick(language, service.Form.DefaultLanguage).Text ?? key;
}

/// <summary>Absolute links to the tenant's site, for e-mail.</summary>
internal static class SiteLinks
{
    /// <summary>The site's base URL as the request reached it (scheme, host and the tenant's path base).</summary>
    public static string Of(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";
}
