using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Hub.Identity.Citizens;
using Hub.Identity.Resources;
using Hub.Identity.SimulatedEId;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Hub.Identity.Pages.TestEId;

/// <summary>
/// The simulated provider's login and signing page: pick a test person (or type one in) and log in, sign or cancel.
/// OpenIddict has already checked the request (client, redirect URI, PKCE) before this page runs.
/// </summary>
internal sealed class AuthorizeModel(IStringLocalizer<CitizenTexts> texts, TimeProvider clock) : PageModel
{
    public const string Other = "other";

    private static readonly string[] OwnFields =
        ["__RequestVerificationToken", "decision", "Input.Person", "Input.PersonalIdentityNumber", "Input.GivenName", "Input.FamilyName"];

    [BindProperty]
    public ChooserInput Input { get; set; } = new();

    /// <summary>The authorization request's parameters, posted back with the choice.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> RequestParameters { get; private set; } = [];

    public string? SignText { get; private set; }

    public string? SignHash { get; private set; }

    /// <summary>Who must sign, when the client named the signed-in citizen (<c>login_hint</c>).</summary>
    public string? RequiredSigner { get; private set; }

    public bool IsSigning => SignHash is not null;

    public IActionResult OnGet()
    {
        if (!Load())
        {
            return BadRequest();
        }

        Input.Person = RequiredSigner is not null && TestPersons.Find(RequiredSigner) is null ? Other : RequiredSigner ?? TestPersons.All[0].PersonalIdentityNumber;
        Input.PersonalIdentityNumber = RequiredSigner;
        return Page();
    }

    public IActionResult OnPost(string? decision)
    {
        if (!Load())
        {
            return BadRequest();
        }

        if (decision == "cancel")
        {
            return Forbid(
                new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.AccessDenied,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The person cancelled.",
                }),
                OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        var person = Chosen();
        if (person is null)
        {
            return Page();
        }

        var request = HttpContext.GetOpenIddictServerRequest()!;
        var digits = PersonalIdentityNumbers.Digits(person.PersonalIdentityNumber);
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        // A pairwise-like subject, as real brokers give: the personnummer travels in its own claim.
        identity.SetClaim(Claims.Subject, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("hub-test-eid:" + digits)))[..32])
            .SetClaim(Claims.Name, person.Name)
            .SetClaim(Claims.GivenName, person.GivenName)
            .SetClaim(Claims.FamilyName, person.FamilyName)
            .SetClaim(SimulatedEIdProvider.PersonalIdentityNumberClaim, digits);
        if (IsSigning)
        {
            identity.SetClaim(SimulatedSigning.HashParameter, SignHash)
                .SetClaim(SimulatedSigning.ReferenceParameter, (string?)request[SimulatedSigning.ReferenceParameter]);
        }

        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.IdentityToken]);
        return SignIn(new ClaimsPrincipal(identity), OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private bool Load()
    {
        var request = HttpContext.GetOpenIddictServerRequest();
        if (request is null)
        {
            return false;
        }

        var source = Request.HasFormContentType ? Request.Form.Select(p => (p.Key, Value: p.Value.ToString())) : Request.Query.Select(p => (p.Key, Value: p.Value.ToString()));
        RequestParameters = source.Where(p => !OwnFields.Contains(p.Key)).Select(p => KeyValuePair.Create(p.Key, p.Value)).ToList();
        SignHash = (string?)request[SimulatedSigning.HashParameter];
        SignText = (string?)request[SimulatedSigning.TextParameter];
        RequiredSigner = IsSigning && PersonalIdentityNumbers.TryNormalize(request.LoginHint, Today, out var hinted) ? hinted : null;
        return true;
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    private TestPerson? Chosen()
    {
        TestPerson? person = null;
        if (Input.Person == Other)
        {
            string? number = null;
            if (string.IsNullOrWhiteSpace(Input.PersonalIdentityNumber))
            {
                ModelState.AddModelError("Input.PersonalIdentityNumber", texts["TestEId.Error.PnrRequired"]);
            }
            else if (!PersonalIdentityNumbers.TryNormalize(Input.PersonalIdentityNumber, Today, out number))
            {
                ModelState.AddModelError("Input.PersonalIdentityNumber", texts["TestEId.Error.PnrInvalid"]);
            }

            if (string.IsNullOrWhiteSpace(Input.GivenName))
            {
                ModelState.AddModelError("Input.GivenName", texts["TestEId.Error.GivenNameRequired"]);
            }

            if (string.IsNullOrWhiteSpace(Input.FamilyName))
            {
                ModelState.AddModelError("Input.FamilyName", texts["TestEId.Error.FamilyNameRequired"]);
            }

            if (ModelState.ErrorCount == 0)
            {
                person = new TestPerson(number!, Input.GivenName!.Trim(), Input.FamilyName!.Trim(), "");
            }
        }
        else
        {
            person = TestPersons.Find(Input.Person);
            if (person is null)
            {
                ModelState.AddModelError("Input.Person", texts["TestEId.Error.ChoosePerson"]);
            }
        }

        if (person is not null && RequiredSigner is not null && person.PersonalIdentityNumber != RequiredSigner)
        {
            ModelState.AddModelError(Input.Person == Other ? "Input.PersonalIdentityNumber" : "Input.Person", texts["TestEId.Error.WrongSigner", RequiredSigner]);
            return null;
        }

        return person;
    }

    internal sealed class ChooserInput
    {
        public string? Person { get; set; }

        public string? PersonalIdentityNumber { get; set; }

        public string? GivenName { get; set; }

        public string? FamilyName { get; set; }
    }
}

/// <summary>The simulated provider's signing parameters and claims (the defaults of <see cref="EIdSigningOptions"/>).</summary>
internal static class SimulatedSigning
{
    public const string TextParameter = "hub_sign_text";
    public const string HashParameter = "hub_sign_hash";
    public const string ReferenceParameter = "hub_sign_ref";
}
