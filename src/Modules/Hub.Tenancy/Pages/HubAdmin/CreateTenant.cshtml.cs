using Hub.Abstractions;
using Hub.Tenancy.Contracts;
using Hub.Tenancy.Recipes;
using Hub.Tenancy.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Hub.Tenancy.Pages.HubAdmin;

/// <summary>A hub admin creates a municipality from a template recipe (or a pasted one), all or nothing.</summary>
[Authorize(Policy = HubPolicies.HubAdmin)]
internal sealed class CreateTenantModel(ITenantProvisioner provisioner, ITenantDirectory directory, IStringLocalizer<TenancyTexts> texts)
    : PageModel
{
    [BindProperty]
    public string? Slug { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Recipe { get; set; }

    [BindProperty]
    public string? RecipeJson { get; set; }

    [BindProperty]
    public string? AdminUserName { get; set; }

    [BindProperty]
    public string? AdminEmail { get; set; }

    [BindProperty]
    public string? AdminPassword { get; set; }

    public IReadOnlyList<RecipeFile> Templates { get; private set; } = [];

    public IReadOnlyList<RecipeProblem> Problems { get; private set; } = [];

    public void OnGet()
    {
        Templates = provisioner.ListRecipeFiles().Where(r => r.IsTemplate).ToList();
        Recipe = Templates.Count > 0 ? Templates[0].FileName : null;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Templates = provisioner.ListRecipeFiles().Where(r => r.IsTemplate).ToList();
        Slug = Slug?.Trim().ToLowerInvariant();
        if (!TenantRecipeStep.IsValidSlug(Slug))
        {
            ModelState.AddModelError(nameof(Slug), texts["Error.NotASlug"]);
        }
        else if (directory.FindBySlug(Slug!) is not null)
        {
            ModelState.AddModelError(nameof(Slug), texts["Error.SlugTaken"]);
        }

        if (string.IsNullOrWhiteSpace(DisplayName))
        {
            ModelState.AddModelError(nameof(DisplayName), texts["Error.Required", texts["Field.DisplayName"].Value.ToLowerInvariant()]);
        }

        if (string.IsNullOrWhiteSpace(AdminUserName))
        {
            ModelState.AddModelError(nameof(AdminUserName), texts["Error.Required", texts["Field.AdminUserName"].Value.ToLowerInvariant()]);
        }

        if (string.IsNullOrWhiteSpace(AdminEmail) || !System.Net.Mail.MailAddress.TryCreate(AdminEmail.Trim(), out _))
        {
            ModelState.AddModelError(nameof(AdminEmail), texts["Error.NotAnEmail", texts["Field.AdminEmail"].Value]);
        }

        if (string.IsNullOrEmpty(AdminPassword) || AdminPassword.Length < 10)
        {
            ModelState.AddModelError(nameof(AdminPassword), texts["Error.AdminPassword"]);
        }

        var json = string.IsNullOrWhiteSpace(RecipeJson) ? null : RecipeJson;
        if (json is null && Templates.Any(t => t.FileName == Recipe))
        {
            json = provisioner.ReadRecipeFile(Recipe!);
        }

        if (json is null)
        {
            ModelState.AddModelError(nameof(Recipe), texts["Error.ChooseRecipe"]);
        }

        if (ModelState.ErrorCount > 0)
        {
            return Page();
        }

        var firstAdmin = new FirstAdmin(AdminUserName!.Trim(), AdminEmail!.Trim(), AdminPassword!);
        var origin = string.IsNullOrWhiteSpace(RecipeJson) ? RecipeOrigin.File : RecipeOrigin.AdminForm;
        var result = await provisioner.ApplyAsync(
            json!, new TenantRecipeOverrides(Slug, DisplayName, firstAdmin, MustBeNew: true), origin, cancellationToken);
        if (!result.Succeeded)
        {
            // Problems with the first admin belong beside its fields; the rest are the recipe's.
            var unplaced = false;
            foreach (var problem in result.Problems)
            {
                var field = problem.Path switch
                {
                    var p when p.StartsWith("firstAdmin.users[0].userName", StringComparison.Ordinal) => nameof(AdminUserName),
                    var p when p.StartsWith("firstAdmin.users[0].email", StringComparison.Ordinal) => nameof(AdminEmail),
                    "steps[0].slug" => nameof(Slug),
                    // Identity's password rules run while the recipe is applied; its message names the account.
                    "$" when problem.Message.Contains($"account '{firstAdmin.UserName}'", StringComparison.Ordinal) => nameof(AdminPassword),
                    _ => null,
                };
                if (field is not null)
                {
                    ModelState.AddModelError(field, problem.Message);
                }
                else
                {
                    unplaced = true;
                }
            }

            Problems = [.. result.Problems];
            if (unplaced)
            {
                ModelState.AddModelError(nameof(RecipeJson), texts["Error.RecipeProblems"]);
            }

            return Page();
        }

        return Redirect(Url.Content("~/admin/kommuner") + "?created=" + Uri.EscapeDataString(result.Tenant!.Slug));
    }
}
