using System.Text.Json;
using Hub.Data;
using Hub.Identity.Contracts;
using Hub.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Identity.Tests.Citizens;

/// <summary>A hub with a test-only page inside every tenant that starts a signing and one that takes its outcome.</summary>
public abstract class CitizenHubFixture(DatabaseProvider provider) : HubFixture(provider)
{
    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<IStartupFilter, SigningProbe>();
}

public sealed class SqliteCitizenHubFixture() : CitizenHubFixture(DatabaseProvider.Sqlite);

public sealed class PostgresCitizenHubFixture() : CitizenHubFixture(DatabaseProvider.Postgres);

[CollectionDefinition(Name)]
public sealed class SqliteCitizenCollection : ICollectionFixture<SqliteCitizenHubFixture>
{
    public const string Name = "Citizen e-ID on SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresCitizenCollection : ICollectionFixture<PostgresCitizenHubFixture>
{
    public const string Name = "Citizen e-ID on PostgreSQL";
}

/// <summary>
/// <c>GET /{tenant}/__test/sign?ref=&amp;hash=&amp;text=</c> starts a signing that comes back to
/// <c>/{tenant}/__test/sign-result?ref=</c>, which answers the taken outcome as JSON. It runs after the hub's own
/// endpoints, inside the tenant, as another module's page would.
/// </summary>
internal sealed class SigningProbe : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        app.Run(async context =>
        {
            var signing = context.RequestServices.GetRequiredService<ICitizenSigning>();
            var query = context.Request.Query;
            if (context.Request.Path == "/__test/sign")
            {
                var reference = query["ref"].ToString();
                await signing.ChallengeAsync(context, new CitizenSignRequest(reference, query["text"].ToString(), query["hash"].ToString(),
                    context.Request.PathBase + "/__test/sign-result?ref=" + Uri.EscapeDataString(reference)));
            }
            else if (context.Request.Path == "/__test/sign-result")
            {
                var outcome = await signing.TakeOutcomeAsync(context, query["ref"].ToString());
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(JsonSerializer.Serialize(outcome));
            }
            else
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
            }
        });
    };
}
