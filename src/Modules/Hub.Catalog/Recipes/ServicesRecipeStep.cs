using System.Text.Json;
using Hub.Abstractions;
using Hub.Catalog.Data;
using Hub.Catalog.Packages;
using Hub.Packages.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Catalog.Recipes;

/// <summary>
/// The <c>services</c> step: publishes service files from <c>recipes/services/{key}.service.json</c> for the tenant.
/// Re-running with the same file changes nothing; a changed file with a new version publishes that version.
/// </summary>
internal sealed class ServicesRecipeStep(IConfiguration configuration, TimeProvider clock, ServiceCache cache) : IRecipeStepHandler
{
    public string StepName => "services";

    private string Folder => configuration["Hub:Catalog:ServicesPath"]
        ?? Path.Combine(configuration["Hub:Tenancy:RecipesPath"] ?? Path.Combine(AppContext.BaseDirectory, "recipes"), "services");

    public void Validate(RecipeStep step, RecipeValidation validation)
    {
        var dto = RecipeJson.Read<ServicesStepDto>(step, validation);
        if (dto is null)
        {
            return;
        }

        for (var i = 0; i < dto.Services.Count; i++)
        {
            var path = $"{step.Path}.services[{i}]";
            var key = dto.Services[i];
            if (!ServiceKeys.IsValid(key))
            {
                validation.Add(path, $"'{key}' is not a service key (lower-case letters, digits, hyphens)");
                continue;
            }

            var file = Path.Combine(Folder, key + ".service.json");
            if (!File.Exists(file))
            {
                validation.Add(path, $"there is no service file '{key}.service.json' in {Folder}");
                continue;
            }

            var (package, problems) = IncomingPackages.Read(File.ReadAllText(file));
            if (package is not null)
            {
                problems = PackageTextCheck.Check(package);
            }

            foreach (var problem in problems)
            {
                validation.Add(path, $"{key}.service.json {problem.Path}: {problem.Message}");
            }

            if (package is not null && package.Key != key)
            {
                validation.Add(path, $"{key}.service.json has the key '{package.Key}'");
            }
        }
    }

    public async Task ExecuteAsync(RecipeStep step, RecipeExecution execution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(execution);
        var dto = step.Json.Deserialize<ServicesStepDto>(RecipeJson.Options)!;
        var db = execution.Services.GetRequiredService<CatalogDbContext>();
        await execution.EnlistAsync(db);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var key in dto.Services)
        {
            var (package, _) = ServicePackageJson.Read(await File.ReadAllTextAsync(Path.Combine(Folder, key + ".service.json"), cancellationToken));
            var stored = await ServiceVersionStore.AddAsync(db, package!, "Från recept", now, cancellationToken)
                ?? throw new InvalidOperationException(
                    $"Service '{key}' already has a version {package!.Version} with other content; give the changed file a new version.");
            ServiceVersionStore.Publish(stored.Service, stored.Version, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        cache.Invalidate(execution.Tenant.Id);
    }

    private sealed class ServicesStepDto
    {
        public required string Step { get; init; }

        public required List<string> Services { get; init; }
    }
}
