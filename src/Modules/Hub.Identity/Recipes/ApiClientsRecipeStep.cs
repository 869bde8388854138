using System.Text.Json;
using System.Text.RegularExpressions;
using Hub.Abstractions;
using Hub.Audit.Contracts;
using Hub.Identity.ApiClients;
using Hub.Identity.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Identity.Recipes;

/// <summary>
/// The <c>apiClients</c> step: the demo's business systems with a known id and secret, so a developer can call the API
/// at once (README). Secrets are accepted only in Development, like passwords; elsewhere a TenantAdmin adds clients
/// on the admin page and sees the secret once. A client that exists already is left as it is.
/// </summary>
internal sealed partial class ApiClientsRecipeStep(TimeProvider clock) : IRecipeStepHandler
{
    public string StepName => "apiClients";

    public void Validate(RecipeStep step, RecipeValidation validation)
    {
        var dto = RecipeJson.Read<ApiClientsStepDto>(step, validation);
        if (dto is null)
        {
            return;
        }

        for (var i = 0; i < dto.Clients.Count; i++)
        {
            var client = dto.Clients[i];
            var path = $"{step.Path}.clients[{i}]";
            if (!ClientIdPattern().IsMatch(client.ClientId) || (validation.TenantSlug is { } slug && !client.ClientId.StartsWith(slug + "-", StringComparison.Ordinal)))
            {
                validation.Add(path + ".clientId", $"'{client.ClientId}' must be the tenant's slug, a hyphen and lower-case letters, digits or hyphens (at most 80)");
            }

            if (string.IsNullOrWhiteSpace(client.Name) || client.Name.Length > ApiClient.NameMaxLength)
            {
                validation.Add(path + ".name", $"must be 1–{ApiClient.NameMaxLength} characters");
            }

            if (client.Scopes.Count == 0 || client.Scopes.Any(s => !ApiScopes.All.Contains(s)))
            {
                validation.Add(path + ".scopes", $"must name at least one scope of: {string.Join(", ", ApiScopes.All)}");
            }

            if (!validation.AllowPasswords)
            {
                validation.Add(path + ".secret", "recipe files carry API secrets only in Development; a TenantAdmin adds clients on the admin page");
            }
            else if (client.Secret.Length < 16)
            {
                validation.Add(path + ".secret", "must have at least 16 characters");
            }
        }
    }

    public async Task ExecuteAsync(RecipeStep step, RecipeExecution execution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(execution);
        var dto = step.Json.Deserialize<ApiClientsStepDto>(RecipeJson.Options)!;
        var db = execution.Services.GetRequiredService<StaffIdentityDbContext>();
        await execution.EnlistAsync(db);
        var audit = execution.Services.GetRequiredService<IAuditTrail>();
        foreach (var entry in dto.Clients)
        {
            if (await db.ApiClients.AnyAsync(c => c.ClientId == entry.ClientId, cancellationToken))
            {
                continue;
            }

            var client = ApiClient.CreateKnown(entry.ClientId, entry.Name.Trim(), entry.Scopes, entry.Secret, "recipe", clock.GetUtcNow().UtcDateTime);
            db.ApiClients.Add(client);
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(new AuditEntry("api-client.created", "api-client", client.ClientId, "recipe", $"{{\"scopes\":\"{client.Scopes}\"}}"), cancellationToken);
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{2,79}$")]
    private static partial Regex ClientIdPattern();

    private sealed class ApiClientsStepDto
    {
        public required string Step { get; init; }

        public required List<ClientDto> Clients { get; init; }
    }

    private sealed class ClientDto
    {
        public required string ClientId { get; init; }

        public required string Name { get; init; }

        public required List<string> Scopes { get; init; }

        public required string Secret { get; init; }
    }
}
