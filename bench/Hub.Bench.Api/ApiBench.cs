using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Hub.Cases.Data;
using Hub.Cases.Domain;
using Hub.Cases.Handling;
using Hub.Cases.Intake;
using Hub.Catalog.Contracts;
using Hub.Forms.Contracts;
using Hub.Tenancy.Contracts;
using Hub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Bench.Api;

/// <summary>
/// One tenant of the running host, filled with cases through the cases module (its DbContext in a tenant scope, so
/// the query filter and the save interceptor's tenant guard apply to every row), and read back through the API.
/// </summary>
internal sealed class ApiBench(HubAppFactory factory, string slug)
{
    private const int Batch = 2_000;

    private ITenantScopeFactory Scopes { get; } = factory.Services.GetRequiredService<ITenantScopeFactory>();

    /// <summary>Anna Andersson applies for Ekonomiskt bistånd (the demo's largest form) through the citizen's pages: the template.</summary>
    public async Task<(string Number, int Answers)> SubmitTemplateAsync()
    {
        using var citizen = new HubClient(factory.BaseAddress);
        await citizen.LogInAsync(slug, CitizenEId.AnnaAndersson);
        var number = await citizen.SubmitEkonomisktBistandAsync(slug, "rental", $"anna@{slug}.example");
        await using var scope = Scopes.CreateScope(slug);
        var db = scope.ServiceProvider.GetRequiredService<CasesDbContext>();
        var template = await db.Cases.AsNoTracking().SingleAsync(c => c.Number == number);
        return (number, AnswerJson.Read(template.AnswersJson).Count);
    }

    /// <summary>
    /// The 40-question service (<see cref="FortyFields"/>) imported and published by the tenant, and one application
    /// submitted through the citizen's pages by Anna Andersson: the template of the PDF's cases.
    /// </summary>
    public async Task<(string Number, int Answers)> SubmitFortyFieldsAsync()
    {
        await using (var scope = Scopes.CreateScope(slug))
        {
            var packages = scope.ServiceProvider.GetRequiredService<IServicePackages>();
            var imported = await packages.ImportAsync(FortyFields.Package());
            if (!imported.Succeeded)
            {
                throw new InvalidOperationException("The 40-question service was refused: " + string.Join("; ", imported.Problems));
            }

            var published = await packages.PublishAsync(imported.VersionId!.Value);
            if (!published.Published)
            {
                throw new InvalidOperationException("The 40-question service was not published: " + string.Join("; ", published.Findings));
            }
        }

        using var citizen = new HubClient(factory.BaseAddress);
        await citizen.LogInAsync(slug, CitizenEId.AnnaAndersson);
        var path = await citizen.StartAsync(slug, FortyFields.Key);
        for (var page = 0; page < FortyFields.PageCount; page++)
        {
            using var step = await citizen.StepAsync(path, FortyFields.Answers(page));
            path = step.Location();
        }

        using var submitted = await citizen.SubmitAsync(path);
        var number = Intake.CaseNumber(submitted.Location());
        await using var read = Scopes.CreateScope(slug);
        var db = read.ServiceProvider.GetRequiredService<CasesDbContext>();
        var template = await db.Cases.AsNoTracking().SingleAsync(c => c.Number == number);
        return (number, AnswerJson.Read(template.AnswersJson).Count);
    }

