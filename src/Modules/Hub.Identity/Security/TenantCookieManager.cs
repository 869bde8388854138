using Hub.Abstractions;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Identity.Security;

/// <summary>
/// Gives every tenant its own sign-in cookie (<c>.Hub.Staff.tyreso</c>): a session of one municipality is never
/// even presented to another's pages, whether tenants are told apart by path or by host name.
/// </summary>
internal sealed class TenantCookieManager : ICookieManager
{
    private readonly ChunkingCookieManager inner = new();

    public string? GetRequestCookie(HttpContext context, string key) => inner.GetRequestCookie(context, Key(context, key));

    public void AppendResponseCookie(HttpContext context, string key, string? value, CookieOptions options) =>
        inner.AppendResponseCookie(context, Key(context, key), value, options);

    public void DeleteCookie(HttpContext context, string key, CookieOptions options) =>
        inner.DeleteCookie(context, Key(context, key), options);

    private static string Key(HttpContext context, string key) =>
        key + "." + (context.RequestServices.GetRequiredService<ITenantContext>().Tenant?.Slug ?? "_");
}
