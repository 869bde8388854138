using Hub.Abstractions;
using Hub.Identity.ApiClients;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Identity.Pages.Admin.ApiClients;

/// <summary>
/// The tenant's API clients: a TenantAdmin sees them, gives one a new secret (shown once, on the answer to the post) or
/// revokes it. A client id of another tenant is not found (the query filter), so it is answered 404.
/// </summary>
[Authorize(Policy = HubPolicies.TenantAdmin)]
internal sealed class ApiClientsIndexModel(ApiClientStore clients) : PageModel
{
    public IReadOnlyList<ApiClient> Clients { get; private set; } = [];

    /// <summary>A secret just made (by creating or rotating), for the client it belongs to; shown once.</summary>
    public NewSecret? Issued { get; private set; }

    public string? RevokedName { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Clients = await clients.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostRotateAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await clients.RotateAsync(id, Actor(), cancellationToken) is not { } rotated)
        {
            return NotFound();
        }

        Issued = new NewSecret(rotated.Client.Name, rotated.Client.ClientId, rotated.Secret, Created: false);
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await clients.RevokeAsync(id, Actor(), cancellationToken) is not { } revoked)
        {
            return NotFound();
        }

        RevokedName = revoked.Name;
        return await ShowAsync(cancellationToken);
    }

    internal async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        // The page carries a secret: no cache may keep it.
        Response.Headers.CacheControl = "no-store";
        Clients = await clients.ListAsync(cancellationToken);
        return Page();
    }

    internal string Actor() => "staff:" + StaffClaims.Of(User).UserName;

    internal sealed record NewSecret(string Name, string ClientId, string Secret, bool Created);
}
