using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Hub.Abstractions;
using Hub.Identity.Contracts;
using Hub.Identity.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Hub.Identity.Citizens;

/// <summary>
/// Signing with e-ID over the <see cref="CitizenEId.SignScheme"/> OIDC scheme. What was asked travels in the
/// handler's protected state; the answer is checked against it and kept, data-protected and for ten minutes, in a
/// per-tenant cookie until the caller takes it.
/// </summary>
internal sealed class CitizenSigning(IDataProtectionProvider dataProtection, ITenantContext tenantContext, TimeProvider clock) : ICitizenSigning
{
    internal const string ReferenceItem = "hub:sign:ref";
    internal const string HashItem = "hub:sign:hash";
    internal const string TextItem = "hub:sign:text";
    private const string CookieName = ".Hub.EIdSign";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private static readonly object TakenKey = new();
    private readonly TenantCookieManager cookies = new();

    public Task ChallengeAsync(HttpContext httpContext, CitizenSignRequest request)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Reference);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.VisibleText);
        if (request.Hash.Length != 64 || !request.Hash.All(char.IsAsciiHexDigit))
        {
            throw new ArgumentException("The hash must be SHA-256 in hex (64 characters).", nameof(request));
        }

        var returnUrl = CitizenEId.SafeReturnUrl(httpContext.Request, request.ReturnUrl);
        var properties = new AuthenticationProperties { RedirectUri = returnUrl };
        properties.Items[ReferenceItem] = request.Reference;
        properties.Items[HashItem] = request.Hash.ToLowerInvariant();
        properties.Items[TextItem] = request.VisibleText;
        return httpContext.ChallengeAsync(CitizenEId.SignScheme, properties);
    }

    public Task<CitizenSignOutcome> TakeOutcomeAsync(HttpContext httpContext, string reference)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var none = Task.FromResult(new CitizenSignOutcome(CitizenSignStatus.None));
        var value = cookies.GetRequestCookie(httpContext, CookieName);
        if (string.IsNullOrEmpty(value) || httpContext.Items.ContainsKey(TakenKey))
        {
            return none;
        }

        StoredOutcome? stored;
        try
        {
            stored = JsonSerializer.Deserialize<StoredOutcome>(Protector().Unprotect(value));
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or JsonException or FormatException)
        {
            Delete(httpContext);
            return none;
        }

        if (stored is null || stored.Tenant != tenantContext.Tenant?.Slug || stored.Reference != reference)
        {
            return none;
        }

        httpContext.Items[TakenKey] = true;
        Delete(httpContext);
        if (stored.Status != CitizenSignStatus.Completed)
        {
            return Task.FromResult(new CitizenSignOutcome(stored.Status));
        }

        // The evidence must still say what the outcome says: the cookie is only as good as its token.
        var evidence = new JsonWebToken(stored.Evidence);
        var signature = new CitizenSignature(reference, stored.PersonalIdentityNumber!, stored.Name!, stored.Hash!, stored.SignedAt, stored.Evidence!);
        return Task.FromResult(string.Equals(Claim(evidence, stored.HashClaim), stored.Hash, StringComparison.OrdinalIgnoreCase)
            && Claim(evidence, stored.ReferenceClaim) == reference
            ? new CitizenSignOutcome(CitizenSignStatus.Completed, signature)
            : new CitizenSignOutcome(CitizenSignStatus.Failed));
    }

    internal void Store(HttpContext httpContext, StoredOutcome outcome) =>
        cookies.AppendResponseCookie(httpContext, CookieName, Protector().Protect(JsonSerializer.Serialize(outcome with { Tenant = tenantContext.Tenant?.Slug }), Lifetime),
            new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = httpContext.Request.IsHttps,
                Path = string.IsNullOrEmpty(httpContext.Request.PathBase) ? "/" : httpContext.Request.PathBase.Value,
                MaxAge = Lifetime,
                IsEssential = true,
            });

    internal DateTimeOffset Now => clock.GetUtcNow();

    private void Delete(HttpContext httpContext) =>
        cookies.DeleteCookie(httpContext, CookieName, new CookieOptions
        {
            Path = string.IsNullOrEmpty(httpContext.Request.PathBase) ? "/" : httpContext.Request.PathBase.Value,
            Secure = httpContext.Request.IsHttps,
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
        });

    private ITimeLimitedDataProtector Protector() =>
        dataProtection.CreateProtector("Hub.Identity.CitizenSigning.Outcome", tenantContext.Tenant?.Slug ?? "_").ToTimeLimitedDataProtector();

    private static string? Claim(JsonWebToken token, string type) => token.TryGetPayloadValue<string>(type, out var value) ? value : null;

    internal sealed record StoredOutcome(
        string Reference,
        CitizenSignStatus Status,
        string? PersonalIdentityNumber = null,
        string? Name = null,
        string? Hash = null,
        DateTimeOffset SignedAt = default,
        string? Evidence = null,
        string HashClaim = "",
        string ReferenceClaim = "",
        string? Tenant = null);
}