    /// <summary>
    /// <paramref name="total"/> copies of the templates with their own numbers and times, each begun in its workflow's
    /// first state as a submission is: every tenth (i % 10 == 5) a copy of <paramref name="otherNumber"/>, the rest of
    /// <paramref name="templateNumber"/>. All but <paramref name="undelivered"/> (every n-th, spread over the range,
    /// never an "other") confirmed delivered through <see cref="Case.ConfirmDelivery"/>. Batches of
    /// <see cref="Batch"/>, each in a scope.
    /// </summary>
    public async Task<(List<string> Main, List<string> Other)> SeedAsync(string templateNumber, string otherNumber, int total, int undelivered)
    {
        var main = await TemplateAsync(templateNumber);
        var other = await TemplateAsync(otherNumber);
        var numbers = new List<string>(total);
        var others = new List<string>(total / 10 + 1);
        var every = Math.Max(1, total / Math.Max(1, undelivered));
        var start = DateTime.UtcNow.AddSeconds(-total - 60);
        var undeliveredLeft = undelivered;
        for (var from = 0; from < total; from += Batch)
        {
            await using var scope = Scopes.CreateScope(slug);
            var db = scope.ServiceProvider.GetRequiredService<CasesDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = from; i < Math.Min(total, from + Batch); i++)
            {
                var isOther = i % 10 == 5;
                var (template, first) = isOther ? other : main;
                var at = start.AddSeconds(i);
                var @case = new Case
                {
                    Id = Guid.CreateVersion7(at),
                    Number = $"TYR-2025-{(i + 1).ToString("D6", CultureInfo.InvariantCulture)}",
                    ServiceId = template.ServiceId,
                    ServiceVersionId = template.ServiceVersionId,
                    ServiceKey = template.ServiceKey,
                    DraftId = Guid.CreateVersion7(at),
                    Language = template.Language,
                    AnswersJson = template.AnswersJson,
                    SubmissionHash = template.SubmissionHash,
                    SubmitterPersonalIdentityNumber = template.SubmitterPersonalIdentityNumber,
                    SubmitterName = template.SubmitterName,
                    ContactEmail = template.ContactEmail,
                    SubmittedUtc = at,
                    UpdatedUtc = at,
                    ExpectedDecisionBy = template.ExpectedDecisionBy,
                    Confidential = template.Confidential,
                    TenantId = template.TenantId,
                };
                db.Cases.Add(@case);
                db.Events.Add(@case.Begin(first.State, first.Group, awaitsSignatures: false, "Submitted", template.SubmitterName, at));
                if (isOther || i % every != 0 || undeliveredLeft == 0)
                {
                    @case.ConfirmDelivery("SEED-" + @case.Number, "Bench seed", at, out var entry);
                    db.Events.Add(entry!);
                }
                else
                {
                    undeliveredLeft--;
                }

                (isOther ? others : numbers).Add(@case.Number);
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
        }

        return (numbers, others);
    }

    /// <summary>A submitted case as a template: the row and its workflow's first state. It is marked delivered, so the queue is exactly the seeded ones.</summary>
    private async Task<(Case Case, WorkflowStateInfo First)> TemplateAsync(string number)
    {
        await using var scope = Scopes.CreateScope(slug);
        var db = scope.ServiceProvider.GetRequiredService<CasesDbContext>();
        var template = await db.Cases.AsNoTracking().SingleAsync(c => c.Number == number);
        var details = await scope.ServiceProvider.GetRequiredService<CaseReader>().DetailsAsync(template, CancellationToken.None)
            ?? throw new InvalidOperationException("The template's service version is gone.");
        var (state, group) = CaseWorkflow.Start(details.Service, details.Answers, DateOnly.FromDateTime(DateTime.UtcNow));
        var tracked = await db.Cases.SingleAsync(c => c.Id == template.Id);
        tracked.ConfirmDelivery("SEED-" + tracked.Number, "Bench seed", DateTime.UtcNow, out var delivered);
        db.Events.Add(delivered!);
        await db.SaveChangesAsync();
        return (template, new WorkflowStateInfo(state, group));
    }

    /// <summary>
    /// SQLite: folds the seed's write-ahead log (hundreds of MB written in minutes) into the database, as a database
    /// that grew over months has long done; without it, every commit under read load (the XML read's audit row) tries
    /// to checkpoint that log again. Returns what SQLite answered (busy, log frames, checkpointed frames).
    /// </summary>
    public async Task<string?> CheckpointAsync()
    {
        await using var scope = Scopes.CreateScope(slug);
        var db = scope.ServiceProvider.GetRequiredService<CasesDbContext>();
        if (!db.Database.IsSqlite())
        {
            return null;
        }

        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? $"{reader.GetValue(0)}, {reader.GetValue(1)}, {reader.GetValue(2)}" : "";
    }

    /// <summary>
    /// SQLite's plans and times of what every case read (CasesApi's FindAsync, CaseReader.DetailsAsync) asks the
    /// database for one number: the case, then its events. The tenant filter adds <c>TenantId = ?</c> to both.
    /// </summary>
    public async Task<string?> ExplainLookupAsync(string number)
    {
        await using var scope = Scopes.CreateScope(slug);
        var db = scope.ServiceProvider.GetRequiredService<CasesDbContext>();
        if (!db.Database.IsSqlite())
        {
            return null;
        }

        var query = db.Cases.AsNoTracking().Where(c => c.Number == number && c.Status != CaseStatus.WaitingForSignature);
        var (caseMs, casePlan) = await ExplainAsync(db, query);
        var id = (await query.SingleAsync()).Id;
        var (eventsMs, eventsPlan) = await ExplainAsync(db, db.Events.AsNoTracking().Where(e => e.CaseId == id).OrderBy(e => e.AtUtc));
        return $"case {caseMs:F1} ms, plan: {casePlan}; its events {eventsMs:F1} ms, plan: {eventsPlan}";
    }

