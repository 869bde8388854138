using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hub.Abstractions;
using Hub.Catalog.Contracts;
using Hub.Catalog.Domain;
using Hub.Catalog.Resources;
using Hub.Catalog.Studio;
using Hub.Forms.Contracts;
using Hub.Packages.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Hub.Catalog.Pages.Studio;

/// <summary>
/// What every page of a service's draft shares: the draft and its document, the check of its last save, the values
/// of the form on screen (the draft's, or what was posted when a save was refused), and saving with problems put next
/// to the fields they concern. A draft is found through the tenant's query filter, so another tenant's key answers
/// 404 like one that does not exist.
/// </summary>
[Authorize(Policy = HubPolicies.ServiceEditor)]
internal abstract class StudioPage(StudioPageServices services) : PageModel
{
    private static readonly JsonSerializerOptions IndentedJson = new() { WriteIndented = true };

    /// <summary>The page's language, <c>sv</c> or <c>en</c>.</summary>
    public string Language { get; } = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "sv";

    public string ServiceKey { get; private set; } = "";

    public ServiceDraft Draft { get; private set; } = null!;

    public DraftDocument Document { get; private set; } = null!;

    public DraftCheck Check { get; private set; } = null!;

    /// <summary>The service's title in the page's language, else the first written, else its key.</summary>
    public string ServiceTitle => TitleOf(Document.Root["title"], ServiceKey);

    /// <summary>What the fields on screen show, by field name.</summary>
    public Dictionary<string, string?> Values { get; } = new(StringComparer.Ordinal);

    /// <summary>What was just saved (from the redirect after a save), for the status message.</summary>
    [BindProperty(SupportsGet = true, Name = "sparat")]
    public string? Saved { get; set; }

    public bool MayPublish => User.IsInRole(HubRoles.ServiceOwner) || User.IsInRole(HubRoles.TenantAdmin);

    protected StudioDrafts Drafts => services.Drafts;

    protected IStringLocalizer<StudioTexts> Texts => services.Texts;

    private IServiceQualityGate Gate => services.Gate;

    public string? Value(string name) => Values.GetValueOrDefault(name);

    public string StudioUrl(string path = "") => Url.Content($"~/admin/e-tjanster/{ServiceKey}{path}");

    public string LanguageName(string code) => Texts["Language." + code] is { ResourceNotFound: false } name ? name.Value : code;

    public string Describe(QualityFinding finding) => Gate.Describe(finding, CultureInfo.CurrentUICulture);

    /// <summary>Where a finding's element is edited, at the field the finding is about.</summary>
    public string FindingUrl(QualityFinding finding)
    {
        var url = finding.Reference?.Split(':', 2) switch
        {
            ["element", var key] => StudioUrl("/element/" + key),
            ["page", var key] => StudioUrl("/sida/" + key),
            ["text", _] => StudioUrl("/uppgifter"),
            ["state", var key] => StudioUrl("/arbetsflode/tillstand/" + key),
            ["transition", var key] => StudioUrl("/arbetsflode/overgang/" + key),
            ["notification", var key] => StudioUrl("/arbetsflode/meddelande/" + key),
            _ => StudioUrl(),
        };
        return FindingField(finding) is { } field ? url + "#" + FieldModel.IdFor(field) : url;
    }

    /// <summary>
    /// Which text of which element a finding is about, as the studio's pages name them: "Beskrivning", "Sidan ”Om dig”,
    /// Rubrik", "Textfält ”Namn”, Hjälptext". Null when the finding is about the service as a whole.
    /// </summary>
    public string? FindingSubject(QualityFinding finding)
    {
        var property = FindingProperty(finding.Path);
        var propertyName = property is null ? null : PropertyName(finding.Reference, property);
        string? owner = finding.Reference?.Split(':', 2) switch
        {
            ["element", var key] when Document.FindElement(key) is { } element =>
                Texts["Finding.Of", TypeName(TypeOf(element.Node)), TitleOf(element.Node["label"], key)].Value,
            ["page", var key] when Document.FindPage(key) is { } page => Texts["Finding.Of", Texts["Finding.Page"], TitleOf(page.Node["title"], key)].Value,
            ["state", var key] => Texts["Finding.Of", Texts["Finding.State"], key].Value,
            ["transition", var key] => Texts["Finding.Of", Texts["Finding.Transition"], key].Value,
            ["notification", var key] => Texts["Finding.Of", Texts["Finding.Notification"], key].Value,
            _ => null,
        };
        return (owner, propertyName) switch
        {
            (null, null) => null,
            (null, { } name) => name,
            ({ } who, null) => who,
            ({ } who, { } name) => $"{who}, {name}",
        };
    }

