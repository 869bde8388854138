using Hub.Abstractions;
using Hub.Audit.Contracts;
using Hub.Cases.Data;
using Hub.Cases.Handling;
using Hub.Cases.Intake;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Hub.Cases.Files;

/// <summary>
/// <c>GET /e-tjanster/filer/{id}</c>: an uploaded file, only for the person whose draft or case it belongs to, its
/// signers, and the tenant's case officers (for files of submitted cases).
/// </summary>
internal static class FileEndpoints
{
    public static IEndpointRouteBuilder MapCaseFiles(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/e-tjanster/filer/{id:guid}", async (Guid id, HttpContext http, Citizens citizens, AnonymousKey anonymousKey, CasesDbContext db, DraftStore drafts, FileStore store, ITenantContext tenant,
            IAuthorizationService authorization, HandlingGroups groups, IAuditTrail audit, CancellationToken cancellationToken) =>
        {
            if (tenant.Tenant is null)
            {
                return Results.NotFound();
            }

            var file = await db.Files.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
            if (file is null)
            {
                return Results.NotFound();
            }

            var citizen = await citizens.GetAsync(http);
            var anonymous = anonymousKey.Find(http);
            var allowed = false;
            if (file.DraftId is { } draftId)
            {
                allowed = await drafts.FindAsync(draftId, citizen, anonymous, cancellationToken) is not null;
            }
            else if (file.CaseId is { } caseId && await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken) is { } @case)
            {
                allowed = CaseAccess.CanSee(@case, citizen, anonymous)
                    || (citizen is not null && await db.Signatures.AnyAsync(s => s.CaseId == caseId && s.ExpectedPersonalIdentityNumber == citizen.PersonalIdentityNumber, cancellationToken));
                if (!allowed && (await authorization.AuthorizeAsync(http.User, HubPolicies.CaseOfficer)).Succeeded)
                {
                    var (userName, _) = StaffClaims.Of(http.User);
                    allowed = (await OfficerScope.ForAsync(groups, userName, cancellationToken)).CanSee(@case);
                    if (allowed)
                    {
                        await audit.RecordReadAsync(new AuditEntry("case.file-viewed", "case", @case.Id.ToString(), "staff:" + userName,
                            $$"""{"file":"{{file.Id}}","confidential":{{(@case.Confidential ? "true" : "false")}}}"""), cancellationToken);
                    }
                }
            }

            if (!allowed)
            {
                return Results.NotFound();
            }

            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.CacheControl = "private, no-store";
            http.Response.Headers[HeaderNames.ContentSecurityPolicy] = "default-src 'none'; sandbox";
            return Results.Stream(store.Open(file.TenantId, file.Id), file.ContentType, file.FileName);
        });
        return endpoints;
    }
}
