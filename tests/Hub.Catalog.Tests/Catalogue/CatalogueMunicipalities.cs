using System.Text.Json.Nodes;
using Hub.Tenancy.Contracts;
using Hub.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Catalog.Tests.Catalogue;

/// <summary>Fresh municipalities for the catalogue's tests: the test accounts and a coordinator (a member of the council).</summary>
internal static class CatalogueMunicipalities
{
    public const string Coordinator = "samordnare";

    /// <summary>Provisions a municipality <c>{prefix}{random}</c> with <paramref name="services"/> published; returns its slug.</summary>
    public static async Task<string> CreateAsync(HubFixture fixture, string prefix, IReadOnlyList<string> services)
    {
        var slug = $"{prefix}{Guid.NewGuid().ToString("N")[..10]}";
        var recipe = JsonNode.Parse(TestRecipes.Municipality(slug, $"Testkommun {slug}", services: services))!;
        var users = recipe["steps"]!.AsArray().Single(s => (string?)s!["step"] == "users")!["users"]!.AsArray();
        users.Add(new JsonObject
        {
            ["userName"] = Coordinator, ["email"] = $"{Coordinator}@{slug}.example", ["roles"] = new JsonArray("Coordinator"), ["password"] = DemoAccounts.Password,
        });
        var result = await fixture.Services.GetRequiredService<ITenantProvisioner>().ApplyAsync(recipe.ToJsonString());
        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        return slug;
    }
}
