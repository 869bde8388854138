using Microsoft.AspNetCore.Http;

namespace Hub.Identity.Contracts;

/// <summary>
/// Signing with e-ID: the citizen's e-ID provider shows <see cref="CitizenSignRequest.VisibleText"/> and signs
/// <see cref="CitizenSignRequest.Hash"/>; the browser comes back to <see cref="CitizenSignRequest.ReturnUrl"/>, where
/// the caller takes the verified outcome. Works the same with the simulated provider and a real broker.
/// </summary>
public interface ICitizenSigning
{
    /// <summary>Sends the browser to the e-ID provider to sign. Call from a POST handler; the response is a redirect.</summary>
    Task ChallengeAsync(HttpContext httpContext, CitizenSignRequest request);

    /// <summary>
    /// The outcome for <paramref name="reference"/> once the browser is back, verified (the provider's signed token
    /// names the same hash and reference); consumed, so a second call returns <see cref="CitizenSignStatus.None"/>.
    /// </summary>
    Task<CitizenSignOutcome> TakeOutcomeAsync(HttpContext httpContext, string reference);
}

/// <summary>What to sign.</summary>
/// <param name="Reference">The caller's id for this signing (e.g. a case signature id); comes back in the outcome.</param>
/// <param name="VisibleText">What the person is shown they sign, in their language (plain text).</param>
/// <param name="Hash">SHA-256 (hex) of exactly what is signed.</param>
/// <param name="ReturnUrl">Local URL (inside the tenant) to come back to.</param>
public sealed record CitizenSignRequest(string Reference, string VisibleText, string Hash, string ReturnUrl);

/// <summary>The outcome of a signing.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Signature">The signature when <see cref="CitizenSignStatus.Completed"/>.</param>
public sealed record CitizenSignOutcome(CitizenSignStatus Status, CitizenSignature? Signature = null);

/// <summary>How a signing ended.</summary>
public enum CitizenSignStatus
{
    /// <summary>No signing outcome for this reference (none started, or already taken).</summary>
    None,

    /// <summary>Signed; the signature is verified.</summary>
    Completed,

    /// <summary>The person chose not to sign.</summary>
    Cancelled,

    /// <summary>The provider failed or its answer did not verify.</summary>
    Failed,
}

/// <summary>A verified e-ID signature.</summary>
/// <param name="Reference">The caller's reference.</param>
/// <param name="PersonalIdentityNumber">Who signed, <c>YYYYMMDD-NNNN</c>.</param>
/// <param name="Name">Their name.</param>
/// <param name="Hash">The hash they signed.</param>
/// <param name="SignedAt">When.</param>
/// <param name="Evidence">The provider's signed token (kept as evidence).</param>
public sealed record CitizenSignature(string Reference, string PersonalIdentityNumber, string Name, string Hash, DateTimeOffset SignedAt, string Evidence);

/// <summary>Where citizens sign in and out, inside a tenant's site.</summary>
public static class CitizenPaths
{
    /// <summary><c>GET ?returnUrl=</c>: starts an e-ID login and comes back to the local return URL.</summary>
    public const string Login = "/e-legitimation/logga-in";

    /// <summary><c>POST</c> (antiforgery): ends the citizen session.</summary>
    public const string Logout = "/e-legitimation/logga-ut";
}
