using Hub.Data;
using Hub.Identity.Contracts;
using Hub.Identity.Data;
using Hub.Identity.Domain;
using Hub.Tenancy.Contracts;
using Hub.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Identity.Tests.Data;

/// <summary>The data layer itself keeps tenants apart, whatever a page forgets to check.</summary>
public abstract class TenantDataGuardTests(HubFixture fixture) : TwoTenantTests(fixture)
{
    private async Task<StaffMember> OtherEditorAsync()
    {
        await using var scope = TenantScope(Other);
        return (await scope.ServiceProvider.GetRequiredService<IStaffDirectory>().ListAsync()).Single(m => m.UserName == DemoAccounts.Editor);
    }

    [Fact]
    public async Task Queries_see_only_the_current_tenants_rows()
    {
        var victim = await OtherEditorAsync();
        await using var scope = TenantScope(Own);
        var db = scope.ServiceProvider.GetRequiredService<StaffIdentityDbContext>();

        Assert.Null(await db.Users.FindAsync(victim.Id));
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByIdAsync(victim.Id.ToString()));
        Assert.All(await db.Users.ToListAsync(), u => Assert.NotEqual(victim.Id, u.Id));
    }

    [Fact]
    public async Task Writing_a_row_stamped_with_another_tenant_is_refused()
    {
        var otherTenant = Fixture.Services.GetRequiredService<ITenantDirectory>().FindBySlug(Other)!;
        await using var scope = TenantScope(Own);
        var db = scope.ServiceProvider.GetRequiredService<StaffIdentityDbContext>();
        db.Users.Add(new StaffUser { UserName = "planterad", NormalizedUserName = "PLANTERAD", TenantId = otherTenant.Id, SecurityStamp = "x" });

        await Assert.ThrowsAsync<CrossTenantWriteException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Moving_a_row_to_another_tenant_is_refused()
    {
        var otherTenant = Fixture.Services.GetRequiredService<ITenantDirectory>().FindBySlug(Other)!;
        await using var scope = TenantScope(Own);
        var db = scope.ServiceProvider.GetRequiredService<StaffIdentityDbContext>();
        var user = await db.Users.FirstAsync();
        user.TenantId = otherTenant.Id;

        await Assert.ThrowsAsync<CrossTenantWriteException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Writing_outside_any_tenant_is_refused()
    {
        await using var scope = Fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StaffIdentityDbContext>();
        db.Users.Add(new StaffUser { UserName = "hemlos", NormalizedUserName = "HEMLOS", SecurityStamp = "x" });

        Assert.Empty(await db.Users.ToListAsync());
        await Assert.ThrowsAsync<CrossTenantWriteException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task New_rows_are_stamped_with_the_current_tenant()
    {
        var ownTenant = Fixture.Services.GetRequiredService<ITenantDirectory>().FindBySlug(Own)!;
        await using var scope = TenantScope(Own);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser { UserName = "stampad", Email = "s@own.example", DisplayName = "Stämplad" };

        Assert.True((await users.CreateAsync(user)).Succeeded);

        Assert.Equal(ownTenant.Id, user.TenantId);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TenantDataGuardTests_Sqlite(SqliteHubFixture fixture) : TenantDataGuardTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class TenantDataGuardTests_Postgres(PostgresHubFixture fixture) : TenantDataGuardTests(fixture);
