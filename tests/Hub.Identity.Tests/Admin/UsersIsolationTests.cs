using System.Net;
using Hub.Abstractions;
using Hub.Identity.Contracts;
using Hub.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Identity.Tests.Admin;

/// <summary>A TenantAdmin manages their Own staff, and cannot see or touch another tenant's by editing URLs, ids or form fields.</summary>
public abstract class UsersIsolationTests(HubFixture fixture) : TwoTenantTests(fixture)
{
    private async Task<IReadOnlyList<StaffMember>> StaffAsync(string slug)
    {
        await using var scope = TenantScope(slug);
        return await scope.ServiceProvider.GetRequiredService<IStaffDirectory>().ListAsync();
    }

    [Fact]
    public async Task The_list_shows_only_the_tenants_own_staff()
    {
        using var client = await SignedInAsync(Own);
        var others = await StaffAsync(Other);

        var (status, html) = await client.GetStringAsync($"/{Own}/admin/anvandare");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"Admin {Own}", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"Admin {Other}", html, StringComparison.Ordinal);
        Assert.All(others, member => Assert.DoesNotContain(member.Id.ToString(), html, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_tenants_user_id_is_not_found_for_reading_editing_or_removing()
    {
        using var client = await SignedInAsync(Own);
        var victim = (await StaffAsync(Other)).Single(m => m.UserName == DemoAccounts.Editor);
        var (_, form) = await client.GetStringAsync($"/{Own}/admin/anvandare/ny");
        var token = HubClient.AntiforgeryToken(form);

        var (getStatus, _) = await client.GetStringAsync($"/{Own}/admin/anvandare/{victim.Id}");
        using var edit = await client.PostWithTokenAsync($"/{Own}/admin/anvandare/{victim.Id}", token,
            [new("Input.DisplayName", "Kapad"), new("Input.Email", "kapad@example.se"), new("Input.Roles", "TenantAdmin")]);
        using var delete = await client.PostWithTokenAsync($"/{Own}/admin/anvandare/{victim.Id}?handler=Delete", token, []);

        Assert.Equal(HttpStatusCode.NotFound, getStatus);
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        var after = (await StaffAsync(Other)).Single(m => m.Id == victim.Id);
        Assert.Equal(victim.DisplayName, after.DisplayName);
        Assert.Equal(victim.Roles, after.Roles);
    }

    [Fact]
    public async Task Another_tenants_users_page_asks_for_that_tenants_sign_in()
    {
        using var client = await SignedInAsync(Own);

        using var response = await client.GetAsync($"/{Other}/admin/anvandare");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith($"/{Other}/konto/logga-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_adds_a_user_who_can_then_sign_in_with_the_given_role()
    {
        using var client = await SignedInAsync(Own);

        using var created = await client.PostFormAsync($"/{Own}/admin/anvandare/ny",
            [new("Input.UserName", "eva.handlaggare"), new("Input.DisplayName", "Eva Handläggare"), new("Input.Email", "eva@own.example"),
             new("Input.Roles", HubRoles.CaseOfficer), new("Input.Password", "Ett-bra-lösen-1")]);
        using var person = Fixture.CreateClient();
        using var signIn = await person.SignInAsync(Own, "eva.handlaggare", "Ett-bra-lösen-1");

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var eva = (await StaffAsync(Own)).Single(m => m.UserName == "eva.handlaggare");
        Assert.Equal([HubRoles.CaseOfficer], eva.Roles);
        Assert.DoesNotContain(await StaffAsync(Other), m => m.UserName == "eva.handlaggare");
    }

    [Fact]
    public async Task The_same_user_name_may_exist_in_two_tenants()
    {
        Assert.Contains(await StaffAsync(Own), m => m.UserName == DemoAccounts.TenantAdmin);
        Assert.Contains(await StaffAsync(Other), m => m.UserName == DemoAccounts.TenantAdmin);
        using var client = await SignedInAsync(Own);

        using var duplicate = await client.PostFormAsync($"/{Own}/admin/anvandare/ny",
            [new("Input.UserName", DemoAccounts.Editor), new("Input.DisplayName", "Dubblett"), new("Input.Email", "d@own.example"),
             new("Input.Roles", HubRoles.Editor), new("Input.Password", DemoAccounts.Password)]);

        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        Assert.Contains("Användarnamnet används redan", await duplicate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_crafted_HubAdmin_role_is_never_granted_in_a_municipality()
    {
        using var client = await SignedInAsync(Own);
        var editor = (await StaffAsync(Own)).Single(m => m.UserName == DemoAccounts.Editor);

        using var created = await client.PostFormAsync($"/{Own}/admin/anvandare/ny",
            [new("Input.UserName", "maktlysten"), new("Input.DisplayName", "Makt"), new("Input.Email", "makt@own.example"),
             new("Input.Roles", HubRoles.HubAdmin), new("Input.Password", DemoAccounts.Password)]);
        using var edited = await client.PostFormAsync($"/{Own}/admin/anvandare/{editor.Id}",
            [new("Input.DisplayName", editor.DisplayName), new("Input.Email", "r@own.example"),
             new("Input.Roles", HubRoles.Editor), new("Input.Roles", HubRoles.HubAdmin)]);

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("Välj minst en roll", await created.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.All(await StaffAsync(Own), m => Assert.DoesNotContain(HubRoles.HubAdmin, m.Roles));
    }

    [Fact]
    public async Task A_weak_password_and_a_bad_email_are_explained_and_the_entries_kept()
    {
        using var client = await SignedInAsync(Own);

        using var response = await client.PostFormAsync($"/{Own}/admin/anvandare/ny",
            [new("Input.UserName", "ny.person"), new("Input.DisplayName", "Ny Person"), new("Input.Email", "inte-en-adress"),
             new("Input.Roles", HubRoles.Editor), new("Input.Password", "kort")]);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("href=\"#Input_Email\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_Password\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Ny Person\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(await StaffAsync(Own), m => m.UserName == "ny.person");
    }

    [Fact]
    public async Task The_last_admin_cannot_be_removed_or_locked_out()
    {
        using var client = await SignedInAsync(Own);
        var self = (await StaffAsync(Own)).Single(m => m.UserName == DemoAccounts.TenantAdmin);

        using var demote = await client.PostFormAsync($"/{Own}/admin/anvandare/{self.Id}",
            [new("Input.DisplayName", "Admin"), new("Input.Email", "a@own.example"), new("Input.Roles", HubRoles.Editor)]);
        using var delete = await client.PostFormAsync($"/{Own}/admin/anvandare/{self.Id}", [], $"/{Own}/admin/anvandare/{self.Id}?handler=Delete");

        Assert.Equal(HttpStatusCode.OK, demote.StatusCode);
        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        Assert.Contains(HubRoles.TenantAdmin, (await StaffAsync(Own)).Single(m => m.Id == self.Id).Roles);
    }

    [Fact]
    public async Task Locking_an_account_ends_its_open_session()
    {
        using var editor = await SignedInAsync(Own, DemoAccounts.Editor);
        var (before, _) = await editor.GetStringAsync($"/{Own}/admin");
        using var admin = await SignedInAsync(Own);
        var member = (await StaffAsync(Own)).Single(m => m.UserName == DemoAccounts.Editor);

        using var locked = await admin.PostFormAsync($"/{Own}/admin/anvandare/{member.Id}",
            [new("Input.DisplayName", member.DisplayName), new("Input.Email", "r@own.example"), new("Input.Roles", HubRoles.Editor), new("Input.Locked", "true")]);
        using var after = await editor.GetAsync($"/{Own}/admin");

        Assert.Equal(HttpStatusCode.OK, before);
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith($"/{Own}/konto/logga-in", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tenant_admin_of_the_hub_cannot_make_anyone_HubAdmin_nor_touch_a_HubAdmin()
    {
        var userName = "ta" + Guid.NewGuid().ToString("N")[..8];
        using var hubAdmin = Fixture.CreateClient();
        using var signIn = await hubAdmin.SignInAsync("hub", DemoAccounts.TenantAdmin, DemoAccounts.Password);
        using var created = await hubAdmin.PostFormAsync("/hub/admin/anvandare/ny",
            [new("Input.UserName", userName), new("Input.DisplayName", "Tenant Admin"), new("Input.Email", "ta@hub.example"),
             new("Input.Roles", HubRoles.TenantAdmin), new("Input.Password", DemoAccounts.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var hubStaff = await StaffAsync("hub");
        var self = hubStaff.Single(m => m.UserName == userName);
        var realHubAdmin = hubStaff.First(m => m.Roles.Contains(HubRoles.HubAdmin));
        using var client = Fixture.CreateClient();
        using var taSignIn = await client.SignInAsync("hub", userName, DemoAccounts.Password);

        using var escalate = await client.PostFormAsync($"/hub/admin/anvandare/{self.Id}",
            [new("Input.DisplayName", "Tenant Admin"), new("Input.Email", "ta@hub.example"),
             new("Input.Roles", HubRoles.TenantAdmin), new("Input.Roles", HubRoles.HubAdmin)]);
        var (touchHubAdmin, _) = await client.GetStringAsync($"/hub/admin/anvandare/{realHubAdmin.Id}");
        var (tenants, _) = await client.GetStringAsync("/hub/admin/kommuner");

        Assert.DoesNotContain(HubRoles.HubAdmin, (await StaffAsync("hub")).Single(m => m.Id == self.Id).Roles);
        Assert.Equal(HttpStatusCode.NotFound, touchHubAdmin);
        Assert.Equal(HttpStatusCode.Redirect, tenants);
    }

    [Fact]
    public async Task An_editor_cannot_manage_users()
    {
        using var client = Fixture.CreateClient();
        using var signIn = await client.SignInAsync(Own, DemoAccounts.Editor, DemoAccounts.Password);

        using var response = await client.GetAsync($"/{Own}/admin/anvandare");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith($"/{Own}/konto/atkomst-nekad", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class UsersIsolationTests_Sqlite(SqliteHubFixture fixture) : UsersIsolationTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class UsersIsolationTests_Postgres(PostgresHubFixture fixture) : UsersIsolationTests(fixture);
