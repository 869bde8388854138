using System.Security.Cryptography;
using Hub.Abstractions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Hub.Cases.Files;

/// <summary>
/// Uploaded files on disk, outside the web root: <c>{Hub:Files:Root}/{tenant id}/{file id}</c> (default
/// <c>App_Data/files</c>). Only their rows say who may read them; the files are never served as static content.
/// </summary>
internal sealed class FileStore(IConfiguration configuration, IHostEnvironment environment)
{
    private readonly string root = Path.GetFullPath(configuration["Hub:Files:Root"] ?? Path.Combine(environment.ContentRootPath, "App_Data", "files"));

    /// <summary>Writes the content to a temporary name, then moves it into place; returns its length and SHA-256.</summary>
    public async Task<(long Length, string Sha256)> SaveAsync(Guid tenantId, Guid fileId, Stream content, CancellationToken cancellationToken)
    {
        var path = PathFor(tenantId, fileId);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".part";
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long length = 0;
        await using (var target = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                length += read;
            }

            await target.FlushAsync(cancellationToken);
            target.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
        return (length, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    public Stream Open(Guid tenantId, Guid fileId) =>
        new FileStream(PathFor(tenantId, fileId), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    public void Delete(Guid tenantId, Guid fileId)
    {
        var path = PathFor(tenantId, fileId);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private string PathFor(Guid tenantId, Guid fileId) => Path.Combine(root, tenantId.ToString("N"), fileId.ToString("N"));
}
