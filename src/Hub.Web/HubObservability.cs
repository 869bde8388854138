using System.Diagnostics;
using System.Net;
using Hub.Abstractions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Hub.Web;

/// <summary>Where the hub's metrics and traces go (<c>Hub:Telemetry</c>; docs/operations.md).</summary>
internal sealed class TelemetryOptions
{
    public const string Section = "Hub:Telemetry";

    /// <summary>An OTLP collector (e.g. <c>http://otel-collector:4317</c>): traces and metrics are sent there. Unset: no traces are recorded.</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>The Prometheus scrape path, at the hub's root (not under a tenant).</summary>
    public string MetricsPath { get; set; } = "/metrics";

    /// <summary>
    /// The networks (CIDR) allowed to scrape, besides loopback. The address checked is the connection's after the
    /// trusted proxies' forwarded headers: a request that came in through the public load balancer carries the
    /// visitor's address, so it is refused even when the proxy itself is in a listed network.
    /// </summary>
    public string[] MetricsNetworks { get; set; } = [];

    /// <summary>The name this node reports as <c>service.instance.id</c> (default: the machine name and process id).</summary>
    public string? NodeName { get; set; }
}

/// <summary>
/// OpenTelemetry for the hub: metrics of ASP.NET Core, the HTTP client, the runtime, Npgsql and the modules' own
/// meters (<see cref="HubTelemetry.Prefix"/>.*), scraped by Prometheus from a path only the operators' networks reach and
/// sent by OTLP when a collector is configured; traces (ASP.NET Core, HTTP client, Npgsql) only to a collector. Logs
/// carry the trace and span id and, inside a tenant, its slug (<see cref="TenantLogScope"/>).
/// </summary>
internal static class HubObservability
{
    public static WebApplicationBuilder AddHubObservability(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(TelemetryOptions.Section);
        var options = section.Get<TelemetryOptions>() ?? new TelemetryOptions();
        builder.Services.AddOptions<TelemetryOptions>().Bind(section)
            .Validate(o => o.MetricsPath.StartsWith('/') && o.MetricsPath.Length > 1, "Hub:Telemetry:MetricsPath must start with / and name a path")
            .Validate(o => o.MetricsNetworks.All(n => IPNetwork.TryParse(n, out _)), "Hub:Telemetry:MetricsNetworks must be CIDR networks, e.g. 10.0.0.0/8")
            .ValidateOnStart();
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);

        var node = options.NodeName ?? $"{Environment.MachineName}-{Environment.ProcessId}";
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("hub", serviceVersion: typeof(HubObservability).Assembly.GetName().Version?.ToString(), serviceInstanceId: node))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation()
                    .AddMeter("Npgsql", HubTelemetry.Prefix + ".*")
                    .AddPrometheusExporter();
                if (options.OtlpEndpoint is { } endpoint)
                {
                    metrics.AddOtlpExporter(o => o.Endpoint = endpoint);
                }
            });
        if (options.OtlpEndpoint is { } traces)
        {
            // Without a collector no trace is recorded at all: an activity nobody listens to is never created.
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsOperatorPath(context.Request.Path, options.MetricsPath))
                .AddHttpClientInstrumentation()
                .AddSource("Npgsql")
                .AddOtlpExporter(o => o.Endpoint = traces));
        }

        return builder;
    }

    /// <summary>The scrape endpoint, for the networks allowed only; anyone else gets the hub's usual 404.</summary>
    public static WebApplication UseHubMetricsEndpoint(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value;
        var networks = options.MetricsNetworks.Select(n => IPNetwork.Parse(n)).ToArray();
        var path = new PathString(options.MetricsPath);
        app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
            context.Request.Path.Equals(path, StringComparison.OrdinalIgnoreCase) && MayScrape(context.Connection.RemoteIpAddress, networks));
        return app;
    }

    /// <summary>Whether an address may read the metrics: loopback or one of the listed networks.</summary>
    internal static bool MayScrape(IPAddress? address, IReadOnlyList<IPNetwork> networks)
    {
        if (address is null)
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return IPAddress.IsLoopback(address) || networks.Any(n => n.Contains(address));
    }

    private static bool IsOperatorPath(PathString path, string metricsPath) =>
        path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz") || path.StartsWithSegments(metricsPath);
}

/// <summary>Puts the tenant's slug into the scope of every log line written while a tenant's request runs.</summary>
internal sealed class TenantLogScope(RequestDelegate next, ILoggerFactory loggers)
{
    private readonly ILogger logger = loggers.CreateLogger("Hub.Requests");

    public async Task InvokeAsync(HttpContext context, ITenantContext tenantContext)
    {
        if (tenantContext.Tenant is not { } tenant)
        {
            await next(context);
            return;
        }

        using (logger.BeginScope(new KeyValuePair<string, object>[] { new("Tenant", tenant.Slug) }))
        {
            await next(context);
        }
    }
}
