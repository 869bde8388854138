using System.Globalization;
using System.Net.Mail;
using Hub.Abstractions;

namespace Hub.Tenancy.Settings;

/// <summary>What is wrong with one setting. <see cref="Field"/> names the form field and the recipe property.</summary>
internal sealed record SettingsError(string Field, SettingsErrorKind Kind, double? Ratio = null)
{
    /// <summary>An English message, for recipes and logs.</summary>
    public string English => Kind switch
    {
        SettingsErrorKind.Required => "is required",
        SettingsErrorKind.TooLong => "is too long",
        SettingsErrorKind.NotAColor => "must be a colour written #rrggbb",
        SettingsErrorKind.LowContrast => string.Create(CultureInfo.InvariantCulture,
            $"gives a text contrast of {Ratio:0.00}:1; WCAG AA needs at least 4.5:1"),
        SettingsErrorKind.NotAnEmail => "is not an e-mail address",
        SettingsErrorKind.NotAUrl => "must start with https:// or /",
        SettingsErrorKind.UnknownLanguage => "must list only 'sv' and 'en', and include 'sv'",
        _ => "is not valid",
    };
}

internal enum SettingsErrorKind
{
    Required,
    TooLong,
    NotAColor,
    LowContrast,
    NotAnEmail,
    NotAUrl,
    UnknownLanguage,
}

/// <summary>One set of rules for settings, whether they come from the admin form or a recipe.</summary>
internal static class TenantSettingsValidator
{
    public static readonly IReadOnlyList<string> SupportedLanguages = ["sv", "en"];

    public const int DisplayNameMaxLength = 80;

    /// <summary>A host name a tenant can answer to (DNS name, no port, no scheme).</summary>
    public static bool IsHostName(string? host) => host is not null && Uri.CheckHostName(host) == UriHostNameType.Dns;

    public static List<SettingsError> Validate(TenantSettings settings)
    {
        var errors = new List<SettingsError>();
        Text(errors, "displayName", settings.DisplayName, required: true, max: DisplayNameMaxLength);
        Url(errors, "logoUrl", settings.LogoUrl);
        var primaryOk = Color(errors, "primaryColor", settings.PrimaryColor);
        var primaryTextOk = Color(errors, "primaryTextColor", settings.PrimaryTextColor);
        var accentOk = Color(errors, "accentColor", settings.AccentColor);
        if (primaryOk && primaryTextOk)
        {
            var ratio = ColorContrast.Ratio(settings.PrimaryTextColor, settings.PrimaryColor);
            if (ratio < ColorContrast.MinimumTextContrast)
            {
                errors.Add(new SettingsError("primaryTextColor", SettingsErrorKind.LowContrast, ratio));
            }
        }

        if (accentOk)
        {
            // Links and buttons in the accent colour sit on the page's white background.
            var ratio = ColorContrast.Ratio(settings.AccentColor, "#ffffff");
            if (ratio < ColorContrast.MinimumTextContrast)
            {
                errors.Add(new SettingsError("accentColor", SettingsErrorKind.LowContrast, ratio));
            }
        }

        if (!string.IsNullOrWhiteSpace(settings.Contact.Email) && !IsEmail(settings.Contact.Email))
        {
            errors.Add(new SettingsError("contactEmail", SettingsErrorKind.NotAnEmail));
        }

        Text(errors, "contactEmail", settings.Contact.Email, required: false, max: 120);
        Text(errors, "contactPhone", settings.Contact.Phone, required: false, max: 40);
        Text(errors, "contactAddress", settings.Contact.Address, required: false, max: 200);
        Url(errors, "website", settings.Contact.Website);
        if (settings.Languages.Count == 0 || !settings.Languages.Contains("sv")
            || settings.Languages.Any(l => !SupportedLanguages.Contains(l)))
        {
            errors.Add(new SettingsError("languages", SettingsErrorKind.UnknownLanguage));
        }

        return errors;
    }

    private static void Text(List<SettingsError> errors, string field, string? value, bool required, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(new SettingsError(field, SettingsErrorKind.Required));
            }
        }
        else if (value.Length > max)
        {
            errors.Add(new SettingsError(field, SettingsErrorKind.TooLong));
        }
    }

    private static bool Color(List<SettingsError> errors, string field, string value)
    {
        if (ColorContrast.TryParseHex(value, out _))
        {
            return true;
        }

        errors.Add(new SettingsError(field, SettingsErrorKind.NotAColor));
        return false;
    }

    private static void Url(List<SettingsError> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        var rootRelative = value.StartsWith('/') && !value.StartsWith("//", StringComparison.Ordinal);
        var https = Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps;
        if (value.Length > 300 || !(rootRelative || https))
        {
            errors.Add(new SettingsError(field, SettingsErrorKind.NotAUrl));
        }
    }

    private static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);
}
