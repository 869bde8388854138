using System.Globalization;
using Hub.Abstractions;
using Hub.Catalog.Catalogue;
using Hub.Catalog.Data;
using Hub.Forms.Contracts;
using Hub.Packages.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Hub.Catalog.Pages.Catalogue.Admin;

/// <summary>One of the service's stored versions, offered for submission.</summary>
internal sealed record SourceVersion(Guid Id, string Version, bool Published);

/// <summary>An element the adaptation policy can name, with its name for people.</summary>
/// <summary>A row of the sharing policy: what a person calls the part (<paramref name="Kind"/> and <paramref name="Label"/>), the group it is listed under, and its reference key.</summary>
internal sealed record PolicyRow(string Reference, string Kind, string Label, PolicyGroup Group);

/// <summary>The groups the sharing policy lists its parts in, in this order.</summary>
internal enum PolicyGroup
{
    Texts,
    Questions,
    Workflow,
}

/// <summary>
/// <c>/admin/katalog/dela/{service}</c>: a ServiceOwner submits a stored version of one of the municipality's services
/// to the hub's catalogue with its metadata, documents and adaptation policy. The automatic checks (metadata, required
/// documents, the quality gate) run first and each problem is shown next to its field. The service is looked up
/// through the tenant filter: another municipality's key or version id answers 404.
/// </summary>
[Authorize(Policy = HubPolicies.ServiceOwner)]
internal sealed class SubmitModel(CataloguePageServices services, CatalogDbContext db, Hub.Catalog.Adoption.Adoptions adoptions) : CataloguePage(services)
{
    /// <summary>The document kinds the page asks for, in order.</summary>
    public static IReadOnlyList<string> DocumentKinds { get; } =
        [ServiceDocumentKinds.ProcessDescription, ServiceDocumentKinds.InformationModel, ServiceDocumentKinds.ContentDescription, ServiceDocumentKinds.LegalBasis];

    public string ServiceKey { get; private set; } = "";

    public string Title { get; private set; } = "";

    public IReadOnlyList<SourceVersion> Versions { get; private set; } = [];

    public ServicePackage Package { get; private set; } = null!;

    public IReadOnlyList<PolicyRow> PolicyRows { get; private set; } = [];

    public IReadOnlyList<string> RequiredDocuments { get; private set; } = [];

    public CatalogueDetails? Existing { get; private set; }

    /// <summary>What the fields show, by name.</summary>
    public Dictionary<string, string?> Values { get; } = new(StringComparer.Ordinal);

    public string? Value(string name) => Values.GetValueOrDefault(name);

    public bool PackageHasDocument(string kind) => Package.Documents.Any(d => d.Kind == kind);

    public async Task<IActionResult> OnGetAsync(string service, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(service, null, cancellationToken))
        {
            return NotFound();
        }

        Prefill();

        // The version credits the contributions the owner accepted since the last submission (the catalogue records
        // it on the contributions too); the owner may write around it.
        if (Existing is not null && await adoptions.ToCreditAsync(Existing.Package.Id, cancellationToken) is { Count: > 0 } credits)
        {
            Values["Changelog"] = string.Join("\n", credits.Select(c => Texts["Submit.Credit", c.FromName, c.Contribution.Message].Value));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string service, CancellationToken cancellationToken)
    {
        var versionId = Guid.TryParse(Request.Form["SourceVersionId"], out var id) ? id : Guid.Empty;
        if (!await LoadAsync(service, versionId, cancellationToken))
        {
            return NotFound();
        }

        foreach (var (name, value) in Request.Form)
        {
            Values[name] = value.ToString();
        }

        var policy = PostedPolicy();
        if (ModelState.ErrorCount > 0)
        {
            return Page();
        }

        var input = new SubmissionInput(
            versionId, Posted("Category"), Posted("Description"), Enum.TryParse<CatalogueOrigin>(Posted("Origin"), out var origin) && Enum.IsDefined(origin) ? origin : null,
            Posted("OriginDetail"), Posted("LegalBasis"), Enum.TryParse<CatalogueMaturity>(Posted("Maturity"), out var maturity) && Enum.IsDefined(maturity) ? maturity : null,
            Posted("ContactName"), Posted("ContactEmail"), DocumentKinds.ToDictionary(k => k, k => Posted("Doc." + k).Trim()), Posted("Changelog"), policy);
        return Outcome(await Catalogue.SubmitAsync(input, Actor(), cancellationToken), Url.Content("~/admin/katalog?inskickad=") + Uri.EscapeDataString(service));
    }

