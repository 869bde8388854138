using Hub.Cases.Domain;

namespace Hub.Cases.Handling;

/// <summary>
/// Which cases an officer may see: every case, except that a confidential one is seen only by its assigned officer
/// and the members of its handling group. A confidential case whose group the municipality has not set up (or that
/// has none) is seen by every officer, so that someone can take it; the audit trail records each view.
/// </summary>
/// <param name="UserName">The officer.</param>
/// <param name="MyGroups">Keys of the groups the officer is a member of.</param>
/// <param name="AllGroups">Keys of every group the municipality has.</param>
internal sealed record OfficerScope(string UserName, IReadOnlyList<string> MyGroups, IReadOnlyList<string> AllGroups)
{
    public static async Task<OfficerScope> ForAsync(HandlingGroups groups, string userName, CancellationToken cancellationToken)
    {
        var all = await groups.ListAsync(cancellationToken);
        return new OfficerScope(userName,
            all.Where(g => g.Members.Any(m => m.UserName == userName)).Select(g => g.Key).ToList(),
            all.Select(g => g.Key).ToList());
    }

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
