using Hub.Forms.Contracts;

namespace Hub.Forms.Tests;

public sealed class ModuleBoundaryTests
{
    [Fact]
    public void Only_contracts_are_public()
    {
        var offenders = typeof(FormDefinition).Assembly.GetExportedTypes()
            .Where(t => t.Namespace != "Hub.Forms.Contracts")
            .Select(t => t.FullName);

        Assert.Empty(offenders);
    }

    [Fact]
    public void The_module_depends_on_no_other_hub_assembly() =>
        Assert.DoesNotContain(typeof(FormDefinition).Assembly.GetReferencedAssemblies(), a => a.Name!.StartsWith("Hub.", StringComparison.Ordinal));
}
