using Hub.Forms.Contracts;

namespace Hub.Packages.Contracts;

/// <summary>
/// What a municipality that adopts the service may change in its local copy (its overlay). Elements are named by
/// reference (<see cref="AdaptationReference"/>); an element not named follows <see cref="DefaultChangeable"/>.
/// </summary>
/// <param name="DefaultChangeable">Whether elements the policy does not name may be changed.</param>
/// <param name="Changeable">Elements adopters may change.</param>
/// <param name="Locked">Elements adopters may not change, each with the reason.</param>
public sealed record AdaptationPolicy(bool DefaultChangeable, IReadOnlyList<string> Changeable, IReadOnlyList<LockedElement> Locked)
{
    /// <summary>The policy of a package that declares none: everything may be changed.</summary>
    public static AdaptationPolicy Open { get; } = new(true, [], []);

    /// <summary>Whether an adopter may change the element with this reference.</summary>
    public bool MayChange(string reference) =>
        Locked.All(l => l.Reference != reference) && (DefaultChangeable || Changeable.Contains(reference));
}

/// <summary>An element adopters may not change.</summary>
/// <param name="Reference">The element (<see cref="AdaptationReference"/>).</param>
/// <param name="Reason">Why, e.g. "Krävs enligt socialtjänstlagen", shown to the adopter.</param>
public sealed record LockedElement(string Reference, LocalizedText Reason);

/// <summary>
/// How a policy names an element: <c>kind:key</c>, kinds <c>text</c> (<c>title</c>, <c>summary</c>,
/// <c>description</c>), <c>page</c>, <c>element</c>, <c>state</c>, <c>transition</c>, <c>routing</c>,
/// <c>notification</c>, and <c>sla</c> (<c>sla:marks</c>).
/// </summary>
public static class AdaptationReference
{
    /// <summary>The kinds a reference may have.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["text", "page", "element", "state", "transition", "routing", "notification", "sla"];

    /// <summary>Every reference that names something in <paramref name="package"/>.</summary>
    public static IReadOnlySet<string> All(ServicePackage package)
    {
        ArgumentNullException.ThrowIfNull(package);
        var workflow = package.EffectiveWorkflow;
        var all = new HashSet<string>(StringComparer.Ordinal) { "text:title", "text:summary", "text:description", "sla:marks" };
        all.UnionWith(package.Form.Pages.Select(p => "page:" + p.Key));
        all.UnionWith(package.Form.AllElements().Select(e => "element:" + e.Key));
        all.UnionWith(workflow.States.Select(s => "state:" + s.Key));
        all.UnionWith(workflow.Transitions.Select(t => "transition:" + t.Key));
        all.UnionWith(workflow.Routing.Select(r => "routing:" + r.Key));
        all.UnionWith(workflow.Notifications.Select(n => "notification:" + n.Key));
        return all;
    }
}

/// <summary>A document the catalogue keeps about a service (a package is shared only with its process description and information model: docs/catalogue.md, "Automatic checks").</summary>
/// <param name="Kind">What it is (<see cref="ServiceDocumentKinds"/>).</param>
/// <param name="Title">Its title per language.</param>
/// <param name="Url">Where it is: an absolute <c>https</c> address.</param>
public sealed record ServiceDocument(string Kind, LocalizedText Title, Uri Url);

/// <summary>The kinds of <see cref="ServiceDocument"/>.</summary>
public static class ServiceDocumentKinds
{
    /// <summary>Process description (processbeskrivning).</summary>
    public const string ProcessDescription = "processDescription";

    /// <summary>Information exchange model (informationsutbytesmodell).</summary>
    public const string InformationModel = "informationModel";

    /// <summary>Description of content, functions and result.</summary>
    public const string ContentDescription = "contentDescription";

    /// <summary>The legal basis (a law, an ordinance, a local decision).</summary>
    public const string LegalBasis = "legalBasis";

    /// <summary>Anything else.</summary>
    public const string Other = "other";

    /// <summary>Every kind.</summary>
    public static IReadOnlyList<string> All { get; } = [ProcessDescription, InformationModel, ContentDescription, LegalBasis, Other];
}