    private static async Task<(double Ms, string Plan)> ExplainAsync<T>(CasesDbContext db, IQueryable<T> query)
    {
        var sql = query.ToQueryString();
        var watch = Stopwatch.StartNew();
        await query.ToListAsync();
        var ms = watch.Elapsed.TotalMilliseconds;
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }

        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', sql.Split('\n').Where(l => !l.StartsWith(".param", StringComparison.Ordinal)));
        foreach (var line in sql.Split('\n').Where(l => l.StartsWith(".param set ", StringComparison.Ordinal)))
        {
            var parts = line[".param set ".Length..].Split(' ', 2);
            var p = command.CreateParameter();
            p.ParameterName = parts[0];
            p.Value = parts[1].Trim('\'');
            command.Parameters.Add(p);
        }

        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(3));
        }

        return (ms, string.Join(" / ", plan));
    }

    /// <summary>Tokens of <paramref name="count"/> API clients a TenantAdmin adds on the admin page: several systems.</summary>
    public async Task<List<string>> TokensAsync(int count)
    {
        using var admin = new HubClient(factory.BaseAddress);
        using (var signIn = await admin.SignInAsync(slug, DemoAccounts.TenantAdmin, DemoAccounts.Password))
        {
            if (signIn.StatusCode != System.Net.HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"The admin sign-in answered {(int)signIn.StatusCode}.");
            }
        }

        var tokens = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var credentials = await ApiAccess.CreateClientAsync(admin, slug, $"Bench system {i + 1}", "cases:read", "cases:write");
            tokens.Add(await ApiAccess.TokenAsync(factory.BaseAddress, credentials));
        }

        return tokens;
    }

    /// <summary>Every undelivered case through the API, <paramref name="limit"/> a page, by cursor, each page parsed.</summary>
    public async Task<(double Ms, int Count, int Pages)> PullAsync(HttpClient http, int limit)
    {
        var watch = Stopwatch.StartNew();
        var count = 0;
        var pages = 0;
        string? cursor = null;
        do
        {
            var page = await http.GetFromJsonAsync<JsonElement>(
                $"/{slug}/api/v1/cases?delivered=false&limit={limit}" + (cursor is null ? "" : "&cursor=" + cursor));
            count += page.GetProperty("items").GetArrayLength();
            cursor = page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null);

        return (watch.Elapsed.TotalMilliseconds, count, pages);
    }

    /// <summary>The same rows in one query through the same DbContext: the list's filter and order, whole rows.</summary>
    public async Task<(double Ms, int Count)> PlainSelectAsync()
    {
        var watch = Stopwatch.StartNew();
        await using var scope = Scopes.CreateScope(slug);
        var db = scope.ServiceProvider.GetRequiredService<CasesDbContext>();
        var rows = await db.Cases.AsNoTracking()
            .Where(c => c.Status != CaseStatus.WaitingForSignature && c.DeliveredUtc == null)
            .OrderBy(c => c.UpdatedUtc).ThenBy(c => c.Number).ToListAsync();
        return (watch.Elapsed.TotalMilliseconds, rows.Count);
    }

    /// <summary>Positions all through the tenant's cases (every 500th), for list requests that start anywhere.</summary>
    public async Task<List<string>> CursorsAsync(HttpClient http)
    {
        var cursors = new List<string>();
        string? cursor = null;
        do
        {
            var page = await http.GetFromJsonAsync<JsonElement>($"/{slug}/api/v1/cases?limit=500" + (cursor is null ? "" : "&cursor=" + cursor));
            cursor = page.GetProperty("nextCursor").GetString();
            if (cursor is not null)
            {
                cursors.Add(cursor);
            }
        }
        while (cursor is not null);

        return cursors;
    }

    private sealed record WorkflowStateInfo(Hub.Packages.Contracts.WorkflowState State, string? Group);
}
