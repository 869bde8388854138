using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Hub.Abstractions;
using Hub.Audit.Contracts;
using Hub.Cases.Data;
using Hub.Cases.Documents;
using Hub.Cases.Domain;
using Hub.Cases.Handling;
using Hub.Cases.Files;
using Hub.Cases.Intake;
using Hub.Identity.Contracts;
using Hub.Catalog.Contracts;
using Hub.Forms.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Hub.Cases.Api;

/// <summary>
/// <c>/{tenant}/api/v1/cases</c>: business systems list the municipality's cases in the order they changed, read one,
/// move it by a workflow transition and confirm they received it (docs/api.md). Every read goes through the tenant's
/// query filter and every write through <see cref="CaseWorkflow"/>, as an officer's would, audited with the client's name.
/// A case that still waits for other parties' signatures has not come in yet and is not shown.
/// </summary>
internal static class CasesApi
{
    public const int MaxLimit = 500;
    public const int DefaultLimit = 100;
    public const long MaxBodyBytes = 64 * 1024;

    /// <summary>How bodies are read: camelCase, and a member the endpoint does not know is an error, not ignored.</summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder endpoints)
    {
        var cases = endpoints.MapGroup("/api/v1/cases").WithTags("Cases");
        cases.MapGet("", ListAsync).Reads("ListCases", "Lists cases in the order they last changed, a page at a time.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        cases.MapGet("/{number}", GetAsync).Reads("GetCase", "Reads one case: its answers, signatures and history.");
        cases.MapGet("/{number}/xml", GetXmlAsync)
            .Reads("GetCaseXml", "Reads one case as XML, valid against the XSD of its service version (linked by xsi:schemaLocation).")
            .Produces<string>(StatusCodes.Status200OK, "application/xml");
        cases.MapGet("/{number}/pdf", GetPdfAsync)
            .Reads("GetCasePdf", "Reads one case as a tagged, accessible PDF: the answers as the citizen saw them, attachments and signatures.")
            .Produces(StatusCodes.Status200OK, contentType: CasePdfFile.ContentType);
        cases.MapGet("/{number}/archive", GetArchiveAsync)
            .Reads("GetCaseArchive", "Takes an archive package of a closed case: one zip with a METS manifest (FGS Paketstruktur) listing the case XML, its XSD, the PDF, the attachments and the history with SHA-256 checksums. Each package is recorded for retention.")
            .Produces(StatusCodes.Status200OK, contentType: ArchivePackageWriter.ContentType)
            .ProducesProblem(StatusCodes.Status409Conflict);
        cases.MapGet("/{number}/attachments/{fileId:guid}", AttachmentAsync)
            .Reads("GetAttachment", "Downloads a file the citizen attached to the case (its id is in the case's answers).")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream");
        endpoints.MapGet("/api/v1/schemas/{versionId:guid}", SchemaAsync).WithName("GetCaseSchema").WithTags("Schemas")
            .WithSummary("The XSD that every case XML of this service version is valid against. Public: it holds no personal data.")
            .Produces<string>(StatusCodes.Status200OK, "application/xml")
            .ProducesProblem(StatusCodes.Status404NotFound);
        cases.MapPost("/{number}/transitions", TransitionAsync)
            .Writes<TransitionRequest>("MoveCase", "Moves the case by one of its workflow's transitions.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        cases.MapPost("/{number}/messages", MessageAsync)
            .Writes<TextRequest>("MessageCitizen", "Writes a message to the citizen, who is told by e-mail and reads it on Mina sidor.");
        cases.MapPost("/{number}/notes", NoteAsync)
            .Writes<TextRequest>("AddNote", "Adds an internal note, seen only by the municipality's officers.");
        cases.MapPut("/{number}/assignment", AssignAsync)
            .Writes<AssignmentRequest>("AssignCase", "Gives the case to a case officer (by user name), or leaves it unassigned with null.");
        cases.MapPut("/{number}/handling-group", MoveToGroupAsync)
            .Writes<GroupRequest>("MoveCaseToGroup", "Hands the case to another handling group (by its key); its officer keeps it only as one of the group's members.");
        cases.MapPut("/{number}/attributes/{key}", SetAttributeAsync)
            .Writes<AttributeRequest>("SetCaseAttribute", "Records an attribute on the case, e.g. the business system's diary number; a public one is shown to the citizen.");
        cases.MapDelete("/{number}/attributes/{key}", RemoveAttributeAsync).WithName("RemoveCaseAttribute")
            .WithSummary("Removes an attribute from the case.")
            .RequireAuthorization(ApiScopes.Policy(ApiScopes.CasesWrite))
            .ProducesProblem(StatusCodes.Status404NotFound);
        cases.MapPut("/{number}/delivery", DeliveryAsync)
            .Writes<DeliveryRequest>("ConfirmDelivery", "Confirms that the business system has the case, under its own reference (idempotent).")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return endpoints;
    }

    /// <summary>A reading endpoint: <c>cases:read</c>, and a 404 problem for a case that is not here.</summary>
    private static RouteHandlerBuilder Reads(this RouteHandlerBuilder endpoint, string name, string summary) =>
        endpoint.WithName(name).WithSummary(summary)
            .RequireAuthorization(ApiScopes.Policy(ApiScopes.CasesRead))
            .ProducesProblem(StatusCodes.Status404NotFound);

    /// <summary>A writing endpoint: <c>cases:write</c>, a JSON body of at most 64 KiB, and its problems.</summary>
    private static RouteHandlerBuilder Writes<TBody>(this RouteHandlerBuilder endpoint, string name, string summary)
        where TBody : notnull =>
        endpoint.WithName(name).WithSummary(summary)
            .RequireAuthorization(ApiScopes.Policy(ApiScopes.CasesWrite))
            .Accepts<TBody>("application/json")
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    /// <summary>A page of cases after <paramref name="cursor"/>, filtered; <c>nextCursor</c> continues after the last.</summary>
    /// <param name="service">Only this e-service (its key).</param>
    /// <param name="state">Only cases in this workflow state (its key).</param>
    /// <param name="updatedSince">Only cases changed at or after this time (ISO 8601 with offset).</param>
    /// <param name="delivered">Only cases whose delivery was (true) or was not (false) confirmed.</param>
    /// <param name="cursor">The <c>nextCursor</c> of the previous page.</param>
    /// <param name="limit">Cases per page, 1–500 (default 100).</param>
    /// <param name="db">The tenant's cases.</param>
    /// <param name="cancellationToken">Ends the request.</param>
    internal static async Task<Results<Ok<CaseList>, ProblemHttpResult>> ListAsync(
        string? service, string? state, string? updatedSince, bool? delivered, string? cursor, int? limit,
        CasesDbContext db, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > MaxLimit)
        {
            return ApiProblems.InvalidParameter("limit", $"The limit must be between 1 and {MaxLimit}.");
        }

        DateTimeOffset? since = null;
        if (updatedSince is not null)
        {
            if (!DateTimeOffset.TryParse(updatedSince, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return ApiProblems.InvalidParameter("updatedSince", "The time must be in ISO 8601 with an offset, e.g. 2026-12-01T08:00:00Z.");
            }

            since = parsed;
        }

        Position? after = null;
        if (cursor is not null && (after = Position.Parse(cursor)) is null)
        {
            return ApiProblems.InvalidParameter("cursor", "The cursor is not one this API gave; start again without it.");
        }

        var query = db.Cases.AsNoTracking().Where(c => c.Status != CaseStatus.WaitingForSignature);
        if (!string.IsNullOrEmpty(service))
        {
            query = query.Where(c => c.ServiceKey == service);
        }

        if (!string.IsNullOrEmpty(state))
        {
            query = query.Where(c => c.StateKey == state);
        }

        if (since is { } from)
        {
            var fromUtc = from.UtcDateTime;
            query = query.Where(c => c.UpdatedUtc >= fromUtc);
        }

        if (delivered is { } isDelivered)
        {
            query = isDelivered ? query.Where(c => c.DeliveredUtc != null) : query.Where(c => c.DeliveredUtc == null);
        }

        if (after is { } position)
        {
            var at = position.UpdatedUtc;
            var number = position.Number;
            // Compared in SQL, in the database's own order of numbers: the same order the page is sorted in. The first
            // condition says nothing new; it is what PostgreSQL can start the index scan at (it does not from the OR alone,
            // and read the tenant's index from its start to the cursor: 36 ms instead of 0.5 ms a page at 100,000 cases).
            query = query.Where(c => c.UpdatedUtc >= at && (c.UpdatedUtc > at || (c.UpdatedUtc == at && c.Number.CompareTo(number) > 0)));
        }

        var take = limit ?? DefaultLimit;
        var page = await query.OrderBy(c => c.UpdatedUtc).ThenBy(c => c.Number).Take(take + 1).ToListAsync(cancellationToken);
        var items = page.Take(take).Select(CaseSummary.Of).ToList();
        var next = page.Count > take ? new Position(page[take - 1].UpdatedUtc, page[take - 1].Number).Format() : null;
        return TypedResults.Ok(new CaseList(items, next));
    }

    internal static async Task<Results<Ok<CaseDocument>, ProblemHttpResult>> GetAsync(
        string number, HttpContext http, CasesDbContext db, CaseReader reader, IAuditTrail audit, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, reader, number, tracked: false, cancellationToken) is not { } details)
        {
            return NotFound(number);
        }

        await audit.RecordReadAsync(new AuditEntry("case.viewed", "case", details.Case.Id.ToString(), Actor(http).AuditName,
            details.Case.Confidential ? """{"confidential":true}""" : null), cancellationToken);
        return TypedResults.Ok(CaseDocument.Of(details));
    }