    // The field a finding's path ends in, as the edit page names it: "description.sv", "hint.en", "options[1].label.sv":
    // the path after the last page, element, state, transition or notification on it, or after "$." for the service.
    private static string? FindingField(QualityFinding finding) =>
        PathAfterOwner(finding.Path) is { Length: > 0 } rest ? string.Join('.', rest) : null;

    // "$.description.sv" → "description"; "$.form.pages[0].elements[2].hint.sv" → "hint".
    private static string? FindingProperty(string path) => PathAfterOwner(path) is { Length: > 0 } rest ? rest[0].Split('[')[0] : null;

    private static string[]? PathAfterOwner(string path)
    {
        if (!path.StartsWith("$.", StringComparison.Ordinal))
        {
            return null;
        }

        var segments = path[2..].Split('.');
        var owner = Array.FindLastIndex(segments, s => s.EndsWith(']') && s.Split('[')[0] is "pages" or "elements" or "states" or "transitions" or "notifications");
        return owner < 0 && segments[0] == "form" ? null : segments[(owner + 1)..];
    }

    private string? PropertyName(string? reference, string property) => (reference?.Split(':', 2)[0], property) switch
    {
        ("text", "title") => Texts["Field.ServiceTitle"].Value,
        ("text", "summary") => Texts["Field.Summary"].Value,
        ("text", "description") => Texts["Field.Description"].Value,
        ("page", "title") => Texts["Field.PageTitle"].Value,
        ("state", "label") => Texts["Field.StateLabel"].Value,
        ("transition", "label") => Texts["Field.TransitionLabel"].Value,
        ("notification", "subject") => Texts["Field.Subject"].Value,
        ("notification", "body") => Texts["Field.Body"].Value,
        ("element", "label") => Texts["Field.Label"].Value,
        ("element", "hint") => Texts["Field.Hint"].Value,
        ("element", "text") => Texts["Field.Text"].Value,
        ("element", "options" or "signers") => Texts["Finding.Options"].Value,
        _ => null,
    };

    public string TitleOf(JsonNode? text, string fallback)
    {
        var texts = DraftDocument.Text(text);
        return texts.GetValueOrDefault(Language) ?? texts.Values.FirstOrDefault() ?? fallback;
    }

    public string TypeName(FormElementType type) => Texts["Type." + FormDefinitionJson.TypeName(type)];

    public static FormElementType TypeOf(JsonObject element) =>
        FormDefinitionJson.TryParseType((string?)element["type"] ?? "", out var type) ? type : FormElementType.Info;

    /// <summary>For a service adopted from the catalogue: the upstream's adaptation policy (else null).</summary>
    public AdaptationPolicy? UpstreamPolicy { get; private set; }

    /// <summary>For an adopted service: the upstream version it is based on.</summary>
    public string? UpstreamVersion { get; private set; }

    /// <summary>
    /// Why an adopted service's element may not be changed here (the owner's reason for a locked element), or null when
    /// it may. The pages show such elements read-only; saving checks the policy whatever is posted.
    /// </summary>
    public string? LockReason(string reference)
    {
        if (UpstreamPolicy is null || UpstreamPolicy.MayChange(reference))
        {
            return null;
        }

        return UpstreamPolicy.Locked.FirstOrDefault(l => l.Reference == reference) is { } locked
            ? locked.Reason.Pick(Language, locked.Reason.Keys.FirstOrDefault() ?? "sv").Text
            : Texts["Locked.NotChangeable"].Value;
    }

