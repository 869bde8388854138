namespace Hub.Cases.Files;

/// <summary>Upload limits beyond the per-question ones in the form definition.</summary>
internal static class UploadLimits
{
    /// <summary>Largest request of one step (all its files together); a form's files are at most 100 MB each.</summary>
    public const long RequestBytes = 110L * 1024 * 1024;

    /// <summary>A file question's default largest file (as in the form definition format).</summary>
    public const long DefaultFileBytes = 10L * 1024 * 1024;

    /// <summary>The file's own name without any folder, control characters or more than 255 characters.</summary>
    public static string CleanFileName(string? name)
    {
        var clean = new string(Path.GetFileName((name ?? "").Replace('\\', '/')).Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (clean.Length > 255)
        {
            var extension = Path.GetExtension(clean);
            clean = clean[..(255 - extension.Length)] + extension;
        }

        return clean.Length == 0 ? "fil" : clean;
    }
}
