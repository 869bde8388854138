using System.Globalization;
using System.Net.Mail;
using Hub.Abstractions;
using Hub.Audit.Contracts;
using Hub.Catalog.Contracts;
using Hub.Catalog.Data;
using Hub.Catalog.Resources;
using Hub.Data;
using Hub.Integrations.Contracts;
using Hub.Packages.Contracts;
using Hub.Tenancy.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Hub.Catalog.Catalogue;

/// <summary>
/// The hub's shared catalogue, across tenants: the one way to read and change catalogue rows (they carry no TenantId
/// and no tenant filter). Reading the owner's own service versions still goes through the tenant filter, so a
/// municipality can only submit what it owns. Every change is recorded in the acting tenant's audit trail in the
/// same transaction.
/// </summary>
internal interface ICrossTenantCatalogue
{
    /// <summary>One page of the listed packages (of a category), in title order, and how many there are in all.</summary>
    Task<(IReadOnlyList<CatalogueListing> Items, int Total)> ListAsync(string? category, int skip, int take, CancellationToken cancellationToken);

    /// <summary>How many packages each category lists.</summary>
    Task<IReadOnlyDictionary<string, int>> CategoryCountsAsync(CancellationToken cancellationToken);

    /// <summary>The best 50 listed packages for a query (of a category, when given).</summary>
    Task<IReadOnlyList<CatalogueListing>> SearchAsync(string query, string language, CancellationToken cancellationToken, string? category = null);

    Task<CatalogueDetails?> FindAsync(string ownerSlug, string serviceKey, CancellationToken cancellationToken);

    Task<CatalogueDetails?> FindAsync(Guid packageId, CancellationToken cancellationToken);

    Task<CatalogueDetails?> FindOwnedAsync(Guid ownerTenantId, string serviceKey, CancellationToken cancellationToken);

    Task<CatalogueDetails?> FindByVersionAsync(Guid versionId, CancellationToken cancellationToken);

    Task<IReadOnlyList<CatalogueDetails>> OwnedByAsync(Guid tenantId, CancellationToken cancellationToken);

    Task<IReadOnlyList<QueueRow>> QueueAsync(string language, CancellationToken cancellationToken);

    Task<CatalogueReviewRules> RulesAsync(CancellationToken cancellationToken);

    Task SaveRulesAsync(int requiredApprovals, bool ownerMayApprove, IReadOnlyList<string> requiredDocuments, CatalogueActor actor, CancellationToken cancellationToken);

    Task<CatalogueResult> SubmitAsync(SubmissionInput input, CatalogueActor actor, CancellationToken cancellationToken);

    Task<CatalogueResult> ReviewAsync(Guid versionId, ReviewDecision decision, string? comment, CatalogueActor actor, string ownerAdminUrl, CancellationToken cancellationToken);

    /// <summary>Publishes an approved version; every adopter is mailed a link made by <paramref name="adoptionLink"/> (adopter slug, adoption id).</summary>
    Task<CatalogueResult> PublishAsync(Guid versionId, CatalogueActor actor, Func<string, Guid, string> adoptionLink, CancellationToken cancellationToken);

    Task PublishUnreviewedAsync(Guid versionId, CatalogueActor actor, CancellationToken cancellationToken);

    /// <summary>Deprecates or withdraws a package with a reason; every adopter is warned by mail with a link made by <paramref name="adoptionLink"/>.</summary>
    Task<CatalogueResult> RetireAsync(
        Guid packageId, CatalogueStatus status, string reason, CatalogueActor actor, Func<string, Guid, string> adoptionLink, CancellationToken cancellationToken);
}

