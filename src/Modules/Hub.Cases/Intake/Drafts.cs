using System.Security.Cryptography;
using System.Text;
using Hub.Abstractions;
using Hub.Cases.Data;
using Hub.Cases.Domain;
using Hub.Catalog.Contracts;
using Hub.Forms.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hub.Cases.Intake;

/// <summary>
/// The browser's key to its anonymous drafts and receipts: a random value in an HttpOnly cookie per tenant. Only its
/// SHA-256 is stored, so the database alone cannot open anyone's draft.
/// </summary>
internal static class AnonymousKey
{
    private static string CookieName(HttpContext context) =>
        ".Hub.Anonymous." + (context.RequestServices.GetService(typeof(ITenantContext)) is ITenantContext { Tenant: { } t } ? t.Slug : "_");

    /// <summary>The hash of this browser's key, or null when it has none.</summary>
    public static string? Find(HttpContext context) =>
        context.Request.Cookies.TryGetValue(CookieName(context), out var value) && value is { Length: 43 } ? Hash(value) : null;

    /// <summary>The hash of this browser's key, giving it one first if needed.</summary>
    public static string GetOrCreate(HttpContext context)
    {
        if (Find(context) is { } existing)
        {
            return existing;
        }

        var value = Base64Url(RandomNumberGenerator.GetBytes(32));
        context.Response.Cookies.Append(CookieName(context), value, new CookieOptions
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
internal sealed class DraftStore(CasesDbContext db, TimeProvider clock, IOptions<CasesOptions> options)
{
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
        db.Drafts.Add(draft);
        await db.SaveChangesAsync(cancellationToken);
        return draft;
    }

    /// <summary>The draft if it exists, has not expired and belongs to this citizen or (anonymous) this browser.</summary>
    public async Task<Draft?> FindAsync(Guid id, Citizen? citizen, string? anonymousKeyHash, CancellationToken cancellationToken)
    {
        var draft = await db.Drafts.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        return draft is not null && draft.ExpiresUtc > clock.GetUtcNow().UtcDateTime && IsOwner(draft, citizen, anonymousKeyHash) ? draft : null;
    }

    public static bool IsOwner(Draft draft, Citizen? citizen, string? anonymousKeyHash) =>
        draft.OwnerPersonalIdentityNumber is { } owner
            ? citizen?.PersonalIdentityNumber == owner
            : anonymousKeyHash is not null && draft.AnonymousKeyHash == anonymousKeyHash;

    public async Task SaveAsync(Draft draft, IReadOnlyDictionary<string, AnswerValue> answers, string? currentPage, CancellationToken cancellationToken)
    {
        draft.AnswersJson = AnswerJson.Write(answers);
        draft.CurrentPage = currentPage;
        Touch(draft, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The citizen's unexpired drafts, newest first.</summary>
    public async Task<IReadOnlyList<Draft>> ListAsync(Citizen citizen, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Drafts.AsNoTracking()
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
