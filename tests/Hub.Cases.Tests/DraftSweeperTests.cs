using System.Net;
using System.Text;
using Hub.Cases.Data;
using Hub.Cases.Intake;
using Hub.Data;
using Hub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Hub.Testing.Intake;

namespace Hub.Cases.Tests;

/// <summary>Expired drafts go, with their files on disk; unexpired drafts and submitted cases' files stay.</summary>
public abstract class DraftSweeperTests(HubFixture fixture)
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    [Fact]
    public async Task An_expired_draft_and_its_file_are_removed_and_nothing_else()
    {
        var slug = await fixture.CreateTenantAsync("s", ["specialkost", "synpunkter"]);
        var other = await fixture.CreateTenantAsync("t", ["synpunkter"]);

        // Anna's draft with an uploaded certificate, soon to expire.
        using var anna = fixture.CreateClient();
        await anna.LogInAsync(slug, CitizenEId.AnnaAndersson);
        var expiring = await DraftWithFileAsync(anna, slug);

        // Karin's draft with a file, submitted: the case keeps the file.
        using var karin = fixture.CreateClient();
        await karin.LogInAsync(slug, CitizenEId.KarinLind);
        var contact = await DraftWithFileAsync(karin, slug);
        using var lastStep = await karin.StepAsync(contact, [F("guardian.name", "Karin Lind"), F("guardian.email", $"karin@{slug}.example")]);
        using var submitted = await karin.SubmitAsync(lastStep.Location());
        var receipt = submitted.Location();

        // An anonymous draft in another tenant, not expired.
        using var visitor = fixture.CreateClient();
        var keptStep = await visitor.StartAsync(other, "synpunkter");

        var expiringDraft = Guid.Parse(expiring.Split('/')[^2]);
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CasesDbContext>();
            await db.Drafts.IgnoreQueryFilters([TenantModelBuilderExtensions.TenantFilter]).Where(d => d.Id == expiringDraft)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.ExpiresUtc, DateTime.UtcNow.AddMinutes(-1)));
        }

        var filesBefore = FilesOnDisk();
        Assert.Equal(2, filesBefore.Count(f => f.Contains(TenantDirectory(slug), StringComparison.Ordinal)));

        var (drafts, files) = await fixture.Services.GetRequiredService<DraftSweeper>().SweepAsync(CancellationToken.None);

        Assert.True(drafts >= 1, $"drafts removed: {drafts}");
        Assert.True(files >= 1, $"files removed: {files}");
        Assert.Single(FilesOnDisk(), f => f.Contains(TenantDirectory(slug), StringComparison.Ordinal));
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CasesDbContext>();
            Assert.False(await db.Drafts.IgnoreQueryFilters([TenantModelBuilderExtensions.TenantFilter]).AnyAsync(d => d.Id == expiringDraft));
            Assert.False(await db.Files.IgnoreQueryFilters([TenantModelBuilderExtensions.TenantFilter]).AnyAsync(f => f.DraftId == expiringDraft));
        }

        // Anna is told the draft is gone; the case's file and the other tenant's draft still work.
        using (var gone = await anna.GetAsync(expiring))
        {
            Assert.Equal(HttpStatusCode.Redirect, gone.StatusCode);
            Assert.Contains("utkast=saknas", gone.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        var (_, receiptHtml) = await karin.GetStringAsync(receipt);
        var fileLink = System.Text.RegularExpressions.Regex.Match(receiptHtml, "href=\"([^\"]*/e-tjanster/filer/[^\"]+)\"").Groups[1].Value;
        Assert.Equal(HttpStatusCode.OK, (await karin.GetStringAsync(fileLink)).Status);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetStringAsync(keptStep)).Status);

        // A second sweep finds nothing more of these.
        await fixture.Services.GetRequiredService<DraftSweeper>().SweepAsync(CancellationToken.None);
        Assert.Single(FilesOnDisk(), f => f.Contains(TenantDirectory(slug), StringComparison.Ordinal));
    }

    /// <summary>Fills specialkost's first two steps with a PDF certificate; returns the contact step's path.</summary>
    private static async Task<string> DraftWithFileAsync(HubClient client, string slug)
    {
        var step = await client.StartAsync(slug, "specialkost");
        using var first = await client.StepAsync(step, [F("child-name", "Elsa Andersson"), F("child-personnummer", "20150612-1233"), F("school", "kumla-skola")]);
        using var second = await client.UploadAsync(first.Location(), [F("reason", "medical"), F("allergens", "gluten"), F("start-date", "2026-08-17")], "certificate", "intyg.pdf", Pdf, "application/pdf");
        return second.Location();
    }

    private string TenantDirectory(string slug) =>
        fixture.Services.GetRequiredService<Hub.Tenancy.Contracts.ITenantDirectory>().FindBySlug(slug)!.Id.ToString("N");

    private string[] FilesOnDisk() =>
        Directory.Exists(fixture.Factory.FilesDirectory)
            ? Directory.GetFiles(fixture.Factory.FilesDirectory, "*", SearchOption.AllDirectories)
            : [];
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteDraftSweeperTests(SqliteHubFixture fixture) : DraftSweeperTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresDraftSweeperTests(PostgresHubFixture fixture) : DraftSweeperTests(fixture);