internal sealed class CrossTenantCatalogue(
    CatalogDbContext db,
    HubConnection connection,
    ITenantDirectory tenants,
    IServiceQualityGate gate,
    IAuditTrail audit,
    IEmailOutbox outbox,
    CatalogueSearch search,
    Adoption.Adoptions adoptions,
    Adoption.AdoptionFollower follower,
    IStringLocalizer<CatalogueTexts> texts,
    TimeProvider clock) : ICrossTenantCatalogue
{
    public const string AuditSubject = "catalogue-package";

    private static readonly StringComparer SwedishOrder = StringComparer.Create(new CultureInfo("sv-SE"), ignoreCase: true);

    private static readonly CatalogueStatus[] Listed = CatalogueSearch.Listed;

    // Versions still on their way into the catalogue; one that got "changes requested" keeps that as its history.
    private static readonly CatalogueStatus[] Open = [CatalogueStatus.Submitted, CatalogueStatus.Approved];

    public async Task<(IReadOnlyList<CatalogueListing> Items, int Total)> ListAsync(string? category, int skip, int take, CancellationToken cancellationToken)
    {
        var query = db.CataloguePackages.AsNoTracking().Where(p => Listed.Contains(p.Status));
        if (category is not null)
        {
            query = query.Where(p => p.Category == category);
        }

        // The page is cut in the database's order and put in Swedish order on screen (å, ä, ö sort last either way).
        var language = UiLanguage();
        var total = await query.CountAsync(cancellationToken);
        var page = await (language == "en" ? query.OrderBy(p => p.TitleEn ?? p.TitleSv) : query.OrderBy(p => p.TitleSv)).ThenBy(p => p.Id)
            .Skip(skip).Take(take).ToListAsync(cancellationToken);
        return ([.. page.Select(p => Listing(p, language)).OrderBy(l => l.Title, SwedishOrder)], total);
    }

    public async Task<IReadOnlyDictionary<string, int>> CategoryCountsAsync(CancellationToken cancellationToken) =>
        await db.CataloguePackages.AsNoTracking().Where(p => Listed.Contains(p.Status)).GroupBy(p => p.Category)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    public async Task<IReadOnlyList<CatalogueListing>> SearchAsync(string query, string language, CancellationToken cancellationToken, string? category = null)
    {
        await search.EnsureAsync(cancellationToken);
        var ids = search.Search(query, language, category is null ? 50 : 500).Select(h => Guid.Parse(h.ServiceKey)).ToList();

        // By primary key, the state checked here: a state condition in SQL makes the planner walk every listed row.
        var found = (await db.CataloguePackages.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken))
            .Where(p => Listed.Contains(p.Status) && (category is null || p.Category == category)).ToDictionary(p => p.Id);
        return [.. ids.Where(found.ContainsKey).Take(50).Select(id => Listing(found[id], language))];
    }

    public async Task<CatalogueDetails?> FindAsync(string ownerSlug, string serviceKey, CancellationToken cancellationToken) =>
        tenants.FindBySlug(ownerSlug) is { } owner ? await FindOwnedAsync(owner.Id, serviceKey, cancellationToken) : null;

    public async Task<CatalogueDetails?> FindOwnedAsync(Guid ownerTenantId, string serviceKey, CancellationToken cancellationToken) =>
        await db.CataloguePackages.AsNoTracking().SingleOrDefaultAsync(p => p.OwnerTenantId == ownerTenantId && p.ServiceKey == serviceKey, cancellationToken) is { } package
            ? await DetailsAsync(package, cancellationToken)
            : null;

    public async Task<CatalogueDetails?> FindAsync(Guid packageId, CancellationToken cancellationToken) =>
        await db.CataloguePackages.AsNoTracking().SingleOrDefaultAsync(p => p.Id == packageId, cancellationToken) is { } package
            ? await DetailsAsync(package, cancellationToken)
            : null;

    public async Task<CatalogueDetails?> FindByVersionAsync(Guid versionId, CancellationToken cancellationToken) =>
        await db.CatalogueVersions.AsNoTracking().Where(v => v.Id == versionId).Select(v => (Guid?)v.PackageId).SingleOrDefaultAsync(cancellationToken) is { } packageId
            ? await FindAsync(packageId, cancellationToken)
            : null;

    public async Task<IReadOnlyList<CatalogueDetails>> OwnedByAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var packages = await db.CataloguePackages.AsNoTracking().Where(p => p.OwnerTenantId == tenantId).ToListAsync(cancellationToken);
        var result = new List<CatalogueDetails>();
        foreach (var package in packages.OrderBy(p => p.TitleSv, SwedishOrder))
        {
            result.Add(await DetailsAsync(package, cancellationToken));
        }

        return result;
    }

    public async Task<IReadOnlyList<QueueRow>> QueueAsync(string language, CancellationToken cancellationToken)
    {
        var rows = await (from version in db.CatalogueVersions.AsNoTracking()
                          join package in db.CataloguePackages.AsNoTracking() on version.PackageId equals package.Id
                          where version.Status == CatalogueStatus.Submitted
                          orderby version.SubmittedUtc
                          select new { version, package }).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.version.Id).ToList();
        var approvals = await db.CatalogueReviews.AsNoTracking().Where(r => ids.Contains(r.PackageVersionId) && r.Decision == ReviewDecision.Approve)
            .GroupBy(r => r.PackageVersionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return [.. rows.Select(r => new QueueRow(
            r.version.Id, Title(r.package, language), r.version.Version, OwnerName(r.package.OwnerTenantId), r.version.SubmittedUtc,
            approvals.GetValueOrDefault(r.version.Id), r.package.PublishedVersionId is not null))];
    }

    public async Task<CatalogueReviewRules> RulesAsync(CancellationToken cancellationToken) =>
        await db.CatalogueRules.AsNoTracking().SingleOrDefaultAsync(r => r.Id == CatalogueReviewRules.SingletonId, cancellationToken) ?? new CatalogueReviewRules();

    public async Task SaveRulesAsync(int requiredApprovals, bool ownerMayApprove, IReadOnlyList<string> requiredDocuments, CatalogueActor actor, CancellationToken cancellationToken)
    {
        await InTransactionAsync(async now =>
        {
            var rules = await db.CatalogueRules.SingleOrDefaultAsync(r => r.Id == CatalogueReviewRules.SingletonId, cancellationToken);
            if (rules is null)
            {
                rules = new CatalogueReviewRules();
                db.CatalogueRules.Add(rules);
            }

            rules.RequiredApprovals = requiredApprovals;
            rules.OwnerMayApprove = ownerMayApprove;
            rules.RequiredDocumentKinds = string.Join(',', requiredDocuments);
            rules.UpdatedUtc = now;
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(new AuditEntry("catalogue.rules-changed", "catalogue-rules", "rules", actor.AuditName,
                CatalogueJson.Write(new { requiredApprovals, ownerMayApprove, requiredDocuments })), cancellationToken);
            return true;
        }, cancellationToken);
    }

    public async Task<CatalogueResult> SubmitAsync(SubmissionInput input, CatalogueActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsServiceOwner)
        {
            return CatalogueResult.NotFound;
        }

        // Through the tenant filter: another tenant's version id finds nothing.
        var source = await (from version in db.Versions.AsNoTracking()
                            join service in db.Services.AsNoTracking() on version.ServiceId equals service.Id
                            where version.Id == input.SourceVersionId
                            select new { version.Id, version.Content, service.Key }).SingleOrDefaultAsync(cancellationToken);
        if (source is null || ServicePackageJson.Read(source.Content).Package is not { } stored)
        {
            return CatalogueResult.NotFound;
        }

        var rules = await RulesAsync(cancellationToken);
        var package = input.Policy is null ? stored : stored with { Adaptation = input.Policy };
        input = input.Category.Length == 0 ? input with { Category = stored.Category } : input;
        var problems = CheckSubmission(input, package, rules).ToList();
        var findings = gate.Check(package);
        var blocking = findings.Where(f => f.Severity == QualitySeverity.Blocking).ToList();
        problems.AddRange(blocking.Select(f => new CatalogueProblem("", "Problem.Quality", gate.Describe(f, CultureInfo.CurrentUICulture))));
        var existing = await db.CataloguePackages.SingleOrDefaultAsync(p => p.OwnerTenantId == actor.TenantId && p.ServiceKey == source.Key, cancellationToken);
        if (existing is { Status: CatalogueStatus.Deprecated or CatalogueStatus.Withdrawn })
        {
            problems.Add(new CatalogueProblem("", "Problem.Retired"));
        }

        var content = ServicePackageJson.WriteCanonical(package);
        var hash = ServicePackageJson.ContentHash(content);
        if (existing is not null
            && await db.CatalogueVersions.AsNoTracking().AnyAsync(v => v.PackageId == existing.Id && v.Version == package.Version && (v.Status == CatalogueStatus.Approved || v.Status == CatalogueStatus.Published), cancellationToken))
        {
            problems.Add(new CatalogueProblem("SourceVersionId", "Problem.VersionInCatalogue", package.Version));
        }

        if (problems.Count > 0)
        {
            return CatalogueResult.Refused([.. problems]);
        }

        var versionId = Guid.CreateVersion7();
        var ok = await InTransactionAsync(async now =>
        {
            var target = existing;
            if (target is null)
            {
                target = new CataloguePackage
                {
                    Id = Guid.CreateVersion7(), OwnerTenantId = actor.TenantId, ServiceKey = source.Key, Status = CatalogueStatus.Submitted,
                    Category = input.Category, TitleSv = "", CreatedUtc = now,
                };
                db.CataloguePackages.Add(target);
            }

            // A pending review ends when a newer submission arrives (which may carry the same number with corrected metadata).
            foreach (var open in await db.CatalogueVersions.Where(v => v.PackageId == target.Id && Open.Contains(v.Status)).ToListAsync(cancellationToken))
            {
                open.Status = CatalogueStatus.Replaced;
            }

            db.CatalogueVersions.Add(new CataloguePackageVersion
            {
                Id = versionId, PackageId = target.Id, Version = package.Version, SourceVersionId = source.Id, Content = content, ContentHash = hash,
                Changelog = input.Changelog.Trim(), Status = CatalogueStatus.Submitted, Category = input.Category, Description = input.Description.Trim(),
                Origin = input.Origin!.Value, OriginDetail = Blank(input.OriginDetail), LegalBasis = input.LegalBasis.Trim(), Maturity = input.Maturity!.Value,
                ContactName = input.ContactName.Trim(), ContactEmail = input.ContactEmail.Trim(),
                Documents = CatalogueJson.Write(input.DocumentUrls.Where(d => d.Value.Length > 0).Select(d => new SubmittedDocument(d.Key, d.Value.Trim())).ToList()),
                QualityFindings = CatalogueJson.Write(findings), SubmittedBy = actor.UserName, SubmitterEmail = actor.Email, SubmittedUtc = now,
            });
            if (target.PublishedVersionId is null)
            {
                target.Status = CatalogueStatus.Submitted;
                ShowInListing(target, package, input.Category);
            }

            // The version credits the contributions its owner accepted since the last submission (docs/catalogue.md, "Adoption").
            foreach (var accepted in await db.Contributions.Where(c => c.PackageId == target.Id && c.Status == Adoption.ContributionStatus.Accepted && c.CreditedVersionId == null)
                         .ToListAsync(cancellationToken))
            {
                accepted.CreditedVersionId = versionId;
            }

            target.UpdatedUtc = now;
            target.Revision = Guid.NewGuid();
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(new AuditEntry("catalogue.submitted", AuditSubject, target.Id.ToString(), actor.AuditName,
                CatalogueJson.Write(new { versionId, package.Version, hash })), cancellationToken);
            return true;
        }, cancellationToken);
        return ok ? CatalogueResult.Done(versionId) : CatalogueResult.Conflict;
    }

    public async Task<CatalogueResult> ReviewAsync(
        Guid versionId, ReviewDecision decision, string? comment, CatalogueActor actor, string ownerAdminUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsReviewer || await db.CatalogueVersions.SingleOrDefaultAsync(v => v.Id == versionId, cancellationToken) is not { } version)
        {
            return CatalogueResult.NotFound;
        }

        var package = await db.CataloguePackages.SingleAsync(p => p.Id == version.PackageId, cancellationToken);
        var rules = await RulesAsync(cancellationToken);
        comment = Blank(comment);
        if (version.Status != CatalogueStatus.Submitted)
        {
            return CatalogueResult.Refused(new CatalogueProblem("", "Problem.NotWaiting"));
        }

        if (package.OwnerTenantId == actor.TenantId && !rules.OwnerMayApprove && decision == ReviewDecision.Approve)
        {
            return CatalogueResult.Refused(new CatalogueProblem("", "Problem.OwnApproval"));
        }

        if (decision == ReviewDecision.RequestChanges && comment is null)
        {
            return CatalogueResult.Refused(new CatalogueProblem("comment", "Problem.CommentRequired"));
        }

        if (comment is { Length: > 4000 })
        {
            return CatalogueResult.Refused(new CatalogueProblem("comment", "Problem.TooLong", "4000"));
        }

        var reviews = await db.CatalogueReviews.Where(r => r.PackageVersionId == version.Id).ToListAsync(cancellationToken);
        if (reviews.Any(r => r.ReviewerTenantId == actor.TenantId && r.ReviewerUserName == actor.UserName))
        {
            return CatalogueResult.Refused(new CatalogueProblem("", "Problem.AlreadyReviewed"));
        }

        var ok = await InTransactionAsync(async now =>
        {
            db.CatalogueReviews.Add(new CatalogueReview
            {
                Id = Guid.CreateVersion7(), PackageVersionId = version.Id, ReviewerTenantId = actor.TenantId, ReviewerUserName = actor.UserName,
                ReviewerName = actor.Name, Decision = decision, Comment = comment, CreatedUtc = now,
            });
            var approvals = reviews.Count(r => r.Decision == ReviewDecision.Approve) + (decision == ReviewDecision.Approve ? 1 : 0);
            var outcome = decision == ReviewDecision.RequestChanges ? CatalogueStatus.ChangesRequested
                : approvals >= rules.RequiredApprovals ? CatalogueStatus.Approved : CatalogueStatus.Submitted;
            if (outcome != CatalogueStatus.Submitted)
            {
                version.Status = outcome;
                version.DecidedUtc = now;
                if (package.PublishedVersionId is null)
                {
                    package.Status = outcome;
                }
            }

            package.UpdatedUtc = now;
            package.Revision = Guid.NewGuid();
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(new AuditEntry(decision == ReviewDecision.Approve ? "catalogue.approved" : "catalogue.changes-requested",
                AuditSubject, package.Id.ToString(), actor.AuditName,
                CatalogueJson.Write(new { versionId = version.Id, version.Version, approvals, required = rules.RequiredApprovals, status = outcome.ToString() })), cancellationToken);
            if (outcome != CatalogueStatus.Submitted && version.SubmitterEmail is { } to)
            {
                await TellSubmitterAsync(to, package, version, outcome, comment, ownerAdminUrl, cancellationToken);
            }

            return true;
        }, cancellationToken);
        return ok ? CatalogueResult.Done(version.Id) : CatalogueResult.Conflict;
    }

    public async Task<CatalogueResult> PublishAsync(Guid versionId, CatalogueActor actor, Func<string, Guid, string> adoptionLink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (await db.CatalogueVersions.SingleOrDefaultAsync(v => v.Id == versionId, cancellationToken) is not { } version
            || await db.CataloguePackages.SingleAsync(p => p.Id == version.PackageId, cancellationToken) is not { } package
            || package.OwnerTenantId != actor.TenantId || !actor.IsServiceOwner)
        {
            return CatalogueResult.NotFound;
        }

        if (version.Status != CatalogueStatus.Approved || package.Status is CatalogueStatus.Deprecated or CatalogueStatus.Withdrawn)
        {
            return CatalogueResult.Refused(new CatalogueProblem("", "Problem.NotApproved"));
        }

        var ok = await InTransactionAsync(async now =>
        {
            MakePublished(package, version, now);
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(new AuditEntry("catalogue.published", AuditSubject, package.Id.ToString(), actor.AuditName,
                CatalogueJson.Write(new { versionId = version.Id, version.Version })), cancellationToken);
            await adoptions.TellAdoptersAsync(package, "Adoption.Mail.NewVersion", version.Version, adoptionLink, cancellationToken);
            return true;
        }, cancellationToken);
        search.Invalidate();
        follower.Wake();
        return ok ? CatalogueResult.Done(package.Id) : CatalogueResult.Conflict;
    }

    public async Task PublishUnreviewedAsync(Guid versionId, CatalogueActor actor, CancellationToken cancellationToken)
    {
        var version = await db.CatalogueVersions.SingleAsync(v => v.Id == versionId, cancellationToken);
        var package = await db.CataloguePackages.SingleAsync(p => p.Id == version.PackageId, cancellationToken);
        await InTransactionAsync(async now =>
        {
            MakePublished(package, version, now);
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(new AuditEntry("catalogue.published-without-review", AuditSubject, package.Id.ToString(), actor.AuditName,
                CatalogueJson.Write(new { versionId = version.Id, version.Version })), cancellationToken);
            return true;
        }, cancellationToken);
        search.Invalidate();
    }

    public async Task<CatalogueResult> RetireAsync(
        Guid packageId, CatalogueStatus status, string reason, CatalogueActor actor, Func<string, Guid, string> adoptionLink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (status is not (CatalogueStatus.Deprecated or CatalogueStatus.Withdrawn)
            || await db.CataloguePackages.SingleOrDefaultAsync(p => p.Id == packageId, cancellationToken) is not { } package
            || !(actor.IsReviewer || (actor.IsServiceOwner && package.OwnerTenantId == actor.TenantId)))
        {
            return CatalogueResult.NotFound;
        }

        reason = reason.Trim();
        if (reason.Length is 0 or > 2000)
        {
            return CatalogueResult.Refused(new CatalogueProblem("reason", reason.Length == 0 ? "Problem.ReasonRequired" : "Problem.TooLong", "2000"));
        }

        if (package.Status == CatalogueStatus.Withdrawn || (status == CatalogueStatus.Deprecated && package.Status != CatalogueStatus.Published))
        {
            return CatalogueResult.Refused(new CatalogueProblem("", "Problem.CannotRetire"));
        }

        var ok = await InTransactionAsync(async now =>
        {
            package.Status = status;
            package.StatusReason = reason;
            package.UpdatedUtc = now;
            package.Revision = Guid.NewGuid();
            foreach (var open in await db.CatalogueVersions.Where(v => v.PackageId == package.Id && Open.Contains(v.Status)).ToListAsync(cancellationToken))
            {
                open.Status = CatalogueStatus.Replaced;
            }

            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(new AuditEntry(status == CatalogueStatus.Deprecated ? "catalogue.deprecated" : "catalogue.withdrawn",
                AuditSubject, package.Id.ToString(), actor.AuditName, CatalogueJson.Write(new { reason })), cancellationToken);
            await adoptions.TellAdoptersAsync(package, status == CatalogueStatus.Deprecated ? "Adoption.Mail.Deprecated" : "Adoption.Mail.Withdrawn",
                reason, adoptionLink, cancellationToken);
            return true;
        }, cancellationToken);
        search.Invalidate();
        return ok ? CatalogueResult.Done(package.Id) : CatalogueResult.Conflict;
    }

    private static IEnumerable<CatalogueProblem> CheckSubmission(SubmissionInput input, ServicePackage package, CatalogueReviewRules rules)
    {
        if (!ServiceCategories.All.Any(c => c.Key == input.Category))
        {
            yield return new CatalogueProblem("Category", "Problem.Category");
        }

        foreach (var problem in Text("Description", input.Description, 4000)
                     .Concat(Text("LegalBasis", input.LegalBasis, 500))
                     .Concat(Text("ContactName", input.ContactName, 100))
                     .Concat(Text("Changelog", input.Changelog, 2000)))
        {
            yield return problem;
        }

        if (input.Origin is null)
        {
            yield return new CatalogueProblem("Origin", "Problem.Origin");
        }
        else if (input.Origin != CatalogueOrigin.Own && string.IsNullOrWhiteSpace(input.OriginDetail))
        {
            yield return new CatalogueProblem("OriginDetail", "Problem.OriginDetail");
        }

        if (input.OriginDetail is { Length: > 200 })
        {
            yield return new CatalogueProblem("OriginDetail", "Problem.TooLong", "200");
        }

        if (input.Maturity is null)
        {
            yield return new CatalogueProblem("Maturity", "Problem.Maturity");
        }

        var email = input.ContactEmail.Trim();
        if (email.Length is 0 or > 120 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || !email.Contains('.', StringComparison.Ordinal))
        {
            yield return new CatalogueProblem("ContactEmail", "Problem.Email");
        }

        foreach (var (kind, url) in input.DocumentUrls)
        {
            if (url.Length > 0 && (url.Length > 2000 || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps))
            {
                yield return new CatalogueProblem("Doc." + kind, "Problem.Url");
            }
        }

        foreach (var kind in rules.RequiredDocuments)
        {
            if (package.Documents.All(d => d.Kind != kind) && input.DocumentUrls.GetValueOrDefault(kind, "").Length == 0)
            {
                yield return new CatalogueProblem("Doc." + kind, "Problem.DocumentMissing");
            }
        }
    }

    private static IEnumerable<CatalogueProblem> Text(string field, string value, int max)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0)
        {
            yield return new CatalogueProblem(field, "Problem.Required");
        }
        else if (trimmed.Length > max)
        {
            yield return new CatalogueProblem(field, "Problem.TooLong", max.ToString(CultureInfo.InvariantCulture));
        }
    }

    private async Task TellSubmitterAsync(
        string to, CataloguePackage package, CataloguePackageVersion version, CatalogueStatus outcome, string? comment, string link, CancellationToken cancellationToken)
    {
        var key = outcome == CatalogueStatus.Approved ? "Mail.Approved" : "Mail.ChangesRequested";
        var (subject, body) = StaffLanguage.Swedish(() =>
            (texts[key + ".Subject", package.TitleSv, version.Version].Value, texts[key + ".Body", package.TitleSv, version.Version, comment ?? "–", link].Value));
        await outbox.EnqueueAsync(new OutgoingEmail(to, subject, body), cancellationToken);
    }

    private static void MakePublished(CataloguePackage package, CataloguePackageVersion version, DateTime now)
    {
        version.Status = CatalogueStatus.Published;
        version.PublishedUtc = now;
        version.DecidedUtc ??= now;
        package.PublishedVersionId = version.Id;
        package.Status = CatalogueStatus.Published;
        package.StatusReason = null;
        ShowInListing(package, ServicePackageJson.Read(version.Content).Package!, version.Category);
        package.UpdatedUtc = now;
        package.Revision = Guid.NewGuid();
    }

    private static void ShowInListing(CataloguePackage target, ServicePackage package, string category)
    {
        var language = package.Form.DefaultLanguage;
        target.Category = category;
        target.TitleSv = package.Title.Pick("sv", language).Text;
        target.TitleEn = package.Title.TryGetValue("en", out var titleEn) ? titleEn : null;
        target.SummarySv = package.Summary.Pick("sv", language).Text;
        target.SummaryEn = package.Summary.TryGetValue("en", out var summaryEn) ? summaryEn : null;
        target.Keywords = string.Join('\n', package.Keywords.Values.SelectMany(w => w));
    }

    private async Task<CatalogueDetails> DetailsAsync(CataloguePackage package, CancellationToken cancellationToken)
    {
        var versions = await db.CatalogueVersions.AsNoTracking().Where(v => v.PackageId == package.Id).OrderByDescending(v => v.SubmittedUtc).ToListAsync(cancellationToken);
        var ids = versions.Select(v => v.Id).ToList();
        var reviews = await db.CatalogueReviews.AsNoTracking().Where(r => ids.Contains(r.PackageVersionId)).OrderBy(r => r.CreatedUtc).ToListAsync(cancellationToken);
        var owner = tenants.All.FirstOrDefault(t => t.Id == package.OwnerTenantId);
        return new CatalogueDetails(package, owner?.Slug ?? "", owner?.Settings.DisplayName ?? "", versions, reviews);
    }

    private CatalogueListing Listing(CataloguePackage p, string language)
    {
        var owner = tenants.All.FirstOrDefault(t => t.Id == p.OwnerTenantId);
        return new CatalogueListing(p.Id, owner?.Slug ?? "", owner?.Settings.DisplayName ?? "", p.ServiceKey, Title(p, language),
            language == "en" ? p.SummaryEn ?? p.SummarySv : p.SummarySv, p.Category, p.Status);
    }

    private string OwnerName(Guid tenantId) => tenants.All.FirstOrDefault(t => t.Id == tenantId)?.Settings.DisplayName ?? "";

    private static string Title(CataloguePackage p, string language) => language == "en" ? p.TitleEn ?? p.TitleSv : p.TitleSv;

    private static string UiLanguage() => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "sv";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private Task<bool> InTransactionAsync(Func<DateTime, Task<bool>> work, CancellationToken cancellationToken) =>
        CatalogueTransaction.RunAsync(connection, db, clock, work, cancellationToken);
}