    /// <summary>Loads the service's draft; null = go on, else the result to return (404 when there is none).</summary>
    protected async Task<IActionResult?> LoadAsync(string service, CancellationToken cancellationToken)
    {
        ServiceKey = service;
        if (await services.Upstream.FindAsync(service, cancellationToken) is { } upstream)
        {
            UpstreamPolicy = upstream.Base.EffectiveAdaptation;
            UpstreamVersion = upstream.Base.Version;
        }

        if (services.Tenant.Tenant is null or { IsHub: true }
            || await Drafts.FindAsync(service, cancellationToken) is not { } draft)
        {
            return NotFound();
        }

        Draft = draft;
        Document = DraftDocument.Parse(draft.Content);
        Check = Drafts.Check(Document);
        return null;
    }

    /// <summary>Shows a stored version's content where there is no draft (nothing on it is edited).</summary>
    protected void ShowVersion(string content) => Document = DraftDocument.Parse(content);

    /// <summary>Fills <see cref="Values"/> with what was posted, so a refused save shows what the person typed.</summary>
    protected void KeepPosted()
    {
        foreach (var (name, value) in Request.Form)
        {
            Values[name] = value.ToString();
        }
    }

    /// <summary>
    /// The posted text per language of the service, from fields <c>{name}.{language}</c>, with a browser's line breaks
    /// (a text area posts CR LF) as the line feeds a package holds.
    /// </summary>
    protected Dictionary<string, string?> PostedText(string name) =>
        Document.Languages.ToDictionary(l => l, l => (string?)Request.Form[$"{name}.{l}"].ToString().ReplaceLineEndings("\n"), StringComparer.Ordinal);


    protected void ShowText(string name, JsonNode? text)
    {
        foreach (var (language, value) in DraftDocument.Text(text))
        {
            Values[$"{name}.{language}"] = value;
        }
    }

    protected int PostedRevision => int.TryParse(Request.Form["revision"], CultureInfo.InvariantCulture, out var revision) ? revision : -1;

    protected string? UserName => User.FindFirstValue(ClaimTypes.Name);

    /// <summary>
    /// Saves <paramref name="document"/>; on success redirects to <paramref name="next"/> with what was saved. When the
    /// package does not read, each problem under <paramref name="path"/> is put next to its field (else in the
    /// summary), and nothing is saved.
    /// </summary>
    protected async Task<IActionResult> SaveAsync(DraftDocument document, string path, string saved, string next, CancellationToken cancellationToken)
    {
        var (outcome, check) = await Drafts.SaveAsync(Draft, document, PostedRevision, UserName, cancellationToken);
        switch (outcome)
        {
            case DraftOutcome.Done:
                var fragment = next.IndexOf('#', StringComparison.Ordinal) is var f and >= 0 ? next[f..] : "";
                var url = next[..(next.Length - fragment.Length)];
                return Redirect(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "sparat=" + Uri.EscapeDataString(saved) + fragment);
            case DraftOutcome.Conflict:
                ModelState.AddModelError("", Texts["Error.Conflict"]);
                break;
            default:
                foreach (var problem in check.Problems)
                {
                    AddProblem(problem, path);
                }

                break;
        }

        return Page();
    }

    /// <summary>Shows a condition in the simple form ("show when question equals value") where it is one, else as JSON.</summary>
    protected void ShowCondition(JsonNode? condition)
    {
        if (condition is JsonObject { Count: 1 } simple && simple["eq"] is JsonArray { Count: 2 } eq
            && eq[0] is JsonValue question && question.GetValueKind() == JsonValueKind.String && eq[1] is JsonValue value)
        {
            Values["when.question"] = (string?)question;
            Values["when.value"] = value.GetValueKind() == JsonValueKind.String ? (string?)value : value.ToJsonString();
        }
        else if (condition is not null)
        {
            Values["when.json"] = condition.ToJsonString(IndentedJson);
        }
    }

