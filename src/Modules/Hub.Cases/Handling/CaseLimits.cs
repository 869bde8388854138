namespace Hub.Cases.Handling;

/// <summary>Bounds on what officers and citizens write on a case.</summary>
internal static class CaseLimits
{
    /// <summary>A message, note or decision: at most this many characters.</summary>
    public const int MessageLength = 10_000;
}
