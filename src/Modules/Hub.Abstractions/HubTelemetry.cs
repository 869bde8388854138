namespace Hub.Abstractions;

/// <summary>
/// Names the modules' own metrics share. Each module has its meter (<c>Hub.Cases</c>, <c>Hub.Integrations</c> …, made
/// through <see cref="System.Diagnostics.Metrics.IMeterFactory"/>); the host exports every meter whose name starts with
/// <see cref="Prefix"/> (docs/operations.md).
/// </summary>
public static class HubTelemetry
{
    /// <summary>The first part of every meter's name.</summary>
    public const string Prefix = "Hub";

    /// <summary>The tag naming the tenant (its slug) a measurement belongs to.</summary>
    public const string TenantTag = "hub.tenant";
}
