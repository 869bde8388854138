using System.Net;
using Hub.Abstractions;
using Hub.Identity.Contracts;
using Hub.Tenancy.Contracts;
using Hub.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Identity.Tests.Admin;

/// <summary>A TenantAdmin manages their own staff, and cannot see or touch another tenant's by editing URLs, ids or form fields.</summary>
public abstract class UsersIsolationTests(HubFixture fixture) : IAsyncLifetime
{
    private string own = "";
    private string other = "";

    public async Task InitializeAsync()
    {
        own = await fixture.CreateTenantAsync("own");
        other = await fixture.CreateTenantAsync("other");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<IReadOnlyList<StaffMember>> StaffAsync(string slug)
    {
        await using var scope = fixture.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(slug);
        return await scope.ServiceProvider.GetRequiredService<IStaffDirectory>().ListAsync();
    }

    private async Task<HubClient> SignedInAdminAsync()
    {
        var client = fixture.CreateClient();
        using var response = await client.SignInAsync(own, DemoAccounts.TenantAdmin, DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    [Fact]
    public async Task The_list_shows_only_the_tenants_own_staff()
    {
        using var client = await SignedInAdminAsync();
        var others = await StaffAsync(other);

        var (status, html) = await client.GetStringAsync($"/{own}/admin/anvandare");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"Admin {own}", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"Admin {other}", html, StringComparison.Ordinal);
        Assert.All(others, member => Assert.DoesNotContain(member.Id.ToString(), html, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_tenants_user_id_is_not_found_for_reading_editing_or_removing()
    {
        using var client = await SignedInAdminAsync();
        var victim = (await StaffAsync(other)).Single(m => m.UserName == DemoAccounts.Editor);
        var (_, form) = await client.GetStringAsync($"/{own}/admin/anvandare/ny");
        var token = HubClient.AntiforgeryToken(form);

        var (getStatus, _) = await client.GetStringAsync($"/{own}/admin/anvandare/{victim.Id}");
        using var edit = await client.PostWithTokenAsync($"/{own}/admin/anvandare/{victim.Id}", token,
            [new("Input.DisplayName", "Kapad"), new("Input.Email", "kapad@example.se"), new("Input.Roles", "TenantAdmin")]);
        using var delete = await client.PostWithTokenAsync($"/{own}/admin/anvandare/{victim.Id}?handler=Delete", token, []);

        Assert.Equal(HttpStatusCode.NotFound, getStatus);
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        var after = (await StaffAsync(other)).Single(m => m.Id == victim.Id);
        Assert.Equal(victim.DisplayName, after.DisplayName);
        Assert.Equal(victim.Roles, after.Roles);
    }

    [Fact]
    public async Task Another_tenants_users_page_asks_for_that_tenants_sign_in()
    {
        using var client = await SignedInAdminAsync();

        using var response = await client.GetAsync($"/{other}/admin/anvandare");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith($"/{other}/konto/logga-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_adds_a_user_who_can_then_sign_in_with_the_given_role()
    {
        using var client = await SignedInAdminAsync();

        using var created = await client.PostFormAsync($"/{own}/admin/anvandare/ny",
            [new("Input.UserName", "eva.handlaggare"), new("Input.DisplayName", "Eva Handläggare"), new("Input.Email", "eva@own.example"),
             new("Input.Roles", HubRoles.CaseOfficer), new("Input.Password", "Ett-bra-lösen-1")]);
        using var person = fixture.CreateClient();
        using var signIn = await person.SignInAsync(own, "eva.handlaggare", "Ett-bra-lösen-1");

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var eva = (await StaffAsync(own)).Single(m => m.UserName == "eva.handlaggare");
        Assert.Equal([HubRoles.CaseOfficer], eva.Roles);
        Assert.DoesNotContain(await StaffAsync(other), m => m.UserName == "eva.handlaggare");
    }

    [Fact]
    public async Task The_same_user_name_may_exist_in_two_tenants()
    {
        Assert.Contains(await StaffAsync(own), m => m.UserName == DemoAccounts.TenantAdmin);
        Assert.Contains(await StaffAsync(other), m => m.UserName == DemoAccounts.TenantAdmin);
        using var client = await SignedInAdminAsync();

        using var duplicate = await client.PostFormAsync($"/{own}/admin/anvandare/ny",
            [new("Input.UserName", DemoAccounts.Editor), new("Input.DisplayName", "Dubblett"), new("Input.Email", "d@own.example"),
             new("Input.Roles", HubRoles.Editor), new("Input.Password", DemoAccounts.Password)]);

        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        Assert.Contains("Användarnamnet används redan", await duplicate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_crafted_HubAdmin_role_is_never_granted_in_a_municipality()
    {
        using var client = await SignedInAdminAsync();
        var editor = (await StaffAsync(own)).Single(m => m.UserName == DemoAccounts.Editor);

        using var created = await client.PostFormAsync($"/{own}/admin/anvandare/ny",
            [new("Input.UserName", "maktlysten"), new("Input.DisplayName", "Makt"), new("Input.Email", "makt@own.example"),
             new("Input.Roles", HubRoles.HubAdmin), new("Input.Password", DemoAccounts.Password)]);
        using var edited = await client.PostFormAsync($"/{own}/admin/anvandare/{editor.Id}",
            [new("Input.DisplayName", editor.DisplayName), new("Input.Email", "r@own.example"),
             new("Input.Roles", HubRoles.Editor), new("Input.Roles", HubRoles.HubAdmin)]);

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("Välj minst en roll", await created.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.All(await StaffAsync(own), m => Assert.DoesNotContain(HubRoles.HubAdmin, m.Roles));
    }

    [Fact]
    public async Task A_weak_password_and_a_bad_email_are_explained_and_the_entries_kept()
    {
        using var client = await SignedInAdminAsync();

        using var response = await client.PostFormAsync($"/{own}/admin/anvandare/ny",
            [new("Input.UserName", "ny.person"), new("Input.DisplayName", "Ny Person"), new("Input.Email", "inte-en-adress"),
             new("Input.Roles", HubRoles.Editor), new("Input.Password", "kort")]);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("href=\"#Input_Email\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_Password\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Ny Person\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(await StaffAsync(own), m => m.UserName == "ny.person");
    }

    [Fact]
    public async Task The_last_admin_cannot_be_removed_or_locked_out()
    {
        using var client = await SignedInAdminAsync();
        var self = (await StaffAsync(own)).Single(m => m.UserName == DemoAccounts.TenantAdmin);

        using var demote = await client.PostFormAsync($"/{own}/admin/anvandare/{self.Id}",
            [new("Input.DisplayName", "Admin"), new("Input.Email", "a@own.example"), new("Input.Roles", HubRoles.Editor)]);
        using var delete = await client.PostFormAsync($"/{own}/admin/anvandare/{self.Id}", [], $"/{own}/admin/anvandare/{self.Id}?handler=Delete");

        Assert.Equal(HttpStatusCode.OK, demote.StatusCode);
        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        Assert.Contains(HubRoles.TenantAdmin, (await StaffAsync(own)).Single(m => m.Id == self.Id).Roles);
    }

    [Fact]
    public async Task An_editor_cannot_manage_users()
    {
        using var client = fixture.CreateClient();
        using var signIn = await client.SignInAsync(own, DemoAccounts.Editor, DemoAccounts.Password);

        using var response = await client.GetAsync($"/{own}/admin/anvandare");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith($"/{own}/konto/atkomst-nekad", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class UsersIsolationTests_Sqlite(SqliteHubFixture fixture) : UsersIsolationTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class UsersIsolationTests_Postgres(PostgresHubFixture fixture) : UsersIsolationTests(fixture);
