using Microsoft.Extensions.Hosting;

namespace Hub.Catalog;

/// <summary>Placeholder; see issue 3.</summary>
public static class CatalogModule
{
    /// <summary>The module's name (migrations history table, logs).</summary>
    public const string Name = "Catalog";

    /// <summary>Registers the module.</summary>
    public static IHostApplicationBuilder AddCatalogModule(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder;
    }
}
