using Microsoft.Extensions.Hosting;

namespace Hub.Cases;

/// <summary>Placeholder; see issue 3.</summary>
public static class CasesModule
{
    /// <summary>The module's name (migrations history table, logs).</summary>
    public const string Name = "Cases";

    /// <summary>Registers the module.</summary>
    public static IHostApplicationBuilder AddCasesModule(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder;
    }
}
