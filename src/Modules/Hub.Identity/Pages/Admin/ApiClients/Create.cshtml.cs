using Hub.Abstractions;
using Hub.Identity.ApiClients;
using Hub.Identity.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Hub.Identity.Pages.Admin.ApiClients;

/// <summary>A TenantAdmin adds an API client: a name people recognise in the audit trail, and its scopes.</summary>
[Authorize(Policy = HubPolicies.TenantAdmin)]
internal sealed class CreateApiClientModel(ApiClientStore clients, IStringLocalizer<IdentityTexts> texts) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public List<string> Scopes { get; set; } = [];

    /// <summary>The client just made and its secret, shown once.</summary>
    public ApiClientsIndexModel.NewSecret? Issued { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Name = Name?.Trim();
        if (string.IsNullOrEmpty(Name))
        {
            ModelState.AddModelError(nameof(Name), texts["ApiClient.Error.NameRequired"]);
        }
        else if (Name.Length > ApiClient.NameMaxLength || Name.Any(char.IsControl))
        {
            ModelState.AddModelError(nameof(Name), texts["ApiClient.Error.NameInvalid", ApiClient.NameMaxLength]);
        }

        if (Scopes.Count == 0 || Scopes.Any(s => !ApiScopes.All.Contains(s)))
        {
            ModelState.AddModelError(nameof(Scopes), texts["ApiClient.Error.ScopesRequired"]);
        }

        if (ModelState.ErrorCount > 0)
        {
            return Page();
        }

        var (client, secret) = await clients.CreateAsync(Name!, Scopes, "staff:" + StaffClaims.Of(User).UserName, cancellationToken);
        Response.Headers.CacheControl = "no-store";
        Issued = new ApiClientsIndexModel.NewSecret(client.Name, client.ClientId, secret, Created: true);
        return Page();
    }
}
