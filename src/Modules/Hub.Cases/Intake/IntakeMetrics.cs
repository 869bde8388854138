using System.Diagnostics.Metrics;
using Hub.Abstractions;

namespace Hub.Cases.Intake;

/// <summary>
/// Filling in and submitting, counted per tenant and service (meter <c>Hub.Cases</c>): drafts started, steps saved,
/// cases that came in by channel. Counted after the write commits, so a figure is what the database holds.
/// </summary>
internal sealed class IntakeMetrics
{
    public const string MeterName = HubTelemetry.Prefix + ".Cases";

    private readonly Counter<long> draftsStarted;
    private readonly Counter<long> stepsSaved;
    private readonly Counter<long> casesReceived;

    public IntakeMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        draftsStarted = meter.CreateCounter<long>("hub.drafts.started", "{draft}", "Drafts citizens started.");
        stepsSaved = meter.CreateCounter<long>("hub.drafts.saved", "{save}", "Steps of a draft saved (every step post saves).");
        casesReceived = meter.CreateCounter<long>("hub.cases.received", "{case}", "Cases that came in: submitted digitally, or registered by an officer from another channel.");
    }

    public void DraftStarted(string tenant, string service) => draftsStarted.Add(1, Tenant(tenant), Service(service));

    public void StepSaved(string tenant, string service) => stepsSaved.Add(1, Tenant(tenant), Service(service));

    public void CaseReceived(string tenant, string service, string channel) =>
        casesReceived.Add(1, Tenant(tenant), Service(service), new KeyValuePair<string, object?>("hub.channel", channel));

    private static KeyValuePair<string, object?> Tenant(string slug) => new(HubTelemetry.TenantTag, slug);

    private static KeyValuePair<string, object?> Service(string key) => new("hub.service", key);
}
