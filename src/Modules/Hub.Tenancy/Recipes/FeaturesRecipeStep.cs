using System.Text.Json;
using Hub.Abstractions;
using Hub.Tenancy.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Tenancy.Recipes;

/// <summary>The <c>features</c> step: the exact set of features the tenant has switched on.</summary>
internal sealed class FeaturesRecipeStep(IFeatureCatalog features, TimeProvider clock) : IRecipeStepHandler
{
    public string StepName => "features";

    public void Validate(RecipeStep step, RecipeValidation validation)
    {
        var dto = RecipeJson.Read<FeaturesStepDto>(step, validation);
        if (dto is null)
        {
            return;
        }

        for (var i = 0; i < dto.Enable.Count; i++)
        {
            if (features.All.All(f => f.Id != dto.Enable[i]))
            {
                validation.Add($"{step.Path}.enable[{i}]",
                    $"unknown feature '{dto.Enable[i]}'; known features: {string.Join(", ", features.All.Select(f => f.Id))}");
            }
        }
    }

    public async Task ExecuteAsync(RecipeStep step, RecipeExecution execution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(execution);
        var dto = step.Json.Deserialize<FeaturesStepDto>(RecipeJson.Options)!;
        var db = execution.Services.GetRequiredService<TenancyDbContext>();
        await execution.EnlistAsync(db);
        var tenant = await db.Tenants.SingleAsync(t => t.Id == execution.Tenant.Id, cancellationToken);
        tenant.SetFeatures(dto.Enable, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
    }

    private sealed class FeaturesStepDto
    {
        public required string Step { get; init; }

        public required List<string> Enable { get; init; }
    }
}
