namespace Hub.Architecture.Tests;

/// <summary>
/// A page, endpoint or service gets what it needs through its constructor or handler parameters, so that a use case
/// reads in one place and its dependencies are visible. <c>HttpContext.RequestServices</c> is read only by the
/// framework adapters listed here, whose extension point hands them nothing but the <c>HttpContext</c>.
/// </summary>
public sealed class ServiceLocationTests
{
    /// <summary>Types allowed to read RequestServices, and why.</summary>
    private static readonly Dictionary<string, string> Adapters = new(StringComparer.Ordinal)
    {
        // ICookieManager: the cookie's name carries the tenant, and the manager is created once per scheme.
        ["Hub.Identity.Security.TenantCookieManager"] = "ICookieManager",
        // RequestCultureProvider: a singleton the localization middleware calls with the request only.
        ["Hub.Web.TenantCultureProvider"] = "RequestCultureProvider",
    };

    [Theory]
    [MemberData(nameof(RawSqlTests.Assemblies), MemberType = typeof(RawSqlTests))]
    public void Only_framework_adapters_read_RequestServices(string assembly) =>
        Assert.Empty(RequestServicesReads(assembly).Where(r => !Adapters.ContainsKey(r.Type)).Select(r => r.ToString()));

    [Fact]
    public void The_check_sees_the_adapters_it_allows()
    {
        // Without this the scan could find nothing because it looks in the wrong place.
        Assert.Contains(RequestServicesReads("Hub.Identity"), r => r.Type == "Hub.Identity.Security.TenantCookieManager");
        Assert.Contains(RequestServicesReads("Hub.Web"), r => r.Type == "Hub.Web.TenantCultureProvider");
    }

    private sealed record Read(string Type, string Method)
    {
        public override string ToString() => $"{Type}.{Method} reads HttpContext.RequestServices";
    }

    private static List<Read> RequestServicesReads(string assembly) =>
        IlScan.Calls(assembly, target => target is { Name: "get_RequestServices", DeclaringType.FullName: "Microsoft.AspNetCore.Http.HttpContext" })
            .Select(call => new Read(call.OuterType.FullName, call.Method.Name)).Distinct().ToList();
}
