using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hub.Identity.Contracts;
using Hub.Testing;

namespace Hub.Identity.Tests.Citizens;

public abstract class CitizenSigningTests(HubFixture fixture) : IAsyncLifetime
{
    private const string Text = "Jag intygar att uppgifterna i ansökan om bygglov är riktiga.";
    private static readonly string Hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Text)));
    private string slug = "";

    public async Task InitializeAsync() => slug = await fixture.CreateTenantAsync("sign");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_signature_completes_with_the_exact_hash_and_is_taken_once()
    {
        using var client = fixture.CreateClient();
        await client.LogInAsync(slug);
        var reference = "case-" + Guid.NewGuid().ToString("N");

        var chooser = await StartAsync(client, reference, Hash);
        using var signed = await client.SubmitChooserAsync(chooser, [new("Input.Person", CitizenEId.Tolvan), new("decision", "sign")]);
        var back = await client.FinishAtCallbackAsync(signed);
        var first = await OutcomeAsync(client, back);
        var second = await OutcomeAsync(client, back);

        Assert.Contains("Du skriver under:", chooser, StringComparison.Ordinal);
        Assert.Contains(Text, chooser, StringComparison.Ordinal);
        Assert.Contains(Hash, chooser, StringComparison.Ordinal);
        Assert.Equal($"/{slug}/__test/sign-result?ref={reference}", back);
        Assert.Equal(CitizenSignStatus.Completed, first.Status);
        Assert.Equal(Hash, first.Signature!.Hash);
        Assert.Equal(reference, first.Signature.Reference);
        Assert.Equal(CitizenEId.Tolvan, first.Signature.PersonalIdentityNumber);
        Assert.Equal("Tolvan Tolvansson", first.Signature.Name);
        Assert.Equal(3, first.Signature.Evidence.Split('.').Length);
        Assert.Equal(CitizenSignStatus.None, second.Status);
    }

    [Fact]
    public async Task A_signature_over_another_hash_than_asked_fails()
    {
        using var client = fixture.CreateClient();
        await client.LogInAsync(slug);
        var reference = "case-" + Guid.NewGuid().ToString("N");
        var tampered = Convert.ToHexStringLower(SHA256.HashData("något annat"u8));

        using var challenge = await client.GetAsync($"/{slug}/__test/sign?ref={reference}&hash={Hash}&text={Uri.EscapeDataString(Text)}");
        var authorize = CitizenEId.Location(client, challenge).AbsoluteUri;
        Assert.Contains("hub_sign_hash=" + Hash, authorize, StringComparison.Ordinal);
        var (_, chooser) = await client.GetStringAsync(authorize.Replace("hub_sign_hash=" + Hash, "hub_sign_hash=" + tampered, StringComparison.Ordinal));
        using var signed = await client.SubmitChooserAsync(chooser, [new("Input.Person", CitizenEId.Tolvan), new("decision", "sign")]);
        var outcome = await OutcomeAsync(client, await client.FinishAtCallbackAsync(signed));

        Assert.Contains(tampered, chooser, StringComparison.Ordinal);
        Assert.Equal(CitizenSignStatus.Failed, outcome.Status);
        Assert.Null(outcome.Signature);
    }

    [Fact]
    public async Task Cancelling_a_signature_is_told_as_cancelled()
    {
        using var client = fixture.CreateClient();
        await client.LogInAsync(slug);
        var reference = "case-" + Guid.NewGuid().ToString("N");

        var chooser = await StartAsync(client, reference, Hash);
        using var cancelled = await client.SubmitChooserAsync(chooser, [new("decision", "cancel")]);
        var outcome = await OutcomeAsync(client, await client.FinishAtCallbackAsync(cancelled));

        Assert.Equal(CitizenSignStatus.Cancelled, outcome.Status);
    }

    [Fact]
    public async Task Only_the_logged_in_citizen_can_sign()
    {
        using var client = fixture.CreateClient();
        await client.LogInAsync(slug, CitizenEId.AnnaAndersson);
        var reference = "case-" + Guid.NewGuid().ToString("N");

        var chooser = await StartAsync(client, reference, Hash);
        using var someoneElse = await client.SubmitChooserAsync(chooser, [new("Input.Person", CitizenEId.ErikAndersson), new("decision", "sign")]);
        var html = await someoneElse.Content.ReadAsStringAsync();

        Assert.DoesNotContain("value=\"" + CitizenEId.ErikAndersson + "\"", chooser, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, someoneElse.StatusCode);
        Assert.Contains("Bara den som är inloggad (19850417-2381) kan skriva under", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_outcome_is_not_given_for_another_reference()
    {
        using var client = fixture.CreateClient();
        await client.LogInAsync(slug);
        var reference = "case-" + Guid.NewGuid().ToString("N");

        var chooser = await StartAsync(client, reference, Hash);
        using var signed = await client.SubmitChooserAsync(chooser, [new("Input.Person", CitizenEId.Tolvan), new("decision", "sign")]);
        await client.FinishAtCallbackAsync(signed);
        var other = await OutcomeAsync(client, $"/{slug}/__test/sign-result?ref=another");
        var own = await OutcomeAsync(client, $"/{slug}/__test/sign-result?ref={reference}");

        Assert.Equal(CitizenSignStatus.None, other.Status);
        Assert.Equal(CitizenSignStatus.Completed, own.Status);
    }

    private async Task<string> StartAsync(HubClient client, string reference, string hash)
    {
        using var challenge = await client.GetAsync($"/{slug}/__test/sign?ref={reference}&hash={hash}&text={Uri.EscapeDataString(Text)}");
        return await client.ReadChooserAsync(challenge);
    }

    private static async Task<CitizenSignOutcome> OutcomeAsync(HubClient client, string path)
    {
        var (status, json) = await client.GetStringAsync(path);
        Assert.Equal(HttpStatusCode.OK, status);
        return JsonSerializer.Deserialize<CitizenSignOutcome>(json)!;
    }
}

[Collection(SqliteCitizenCollection.Name)]
public sealed class CitizenSigningTests_Sqlite(SqliteCitizenHubFixture fixture) : CitizenSigningTests(fixture);

[Collection(PostgresCitizenCollection.Name)]
public sealed class CitizenSigningTests_Postgres(PostgresCitizenHubFixture fixture) : CitizenSigningTests(fixture);
