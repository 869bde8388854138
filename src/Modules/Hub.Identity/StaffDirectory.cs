using Hub.Data;
using Hub.Identity.Contracts;
using Hub.Identity.Data;
using Microsoft.EntityFrameworkCore;

namespace Hub.Identity;

/// <summary>Reads the current tenant's staff; inside a unit of work (a timer's, say) it reads through that transaction.</summary>
internal sealed class StaffDirectory(StaffIdentityDbContext db, HubConnection connection) : IStaffDirectory
{
    public async Task<IReadOnlyList<StaffMember>> ListAsync(CancellationToken cancellationToken = default)
    {
        await connection.FollowAsync(db, cancellationToken);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var ids = users.Select(u => u.Id).ToList();
        var roles = await (from link in db.UserRoles
                           join role in db.Roles on link.RoleId equals role.Id
                           where ids.Contains(link.UserId)
                           select new { link.UserId, role.Name }).ToListAsync(cancellationToken);
        return [.. users.Select(u => new StaffMember(u.Id, u.UserName!, u.DisplayName,
            [.. roles.Where(r => r.UserId == u.Id).Select(r => r.Name!)], u.Email))];
    }
}
