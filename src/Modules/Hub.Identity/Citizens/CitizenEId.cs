using System.Globalization;
using System.Security.Claims;
using Hub.Abstractions;
using Hub.Identity.Contracts;
using Hub.Identity.Security;
using Hub.Identity.SimulatedEId;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Hub.Identity.Citizens;

/// <summary>
/// Citizens log in with e-ID through ASP.NET Core's OpenID Connect handler (code + PKCE) into a cookie of their own,
/// per tenant, apart from staff sessions. Signing is a second OIDC scheme whose answer never opens a session.
/// </summary>
internal static class CitizenEId
{
    public const string CookieScheme = "HubCitizen";
    public const string LoginScheme = "EId";
    public const string SignScheme = "EIdSign";
    public const string LoginCallbackPath = "/signin-eid";
    public const string SignCallbackPath = "/signin-eid-sign";
    public const string FailedPath = "/e-legitimation/misslyckades";
    public const string StatusPath = "/e-legitimation";

    public static IHostApplicationBuilder AddCitizenEId(this IHostApplicationBuilder builder)
    {
        var options = ReadOptions(builder.Configuration, builder.Environment);
        var services = builder.Services;
        services.AddSingleton(options);
        if (options.Provider == EIdProviderKind.Oidc && Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority))
        {
            // "Sign and submit" is a form post answered by a redirect to the broker; the CSP must let it leave.
            services.AddFormActionSource(authority.GetLeftPart(UriPartial.Authority));
        }

        var authentication = services.AddAuthentication();
        authentication.AddCookie(CookieScheme, cookie =>
        {
            cookie.Cookie.Name = ".Hub.Citizen";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.CookieManager = new TenantCookieManager();
            // A public-sector e-ID session is short: 30 minutes without a request ends it.
            cookie.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            cookie.SlidingExpiration = true;
            cookie.LoginPath = CitizenPaths.Login;
            cookie.LogoutPath = CitizenPaths.Logout;
            // A session that is not this tenant's is no session here: log in again.
            cookie.AccessDeniedPath = CitizenPaths.Login;
            cookie.ReturnUrlParameter = "returnUrl";
        });
        services.AddScoped<IAuthorizationHandler, CitizenTenantHandler>();
        services.AddAuthorizationBuilder().AddPolicy(HubPolicies.Citizen, policy => policy
            .AddAuthenticationSchemes(CookieScheme)
            .RequireAuthenticatedUser()
            .AddRequirements(new CitizenTenantRequirement()));
        services.AddScoped<CitizenSigning>();
        services.AddScoped<ICitizenSigning>(sp => sp.GetRequiredService<CitizenSigning>());
        if (options.Provider == EIdProviderKind.None)
        {
            return builder;
        }

        services.AddScoped<LoginEvents>();
        services.AddScoped<SignEvents>();
        authentication
            .AddOpenIdConnect(LoginScheme, o => ConfigureClient(o, options, LoginCallbackPath, typeof(LoginEvents)))
            .AddOpenIdConnect(SignScheme, o =>
            {
                ConfigureClient(o, options, SignCallbackPath, typeof(SignEvents));
                // The raw id_token is the signature's evidence.
                o.SaveTokens = true;
            });
        if (options.Provider == EIdProviderKind.Simulated)
        {
            services.AddSimulatedEIdProvider([LoginCallbackPath, SignCallbackPath]);
            foreach (var scheme in new[] { LoginScheme, SignScheme })
            {
                services.AddOptions<OpenIdConnectOptions>(scheme).Configure<SimulatedEIdMetadata>((o, metadata) => o.ConfigurationManager = metadata);
            }
        }

