using Hub.Abstractions;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Hub.Identity.SimulatedEId;

/// <summary>
/// A test e-ID provider: an OpenIddict server under <c>/test-eid</c> (issuer <c>{origin}/test-eid/</c>) where anyone can
/// pick a test person. It runs the real protocol (code + PKCE, signed id_tokens) so the hub's client is exercised end
/// to end. It keeps nothing in a database (OpenIddict's degraded mode): its one client, the hub, is known in code, and
/// its keys are ephemeral, which is why it is for one node and never for Production.
/// </summary>
internal static class SimulatedEIdProvider
{
    public const string PathPrefix = "/test-eid";
    public const string ClientId = "hub";
    public const string PersonalIdentityNumberClaim = "ssn";

    public static IServiceCollection AddSimulatedEIdProvider(this IServiceCollection services, IReadOnlyList<string> callbackPaths)
    {
        services.AddTenantlessPath(PathPrefix);
        services.AddSingleton<SimulatedEIdMetadata>();
        services.AddOpenIddict().AddServer(server =>
        {
            // Relative to the base URI set below for requests under /test-eid; the token endpoint and the server's keys
            // are the API's (ApiTokens), so the provider's token endpoint is /test-eid/connect/token.
            server.SetAuthorizationEndpointUris("authorize")
                .SetConfigurationEndpointUris(".well-known/openid-configuration")
                .SetJsonWebKeySetEndpointUris(".well-known/jwks");
            server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            server.RegisterScopes(Scopes.OpenId, Scopes.Profile);
            server.SetAuthorizationCodeLifetime(TimeSpan.FromMinutes(2));
            // Tests and development run on plain http; the provider is refused in Production anyway.
            server.UseAspNetCore().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();

            server.AddEventHandler<ProcessRequestContext>(handler => handler
                .UseInlineHandler(context =>
                {
                    var request = context.Transaction.GetHttpRequest();
                    if (request is { Host.HasValue: true } && IsProviderRequest(request))
                    {
                        context.BaseUri = new Uri($"{request.Scheme}://{request.Host}{PathPrefix}/", UriKind.Absolute);
                    }

                    return default;
                })
                .SetOrder(OpenIddictServerAspNetCoreHandlers.ResolveRequestUri.Descriptor.Order + 1)
                .SetType(OpenIddictServerHandlerType.Custom));

            server.AddEventHandler<ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.Transaction.GetHttpRequest() is not { } request || !IsProviderRequest(request))
                {
                    // Inside a tenant the server is only the API's token endpoint.
                    context.Reject(Errors.InvalidRequest, "There is no authorization endpoint here.");
                }
                else if (context.ClientId != ClientId)
                {
                    context.Reject(Errors.InvalidClient, "Unknown client_id.");
                }
                else if (!IsOwnCallback(context.RedirectUri, context.Transaction.GetHttpRequest(), callbackPaths))
                {
                    context.Reject(Errors.InvalidRequest, "The redirect_uri is not an e-ID callback of this hub.");
                }

                return default;
            }));

            server.AddEventHandler<ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.Transaction.GetHttpRequest() is not { } request || !IsProviderRequest(request))
                {
                    return default;
                }

                if (context.ClientId != ClientId)
                {
                    context.Reject(Errors.InvalidClient, "Unknown client_id.");
                }
                else if (!context.Request.IsAuthorizationCodeGrantType())
                {
                    context.Reject(Errors.UnsupportedGrantType, "Only the authorization code grant is supported.");
                }

                return default;
            }));

            server.AddEventHandler<HandleTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.Transaction.GetHttpRequest() is { } request && IsProviderRequest(request)
                    && context.Request.IsAuthorizationCodeGrantType() && context.AuthorizationCodePrincipal is { } principal)
                {
                    context.SignIn(principal);
                }

                return default;
            }));
        });
        return services;
    }

    /// <summary>Whether a request is the provider's own (under <see cref="PathPrefix"/>, outside every tenant).</summary>
    internal static bool IsProviderRequest(HttpRequest request) =>
        !request.PathBase.HasValue && request.Path.StartsWithSegments(PathPrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Any tenant's callback on the origin the provider itself is reached at: tenants come and go and each has its own
    /// redirect URI (<c>/tyreso/signin-eid</c>), so they cannot be listed in advance. Another origin is refused.
    /// </summary>
    internal static bool IsOwnCallback(string? redirectUri, HttpRequest? request, IReadOnlyList<string> callbackPaths)
    {
        if (request is null || !Uri.TryCreate(redirectUri, UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.Fragment))
        {
            return false;
        }

        var ownOrigin = $"{request.Scheme}://{request.Host}";
        var origin = uri.GetLeftPart(UriPartial.Authority);
        return string.Equals(origin, ownOrigin, StringComparison.OrdinalIgnoreCase)
            && callbackPaths.Any(path => uri.AbsolutePath.EndsWith(path, StringComparison.Ordinal));
    }
}

/// <summary>
/// The client's view of the provider's metadata. The authority is this same server, whose address is known only once
/// Kestrel listens (tests use port 0), so it is read on first use from the server's addresses, over loopback.
/// </summary>
internal sealed class SimulatedEIdMetadata(IServer server) : IConfigurationManager<OpenIdConnectConfiguration>, IDisposable
{
    private readonly Lock gate = new();
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private ConfigurationManager<OpenIdConnectConfiguration>? inner;

    public Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel) => Inner().GetConfigurationAsync(cancel);

    public void RequestRefresh() => inner?.RequestRefresh();

    public void Dispose() => http.Dispose();

    private ConfigurationManager<OpenIdConnectConfiguration> Inner()
    {
        lock (gate)
        {
            return inner ??= new ConfigurationManager<OpenIdConnectConfiguration>(
                BackchannelOrigin() + SimulatedEIdProvider.PathPrefix + "/.well-known/openid-configuration",
                new OpenIdConnectConfigurationRetriever(),
                new HttpDocumentRetriever(http) { RequireHttps = false });
        }
    }

    private string BackchannelOrigin()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The simulated e-ID provider needs the server's listening address, and the server has none yet.");
        var binding = BindingAddress.Parse(address);
        var host = binding.Host is "+" or "*" or "[::]" or "0.0.0.0" or "" ? "127.0.0.1" : binding.Host;
        return $"{binding.Scheme}://{host}:{binding.Port}";
    }
}
