using System.Security.Cryptography;
using System.Text.Json;
using System.Xml.Linq;
using Hub.Abstractions;
using Hub.Audit.Contracts;
using Hub.Cases.Data;
using Hub.Cases.Documents;
using Hub.Cases.Domain;
using Hub.Cases.Files;
using Hub.Cases.Intake;
using Hub.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Hub.Cases.Handling;

/// <summary>Why a case cannot be archived.</summary>
internal enum ArchiveRefusal
{
    None,

    /// <summary>Only a closed case is archived: an open one may still change.</summary>
    NotClosed,

    /// <summary>Retention has removed the answers and files: the package would not hold the case.</summary>
    PersonalDataRemoved,
}

/// <summary>A package just taken: its record and the zip, a read-only stream deleted when it is closed.</summary>
internal sealed record ArchiveTaken(ArchivePackage Record, Stream Zip, string FileName);

/// <summary>A package of one of the tenant's cases, for the retention page.</summary>
internal sealed record ArchivedCase(string Number, int Sequence, DateTime CreatedUtc, string CreatedBy, string Sha256, long Size);

/// <summary>
/// Archive packages of closed cases (issue 16, item 6; docs/integrations.md, "Archive packages"): the case XML valid
/// against its version's XSD (<see cref="CaseXml"/>), the XSD, the PDF (<see cref="CasePdf"/>), every attachment as
/// uploaded, the history (<see cref="CaseHistoryXml"/>) and the METS manifest with SHA-256 checksums, as one zip
/// (<see cref="ArchivePackageWriter"/>). Each package taken is recorded (<see cref="ArchivePackage"/>) with the zip's
/// checksum and audited, in one transaction, so the retention page can say which cases the e-archive has.
/// </summary>
internal sealed class CaseArchive(
    CasesDbContext db,
    HubConnection connection,
    CasePdf pdfs,
    FileStore files,
    IAuditTrail audit,
    ITenantContext tenant,
    TimeProvider clock,
    ILogger<CaseArchive> logger)
{
    public const string CaseXmlPath = "content/case.xml";
    public const string PdfPath = "content/case.pdf";
    public const string HistoryPath = "content/history.xml";
    public const string AttachmentFolder = "content/attachments/";
    public const string CaseSchemaPath = "system/case.xsd";
    public const string HistorySchemaPath = "system/history.xsd";

    private const int Attempts = 3;

    /// <summary>Why the case cannot be archived now, or <see cref="ArchiveRefusal.None"/>.</summary>
    public static ArchiveRefusal Check(Case @case) =>
        @case.Status != CaseStatus.Closed || @case.ClosedUtc is null ? ArchiveRefusal.NotClosed
        : @case.PersonalDataRemovedUtc is not null ? ArchiveRefusal.PersonalDataRemoved
        : ArchiveRefusal.None;

    /// <summary>
    /// Writes the case's package and records it as the next of its packages, taken by <paramref name="actor"/>; the
    /// caller sends the zip and closes it. Nothing is written when the case cannot be archived.
    /// </summary>
    public async Task<(ArchiveRefusal Refusal, ArchiveTaken? Package)> TakeAsync(CaseDetails details, CaseActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(actor);
        var @case = details.Case;
        if (Check(@case) is not ArchiveRefusal.None and var refusal)
        {
            return (refusal, null);
        }

        var id = Guid.CreateVersion7();
        var now = clock.GetUtcNow().UtcDateTime;
        var zip = new FileStream(Path.Combine(Path.GetTempPath(), $"hub-archive-{id:N}.zip"), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var entries = await WriteAsync(zip, details, id, actor.AuditName, now, cancellationToken);
            zip.Position = 0;
            var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(zip, cancellationToken));
            var size = zip.Length;
            zip.Position = 0;
            var record = await RecordAsync(@case, id, actor.AuditName, sha256, size, now, entries.Count, cancellationToken);
            logger.LogInformation("Case {Number}: archive package {Sequence} taken ({Files} files, {Size} bytes)", @case.Number, record.Sequence, entries.Count + 1, size);
            return (ArchiveRefusal.None, new ArchiveTaken(record, zip, $"arkivpaket-{@case.Number}-{record.Sequence}.zip"));
        }
        catch
        {
            await zip.DisposeAsync();
            throw;
        }
    }

    /// <summary>The case's packages, first first.</summary>
    public async Task<IReadOnlyList<ArchivePackage>> ForCaseAsync(Guid caseId, CancellationToken cancellationToken) =>
        await db.ArchivePackages.AsNoTracking().Where(p => p.CaseId == caseId).OrderBy(p => p.Sequence).ToListAsync(cancellationToken);

    /// <summary>The tenant's most recent packages, newest first, with their case numbers.</summary>
    public async Task<IReadOnlyList<ArchivedCase>> LatestAsync(int take, CancellationToken cancellationToken)
    {
        var rows = await db.ArchivePackages.AsNoTracking()
            .Join(db.Cases.AsNoTracking(), p => p.CaseId, c => c.Id, (p, c) => new { c.Number, p.Sequence, p.CreatedUtc, p.CreatedBy, p.Sha256, p.Size, p.Id })
            .OrderByDescending(p => p.CreatedUtc).ThenByDescending(p => p.Id)
            .Take(take)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new ArchivedCase(r.Number, r.Sequence, r.CreatedUtc, r.CreatedBy, r.Sha256, r.Size))];
    }

    /// <summary>The latest package of each of these cases that has one, by case number.</summary>
    public async Task<IReadOnlyDictionary<string, ArchivedCase>> LatestOfAsync(IReadOnlyCollection<string> numbers, CancellationToken cancellationToken)
    {
        if (numbers.Count == 0)
        {
            return new Dictionary<string, ArchivedCase>();
        }

        var rows = await db.ArchivePackages.AsNoTracking()
            .Join(db.Cases.AsNoTracking().Where(c => numbers.Contains(c.Number)), p => p.CaseId, c => c.Id,
                (p, c) => new { c.Number, p.Sequence, p.CreatedUtc, p.CreatedBy, p.Sha256, p.Size })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Number).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.Sequence)
            .Select(r => new ArchivedCase(r.Number, r.Sequence, r.CreatedUtc, r.CreatedBy, r.Sha256, r.Size)).First(), StringComparer.Ordinal);
    }

    private async Task<IReadOnlyList<ArchiveEntry>> WriteAsync(Stream zip, CaseDetails details, Guid id, string takenBy, DateTime now, CancellationToken cancellationToken)
    {
        var @case = details.Case;
        var attachments = await db.Files.AsNoTracking().Where(f => f.CaseId == @case.Id).ToListAsync(cancellationToken);
        var messages = await db.Messages.AsNoTracking().Where(m => m.CaseId == @case.Id).ToListAsync(cancellationToken);
        var trail = await audit.ForSubjectAsync("case", @case.Id.ToString(), cancellationToken);
        var pdf = pdfs.Case(details);
        var language = FormLanguages.MessageLanguage(@case.Language);
        var title = details.Service.Package.Title.Pick(language, details.Service.Form.DefaultLanguage).Text;
        var caseSchema = "../" + CaseSchemaPath;
        var historySchema = "../" + HistorySchemaPath;
        List<ArchiveFile> content =
        [
            ArchiveFile.Of(CaseXmlPath, "application/xml", now, "case", Bytes(CaseXml.Write(details, new Uri(caseSchema, UriKind.Relative)))),
            ArchiveFile.Of(PdfPath, CasePdfFile.ContentType, now, "pdf", pdf.Content),
            ArchiveFile.Of(HistoryPath, "application/xml", now, "history",
                Bytes(CaseHistoryXml.Write(@case, details.Events, messages, trail, historySchema))),
            .. attachments.OrderBy(f => f.CreatedUtc).ThenBy(f => f.Id).Select(f => new ArchiveFile(
                $"{AttachmentFolder}{f.Id:N}-{ArchivePackageWriter.SafeName(f.FileName)}", f.ContentType, f.CreatedUtc, "attachment", f.FileName,
                () => files.Open(f.TenantId, f.Id))),
            ArchiveFile.Of(CaseSchemaPath, "application/xml", now, "schema", Bytes(CaseXml.Schema(details))),
            ArchiveFile.Of(HistorySchemaPath, "application/xml", now, "schema", Bytes(CaseHistoryXml.Schema())),
        ];
        var header = new ArchiveHeader(id, $"{@case.Number} – {title}", @case.Number, tenant.Tenant?.Settings.DisplayName ?? "", takenBy, now);
        return await ArchivePackageWriter.WriteAsync(zip, header, content, cancellationToken);
    }

    /// <summary>Records the package as the case's next, with its audit entry; a number another writer took first is tried again.</summary>
    private async Task<ArchivePackage> RecordAsync(Case @case, Guid id, string takenBy, string sha256, long size, DateTime now, int files, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            ArchivePackage? record = null;
            try
            {
                await connection.InTransactionAsync(async () =>
                {
                    var last = await db.ArchivePackages.Where(p => p.CaseId == @case.Id).MaxAsync(p => (int?)p.Sequence, cancellationToken) ?? 0;
                    record = ArchivePackage.Left(@case, id, last + 1, takenBy, sha256, size, now);
                    db.ArchivePackages.Add(record);
                    await audit.RecordAsync(new AuditEntry("case.archived", "case", @case.Id.ToString(), takenBy,
                        JsonSerializer.Serialize(new { package = id, sequence = record.Sequence, sha256, size, files })), cancellationToken);
                    await db.SaveChangesAsync(cancellationToken);
                    return true;
                }, cancellationToken, db);
                return record!;
            }
            catch (Exception e) when (attempt < Attempts && HubConnection.IsUniqueViolation(e))
            {
                // Another package of the case took the number in the meantime: the next one is this one's.
                db.ChangeTracker.Clear();
            }
        }
    }

    private static byte[] Bytes(XDocument document) => System.Text.Encoding.UTF8.GetBytes(CaseXml.Text(document));
}
