using System.Text.Json.Nodes;
using Hub.Catalog.Adoption;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Catalog.Pages.Catalogue.Adoption;

/// <summary>
/// What the adoption pages share: the adoption service, the current tenant's adoption (another tenant's is 404) and how a
/// local change reads. Only a municipality's ServiceOwner or TenantAdmin gets here; anyone else signed in is sent to
/// "access denied", a crafted id of another tenant's adoption finds nothing.
/// </summary>
internal abstract class AdoptionPage(CataloguePageServices services, Adoptions adoptions) : CataloguePage(services)
{
    private const int MaxValueLength = 160;

    protected Adoptions Adoptions => adoptions;

    public AdoptionView View { get; private set; } = null!;

    /// <summary>Whether <see cref="LoadAsync"/> found the adoption.</summary>
    public bool Loaded => View is not null;

    public string PackageTitle => Language == "en" ? View.Package.TitleEn ?? View.Package.TitleSv : View.Package.TitleSv;

    public string AdoptionUrl => Url.Content($"~/admin/katalog/anpassning/{View.Adoption.Id}");

    /// <summary>Loads the current tenant's adoption; false (404) when there is none with that id.</summary>
    protected async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (Tenant is not { IsHub: false } || await Adoptions.FindAsync(id, cancellationToken) is not { } view)
        {
            return false;
        }

        View = view;
        return true;
    }

    /// <summary>Not a ServiceOwner or TenantAdmin of a municipality: the answer for the page.</summary>
    protected IActionResult? Refuse() => Tenant is null || Tenant.IsHub ? NotFound() : Actor().IsServiceOwner ? null : Forbid();

    /// <summary>A value of a change as text: a text per language as "sv: …", anything else as JSON, shortened.</summary>
    public static string Value(JsonNode? node)
    {
        var text = node switch
        {
            null => "",
            JsonValue value when value.TryGetValue<string>(out var s) => s,
            JsonObject texts when texts.All(t => t.Value is JsonValue v && v.TryGetValue<string>(out _)) =>
                string.Join(" · ", texts.Select(t => $"{t.Key}: {t.Value!.GetValue<string>()}")),
            _ => node.ToJsonString(),
        };
        return text.Length <= MaxValueLength ? text : text[..(MaxValueLength - 1)] + "…";
    }

    /// <summary>A reference as people read it (a setting by its name).</summary>
    public static string Subject(string reference) => AdoptionGuard.Subject(reference);

    public string KindName(string kind) => Texts["Diff." + kind];
}
