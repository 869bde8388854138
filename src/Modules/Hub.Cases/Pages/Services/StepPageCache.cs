using System.Buffers;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using Hub.Abstractions;
using Hub.Cases.Intake;
using Hub.Catalog.Contracts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Hub.Cases.Pages.Services;

/// <summary>
/// Serves a step of a form again without rendering it, while nothing it shows has changed: the same draft row (its
/// answers and last change), service version, tenant settings, language, address, signed-in person and day. Only the
/// antiforgery token is made for each request and put in where the page had its own.
/// </summary>
/// <remarks>
/// <para>
/// The draft is read from the database on every request, as the page itself does, so ownership is checked each time
/// and a change saved on another node is seen: the cache saves the rendering and what came with it (its allocations,
/// the token's encryption, several writes); a step served again takes about a third of the CPU of a render
/// (bench/README.md, "Form step and submit"). Every save of the draft changes its row, so the first GET after a change
/// renders afresh; what is served again is a reload, the back button or a return from Mina sidor.
/// </para>
/// <para>
/// Stored are only 200 answers without <c>Set-Cookie</c> to a GET with no validation errors. Entries are bounded by
/// <see cref="CasesOptions.StepPageCacheMegabytes"/> (0 turns the cache off) and leave 10 minutes after their last use.
/// </para>
/// </remarks>
internal sealed class StepPageCache(
    DraftStore drafts, IServiceDirectory directory, ITenantContext tenantContext, IAntiforgery antiforgery, TimeProvider clock,
    IOptions<CasesOptions> options, StepPageCache.Store store) : IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method) || options.Value.StepPageCacheMegabytes <= 0 || tenantContext.Tenant is not { } tenant
            || context.RouteData.Values["service"] is not string service || context.RouteData.Values["step"] is not string step
            || !Guid.TryParse(context.RouteData.Values["draft"] as string, out var draftId))
        {
            await next();
            return;
        }

        var citizen = await Citizens.GetAsync(http);
        var draft = await drafts.FindAsync(draftId, citizen, AnonymousKey.Find(http), http.RequestAborted);
        if (draft is null || draft.ServiceKey != service || await directory.FindVersionAsync(draft.ServiceVersionId, http.RequestAborted) is not { } version)
        {
            await next(); // the page says what is wrong
            return;
        }

        var key = string.Concat(draft.Id.ToString("N"), "|", step, "|", http.Request.QueryString.Value, "|", CultureInfo.CurrentUICulture.Name, "|", CultureInfo.CurrentCulture.Name);
        var person = Person(http.User, citizen);
        var stamp = new Stamp(tenant, version, draft.UpdatedUtc, draft.AnswersJson, draft.Language, http.Request.PathBase + http.Request.Path,
            DateOnly.FromDateTime(clock.GetLocalNow().DateTime), person);
        if (store.Cache.TryGetValue(key, out Page? page) && page!.Stamp.Equals(stamp))
        {
            await ServeAsync(http, page, person);
            context.Result = new EmptyResult();
            return;
        }

        var body = http.Response.Body;
        await using var copy = new MemoryStream();
        http.Response.Body = new TeeStream(body, copy);
        ResourceExecutedContext executed;
        try
        {
            executed = await next();
        }
        finally
        {
            http.Response.Body = body;
        }

        var response = http.Response;
        if (executed.Exception is null && response.StatusCode == StatusCodes.Status200OK && !response.Headers.ContainsKey(HeaderNames.SetCookie)
            && context.ModelState.IsValid && response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
        {
            var html = Encoding.UTF8.GetString(copy.GetBuffer(), 0, (int)copy.Length);
            // The token this render put in the page (GetTokens neither makes a new one nor touches the started response).
            var token = antiforgery.GetTokens(http).RequestToken;
            var parts = string.IsNullOrEmpty(token) ? [html] : html.Split(token);
            var segments = parts.Select(Encoding.UTF8.GetBytes).ToArray();
            store.Cache.Set(key, new Page(stamp, response.ContentType, segments), new MemoryCacheEntryOptions
            {
                Size = segments.Sum(s => (long)s.Length) + 512,
                SlidingExpiration = TimeSpan.FromMinutes(10),
            });
        }
    }

    private async Task ServeAsync(HttpContext http, Page page, string person)
    {
        var response = http.Response;
        var token = RequestToken(http, person);
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = page.ContentType;
        response.ContentLength = page.Segments.Sum(s => (long)s.Length) + ((long)token.Length * (page.Segments.Length - 1));
        // Into the response's buffer and sent once: a write to the body stream would go out as a packet of its own.
        var writer = response.BodyWriter;
        for (var i = 0; i < page.Segments.Length; i++)
        {
            if (i > 0)
            {
                writer.Write(token);
            }

            writer.Write(page.Segments[i]);
        }

        await writer.FlushAsync(http.RequestAborted);
    }

    /// <summary>
    /// A request token for this browser's antiforgery cookie and person. One made earlier for the same valid cookie and
    /// person is used again (a page in the browser's history carries the same); otherwise it is made as a render makes
    /// it, which also sets a new cookie when the browser's is missing or no longer valid.
    /// </summary>
    private byte[] RequestToken(HttpContext http, string person)
    {
        var cookie = http.Request.Cookies[store.AntiforgeryCookie];
        var key = cookie is null ? null : string.Concat("token|", cookie, "|", person);
        if (key is not null && store.Cache.TryGetValue(key, out byte[]? known))
        {
            // The headers GetAndStoreTokens sets on a page with a form.
            var headers = http.Response.Headers;
            headers.CacheControl = "no-cache, no-store";
            headers.Pragma = "no-cache";
            if (!headers.ContainsKey(HeaderNames.XFrameOptions))
            {
                headers.XFrameOptions = "SAMEORIGIN";
            }

            return known!;
        }

        var token = Encoding.ASCII.GetBytes(antiforgery.GetAndStoreTokens(http).RequestToken ?? "");
        if (key is not null && !http.Response.Headers.ContainsKey(HeaderNames.SetCookie))
        {
            // The cookie was valid (no new one was needed), so a token for it stays valid.
            store.Cache.Set(key, token, new MemoryCacheEntryOptions { Size = token.Length + key.Length * 2, SlidingExpiration = TimeSpan.FromMinutes(10) });
        }

        return token;
    }

    /// <summary>
    /// Who is signed in, as far as a page can show it: the citizen (whose session is read apart from <c>User</c>) and
    /// every claim of every authenticated identity of <c>User</c> (staff).
    /// </summary>
    private static string Person(ClaimsPrincipal user, Citizen? citizen)
    {
        var builder = new StringBuilder();
        if (citizen is not null)
        {
            builder.Append("citizen\n").Append(citizen.PersonalIdentityNumber).Append('\n').Append(citizen.Name).Append('\n').Append(citizen.GivenName).Append('\n');
        }

        foreach (var identity in user.Identities.Where(i => i.IsAuthenticated))
        {
            builder.Append(identity.AuthenticationType).Append('\n');
            foreach (var claim in identity.Claims)
            {
                builder.Append(claim.Type).Append('=').Append(claim.Value).Append('\n');
            }
        }

        return builder.ToString();
    }

    /// <summary>Everything a step page is made from besides its address; a cached page is served only when all are equal.</summary>
    private sealed record Stamp(
        TenantSnapshot Tenant, PublishedService Version, DateTime DraftUpdated, string Answers, string DraftLanguage, string Path, DateOnly Today, string Person)
    {
        public bool Equals(Stamp? other) =>
            other is not null && ReferenceEquals(Tenant, other.Tenant) && ReferenceEquals(Version, other.Version) && DraftUpdated == other.DraftUpdated
            && string.Equals(Answers, other.Answers, StringComparison.Ordinal) && string.Equals(DraftLanguage, other.DraftLanguage, StringComparison.Ordinal)
            && string.Equals(Path, other.Path, StringComparison.Ordinal) && Today == other.Today && string.Equals(Person, other.Person, StringComparison.Ordinal);

        public override int GetHashCode() => HashCode.Combine(DraftUpdated, Path, Today);
    }

    private sealed record Page(Stamp Stamp, string ContentType, byte[][] Segments);

    /// <summary>The node's cached step pages (a singleton), bounded in bytes.</summary>
    internal sealed class Store(IOptions<CasesOptions> options, IOptions<AntiforgeryOptions> antiforgery) : IDisposable
    {
        /// <summary>The name of the antiforgery cookie, whose value a request token is bound to.</summary>
        public string AntiforgeryCookie { get; } = antiforgery.Value.Cookie.Name ?? ".AspNetCore.Antiforgery";

        public MemoryCache Cache { get; } = new(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.Value.StepPageCacheMegabytes) * 1024L * 1024 });

        public void Dispose() => Cache.Dispose();
    }

    /// <summary>Writes to the response and keeps a copy.</summary>
    private sealed class TeeStream(Stream inner, Stream copy) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            copy.Write(buffer, offset, count);
            inner.Write(buffer, offset, count);
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            copy.Write(buffer.Span);
            await inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }
}
