using Hub.Audit;
using Hub.Data;
using Hub.Cases;
using Hub.Catalog;
using Hub.Identity;
using Hub.Integrations;
using Hub.Tenancy;
using Hub.Tenancy.Contracts;
using Hub.Web;

var builder = WebApplication.CreateBuilder(args);

builder.AddHubData();
builder.AddTenancyModule();
builder.AddIdentityModule();
builder.AddAuditModule();
builder.AddIntegrationsModule();
builder.AddCatalogModule();
builder.AddCasesModule();
builder.AddHubWeb();
builder.AddHubObservability();
builder.AddHubRateLimiting();
builder.AddHubApi();

var app = builder.Build();

await app.Services.MigrateHubDatabaseAsync();
await app.Services.StartTenancyAsync();
await app.Services.StartIdentityAsync(app.Services.GetRequiredService<ITenantScopeFactory>().CreateScope);

app.UseHubPipeline();
await app.RunAsync();

/// <summary>The host; public so that tests can start it with WebApplicationFactory.</summary>
public partial class Program;
