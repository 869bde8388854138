using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace Hub.Tenancy.Resolution;

/// <summary>
/// Caches a public page an anonymous visitor sees, per tenant, address and language. The key carries the tenant
/// registry's stamp, so any change to any tenant (made on this node or seen by its poll) yields fresh pages.
/// Staff sessions and responses that set cookies (forms with antiforgery tokens) are never stored. It is registered
/// through a policy builder, so ASP.NET Core's default rules (which also vary by query string) apply as well; the
/// checks are repeated here on purpose, so the guarantee does not rest on a default.
/// </summary>
internal sealed class PublicPageCachePolicy(TenantRegistry registry) : IOutputCachePolicy
{
    public const string Name = "Hub.PublicPage";

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var anonymous = context.HttpContext.User.Identity?.IsAuthenticated != true && !request.Headers.ContainsKey(HeaderNames.Authorization);
        var cacheable = anonymous && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method));
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = TimeSpan.FromMinutes(5);
        context.CacheVaryByRules.VaryByHost = true;
        context.CacheVaryByRules.VaryByValues["language"] = CultureInfo.CurrentUICulture.Name;
        context.CacheVaryByRules.VaryByValues["tenants"] = registry.Current.Stamp;
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.ContainsKey(HeaderNames.SetCookie))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
