using System.Globalization;
using System.Text.Json.Nodes;
using Hub.Abstractions;
using Hub.Audit.Contracts;
using Hub.Catalog.Catalogue;
using Hub.Catalog.Contracts;
using Hub.Catalog.Data;
using Hub.Catalog.Domain;
using Hub.Catalog.Packages;
using Hub.Catalog.Resources;
using Hub.Catalog.Studio;
using Hub.Data;
using Hub.Forms.Contracts;
using Hub.Integrations.Contracts;
using Hub.Packages.Contracts;
using Hub.Tenancy.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Hub.Catalog.Adoption;

/// <summary>An adoption as its adopter sees it: the package, the upstream versions and the local one.</summary>
internal sealed record AdoptionView(
    CatalogueAdoption Adoption,
    CataloguePackage Package,
    string OwnerSlug,
    string OwnerName,
    CataloguePackageVersion Base,
    CataloguePackageVersion? Latest,
    ServiceVersion? Local,
    bool LocalPublished,
    bool HasDraft)
{
    /// <summary>A newer upstream version than the local service's base.</summary>
    public bool UpdateAvailable => Latest is not null && Latest.Id != Base.Id && Latest.SubmittedUtc > Base.SubmittedUtc;
}

/// <summary>Who runs a package, for the catalogue's package page.</summary>
internal sealed record AdopterRow(string TenantName, string Version, bool Following, DateTime AdoptedUtc);

/// <summary>
/// An update worked out: what upstream changed and what the adopter changed (both against the base), the three-way
/// merge with the choices made so far, local changes the new version's policy no longer allows (upstream's value
/// is taken), and the result as it would be stored, read and checked.
/// </summary>
internal sealed record UpdatePlan(
    AdoptionView View,
    CataloguePackageVersion Theirs,
    IReadOnlyList<LocalChange> Upstream,
    IReadOnlyList<LocalChange> Local,
    MergeResult Merge,
    IReadOnlyList<PolicyViolation> Overruled,
    ServicePackage? Result,
    IReadOnlyList<FormProblem> Problems,
    IReadOnlyList<QualityFinding> Findings,
    string NewVersion)
{
    public bool CanApply => Merge.IsClean && Result is not null && Problems.Count == 0 && Findings.All(f => f.Severity != QualitySeverity.Blocking);
}

/// <summary>A proposed change as its package's owner sees it.</summary>
internal sealed record ContributionView(CatalogueContribution Contribution, string FromName, string BaseVersion, IReadOnlyList<LocalChange> Changes);

