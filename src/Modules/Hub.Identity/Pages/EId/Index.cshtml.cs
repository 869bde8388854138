using System.Security.Claims;
using Hub.Abstractions;
using Hub.Identity.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Hub.Identity.Pages.EId;

/// <summary>Who the citizen is logged in as on this site, and the way out.</summary>
[Authorize(Policy = HubPolicies.Citizen)]
internal sealed class StatusModel(IStringLocalizer<CitizenTexts> texts) : PageModel
{
    public string Name => User.FindFirstValue(CitizenClaimTypes.Name) ?? "";

    public string PersonalIdentityNumber => User.FindFirstValue(CitizenClaimTypes.PersonalIdentityNumber) ?? "";

    public string Provider => User.FindFirstValue(CitizenClaimTypes.Provider) is "simulated" ? texts["Status.Simulated"] : User.FindFirstValue(CitizenClaimTypes.Provider) ?? "";}
