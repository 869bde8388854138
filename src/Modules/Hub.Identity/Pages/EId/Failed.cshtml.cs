using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Identity.Pages.EId;

/// <summary>Where a login comes back when the person cancelled at the provider or the provider's answer did not hold.</summary>
internal sealed class FailedModel : PageModel
{
    [BindProperty(SupportsGet = true, Name = "avbrutet")]
    public bool Cancelled { get; set; }}
