namespace Hub.Abstractions;

/// <summary>
/// What a module tells the host about its database: its DbContext and how to bring the schema up to date.
/// The host migrates every registered module in registration order at start-up.
/// </summary>
public interface IModuleDatabase
{
    /// <summary>The module's name, for logs.</summary>
    string Module { get; }

    /// <summary>Applies pending migrations for the configured provider.</summary>
    Task MigrateAsync(IServiceProvider scopedServices, CancellationToken cancellationToken);
}

/// <summary>A row that belongs to one tenant; the data layer scopes queries and guards writes by it.</summary>
public interface ITenantOwned
{
    /// <summary>The owning tenant's id.</summary>
    Guid TenantId { get; set; }
}
