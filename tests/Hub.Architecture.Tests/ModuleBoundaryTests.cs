using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hub.Architecture.Tests;

/// <summary>Module boundaries (docs/architecture.md): only contracts are public, and no module reaches into another's data.</summary>
public sealed class ModuleBoundaryTests
{
    /// <summary>Feature modules; Hub.Abstractions and Hub.Data are the shared kernel every module may use.</summary>
    public static TheoryData<string> Modules => new() { "Hub.Tenancy", "Hub.Identity", "Hub.Forms", "Hub.Packages", "Hub.Search", "Hub.Integrations", "Hub.Catalog", "Hub.Cases", "Hub.Audit" };

    /// <summary>Modules architecture.md says have no database and no ASP.NET Core: plain code a tool or a test may use alone.</summary>
    public static TheoryData<string> PlainModules => new() { "Hub.Forms", "Hub.Packages" };

    private static readonly string[] ModuleNames = ["Hub.Tenancy", "Hub.Identity", "Hub.Forms", "Hub.Packages", "Hub.Search", "Hub.Integrations", "Hub.Catalog", "Hub.Cases", "Hub.Audit"];

    private static readonly string[] SharedKernel = ["Hub.Abstractions", "Hub.Data"];

    private static Assembly Load(string name) => Assembly.Load(name);

    [Theory]
    [MemberData(nameof(Modules))]
    public void Only_contracts_the_module_entry_and_page_models_are_public(string module)
    {
        var offenders = Load(module).GetExportedTypes()
            .Where(t => !(t.Namespace ?? "").StartsWith(module + ".Contracts", StringComparison.Ordinal))
            .Where(t => t.FullName != $"{module}.{module[4..]}Module")
            .Where(t => !typeof(PageModel).IsAssignableFrom(t))
            // EF Core's tooling generates migrations public; they hold no behaviour another module could call.
            .Where(t => !(t.Namespace ?? "").StartsWith(module + ".Data.Migrations", StringComparison.Ordinal))
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(offenders);
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_modules_DbContexts_are_internal_and_shown_only_to_its_own_tests_and_benchmarks(string module)
    {
        var assembly = Load(module);
        var contexts = assembly.GetTypes().Where(t => typeof(DbContext).IsAssignableFrom(t)).ToList();
        var friends = assembly.GetCustomAttributes<InternalsVisibleToAttribute>().Select(a => a.AssemblyName).ToList();

        Assert.All(contexts, c => Assert.False(c.IsVisible, $"{c.FullName} is public"));
        // Its own tests, and the benchmarks in bench/ (a harness that measures the module, as its tests check it; no module).
        Assert.All(friends, f => Assert.True(f == module + ".Tests" || f.StartsWith("Hub.Bench.", StringComparison.Ordinal), $"{f} sees {module}'s internals"));
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_module_depends_only_on_the_shared_kernel_and_other_modules_contracts(string module)
    {
        var references = Load(module).GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Hub.", StringComparison.Ordinal));
        Assert.All(references, r => Assert.True(SharedKernel.Contains(r) || ModuleNames.Contains(r), $"{module} references {r}"));

        // Another module is reached only through its contracts: its internals are not visible, and its public entry
        // (registration) and page models are the host's business, never another module's.
        foreach (var other in ModuleNames.Where(m => m != module))
        {
            var outsideContracts = Load(other).GetExportedTypes()
                .Where(t => !(t.Namespace ?? "").StartsWith(other + ".Contracts", StringComparison.Ordinal))
                .Select(t => t.FullName!)
                .ToArray();
            if (outsideContracts.Length == 0)
            {
                continue;
            }

            var result = NetArchTest.Rules.Types.InAssembly(Load(module)).Should().NotHaveDependencyOnAny(outsideContracts).GetResult();
            Assert.True(result.IsSuccessful, $"{module} uses {other} outside its contracts: {string.Join(", ", result.FailingTypeNames ?? [])}");
        }
    }

    [Theory]
    [MemberData(nameof(PlainModules))]
    public void A_plain_module_references_neither_ASP_NET_Core_nor_EF_Core(string module) =>
        Assert.Empty(WebOrDatabaseReferences(module));

    [Fact]
    public void The_check_sees_ASP_NET_Core_and_EF_Core_where_they_are_used()
    {
        // Without this the check above could pass because it looks at the wrong names.
        var references = WebOrDatabaseReferences("Hub.Catalog");
        Assert.Contains(references, r => r.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal));
        Assert.Contains(references, r => r.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
    }

    private static List<string> WebOrDatabaseReferences(string module) =>
        Load(module).GetReferencedAssemblies().Select(a => a.Name!)
            .Where(n => n.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal) || n.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal))
            .ToList();

    [Fact]
    public void The_theme_depends_only_on_the_abstractions()
    {
        var references = Load("Hub.Theme.Default").GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Hub.", StringComparison.Ordinal));

        Assert.All(references, r => Assert.Equal("Hub.Abstractions", r));
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Tenant_owned_rows_carry_a_tenant_id_filter(string module)
    {
        var assembly = Load(module);
        foreach (var contextType in assembly.GetTypes().Where(t => typeof(DbContext).IsAssignableFrom(t) && !t.IsAbstract && t.Name.StartsWith("Sqlite", StringComparison.Ordinal)))
        {
            var options = Hub.Data.HubDataModule.BuildOptions(Hub.Data.DatabaseProvider.Sqlite,
                new Microsoft.Data.Sqlite.SqliteConnection("Data Source=:memory:"), module);
            var parameters = contextType.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance).Single().GetParameters();
            using var context = (DbContext)Activator.CreateInstance(contextType, [options, .. parameters.Skip(1).Select(_ => (object?)null)])!;
            foreach (var entity in context.Model.GetEntityTypes().Where(e => typeof(Hub.Abstractions.ITenantOwned).IsAssignableFrom(e.ClrType)))
            {
                Assert.NotEmpty(entity.GetDeclaredQueryFilters());
            }
        }
    }
}