    /// <summary>
    /// Sets <paramref name="property"/> (<c>visibleWhen</c>, or a routing rule's <c>when</c>) from the posted condition:
    /// the JSON when written (checked by the condition parser), else "question equals value", else none. False, with
    /// the error next to the field, when it does not parse.
    /// </summary>
    protected bool ApplyCondition(JsonObject owner, DraftDocument document, string property = "visibleWhen")
    {
        var json = Request.Form["when.json"].ToString().Trim();
        var question = Request.Form["when.question"].ToString();
        if (json.Length > 0)
        {
            var parsed = FormCondition.Parse(json);
            if (!parsed.Succeeded)
            {
                ModelState.AddModelError("when.json", Texts["Problem", string.Join("; ", parsed.Problems.Select(p => ReaderProblemText.Localize(p.Message, Texts)))]);
                return false;
            }

            owner[property] = JsonNode.Parse(parsed.Condition!.ToJson());
        }
        else if (question.Length > 0)
        {
            var value = Request.Form["when.value"].ToString().Trim();
            if (value.Length == 0)
            {
                ModelState.AddModelError("when.value", Texts["Error.ConditionValue"]);
                return false;
            }

            owner[property] = new JsonObject { ["eq"] = new JsonArray(question, Literal(document.FindElement(question)?.Node, value)) };
        }
        else
        {
            owner.Remove(property);
        }

        return true;
    }

    /// <summary>The questions a simple condition may read: those of <paramref name="before"/> outside repeating groups.</summary>
    public IReadOnlyList<(string Value, string Text)> ConditionQuestions(IEnumerable<DraftLocation> before) =>
    [
        ("", Texts["AlwaysShown"]),
        .. before.Where(l => l.Path.Split(".elements[").Length == 2 && TypeOf(l.Node) is not (FormElementType.Info or FormElementType.Stop
                or FormElementType.RepeatingGroup or FormElementType.Signature or FormElementType.Checkbox or FormElementType.File
                or FormElementType.Address or FormElementType.ContactDetails))
            .Select(l => (l.Key, TitleOf(l.Node["label"], l.Key))),
    ];

    // What a person wrote as the value, as the condition needs it: a number for a number question, yes/no for a yes/no
    // question (ja/nej too), an option's key for a choice (its label in any language too).
    private static JsonNode Literal(JsonObject? question, string value)
    {
        switch (question is null ? (FormElementType?)null : TypeOf(question))
        {
            case FormElementType.Number when decimal.TryParse(value.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var number):
                return JsonValue.Create(number);
            case FormElementType.YesNo:
                return value.ToLowerInvariant() switch { "ja" or "yes" => "yes", "nej" or "no" => "no", _ => value };
            case FormElementType.Radio or FormElementType.Dropdown:
                var option = (question!["options"] as JsonArray ?? []).OfType<JsonObject>()
                    .FirstOrDefault(o => DraftDocument.Text(o["label"]).Values.Any(l => string.Equals(l, value, StringComparison.OrdinalIgnoreCase)));
                return (string?)option?["key"] ?? value;
            default:
                return value;
        }
    }

    /// <summary>Puts a reader's problem next to the posted field its path ends in, else in the summary with its path.</summary>
    protected void AddProblem(FormProblem problem, string path)
    {
        var field = "";
        if (problem.Path.StartsWith(path + ".", StringComparison.Ordinal))
        {
            var suffix = problem.Path[(path.Length + 1)..];
            var first = suffix.Split('.', '[')[0];
            string[] candidates = first switch
            {
                "visibleWhen" or "when" => [Request.Form["when.json"].ToString().Length > 0 ? "when.json" : "when.value"],
                "maxSizeBytes" => ["maxSizeMegabytes"],
                _ => [suffix, $"{suffix}.{Document.Languages[0]}", first, $"{first}.{Document.Languages[0]}"],
            };
            field = candidates.FirstOrDefault(c => Request.Form.ContainsKey(c)) ?? "";
        }

        var message = ReaderProblemText.Localize(problem.Message, Texts);
        ModelState.AddModelError(field, field.Length > 0 ? Texts["Problem", message] : Texts["ProblemAt", problem.Path, message]);
    }
}

/// <summary>What every studio page needs, given to its constructor (one registration, no service location).</summary>
internal sealed class StudioPageServices(
    StudioDrafts drafts, IStringLocalizer<StudioTexts> texts, IServiceQualityGate gate, Adoption.AdoptionGuard upstream, ITenantContext tenant)
{
    public StudioDrafts Drafts { get; } = drafts;

    public IStringLocalizer<StudioTexts> Texts { get; } = texts;

    public IServiceQualityGate Gate { get; } = gate;

    /// <summary>The upstream package of an adopted service, and its adaptation policy.</summary>
    public Adoption.AdoptionGuard Upstream { get; } = upstream;

    public ITenantContext Tenant { get; } = tenant;
}
