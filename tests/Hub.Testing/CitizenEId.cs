using System.Net;
using System.Text.RegularExpressions;

namespace Hub.Testing;

/// <summary>
/// Citizen e-ID through the hub's simulated provider, over real HTTP: the OIDC challenge, the provider's chooser form
/// (with its antiforgery token), the callback. For any test that needs a citizen logged in on a tenant.
/// </summary>
public static partial class CitizenEId
{
    /// <summary>Skatteverket's test person Tolvan Tolvansson.</summary>
    public const string Tolvan = "19121212-1212";

    /// <summary>A preset adult, guardian in the Andersson family.</summary>
    public const string AnnaAndersson = "19850417-2381";

    /// <summary>The second guardian of the Andersson family.</summary>
    public const string ErikAndersson = "19870903-2190";

    /// <summary>Another preset adult.</summary>
    public const string KarinLind = "19900220-3421";

    /// <summary>
    /// Logs <paramref name="personalIdentityNumber"/> (a preset test person) in on <paramref name="tenantSlug"/> and
    /// returns where the hub sent the browser in the end (the return URL, e.g. <c>/tyreso/e-legitimation</c>).
    /// </summary>
    public static async Task<string> LogInAsync(this HubClient client, string tenantSlug, string personalIdentityNumber = Tolvan, string? returnUrl = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var chooser = await client.OpenChooserAsync(tenantSlug, returnUrl);
        using var chosen = await client.SubmitChooserAsync(chooser, [new("Input.Person", personalIdentityNumber), new("decision", "login")]);
        return await client.FinishAtCallbackAsync(chosen);
    }

    /// <summary>Starts a login and returns the provider's chooser page (HTML), after following the challenge.</summary>
    public static async Task<string> OpenChooserAsync(this HubClient client, string tenantSlug, string? returnUrl = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var start = $"/{tenantSlug}/e-legitimation/logga-in" + (returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl));
        using var challenge = await client.GetAsync(start);
        return await client.ReadChooserAsync(challenge);
    }

    /// <summary>Follows a redirect to the provider's chooser and returns its HTML.</summary>
    public static async Task<string> ReadChooserAsync(this HubClient client, HttpResponseMessage redirectToProvider)
    {
        ArgumentNullException.ThrowIfNull(client);
        var authorize = Location(client, redirectToProvider);
        if (!authorize.AbsolutePath.EndsWith("/test-eid/authorize", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Expected a redirect to the simulated e-ID provider, got {(int)redirectToProvider.StatusCode} {authorize}.");
        }

        var (status, html) = await client.GetStringAsync(authorize.AbsoluteUri);
        return status == HttpStatusCode.OK ? html : throw new InvalidOperationException($"The provider answered {status}: {html}");
    }

    /// <summary>Posts the chooser form: its hidden fields and token as the page has them, plus <paramref name="fields"/>.</summary>
    public static Task<HttpResponseMessage> SubmitChooserAsync(this HubClient client, string chooserHtml, IEnumerable<KeyValuePair<string, string>> fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        var all = HiddenFields(chooserHtml).ToList();
        all.AddRange(fields);
        return client.PostWithTokenAsync("/test-eid/authorize", null, all);
    }

    /// <summary>Follows the provider's redirect to the hub's callback and returns where the hub sends the browser next.</summary>
    public static async Task<string> FinishAtCallbackAsync(this HubClient client, HttpResponseMessage providerResponse)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (providerResponse.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"The provider answered {(int)providerResponse.StatusCode}: {await providerResponse.Content.ReadAsStringAsync()}");
        }

        using var back = await client.GetAsync(Location(client, providerResponse).AbsoluteUri);
        return back.StatusCode == HttpStatusCode.Redirect
            ? back.Headers.Location!.OriginalString
            : throw new InvalidOperationException($"The callback answered {(int)back.StatusCode}.");
    }

    /// <summary>The hidden inputs of a page (the OIDC request's parameters and the antiforgery token).</summary>
    public static IEnumerable<KeyValuePair<string, string>> HiddenFields(string html)
    {
        foreach (Match input in HiddenInput().Matches(html))
        {
            var name = NameAttribute().Match(input.Value);
            var value = ValueAttribute().Match(input.Value);
            if (name.Success)
            {
                yield return new(WebUtility.HtmlDecode(name.Groups[1].Value), value.Success ? WebUtility.HtmlDecode(value.Groups[1].Value) : "");
            }
        }
    }

    /// <summary>A response's Location made absolute against the client's base address.</summary>
    public static Uri Location(HubClient client, HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(response);
        var location = response.Headers.Location ?? throw new InvalidOperationException($"No redirect: {(int)response.StatusCode}.");
        return location.IsAbsoluteUri ? location : new Uri(client.BaseAddress, location);
    }

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*>")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("\\sname=\"([^\"]*)\"")]
    private static partial Regex NameAttribute();

    [GeneratedRegex("\\svalue=\"([^\"]*)\"")]
    private static partial Regex ValueAttribute();
}
