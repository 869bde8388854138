using System.Globalization;
using Hub.Abstractions;
using Hub.Tenancy.Resources;
using Hub.Tenancy.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Hub.Tenancy.Pages.Admin;

/// <summary>A TenantAdmin edits the settings of their own tenant; which tenant is never taken from the request body.</summary>
[Authorize(Policy = HubPolicies.TenantAdmin)]
internal sealed class SettingsModel(ITenantContext tenantContext, TenantAdministration administration, IStringLocalizer<TenancyTexts> texts)
    : PageModel
{
    [BindProperty]
    public SettingsInput Input { get; set; } = new();

    public bool Saved { get; private set; }

    public void OnGet(bool saved = false)
    {
        Saved = saved;
        Input = SettingsInput.From(tenantContext.Tenant!.Settings);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var errors = await administration.UpdateSettingsAsync(tenantContext.Tenant!.Id, Input.ToSettings(), cancellationToken);
        if (errors.Count == 0)
        {
            return RedirectToPage(new { saved = true });
        }

        foreach (var error in errors)
        {
            var (key, label) = Field(error.Field);
            ModelState.AddModelError(key, Message(error, label));
        }

        return Page();
    }

    private (string Key, string Label) Field(string field)
    {
        var property = char.ToUpperInvariant(field[0]) + field[1..];
        return property == "Languages"
            ? ("Input_OfferEnglish", texts["Languages"])
            : ("Input." + property, texts["Field." + property].Value.ToLower(CultureInfo.CurrentCulture));
    }

    private string Message(SettingsError error, string label)
    {
        var text = texts["Error." + error.Kind, label, error.Ratio?.ToString("0.00", CultureInfo.CurrentCulture) ?? ""].Value;
        return char.ToUpper(text[0], CultureInfo.CurrentCulture) + text[1..];
    }
}

/// <summary>The settings form's fields.</summary>
internal sealed class SettingsInput
{
    public string DisplayName { get; set; } = "";

    public string? LogoUrl { get; set; }

    public string PrimaryColor { get; set; } = "";

    public string PrimaryTextColor { get; set; } = "";

    public string AccentColor { get; set; } = "";

    public string? ContactEmail { get; set; }

    public string? ContactPhone { get; set; }

    public string? ContactAddress { get; set; }

    public string? Website { get; set; }

    public bool OfferEnglish { get; set; }

    internal static SettingsInput From(TenantSettings settings) => new()
    {
        DisplayName = settings.DisplayName,
        LogoUrl = settings.LogoUrl,
        PrimaryColor = settings.PrimaryColor,
        PrimaryTextColor = settings.PrimaryTextColor,
        AccentColor = settings.AccentColor,
        ContactEmail = settings.Contact.Email,
        ContactPhone = settings.Contact.Phone,
        ContactAddress = settings.Contact.Address,
        Website = settings.Contact.Website,
        OfferEnglish = settings.Languages.Contains("en"),
    };

    internal TenantSettings ToSettings() => new(
        DisplayName?.Trim() ?? "",
        Blank(LogoUrl),
        PrimaryColor?.Trim().ToLowerInvariant() ?? "",
        PrimaryTextColor?.Trim().ToLowerInvariant() ?? "",
        AccentColor?.Trim().ToLowerInvariant() ?? "",
        new TenantContact(Blank(ContactEmail), Blank(ContactPhone), Blank(ContactAddress), Blank(Website)),
        OfferEnglish ? ["sv", "en"] : ["sv"]);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