/// <summary>The signing flow's events: carry what is signed to the provider, check what comes back, never sign in.</summary>
internal sealed class SignEvents(EIdOptions options, CitizenSigning signing, ITenantContext tenantContext, ILogger<SignEvents> logger) : OpenIdConnectEvents
{
    public override async Task RedirectToIdentityProvider(RedirectContext context)
    {
        CitizenEId.PointAtRequestOrigin(context, options);
        var items = context.Properties.Items;
        var signingOptions = options.Signing;
        var text = items[CitizenSigning.TextItem] ?? "";
        context.ProtocolMessage.SetParameter(signingOptions.TextParameter,
            signingOptions.TextEncoding.Equals("Base64", StringComparison.OrdinalIgnoreCase) ? Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) : text);
        context.ProtocolMessage.SetParameter(signingOptions.HashParameter, items[CitizenSigning.HashItem]);
        context.ProtocolMessage.SetParameter(signingOptions.ReferenceParameter, items[CitizenSigning.ReferenceItem]);
        foreach (var (name, value) in signingOptions.ExtraParameters)
        {
            context.ProtocolMessage.SetParameter(name, value);
        }

        // The text is carried to the provider; it need not travel back in the state as well.
        items.Remove(CitizenSigning.TextItem);
        context.ProtocolMessage.Prompt = "login";
        if (signingOptions.SendLoginHint)
        {
            var citizen = await context.HttpContext.AuthenticateAsync(CitizenEId.CookieScheme);
            var tenant = citizen.Principal?.FindFirstValue(CitizenClaimTypes.Tenant);
            var number = citizen.Principal?.FindFirstValue(CitizenClaimTypes.PersonalIdentityNumber);
            if (number is not null && tenant == tenantContext.Tenant?.Slug)
            {
                context.ProtocolMessage.LoginHint = PersonalIdentityNumbers.Digits(number);
            }
        }
    }

    public override Task TicketReceived(TicketReceivedContext context)
    {
        var properties = context.Properties!;
        var reference = Item(properties, CitizenSigning.ReferenceItem) ?? "";
        var expectedHash = Item(properties, CitizenSigning.HashItem);
        var principal = context.Principal;
        var signedHash = principal?.FindFirstValue(options.Signing.HashClaim);
        var signedReference = principal?.FindFirstValue(options.Signing.ReferenceClaim);
        var idToken = properties.GetTokenValue(OpenIdConnectParameterNames.IdToken);
        var citizen = CitizenEId.CitizenPrincipal(principal, options, tenantContext.Tenant?.Slug ?? "", DateOnly.FromDateTime(signing.Now.LocalDateTime));
        CitizenSigning.StoredOutcome outcome;
        if (citizen is null || idToken is null || expectedHash is null || signedReference != reference
            || !string.Equals(signedHash, expectedHash, StringComparison.OrdinalIgnoreCase))
        {
            logger.LogWarning("An e-ID signature for {Reference} did not verify (hash or reference differs, or no personnummer)", reference);
            outcome = new(reference, CitizenSignStatus.Failed);
        }
        else
        {
            outcome = new(reference, CitizenSignStatus.Completed,
                citizen.FindFirstValue(CitizenClaimTypes.PersonalIdentityNumber), citizen.FindFirstValue(CitizenClaimTypes.Name),
                expectedHash, signing.Now, idToken, options.Signing.HashClaim, options.Signing.ReferenceClaim);
        }

        return Finish(context, outcome, context.ReturnUri);
    }

    public override Task AccessDenied(AccessDeniedContext context) =>
        Finish(context, new(Item(context.Properties, CitizenSigning.ReferenceItem) ?? "", CitizenSignStatus.Cancelled), context.Properties?.RedirectUri);

    public override Task RemoteFailure(RemoteFailureContext context)
    {
        logger.LogWarning(context.Failure, "An e-ID signing failed at or after the provider");
        var reference = Item(context.Properties, CitizenSigning.ReferenceItem);
        if (reference is null)
        {
            context.Response.Redirect(CitizenEId.TenantUrl(context.Request, CitizenEId.FailedPath));
            context.HandleResponse();
            return Task.CompletedTask;
        }

        return Finish(context, new(reference, CitizenSignStatus.Failed), context.Properties?.RedirectUri);
    }

    private static string? Item(AuthenticationProperties? properties, string key) =>
        properties is not null && properties.Items.TryGetValue(key, out var value) ? value : null;

    private Task Finish<TOptions>(HandleRequestContext<TOptions> context, CitizenSigning.StoredOutcome outcome, string? returnUrl)
        where TOptions : AuthenticationSchemeOptions
    {
        signing.Store(context.HttpContext, outcome);
        context.Response.Redirect(CitizenEId.SafeReturnUrl(context.Request, returnUrl));
        context.HandleResponse();
        return Task.CompletedTask;
    }
}
