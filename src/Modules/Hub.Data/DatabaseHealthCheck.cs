using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Hub.Data;

/// <summary>Ready when the database answers a trivial query.</summary>
internal sealed class DatabaseHealthCheck(HubConnection hubConnection) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var connection = hubConnection.Connection;
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
#pragma warning disable CA1031 // Any failure to reach the database means "not ready"; the exception is reported, not hidden.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("The database is not reachable.", exception);
        }
    }
}