    internal static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetXmlAsync(
        string number, HttpContext http, CasesDbContext db, CaseReader reader, IAuditTrail audit, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, reader, number, tracked: false, cancellationToken) is not { } details)
        {
            return NotFound(number);
        }

        var c = details.Case;
        await audit.RecordReadAsync(new AuditEntry("case.viewed", "case", c.Id.ToString(), Actor(http).AuditName,
            c.Confidential ? """{"confidential":true,"as":"xml"}""" : """{"as":"xml"}"""), cancellationToken);
        return Xml(CaseXml.Write(details, SiteLinks.Of(http.Request)));
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetPdfAsync(
        string number, HttpContext http, CasesDbContext db, CaseReader reader, CasePdf pdfs, IAuditTrail audit, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, reader, number, tracked: false, cancellationToken) is not { } details)
        {
            return NotFound(number);
        }

        var c = details.Case;
        await audit.RecordReadAsync(new AuditEntry("case.viewed", "case", c.Id.ToString(), Actor(http).AuditName,
            c.Confidential ? """{"confidential":true,"as":"pdf"}""" : """{"as":"pdf"}"""), cancellationToken);
        var pdf = pdfs.Case(details);
        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(pdf.Content, CasePdfFile.ContentType, pdf.FileName);
    }

    internal static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> GetArchiveAsync(
        string number, HttpContext http, CasesDbContext db, CaseReader reader, CaseArchive archive, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, reader, number, tracked: false, cancellationToken) is not { } details)
        {
            return NotFound(number);
        }

        var (refusal, package) = await archive.TakeAsync(details, Actor(http), cancellationToken);
        if (refusal != ArchiveRefusal.None)
        {
            return ArchiveProblem(refusal, number);
        }

        http.Response.Headers.CacheControl = "private, no-store";
        // RFC 9530: the checksum of the bytes sent, the same as the package's record keeps.
        http.Response.Headers["Repr-Digest"] = $"sha-256=:{Convert.ToBase64String(Convert.FromHexString(package!.Record.Sha256))}:";
        http.Response.Headers["Hub-Archive-Sequence"] = package.Record.Sequence.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Stream(package.Zip, ArchivePackageWriter.ContentType, package.FileName);
    }

    /// <summary>The problem for a case that cannot be archived (409: it must first be closed, or it no longer holds its content).</summary>
    internal static ProblemHttpResult ArchiveProblem(ArchiveRefusal refusal, string number) => refusal == ArchiveRefusal.NotClosed
        ? ApiProblems.Conflict("case-not-closed", $"Case {number} is not closed: only a closed case is archived.")
        : ApiProblems.Conflict("personal-data-removed", $"Retention has removed the answers and files of case {number}: there is nothing left to archive.");

    internal static async Task<Results<ContentHttpResult, ProblemHttpResult>> SchemaAsync(Guid versionId, IServiceDirectory directory, CancellationToken cancellationToken)
    {
        if (await directory.FindVersionAsync(versionId, cancellationToken) is not { } service)
        {
            return ApiProblems.NotFound("There is no such service version here.");
        }

        return Xml(FormXml.Schema(service.Form, service.Key, service.Version));
    }

    private static ContentHttpResult Xml(System.Xml.Linq.XDocument document) =>
        TypedResults.Text(CaseXml.Text(document), "application/xml; charset=utf-8");

    internal static async Task<Results<Ok<CaseSummary>, ProblemHttpResult>> TransitionAsync(
        string number, HttpContext http, CasesDbContext db, CaseReader reader, CaseWorkflow workflow, CancellationToken cancellationToken)
    {
        var (body, problem) = await ReadAsync<TransitionRequest>(http.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(body!.Transition))
        {
            return ApiProblems.InvalidParameter("transition", "Name the transition (its key in the service's workflow).");
        }

        if (string.IsNullOrWhiteSpace(body.ExpectedState))
        {
            return ApiProblems.InvalidParameter("expectedState", "Give the state the case is in as you last read it.");
        }

        if (await FindAsync(db, reader, number, tracked: true, cancellationToken) is not { } details)
        {
            return NotFound(number);
        }

        var @case = details.Case;
        var actor = Actor(http);
        var refusal = await workflow.FireAsync(@case, details.Service, body.Transition, body.ExpectedState, actor, body.Text, SiteLinks.Of(http.Request), cancellationToken);
        return refusal switch
        {
            HandlingRefusal.None => TypedResults.Ok(CaseSummary.Of(@case)),
            HandlingRefusal.Stale => ApiProblems.Conflict("stale-state", "The case is not in the expected state; read it again.",
                new Dictionary<string, object?> { ["currentState"] = await CurrentStateAsync(db, @case.Id, cancellationToken) }),
            HandlingRefusal.TextRequired => ApiProblems.Unprocessable("text-required", "This transition asks the citizen for something: give the text."),
            HandlingRefusal.TextTooLong => ApiProblems.Unprocessable("text-too-long", $"The text may have at most {CaseLimits.MessageLength} characters."),
            _ => ApiProblems.Unprocessable("transition-not-allowed", "The transition cannot be made from the case's state.",
                new Dictionary<string, object?> { ["allowed"] = CaseWorkflow.Allowed(@case, details.Service, actor).Select(t => t.Key).ToList() }),
        };
    }

    internal static async Task<Results<Ok<Delivery>, ProblemHttpResult>> DeliveryAsync(
        string number, HttpContext http, CasesDbContext db, CaseReader reader, CaseWorkflow workflow, CancellationToken cancellationToken)
    {
        var (body, problem) = await ReadAsync<DeliveryRequest>(http.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var reference = body!.Reference?.Trim();
        if (string.IsNullOrEmpty(reference) || reference.Length > 200 || reference.Any(char.IsControl))
        {
            return ApiProblems.InvalidParameter("reference", "Give the receiving system's reference: 1–200 characters, no line breaks.");
        }

        if (await FindAsync(db, reader, number, tracked: true, cancellationToken) is not { } details)
        {
            return NotFound(number);
        }

        var outcome = await workflow.ConfirmDeliveryAsync(details.Case, Actor(http), reference, cancellationToken);
        if (outcome == DeliveryOutcome.OtherReference)
        {
            return ApiProblems.Conflict("already-delivered", "The case was confirmed delivered under another reference.");
        }

        var delivered = await db.Cases.AsNoTracking().Where(c => c.Id == details.Case.Id)
            .Select(c => new Delivery(c.DeliveredUtc!.Value, c.DeliveryReference!, c.DeliveredBy!)).SingleAsync(cancellationToken);
        return TypedResults.Ok(delivered with { AtUtc = DateTime.SpecifyKind(delivered.AtUtc, DateTimeKind.Utc) });
    }

    internal static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> AttachmentAsync(
        string number, Guid fileId, HttpContext http, CasesDbContext db, FileStore store, IAuditTrail audit, CancellationToken cancellationToken)
    {
        var @case = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Number == number && c.Status != CaseStatus.WaitingForSignature, cancellationToken);
        var file = @case is null ? null : await db.Files.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId && f.CaseId == @case.Id, cancellationToken);
        if (@case is null || file is null)
        {
            return ApiProblems.NotFound("There is no such file on a case here.");
        }

        await audit.RecordReadAsync(new AuditEntry("case.file-viewed", "case", @case.Id.ToString(), Actor(http).AuditName,
            $$"""{"file":"{{file.Id}}"}"""), cancellationToken);
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.Stream(store.Open(file.TenantId, file.Id), file.ContentType, file.FileName);
    }

    internal static async Task<Results<Ok<CaseSummary>, ProblemHttpResult>> MessageAsync(
        string number, HttpContext http, CasesDbContext db, CaseReader reader, CaseWorkflow workflow, CancellationToken cancellationToken)
    {
        var (body, problem) = await ReadAsync<TextRequest>(http.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (await FindAsync(db, reader, number, tracked: true, cancellationToken) is not { } details)
        {
            return NotFound(number);
        }

        if (details.Case.SubmitterPersonalIdentityNumber is null)
        {
            // Messages reach a citizen only on Mina sidor, so only a case submitted with e-ID can have them.
            return ApiProblems.Unprocessable("no-citizen-channel", "The case was submitted without e-ID: the citizen cannot read messages.");
        }

        var refusal = await workflow.SendMessageAsync(details.Case, details.Service, Actor(http), body!.Text, SiteLinks.Of(http.Request), cancellationToken);
        return refusal == HandlingRefusal.None ? TypedResults.Ok(CaseSummary.Of(details.Case)) : TextRefusal(refusal);
    }

    internal static async Task<Results<Ok<CaseSummary>, ProblemHttpResult>> NoteAsync(
        string number, HttpContext http, CasesDbContext db, CaseReader reader, CaseWorkflow workflow, CancellationToken cancellationToken)
    {
        var (body, problem) = await ReadAsync<TextRequest>(http.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (await FindAsync(db, reader, number, tracked: true, cancellationToken) is not { } details)
        {
            return NotFound(number);
        }

        var refusal = await workflow.AddNoteAsync(details.Case, Actor(http), body!.Text, cancellationToken);
        return refusal == HandlingRefusal.None ? TypedResults.Ok(CaseSummary.Of(details.Case)) : TextRefusal(refusal);
    }

    internal static async Task<Results<Ok<CaseSummary>, ProblemHttpResult>> AssignAsync(
        string number, HttpContext http, CasesDbContext db, CaseReader reader, CaseWorkflow workflow, HandlingGroups groups,
        IStaffDirectory staff, CancellationToken cancellationToken)
    {
        var (body, problem) = await ReadAsync<AssignmentRequest>(http.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (await FindAsync(db, reader, number, tracked: true, cancellationToken) is not { } details)
        {
            return NotFound(number);
        }

        var @case = details.Case;
        StaffMember? officer = null;
        if (body!.Officer is { Length: > 0 } userName)
        {
            officer = (await staff.ListAsync(cancellationToken)).FirstOrDefault(s => s.UserName == userName && s.Roles.Contains(HubRoles.CaseOfficer));
            if (officer is null)
            {
                return ApiProblems.Unprocessable("not-a-case-officer", $"There is no case officer '{userName}' here.");
            }

            // A confidential case of one of the municipality's groups goes only to its members, as on the case page.
            var scope = await OfficerScope.ForAsync(groups, officer.UserName, cancellationToken);
            if (!scope.CanSee(@case))
            {
                return ApiProblems.Unprocessable("outside-handling-group", "The case is confidential to a handling group this officer is not in.");
            }
        }

        var assignee = officer is null ? null : CaseActor.Staff(officer.UserName, officer.DisplayName, officer.Roles);
        await workflow.AssignAsync(@case, Actor(http), assignee, officer?.Email, SiteLinks.Of(http.Request), cancellationToken);
        return TypedResults.Ok(CaseSummary.Of(@case));
    }

    internal static async Task<Results<Ok<CaseSummary>, ProblemHttpResult>> MoveToGroupAsync(
        string number, HttpContext http, CasesDbContext db, CaseReader reader, CaseWorkflow workflow, HandlingGroups groups,
        IStaffDirectory staff, CancellationToken cancellationToken)
    {
        var (body, problem) = await ReadAsync<GroupRequest>(http.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (body!.Group is not { Length: > 0 } key)
        {
            return ApiProblems.InvalidParameter("group", "Give the handling group's key.");
        }

        if (await FindAsync(db, reader, number, tracked: true, cancellationToken) is not { } details)
        {
            return NotFound(number);
        }

        if (await groups.FindAsync(key, cancellationToken) is not { } group)
        {
            return ApiProblems.Unprocessable("unknown-handling-group", $"There is no handling group '{key}' here.");
        }

        var emails = HandlingGroups.Addresses(HandlingGroups.MembersOf(group, await staff.ListAsync(cancellationToken)));
        await workflow.MoveToGroupAsync(details.Case, Actor(http), group, emails, SiteLinks.Of(http.Request), cancellationToken);
        return TypedResults.Ok(CaseSummary.Of(details.Case));
    }

    internal static async Task<Results<Ok<AttributeDocument>, ProblemHttpResult>> SetAttributeAsync(
        string number, string key, HttpContext http, CasesDbContext db, CaseReader reader, CaseWorkflow workflow, CancellationToken cancellationToken)
    {
        var (body, problem) = await ReadAsync<AttributeRequest>(http.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (CaseAttribute.Check(key, body!.Label, body.Value).FirstOrDefault() is ({ } field, { } invalid))
        {
            return ApiProblems.InvalidParameter(field, invalid);
        }

        if (await FindAsync(db, reader, number, tracked: true, cancellationToken) is not { } details)
        {
            return NotFound(number);
        }

        var outcome = await workflow.SetAttributeAsync(details.Case, Actor(http), key, body.Label, body.Value!, body.Public ?? false, cancellationToken);
        if (outcome == AttributeOutcome.TooMany)
        {
            return ApiProblems.Unprocessable("too-many-attributes", $"A case carries at most {CaseAttribute.MaxPerCase} attributes; remove one first.");
        }

        var saved = await db.Attributes.AsNoTracking().SingleAsync(a => a.CaseId == details.Case.Id && a.Key == key, cancellationToken);
        return TypedResults.Ok(AttributeDocument.Of(saved));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> RemoveAttributeAsync(
        string number, string key, HttpContext http, CasesDbContext db, CaseReader reader, CaseWorkflow workflow, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, reader, number, tracked: true, cancellationToken) is not { } details)
        {
            return NotFound(number);
        }

        return await workflow.RemoveAttributeAsync(details.Case, Actor(http), key, cancellationToken)
            ? TypedResults.NoContent()
            : ApiProblems.NotFound($"Case {number} has no attribute '{key}'.");
    }

    private static ProblemHttpResult TextRefusal(HandlingRefusal refusal) => refusal switch
    {
        HandlingRefusal.TextRequired => ApiProblems.InvalidParameter("text", "Give the text."),
        HandlingRefusal.TextTooLong => ApiProblems.Unprocessable("text-too-long", $"The text may have at most {CaseLimits.MessageLength} characters."),
        _ => ApiProblems.Unprocessable("case-closed", "The case is closed; nothing more can be written on it."),
    };

    private static CaseActor Actor(HttpContext http)
    {
        var (clientId, name) = ApiCaller.Of(http.User);
        return CaseActor.ApiClient(clientId, name);
    }

    private static async Task<CaseDetails?> FindAsync(CasesDbContext db, CaseReader reader, string number, bool tracked, CancellationToken cancellationToken)
    {
        var cases = tracked ? db.Cases : db.Cases.AsNoTracking();
        var @case = await cases.SingleOrDefaultAsync(c => c.Number == number && c.Status != CaseStatus.WaitingForSignature, cancellationToken);
        if (@case is null)
        {
            return null;
        }

        return await reader.DetailsAsync(@case, cancellationToken);
    }

    private static Task<string> CurrentStateAsync(CasesDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.Cases.AsNoTracking().Where(c => c.Id == id).Select(c => c.StateKey).SingleAsync(cancellationToken);

    private static ProblemHttpResult NotFound(string number) => ApiProblems.NotFound($"There is no case {number} here.");

    /// <summary>The JSON body as <typeparamref name="T"/>, or the problem that says why it could not be read.</summary>
    private static async Task<(T? Body, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, ApiProblems.Problem(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "The body must be application/json."));
        }

        try
        {
            var body = await JsonSerializer.DeserializeAsync<T>(request.Body, Json, cancellationToken);
            return body is null
                ? (null, ApiProblems.InvalidParameter("body", "The body must be a JSON object."))
                : (body, null);
        }
        catch (JsonException e)
        {
            var field = e.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : "body";
            return (null, ApiProblems.InvalidParameter(field, "The body is not valid for this endpoint: " + e.Message.Split(" Path:", 2)[0]));
        }
        catch (BadHttpRequestException e)
        {
            return (null, ApiProblems.Problem(e.StatusCode, e.StatusCode == StatusCodes.Status413PayloadTooLarge ? "too-large" : "bad-request",
                e.StatusCode == StatusCodes.Status413PayloadTooLarge ? $"The body may have at most {MaxBodyBytes / 1024} KiB." : "The request is malformed."));
        }
    }

    /// <summary>A position in the list's order (last change, then number), written opaquely for the client.</summary>
    internal readonly record struct Position(DateTime UpdatedUtc, string Number)
    {
        public string Format() => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{UpdatedUtc.Ticks.ToString(CultureInfo.InvariantCulture)}|{Number}"))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

        public static Position? Parse(string text)
        {
            try
            {
                var padded = text.Replace('-', '+').Replace('_', '/');
                padded += new string('=', (4 - padded.Length % 4) % 4);
                var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split('|', 2);
                return parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                    && ticks > 0 && ticks < DateTime.MaxValue.Ticks && parts[1].Length is > 0 and <= 32
                    ? new Position(new DateTime(ticks, DateTimeKind.Utc), parts[1])
                    : null;
            }
            catch (FormatException)
            {
                return null;
            }
        }
    }
}

/// <summary>The body of a move.</summary>
/// <param name="Transition">The transition's key in the case's workflow.</param>
/// <param name="ExpectedState">The state the caller last saw the case in; another state is a conflict.</param>
/// <param name="Text">A text for the move: the request to the citizen, or the decision.</param>
internal sealed record TransitionRequest(string? Transition, string? ExpectedState, string? Text);

/// <summary>The body of a message or a note.</summary>
/// <param name="Text">The text (at most 10,000 characters; line breaks kept).</param>
internal sealed record TextRequest(string? Text);

/// <summary>The body of an assignment.</summary>
/// <param name="Officer">The case officer's user name, or null to leave the case unassigned.</param>
internal sealed record AssignmentRequest(string? Officer);

/// <summary>The body of a move to another handling group.</summary>
/// <param name="Group">The group's key, as on the municipality's handling-group page.</param>
internal sealed record GroupRequest(string? Group);

/// <summary>The body of an attribute.</summary>
/// <param name="Value">One line of at most 500 characters, e.g. <c>BN 2026/123</c>.</param>
/// <param name="Label">How people see it named; leave out for <c>diary-number</c>, which the hub names in every language.</param>
/// <param name="Public">Shown to the citizen on Mina sidor too (default false: officers only).</param>
internal sealed record AttributeRequest(string? Value, string? Label, bool? Public);

/// <summary>An attribute on a case.</summary>
internal sealed record AttributeDocument(string Key, string? Label, string Value, bool Public, string SetBy, DateTime SetUtc)
{
    public static AttributeDocument Of(CaseAttribute a) => new(a.Key, a.Label, a.Value, a.Public, a.SetBy, CaseSummary.Utc(a.SetUtc));
}

/// <summary>The body of a delivery confirmation.</summary>
/// <param name="Reference">The receiving system's reference for the case.</param>
internal sealed record DeliveryRequest(string? Reference);

/// <summary>A page of cases.</summary>
/// <param name="Items">The cases, in the order they last changed.</param>
/// <param name="NextCursor">Pass as <c>cursor</c> for the next page; null on the last page.</param>
internal sealed record CaseList(IReadOnlyList<CaseSummary> Items, string? NextCursor);

/// <summary>That a business system has the case.</summary>
/// <param name="AtUtc">When it confirmed first.</param>
/// <param name="Reference">Its reference.</param>
/// <param name="By">The API client's name.</param>
internal sealed record Delivery(DateTime AtUtc, string Reference, string By);

/// <summary>A case as the list shows it.</summary>
internal sealed record CaseSummary(
    string Number, Guid Id, string Service, Guid ServiceVersionId, string State, string Status, string Channel,
    DateTime SubmittedUtc, DateTime UpdatedUtc, string? HandlingGroup, string? AssignedTo, bool Confidential, Delivery? Delivery)
{
    public static CaseSummary Of(Case c) => new(c.Number, c.Id, c.ServiceKey, c.ServiceVersionId, c.StateKey, StatusName(c.Status), c.Channel,
        Utc(c.SubmittedUtc), Utc(c.UpdatedUtc), c.HandlingGroup, c.AssignedTo, c.Confidential,
        c.DeliveredUtc is { } at ? new Delivery(Utc(at), c.DeliveryReference!, c.DeliveredBy!) : null);

    internal static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    /// <summary>The status as the API spells it (kebab case, stable).</summary>
    internal static string StatusName(CaseStatus status) => status switch
    {
        CaseStatus.Submitted => "submitted",
        CaseStatus.InProgress => "in-progress",
        CaseStatus.WaitingForCitizen => "waiting-for-citizen",
        CaseStatus.WaitingForSignature => "waiting-for-signature",
        CaseStatus.Decided => "decided",
        CaseStatus.Closed => "closed",
        _ => "withdrawn",
    };
}

/// <summary>One case in full: what the citizen submitted, who signed, and what happened since.</summary>
internal sealed record CaseDocument(
    CaseSummary Case, string Language, Submitter? Submitter, JsonNode? Answers, string? Decision,
    IReadOnlyList<SignatureDocument> Signatures, IReadOnlyList<EventDocument> History, IReadOnlyList<AttributeDocument> Attributes)
{
    public static CaseDocument Of(CaseDetails details)
    {
        var c = details.Case;
        return new CaseDocument(CaseSummary.Of(c), c.Language,
            c.SubmitterPersonalIdentityNumber is null && c.SubmitterName is null ? null : new Submitter(c.SubmitterName, c.SubmitterPersonalIdentityNumber, c.ContactEmail),
            c.PersonalDataRemovedUtc is null ? JsonNode.Parse(c.AnswersJson) : null,
            c.DecisionText,
            [.. details.Signatures.Select(s => new SignatureDocument(s.Role, s.Status.ToString().ToLowerInvariant(), s.SignedName, s.CompletedUtc is { } at ? CaseSummary.Utc(at) : null))],
            [.. details.Events.Select(e => new EventDocument(CaseSummary.Utc(e.AtUtc), e.Kind, e.Actor, e.StateKey))],
            [.. details.Attributes.Select(AttributeDocument.Of)]);
    }
}

/// <summary>Who submitted the case (null after its personal data was removed, or for an anonymous case).</summary>
internal sealed record Submitter(string? Name, string? PersonalIdentityNumber, string? Email);

/// <summary>A signature the case needed.</summary>
internal sealed record SignatureDocument(string Role, string Status, string? Name, DateTime? AtUtc);

/// <summary>An entry in the case's history.</summary>
internal sealed record EventDocument(DateTime AtUtc, string Kind, string? Actor, string? State);
