using Hub.Abstractions;

namespace Hub.Tenancy.Domain;

/// <summary>A member of the hub: the coordinating unit or a municipality, with its own site.</summary>
internal sealed class Tenant
{
    private Tenant()
    {
    }

    public Tenant(string slug, TenantSettings settings, DateTime nowUtc)
    {
        Id = Guid.NewGuid();
        Slug = slug;
        CreatedUtc = nowUtc;
        Settings = TenantSettingsDocument.From(settings);
        Touch(nowUtc);
    }

    public Guid Id { get; private set; }

    public string Slug { get; private set; } = "";

    public TenantState State { get; private set; }

    public List<string> HostNames { get; private set; } = [];

    public List<string> EnabledFeatures { get; private set; } = [];

    public TenantSettingsDocument Settings { get; private set; } = new();

    public long Version { get; private set; }

    public DateTime CreatedUtc { get; private set; }

    public DateTime UpdatedUtc { get; private set; }

    public void UpdateSettings(TenantSettings settings, DateTime nowUtc)
    {
        Settings = TenantSettingsDocument.From(settings);
        Touch(nowUtc);
    }

    public void SetHostNames(IEnumerable<string> hostNames, DateTime nowUtc)
    {
        HostNames = [.. hostNames.Select(h => h.Trim().ToLowerInvariant()).Where(h => h.Length > 0).Distinct()];
        Touch(nowUtc);
    }

    public void SetFeatures(IEnumerable<string> featureIds, DateTime nowUtc)
    {
        EnabledFeatures = [.. featureIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        Touch(nowUtc);
    }

    public void SetState(TenantState state, DateTime nowUtc)
    {
        State = state;
        Touch(nowUtc);
    }

    public TenantSnapshot ToSnapshot() => new(
        Id, Slug, State, [.. HostNames], Settings.ToSettings(), EnabledFeatures.ToHashSet(StringComparer.Ordinal), Version);

    private void Touch(DateTime nowUtc)
    {
        Version++;
        UpdatedUtc = nowUtc;
    }
}

/// <summary>The JSON document a tenant's settings are stored as.</summary>
internal sealed class TenantSettingsDocument
{
    public string DisplayName { get; set; } = "";

    public string? LogoUrl { get; set; }

    public string PrimaryColor { get; set; } = "#1f3a5f";

    public string PrimaryTextColor { get; set; } = "#ffffff";

    public string AccentColor { get; set; } = "#1a5496";

    public string? ContactEmail { get; set; }

    public string? ContactPhone { get; set; }

    public string? ContactAddress { get; set; }

    public string? Website { get; set; }

    public List<string> Languages { get; set; } = ["sv", "en"];

    public static TenantSettingsDocument From(TenantSettings settings) => new()
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
        Languages = [.. settings.Languages],
    };

    public TenantSettings ToSettings() => new(
        DisplayName, LogoUrl, PrimaryColor, PrimaryTextColor, AccentColor,
        new TenantContact(ContactEmail, ContactPhone, ContactAddress, Website), [.. Languages]);
}
