using Hub.Abstractions;
using Hub.Identity.Contracts;
using Hub.Tenancy.Contracts;
using Hub.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Tenancy.Tests.Recipes;

public abstract class RecipeTests(HubFixture fixture)
{
    private ITenantProvisioner Provisioner => fixture.Services.GetRequiredService<ITenantProvisioner>();

    private static string NewSlug() => "r" + Guid.NewGuid().ToString("N")[..12];

    private async Task<IReadOnlyList<RecipeProblem>> RefusedAsync(string json)
    {
        var result = await Provisioner.ApplyAsync(json);
        Assert.False(result.Succeeded);
        Assert.NotEmpty(result.Problems);
        return result.Problems;
    }

    [Fact]
    public async Task A_valid_recipe_creates_the_tenant_with_its_settings_features_and_staff()
    {
        var slug = NewSlug();

        var result = await Provisioner.ApplyAsync(TestRecipes.Municipality(slug, "Receptkommun"));

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        var tenant = fixture.Services.GetRequiredService<ITenantDirectory>().FindBySlug(slug)!;
        Assert.Equal("Receptkommun", tenant.Settings.DisplayName);
        Assert.True(tenant.HasFeature(TenancyModule.ContactPageFeature));
        Assert.Equal(5, await StaffCountAsync(slug)); // one per role, two case officers
    }

    [Fact]
    public async Task Applying_the_same_recipe_again_changes_nothing()
    {
        var slug = NewSlug();
        var json = TestRecipes.Municipality(slug, "Igenkommun");
        Assert.True((await Provisioner.ApplyAsync(json)).Succeeded);
        var first = fixture.Services.GetRequiredService<ITenantDirectory>().FindBySlug(slug)!;

        var again = await Provisioner.ApplyAsync(json);

        Assert.True(again.Succeeded, string.Join("; ", again.Problems));
        Assert.Equal(first.Id, again.Tenant!.Id);
        Assert.Equal(first.Settings, again.Tenant.Settings with { Languages = first.Settings.Languages });
        Assert.Equal(first.Settings.Languages, again.Tenant.Settings.Languages);
        Assert.Equal(first.EnabledFeatures.Order(), again.Tenant.EnabledFeatures.Order());
        Assert.Equal(5, await StaffCountAsync(slug)); // one per role, two case officers
    }