        return builder;
    }

    internal static EIdOptions ReadOptions(IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(EIdOptions.Section);
        var options = section.Get<EIdOptions>() ?? new EIdOptions();
        if (string.IsNullOrEmpty(section["Provider"]))
        {
            options.Provider = environment.IsDevelopment() ? EIdProviderKind.Simulated : EIdProviderKind.None;
        }

        if (options.Provider == EIdProviderKind.Simulated)
        {
            if (environment.IsProduction())
            {
                throw new InvalidOperationException(
                    "Hub:EId:Provider is 'Simulated': a test e-ID with which anyone can log in as anyone. It is refused in " +
                    "Production. Configure a real broker (Hub:EId:Provider = Oidc, Authority, ClientId, ClientSecret; see docs/e-id.md).");
            }

            options.ClientId = SimulatedEIdProvider.ClientId;
            options.PersonalIdentityNumberClaim = SimulatedEIdProvider.PersonalIdentityNumberClaim;
            options.GetClaimsFromUserInfoEndpoint = false;
            options.Signing = new EIdSigningOptions();
        }
        else if (options.Provider == EIdProviderKind.Oidc && (string.IsNullOrEmpty(options.Authority) || string.IsNullOrEmpty(options.ClientId)))
        {
            throw new InvalidOperationException("Hub:EId:Provider is 'Oidc' but Hub:EId:Authority or Hub:EId:ClientId is missing (see docs/e-id.md).");
        }

        return options;
    }

    private static void ConfigureClient(OpenIdConnectOptions o, EIdOptions options, string callbackPath, Type eventsType)
    {
        o.SignInScheme = CookieScheme;
        // Relative to the tenant's path base: each tenant has its own redirect URI (/tyreso/signin-eid).
        o.CallbackPath = callbackPath;
        o.ClientId = options.ClientId;
        o.ClientSecret = options.ClientSecret;
        if (options.Provider == EIdProviderKind.Oidc)
        {
            o.Authority = options.Authority;
        }
        else
        {
            o.RequireHttpsMetadata = false;
        }

        o.ResponseType = OpenIdConnectResponseType.Code;
        // Back by a plain redirect: a cross-site form post would need SameSite=None cookies and an inline script.
        o.ResponseMode = OpenIdConnectResponseMode.Query;
        o.UsePkce = true;
        o.MapInboundClaims = false;
        o.GetClaimsFromUserInfoEndpoint = options.GetClaimsFromUserInfoEndpoint;
        o.Scope.Clear();
        foreach (var scope in options.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Append("openid").Distinct(StringComparer.Ordinal))
        {
            o.Scope.Add(scope);
        }

        o.TokenValidationParameters.NameClaimType = CitizenClaimTypes.Name;
        foreach (var cookie in new[] { o.CorrelationCookie, o.NonceCookie })
        {
            cookie.SameSite = SameSiteMode.Lax;
            cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        }

        o.RemoteAuthenticationTimeout = TimeSpan.FromMinutes(10);
        o.DisableTelemetry = true;
        o.EventsType = eventsType;
    }

    /// <summary>The tenant's own page for <paramref name="path"/>, as the browser addresses it.</summary>
    internal static string TenantUrl(HttpRequest request, string path) => request.PathBase + path;

    /// <summary>A local URL of the current tenant, or its home page.</summary>
    internal static string SafeReturnUrl(HttpRequest request, string? returnUrl)
    {
        var tenantBase = request.PathBase.Value ?? "";
        var local = !string.IsNullOrEmpty(returnUrl) && returnUrl[0] == '/' && (returnUrl.Length == 1 || (returnUrl[1] != '/' && returnUrl[1] != '\\'))
            && !returnUrl.Any(char.IsControl);
        return local && (tenantBase.Length == 0 || returnUrl!.StartsWith(tenantBase + "/", StringComparison.Ordinal)) ? returnUrl! : tenantBase + "/";
    }

    /// <summary>Sends the browser to the simulated provider on the origin it uses, not the loopback address the metadata was read from.</summary>
    internal static void PointAtRequestOrigin(RedirectContext context, EIdOptions options)
    {
        context.ProtocolMessage.UiLocales = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        if (options.Provider != EIdProviderKind.Simulated)
        {
            return;
        }

        var request = context.Request;
        var target = new UriBuilder(context.ProtocolMessage.IssuerAddress)
        {
            Scheme = request.Scheme,
            Host = request.Host.Host,
            Port = request.Host.Port ?? -1,
        };
        context.ProtocolMessage.IssuerAddress = target.Uri.AbsoluteUri;
    }

    /// <summary>The hub's citizen identity from the provider's claims, or null when it names no valid personnummer.</summary>
    internal static ClaimsPrincipal? CitizenPrincipal(ClaimsPrincipal? source, EIdOptions options, string tenantSlug, DateOnly today)
    {
        string? Claim(string type) => source?.FindFirst(type)?.Value;
        if (!PersonalIdentityNumbers.TryNormalize(Claim(options.PersonalIdentityNumberClaim), today, out var number))
        {
            return null;
        }

        var given = Claim(CitizenClaimTypes.GivenName);
        var family = Claim(CitizenClaimTypes.FamilyName);
        var name = Claim(CitizenClaimTypes.Name) is { Length: > 0 } full ? full : $"{given} {family}".Trim();
        var identity = new ClaimsIdentity(CookieScheme, CitizenClaimTypes.Name, null);
        identity.AddClaim(new Claim(CitizenClaimTypes.PersonalIdentityNumber, number));
        identity.AddClaim(new Claim(CitizenClaimTypes.Name, name.Length > 0 ? name : number));
        if (!string.IsNullOrEmpty(given))
        {
            identity.AddClaim(new Claim(CitizenClaimTypes.GivenName, given));
        }

        if (!string.IsNullOrEmpty(family))
        {
            identity.AddClaim(new Claim(CitizenClaimTypes.FamilyName, family));
        }

        identity.AddClaim(new Claim(CitizenClaimTypes.Tenant, tenantSlug));
        identity.AddClaim(new Claim(CitizenClaimTypes.Provider, options.ProviderName));
        return new ClaimsPrincipal(identity);
    }
}

