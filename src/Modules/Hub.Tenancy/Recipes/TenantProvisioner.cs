using System.Data.Common;
using System.Text.Json;
using Hub.Abstractions;
using Hub.Data;
using Hub.Tenancy.Contracts;
using Hub.Tenancy.Data;
using Hub.Tenancy.Domain;
using Hub.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hub.Tenancy.Recipes;

/// <summary>Checks a recipe whole, then applies all of its steps in one transaction.</summary>
internal sealed class TenantProvisioner(
    IServiceScopeFactory scopes,
    IEnumerable<IRecipeStepHandler> handlers,
    TenantRegistry registry,
    IHostEnvironment environment,
    IOptions<TenancyOptions> options,
    TimeProvider clock,
    ILogger<TenantProvisioner> logger) : ITenantProvisioner
{
    /// <summary>Recipes are small hand-written files; anything bigger is refused before parsing.</summary>
    public const int MaxRecipeBytes = 256 * 1024;

    private readonly Dictionary<string, IRecipeStepHandler> handlersByName =
        handlers.ToDictionary(h => h.StepName, StringComparer.Ordinal);

    public string RecipesPath => options.Value.RecipesPath ?? Path.Combine(AppContext.BaseDirectory, "recipes");

    public IReadOnlyList<RecipeFile> ListRecipeFiles()
    {
        if (!Directory.Exists(RecipesPath))
        {
            return [];
        }

        var files = new List<RecipeFile>();
        foreach (var path in Directory.EnumerateFiles(RecipesPath, "*.recipe.json").Order(StringComparer.Ordinal))
        {
            try
            {
                using var document = JsonDocument.Parse(File.ReadAllText(path));
                var root = document.RootElement;
                files.Add(new RecipeFile(
                    Path.GetFileName(path),
                    Text(root, "name") ?? Path.GetFileName(path),
                    Text(root, "description"),
                    root.ValueKind == JsonValueKind.Object && root.TryGetProperty("template", out var template) && template.ValueKind == JsonValueKind.True));
            }
            catch (Exception exception) when (exception is JsonException or IOException or UnauthorizedAccessException)
            {
                logger.LogWarning(exception, "Recipe file {File} is not valid JSON", path);
            }
        }

        return files;
    }

    private static string? Text(JsonElement root, string property) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public string ReadRecipeFile(string fileName)
    {
        // A bare file name of the recipes folder, never a path someone typed.
        var path = Path.Combine(RecipesPath, fileName);
        if (fileName != Path.GetFileName(fileName) || !fileName.EndsWith(".recipe.json", StringComparison.Ordinal) || !File.Exists(path))
        {
            throw new FileNotFoundException($"No recipe named '{fileName}' in {RecipesPath}.");
        }

        return File.ReadAllText(path);
    }

    public async Task<ProvisionResult> ApplyAsync(
        string json, TenantRecipeOverrides? overrides = null, RecipeOrigin origin = RecipeOrigin.File, CancellationToken cancellationToken = default)
    {
        var checkedRecipe = Check(json, overrides, origin);
        if (checkedRecipe.Problems.Count > 0)
        {
            return new ProvisionResult(null, checkedRecipe.Problems);
        }

        var tenantStep = checkedRecipe.TenantStep!;
        TenantSnapshot snapshot;
        await using var scope = scopes.CreateAsyncScope();
        var connection = scope.ServiceProvider.GetRequiredService<HubConnection>();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            var db = scope.ServiceProvider.GetRequiredService<TenancyDbContext>();
            await connection.EnlistAsync(db);
            var now = clock.GetUtcNow().UtcDateTime;
            var settings = tenantStep.Settings!.ToSettings();
            var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Slug == tenantStep.Slug, cancellationToken);
            if (tenant is not null && overrides?.MustBeNew == true)
            {
                // Another node may have created the slug after this node's snapshot was taken.
                await transaction.RollbackAsync(CancellationToken.None);
                connection.EndTransaction();
                return new ProvisionResult(null, [new RecipeProblem("steps[0].slug", $"a tenant '{tenantStep.Slug}' already exists")]);
            }

            if (tenant is null)
            {
                tenant = new Tenant(tenantStep.Slug!, settings, now);
                tenant.SetFeatures(scope.ServiceProvider.GetRequiredService<IFeatureCatalog>().All
                    .Where(f => f.EnabledByDefault).Select(f => f.Id), now);
                db.Tenants.Add(tenant);
            }
            else
            {
                tenant.UpdateSettings(settings, now);
            }

            tenant.SetHostNames(tenantStep.HostNames, now);
            await db.SaveChangesAsync(cancellationToken);

            scope.ServiceProvider.GetRequiredService<TenantContext>().Tenant = tenant.ToSnapshot();
            var execution = new RecipeExecution(tenant.ToSnapshot(), scope.ServiceProvider, connection.EnlistAsync);
            foreach (var step in checkedRecipe.OtherSteps)
            {
                await handlersByName[step.Name].ExecuteAsync(step, execution, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            connection.EndTransaction();
            logger.LogInformation("Applied recipe '{Recipe}' to tenant {Slug}", checkedRecipe.Name, tenant.Slug);
            snapshot = tenant.ToSnapshot();
        }
        catch (Exception exception) when (exception is DbException or DbUpdateException or InvalidOperationException)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            connection.EndTransaction();
            logger.LogError(exception, "Recipe '{Recipe}' failed and was rolled back", checkedRecipe.Name);
            return new ProvisionResult(null, [new RecipeProblem("$", "could not be applied and nothing was changed: " + exception.Message)]);
        }

        // Committed: the registry refresh must not turn a success into an error, whatever the caller cancels.
        await registry.RefreshAsync(CancellationToken.None);
        return new ProvisionResult(snapshot, []);
    }

    /// <summary>Applies the start-up recipes whose tenant does not exist yet; a broken shipped recipe stops the start.</summary>
    public async Task ProvisionOnStartAsync(CancellationToken cancellationToken)
    {
        foreach (var file in options.Value.ProvisionOnStart.Where(f => !string.IsNullOrWhiteSpace(f)))
        {
            var json = ReadRecipeFile(file);
            var checkedRecipe = Check(json, null, RecipeOrigin.File);
            if (checkedRecipe.Problems.Count > 0)
            {
                throw new InvalidOperationException(
                    $"Recipe {file} is invalid: {string.Join("; ", checkedRecipe.Problems)}");
            }

            if (registry.FindBySlug(checkedRecipe.TenantStep!.Slug!) is not null)
            {
                continue;
            }

            var result = await ApplyAsync(json, null, RecipeOrigin.File, cancellationToken);
            if (!result.Succeeded)
            {
                // Another node starting on the same empty database may have provisioned it a moment earlier.
                await registry.RefreshAsync(cancellationToken);
                if (registry.FindBySlug(checkedRecipe.TenantStep!.Slug!) is not null)
                {
                    continue;
                }

                throw new InvalidOperationException($"Recipe {file} failed: {string.Join("; ", result.Problems)}");
            }
        }

        if (registry.Hub is null)
        {
            throw new InvalidOperationException(
                "There is no 'hub' tenant: name hub.recipe.json (or another recipe for the slug 'hub') in Hub:Tenancy:ProvisionOnStart.");
        }
    }

    private CheckedRecipe Check(string json, TenantRecipeOverrides? overrides, RecipeOrigin origin)
    {
        var problems = new List<RecipeProblem>();
        if (string.IsNullOrWhiteSpace(json))
        {
            return CheckedRecipe.Failed("$", "the recipe is empty");
        }

        if (json.Length > MaxRecipeBytes)
        {
            return CheckedRecipe.Failed("$", $"the recipe is larger than {MaxRecipeBytes / 1024} KiB");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16, AllowDuplicateProperties = false });
        }
        catch (JsonException exception)
        {
            var line = exception.LineNumber is { } number ? $" (line {number + 1})" : "";
            var reason = exception.Message.Split(" LineNumber", 2)[0].Split(" Path:", 2)[0];
            return CheckedRecipe.Failed("$", $"is not valid JSON{line}: {reason}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return CheckedRecipe.Failed("$", "must be a JSON object with \"name\" and \"steps\"");
            }

            var name = root.TryGetProperty("name", out var nameElement) && nameElement.ValueKind == JsonValueKind.String
                ? nameElement.GetString()!
                : null;
            if (string.IsNullOrWhiteSpace(name))
            {
                problems.Add(new RecipeProblem("name", "is required and must be a text"));
            }

            foreach (var property in root.EnumerateObject())
            {
                if (property.Name is not ("$schema" or "name" or "description" or "template" or "steps"))
                {
                    problems.Add(new RecipeProblem(property.Name, "is not a recipe property; expected name, description, template, steps"));
                }
            }

            if (!root.TryGetProperty("steps", out var stepsElement) || stepsElement.ValueKind != JsonValueKind.Array)
            {
                problems.Add(new RecipeProblem("steps", "is required and must be a list of steps"));
                return new CheckedRecipe(name ?? "", null, [], problems);
            }

            var steps = new List<RecipeStep>();
            var index = 0;
            foreach (var element in stepsElement.EnumerateArray())
            {
                var path = $"steps[{index++}]";
                if (element.ValueKind != JsonValueKind.Object
                    || !element.TryGetProperty("step", out var stepName) || stepName.ValueKind != JsonValueKind.String)
                {
                    problems.Add(new RecipeProblem(path, "must be an object with a \"step\" text naming its kind"));
                    continue;
                }

                var kind = stepName.GetString()!;
                if (kind != TenantRecipeStep.Name && !handlersByName.ContainsKey(kind))
                {
                    problems.Add(new RecipeProblem(path + ".step",
                        $"unknown step '{kind}'; known steps: {string.Join(", ", new[] { TenantRecipeStep.Name }.Concat(handlersByName.Keys))}"));
                    continue;
                }

                steps.Add(new RecipeStep(kind, path, element.Clone()));
            }

            if (steps.Count(s => s.Name == TenantRecipeStep.Name) != 1 || (steps.Count > 0 && steps[0].Name != TenantRecipeStep.Name))
            {
                problems.Add(new RecipeProblem("steps[0]", "the first step, and only the first, must be a \"tenant\" step"));
                return new CheckedRecipe(name ?? "", null, [], problems);
            }

            var allowPasswords = environment.IsDevelopment() || origin == RecipeOrigin.AdminForm;
            var validation = new RecipeValidation(allowPasswords) { TenantSlug = overrides?.Slug };
            var tenantStep = TenantRecipeStep.Validate(steps[0], validation,
                new TenantRecipeOverridesApplied(overrides?.Slug, overrides?.DisplayName));
            validation.TenantSlug = tenantStep?.Slug;
            if (tenantStep?.Slug is { } slug)
            {
                for (var i = 0; i < tenantStep.HostNames.Count; i++)
                {
                    var owner = tenantStep.HostNames[i] is { } host ? registry.Current.FindByHost(host) : null;
                    if (owner is not null && owner.Slug != slug)
                    {
                        validation.Add($"steps[0].hostNames[{i}]", $"'{tenantStep.HostNames[i]}' already belongs to the tenant '{owner.Slug}'");
                    }
                }
            }

            foreach (var step in steps.Skip(1))
            {
                handlersByName[step.Name].Validate(step, validation);
            }

            problems.AddRange(validation.Problems);
            if (problems.Count == 0)
            {
                // The steps' readers passed; the published schema has the last word on shape.
                problems.AddRange(RecipeSchema.Check(root).Select(p => new RecipeProblem(p.Path == "$" ? "$" : p.Path.TrimStart('$').TrimStart('.'), p.Message)));
            }

            var otherSteps = steps.Skip(1).ToList();
            if (overrides?.FirstAdmin is { } admin && handlersByName.TryGetValue("users", out var users))
            {
                // The first admin's password is the hub admin's own input, never a default shipped in a file.
                var adminStep = FirstAdminStep(admin);
                var adminValidation = new RecipeValidation(allowPasswords: true) { TenantSlug = tenantStep?.Slug };
                users.Validate(adminStep, adminValidation);
                problems.AddRange(adminValidation.Problems);
                otherSteps.Add(adminStep);
            }

            return new CheckedRecipe(name ?? "", tenantStep, otherSteps, problems);
        }
    }

    /// <summary>The published schema, <c>docs/recipe.schema.json</c>, embedded as that file.</summary>
    internal static PublishedSchema RecipeSchema { get; } = PublishedSchema.FromResource(typeof(TenantProvisioner).Assembly, "recipe.schema.json");

    private static readonly string[] FirstAdminRoles = [HubRoles.TenantAdmin];

    /// <summary>The first admin as a <c>users</c> step, so it is validated and applied like any recipe step.</summary>
    private static RecipeStep FirstAdminStep(FirstAdmin admin)
    {
        var json = JsonSerializer.SerializeToElement(new
        {
            step = "users",
            users = new[]
            {
                new { userName = admin.UserName, email = admin.Email, displayName = admin.UserName, roles = FirstAdminRoles, password = admin.Password },
            },
        });
        return new RecipeStep("users", "firstAdmin", json);
    }

    private sealed record CheckedRecipe(string Name, TenantStepDto? TenantStep, IReadOnlyList<RecipeStep> OtherSteps, List<RecipeProblem> Problems)
    {
        public static CheckedRecipe Failed(string path, string message) => new("", null, [], [new RecipeProblem(path, message)]);
    }
}
