using System.Security.Cryptography;
using System.Text;
using Hub.Abstractions;
using Hub.Cases.Data;
using Hub.Cases.Domain;
using Hub.Catalog.Contracts;
using Hub.Data;
using Hub.Forms.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hub.Cases.Intake;

/// <summary>
/// The browser's key to its anonymous drafts and receipts: a random value in an HttpOnly cookie per tenant. Only its
/// SHA-256 is stored, so the database alone cannot open anyone's draft.
/// </summary>
internal sealed class AnonymousKey(ITenantContext tenantContext)
{
    private string CookieName => ".Hub.Anonymous." + (tenantContext.Tenant?.Slug ?? "_");

    /// <summary>The hash of this browser's key, or null when it has none.</summary>
    public string? Find(HttpContext context) =>
        context.Request.Cookies.TryGetValue(CookieName, out var value) && value is { Length: 43 } ? Hash(value) : null;

    /// <summary>The hash of this browser's key, giving it one first if needed.</summary>
    public string GetOrCreate(HttpContext context)
    {
        if (Find(context) is { } existing)
        {
            return existing;
        }

        var value = Base64Url(RandomNumberGenerator.GetBytes(32));
        context.Response.Cookies.Append(CookieName, value, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            Path = "/",
            IsEssential = true,
        });
        return Hash(value);
    }

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(value)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>Creates, finds (for their owner only), saves and removes drafts.</summary>
internal sealed class DraftStore(IServiceProvider services, TenantSql sql, ITenantContext tenantContext, TimeProvider clock, IOptions<CasesOptions> options)
{
    // Every column of Draft, in the order ReadAsync maps them; table and columns as CasesDbContext maps them.
    private const string SelectById = """
        SELECT "Id", "TenantId", "ServiceKey", "ServiceVersionId", "OwnerPersonalIdentityNumber", "AnonymousKeyHash",
               "Language", "AnswersJson", "CurrentPage", "CreatedUtc", "UpdatedUtc", "ExpiresUtc"
        FROM cases_drafts WHERE "Id" = @id AND "TenantId" = @tenant
        """;

    private CasesDbContext? context;

    /// <summary>The row read last in this scope: a step GET asks twice (the step-page cache, then the page on a miss).</summary>
    private Draft? lastRead;

    // Resolved on first write: reading a draft (every step and review request) needs no DbContext.
    private CasesDbContext Db => context ??= services.GetRequiredService<CasesDbContext>();

    public async Task<Draft> CreateAsync(PublishedService service, Citizen? citizen, string? anonymousKeyHash, string language, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var draft = new Draft
        {
            Id = Guid.CreateVersion7(),
            ServiceKey = service.Key,
            ServiceVersionId = service.VersionId,
            OwnerPersonalIdentityNumber = citizen?.PersonalIdentityNumber,
            AnonymousKeyHash = citizen is null ? anonymousKeyHash : null,
            Language = language,
            AnswersJson = "{}",
            CreatedUtc = now,
        };
        Touch(draft, now);
        Db.Drafts.Add(draft);
        await Db.SaveChangesAsync(cancellationToken);
        return draft;
    }

    /// <summary>
    /// The draft if it exists in the current tenant, has not expired and belongs to this citizen or (anonymous) this
    /// browser. It is not tracked: <see cref="SaveAsync"/> attaches it, and a submission removes it through its context.
    /// </summary>
    /// <remarks>
    /// Read with one plain command on the scope's connection rather than through EF Core: this runs on every step and
    /// review request, and creating and first using a DbContext (its service scope, the provider registering its SQLite
    /// functions on the connection, change tracking) cost more than the query. <see cref="TenantSql"/> binds the tenant
    /// condition CasesDbContext's query filter adds.
    /// </remarks>
    public async Task<Draft?> FindAsync(Guid id, Citizen? citizen, string? anonymousKeyHash, CancellationToken cancellationToken)
    {
        var draft = await ReadAsync(id, cancellationToken);
        return draft is not null && draft.ExpiresUtc > clock.GetUtcNow().UtcDateTime && IsOwner(draft, citizen, anonymousKeyHash) ? draft : null;
    }

    private async Task<Draft?> ReadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (lastRead?.Id == id)
        {
            return lastRead;
        }

        lastRead = tenantContext.Tenant is null ? null : await sql.QuerySingleAsync(SelectById, [("@id", id)], static reader => new Draft
        {
            Id = reader.GetGuid(0),
            TenantId = reader.GetGuid(1),
            ServiceKey = reader.GetString(2),
            ServiceVersionId = reader.GetGuid(3),
            OwnerPersonalIdentityNumber = reader.IsDBNull(4) ? null : reader.GetString(4),
            AnonymousKeyHash = reader.IsDBNull(5) ? null : reader.GetString(5),
            Language = reader.GetString(6),
            AnswersJson = reader.GetString(7),
            CurrentPage = reader.IsDBNull(8) ? null : reader.GetString(8),
            CreatedUtc = reader.GetDateTime(9),
            UpdatedUtc = reader.GetDateTime(10),
            ExpiresUtc = reader.GetDateTime(11),
        }, cancellationToken);
        return lastRead;
    }

    public static bool IsOwner(Draft draft, Citizen? citizen, string? anonymousKeyHash) =>
        draft.OwnerPersonalIdentityNumber is { } owner
            ? citizen?.PersonalIdentityNumber == owner
            : anonymousKeyHash is not null && draft.AnonymousKeyHash == anonymousKeyHash;

    public async Task SaveAsync(Draft draft, IReadOnlyDictionary<string, AnswerValue> answers, string? currentPage, CancellationToken cancellationToken)
    {
        Attach(draft);
        draft.AnswersJson = AnswerJson.Write(answers);
        draft.CurrentPage = currentPage;
        Touch(draft, clock.GetUtcNow().UtcDateTime);
        await Db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Tracks a draft read by <see cref="FindAsync"/> as it is now, so that changes made after are saved.</summary>
    public void Attach(Draft draft)
    {
        if (Db.Entry(draft).State == EntityState.Detached)
        {
            Db.Drafts.Attach(draft);
        }
    }

    /// <summary>The citizen's unexpired drafts, newest first.</summary>
    public async Task<IReadOnlyList<Draft>> ListAsync(Citizen citizen, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await Db.Drafts.AsNoTracking()
            .Where(d => d.OwnerPersonalIdentityNumber == citizen.PersonalIdentityNumber && d.ExpiresUtc > now)
            .OrderByDescending(d => d.UpdatedUtc)
            .ToListAsync(cancellationToken);
    }

    private void Touch(Draft draft, DateTime now)
    {
        draft.UpdatedUtc = now;
        draft.ExpiresUtc = draft.OwnerPersonalIdentityNumber is null
            ? now.AddHours(options.Value.AnonymousDraftRetentionHours)
            : now.AddDays(options.Value.DraftRetentionDays);
    }
}
