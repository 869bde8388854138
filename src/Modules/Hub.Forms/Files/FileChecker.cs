using Hub.Forms.Answers;
using Hub.Forms.Contracts;

namespace Hub.Forms.Files;

/// <summary>See <see cref="FileContent.Check"/>.</summary>
internal static class FileChecker
{
    public static FileCheck Check(string fileName, ReadOnlySpan<byte> head, IReadOnlyList<string> accept)
    {
        var media = ContentSniffer.Sniff(head);
        var extension = Path.GetExtension(fileName.Trim()).ToLowerInvariant();

        // A name like "kvitto.html" is refused even when the bytes are harmless text: the name decides what opens it.
        if ((media is not null && MediaTypes.IsDangerous(media)) || FileTypes.RunsCode(extension))
        {
            return FileCheck.Refused(FileRefusal.Dangerous, media);
        }

        if (media is null)
        {
            return FileCheck.Refused(FileRefusal.Unrecognised);
        }

        if (!MediaTypes.Extensions.TryGetValue(media, out var extensions) || !extensions.Contains(extension))
        {
            return FileCheck.Refused(FileRefusal.ExtensionMismatch, media);
        }

        return FileTypes.Matches(accept, fileName.Trim(), media)
            ? FileCheck.Accepted(media)
            : FileCheck.Refused(FileRefusal.NotAccepted, media);
    }
}
