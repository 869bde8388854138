using System.Text.Json;
using Hub.Abstractions;
using Hub.Cases.Data;
using Hub.Cases.Handling;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Cases.Recipes;

/// <summary>
/// The <c>handlingGroups</c> step: the municipality's handling groups (the keys routing rules name), their members
/// (staff user names, usually from the same recipe's <c>users</c> step) and lead. Re-running sets the same groups.
/// </summary>
internal sealed class HandlingGroupsRecipeStep : IRecipeStepHandler
{
    public string StepName => "handlingGroups";

    public void Validate(RecipeStep step, RecipeValidation validation)
    {
        var dto = RecipeJson.Read<HandlingGroupsStepDto>(step, validation);
        if (dto is null)
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < dto.Groups.Count; i++)
        {
            var path = $"{step.Path}.groups[{i}]";
            var group = dto.Groups[i];
            if (!HandlingGroups.KeyPattern().IsMatch(group.Key ?? ""))
            {
                validation.Add(path + ".key", $"'{group.Key}' is not a group key (lower-case letters, digits, hyphens; at most 64)");
            }
            else if (!seen.Add(group.Key!))
            {
                validation.Add(path + ".key", $"the group '{group.Key}' is listed twice");
            }

            if (string.IsNullOrWhiteSpace(group.Name) || group.Name.Length > 200)
            {
                validation.Add(path + ".name", "a group needs a name of at most 200 characters");
            }

            if (group.Lead is not null && !group.Members.Contains(group.Lead))
            {
                validation.Add(path + ".lead", $"the lead '{group.Lead}' is not one of the group's members");
            }
        }
    }

    public async Task ExecuteAsync(RecipeStep step, RecipeExecution execution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(execution);
        var dto = step.Json.Deserialize<HandlingGroupsStepDto>(RecipeJson.Options)!;
        await execution.EnlistAsync(execution.Services.GetRequiredService<CasesDbContext>());
        var groups = execution.Services.GetRequiredService<HandlingGroups>();
        foreach (var group in dto.Groups)
        {
            await groups.SaveAsync(new GroupInput(group.Key!, group.Name!, group.Members, group.Lead), cancellationToken);
        }
    }

    private sealed class HandlingGroupsStepDto
    {
        public required string Step { get; init; }

        public required List<GroupDto> Groups { get; init; }
    }

    private sealed class GroupDto
    {
        public string? Key { get; init; }

        public string? Name { get; init; }

        public List<string> Members { get; init; } = [];

        public string? Lead { get; init; }
    }
}
