using System.Net;
using Hub.Data;
using Hub.Tenancy.Contracts;
using Hub.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Tenancy.Tests.Recipes;

/// <summary>Outside Development no recipe file carries a password; the hub's first admin gets one from configuration.</summary>
public sealed class ProductionRecipeTests : IAsyncLifetime
{
    private const string BootstrapPassword = "Start-losen-2026";
    private TestDatabase database = null!;
    private HubAppFactory factory = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        factory = new HubAppFactory(database, "Production", ["hub.recipe.json"],
            new Dictionary<string, string> { ["Hub:Bootstrap:HubAdminPassword"] = BootstrapPassword });
        _ = factory.BaseAddress;
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await database.DisposeAsync();
    }

    private ITenantProvisioner Provisioner => factory.Services.GetRequiredService<ITenantProvisioner>();

    [Fact]
    public async Task Production_starts_with_only_the_hub_and_its_admin_signs_in_with_the_configured_password()
    {
        using var client = new HubClient(factory.BaseAddress);

        var (_, html) = await client.GetStringAsync("/");
        using var demo = await client.SignInAsync("hub", DemoAccounts.TenantAdmin, DemoAccounts.Password);
        using var bootstrap = await client.SignInAsync("hub", DemoAccounts.TenantAdmin, BootstrapPassword);

        Assert.DoesNotContain("/tyreso/", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, demo.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, bootstrap.StatusCode);
    }

    [Fact]
    public async Task A_recipe_file_with_a_password_is_refused()
    {
        var slug = "p" + Guid.NewGuid().ToString("N")[..10];

        var result = await Provisioner.ApplyAsync(TestRecipes.Municipality(slug, "Produktionskommun"));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.Path == "steps[2].users[0].password" && p.Message.Contains("Development", StringComparison.Ordinal));
        Assert.Null(factory.Services.GetRequiredService<ITenantDirectory>().FindBySlug(slug));
    }

    [Fact]
    public async Task A_hub_admin_creates_a_municipality_with_its_first_admin()
    {
        var slug = "p" + Guid.NewGuid().ToString("N")[..10];
        using var client = new HubClient(factory.BaseAddress);
        using var signIn = await client.SignInAsync("hub", DemoAccounts.TenantAdmin, BootstrapPassword);

        using var created = await client.PostFormAsync("/hub/admin/kommuner/ny",
            [new("Slug", slug), new("DisplayName", "Produktionskommun"), new("Recipe", "municipality.recipe.json"),
             new("AdminUserName", "forsta"), new("AdminEmail", "forsta@prod.example"), new("AdminPassword", "Forsta-losen-2026")]);
        using var admin = new HubClient(factory.BaseAddress);
        using var adminSignIn = await admin.SignInAsync(slug, "forsta", "Forsta-losen-2026");

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, adminSignIn.StatusCode);
    }

    [Fact]
    public async Task A_pasted_recipe_may_set_passwords_but_a_template_file_may_not()
    {
        var slug = "p" + Guid.NewGuid().ToString("N")[..10];

        var file = await Provisioner.ApplyAsync(TestRecipes.Municipality(slug, "Fil"), null, RecipeOrigin.File);
        var pasted = await Provisioner.ApplyAsync(TestRecipes.Municipality(slug, "Inklistrad"), null, RecipeOrigin.AdminForm);

        Assert.False(file.Succeeded);
        Assert.True(pasted.Succeeded, string.Join("; ", pasted.Problems));
    }

    [Fact]
    public async Task A_failing_first_admin_leaves_no_municipality_behind()
    {
        var slug = "p" + Guid.NewGuid().ToString("N")[..10];
        using var client = new HubClient(factory.BaseAddress);
        using var signIn = await client.SignInAsync("hub", DemoAccounts.TenantAdmin, BootstrapPassword);

        // Long enough for the form, but without a digit the password policy refuses it while the recipe runs.
        using var refused = await client.PostFormAsync("/hub/admin/kommuner/ny",
            [new("Slug", slug), new("DisplayName", "Halvfärdig"), new("Recipe", "municipality.recipe.json"),
             new("AdminUserName", "forsta"), new("AdminEmail", "forsta@prod.example"), new("AdminPassword", "utan-siffror-alls")]);
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("nothing was changed", html, StringComparison.Ordinal);
        Assert.Null(factory.Services.GetRequiredService<ITenantDirectory>().FindBySlug(slug));
    }
}
