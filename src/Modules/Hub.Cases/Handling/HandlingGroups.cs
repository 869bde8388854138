using System.Text.RegularExpressions;
using Hub.Cases.Data;
using Hub.Cases.Domain;
using Hub.Identity.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Hub.Cases.Handling;

/// <summary>What a handling group should look like; <see cref="HandlingGroups.Check"/> says what is wrong with it.</summary>
/// <param name="Key">The key routing rules name.</param>
/// <param name="Name">The name people see.</param>
/// <param name="Members">User names of its members.</param>
/// <param name="Lead">One of the members, or null.</param>
internal sealed record GroupInput(string Key, string Name, IReadOnlyList<string> Members, string? Lead);

/// <summary>The current tenant's handling groups: who works on a routed case and who hears when it is overdue.</summary>
internal sealed partial class HandlingGroups(CasesDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<HandlingGroup>> ListAsync(CancellationToken cancellationToken) =>
        await db.Groups.AsNoTracking().Include(g => g.Members).OrderBy(g => g.Name).ToListAsync(cancellationToken);

    public Task<HandlingGroup?> FindAsync(string key, CancellationToken cancellationToken) =>
        db.Groups.Include(g => g.Members).SingleOrDefaultAsync(g => g.Key == key, cancellationToken);

    /// <summary>Those of <paramref name="people"/> who are members of <paramref name="group"/>.</summary>
    public static IEnumerable<StaffMember> MembersOf(HandlingGroup group, IEnumerable<StaffMember> people) =>
        people.Where(p => group.Members.Any(m => m.UserName == p.UserName));

    /// <summary>Where to mail <paramref name="people"/>: each address once, people without one left out.</summary>
    public static IReadOnlyList<string> Addresses(IEnumerable<StaffMember> people) =>
        people.Select(p => p.Email).OfType<string>().Where(e => e.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>Problems with a group as (field, problem code); empty when it can be saved.</summary>
    public static IEnumerable<(string Field, string Problem)> Check(GroupInput input, IReadOnlySet<string> officers)
    {
        if (!KeyPattern().IsMatch(input.Key))
        {
            yield return ("Key", "KeyInvalid");
        }

        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > 200)
        {
            yield return ("Name", "NameInvalid");
        }

        if (input.Members.Any(m => !officers.Contains(m)))
        {
            yield return ("Members", "MemberNotOfficer");
        }

        if (input.Lead is not null && !input.Members.Contains(input.Lead))
        {
            yield return ("Lead", "LeadNotMember");
        }
    }

    /// <summary>Creates the group or replaces its name, members and lead (the caller checked it).</summary>
    public async Task SaveAsync(GroupInput input, CancellationToken cancellationToken)
    {
        var group = await FindAsync(input.Key, cancellationToken);
        if (group is null)
        {
            group = new HandlingGroup { Id = Guid.CreateVersion7(), Key = input.Key, Name = input.Name.Trim() };
            db.Groups.Add(group);
        }

        group.Name = input.Name.Trim();
        group.Lead = input.Lead;
        group.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        group.Members.RemoveAll(m => !input.Members.Contains(m.UserName));
        foreach (var userName in input.Members.Distinct(StringComparer.Ordinal).Where(u => group.Members.All(m => m.UserName != u)))
        {
            group.Members.Add(new HandlingGroupMember { GroupId = group.Id, UserName = userName });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,63}$")]
    public static partial Regex KeyPattern();
}
