using System.Security.Cryptography;
using System.Text;
using Hub.Abstractions;

namespace Hub.Identity.ApiClients;

/// <summary>
/// A business system that reads and moves a municipality's cases through the API (docs/api.md): a TenantAdmin gives it
/// a name and scopes; its secret is shown once and kept only as a SHA-256 hash (a 256-bit random secret needs no slow
/// hash). Rotating or revoking raises <see cref="Revision"/>, which ends every token issued before.
/// </summary>
internal sealed class ApiClient : ITenantOwned
{
    public const int NameMaxLength = 100;

    private ApiClient()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; set; }

    /// <summary>The public id the system sends as <c>client_id</c>: the tenant's slug and ten random characters.</summary>
    public string ClientId { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>The granted scopes, space-separated as in OAuth.</summary>
    public string Scopes { get; private set; } = "";

    public string SecretHash { get; private set; } = "";

    public int Revision { get; private set; }

    public DateTime CreatedUtc { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime? RotatedUtc { get; private set; }

    public DateTime? RevokedUtc { get; private set; }

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public bool IsActive => RevokedUtc is null;

    /// <summary>A new client and its secret (returned once, never stored in clear).</summary>
    public static (ApiClient Client, string Secret) Create(string tenantSlug, string name, IEnumerable<string> scopes, string createdBy, DateTime nowUtc)
    {
        var granted = ApiScopes.All.Where(scopes.Contains).ToList();
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > NameMaxLength || granted.Count == 0)
        {
            throw new ArgumentException("An API client needs a name of at most 100 characters and at least one known scope.");
        }

        var secret = NewSecret();
        var client = new ApiClient
        {
            Id = Guid.CreateVersion7(),
            ClientId = $"{tenantSlug}-{RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyz23456789", 10)}",
            Name = name.Trim(),
            Scopes = string.Join(' ', granted),
            SecretHash = Hash(secret),
            Revision = 1,
            CreatedUtc = nowUtc,
            CreatedBy = createdBy,
        };
        return (client, secret);
    }

    /// <summary>
    /// A client with an id and secret given in a Development recipe (the demo's business system, docs/api.md); a
    /// recipe outside Development cannot carry a secret.
    /// </summary>
    public static ApiClient CreateKnown(string clientId, string name, IEnumerable<string> scopes, string secret, string createdBy, DateTime nowUtc)
    {
        var (client, _) = Create("demo", name, scopes, createdBy, nowUtc);
        client.ClientId = clientId;
        client.SecretHash = Hash(secret);
        return client;
    }

    /// <summary>A new secret; tokens issued with the old one stop working.</summary>
    public string Rotate(DateTime nowUtc)
    {
        if (!IsActive)
        {
            throw new InvalidOperationException("A revoked client cannot get a new secret.");
        }

        var secret = NewSecret();
        SecretHash = Hash(secret);
        Revision++;
        RotatedUtc = nowUtc;
        return secret;
    }

    /// <summary>Ends the client and every token it holds; returns false when it was already revoked.</summary>
    public bool Revoke(DateTime nowUtc)
    {
        if (!IsActive)
        {
            return false;
        }

        RevokedUtc = nowUtc;
        Revision++;
        return true;
    }

    /// <summary>Whether <paramref name="secret"/> is this client's current secret (compared in constant time).</summary>
    public bool Verifies(string? secret) => IsActive && !string.IsNullOrEmpty(secret)
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(SecretHash));

    /// <summary>The scopes of <paramref name="requested"/> this client may have; all granted ones when none are asked for.</summary>
    public IReadOnlyList<string>? Grant(IReadOnlyCollection<string> requested)
    {
        var granted = ScopeList;
        if (requested.Count == 0)
        {
            return granted;
        }

        return requested.All(granted.Contains) ? [.. requested.Distinct()] : null;
    }

    private static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .Replace('+', '-').Replace('/', '_').TrimEnd('=');

    private static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