    private string Posted(string name) => Request.Form[name].ToString();

    /// <summary>The policy as posted: a default, and per element "changeable" or "locked" (locked ones share one reason per language).</summary>
    private AdaptationPolicy PostedPolicy()
    {
        var defaultChangeable = Posted("Policy.Default") != "locked";
        var changeable = new List<string>();
        var locked = new List<string>();
        foreach (var row in PolicyRows)
        {
            switch (Posted("Policy." + row.Reference))
            {
                case "changeable":
                    changeable.Add(row.Reference);
                    break;
                case "locked":
                    locked.Add(row.Reference);
                    break;
            }
        }

        var reasons = Package.Form.Languages.ToDictionary(l => l, l => Posted("Policy.Reason." + l).Trim(), StringComparer.Ordinal);
        if (locked.Count > 0)
        {
            foreach (var (language, reason) in reasons)
            {
                if (reason.Length is 0 or > 500)
                {
                    ModelState.AddModelError("Policy.Reason." + language, Texts[reason.Length == 0 ? "Problem.LockReason" : "Problem.TooLong", "500"]);
                }
            }
        }

        var reasonText = new LocalizedText(reasons.Where(r => r.Value.Length > 0));
        return new AdaptationPolicy(defaultChangeable, defaultChangeable ? [] : changeable, [.. locked.Select(r => new LockedElement(r, reasonText))]);
    }

    private async Task<bool> LoadAsync(string service, Guid? versionId, CancellationToken cancellationToken)
    {
        ServiceKey = service;
        if (Tenant is null or { IsHub: true } || await db.Services.AsNoTracking().SingleOrDefaultAsync(s => s.Key == service, cancellationToken) is not { } found)
        {
            return false;
        }

        var versions = await db.Versions.AsNoTracking().Where(v => v.ServiceId == found.Id).OrderByDescending(v => v.CreatedUtc).ToListAsync(cancellationToken);
        Versions = [.. versions.Select(v => new SourceVersion(v.Id, v.Version, v.Id == found.PublishedVersionId))];
        var chosen = versionId is { } id ? versions.FirstOrDefault(v => v.Id == id)
            : versions.FirstOrDefault(v => v.Id == found.PublishedVersionId) ?? versions.FirstOrDefault();
        if (chosen is null || ServicePackageJson.Read(chosen.Content).Package is not { } package)
        {
            return false;
        }

        Package = package;
        Title = package.Title.Pick(Language, package.Form.DefaultLanguage).Text;
        PolicyRows = Rows(package);
        RequiredDocuments = (await Catalogue.RulesAsync(cancellationToken)).RequiredDocuments;
        Existing = await Catalogue.FindAsync(Tenant.Slug, service, cancellationToken);
        Values["SourceVersionId"] = chosen.Id.ToString();
        return true;
    }

