using Hub.Abstractions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;

namespace Hub.Web.Pages;

/// <summary>
/// <c>/{tenant}/api/v1</c>: the API's reference for people, read from the same endpoint descriptions the OpenAPI
/// document is generated from, so it cannot drift from what the hub serves.
/// </summary>
public sealed class ApiReferenceModel(IApiDescriptionGroupCollectionProvider descriptions) : PageModel
{
    public IReadOnlyList<Operation> Operations { get; private set; } = [];

    public void OnGet()
    {
        Operations = [.. descriptions.ApiDescriptionGroups.Items.SelectMany(g => g.Items)
            .Where(d => d.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true)
            .Select(d => new Operation(
                d.HttpMethod ?? "GET",
                "/" + d.RelativePath,
                d.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName ?? "",
                d.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Select(a => ApiScopes.OfPolicy(a.Policy)).OfType<string>().FirstOrDefault(),
                [.. d.ParameterDescriptions.Where(p => p.Source == BindingSource.Query).Select(p => p.Name)]))
            .Where(o => o.Name.Length > 0)
            .OrderBy(o => o.Path, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal)];
    }

    /// <summary>One endpoint: its method, path, name (its text key), scope and query parameters.</summary>
    public sealed record Operation(string Method, string Path, string Name, string? Scope, IReadOnlyList<string> Query);
}
