using System.Diagnostics;
using Hub.Abstractions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Web.Pages;

/// <summary>The friendly error pages (404, 403, 429, 500, 503), in the tenant's look and the visitor's language.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(ITenantContext tenantContext) : PageModel
{
    public int Code { get; private set; }

    public string TitleKey => Code switch
    {
        400 => "BadRequestTitle",
        404 => "NotFoundTitle",
        403 => "ForbiddenTitle",
        429 => "TooManyTitle",
        503 => "UnavailableTitle",
        _ => "ServerErrorTitle",
    };

    public string TextKey => Code switch
    {
        400 => "BadRequestText",
        404 => "NotFoundText",
        403 => "ForbiddenText",
        429 => "TooManyText",
        503 => "UnavailableText",
        _ => "ServerErrorText",
    };

    public string? TraceId { get; private set; }

    public string HomeUrl => tenantContext.Tenant is null || tenantContext.Tenant.State == TenantState.Disabled
        ? "/"
        : Url.Content("~/");

    public IActionResult OnGet(int code) => Show(code);

    public IActionResult OnPost(int code) => Show(code);

    private PageResult Show(int code)
    {
        // Any other 4xx is the request's fault, not the server's: it reads as "could not be handled", never as an outage.
        Code = code is 403 or 404 or 429 or 503 ? code : code is >= 400 and < 500 ? 400 : 500;
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null;
        if (!reExecuted)
        {
            Response.StatusCode = Code;
        }

        if (Code == 500)
        {
            TraceId = Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;
        }

        return Page();
    }
}
