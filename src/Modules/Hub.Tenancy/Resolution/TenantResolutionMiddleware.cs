using Hub.Abstractions;
using Microsoft.AspNetCore.Http;

namespace Hub.Tenancy.Resolution;

/// <summary>
/// Finds the request's tenant: by host name, else by the first path segment, which then moves into PathBase so
/// that every module routes and links inside the tenant (<c>/tyreso/admin</c> is <c>/admin</c> to the pages).
/// </summary>
internal sealed class TenantResolutionMiddleware(RequestDelegate next, TenantRegistry registry)
{
    public async Task InvokeAsync(HttpContext context, TenantContext tenantContext)
    {
        var snapshot = registry.Current;
        var tenant = snapshot.FindByHost(context.Request.Host.Host);
        if (tenant is not null)
        {
            tenantContext.Tenant = tenant;
            await next(context);
            return;
        }

        var path = context.Request.Path;
        var segment = FirstSegment(path);
        tenant = segment.Length > 0 ? snapshot.FindBySlug(segment) : null;
        if (tenant is null)
        {
            await next(context);
            return;
        }

        var prefix = "/" + segment;
        var rest = path.Value!.Substring(prefix.Length);
        if (rest.Length == 0)
        {
            // One address per page: /tyreso and /tyreso/ would otherwise both serve the home page.
            context.Response.Redirect(context.Request.PathBase + prefix.ToLowerInvariant() + "/" + context.Request.QueryString);
            return;
        }

        tenantContext.Tenant = tenant;
        var originalPathBase = context.Request.PathBase;
        context.Request.PathBase = originalPathBase.Add(prefix.ToLowerInvariant());
        context.Request.Path = rest;
        try
        {
            await next(context);
        }
        finally
        {
            context.Request.PathBase = originalPathBase;
            context.Request.Path = path;
        }
    }

    private static string FirstSegment(PathString path)
    {
        var value = path.Value;
        if (string.IsNullOrEmpty(value) || value.Length < 2)
        {
            return "";
        }

        var end = value.IndexOf('/', 1);
        return end < 0 ? value[1..] : value[1..end];
    }
}

/// <summary>
/// Runs after the error pages are wired, so what it refuses is shown as a friendly page in the tenant's look:
/// a disabled tenant answers 503; outside any tenant only the hub's own root pages exist.
/// </summary>
internal sealed class TenantGateMiddleware(RequestDelegate next, IEnumerable<TenantlessPath> tenantlessPaths)
{
    private readonly TenantlessPath[] tenantless = tenantlessPaths.ToArray();

    private static readonly string[] RootPaths = ["/", "/sprak/sv", "/sprak/en", "/healthz", "/readyz", "/favicon.ico"];

    public Task InvokeAsync(HttpContext context, ITenantContext tenantContext)
    {
        var path = context.Request.Path;
        var isErrorPage = path.StartsWithSegments("/fel", StringComparison.OrdinalIgnoreCase);
        if (tenantContext.Tenant is null)
        {
            if (!isErrorPage && !RootPaths.Contains(path.Value ?? "/", StringComparer.OrdinalIgnoreCase)
                && !tenantless.Any(t => path.StartsWithSegments(t.Prefix, StringComparison.OrdinalIgnoreCase)))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }
        }
        else if (tenantContext.Tenant.State == TenantState.Disabled && !isErrorPage)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "3600";
            return Task.CompletedTask;
        }

        return next(context);
    }
}
