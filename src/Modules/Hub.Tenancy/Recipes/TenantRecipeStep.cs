using System.Text.RegularExpressions;
using Hub.Abstractions;
using Hub.Tenancy.Settings;

namespace Hub.Tenancy.Recipes;

/// <summary>The <c>tenant</c> step: slug, host names and settings. Always the first step; it creates the tenant the others act on.</summary>
internal sealed partial class TenantRecipeStep
{
    public const string Name = "tenant";

    /// <summary>Segments the hub itself uses at the root; a tenant may not take them.</summary>
    private static readonly HashSet<string> ReservedSlugs = new(StringComparer.OrdinalIgnoreCase)
    {
        "admin", "api", "css", "js", "lib", "fel", "sprak", "healthz", "readyz", "metrics", "konto", "_content", "_framework",
        "favicon.ico", "katalog", "static", "assets", "test-eid", "connect", ".well-known",
    };

    public static bool IsValidSlug(string? slug) =>
        slug is not null && SlugPattern().IsMatch(slug) && !ReservedSlugs.Contains(slug);

    public static TenantStepDto? Validate(RecipeStep step, RecipeValidation validation, TenantRecipeOverridesApplied overrides)
    {
        var dto = RecipeJson.Read<TenantStepDto>(step, validation);
        if (dto is null)
        {
            return null;
        }

        dto = overrides.Apply(dto);
        if (string.IsNullOrWhiteSpace(dto.Slug))
        {
            validation.Add(step.Path + ".slug", "is required");
        }
        else if (!IsValidSlug(dto.Slug))
        {
            validation.Add(step.Path + ".slug",
                $"'{dto.Slug}' must be 2–40 lower-case letters a–z, digits or hyphens, start with a letter, and not be a reserved word");
        }

        for (var i = 0; i < dto.HostNames.Count; i++)
        {
            if (!TenantSettingsValidator.IsHostName(dto.HostNames[i]))
            {
                validation.Add($"{step.Path}.hostNames[{i}]", $"'{dto.HostNames[i]}' is not a host name");
            }
        }

        if (dto.Settings is null)
        {
            validation.Add(step.Path + ".settings", "is required");
            return null;
        }

        foreach (var error in TenantSettingsValidator.Validate(dto.Settings.ToSettings()))
        {
            validation.Add($"{step.Path}.settings.{SettingsPath(error.Field)}", error.English);
        }

        return dto;
    }

    private static string SettingsPath(string field) => field switch
    {
        "contactEmail" => "contact.email",
        "contactPhone" => "contact.phone",
        "contactAddress" => "contact.address",
        "website" => "contact.website",
        _ => field,
    };

    [GeneratedRegex("^[a-z][a-z0-9-]{1,39}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}

internal sealed class TenantStepDto
{
    public required string Step { get; init; }

    public string? Slug { get; set; }

    public List<string> HostNames { get; init; } = [];

    public SettingsDto? Settings { get; set; }
}

internal sealed class SettingsDto
{
    public string DisplayName { get; set; } = "";

    public string? LogoUrl { get; init; }

    public string PrimaryColor { get; init; } = "#1f3a5f";

    public string PrimaryTextColor { get; init; } = "#ffffff";

    public string AccentColor { get; init; } = "#1a5496";

    public ContactDto? Contact { get; init; }

    public List<string> Languages { get; init; } = ["sv", "en"];

    public TenantSettings ToSettings() => new(
        DisplayName, LogoUrl, PrimaryColor, PrimaryTextColor, AccentColor,
        new TenantContact(Contact?.Email, Contact?.Phone, Contact?.Address, Contact?.Website), Languages);
}

internal sealed class ContactDto
{
    public string? Email { get; init; }

    public string? Phone { get; init; }

    public string? Address { get; init; }

    public string? Website { get; init; }
}

/// <summary>Applies a hub admin's slug and name to a template's tenant step.</summary>
internal sealed record TenantRecipeOverridesApplied(string? Slug, string? DisplayName)
{
    public TenantStepDto Apply(TenantStepDto dto)
    {
        if (!string.IsNullOrWhiteSpace(Slug))
        {
            dto.Slug = Slug.Trim();
        }

        if (!string.IsNullOrWhiteSpace(DisplayName))
        {
            dto.Settings ??= new SettingsDto();
            dto.Settings.DisplayName = DisplayName.Trim();
        }

        return dto;
    }
}
