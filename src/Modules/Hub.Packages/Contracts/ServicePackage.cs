using Hub.Forms.Contracts;

namespace Hub.Packages.Contracts;

/// <summary>
/// A whole service as a package file describes it (<c>docs/package-format.md</c>): texts, metadata, the form, the
/// workflow and the adaptation policy. Immutable once read.
/// </summary>
/// <param name="Key">Stable key, equal to the form's key.</param>
/// <param name="Version">Semantic version.</param>
/// <param name="Title">Name in every language.</param>
/// <param name="Summary">One sentence for the listing.</param>
/// <param name="Description">The start page's text; paragraphs separated by a blank line.</param>
/// <param name="Category">Category key, one of <see cref="ServiceCategories.All"/>.</param>
/// <param name="Keywords">Extra search words per language.</param>
/// <param name="Access">Whether e-ID is needed and whether the submitter signs.</param>
/// <param name="HandlingDays">Expected handling time in days (shown to citizens).</param>
/// <param name="Form">The form.</param>
public sealed record ServicePackage(
    string Key,
    string Version,
    LocalizedText Title,
    LocalizedText Summary,
    LocalizedText Description,
    string Category,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Keywords,
    ServiceAccess Access,
    int HandlingDays,
    FormDefinition Form)
{
    /// <summary>The package's own workflow, or null when it declares none (then <see cref="EffectiveWorkflow"/> is the default).</summary>
    public ServiceWorkflow? Workflow { get; init; }

    /// <summary>What adopters may change, or null when the package declares nothing (everything may be changed).</summary>
    public AdaptationPolicy? Adaptation { get; init; }

    /// <summary>
    /// Whether every case of the service is confidential (sekretess, e.g. social services): seen only by its assigned
    /// officer and its handling group, every view in the audit trail.
    /// </summary>
    public bool Confidential { get; init; }

    /// <summary>
    /// Days after a case is closed until its personal data is removed (gallring), or null to keep it. The case number,
    /// dates, status and channel stay for statistics.
    /// </summary>
    public int? RetentionDays { get; init; }

    /// <summary>Documents the catalogue keeps about the service (process description, legal basis, …).</summary>
    public IReadOnlyList<ServiceDocument> Documents { get; init; } = [];

    /// <summary>The workflow cases of this service follow: its own, else <see cref="ServiceWorkflow.Default"/>.</summary>
    public ServiceWorkflow EffectiveWorkflow => Workflow ?? ServiceWorkflow.Default(Form.Languages);

    /// <summary>The adaptation policy that applies: its own, else <see cref="AdaptationPolicy.Open"/>.</summary>
    public AdaptationPolicy EffectiveAdaptation => Adaptation ?? AdaptationPolicy.Open;
}

/// <summary>Who may use a service and how.</summary>
public enum ServiceAccess
{
    /// <summary>No login needed; a citizen may still log in (then the case shows on Mina sidor).</summary>
    Anonymous,

    /// <summary>E-ID login needed.</summary>
    Login,

    /// <summary>E-ID login needed, and the submitter signs what is submitted.</summary>
    LoginAndSignature,
}

/// <summary>The categories of a municipality's site (after SKR's common structure), in display order.</summary>
public static class ServiceCategories
{
    /// <summary>Category keys with their names in Swedish and English.</summary>
    public static IReadOnlyList<(string Key, string Sv, string En)> All { get; } =
    [
        ("barn-och-utbildning", "Barn och utbildning", "Children and education"),
        ("omsorg-och-stod", "Omsorg och stöd", "Care and support"),
        ("bygga-bo-och-miljo", "Bygga, bo och miljö", "Building, housing and environment"),
        ("trafik-och-infrastruktur", "Trafik och infrastruktur", "Traffic and infrastructure"),
        ("kultur-och-fritid", "Kultur och fritid", "Culture and leisure"),
        ("naringsliv-och-arbete", "Näringsliv och arbete", "Business and work"),
        ("kommun-och-politik", "Kommun och politik", "Municipality and politics"),
    ];

    /// <summary>The category's name in <paramref name="language"/> (Swedish unless <c>en</c>), or the key if unknown.</summary>
    public static string Name(string key, string language)
    {
        foreach (var (k, sv, en) in All)
        {
            if (k == key)
            {
                return language == "en" ? en : sv;
            }
        }

        return key;
    }
}
