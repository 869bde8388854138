using System.Text.Json;
using Hub.Abstractions;
using Hub.Forms.Contracts;
using Hub.Packages.Contracts;

namespace Hub.Catalog.Packages;

/// <summary>
/// Packages as they enter the hub, checked by <see cref="ServicePackageJson"/>'s reader and then by the published
/// schema (which Hub.Packages, having no dependency on Hub.Abstractions, does not load).
/// </summary>
internal static class IncomingPackages
{
    /// <summary>The published schema, <c>docs/package.schema.json</c>, embedded as that file.</summary>
    public static PublishedSchema Schema { get; } = PublishedSchema.FromResource(typeof(IncomingPackages).Assembly, "package.schema.json");

    /// <summary>
    /// Reads a package as it enters the hub (an import, a recipe's service file, a publication from the studio, a merge
    /// or a contribution): the reader's checks, then the published schema, so that what is stored is always a package
    /// the schema accepts too. Content already stored is read with <see cref="ServicePackageJson.Read(string)"/>.
    /// </summary>
    public static (ServicePackage? Package, IReadOnlyList<FormProblem> Problems) Read(string json)
    {
        var (package, problems) = ServicePackageJson.Read(json);
        if (package is null)
        {
            return (null, problems);
        }

        using var document = JsonDocument.Parse(json);
        var refused = Schema.Check(document.RootElement);
        return refused.Count == 0 ? (package, problems) : (null, refused.Select(p => new FormProblem(p.Path, p.Message)).ToList());
    }
}
