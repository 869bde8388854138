namespace Hub.Abstractions;

/// <summary>A capability a module offers and a tenant switches on or off.</summary>
/// <param name="Id">Stable id, e.g. <c>Hub.Tenancy.ContactPage</c>.</param>
/// <param name="NameSv">Name shown to admins in Swedish.</param>
/// <param name="NameEn">Name shown to admins in English.</param>
/// <param name="EnabledByDefault">Whether a new tenant without a features step gets it.</param>
public sealed record HubFeature(string Id, string NameSv, string NameEn, bool EnabledByDefault);

/// <summary>Every feature the composed modules offer (registered by each module at start-up).</summary>
public interface IFeatureCatalog
{
    /// <summary>All features, in registration order.</summary>
    IReadOnlyList<HubFeature> All { get; }
}
