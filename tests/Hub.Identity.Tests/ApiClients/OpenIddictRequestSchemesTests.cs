using Hub.Identity.ApiClients;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using OpenIddict.Server.AspNetCore;
using OpenIddict.Validation.AspNetCore;

namespace Hub.Identity.Tests.ApiClients;

/// <summary>
/// OpenIddict's handlers see the requests that may be theirs (token endpoint, simulated e-ID, API) and no other; the
/// other request handlers (the citizens' e-ID callback) see every request.
/// </summary>
public sealed class OpenIddictRequestSchemesTests
{
    [Theory]
    [InlineData("/connect/token", true)]
    [InlineData("/test-eid/authorize", true)]
    [InlineData("/test-eid/.well-known/openid-configuration", true)]
    [InlineData("/api/v1/cases", true)]
    [InlineData("/API/v1/cases", true)]
    [InlineData("/e-tjanster/synpunkter/ansokan/0190/synpunkten", false)]
    [InlineData("/", false)]
    [InlineData("/connection", false)]
    [InlineData("/apis", false)]
    public async Task OpenIddicts_handlers_are_offered_only_their_paths(string path, bool offered)
    {
        var options = new AuthenticationOptions();
        options.AddScheme(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, s => s.HandlerType = typeof(RequestHandler));
        options.AddScheme(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme, s => s.HandlerType = typeof(RequestHandler));
        options.AddScheme("eid", s => s.HandlerType = typeof(RequestHandler));
        var context = new DefaultHttpContext();
        context.Request.Path = path;
        var schemes = new OpenIddictRequestSchemes(Options.Create(options), new HttpContextAccessor { HttpContext = context });

        var names = (await schemes.GetRequestHandlerSchemesAsync()).Select(s => s.Name).ToList();

        Assert.Contains("eid", names);
        Assert.Equal(offered, names.Contains(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme));
        Assert.Equal(offered, names.Contains(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme));
        Assert.Equal(offered ? 3 : 1, names.Count);
    }

    private sealed class RequestHandler : IAuthenticationRequestHandler
    {
        public Task<AuthenticateResult> AuthenticateAsync() => Task.FromResult(AuthenticateResult.NoResult());

        public Task ChallengeAsync(AuthenticationProperties? properties) => Task.CompletedTask;

        public Task ForbidAsync(AuthenticationProperties? properties) => Task.CompletedTask;

        public Task<bool> HandleRequestAsync() => Task.FromResult(false);

        public Task InitializeAsync(AuthenticationScheme scheme, HttpContext context) => Task.CompletedTask;
    }
}
