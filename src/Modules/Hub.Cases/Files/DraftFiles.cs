using Hub.Abstractions;
using Hub.Cases.Data;
using Hub.Cases.Domain;
using Hub.Forms.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Hub.Cases.Files;

/// <summary>
/// The files a citizen attaches to a draft: the content on disk (<see cref="FileStore"/>) and its row, which says whose
/// it is. Rows are read and written through the tenant's query filter and write guard, so another tenant's file id
/// finds nothing. Only a step's POST needs this; its GET never opens the database for files.
/// </summary>
internal sealed class DraftFiles(CasesDbContext db, FileStore files, ITenantContext tenantContext)
{
    /// <summary>Stores checked content for the draft's file question and returns the answer's entry for it.</summary>
    public async Task<UploadedFile> AddAsync(Guid draftId, string elementKey, string fileName, string mediaType, Stream content, CancellationToken cancellationToken)
    {
        var tenantId = tenantContext.Tenant!.Id;
        var fileId = Guid.CreateVersion7();
        var (length, sha) = await files.SaveAsync(tenantId, fileId, content, cancellationToken);
        db.Files.Add(new StoredFile
        {
            Id = fileId, DraftId = draftId, ElementKey = elementKey, FileName = fileName, ContentType = mediaType,
            Length = length, Sha256 = sha, CreatedUtc = DateTime.UtcNow,
        });
        await db.SaveChangesAsync(cancellationToken);
        return new UploadedFile(fileId.ToString(), fileName, mediaType, length);
    }

    /// <summary>Removes one of the draft's files, row and content; a file of another draft or tenant is left alone.</summary>
    public async Task RemoveAsync(Guid draftId, Guid fileId, CancellationToken cancellationToken)
    {
        var row = await db.Files.SingleOrDefaultAsync(f => f.Id == fileId && f.DraftId == draftId, cancellationToken);
        if (row is not null)
        {
            db.Files.Remove(row);
            await db.SaveChangesAsync(cancellationToken);
            files.Delete(row.TenantId, row.Id);
        }
    }
}
