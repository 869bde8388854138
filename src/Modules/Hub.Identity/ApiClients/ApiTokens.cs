using System.Security.Claims;
using Hub.Abstractions;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Hub.Identity.ApiClients;

/// <summary>
/// OAuth 2.0 client credentials for a municipality's API clients (docs/api.md): the token endpoint is
/// <c>/{tenant}/connect/token</c>, inside the tenant, so its issuer is the tenant's address and a token names the tenant
/// it was issued by. Tokens are protected with the hub's data-protection keys (shared by every node in the database)
/// and live 30 minutes; each carries the client's secret revision, so a rotation or revocation ends it at once.
/// </summary>
internal static class ApiTokens
{
    /// <summary>The token endpoint, relative to the tenant's address.</summary>
    public const string TokenPath = "connect/token";

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    public static IServiceCollection AddApiTokens(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddScoped<ApiClientStore>();
        services.AddOpenIddict()
            .AddServer(server =>
            {
                server.SetTokenEndpointUris(TokenPath);
                server.AllowClientCredentialsFlow();
                server.RegisterScopes([.. ApiScopes.All]);
                server.SetAccessTokenLifetime(Lifetime);
                // No token is stored: the client's revision, read on each call, is what revokes.
                server.EnableDegradedMode().DisableTokenStorage().DisableAuthorizationStorage();
                server.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                server.UseDataProtection();
                var aspNetCore = server.UseAspNetCore();
                if (!environment.IsProduction())
                {
                    // Development and tests run on plain http; in Production the proxy's https is seen through forwarded headers.
                    aspNetCore.DisableTransportSecurityRequirement();
                }

                server.AddEventHandler<ValidateTokenRequestContext>(handler => handler.UseScopedHandler<ApiTokenRequests>());
                server.AddEventHandler<HandleTokenRequestContext>(handler => handler.UseScopedHandler<ApiTokenRequests>());
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.UseDataProtection();
                validation.UseAspNetCore();
            });

        services.AddHttpContextAccessor();
        services.AddSingleton<IAuthenticationSchemeProvider, OpenIddictRequestSchemes>();
        services.AddScoped<IAuthorizationHandler, ApiClientHandler>();
        var policies = services.AddAuthorizationBuilder();
        foreach (var scope in ApiScopes.All)
        {
            policies.AddPolicy(ApiScopes.Policy(scope), policy => policy
                .AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser()
                .AddRequirements(new ApiClientRequirement(scope)));
        }

        return services;
    }

    /// <summary>Whether the token request is one of a tenant's (the simulated e-ID provider answers its own).</summary>
    internal static bool IsTenantRequest(OpenIddictServerTransaction transaction) =>
        transaction.GetHttpRequest() is { } request && !SimulatedEId.SimulatedEIdProvider.IsProviderRequest(request);
}

/// <summary>Checks a client's id, secret and scopes against the current tenant's clients, and issues the token.</summary>
internal sealed class ApiTokenRequests(ApiClientStore clients, ITenantContext tenantContext)
    : IOpenIddictServerHandler<ValidateTokenRequestContext>, IOpenIddictServerHandler<HandleTokenRequestContext>
{
    private const string ClientProperty = "hub:api_client";

    public async ValueTask HandleAsync(ValidateTokenRequestContext context)
    {
        if (!ApiTokens.IsTenantRequest(context.Transaction))
        {
            return;
        }

        if (!context.Request.IsClientCredentialsGrantType())
        {
            context.Reject(Errors.UnsupportedGrantType, "Only the client_credentials grant is supported.");
            return;
        }

        var client = tenantContext.Tenant is null || string.IsNullOrEmpty(context.ClientId) ? null
            : await clients.FindActiveAsync(context.ClientId, context.CancellationToken);
        if (client is null || !client.Verifies(context.Request.ClientSecret))
        {
            // One answer for an unknown client, another tenant's client, a revoked one and a wrong secret.
            context.Reject(Errors.InvalidClient, "The client_id or client_secret is wrong.");
            return;
        }

        if (client.Grant([.. context.Request.GetScopes()]) is null)
        {
            context.Reject(Errors.InvalidScope, "The client may not have every scope asked for.");
            return;
        }

        // The sign-in below issues the token for the client read here, not for a second read.
        context.Transaction.Properties[ClientProperty] = client;
    }

    public ValueTask HandleAsync(HandleTokenRequestContext context)
    {
        if (!ApiTokens.IsTenantRequest(context.Transaction) || !context.Request.IsClientCredentialsGrantType())
        {
            return default;
        }

        var client = context.Transaction.Properties.TryGetValue(ClientProperty, out var validated) && validated is ApiClient known
            ? known
            : throw new InvalidOperationException("A client credentials request reached the token's sign-in without a validated client.");
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, client.ClientId)
            .SetClaim(Claims.Name, client.Name)
            .SetClaim(ApiCaller.NameClaim, client.Name)
            .SetClaim(ApiCaller.TenantClaim, tenantContext.Tenant!.Id.ToString())
            .SetClaim(ApiCaller.RevisionClaim, client.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var principal = new ClaimsPrincipal(identity);
        principal.SetScopes(client.Grant([.. context.Request.GetScopes()])!);
        principal.SetDestinations(static _ => [Destinations.AccessToken]);
        context.SignIn(principal);
        return default;
    }
}

/// <summary>A token of the current tenant, of a client still current, with <see cref="Scope"/>.</summary>
internal sealed record ApiClientRequirement(string Scope) : IAuthorizationRequirement;

/// <summary>
/// Refuses a token issued by another tenant (its tenant claim), one without the scope, and one of a client that was
/// rotated or revoked after it was issued (its revision claim).
/// </summary>
internal sealed class ApiClientHandler(ITenantContext tenantContext, ApiClientStore clients) : AuthorizationHandler<ApiClientRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ApiClientRequirement requirement)
    {
        var user = context.User;
        if (tenantContext.Tenant is not { } tenant
            || user.FindFirst(ApiCaller.TenantClaim)?.Value != tenant.Id.ToString()
            || !user.HasScope(requirement.Scope)
            || user.FindFirst(Claims.Subject)?.Value is not { Length: > 0 } clientId
            || !int.TryParse(user.FindFirst(ApiCaller.RevisionClaim)?.Value, System.Globalization.CultureInfo.InvariantCulture, out var revision)
            || !await clients.IsCurrentAsync(clientId, revision, CancellationToken.None))
        {
            return;
        }

        context.Succeed(requirement);
    }
}
