using Hub.Abstractions;
using Hub.Catalog.Adoption;
using Hub.Packages.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Catalog.Pages.Catalogue.Adoption;

/// <summary>
/// <c>/admin/katalog/anpassning/{id}/uppdatera</c>: take the package's newest version. Side by side, what upstream
/// changed and what the municipality changed since the base; the three-way merge takes both where they do not overlap;
/// each conflict is a choice between "keep ours" and "take theirs"; "preview" shows what the local service becomes,
/// "apply" stores it as a new local version (published when the local service is). Cases already submitted keep
/// their version.
/// </summary>
[Authorize(Policy = HubPolicies.ServiceOwner)]
internal sealed class UpdateModel(CataloguePageServices services, Hub.Catalog.Adoption.Adoptions adoptions) : AdoptionPage(services, adoptions)
{
    public UpdatePlan Plan { get; private set; } = null!;

    public Dictionary<string, MergeSide> Choices { get; } = new(StringComparer.Ordinal);

    /// <summary>After "preview": what the local service becomes, against the local version it has now.</summary>
    public IReadOnlyList<LocalChange>? Preview { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (Refuse() is { } refused)
        {
            return refused;
        }

        if (!await PlanAsync(id, cancellationToken))
        {
            // Nothing newer (any more): the adoption's page says where it stands.
            return Loaded ? Redirect(AdoptionUrl) : NotFound();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(Guid id, CancellationToken cancellationToken)
    {
        if (Refuse() is { } refused)
        {
            return refused;
        }

        ReadChoices();
        if (!await PlanAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Plan.Result is { } result)
        {
            var key = View.Adoption.ServiceKey;
            Preview = LocalChanges.Between(LocalChanges.Normalize(View.Local!.Content, key), LocalChanges.Normalize(ServicePackageJson.WriteCanonical(result), key));
        }

        ShowOpenConflicts();
        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(Guid id, CancellationToken cancellationToken)
    {
        if (Refuse() is { } refused)
        {
            return refused;
        }

        ReadChoices();
        if (!await PlanAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Guid? revision = Guid.TryParse(Request.Form["revision"], out var r) ? r : null;
        var result = await Adoptions.ApplyUpdateAsync(id, revision, Choices, Actor(), cancellationToken);
        if (result.Outcome == Hub.Catalog.Catalogue.CatalogueOutcome.Refused)
        {
            // Conflicts go next to their choice; anything else to the summary.
            ShowOpenConflicts();
            AddProblems(result.Problems.Where(p => p.Key != "Adoption.Problem.Conflict"));
            return Page();
        }

        return Outcome(result, AdoptionUrl + "?klart=updated");
    }

    /// <summary>The form field of a conflict's choice (by its place in the list).</summary>
    public string FieldOf(MergeConflict conflict) => "side" + Index(conflict);

    public int Index(MergeConflict conflict) =>
        Plan.Merge.Conflicts.Concat(Plan.Merge.Resolved).Select((c, i) => (c, i)).First(x => x.c.Path == conflict.Path).i;

    /// <summary>Puts "choose a side" next to each conflict still without a choice.</summary>
    private void ShowOpenConflicts()
    {
        foreach (var conflict in Plan.Merge.Conflicts)
        {
            ModelState.AddModelError(FieldOf(conflict), Texts["Adoption.Problem.Conflict", conflict.Path]);
        }
    }

    private void ReadChoices()
    {
        for (var i = 0; i < 2_000 && Request.Form.ContainsKey("path" + i); i++)
        {
            var side = Request.Form["side" + i].ToString();
            if (side is "ours" or "theirs")
            {
                Choices[Request.Form["path" + i].ToString()] = side == "ours" ? MergeSide.Ours : MergeSide.Theirs;
            }
        }
    }

    private async Task<bool> PlanAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || await Adoptions.PlanUpdateAsync(id, Choices, cancellationToken) is not { } plan)
        {
            return false;
        }

        Plan = plan;
        return true;
    }
}
