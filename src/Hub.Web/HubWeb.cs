using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Hub.Abstractions;
using Hub.Tenancy;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;

namespace Hub.Web;

/// <summary>Host-level wiring: pages, localization, security headers, error pages and the request pipeline.</summary>
internal static class HubWeb
{
    public const string CultureCookie = ".Hub.Culture";

    public static readonly CultureInfo[] Cultures = [new("sv-SE"), new("en-GB")];

    public static WebApplicationBuilder AddHubWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        builder.Services.AddSingleton<ResourceManagerStringLocalizerFactory>();
        builder.Services.Replace(ServiceDescriptor.Singleton<IStringLocalizerFactory, CachedStringLocalizerFactory>());
        builder.Services.AddRazorPages();
        builder.Services.AddModulePages(typeof(Hub.Theme.Default.Resources.ThemeTexts).Assembly);
        // Swedish letters are written as themselves, not as numeric entities (output is still HTML-encoded).
        builder.Services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = ".Hub.Antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
            // One token cookie for the whole site: with the default (the tenant's path base) a page of the hub's
            // root and a page of a tenant would each set their own, and a form could be posted with the wrong one.
            options.Cookie.Path = "/";
        });
        builder.Services.Configure<FormOptions>(options =>
        {
            // Admin forms post settings and recipes; nothing here needs more than a recipe's 256 KiB.
            options.MultipartBodyLengthLimit = 512 * 1024;
            options.ValueLengthLimit = 300 * 1024;
        });
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            options.SupportedCultures = Cultures;
            options.SupportedUICultures = Cultures;
            // Swedish unless the person chose otherwise: the browser's language is not asked.
            options.RequestCultureProviders = [new TenantCultureProvider()];
        });
        // Behind a reverse proxy the original scheme is used (so cookies get Secure): loopback is trusted by default, other
        // load balancers are listed in Hub:ForwardedHeaders:KnownNetworks (CIDR). The Host header is never taken from
        // X-Forwarded-Host: it chooses the tenant, so the proxy must pass the original Host through.
        var proxyNetworks = builder.Configuration.GetSection("Hub:ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [];
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var network in proxyNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        if (!builder.Environment.IsDevelopment())
        {
            builder.Services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        }

        return builder;
    }

    public static WebApplication UseHubPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        var formAction = string.Join(' ', app.Services.GetServices<FormActionSource>().Select(s => s.Origin).Distinct().Prepend("'self'"));
        var contentSecurityPolicy =
            "default-src 'self'; img-src 'self' https: data:; style-src 'self' 'unsafe-inline'; script-src 'self'; " +
            $"object-src 'none'; base-uri 'self'; form-action {formAction}; frame-ancestors 'none'";
        app.Use((context, next) => SecurityHeaders(context, next, contentSecurityPolicy));
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseExceptionHandler("/fel/500");
        app.UseHubMetricsEndpoint();
        app.UseStaticFiles();
        app.UseTenantResolution();
        app.UseMiddleware<TenantLogScope>();
        // Inside the tenant: errors re-execute with the tenant's path base, so they render in its look and language.
        app.UseExceptionHandler("/fel/500");
        app.UseStatusCodePagesWithReExecute("/fel/{0}");
        app.UseApiProblems();
        app.UseTenantGate();
        app.UseRequestLocalization();
        app.UseRouting();
        // After routing (policies are endpoint metadata), before authentication (which answers the token endpoint).
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseOutputCache();
        app.UseAntiforgery();

        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        // A link, not a form: the choice only sets a preference cookie, and pages without forms stay cacheable.
        app.MapGet("/sprak/{culture}", SwitchLanguage).WithName("SwitchLanguage").WithSummary("Sets the language cookie and returns to the page.");
        app.MapRazorPages();
        app.MapOpenApi(HubApi.DocumentPath).WithName("OpenApiDocument");
        foreach (var endpoints in app.Services.GetServices<ModuleEndpoints>())
        {
            endpoints.Map(app);
        }
        return app;
    }

    private static IResult SwitchLanguage(HttpContext context, string culture, string? returnUrl)
    {
        var chosen = Cultures.FirstOrDefault(c => c.TwoLetterISOLanguageName == culture) ?? Cultures[0];
        context.Response.Cookies.Append(CultureCookie,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { Path = "/", MaxAge = TimeSpan.FromDays(365), SameSite = SameSiteMode.Lax, HttpOnly = true, IsEssential = true });
        var home = context.Request.PathBase.HasValue ? context.Request.PathBase + "/" : "/";
        var target = IsLocal(returnUrl) ? returnUrl! : home;
        return Results.LocalRedirect(target);
    }

    internal static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);

    private static Task SecurityHeaders(HttpContext context, Func<Task> next, string contentSecurityPolicy)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers.ContentSecurityPolicy = contentSecurityPolicy;
        return next();
    }
}
