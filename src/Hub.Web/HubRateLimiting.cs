using System.Globalization;
using System.Threading.RateLimiting;
using Hub.Abstractions;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Hub.Web;

/// <summary>One limit: so many requests per window, per tenant and client address.</summary>
internal sealed class RateLimitRule
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// <c>Hub:RateLimits</c>: how hard abuse is slowed. The defaults suit a municipality's public site; a shared address
/// (an office behind NAT) shares the limits, so they are well above what one person does.
/// </summary>
internal sealed class RateLimitOptions
{
    public bool Enabled { get; set; } = true;

    public RateLimitRule Login { get; set; } = new() { PermitLimit = 10 };

    public RateLimitRule EId { get; set; } = new() { PermitLimit = 20 };

    public RateLimitRule Token { get; set; } = new() { PermitLimit = 30 };

    public RateLimitRule Submit { get; set; } = new() { PermitLimit = 10 };

    public RateLimitRule Form { get; set; } = new() { PermitLimit = 60 };

    public RateLimitRule Search { get; set; } = new() { PermitLimit = 60 };
}

internal sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        var wrong = new[] { ("Login", options.Login), ("EId", options.EId), ("Token", options.Token), ("Submit", options.Submit), ("Form", options.Form), ("Search", options.Search) }
            .Where(r => r.Item2.PermitLimit < 1 || r.Item2.Window <= TimeSpan.Zero || r.Item2.Window > TimeSpan.FromHours(1))
            .Select(r => $"Hub:RateLimits:{r.Item1} needs a PermitLimit of at least 1 and a Window of up to one hour.").ToList();
        return wrong.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(wrong);
    }
}

/// <summary>
/// The rate limiter (ASP.NET Core's): the policies modules name (<see cref="HubRateLimits"/>), plus the token endpoint
/// and the e-ID callback, which authentication handlers answer before any endpoint runs. A refused request is 429 with
/// <c>Retry-After</c>: a problem document for the API and the token endpoint, the tenant's error page otherwise.
/// </summary>
internal static class HubRateLimiting
{
    public static WebApplicationBuilder AddHubRateLimiting(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration("Hub:RateLimits").ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limiter, configured) =>
        {
            var limits = configured.Value;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RejectedAsync;
            limiter.AddPolicy(HubRateLimits.Login, context => Partition(context, limits.Enabled, limits.Login, "login", HttpMethods.Post));
            limiter.AddPolicy(HubRateLimits.EId, context => Partition(context, limits.Enabled, limits.EId, "eid", HttpMethods.Get, HttpMethods.Post));
            limiter.AddPolicy(HubRateLimits.Submit, context => Partition(context, limits.Enabled, limits.Submit, "submit", HttpMethods.Post));
            limiter.AddPolicy(HubRateLimits.Form, context => Partition(context, limits.Enabled, limits.Form, "form", HttpMethods.Post));
            limiter.AddPolicy(HubRateLimits.Search, context =>
                context.Request.Query.ContainsKey("q")
                    ? Partition(context, limits.Enabled, limits.Search, "search", HttpMethods.Get)
                    : RateLimitPartition.GetNoLimiter("none"));
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.Request.Path.Value switch
                {
                    "/connect/token" => Partition(context, limits.Enabled, limits.Token, "token", HttpMethods.Post),
                    "/signin-eid" => Partition(context, limits.Enabled, limits.EId, "eid", HttpMethods.Get, HttpMethods.Post),
                    _ => RateLimitPartition.GetNoLimiter("none"),
                });
        });
        return builder;
    }

    /// <summary>A fixed window per policy, tenant (its path base) and client address; other methods are not counted.</summary>
    private static RateLimitPartition<string> Partition(HttpContext context, bool enabled, RateLimitRule rule, string policy, params string[] methods)
    {
        if (!enabled || !methods.Contains(context.Request.Method, StringComparer.OrdinalIgnoreCase))
        {
            return RateLimitPartition.GetNoLimiter("none");
        }

        var key = $"{policy}|{context.Request.PathBase}|{context.Connection.RemoteIpAddress}";
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = rule.PermitLimit, Window = rule.Window, QueueLimit = 0, AutoReplenishment = true,
        });
    }

    private static async ValueTask RejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var path = http.Request.Path;
        if (path.StartsWithSegments("/api") || path == "/connect/token")
        {
            // Machines read a problem document; people (below) the tenant's error page, by the status code pages.
            await http.Response.WriteAsJsonAsync(ApiProblems.ForStatus(StatusCodes.Status429TooManyRequests), options: null, "application/problem+json", cancellationToken);
        }
    }
}
