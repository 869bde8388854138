using Hub.Cases.Domain;

namespace Hub.Cases.Handling;

/// <summary>
/// Which cases an officer may see: every case, except that a confidential one is seen only by its assigned officer
/// and the members of its handling group. A confidential case whose group the municipality has not set up (or that
/// has none) is seen by every officer, so that someone can take it; the audit trail records each view.
/// </summary>
/// <param name="UserName">The officer.</param>
/// <param name="Groups">Every group the municipality has (read once per request; pages name groups from it).</param>
internal sealed record OfficerScope(string UserName, IReadOnlyList<HandlingGroup> Groups)
{
    /// <summary>Keys of the groups the officer is a member of.</summary>
    public IReadOnlyList<string> MyGroups { get; } = [.. Groups.Where(g => g.Members.Any(m => m.UserName == UserName)).Select(g => g.Key)];

    /// <summary>Keys of every group the municipality has.</summary>
    public IReadOnlyList<string> AllGroups { get; } = [.. Groups.Select(g => g.Key)];

    public static async Task<OfficerScope> ForAsync(HandlingGroups groups, string userName, CancellationToken cancellationToken) =>
        new(userName, await groups.ListAsync(cancellationToken));

    /// <summary>The group's name, or its key when the municipality has no such group (yet).</summary>
    public string NameOf(string key) => Groups.FirstOrDefault(g => g.Key == key)?.Name ?? key;

    public bool CanSee(Case @case) =>
        !@case.Confidential || @case.AssignedTo == UserName || @case.HandlingGroup is null
        || MyGroups.Contains(@case.HandlingGroup) || !AllGroups.Contains(@case.HandlingGroup);

    /// <summary>The same rule as <see cref="CanSee"/>, for a database query.</summary>
    public IQueryable<Case> Filter(IQueryable<Case> cases)
    {
        var me = UserName;
        var mine = MyGroups;
        var all = AllGroups;
        return cases.Where(c => !c.Confidential || c.AssignedTo == me || c.HandlingGroup == null
            || mine.Contains(c.HandlingGroup) || !all.Contains(c.HandlingGroup));
    }
}
