using Hub.Data;
using Hub.Identity.Contracts;
using Hub.Identity.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Identity;

/// <summary>Reads the current tenant's staff; inside a unit of work (a timer's, say) it reads through that transaction.</summary>
internal sealed class StaffDirectory(IServiceProvider services, HubConnection connection) : IStaffDirectory
{
    private StaffIdentityDbContext? context;

    // Resolved on first use: services that may list staff (notifications) are created on requests that mostly do not.
    private StaffIdentityDbContext Db => context ??= services.GetRequiredService<StaffIdentityDbContext>();

    public async Task<IReadOnlyList<StaffMember>> ListAsync(CancellationToken cancellationToken = default)
    {
        await connection.FollowAsync(Db, cancellationToken);
        var users = await Db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var ids = users.Select(u => u.Id).ToList();
        var roles = await (from link in Db.UserRoles
                           join role in Db.Roles on link.RoleId equals role.Id
                           where ids.Contains(link.UserId)
                           select new { link.UserId, role.Name }).ToListAsync(cancellationToken);
        return [.. users.Select(u => new StaffMember(u.Id, u.UserName!, u.DisplayName,
            [.. roles.Where(r => r.UserId == u.Id).Select(r => r.Name!)], u.Email))];
    }
}
