using System.Text.Json;
using Hub.Forms.Contracts;

namespace Hub.Packages.Contracts;

/// <summary>The limits an untrusted package file is parsed within (by <see cref="JsonInput"/>, as a form definition is).</summary>
public static class PackageJsonInput
{
    /// <summary>Largest package accepted, in UTF-8 bytes (a form may be 1 MB; texts and workflow come on top).</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    /// <summary>Deepest nesting of objects and lists (the form's own limit, 32, applies inside <c>form</c>).</summary>
    public const int MaxDepth = 40;

    /// <summary>Longest string anywhere in a package; fields have their own, smaller limits.</summary>
    public const int MaxStringLength = 100_000;

    /// <summary>Longest list anywhere in a package; fields have their own, smaller limits.</summary>
    public const int MaxArrayLength = 2_000;

    public static readonly JsonInputLimits Limits = new(MaxBytes, MaxDepth, MaxStringLength, MaxArrayLength);

    public static JsonDocument? Parse(string json, List<FormProblem> problems) => JsonInput.Parse(json, Limits, problems);
}
