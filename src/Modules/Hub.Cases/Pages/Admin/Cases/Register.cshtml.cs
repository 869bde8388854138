using System.Net.Mail;
using Hub.Abstractions;
using Hub.Cases.Domain;
using Hub.Cases.Handling;
using Hub.Cases.Intake;
using Hub.Cases.Resources;
using Hub.Catalog.Contracts;
using Hub.Forms.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Hub.Cases.Pages.Admin.Cases;

/// <summary>
/// <c>/admin/arenden/registrera</c>: an officer registers a case that came by paper, phone, a visit or e-mail, so
/// that it is handled like the others and the digital share can be counted.
/// </summary>
[Authorize(Policy = HubPolicies.CaseOfficer)]
internal sealed class RegisterModel(IServiceDirectory directory, CaseSubmitter submitter, TimeProvider clock, IStringLocalizer<CasesTexts> texts) : PageModel
{
    public string Language { get; } = FormView.UiLanguage();

    public IReadOnlyList<PublishedService> Services { get; private set; } = [];

    [BindProperty]
    public string? Service { get; set; }

    [BindProperty]
    public string? Channel { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? PersonalIdentityNumber { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Summary { get; set; }

    public string TitleOf(PublishedService service) => service.Package.Title.Pick(Language, service.Form.DefaultLanguage).Text;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Services = await directory.ListPublishedAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Services = await directory.ListPublishedAsync(cancellationToken);
        var service = Services.FirstOrDefault(s => s.Key == Service);
        if (service is null)
        {
            ModelState.AddModelError(nameof(Service), texts["Register.Error.Service"].Value);
        }

        if (Channel is null || !CaseChannels.Manual.Contains(Channel))
        {
            ModelState.AddModelError(nameof(Channel), texts["Register.Error.Channel"].Value);
        }

        Name = Name?.Trim();
        if (string.IsNullOrEmpty(Name) || Name.Length > 200)
        {
            ModelState.AddModelError(nameof(Name), texts["Register.Error.Name"].Value);
        }

        string? pnr = null;
        if (!string.IsNullOrWhiteSpace(PersonalIdentityNumber))
        {
            if (Hub.Forms.Contracts.PersonalIdentityNumber.TryParse(PersonalIdentityNumber, DateOnly.FromDateTime(clock.GetLocalNow().DateTime), out var parsed))
            {
                pnr = parsed.ToString();
            }
            else
            {
                ModelState.AddModelError(nameof(PersonalIdentityNumber), texts["Error.InvalidPersonalIdentityNumber"].Value);
            }
        }

        Email = string.IsNullOrWhiteSpace(Email) ? null : Email.Trim();
        if (Email is not null && (Email.Length > 320 || !MailAddress.TryCreate(Email, out var address) || address.Address != Email))
        {
            ModelState.AddModelError(nameof(Email), texts["Error.InvalidEmail"].Value);
        }

        Summary = Summary?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (string.IsNullOrEmpty(Summary) || Summary.Length > CaseLimits.MessageLength)
        {
            ModelState.AddModelError(nameof(Summary), texts["Register.Error.Summary", CaseLimits.MessageLength].Value);
        }

        if (ModelState.ErrorCount > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var (userName, name) = StaffClaims.Of(User);
        var officer = CaseActor.Staff(userName, name, HubRoles.All.Where(User.IsInRole));
        var @case = await submitter.RegisterAsync(service!, new ManualCase(Channel!, Name!, pnr, Email, Summary!), officer, SiteLinks.Of(Request), cancellationToken);
        return Redirect(Url.Content($"~/admin/arenden/{@case.Number}"));
    }
}
