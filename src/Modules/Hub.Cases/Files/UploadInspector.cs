namespace Hub.Cases.Files;

/// <summary>What an upload's content turned out to be: a media type when accepted, else the text key of the reason.</summary>
internal sealed record UploadVerdict(string? MediaType, string? ErrorKey);

/// <summary>Checks an upload's first bytes against its name and the question's accepted types.</summary>
internal static class UploadInspector
{
    public const int HeadLength = 4096;

    public static UploadVerdict Inspect(string fileName, ReadOnlySpan<byte> head, IReadOnlyList<string> accept) =>
        new(null, "Error.FileUnrecognised");
}
