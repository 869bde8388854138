using Hub.Abstractions;
using Hub.Cases.Api;
using Hub.Cases.Data;
using Hub.Cases.Documents;
using Hub.Cases.Files;
using Hub.Cases.Handling;
using Hub.Cases.Intake;
using Hub.Cases.Recipes;
using Hub.Data;
using Hub.Integrations.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Hub.Cases;

/// <summary>
/// Citizens' cases: filling in a service (drafts, uploads), submission with receipt and case number, signatures,
/// and Mina sidor.
/// </summary>
public static class CasesModule
{
    /// <summary>The module's name (migrations history table, logs).</summary>
    public const string Name = "Cases";

    /// <summary>Registers the module.</summary>
    public static IHostApplicationBuilder AddCasesModule(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddHubDbContext<CasesDbContext, SqliteCasesDbContext, PostgresCasesDbContext>(Name);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<CasesOptions>().Bind(builder.Configuration.GetSection("Hub:Cases"))
            .Validate(o => o.DraftRetentionDays is >= 1 and <= 365, "Hub:Cases:DraftRetentionDays must be 1–365")
            .Validate(o => o.AnonymousDraftRetentionHours is >= 1 and <= 720, "Hub:Cases:AnonymousDraftRetentionHours must be 1–720")
            .Validate(o => o.DraftSweepInterval >= TimeSpan.FromMinutes(1) && o.DraftSweepInterval <= TimeSpan.FromDays(1), "Hub:Cases:DraftSweepInterval must be 00:01:00–1.00:00:00")
            .ValidateOnStart();
        services.AddSingleton<IntakeMetrics>();
        services.AddScoped<DraftStore>();
        services.AddScoped<CaseSubmitter>();
        services.AddScoped<SubmittedDrafts>();
        services.AddScoped<CaseReader>();
        services.AddScoped<CasePdf>();
        services.AddScoped<CaseArchive>();
        services.AddScoped<SignatureRecorder>();
        services.AddScoped<CaseWorkflow>();
        services.AddScoped<CaseEntry>();
        services.AddScoped<HandlingGroups>();
        services.AddScoped<CaseNotifications>();
        services.AddScoped<CaseIntegrationEvents>();
        services.AddScoped<ITimerHandler, SlaReminderHandler>();
        services.AddScoped<ITimerHandler, SlaEscalationHandler>();
        services.AddScoped<CaseDelivery>();
        services.AddScoped<CaseFigures>();
        services.AddScoped<ITimerHandler, DeliveryPushHandler>();
        services.AddScoped<ITimerHandler, UndeliveredAlertHandler>();
        services.AddScoped<IWebhookReceipts, PushReceipts>();
        services.AddScoped<CaseRetention>();
        services.AddScoped<ITimerHandler, RetentionTimerHandler>();
        services.AddSingleton<IRecipeStepHandler, HandlingGroupsRecipeStep>();
        services.AddSingleton<FileStore>();
        services.AddScoped<DraftFiles>();
        services.AddScoped<Citizens>();
        services.AddScoped<AnonymousKey>();
        services.AddScoped<Pages.Services.IntakePageServices>();
        services.AddSingleton<DraftSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<DraftSweeper>());
        services.AddModulePages(typeof(CasesModule).Assembly);
        services.AddAdminMenuItem(new AdminMenuItem("/admin/arenden", "Ärenden", "Cases",
            "Inkomna ärenden: fördela, handlägg, kommunicera med medborgaren och fatta beslut.",
            "Incoming cases: assign, handle, talk with the citizen and decide.", HubPolicies.CaseOfficer));
        services.AddAdminMenuItem(new AdminMenuItem("/admin/arenden/grupper", "Handläggningsgrupper", "Handling groups",
            "Vilka handläggare som får ärenden av vilket slag, och vem som leder gruppen.",
            "Which case officers get which cases, and who leads each group.", HubPolicies.TenantAdmin));
        services.AddAdminMenuItem(new AdminMenuItem("/admin/arenden/leverans", "Leverans till verksamhetssystem", "Delivery to business systems",
            "Hur varje e-tjänsts ärenden når verksamhetssystemet: hämtas via API:t, skickas till en webhook, och när ett ej levererat ärende larmar.",
            "How each e-service's cases reach the business system: fetched through the API, pushed to a webhook, and when an undelivered case alerts.", HubPolicies.TenantAdmin));
        services.AddAdminMenuItem(new AdminMenuItem("/admin/arenden/gallring", "Gallring", "Retention",
            "Vilka avslutade ärenden som snart förlorar sina personuppgifter enligt e-tjänsternas gallringsregler.",
            "Which closed cases will soon lose their personal data under the e-services' retention rules.", HubPolicies.TenantAdmin));
        services.AddModuleEndpoints(endpoints => endpoints.MapCaseFiles().MapCasesApi().MapServicesApi());
        return builder;
    }
}