    private void Prefill()
    {
        var (_, name) = Hub.Abstractions.StaffClaims.Of(User);
        var last = Existing is { Versions.Count: > 0 } e ? e.Versions[0] : null;
        Values["Category"] = last?.Category ?? Package.Category;
        Values["Description"] = last?.Description ?? Package.Description.Pick(Language, Package.Form.DefaultLanguage).Text;
        Values["Origin"] = last?.Origin.ToString() ?? nameof(CatalogueOrigin.Own);
        Values["OriginDetail"] = last?.OriginDetail;
        Values["LegalBasis"] = last?.LegalBasis;
        Values["Maturity"] = last?.Maturity.ToString() ?? nameof(CatalogueMaturity.InUse);
        Values["ContactName"] = last?.ContactName ?? name;
        Values["ContactEmail"] = last?.ContactEmail ?? User.FindFirst(System.Security.Claims.ClaimTypes.Email)?.Value;
        foreach (var document in last is null ? [] : CatalogueJson.Documents(last.Documents))
        {
            Values["Doc." + document.Kind] = document.Url;
        }

        // The policy the owner gave the catalogue before, unless the service's own version carries one: it lives in the
        // catalogue's version (a submission writes it there, not into the municipality's service), and a new version
        // must not unlock a legally required text for every adopter because nobody set the lock again.
        var previous = Existing?.Published ?? last;
        var policy = Package.Adaptation ?? (previous is null ? null : PackageOf(previous).Adaptation) ?? AdaptationPolicy.Open;
        Values["Policy.Default"] = policy.DefaultChangeable ? "changeable" : "locked";
        foreach (var reference in policy.Changeable)
        {
            Values["Policy." + reference] = "changeable";
        }

        foreach (var locked in policy.Locked)
        {
            Values["Policy." + locked.Reference] = "locked";
            foreach (var (language, reason) in locked.Reason)
            {
                Values["Policy.Reason." + language] = reason;
            }
        }
    }

    /// <summary>
    /// Every part the policy may name, in package order, named as the studio names it (a page's title, a question's
    /// label, a state's name) with its kind, and grouped: texts and pages, questions, workflow.
    /// </summary>
    private IReadOnlyList<PolicyRow> Rows(ServicePackage package)
    {
        string Pick(LocalizedText? text, string fallback) => text?.Pick(Language, package.Form.DefaultLanguage).Text ?? fallback;
        var workflow = package.EffectiveWorkflow;
        string StateName(string key) => Pick(workflow.States.FirstOrDefault(s => s.Key == key)?.Label, key);
        var rows = new List<PolicyRow>
        {
            new("text:title", Texts["PolicyKind.Text"], Texts["Ref.Title"], PolicyGroup.Texts),
            new("text:summary", Texts["PolicyKind.Text"], Texts["Ref.Summary"], PolicyGroup.Texts),
            new("text:description", Texts["PolicyKind.Text"], Texts["Ref.Description"], PolicyGroup.Texts),
        };
        rows.AddRange(package.Form.Pages.Select(p => new PolicyRow("page:" + p.Key, Texts["PolicyKind.Page"], Pick(p.Title, p.Key), PolicyGroup.Texts)));
        rows.AddRange(package.Form.AllElements().Select(e => new PolicyRow("element:" + e.Key,
            Texts["PolicyKind." + (e.Type is FormElementType.Info or FormElementType.Stop ? "Info" : "Question")], Pick(e.Label ?? e.Text, e.Key), PolicyGroup.Questions)));
        rows.AddRange(workflow.States.Select(s => new PolicyRow("state:" + s.Key, Texts["PolicyKind.State"], Pick(s.Label, s.Key), PolicyGroup.Workflow)));
        rows.AddRange(workflow.Transitions.Select(t => new PolicyRow("transition:" + t.Key, Texts["PolicyKind.Transition"], Pick(t.Label, t.Key), PolicyGroup.Workflow)));
        rows.AddRange(workflow.Routing.Select(r => new PolicyRow("routing:" + r.Key, Texts["PolicyKind.Routing"], Texts["Policy.RoutingTo", r.Group], PolicyGroup.Workflow)));
        rows.AddRange(workflow.Notifications.Select(n => new PolicyRow("notification:" + n.Key, Texts["PolicyKind.Notification"],
            Texts[n.Recipient == NotificationRecipient.Citizen ? "Policy.NotificationCitizen" : "Policy.NotificationGroup", StateName(n.State)], PolicyGroup.Workflow)));
        rows.Add(new("sla:marks", Texts["PolicyKind.Sla"], Texts["Ref.Sla"], PolicyGroup.Workflow));
        var known = AdaptationReference.All(package);
        return [.. rows.Where(r => known.Contains(r.Reference)).DistinctBy(r => r.Reference)];
    }

    public string DescribeVersion(SourceVersion v) =>
        v.Published ? Texts["VersionPublished", v.Version].Value : v.Version;

    public static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
