using Hub.Abstractions;
using Microsoft.AspNetCore.Identity;

namespace Hub.Identity.Domain;

/// <summary>A member of a tenant's staff. The account and its roles exist only inside that tenant.</summary>
internal sealed class StaffUser : IdentityUser<Guid>, ITenantOwned
{
    public Guid TenantId { get; set; }

    public string DisplayName { get; set; } = "";

    public DateTime CreatedUtc { get; set; }
}
