namespace Hub.Identity.Contracts;

/// <summary>The current tenant's staff, for modules that assign work to people (cases, reviews).</summary>
public interface IStaffDirectory
{
    /// <summary>Every staff account of the current tenant, by user name.</summary>
    Task<IReadOnlyList<StaffMember>> ListAsync(CancellationToken cancellationToken = default);
}

/// <summary>A staff account as other modules see it.</summary>
/// <param name="Id">The account's id.</param>
/// <param name="UserName">The user name.</param>
/// <param name="DisplayName">The person's name.</param>
/// <param name="Roles">The account's roles in its tenant.</param>
/// <param name="Email">The account's e-mail address, for work notifications (SLA reminders), if it has one.</param>
public sealed record StaffMember(Guid Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, string? Email = null);