/// <summary>
/// Adoption of catalogue packages by the current tenant (adopt, update by three-way merge, pin or follow, restore,
/// contribute back) and the owner's side of contributions. The adopter is always the current tenant (the signed-in
/// account's), never a value from the request; the adopter's own service and versions are written through the tenant
/// filter and write guard like any other.
/// </summary>
internal sealed class Adoptions(
    CatalogDbContext db,
    HubConnection connection,
    ITenantContext tenantContext,
    ITenantDirectory tenants,
    ServiceCache cache,
    StudioDrafts drafts,
    IServiceQualityGate gate,
    IAuditTrail audit,
    IEmailOutbox outbox,
    IStringLocalizer<CatalogueTexts> texts,
    TimeProvider clock)
{
    public const string AuditSubject = "catalogue-adoption";

    private Guid? TenantId => tenantContext.Tenant is { IsHub: false } tenant ? tenant.Id : null;

    /// <summary>The current tenant's adoptions.</summary>
    public async Task<IReadOnlyList<AdoptionView>> MineAsync(CancellationToken cancellationToken)
    {
        var ids = await db.Adoptions.AsNoTracking().Where(a => a.AdopterTenantId == TenantId).Select(a => a.Id).ToListAsync(cancellationToken);
        var views = new List<AdoptionView>();
        foreach (var id in ids)
        {
            if (await FindAsync(id, cancellationToken) is { } view)
            {
                views.Add(view);
            }
        }

        return [.. views.OrderBy(v => v.Package.TitleSv, StringComparer.Create(new CultureInfo("sv-SE"), ignoreCase: true))];
    }

    /// <summary>One of the current tenant's adoptions; null for another tenant's (so its pages answer 404).</summary>
    public async Task<AdoptionView?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var adoption = await db.Adoptions.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.AdopterTenantId == TenantId, cancellationToken);
        if (adoption is null)
        {
            return null;
        }

        var package = await db.CataloguePackages.AsNoTracking().SingleAsync(p => p.Id == adoption.PackageId, cancellationToken);
        var @base = await db.CatalogueVersions.AsNoTracking().SingleAsync(v => v.Id == adoption.BaseVersionId, cancellationToken);
        var latest = package.PublishedVersionId is { } latestId && package.Status is CatalogueStatus.Published or CatalogueStatus.Deprecated
            ? await db.CatalogueVersions.AsNoTracking().SingleAsync(v => v.Id == latestId, cancellationToken)
            : null;
        var service = await db.Services.AsNoTracking().SingleOrDefaultAsync(s => s.Key == adoption.ServiceKey, cancellationToken);
        var local = service is null ? null : await LocalVersionAsync(service, cancellationToken);
        var owner = tenants.All.FirstOrDefault(t => t.Id == package.OwnerTenantId);
        return new AdoptionView(adoption, package, owner?.Slug ?? "", owner?.Settings.DisplayName ?? "", @base, latest, local,
            local is not null && service!.PublishedVersionId == local.Id, await db.Drafts.AnyAsync(d => d.ServiceKey == adoption.ServiceKey, cancellationToken));
    }

    /// <summary>The current tenant's adoption of a package, if any.</summary>
    public Task<Guid?> AdoptionOfAsync(Guid packageId, CancellationToken cancellationToken) =>
        db.Adoptions.AsNoTracking().Where(a => a.PackageId == packageId && a.AdopterTenantId == TenantId).Select(a => (Guid?)a.Id).SingleOrDefaultAsync(cancellationToken);

    /// <summary>Who runs the package and on which upstream version (public: the catalogue's package page).</summary>
    public async Task<IReadOnlyList<AdopterRow>> AdoptersAsync(Guid packageId, CancellationToken cancellationToken)
    {
        var rows = await (from adoption in db.Adoptions.AsNoTracking()
                          join version in db.CatalogueVersions.AsNoTracking() on adoption.BaseVersionId equals version.Id
                          where adoption.PackageId == packageId
                          select new { adoption.AdopterTenantId, version.Version, adoption.Following, adoption.AdoptedUtc }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new AdopterRow(tenants.All.FirstOrDefault(t => t.Id == r.AdopterTenantId)?.Settings.DisplayName ?? "", r.Version, r.Following, r.AdoptedUtc))
            .OrderBy(r => r.TenantName, StringComparer.Create(new CultureInfo("sv-SE"), ignoreCase: true))];
    }

    /// <summary>
    /// Adopts the package's published version as the current tenant's service <paramref name="localKey"/>: the service
    /// and its first version (the upstream content) and the adoption, in one transaction.
    /// </summary>
    public async Task<CatalogueResult> AdoptAsync(Guid packageId, string localKey, bool follow, bool publish, CatalogueActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var package = await db.CataloguePackages.AsNoTracking().SingleOrDefaultAsync(p => p.Id == packageId, cancellationToken);
        if (TenantId is not { } tenantId || actor.TenantId != tenantId || !actor.IsServiceOwner || package?.PublishedVersionId is null
            || package.Status is not (CatalogueStatus.Published or CatalogueStatus.Deprecated or CatalogueStatus.Withdrawn))
        {
            return CatalogueResult.NotFound;
        }

        localKey = localKey.Trim();
        var problems = new List<CatalogueProblem>();
        if (package.Status != CatalogueStatus.Published)
        {
            problems.Add(new CatalogueProblem("", "Adoption.Problem.Retired"));
        }

        if (package.OwnerTenantId == tenantId)
        {
            problems.Add(new CatalogueProblem("", "Adoption.Problem.Own"));
        }

        if (await AdoptionOfAsync(packageId, cancellationToken) is not null)
        {
            problems.Add(new CatalogueProblem("", "Adoption.Problem.Already"));
        }

        if (!ServiceKeys.IsValid(localKey) || ServiceKeys.Reserved.Contains(localKey))
        {
            problems.Add(new CatalogueProblem("LocalKey", "Adoption.Problem.Key"));
        }
        else if (await drafts.KeyTakenAsync(localKey, cancellationToken))
        {
            problems.Add(new CatalogueProblem("LocalKey", "Adoption.Problem.KeyTaken", localKey));
        }

        if (problems.Count > 0)
        {
            return CatalogueResult.Refused([.. problems]);
        }

        var upstream = await db.CatalogueVersions.AsNoTracking().SingleAsync(v => v.Id == package.PublishedVersionId, cancellationToken);
        var document = LocalChanges.Normalize(upstream.Content, localKey);
        document["version"] = upstream.Version;
        var local = ServicePackageJson.Read(document.ToJsonString()).Package!;
        var adoptionId = Guid.CreateVersion7();
        var ok = await CatalogueTransaction.RunAsync(connection, db, clock, async now =>
        {
            var stored = await ServiceVersionStore.AddAsync(db, local, Note("Adoption.Note.Adopted", package.TitleSv, upstream.Version), now, cancellationToken);
            if (stored is null)
            {
                return false;
            }

            if (publish)
            {
                ServiceVersionStore.Publish(stored.Service, stored.Version, now);
            }

            db.Adoptions.Add(new CatalogueAdoption
            {
                Id = adoptionId, PackageId = package.Id, AdopterTenantId = tenantId, ServiceKey = localKey, BaseVersionId = upstream.Id, Following = follow,
                AdoptedBy = actor.UserName, ContactEmail = actor.Email, AdoptedUtc = now, UpdatedUtc = now, Revision = Guid.NewGuid(),
            });
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(new AuditEntry("catalogue.adopted", AuditSubject, adoptionId.ToString(), actor.AuditName,
                CatalogueJson.Write(new { packageId, upstream.Version, localKey, follow, publish })), cancellationToken);
            return true;
        }, cancellationToken);
        if (!ok)
        {
            return CatalogueResult.Refused(new CatalogueProblem("LocalKey", "Adoption.Problem.KeyTaken", localKey));
        }

        cache.Invalidate(tenantId);
        return CatalogueResult.Done(adoptionId);
    }

    /// <summary>Pins the adoption to its version, or lets it follow conflict-free updates automatically.</summary>
    public async Task<CatalogueResult> SetFollowingAsync(Guid id, bool following, CatalogueActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var adoption = await db.Adoptions.SingleOrDefaultAsync(a => a.Id == id && a.AdopterTenantId == TenantId, cancellationToken);
        if (adoption is null || !actor.IsServiceOwner)
        {
            return CatalogueResult.NotFound;
        }

        var ok = await CatalogueTransaction.RunAsync(connection, db, clock, async now =>
        {
            adoption.Following = following;
            adoption.AutoTriedVersionId = null;
            adoption.AutoOutcome = null;
            adoption.UpdatedUtc = now;
            adoption.Revision = Guid.NewGuid();
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(new AuditEntry(following ? "catalogue.adoption-follows" : "catalogue.adoption-pinned", AuditSubject, id.ToString(), actor.AuditName), cancellationToken);
            return true;
        }, cancellationToken);
        return ok ? CatalogueResult.Done(id) : CatalogueResult.Conflict;
    }

    /// <summary>
    /// Works out the update to the package's newest version with <paramref name="choices"/> (by conflict path); null
    /// when the adoption is not the current tenant's or there is nothing newer.
    /// </summary>
    public async Task<UpdatePlan?> PlanUpdateAsync(Guid id, IReadOnlyDictionary<string, MergeSide> choices, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { UpdateAvailable: true, Local: not null } view)
        {
            return null;
        }

        var key = view.Adoption.ServiceKey;
        var theirs = view.Latest!;
        var b = LocalChanges.Normalize(view.Base.Content, key);
        var o = LocalChanges.Normalize(view.Local!.Content, key);
        var t = LocalChanges.Normalize(theirs.Content, key);
        var merge = KeyedMerge.Merge(b, o, t, choices);
        var merged = merge.Merged!;

        // A local change the new version's policy forbids (newly locked) gives way to upstream's value.
        var policy = ServicePackageJson.Read(theirs.Content).Package!.EffectiveAdaptation;
        var overruled = LocalChanges.Violations(policy, t, merged);
        if (overruled.Count > 0)
        {
            var forbidden = overruled.Select(v => v.Change.Reference).ToHashSet(StringComparer.Ordinal);
            merged = LocalChanges.Select(t, merged, reference => !forbidden.Contains(reference))!;
        }

        var newVersion = await NewLocalVersionAsync(key, theirs.Version, cancellationToken);
        merged["version"] = newVersion;
        var (result, problems) = IncomingPackages.Read(merged.ToJsonString());
        return new UpdatePlan(view, theirs, LocalChanges.Between(b, t), LocalChanges.Between(b, o), merge, overruled, result, problems,
            result is null ? [] : gate.Check(result), newVersion);
    }

    /// <summary>
    /// Applies the update as a new local version (published when the local service was), unless it has unresolved
    /// conflicts or problems, a draft is open, or someone changed the adoption since <paramref name="revision"/>.
    /// </summary>
    public async Task<CatalogueResult> ApplyUpdateAsync(
        Guid id, Guid? revision, IReadOnlyDictionary<string, MergeSide> choices, CatalogueActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsServiceOwner || await PlanUpdateAsync(id, choices, cancellationToken) is not { } plan)
        {
            return CatalogueResult.NotFound;
        }

        if (plan.View.HasDraft)
        {
            return CatalogueResult.Refused(new CatalogueProblem("", "Adoption.Problem.DraftOpen"));
        }

        if (revision is not null && revision != plan.View.Adoption.Revision)
        {
            return CatalogueResult.Conflict;
        }

        if (!plan.CanApply)
        {
            return CatalogueResult.Refused([.. plan.Merge.Conflicts.Select(c => new CatalogueProblem("", "Adoption.Problem.Conflict", c.Path)),
                .. plan.Problems.Select(p => new CatalogueProblem("", "Adoption.Problem.Invalid", p.Path, p.Message)),
                .. plan.Findings.Where(f => f.Severity == QualitySeverity.Blocking).Select(f => new CatalogueProblem("", "Problem.Quality", gate.Describe(f, CultureInfo.CurrentUICulture)))]);
        }

        var ok = await CatalogueTransaction.RunAsync(connection, db, clock, async now =>
        {
            var adoption = await db.Adoptions.SingleAsync(a => a.Id == id, cancellationToken);
            if (adoption.Revision != plan.View.Adoption.Revision)
            {
                return false;
            }

            var stored = await ServiceVersionStore.AddAsync(db, plan.Result!, Note("Adoption.Note.Updated", plan.View.Package.TitleSv, plan.Theirs.Version), now, cancellationToken);
            if (stored is null)
            {
                return false;
            }

            if (plan.View.LocalPublished)
            {
                ServiceVersionStore.Publish(stored.Service, stored.Version, now);
            }

            adoption.PreviousBaseVersionId = adoption.BaseVersionId;
            adoption.PreviousLocalVersionId = plan.View.Local!.Id;
            adoption.BaseVersionId = plan.Theirs.Id;
            adoption.AutoOutcome = null;
            adoption.UpdatedUtc = now;
            adoption.Revision = Guid.NewGuid();
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(new AuditEntry("catalogue.adoption-updated", AuditSubject, id.ToString(), actor.AuditName,
                CatalogueJson.Write(new
                {
                    from = plan.View.Base.Version, to = plan.Theirs.Version, local = plan.NewVersion,
                    chosen = plan.Merge.Resolved.Select(c => new { c.Path, side = choices[c.Path].ToString() }),
                    overruled = plan.Overruled.Select(v => v.Change.Path),
                })), cancellationToken);
            return true;
        }, cancellationToken);
        if (!ok)
        {
            return CatalogueResult.Conflict;
        }

        cache.Invalidate(TenantId!.Value);
        return CatalogueResult.Done(id);
    }

    /// <summary>
    /// A following adoption takes the newest version by itself when the merge needs nobody and passes every check;
    /// otherwise it records why and waits for a person. Tried once per upstream version.
    /// </summary>
    public async Task<bool> FollowAsync(Guid id, CancellationToken cancellationToken)
    {
        var adoption = await db.Adoptions.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.AdopterTenantId == TenantId, cancellationToken);
        var latest = adoption is null ? null
            : await db.CataloguePackages.AsNoTracking().Where(p => p.Id == adoption.PackageId && p.Status == CatalogueStatus.Published).Select(p => p.PublishedVersionId).SingleOrDefaultAsync(cancellationToken);
        if (adoption is not { Following: true } || latest is null || latest == adoption.BaseVersionId || latest == adoption.AutoTriedVersionId)
        {
            return false;
        }

        var actor = new CatalogueActor(adoption.AdopterTenantId, "hub:automatisk-uppdatering", "Hub", null, IsReviewer: false, IsServiceOwner: true);
        var result = await ApplyUpdateAsync(id, adoption.Revision, new Dictionary<string, MergeSide>(), actor, cancellationToken);
        if (result.Outcome == CatalogueOutcome.Done)
        {
            await MarkTriedAsync(id, latest.Value, null, cancellationToken);
            return true;
        }

        if (result.Outcome == CatalogueOutcome.Conflict)
        {
            // Another node applied it at the same moment, or a person acted: nothing to record here.
            return false;
        }

        var why = StaffLanguage.Swedish(() => string.Join(" ", result.Problems.Take(5).Select(p => texts[p.Key, [.. p.Arguments]].Value)));
        await MarkTriedAsync(id, latest.Value, why.Length > 2000 ? why[..2000] : why, cancellationToken);
        return false;
    }

    /// <summary>Goes back to the local version and base before the last update (publishing it when the local service is published).</summary>
    public async Task<CatalogueResult> RestoreAsync(Guid id, Guid? revision, CatalogueActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsServiceOwner || await FindAsync(id, cancellationToken) is not { } view)
        {
            return CatalogueResult.NotFound;
        }

        if (view.Adoption.PreviousLocalVersionId is null || view.Adoption.PreviousBaseVersionId is null)
        {
            return CatalogueResult.Refused(new CatalogueProblem("", "Adoption.Problem.NothingToRestore"));
        }

        if (view.HasDraft)
        {
            return CatalogueResult.Refused(new CatalogueProblem("", "Adoption.Problem.DraftOpen"));
        }

        if (revision is not null && revision != view.Adoption.Revision)
        {
            return CatalogueResult.Conflict;
        }

        var ok = await CatalogueTransaction.RunAsync(connection, db, clock, async now =>
        {
            var adoption = await db.Adoptions.SingleAsync(a => a.Id == id, cancellationToken);
            var service = await db.Services.SingleAsync(s => s.Key == adoption.ServiceKey, cancellationToken);
            var previous = await db.Versions.SingleOrDefaultAsync(v => v.Id == adoption.PreviousLocalVersionId && v.ServiceId == service.Id, cancellationToken);
            if (previous is null || adoption.Revision != view.Adoption.Revision)
            {
                return false;
            }

            // The restored version becomes the local one: published, as the service was, or the latest otherwise.
            if (service.PublishedVersionId is not null)
            {
                ServiceVersionStore.Publish(service, previous, now);
            }
            else
            {
                previous.CreatedUtc = now;
            }

            var undone = adoption.BaseVersionId;
            adoption.BaseVersionId = adoption.PreviousBaseVersionId!.Value;
            adoption.PreviousBaseVersionId = null;
            adoption.PreviousLocalVersionId = null;

            // Not tried again automatically: a person went back on purpose.
            adoption.AutoTriedVersionId = undone;
            adoption.UpdatedUtc = now;
            adoption.Revision = Guid.NewGuid();
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(new AuditEntry("catalogue.adoption-restored", AuditSubject, id.ToString(), actor.AuditName,
                CatalogueJson.Write(new { version = previous.Version })), cancellationToken);
            return true;
        }, cancellationToken);
        if (!ok)
        {
            return CatalogueResult.Conflict;
        }

        cache.Invalidate(TenantId!.Value);
        return CatalogueResult.Done(id);
    }

    /// <summary>The local changes of an adoption (its overlay): base against the local version.</summary>
    public static IReadOnlyList<LocalChange> ChangesOf(AdoptionView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view.Local is null ? [] : LocalChanges.Between(
            LocalChanges.Normalize(view.Base.Content, view.Adoption.ServiceKey), LocalChanges.Normalize(view.Local.Content, view.Adoption.ServiceKey));
    }

    /// <summary>Offers the local changes to <paramref name="subjects"/> (references) to the package's owner.</summary>
    public async Task<CatalogueResult> ContributeAsync(Guid id, IReadOnlyCollection<string> subjects, string message, CatalogueActor actor, string ownerLink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsServiceOwner || await FindAsync(id, cancellationToken) is not { } view)
        {
            return CatalogueResult.NotFound;
        }

        var offered = ChangesOf(view).Select(c => c.Reference).Where(r => r != LocalChanges.PolicyReference).ToHashSet(StringComparer.Ordinal);
        var chosen = subjects.Where(offered.Contains).Distinct(StringComparer.Ordinal).ToList();
        message = message.Trim();
        var problems = new List<CatalogueProblem>();
        if (chosen.Count == 0 || chosen.Count != subjects.Distinct(StringComparer.Ordinal).Count())
        {
            problems.Add(new CatalogueProblem("Subjects", "Adoption.Problem.Subjects"));
        }

        if (message.Length is 0 or > 2000)
        {
            problems.Add(new CatalogueProblem("Message", message.Length == 0 ? "Problem.Required" : "Problem.TooLong", "2000"));
        }

        if (view.Package.Status != CatalogueStatus.Published)
        {
            problems.Add(new CatalogueProblem("", "Adoption.Problem.Retired"));
        }

        if (problems.Count > 0)
        {
            return CatalogueResult.Refused([.. problems]);
        }

        // The base with the chosen changes, under the package's own identity (what the owner merges).
        var packageKey = view.Package.ServiceKey;
        var proposal = LocalChanges.Select(LocalChanges.Normalize(view.Base.Content, packageKey), LocalChanges.Normalize(view.Local!.Content, packageKey), chosen.Contains)!;
        proposal["version"] = view.Base.Version;
        var (package, readProblems) = IncomingPackages.Read(proposal.ToJsonString());
        if (package is null)
        {
            return CatalogueResult.Refused([.. readProblems.Select(p => new CatalogueProblem("Subjects", "Adoption.Problem.Invalid", p.Path, p.Message))]);
        }

        var contributionId = Guid.CreateVersion7();
        var ownerEmail = view.Latest?.ContactEmail ?? view.Base.ContactEmail;
        var ok = await CatalogueTransaction.RunAsync(connection, db, clock, async now =>
        {
            db.Contributions.Add(new CatalogueContribution
            {
                Id = contributionId, PackageId = view.Package.Id, AdoptionId = id, FromTenantId = view.Adoption.AdopterTenantId, BaseVersionId = view.Base.Id,
                Content = ServicePackageJson.WriteCanonical(package), Subjects = string.Join('\n', chosen), Message = message, Status = ContributionStatus.Proposed,
                ProposedBy = actor.UserName, ProposerEmail = actor.Email, ProposedUtc = now,
            });
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(new AuditEntry("catalogue.contribution-proposed", AuditSubject, id.ToString(), actor.AuditName,
                CatalogueJson.Write(new { contributionId, subjects = chosen })), cancellationToken);
            await MailAsync(ownerEmail, "Adoption.Mail.Contribution", [view.Package.TitleSv, tenantContext.Tenant!.Settings.DisplayName, message, ownerLink], cancellationToken);
            return true;
        }, cancellationToken);
        return ok ? CatalogueResult.Done(contributionId) : CatalogueResult.Conflict;
    }

    /// <summary>The proposed changes to a package the current tenant owns (newest first); empty for anyone else's.</summary>
    public async Task<IReadOnlyList<ContributionView>> ContributionsToAsync(Guid packageId, CancellationToken cancellationToken)
    {
        if (!await db.CataloguePackages.AnyAsync(p => p.Id == packageId && p.OwnerTenantId == TenantId, cancellationToken))
        {
            return [];
        }

        var rows = await (from contribution in db.Contributions.AsNoTracking()
                          join version in db.CatalogueVersions.AsNoTracking() on contribution.BaseVersionId equals version.Id
                          where contribution.PackageId == packageId
                          orderby contribution.ProposedUtc descending
                          select new { contribution, version.Version, version.Content }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new ContributionView(r.contribution, TenantName(r.contribution.FromTenantId), r.Version,
            LocalChanges.Between(JsonNode.Parse(r.Content)!, JsonNode.Parse(r.contribution.Content)!)))];
    }

    /// <summary>A contribution to a package the current tenant owns, with the package; null for anyone else's.</summary>
    public async Task<(ContributionView View, CataloguePackage Package)?> FindContributionAsync(Guid id, CancellationToken cancellationToken)
    {
        var packageId = await db.Contributions.AsNoTracking().Where(c => c.Id == id).Select(c => (Guid?)c.PackageId).SingleOrDefaultAsync(cancellationToken);
        var package = packageId is null ? null
            : await db.CataloguePackages.AsNoTracking().SingleOrDefaultAsync(p => p.Id == packageId && p.OwnerTenantId == TenantId, cancellationToken);
        return package is not null && (await ContributionsToAsync(package.Id, cancellationToken)).FirstOrDefault(c => c.Contribution.Id == id) is { } view
            ? (view, package)
            : null;
    }

    /// <summary>What the current tenant proposed from one of its adoptions, newest first.</summary>
    public async Task<IReadOnlyList<CatalogueContribution>> ContributionsFromAsync(Guid adoptionId, CancellationToken cancellationToken) =>
        await db.Contributions.AsNoTracking().Where(c => c.AdoptionId == adoptionId && c.FromTenantId == TenantId)
            .OrderByDescending(c => c.ProposedUtc).ToListAsync(cancellationToken);

    /// <summary>Who each published version credits (public: the catalogue's package page), by catalogue version id.</summary>
    public async Task<ILookup<Guid, (string From, string Message)>> CreditsAsync(Guid packageId, CancellationToken cancellationToken)
    {
        var rows = await db.Contributions.AsNoTracking().Where(c => c.PackageId == packageId && c.CreditedVersionId != null)
            .Select(c => new { c.CreditedVersionId, c.FromTenantId, c.Message }).ToListAsync(cancellationToken);
        return rows.ToLookup(r => r.CreditedVersionId!.Value, r => (TenantName(r.FromTenantId), r.Message));
    }

    /// <summary>The contributions a submission of the package credits: accepted and not yet credited.</summary>
    public async Task<IReadOnlyList<ContributionView>> ToCreditAsync(Guid packageId, CancellationToken cancellationToken) =>
        [.. (await ContributionsToAsync(packageId, cancellationToken)).Where(c => c.Contribution is { Status: ContributionStatus.Accepted, CreditedVersionId: null })];

    /// <summary>
    /// The owner's decision on a contribution. Accepting merges it into the owner's studio draft of the service (a new
    /// draft from the current version when there is none; where the owner changed the same thing since, the owner's
    /// side stands); the owner publishes and submits the next version as usual, and that version credits it.
    /// </summary>
    public async Task<CatalogueResult> DecideAsync(Guid contributionId, bool accept, string? reason, CatalogueActor actor, string contributorLink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var contribution = await db.Contributions.SingleOrDefaultAsync(c => c.Id == contributionId, cancellationToken);
        var package = contribution is null ? null : await db.CataloguePackages.AsNoTracking().SingleAsync(p => p.Id == contribution.PackageId, cancellationToken);
        if (contribution is null || package is null || package.OwnerTenantId != TenantId || actor.TenantId != TenantId || !actor.IsServiceOwner)
        {
            return CatalogueResult.NotFound;
        }

        if (contribution.Status != ContributionStatus.Proposed)
        {
            return CatalogueResult.Refused(new CatalogueProblem("", "Adoption.Problem.Decided"));
        }

        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (!accept && reason is null)
        {
            return CatalogueResult.Refused(new CatalogueProblem("Reason", "Problem.ReasonRequired"));
        }

        if (reason is { Length: > 2000 })
        {
            return CatalogueResult.Refused(new CatalogueProblem("Reason", "Problem.TooLong", "2000"));
        }

        var baseContent = await db.CatalogueVersions.AsNoTracking().Where(v => v.Id == contribution.BaseVersionId).Select(v => v.Content).SingleAsync(cancellationToken);
        var ok = await CatalogueTransaction.RunAsync(connection, db, clock, async now =>
        {
            if (accept && !await MergeIntoDraftAsync(package.ServiceKey, baseContent, contribution.Content, actor.UserName, now, cancellationToken))
            {
                return false;
            }

            contribution.Status = accept ? ContributionStatus.Accepted : ContributionStatus.Declined;
            contribution.DecisionReason = reason;
            contribution.DecidedBy = actor.UserName;
            contribution.DecidedUtc = now;
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(new AuditEntry(accept ? "catalogue.contribution-accepted" : "catalogue.contribution-declined",
                CrossTenantCatalogue.AuditSubject, package.Id.ToString(), actor.AuditName, CatalogueJson.Write(new { contributionId, reason })), cancellationToken);
            await MailAsync(contribution.ProposerEmail, accept ? "Adoption.Mail.Accepted" : "Adoption.Mail.Declined",
                [package.TitleSv, tenantContext.Tenant!.Settings.DisplayName, reason ?? "–", contributorLink], cancellationToken);
            return true;
        }, cancellationToken);
        return ok ? CatalogueResult.Done(contributionId) : CatalogueResult.Refused(new CatalogueProblem("", "Adoption.Problem.MergeIntoDraft"));
    }

    /// <summary>Tells every adopter of a package (in the acting transaction): a new version, or that it was deprecated or withdrawn.</summary>
    public async Task TellAdoptersAsync(CataloguePackage package, string mailKey, string detail, Func<string, Guid, string> adoptionLink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(adoptionLink);
        var adoptions = await db.Adoptions.AsNoTracking().Where(a => a.PackageId == package.Id).ToListAsync(cancellationToken);
        foreach (var adoption in adoptions)
        {
            if (tenants.All.FirstOrDefault(t => t.Id == adoption.AdopterTenantId) is { } adopter)
            {
                await MailAsync(adoption.ContactEmail, mailKey, [package.TitleSv, detail, adoptionLink(adopter.Slug, adoption.Id), adopter.Settings.DisplayName], cancellationToken);
            }
        }
    }

    private async Task<bool> MergeIntoDraftAsync(string serviceKey, string baseContent, string proposal, string user, DateTime now, CancellationToken cancellationToken)
    {
        var draft = await db.Drafts.SingleOrDefaultAsync(d => d.ServiceKey == serviceKey, cancellationToken);
        var current = draft is null ? await drafts.CurrentVersionAsync(serviceKey, cancellationToken) : null;
        if (draft is null && current is null)
        {
            return false;
        }

        var ours = draft is null ? LocalChanges.Normalize(current!.Content, serviceKey) : JsonNode.Parse(draft.Content)!.AsObject();
        var version = ours["version"]?.GetValue<string>() ?? "0.0.0";
        var b = LocalChanges.Normalize(baseContent, serviceKey);
        var t = LocalChanges.Normalize(proposal, serviceKey);
        ours["version"] = "0.0.0";

        // Where the owner changed the same thing since, the owner's side stands.
        var first = KeyedMerge.Merge(b, ours, t);
        var merged = KeyedMerge.Merge(b, ours, t, first.Conflicts.ToDictionary(c => c.Path, _ => MergeSide.Ours)).Merged!.AsObject();
        merged["version"] = version;
        var document = DraftDocument.Parse(merged.ToJsonString());
        if (document.Read().Problems.Count > 0)
        {
            return false;
        }

        if (draft is null)
        {
            db.Drafts.Add(new ServiceDraft
            {
                Id = Guid.CreateVersion7(), ServiceKey = serviceKey, Content = document.ToJson(), BaseVersionId = current!.Id, UpdatedBy = user, CreatedUtc = now, UpdatedUtc = now,
            });
        }
        else
        {
            draft.Content = document.ToJson();
            draft.Revision++;
            draft.UpdatedBy = user;
            draft.UpdatedUtc = now;
        }

        return true;
    }

    private async Task<ServiceVersion> LocalVersionAsync(Service service, CancellationToken cancellationToken) =>
        await db.Versions.AsNoTracking().Where(v => v.ServiceId == service.Id)
            .OrderByDescending(v => v.Id == service.PublishedVersionId).ThenByDescending(v => v.CreatedUtc).FirstAsync(cancellationToken);

    /// <summary>The local number for an update to upstream <paramref name="upstream"/>: the same when free, else its next free patch.</summary>
    private async Task<string> NewLocalVersionAsync(string key, string upstream, CancellationToken cancellationToken)
    {
        var taken = (await db.Versions.AsNoTracking().Where(v => db.Services.Any(s => s.Id == v.ServiceId && s.Key == key)).Select(v => v.Version).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var parsed = Version.Parse(upstream);
        for (var patch = parsed.Build; ; patch++)
        {
            var candidate = $"{parsed.Major}.{parsed.Minor}.{patch}";
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }
    }

    private async Task MarkTriedAsync(Guid id, Guid versionId, string? outcome, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();

        // A person who changed the adoption meanwhile wins (the revision); this mark is then left out.
        await CatalogueTransaction.RunAsync(connection, db, clock, async _ =>
        {
            var adoption = await db.Adoptions.SingleAsync(a => a.Id == id, cancellationToken);
            adoption.AutoTriedVersionId = versionId;
            adoption.AutoOutcome = outcome;
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }, cancellationToken);
    }

    private string Note(string key, string title, string version) => StaffLanguage.Swedish(() => texts[key, title, version].Value);

    private async Task MailAsync(string? to, string key, object[] arguments, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(to))
        {
            return;
        }

        var (subject, body) = StaffLanguage.Swedish(() => (texts[key + ".Subject", arguments].Value, texts[key + ".Body", arguments].Value));
        await outbox.EnqueueAsync(new OutgoingEmail(to, subject, body), cancellationToken);
    }

    private string TenantName(Guid tenantId) => tenants.All.FirstOrDefault(t => t.Id == tenantId)?.Settings.DisplayName ?? "";
}