    [Fact]
    public async Task Wrong_types_are_named_with_their_path()
    {
        var problems = await RefusedAsync("""{ "name": "x", "steps": [ { "step": "tenant", "slug": 42, "settings": { "displayName": "X" } } ] }""");

        var problem = Assert.Single(problems);
        Assert.Equal("steps[0].slug", problem.Path);
        Assert.Contains("text", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_step_is_named_with_the_known_ones()
    {
        var slug = NewSlug();
        var problems = await RefusedAsync($$"""
            { "name": "x", "steps": [
              { "step": "tenant", "slug": "{{slug}}", "settings": { "displayName": "X" } },
              { "step": "bogus" } ] }
            """);

        var problem = Assert.Single(problems);
        Assert.Equal("steps[1].step", problem.Path);
        Assert.Contains("unknown step 'bogus'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("users", problem.Message, StringComparison.Ordinal);
        Assert.Null(fixture.Services.GetRequiredService<ITenantDirectory>().FindBySlug(slug));
    }

    [Fact]
    public async Task Missing_fields_are_named()
    {
        var problems = await RefusedAsync($$"""
            { "steps": [
              { "step": "tenant", "slug": "{{NewSlug()}}", "settings": { "displayName": "X" } },
              { "step": "users", "users": [ { "userName": "anna", "roles": ["Editor"] } ] } ] }
            """);

        Assert.Contains(problems, p => p.Path == "name");
        Assert.Contains(problems, p => p.Path.StartsWith("steps[1]", StringComparison.Ordinal) && p.Message.Contains("email", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{ "name": "x" }""", "steps")]
    [InlineData("""{ "name": "x", "steps": [] }""", "steps[0]")]
    [InlineData("""{ "name": "x", "steps": [ { "step": "features", "enable": [] } ] }""", "steps[0]")]
    [InlineData("""[1, 2]""", "$")]
    [InlineData("""{ "name": "x", "steps": [ { "step": "tenant" """, "$")]
    [InlineData("""{ "name": "x", "name": "y", "steps": [] }""", "$")]
    [InlineData("""{ "name": "x", "steps": [ { "step": "tenant", "slug": "nullhost", "hostNames": [null], "settings": { "displayName": "X" } } ] }""", "steps[0].hostNames[0]")]
    [InlineData("""{ "name": "x", "steps": [ { "step": "tenant", "Slug": "versaler", "settings": { "displayName": "X" } } ] }""", "steps[0].Slug")]
    [InlineData("""{ "name": "x", "colour": "red", "steps": [] }""", "colour")]
    public async Task Malformed_recipes_are_refused_with_the_problem_named(string json, string path)
    {
        var problems = await RefusedAsync(json);

        Assert.Contains(problems, p => p.Path == path);
    }

    [Fact]
    public async Task A_property_named_twice_is_refused_in_words()
    {
        var problem = Assert.Single(await RefusedAsync("""{ "name": "x", "name": "y", "steps": [] }"""));

        Assert.StartsWith("is not valid JSON", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("line )", problem.Message, StringComparison.Ordinal);
        Assert.Contains("name", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_tenant_is_not_allowed_to_overwrite_an_existing_one()
    {
        var slug = NewSlug();
        Assert.True((await Provisioner.ApplyAsync(TestRecipes.Municipality(slug, "Första"))).Succeeded);

        var result = await Provisioner.ApplyAsync(TestRecipes.Municipality(slug, "Andra"), new TenantRecipeOverrides(null, null, MustBeNew: true));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.Path == "steps[0].slug");
        Assert.Equal("Första", fixture.Services.GetRequiredService<ITenantDirectory>().FindBySlug(slug)!.Settings.DisplayName);
    }

    [Fact]
    public async Task An_unknown_property_in_a_step_is_refused()
    {
        var problems = await RefusedAsync($$"""
            { "name": "x", "steps": [ { "step": "tenant", "slug": "{{NewSlug()}}", "sluggo": 1, "settings": { "displayName": "X" } } ] }
            """);

        Assert.Contains(problems, p => p.Path == "steps[0].sluggo");
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("Tyreso")]
    [InlineData("a")]
    [InlineData("../etc")]
    public async Task Reserved_or_malformed_slugs_are_refused(string slug)
    {
        var problems = await RefusedAsync($$"""{ "name": "x", "steps": [ { "step": "tenant", "slug": "{{slug}}", "settings": { "displayName": "X" } } ] }""");

        Assert.Contains(problems, p => p.Path == "steps[0].slug");
    }

    [Fact]
    public async Task Colours_without_enough_contrast_are_refused_with_the_ratio()
    {
        var problems = await RefusedAsync(TestRecipes.Municipality(NewSlug(), "Blek", primaryColor: "#dddddd", primaryTextColor: "#ffffff"));

        var problem = Assert.Single(problems);
        Assert.Equal("steps[0].settings.primaryTextColor", problem.Path);
        Assert.Contains("4.5:1", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HubAdmin_cannot_be_granted_in_a_municipality()
    {
        var json = TestRecipes.Municipality(NewSlug(), "Maktkommun").Replace("\"roles\": [\"Editor\"]", "\"roles\": [\"HubAdmin\"]", StringComparison.Ordinal);

        var problems = await RefusedAsync(json);

        Assert.Contains(problems, p => p.Path == "steps[2].users[2].roles[0]" && p.Message.Contains("hub", StringComparison.Ordinal));
    }

    [Fact]
    public void The_schema_checked_at_run_time_is_the_published_file()
    {
        using var stream = typeof(Hub.Tenancy.Recipes.TenantRecipeStep).Assembly.GetManifestResourceStream("recipe.schema.json")!;
        using var reader = new StreamReader(stream);
        Assert.Equal(File.ReadAllText(Path.Combine(HubAppFactory.RepositoryRoot, "docs", "recipe.schema.json")), reader.ReadToEnd());
    }

    [Fact]
    public async Task A_password_the_published_schema_refuses_is_named_before_anything_is_applied()
    {
        var slug = NewSlug();
        var json = TestRecipes.Municipality(slug, "Kortkommun").Replace("\"Hub-demo-2026\"", "\"kort\"", StringComparison.Ordinal);

        var problems = await RefusedAsync(json);

        Assert.Contains(problems, p => p.Path.EndsWith(".password", StringComparison.Ordinal)
            && p.Message.Contains("recipe.schema.json", StringComparison.Ordinal) && p.Message.Contains("minLength", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Message.Contains("nothing was changed", StringComparison.Ordinal));
        Assert.Null(fixture.Services.GetRequiredService<ITenantDirectory>().FindBySlug(slug));
    }

    [Fact]
    public async Task A_failure_while_applying_leaves_nothing_half_applied()
    {
        var slug = NewSlug();
        // Valid as a file (schema and readers), but the catalogue step finds no such published service only while it
        // runs, after the tenant, its features and its accounts were written in the same transaction.
        var recipe = System.Text.Json.Nodes.JsonNode.Parse(TestRecipes.Municipality(slug, "Halvkommun"))!;
        recipe["steps"]!.AsArray().Add(System.Text.Json.Nodes.JsonNode.Parse("""
            { "step": "catalogue", "packages": [ { "service": "finns-inte", "description": "Finns inte.", "origin": "own",
              "legalBasis": "Kommunallagen", "maturity": "pilot", "contactName": "Anna", "contactEmail": "anna@example.se" } ] }
            """));

        var problems = await RefusedAsync(recipe.ToJsonString());

        Assert.Contains(problems, p => p.Message.Contains("nothing was changed", StringComparison.Ordinal) && p.Message.Contains("finns-inte", StringComparison.Ordinal));
        Assert.Null(fixture.Services.GetRequiredService<ITenantDirectory>().FindBySlug(slug));
        await fixture.Services.GetRequiredService<ITenantDirectory>().RefreshAsync();
        Assert.Null(fixture.Services.GetRequiredService<ITenantDirectory>().FindBySlug(slug));
    }

    private async Task<int> StaffCountAsync(string slug)
    {
        await using var scope = fixture.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(slug);
        return (await scope.ServiceProvider.GetRequiredService<IStaffDirectory>().ListAsync()).Count;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RecipeTests_Sqlite(SqliteHubFixture fixture) : RecipeTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class RecipeTests_Postgres(PostgresHubFixture fixture) : RecipeTests(fixture);