/// <summary>Met only by a citizen identity opened on the tenant the request is for.</summary>
internal sealed class CitizenTenantRequirement : IAuthorizationRequirement;

internal sealed class CitizenTenantHandler(ITenantContext tenantContext) : AuthorizationHandler<CitizenTenantRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, CitizenTenantRequirement requirement)
    {
        var tenant = tenantContext.Tenant;
        if (tenant is not null && context.User.Identities.Any(i => i.IsAuthenticated
            && i.AuthenticationType == CitizenEId.CookieScheme
            && i.FindFirst(CitizenClaimTypes.Tenant)?.Value == tenant.Slug))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>The login flow's events: claims into the hub's shape, failures into a friendly page.</summary>
internal sealed class LoginEvents(EIdOptions options, ITenantContext tenantContext, TimeProvider clock) : OpenIdConnectEvents
{
    public override Task RedirectToIdentityProvider(RedirectContext context)
    {
        CitizenEId.PointAtRequestOrigin(context, options);
        return Task.CompletedTask;
    }

    public override Task TicketReceived(TicketReceivedContext context)
    {
        var tenant = tenantContext.Tenant;
        var principal = tenant is null ? null
            : CitizenEId.CitizenPrincipal(context.Principal, options, tenant.Slug, DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
        if (principal is null)
        {
            context.Response.Redirect(CitizenEId.TenantUrl(context.Request, CitizenEId.FailedPath));
            context.HandleResponse();
            return Task.CompletedTask;
        }

        context.Principal = principal;
        context.Properties!.IsPersistent = false;
        context.ReturnUri = CitizenEId.SafeReturnUrl(context.Request, context.ReturnUri);
        return Task.CompletedTask;
    }

    public override Task AccessDenied(AccessDeniedContext context)
    {
        context.Response.Redirect(CitizenEId.TenantUrl(context.Request, CitizenEId.FailedPath + "?avbrutet=true"));
        context.HandleResponse();
        return Task.CompletedTask;
    }

    public override Task RemoteFailure(RemoteFailureContext context)
    {
        context.Response.Redirect(CitizenEId.TenantUrl(context.Request, CitizenEId.FailedPath));
        context.HandleResponse();
        return Task.CompletedTask;
    }
}
