using System.Text.Json;

namespace Hub.Abstractions;

/// <summary>Handles one kind of recipe step; each step kind belongs to exactly one module.</summary>
public interface IRecipeStepHandler
{
    /// <summary>The step's <c>"step"</c> value, e.g. <c>"users"</c>.</summary>
    string StepName { get; }

    /// <summary>Checks the step's JSON without changing anything; reports every problem found.</summary>
    void Validate(RecipeStep step, RecipeValidation validation);

    /// <summary>Applies the step for the tenant in <see cref="RecipeExecution.Tenant"/>; must be safe to run again.</summary>
    Task ExecuteAsync(RecipeStep step, RecipeExecution execution, CancellationToken cancellationToken);
}

/// <summary>One step of a recipe: its JSON and where it stands in the file (for messages).</summary>
/// <param name="Name">The step kind.</param>
/// <param name="Path">JSON path of the step, e.g. <c>steps[2]</c>.</param>
/// <param name="Json">The whole step object.</param>
public sealed record RecipeStep(string Name, string Path, JsonElement Json);

/// <summary>A problem that makes a recipe unusable, named precisely enough to fix.</summary>
/// <param name="Path">JSON path of the offending value, e.g. <c>steps[1].users[0].roles</c>.</param>
/// <param name="Message">What is wrong, in English (recipes are an operator's file format).</param>
public sealed record RecipeProblem(string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>Collects problems while a recipe is checked.</summary>
public sealed class RecipeValidation
{
    private readonly List<RecipeProblem> problems = [];

    /// <summary>Creates a validation.</summary>
    /// <param name="allowPasswords">
    /// True in Development and for a recipe a hub admin submits through the admin pages; false for recipe files
    /// applied at start-up elsewhere, so that no default password ships in a file.
    /// </param>
    public RecipeValidation(bool allowPasswords) => AllowPasswords = allowPasswords;

    /// <summary>Whether a recipe may set passwords.</summary>
    public bool AllowPasswords { get; }

    /// <summary>The slug of the tenant the recipe provisions, when it names a valid one.</summary>
    public string? TenantSlug { get; set; }

    /// <summary>Problems found so far.</summary>
    public IReadOnlyList<RecipeProblem> Problems => problems;

    /// <summary>Records a problem.</summary>
    public void Add(string path, string message) => problems.Add(new RecipeProblem(path, message));
}

/// <summary>What a step handler gets while a recipe is applied.</summary>
public sealed class RecipeExecution
{
    /// <summary>Creates the execution state for one tenant.</summary>
    public RecipeExecution(TenantSnapshot tenant, IServiceProvider services, Func<Microsoft.EntityFrameworkCore.DbContext, Task>? enlist = null)
    {
        Tenant = tenant;
        Services = services;
        this.enlist = enlist;
    }

    private readonly Func<Microsoft.EntityFrameworkCore.DbContext, Task>? enlist;

    /// <summary>The tenant the recipe provisions; the scope's tenant context already points at it.</summary>
    public TenantSnapshot Tenant { get; }

    /// <summary>The scope's services.</summary>
    public IServiceProvider Services { get; }

    /// <summary>Makes the handler's DbContext write in the recipe's single transaction, so a failure leaves nothing half-applied.</summary>
    public Task EnlistAsync(Microsoft.EntityFrameworkCore.DbContext db) => enlist is null ? Task.CompletedTask : enlist(db);
}
