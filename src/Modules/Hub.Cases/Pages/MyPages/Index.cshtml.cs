using Hub.Abstractions;
using Hub.Cases.Domain;
using Hub.Cases.Intake;
using Hub.Catalog.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Cases.Pages.MyPages;

/// <summary><c>/mina-sidor</c>: the citizen's ongoing and finished cases, cases to sign, and drafts.</summary>
[Authorize(Policy = HubPolicies.Citizen)]
internal sealed class IndexModel(Citizens citizens, CaseReader cases, DraftStore drafts, IServiceDirectory directory) : PageModel
{
    public string Language { get; } = FormView.UiLanguage();

    public Citizen Citizen { get; private set; } = null!;

    public IReadOnlyList<(Case Case, bool MineToSign, PublishedService? Service)> Cases { get; private set; } = [];

    public IReadOnlyList<(Draft Draft, PublishedService? Service)> Drafts { get; private set; } = [];

    /// <summary>Unread messages from officers, by case (only cases with any).</summary>
    public IReadOnlyDictionary<Guid, int> Unread { get; private set; } = new Dictionary<Guid, int>();

    [BindProperty(SupportsGet = true, Name = "sparat")]
    public bool Saved { get; set; }

    public static bool IsFinished(Case c) => c.Status is CaseStatus.Decided or CaseStatus.Closed or CaseStatus.Withdrawn;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Citizen = (await citizens.GetAsync(HttpContext))!;
        var list = new List<(Case, bool, PublishedService?)>();
        foreach (var (c, sign) in await cases.ListAsync(Citizen, cancellationToken))
        {
            list.Add((c, sign, await directory.FindVersionAsync(c.ServiceVersionId, cancellationToken)));
        }

        Cases = list;
        Unread = await cases.UnreadByCitizenAsync(list.Where(c => c.Item1.SubmitterPersonalIdentityNumber == Citizen.PersonalIdentityNumber).Select(c => c.Item1.Id).ToList(), cancellationToken);
        var draftList = new List<(Draft, PublishedService?)>();
        foreach (var draft in await drafts.ListAsync(Citizen, cancellationToken))
        {
            draftList.Add((draft, await directory.FindVersionAsync(draft.ServiceVersionId, cancellationToken)));
        }

        Drafts = draftList;
        return Page();
    }

    public string TitleOf(PublishedService? service) => service?.Package.Title.Pick(Language, service.Form.DefaultLanguage).Text ?? "";
}
