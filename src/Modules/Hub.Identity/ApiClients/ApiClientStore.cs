using Hub.Abstractions;
using Hub.Audit.Contracts;
using Hub.Data;
using Hub.Identity.Data;
using Microsoft.EntityFrameworkCore;

namespace Hub.Identity.ApiClients;

/// <summary>
/// The current tenant's API clients: listing, creating, rotating and revoking, each change audited in the same
/// transaction. The query filter limits every read to the current tenant, so another tenant's client is not found.
/// </summary>
internal sealed class ApiClientStore(StaffIdentityDbContext db, HubConnection connection, IAuditTrail audit, ITenantContext tenantContext, TimeProvider clock)
{
    private const string AuditSubject = "api-client";

    public async Task<IReadOnlyList<ApiClient>> ListAsync(CancellationToken cancellationToken) =>
        await db.ApiClients.AsNoTracking().OrderBy(c => c.RevokedUtc != null).ThenBy(c => c.Name).ThenBy(c => c.CreatedUtc).ToListAsync(cancellationToken);

    public Task<ApiClient?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.ApiClients.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

    /// <summary>The active client with this <c>client_id</c> in the current tenant, if any.</summary>
    public Task<ApiClient?> FindActiveAsync(string clientId, CancellationToken cancellationToken) =>
        db.ApiClients.AsNoTracking().FirstOrDefaultAsync(c => c.ClientId == clientId && c.RevokedUtc == null, cancellationToken);

    /// <summary>Whether a token issued to <paramref name="clientId"/> at <paramref name="revision"/> still counts.</summary>
    public Task<bool> IsCurrentAsync(string clientId, int revision, CancellationToken cancellationToken) =>
        db.ApiClients.AnyAsync(c => c.ClientId == clientId && c.Revision == revision && c.RevokedUtc == null, cancellationToken);

    public async Task<(ApiClient Client, string Secret)> CreateAsync(string name, IEnumerable<string> scopes, string actor, CancellationToken cancellationToken)
    {
        var tenant = tenantContext.Tenant ?? throw new InvalidOperationException("API clients belong to a tenant.");
        var (client, secret) = ApiClient.Create(tenant.Slug, name, scopes, actor, clock.GetUtcNow().UtcDateTime);
        await connection.InTransactionAsync(async () =>
        {
            db.ApiClients.Add(client);
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(new AuditEntry("api-client.created", AuditSubject, client.ClientId, actor, $"{{\"scopes\":\"{client.Scopes}\"}}"), cancellationToken);
            return true;
        }, cancellationToken, db);
        return (client, secret);
    }

    /// <summary>A new secret for the client; null when there is no such active client in this tenant.</summary>
    public async Task<(ApiClient Client, string Secret)?> RotateAsync(Guid id, string actor, CancellationToken cancellationToken)
    {
        (ApiClient, string)? result = null;
        await connection.InTransactionAsync(async () =>
        {
            var client = await FindAsync(id, cancellationToken);
            if (client is not { IsActive: true })
            {
                return false;
            }

            var secret = client.Rotate(clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(new AuditEntry("api-client.rotated", AuditSubject, client.ClientId, actor), cancellationToken);
            result = (client, secret);
            return true;
        }, cancellationToken, db);
        return result;
    }

    /// <summary>Revokes the client; null when there is no such client in this tenant, false when it was revoked before.</summary>
    public async Task<ApiClient?> RevokeAsync(Guid id, string actor, CancellationToken cancellationToken)
    {
        ApiClient? result = null;
        await connection.InTransactionAsync(async () =>
        {
            var client = await FindAsync(id, cancellationToken);
            if (client is null)
            {
                return false;
            }

            result = client;
            if (!client.Revoke(clock.GetUtcNow().UtcDateTime))
            {
                return false;
            }

            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(new AuditEntry("api-client.revoked", AuditSubject, client.ClientId, actor), cancellationToken);
            return true;
        }, cancellationToken, db);
        return result;
    }
}
