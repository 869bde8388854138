namespace Hub.Cases.Intake;

/// <summary><c>Hub:Cases</c>: how long unfinished applications are kept.</summary>
internal sealed class CasesOptions
{
    /// <summary>Days a logged-in citizen's draft is kept after its last change (default 30).</summary>
    public int DraftRetentionDays { get; set; } = 30;

    /// <summary>Hours an anonymous draft is kept after its last change (default 24).</summary>
    public int AnonymousDraftRetentionHours { get; set; } = 24;

    /// <summary>How often expired drafts and files no case kept are removed (default one hour).</summary>
    public TimeSpan DraftSweepInterval { get; set; } = TimeSpan.FromHours(1);
}
