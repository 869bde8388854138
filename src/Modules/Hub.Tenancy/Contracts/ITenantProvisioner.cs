using Hub.Abstractions;

namespace Hub.Tenancy.Contracts;

/// <summary>Creates and updates tenants from JSON recipes (schema: <c>docs/recipes.md</c>).</summary>
public interface ITenantProvisioner
{
    /// <summary>The recipe files in the recipes folder.</summary>
    IReadOnlyList<RecipeFile> ListRecipeFiles();

    /// <summary>Reads a recipe file from the recipes folder by name.</summary>
    /// <exception cref="FileNotFoundException">No such recipe.</exception>
    string ReadRecipeFile(string fileName);

    /// <summary>Checks a recipe completely without changing anything.</summary>
    IReadOnlyList<RecipeProblem> Validate(string json, TenantRecipeOverrides? overrides = null);

    /// <summary>
    /// Validates, then applies every step in one transaction: either the whole recipe takes effect or nothing does.
    /// Applying the same recipe again leaves the tenant as the recipe describes it.
    /// </summary>
    Task<ProvisionResult> ApplyAsync(string json, TenantRecipeOverrides? overrides = null, CancellationToken cancellationToken = default);
}

/// <summary>A recipe file and what it says of itself.</summary>
/// <param name="FileName">File name in the recipes folder.</param>
/// <param name="Name">The recipe's name.</param>
/// <param name="Description">The recipe's description.</param>
/// <param name="IsTemplate">True when the recipe leaves the slug and name to the person creating a tenant.</param>
public sealed record RecipeFile(string FileName, string Name, string? Description, bool IsTemplate);

/// <summary>Values that replace the recipe's own for its tenant step (used when a hub admin creates a tenant from a template).</summary>
/// <param name="Slug">The new tenant's slug.</param>
/// <param name="DisplayName">The new tenant's display name.</param>
public sealed record TenantRecipeOverrides(string? Slug, string? DisplayName);

/// <summary>The outcome of applying a recipe.</summary>
/// <param name="Tenant">The tenant as it now is, when the recipe was applied.</param>
/// <param name="Problems">Why nothing was applied, otherwise empty.</param>
public sealed record ProvisionResult(TenantSnapshot? Tenant, IReadOnlyList<RecipeProblem> Problems)
{
    /// <summary>True when the recipe took effect.</summary>
    public bool Succeeded => Tenant is not null && Problems.Count == 0;
}
