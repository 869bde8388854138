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

    /// <summary>
    /// Validates, then applies every step in one transaction: either the whole recipe takes effect or nothing does.
    /// Applying the same recipe again leaves the tenant as the recipe describes it.
    /// </summary>
    Task<ProvisionResult> ApplyAsync(
        string json, TenantRecipeOverrides? overrides = null, RecipeOrigin origin = RecipeOrigin.File, CancellationToken cancellationToken = default);
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
/// <param name="FirstAdmin">A TenantAdmin account to create with the tenant, in the same transaction.</param>
/// <param name="MustBeNew">Refuse, rather than update, a tenant that already exists with the slug.</param>
public sealed record TenantRecipeOverrides(string? Slug, string? DisplayName, FirstAdmin? FirstAdmin = null, bool MustBeNew = false);

/// <summary>The first administrator of a new tenant, as a hub admin enters it.</summary>
/// <param name="UserName">User name.</param>
/// <param name="Email">E-mail address.</param>
/// <param name="Password">A first password the person changes.</param>
public sealed record FirstAdmin(string UserName, string Email, string Password);

/// <summary>Where a recipe comes from; decides whether it may carry passwords outside Development.</summary>
public enum RecipeOrigin
{
    /// <summary>A file (start-up provisioning, a template): never passwords outside Development.</summary>
    File,

    /// <summary>Pasted by a signed-in hub admin: passwords in it are the admin's own input, not defaults.</summary>
    AdminForm,
}

/// <summary>The outcome of applying a recipe.</summary>
/// <param name="Tenant">The tenant as it now is, when the recipe was applied.</param>
/// <param name="Problems">Why nothing was applied, otherwise empty.</param>
public sealed record ProvisionResult(TenantSnapshot? Tenant, IReadOnlyList<RecipeProblem> Problems)
{
    /// <summary>True when the recipe took effect.</summary>
    public bool Succeeded => Tenant is not null && Problems.Count == 0;
}
