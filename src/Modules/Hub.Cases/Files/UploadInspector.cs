using Hub.Forms.Contracts;

namespace Hub.Cases.Files;

/// <summary>What an upload's content turned out to be: a media type when accepted, else the text key of the reason.</summary>
internal sealed record UploadVerdict(string? MediaType, string? ErrorKey);

/// <summary>Checks an upload's first bytes against its name and the question's accepted types (never trusting either alone).</summary>
internal static class UploadInspector
{
    public const int HeadLength = FileContent.HeadLength;

    public static UploadVerdict Inspect(string fileName, ReadOnlySpan<byte> head, IReadOnlyList<string> accept)
    {
        var check = FileContent.Check(fileName, head, accept);
        return check.IsAccepted
            ? new UploadVerdict(check.MediaType, null)
            : new UploadVerdict(null, check.Refusal switch
            {
                FileRefusal.Dangerous => "Error.FileDangerous",
                FileRefusal.ExtensionMismatch => "Error.FileExtensionMismatch",
                FileRefusal.NotAccepted => "Error.FileNotAccepted",
                _ => "Error.FileUnrecognised",
            });
    }
}
