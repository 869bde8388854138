using Hub.Testing;
using Microsoft.Playwright;
using static Hub.Testing.Intake;

namespace Hub.EndToEnd.Tests;

/// <summary>
/// Adoption of a catalogue package in a real browser on the demo data. Sundsvall owns Färdtjänst 1.0.0 in the catalogue;
/// Tyresö and Mjölby adopt it through the browse page and the adopt form; Tyresö rewrites a help text and adds an
/// optional field in the studio and publishes its local version; Sundsvall changes another text and the legal consent in
/// its 1.1.0, shares it with the consent locked, the hub's coordinator approves, Sundsvall publishes; both adopters
/// update without a conflict and keep their own changes, and Tyresö's studio shows the consent read-only with the
/// owner's reason. Mjölby then writes the same help text differently and proposes it; Sundsvall accepts it into its
/// draft and shares 1.2.0, which credits Mjölby; Tyresö meets the conflict, takes the owner's side after a preview,
/// and Mjölby updates without one. A case submitted to Tyresö under 1.0.0 still shows 1.0.0's questions to the officer.
/// Every kind of page is scanned with axe in English and Swedish the first time it is seen (the journey runs in Swedish).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AdoptionJourneyTests(BrowserFixture browser)
{
    private const string Owner = "sundsvall";
    private const string Key = "fardtjanst";
    private const string Locked = "consent-medical";

    // Tyresö and Mjölby already run a detached copy of Färdtjänst under "fardtjanst".
    private const string TyresoKey = "fardtjanst-teo";
    private const string MjolbyKey = "fardtjanst-cesam";

    private const string TyresoHint = "Tyresö: beskriv hur du tar dig fram i dag och vad som är svårast.";
    private const string MjolbyHint = "Mjölby: berätta vad som hindrar dig från att resa med bussen.";
    private const string ParkingLabel = "Har du parkeringstillstånd för rörelsehindrade?";
    private const string OriginalTripsLabel = "Ungefär hur många enkelresor gör du i månaden?";
    private const string TripsLabel = "Hur många enkelresor gör du en vanlig månad?";
    private const string ConsentLabel = "Samtycker du till att vi hämtar ett läkarintyg från vården?";
    private const string LockReason = "Samtycket är formulerat enligt patientdatalagen och får inte ändras.";
    private const string Proposal = "En hjälptext som fler förstår.";

    private readonly HashSet<string> scanned = [];

    [Fact]
    public async Task Two_municipalities_adopt_adapt_update_contribute_and_resolve_a_conflict()
    {
        var owner = await SignedInAsync(Owner, DemoAccounts.ServiceOwner);
        var tyreso = await SignedInAsync("tyreso", DemoAccounts.ServiceOwner);
        var mjolby = await SignedInAsync("mjolby", DemoAccounts.ServiceOwner);
        var coordinator = await SignedInAsync("hub", "samordnare");

        // Both adopt 1.0.0 from the browse page; the package page says who runs which version.
        var (packageId, tyresoAdoption) = await AdoptAsync(tyreso, "tyreso", TyresoKey);
        var (_, mjolbyAdoption) = await AdoptAsync(mjolby, "mjolby", MjolbyKey);
        var packageAdmin = $"/{Owner}/admin/katalog/paket/{packageId}";
        await VisitAsync(tyreso, $"/hub/katalog/{Owner}/{Key}", "public package");
        var adopters = await tyreso.Locator("main").InnerTextAsync();
        Assert.Contains("Tyresö kommun", adopters, StringComparison.Ordinal);
        Assert.Contains("Mjölby kommun", adopters, StringComparison.Ordinal);

        // A citizen applies to Tyresö's adopted service under 1.0.0 (over HTTP; the form pages have their own tests).
        var caseNumber = await SubmitFardtjanstAsync("tyreso", TyresoKey);

        // Tyresö adapts it in the studio with the keyboard and publishes its local version.
        var tyresoStudio = $"/tyreso/admin/e-tjanster/{TyresoKey}";
        await tyreso.GotoAsync($"/tyreso/admin/katalog/anpassning/{tyresoAdoption}");
        await PressAsync(tyreso, tyreso.GetByRole(AriaRole.Link, new() { Name = $"Anpassa {TyresoKey} i studion" }));
        await tyreso.WaitForURLAsync($"**{tyresoStudio}");
        await StartDraftAsync(tyreso, tyresoStudio);
        await EditTextsAsync(tyreso, tyresoStudio, "disability", "hint", TyresoHint, "Tyresö: describe how you get about today.");
        await VisitAsync(tyreso, tyresoStudio, "studio draft");
        await tyreso.SelectOptionAsync("#add-resorna_type", "yesNo");
        await TypeAsync(tyreso, "#add-resorna_key", "local-parking");
        await tyreso.Keyboard.PressAsync("Enter");
        await tyreso.WaitForURLAsync($"**{tyresoStudio}/element/local-parking?sparat=*");
        await HereAsync(tyreso, "studio element added");
        await TypeAsync(tyreso, "#label_sv", ParkingLabel);
        await TypeAsync(tyreso, "#label_en", "Do you have a disabled parking permit?");
        await tyreso.Keyboard.PressAsync("Enter");
        await tyreso.WaitForURLAsync($"**{tyresoStudio}?sparat=*");
        await PublishLocallyAsync(tyreso, "tyreso", TyresoKey, "1.0.1", "Egen hjälptext och en fråga om parkeringstillstånd.");
        await tyreso.GotoAsync($"/tyreso/admin/katalog/anpassning/{tyresoAdoption}");
        var changes = await tyreso.Locator("#local-changes").InnerTextAsync();
        Assert.Contains(TyresoHint, changes, StringComparison.Ordinal);
        Assert.Contains("local-parking", changes, StringComparison.Ordinal);

        // Sundsvall makes 1.1.0: another question's text and the legal consent; shared with the consent locked.
        var ownerStudio = $"/{Owner}/admin/e-tjanster/{Key}";
        await VisitAsync(owner, ownerStudio, "studio without draft");
        await StartDraftAsync(owner, ownerStudio);
        await EditTextsAsync(owner, ownerStudio, "trips-per-month", "label", TripsLabel, "How many single trips do you make in a normal month?");
        await EditTextsAsync(owner, ownerStudio, Locked, "label", ConsentLabel, "Do you consent to us obtaining a medical certificate from your healthcare provider?");
        await PublishLocallyAsync(owner, Owner, Key, "1.1.0", "Tydligare fråga om resor och nytt samtycke.");
        var v110 = await ShareAsync(owner, packageAdmin, "1.1.0", "Tydligare fråga om resor. Samtycket är nu låst.");
        await ApproveAsync(coordinator, v110);
        await PublishInCatalogueAsync(owner, packageAdmin, "1.1.0");

        // Both adopters update without a conflict and keep their changes.
        await UpdateWithoutConflictAsync(tyreso, "tyreso", tyresoAdoption, "1.1.0");
        await UpdateWithoutConflictAsync(mjolby, "mjolby", mjolbyAdoption, "1.1.0");

        // Tyresö's studio: its own help text and field, the owner's new texts, the consent read-only with the reason.
        await VisitAsync(tyreso, tyresoStudio, "studio without draft");
        await StartDraftAsync(tyreso, tyresoStudio);
        var notice = await tyreso.Locator("main .notice").First.InnerTextAsync();
        Assert.Contains("1.1.0", notice, StringComparison.Ordinal);
        Assert.Contains(LockReason, notice, StringComparison.Ordinal);
        Assert.Equal(TyresoHint, await ValueAsync(tyreso, tyresoStudio, "disability", "hint_sv"));
        Assert.Equal(ParkingLabel, await ValueAsync(tyreso, tyresoStudio, "local-parking", "label_sv"));
        Assert.Equal(TripsLabel, await ValueAsync(tyreso, tyresoStudio, "trips-per-month", "label_sv"));
        Assert.Equal(ConsentLabel, await ValueAsync(tyreso, tyresoStudio, Locked, "label_sv", "studio element locked"));
        Assert.Equal(1, await tyreso.Locator("main .notice--warning", new() { HasText = LockReason }).CountAsync());
        Assert.True(await tyreso.Locator("#label_sv").IsDisabledAsync());
        Assert.Equal(0, await tyreso.Locator("main .button-group button[value=save]").CountAsync());
        await DiscardDraftAsync(tyreso, tyresoStudio);

        // Mjölby writes the same help text its own way, publishes it and proposes it to the owner.
        var mjolbyStudio = $"/mjolby/admin/e-tjanster/{MjolbyKey}";
        await VisitAsync(mjolby, mjolbyStudio, "studio without draft");
        await StartDraftAsync(mjolby, mjolbyStudio);
        await EditTextsAsync(mjolby, mjolbyStudio, "disability", "hint", MjolbyHint, "Mjölby: tell us what keeps you from taking the bus.");
        await PublishLocallyAsync(mjolby, "mjolby", MjolbyKey, "1.1.1", "Egen hjälptext.");
        await VisitAsync(mjolby, $"/mjolby/admin/katalog/anpassning/{mjolbyAdoption}", "adoption");
        await PressAsync(mjolby, mjolby.GetByRole(AriaRole.Link, new() { Name = "Föreslå ändringar till ägaren" }));
        await mjolby.WaitForURLAsync($"**/anpassning/{mjolbyAdoption}/bidra");
        await HereAsync(mjolby, "contribute");
        var send = mjolby.Locator("main form button[type=submit]");
        await send.ClickAsync();
        await mjolby.Locator("#Message-error").WaitForAsync();
        await PostedAsync(mjolby, send, "contribute with errors");
        await mjolby.FocusAsync("input[name=Chosen][value='element:disability']");
        await mjolby.Keyboard.PressAsync("Space");
        await TypeAsync(mjolby, "#Message", Proposal);
        await send.ClickAsync();
        await mjolby.WaitForURLAsync("**?klart=contributed");
        await HereAsync(mjolby, "adoption contributed");

        // Sundsvall accepts it into its draft, publishes 1.2.0 and shares it; the catalogue credits Mjölby.
        await VisitAsync(owner, packageAdmin, "package admin with a proposal");
        await owner.Locator("main a", new() { HasText = "Förslag från Mjölby kommun" }).ClickAsync();
        await owner.WaitForURLAsync("**/admin/katalog/bidrag/*");
        await HereAsync(owner, "contribution");
        Assert.Contains(MjolbyHint, await owner.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await owner.GetByRole(AriaRole.Button, new() { Name = "Anta förslaget" }).ClickAsync();
        await owner.WaitForURLAsync("**?klart=accepted");
        await HereAsync(owner, "contribution accepted");
        Assert.Equal(MjolbyHint, await ValueAsync(owner, ownerStudio, "disability", "hint_sv"));
        await PublishLocallyAsync(owner, Owner, Key, "1.2.0", "Mjölbys hjälptext.");
        var v120 = await ShareAsync(owner, packageAdmin, "1.2.0", null);
        await ApproveAsync(coordinator, v120);
        await PublishInCatalogueAsync(owner, packageAdmin, "1.2.0");
        await VisitAsync(owner, $"/hub/katalog/{Owner}/{Key}", "public package");
        Assert.Contains($"Bidrag från Mjölby kommun: {Proposal}", await owner.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        // Tyresö meets the conflict over the help text: no choice is refused, then the owner's side after a preview.
        await tyreso.GotoAsync($"/tyreso/admin/katalog/anpassning/{tyresoAdoption}");
        await PressAsync(tyreso, tyreso.GetByRole(AriaRole.Link, new() { Name = "Se ändringarna och uppdatera till 1.2.0" }));
        await tyreso.WaitForURLAsync($"**/anpassning/{tyresoAdoption}/uppdatera");
        await HereAsync(tyreso, "update with conflicts");
        var conflicts = tyreso.Locator("main form fieldset");
        var count = await conflicts.CountAsync();
        Assert.True(count > 0, "no conflict shown");
        var form = await tyreso.Locator("main form").InnerTextAsync();
        Assert.Contains(TyresoHint, form, StringComparison.Ordinal);
        Assert.Contains(MjolbyHint, form, StringComparison.Ordinal);
        var apply = tyreso.Locator("main form button[formaction$='/uppdatera/apply']");
        var preview = tyreso.Locator("main form button[formaction$='/uppdatera/preview']");
        await apply.ClickAsync();
        await tyreso.Locator("main .field__error").First.WaitForAsync();
        Assert.Equal(count, await tyreso.Locator("main form fieldset .field__error").CountAsync());
        await PostedAsync(tyreso, apply, "update refused");
        var theirs = tyreso.Locator("main form input[type=radio][value=theirs]");
        for (var i = 0; i < count; i++)
        {
            await theirs.Nth(i).FocusAsync();
            await tyreso.Keyboard.PressAsync("Space");
        }

        await preview.ClickAsync();
        await tyreso.Locator("#preview-changes").WaitForAsync();
        Assert.Contains("Så blir version 1.2.0", await tyreso.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await PostedAsync(tyreso, preview, "update preview");
        Assert.Contains("1.2.0", await apply.InnerTextAsync(), StringComparison.Ordinal);
        await apply.ClickAsync();
        await tyreso.WaitForURLAsync("**?klart=updated");

        // What Tyresö's service now has: the owner's help text (chosen), its own field, the owner's texts.
        await VisitAsync(tyreso, tyresoStudio, "studio without draft");
        await StartDraftAsync(tyreso, tyresoStudio);
        Assert.Equal(MjolbyHint, await ValueAsync(tyreso, tyresoStudio, "disability", "hint_sv"));
        Assert.Equal(ParkingLabel, await ValueAsync(tyreso, tyresoStudio, "local-parking", "label_sv"));
        Assert.Equal(TripsLabel, await ValueAsync(tyreso, tyresoStudio, "trips-per-month", "label_sv"));
        await DiscardDraftAsync(tyreso, tyresoStudio);

        // Mjölby's change is upstream's now: no conflict, and nothing of its own is left.
        await UpdateWithoutConflictAsync(mjolby, "mjolby", mjolbyAdoption, "1.2.0");
        Assert.Contains("Inga ändringar.", await mjolby.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await VisitAsync(mjolby, $"/hub/katalog/{Owner}/{Key}", "public package");
        Assert.Contains("1.2.0", await mjolby.Locator("main tr", new() { HasText = "Mjölby kommun" }).First.InnerTextAsync(), StringComparison.Ordinal);

        // The case submitted under 1.0.0 is shown to the officer with 1.0.0's questions.
        var officer = await SignedInAsync("tyreso", DemoAccounts.CaseOfficer);
        await VisitAsync(officer, $"/tyreso/admin/arenden/{caseNumber}", "officer case");
        var casePage = await officer.Locator("main").InnerTextAsync();
        Assert.Contains(OriginalTripsLabel, casePage, StringComparison.Ordinal);
        Assert.DoesNotContain(TripsLabel, casePage, StringComparison.Ordinal);
        Assert.DoesNotContain(ParkingLabel, casePage, StringComparison.Ordinal);

        foreach (var page in new[] { owner, tyreso, mjolby, coordinator, officer })
        {
            await page.Context.CloseAsync();
        }
    }

    private async Task<IPage> SignedInAsync(string tenant, string user)
    {
        var page = await browser.NewPageAsync("sv");
        await page.GotoAsync($"/{tenant}/konto/logga-in");
        await TypeAsync(page, "#UserName", user);
        await TypeAsync(page, "#Password", DemoAccounts.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"**/{tenant}/admin");
        return page;
    }

    /// <summary>From the municipality's catalogue page to the browse page, a search, the adopt form; returns the package and adoption ids.</summary>
    private async Task<(string PackageId, string AdoptionId)> AdoptAsync(IPage page, string tenant, string localKey)
    {
        await VisitAsync(page, $"/{tenant}/admin/katalog", "admin catalogue");
        await PressAsync(page, page.Locator("main a[href$='/admin/katalog/hamta']"));
        await page.WaitForURLAsync($"**/{tenant}/admin/katalog/hamta");
        await HereAsync(page, "browse");
        await TypeAsync(page, "#q", "färdtjänst");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/hamta?q=*");
        await HereAsync(page, "browse search");
        var adopt = page.Locator("main tbody tr", new() { HasText = "Sundsvalls kommun" }).Locator("a[href*='/admin/katalog/hamta/']");
        Assert.Equal(1, await adopt.CountAsync());
        var packageId = (await adopt.GetAttributeAsync("href"))!.Split('/')[^1];
        await PressAsync(page, adopt);
        await page.WaitForURLAsync($"**/hamta/{packageId}");
        await HereAsync(page, "adopt");
        Assert.False(await page.IsCheckedAsync("#Follow"));
        await page.FocusAsync("#Publish");
        await page.Keyboard.PressAsync("Space");
        await TypeAsync(page, "#LocalKey", localKey);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/anpassning/*?klart=adopted");
        await HereAsync(page, "adoption adopted");
        var adoptionId = new Uri(page.Url).AbsolutePath.Split('/')[^1];
        var facts = await page.Locator("main dl").InnerTextAsync();
        Assert.Contains("1.0.0 (publicerad)", facts, StringComparison.Ordinal);
        return (packageId, adoptionId);
    }

    private async Task StartDraftAsync(IPage page, string studio)
    {
        await PressAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Ändra e-tjänsten" }));
        await page.Locator("#add-resorna_type").WaitForAsync();
        Assert.EndsWith(studio, new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await HereAsync(page, "studio draft");
    }

    private async Task DiscardDraftAsync(IPage page, string studio)
    {
        await page.GotoAsync(studio);
        await page.GetByRole(AriaRole.Button, new() { Name = "Släng utkastet" }).ClickAsync();
        await page.WaitForURLAsync("**/admin/e-tjanster?slangt=*");
        await HereAsync(page, "studio discarded");
    }

    /// <summary>Rewrites an element's text in both languages on its studio page, with the keyboard.</summary>
    private async Task EditTextsAsync(IPage page, string studio, string element, string field, string sv, string en)
    {
        await VisitAsync(page, $"{studio}/element/{element}", "studio element");
        await TypeAsync(page, $"#{field}_sv", sv);
        await TypeAsync(page, $"#{field}_en", en);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"**{studio}?sparat=*");
    }

    private async Task<string> ValueAsync(IPage page, string studio, string element, string field, string kind = "studio element")
    {
        await VisitAsync(page, $"{studio}/element/{element}", kind);
        return await page.InputValueAsync("#" + field);
    }

    private async Task PublishLocallyAsync(IPage page, string tenant, string service, string version, string note)
    {
        await VisitAsync(page, $"/{tenant}/admin/e-tjanster/{service}/publicera", "studio publish");
        await TypeAsync(page, "#version", version);
        await TypeAsync(page, "#changeNote", note);
        await PressAsync(page, page.Locator("main form button.button").First);
        await page.WaitForURLAsync($"**/{tenant}/admin/e-tjanster?publicerad=*");
        await HereAsync(page, "studio published");
    }

    /// <summary>Submits the owner's newest published version with the consent locked; returns the catalogue version's id.</summary>
    private async Task<string> ShareAsync(IPage owner, string packageAdmin, string version, string? changelog)
    {
        await VisitAsync(owner, $"/{Owner}/admin/katalog/dela/{Key}", "share");
        Assert.Contains(version, await owner.Locator("#SourceVersionId option:checked").InnerTextAsync(), StringComparison.Ordinal);
        if (changelog is null)
        {
            // A version with an accepted proposal starts its changelog with the credit.
            Assert.Contains($"Bidrag från Mjölby kommun: {Proposal}", await owner.InputValueAsync("#Changelog"), StringComparison.Ordinal);
        }
        else
        {
            await owner.FillAsync("#Changelog", changelog);
        }

        await owner.SelectOptionAsync($"select[name='Policy.element:{Locked}']", "locked");
        await owner.FillAsync("#Policy_Reason_sv", LockReason);
        await owner.FillAsync("#Policy_Reason_en", "The consent is worded as the Patient Data Act requires and may not be changed.");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Skicka till granskning" }).ClickAsync();
        await owner.WaitForURLAsync($"**/{Owner}/admin/katalog?inskickad={Key}");
        await HereAsync(owner, "owner catalogue submitted");
        await VisitAsync(owner, packageAdmin, "package admin");
        var heading = owner.Locator("main h3[id^='v-']", new() { HasText = version });
        return (await heading.First.GetAttributeAsync("id"))![2..];
    }

    private async Task ApproveAsync(IPage coordinator, string versionId)
    {
        await VisitAsync(coordinator, "/hub/admin/katalog/granskning", "review queue");
        await VisitAsync(coordinator, $"/hub/admin/katalog/granskning/{versionId}", "review");
        await coordinator.FillAsync("#comment", "Godkänd.");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Godkänn" }).ClickAsync();
        await coordinator.WaitForURLAsync("**/hub/admin/katalog/granskning?beslut=*");
    }

    private async Task PublishInCatalogueAsync(IPage owner, string packageAdmin, string version)
    {
        await owner.GotoAsync(packageAdmin);
        await owner.GetByRole(AriaRole.Button, new() { Name = $"Publicera {version} i katalogen" }).ClickAsync();
        await owner.WaitForURLAsync("**?klart=publicerad");
        await HereAsync(owner, "package admin published");
    }

    private async Task UpdateWithoutConflictAsync(IPage page, string tenant, string adoptionId, string version)
    {
        await VisitAsync(page, $"/{tenant}/admin/katalog/anpassning/{adoptionId}", "adoption");
        Assert.Contains($"Version {version} finns i katalogen.", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await PressAsync(page, page.GetByRole(AriaRole.Link, new() { Name = $"Se ändringarna och uppdatera till {version}" }));
        await page.WaitForURLAsync($"**/anpassning/{adoptionId}/uppdatera");
        await HereAsync(page, "update");
        Assert.Contains("Inga krockar", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("main form fieldset").CountAsync());
        var apply = page.Locator("main form button[formaction$='/uppdatera/apply']");
        Assert.Contains(version, await apply.InnerTextAsync(), StringComparison.Ordinal);
        await apply.ClickAsync();
        await page.WaitForURLAsync($"**/anpassning/{adoptionId}?klart=updated");
        await HereAsync(page, "adoption updated");
        var facts = await page.Locator("main dl").InnerTextAsync();
        Assert.Contains(version, facts, StringComparison.Ordinal);
    }

    /// <summary>Tyresö's citizen applies for Färdtjänst at its adopted service; returns the case number.</summary>
    private async Task<string> SubmitFardtjanstAsync(string tenant, string service)
    {
        using var http = browser.Hub.CreateClient();
        await http.LogInAsync(tenant, CitizenEId.Tolvan);
        var step = await http.StartAsync(tenant, service);
        using var you = await http.StepAsync(step, [F("registered-here", "yes"), F("applicant.name", "Tolvan Tolvansson"), F("applicant.email", $"tolvan@{tenant}.example"),
            F("home-address.street", "Storgatan 12"), F("home-address.postalCode", "13540"), F("home-address.city", "Tyresö")]);
        using var disability = await http.StepAsync(you.Location(), [F("disability", "Jag har svårt att gå längre sträckor."), F("duration", "permanent"),
            F("walking-distance", "under-100-metres"), F("mobility-aids", "rollator")]);
        using var trips = await http.StepAsync(disability.Location(), [F("travel-needs", "shopping-services"), F("trips-per-month", "8"), F("companion-needed", "no")]);
        using var certificate = await http.StepAsync(trips.Location(), [F("consent-medical", "yes"), F("care-provider", "Tyresö vårdcentral")]);
        using var submitted = await http.SubmitAsync(certificate.Location());
        return CaseNumber(submitted.Location());
    }

    /// <summary>Opens a path in Swedish; a kind of page seen for the first time is scanned in English first, then in Swedish.</summary>
    private async Task VisitAsync(IPage page, string path, string kind)
    {
        if (scanned.Add(kind))
        {
            await browser.SetLanguageAsync(page.Context, "en");
            Assert.Equal(200, await PageChecks.VisitAsync(page, path, "en"));
            await browser.SetLanguageAsync(page.Context, "sv");
            Assert.Equal(200, await PageChecks.VisitAsync(page, path, "sv"));
        }
        else
        {
            Assert.Equal(200, (await page.GotoAsync(path))!.Status);
        }
    }

    /// <summary>The page a link or a redirect led to: the first of its kind is scanned in Swedish, reloaded in English and scanned, and reloaded in Swedish.</summary>
    private async Task HereAsync(IPage page, string kind)
    {
        if (!scanned.Add(kind))
        {
            return;
        }

        await PageChecks.AssertAccessibleAsync(page, "sv");
        await browser.SetLanguageAsync(page.Context, "en");
        await page.ReloadAsync();
        await PageChecks.AssertAccessibleAsync(page, "en");
        await browser.SetLanguageAsync(page.Context, "sv");
        await page.ReloadAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    /// <summary>A page a form post answered (errors, preview): scanned in Swedish, posted again in English and scanned, then Swedish again for what follows.</summary>
    private async Task PostedAsync(IPage page, ILocator button, string kind)
    {
        if (!scanned.Add(kind))
        {
            return;
        }

        await PageChecks.AssertAccessibleAsync(page, "sv");
        await browser.SetLanguageAsync(page.Context, "en");
        await button.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.Locator("html[lang=en]").WaitForAsync();
        await PageChecks.AssertAccessibleAsync(page, "en");
        await browser.SetLanguageAsync(page.Context, "sv");
        await button.ClickAsync();
        await page.Locator("html[lang=sv]").WaitForAsync();
    }

    private static async Task PressAsync(IPage page, ILocator target)
    {
        await target.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
    }

    private static async Task TypeAsync(IPage page, string selector, string text)
    {
        await page.FocusAsync(selector);
        await page.Keyboard.PressAsync("ControlOrMeta+a");
        await page.Keyboard.TypeAsync(text);
    }
}
