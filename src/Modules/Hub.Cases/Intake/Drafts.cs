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
/// <remarks>
/// Creating, reading and saving a draft are each one plain statement on the scope's connection rather than EF Core:
/// they run on every start, step and review request, and creating and first using a DbContext (its service scope,
/// the provider registering its functions on the connection, change tracking) cost more than the statement itself.
/// <see cref="TenantSql"/> binds the tenant as CasesDbContext's query filter and save guard would; the statements
/// name the table and columns as CasesDbContext maps them (TenantSqlTests try them with another tenant's ids).
/// </remarks>
internal sealed class DraftStore(
    IServiceProvider services, TenantSql sql, ITenantContext tenantContext, IntakeMetrics metrics, TimeProvider clock, IOptions<CasesOptions> options)
{
    private const string Columns = """
        "Id", "TenantId", "ServiceKey", "ServiceVersionId", "OwnerPersonalIdentityNumber", "AnonymousKeyHash",
        "Language", "AnswersJson", "CurrentPage", "CreatedUtc", "UpdatedUtc", "ExpiresUtc"
        """;

    // Every column of Draft, in the order ReadAsync maps them.
    private const string SelectById = "SELECT " + Columns + """ FROM cases_drafts WHERE "Id" = @id AND "TenantId" = @tenant""";

    private const string Insert = "INSERT INTO cases_drafts (" + Columns + """
        ) VALUES (@id, @tenant, @key, @version, @owner, @anonymous, @language, @answers, @page, @created, @updated, @expires)
        """;

    private const string Update = """
        UPDATE cases_drafts SET "AnswersJson" = @answers, "CurrentPage" = @page, "UpdatedUtc" = @updated, "ExpiresUtc" = @expires
        WHERE "Id" = @id AND "TenantId" = @tenant
        """;

    private CasesDbContext? context;

    /// <summary>The row read last in this scope: a page may ask for its draft more than once.</summary>
    private Draft? lastRead;

    // Resolved on first use: creating, reading and saving a draft need no DbContext.
    private CasesDbContext Db => context ??= services.GetRequiredService<CasesDbContext>();

    public async Task<Draft> CreateAsync(PublishedService service, Citizen? citizen, string? anonymousKeyHash, string language, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var draft = new Draft
        {
            Id = Guid.CreateVersion7(),
            TenantId = sql.TenantId,
            ServiceKey = service.Key,
            ServiceVersionId = service.VersionId,
            OwnerPersonalIdentityNumber = citizen?.PersonalIdentityNumber,
            AnonymousKeyHash = citizen is null ? anonymousKeyHash : null,
            Language = language,
            AnswersJson = "{}",
            CreatedUtc = now,
        };
        Touch(draft, now);
        await sql.ExecuteAsync(Insert,
        [
            ("@id", draft.Id), ("@key", draft.ServiceKey), ("@version", draft.ServiceVersionId),
            ("@owner", draft.OwnerPersonalIdentityNumber), ("@anonymous", draft.AnonymousKeyHash), ("@language", draft.Language),
            ("@answers", draft.AnswersJson), ("@page", draft.CurrentPage), ("@created", draft.CreatedUtc),
            ("@updated", draft.UpdatedUtc), ("@expires", draft.ExpiresUtc),
        ], cancellationToken);
        lastRead = draft;
        metrics.DraftStarted(tenantContext.Tenant!.Slug, draft.ServiceKey);
        return draft;
    }

    /// <summary>
    /// The draft if it exists in the current tenant, has not expired and belongs to this citizen or (anonymous) this
    /// browser. It is not tracked by any DbContext.
    /// </summary>
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

    /// <summary>
    /// Saves the answers and the page the person is on, and moves the draft's expiry on. False when the draft is no
    /// longer there (submitted or removed meanwhile, e.g. from another tab): nothing was saved.
    /// </summary>
    public async Task<bool> SaveAsync(Draft draft, IReadOnlyDictionary<string, AnswerValue> answers, string? currentPage, CancellationToken cancellationToken)
    {
        draft.AnswersJson = AnswerJson.Write(answers);
        draft.CurrentPage = currentPage;
        Touch(draft, clock.GetUtcNow().UtcDateTime);
        var saved = await sql.ExecuteAsync(Update,
        [
            ("@id", draft.Id), ("@answers", draft.AnswersJson), ("@page", draft.CurrentPage),
            ("@updated", draft.UpdatedUtc), ("@expires", draft.ExpiresUtc),
        ], cancellationToken) == 1;
        if (saved)
        {
            metrics.StepSaved(tenantContext.Tenant!.Slug, draft.ServiceKey);
        }

        return saved;
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
