using System.Globalization;
using System.Text.Json;
using Hub.Abstractions;
using Hub.Catalog.Catalogue;
using Hub.Catalog.Data;
using Hub.Packages.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Catalog.Recipes;

/// <summary>
/// The <c>catalogue</c> step: the tenant shares its published services in the hub's catalogue with their metadata.
/// They go through the same submission checks as the submit page and are then published without a review (an
/// operator's file, like the <c>services</c> step that publishes without the studio), which the audit trail records.
/// A package whose published catalogue version is the service's published version is left as it is.
/// </summary>
internal sealed class CatalogueRecipeStep : IRecipeStepHandler
{
    public string StepName => "catalogue";

    public void Validate(RecipeStep step, RecipeValidation validation)
    {
        var dto = RecipeJson.Read<CatalogueStepDto>(step, validation);
        if (dto is null)
        {
            return;
        }

        if (validation.TenantSlug == TenantSnapshot.HubSlug)
        {
            validation.Add(step.Path, "the hub has no services of its own to share");
        }

        for (var i = 0; i < dto.Packages.Count; i++)
        {
            var path = $"{step.Path}.packages[{i}]";
            var entry = dto.Packages[i];
            if (!ServiceKeys.IsValid(entry.Service))
            {
                validation.Add(path + ".service", $"'{entry.Service}' is not a service key (lower-case letters, digits, hyphens)");
            }

            if (dto.Packages.Take(i).Any(p => p.Service == entry.Service))
            {
                validation.Add(path + ".service", $"'{entry.Service}' appears twice");
            }

            if (entry.Origin != CatalogueOrigin.Own && string.IsNullOrWhiteSpace(entry.OriginDetail))
            {
                validation.Add(path + ".originDetail", "is required unless the origin is 'own'");
            }

            foreach (var (kind, url) in entry.Documents ?? [])
            {
                if (!ServiceDocumentKinds.All.Contains(kind))
                {
                    validation.Add($"{path}.documents.{kind}", $"unknown document kind; kinds: {string.Join(", ", ServiceDocumentKinds.All)}");
                }
                else if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
                {
                    validation.Add($"{path}.documents.{kind}", "must be an absolute https address");
                }
            }
        }
    }

    public async Task ExecuteAsync(RecipeStep step, RecipeExecution execution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(execution);
        var dto = step.Json.Deserialize<CatalogueStepDto>(RecipeJson.Options)!;
        var db = execution.Services.GetRequiredService<CatalogDbContext>();
        var catalogue = execution.Services.GetRequiredService<ICrossTenantCatalogue>();
        await execution.EnlistAsync(db);
        var actor = new CatalogueActor(execution.Tenant.Id, "recipe", "recipe", null, IsReviewer: false, IsServiceOwner: true);
        await UiCulture.WithAsync(CultureInfo.InvariantCulture, async () =>
        {
            for (var i = 0; i < dto.Packages.Count; i++)
            {
                var entry = dto.Packages[i];
                var published = await db.Services.Where(s => s.Key == entry.Service).Select(s => s.PublishedVersionId).SingleOrDefaultAsync(cancellationToken)
                    ?? throw new InvalidOperationException($"{step.Path}.packages[{i}].service: '{entry.Service}' is not a published service of this tenant");
                var existing = await catalogue.FindOwnedAsync(execution.Tenant.Id, entry.Service, cancellationToken);
                if (existing?.Published?.SourceVersionId == published)
                {
                    continue;
                }

                var result = await catalogue.SubmitAsync(Input(entry, published), actor, cancellationToken);
                if (result.Outcome != CatalogueOutcome.Done)
                {
                    throw new InvalidOperationException($"{step.Path}.packages[{i}]: the catalogue refused '{entry.Service}': "
                        + string.Join("; ", result.Problems.Select(p => $"{p.Field} {p.Key} {string.Join(' ', p.Arguments)}".Trim())));
                }

                await catalogue.PublishUnreviewedAsync(result.Id!.Value, actor, cancellationToken);
            }
        });
    }

    private static SubmissionInput Input(PackageEntry entry, Guid versionId) => new(
        versionId, entry.Category ?? "", entry.Description, entry.Origin, entry.OriginDetail, entry.LegalBasis, entry.Maturity,
        entry.ContactName, entry.ContactEmail, entry.Documents ?? [], entry.Changelog ?? "Delad från recept", Policy: null);

    private sealed class CatalogueStepDto
    {
        public required string Step { get; init; }

        public required List<PackageEntry> Packages { get; init; }
    }

    private sealed class PackageEntry
    {
        public required string Service { get; init; }

        public string? Category { get; init; }

        public required string Description { get; init; }

        public required CatalogueOrigin Origin { get; init; }

        public string? OriginDetail { get; init; }

        public required string LegalBasis { get; init; }

        public required CatalogueMaturity Maturity { get; init; }

        public required string ContactName { get; init; }

        public required string ContactEmail { get; init; }

        public Dictionary<string, string>? Documents { get; init; }

        public string? Changelog { get; init; }
    }
}
