namespace Hub.Integrations.Workers;

/// <summary>A row a background worker claims for a while (<see cref="Leases"/>).</summary>
internal interface ILeasedRow
{
    Guid Id { get; }

    DateTime NextAttemptAt { get; }

    /// <summary>The claim (node and batch) that may work on this row until <see cref="LeaseExpiresAt"/>.</summary>
    string? LeaseOwner { get; }

    DateTime? LeaseExpiresAt { get; }
}
