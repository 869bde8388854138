using System.Globalization;
using System.Text.Json;
using Hub.Abstractions;
using Hub.Audit.Contracts;
using Hub.Cases.Data;
using Hub.Cases.Domain;
using Hub.Cases.Handling;
using Hub.Cases.Resources;
using Hub.Catalog.Contracts;
using Hub.Data;
using Hub.Forms.Contracts;
using Hub.Identity.Contracts;
using Hub.Integrations.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace Hub.Cases.Intake;

/// <summary>A case an officer registers by hand.</summary>
/// <param name="Channel">One of <see cref="CaseChannels.Manual"/>.</param>
/// <param name="Name">The applicant's name.</param>
/// <param name="PersonalIdentityNumber">The applicant's personnummer (<c>YYYYMMDD-NNNN</c>), if known: the case then shows on their Mina sidor.</param>
/// <param name="Email">Where to send news, if anywhere.</param>
/// <param name="Summary">What the case is about (the first note).</param>
internal sealed record ManualCase(string Channel, string Name, string? PersonalIdentityNumber, string? Email, string Summary);

/// <summary>What a submission needs besides the draft.</summary>
/// <param name="Service">The exact version the draft was filled in against.</param>
/// <param name="Answers">The answers as validation kept them (visible, normalised).</param>
/// <param name="Citizen">The logged-in submitter, if any.</param>
/// <param name="Signature">The submitter's verified signature, for services that require one.</param>
/// <param name="SiteUrl">The tenant site's absolute base URL, for links in e-mail.</param>
internal sealed record Submission(PublishedService Service, IReadOnlyDictionary<string, AnswerValue> Answers, Citizen? Citizen, CitizenSignature? Signature, string SiteUrl);

/// <summary>
/// Turns a draft into a case in one transaction: number, answers, history, signatures, files and e-mail commit
/// together or not at all. Submitting the same draft again returns the case it already became.
/// </summary>
internal sealed class CaseSubmitter(
    CasesDbContext db,
    HubConnection connection,
    TenantSql sql,
    SubmittedDrafts submittedDrafts,
    ITenantContext tenantContext,
    IEmailOutbox outbox,
    CaseEntry entry,
    IAuditTrail audit,
    IStringLocalizerFactory localizers,
    IntakeMetrics metrics,
    TimeProvider clock,
    ILogger<CaseSubmitter> logger)
{
    /// <summary>The case the draft became, if it was submitted (in the current tenant).</summary>
    /// <remarks>Every submission asks first, and nearly always there is none: only a draft that was submitted loads its case.</remarks>
    public async Task<Case?> FindByDraftAsync(Guid draftId, CancellationToken cancellationToken) =>
        await submittedDrafts.FindAsync(draftId, cancellationToken) is not null
            ? await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.DraftId == draftId, cancellationToken)
            : null;

    public async Task<Case> SubmitAsync(Draft draft, Submission submission, CancellationToken cancellationToken)
    {
        if (await FindByDraftAsync(draft.Id, cancellationToken) is { } existing)
        {
            return existing;
        }

        var tenant = tenantContext.Tenant ?? throw new InvalidOperationException("No current tenant.");
        var now = clock.GetUtcNow();
        // On SQLite the transaction below is the node's one writer at a time, so everything that does not need it is
        // done first: the case and its history are built before the turn to write.
        var form = submission.Service.Form;
        var @case = new Case
        {
            Id = Guid.CreateVersion7(),
            Number = "", // taken in the transaction
            ServiceId = submission.Service.ServiceId,
            ServiceVersionId = submission.Service.VersionId,
            ServiceKey = submission.Service.Key,
            DraftId = draft.Id,
            Language = draft.Language,
            AnswersJson = AnswerJson.Write(submission.Answers),
            SubmissionHash = AnswerJson.Hash(submission.Service.ContentHash, submission.Answers),
            SubmitterPersonalIdentityNumber = submission.Citizen?.PersonalIdentityNumber,
            SubmitterName = submission.Citizen?.Name,
            AnonymousKeyHash = submission.Citizen is null ? draft.AnonymousKeyHash : null,
            ContactEmail = SubmittedValues.ContactEmail(form, submission.Answers),
            SubmittedUtc = now.UtcDateTime,
            UpdatedUtc = now.UtcDateTime,
            ExpectedDecisionBy = DateOnly.FromDateTime(now.UtcDateTime).AddDays(submission.Service.Package.HandlingDays),
        };

        @case.TenantId = tenant.Id;
        var signatures = Signatures(@case, form, submission, now.UtcDateTime).ToList();
        var (state, group) = CaseWorkflow.Start(submission.Service, submission.Answers, DateOnly.FromDateTime(now.UtcDateTime));
        @case.Confidential = submission.Service.Package.Confidential;
        var events = new List<CaseEvent>
        {
            @case.Begin(state, group, awaitsSignatures: signatures.Any(s => s.Status == SignatureStatus.Pending), "Submitted", submission.Citizen?.Name, now.UtcDateTime),
        };
        if (submission.Signature is not null)
        {
            events.Add(@case.NewEvent("SignedBySubmitter", submission.Signature.Name, now.UtcDateTime));
        }

        var keptFiles = submission.Answers.Values.OfType<FileAnswer>().SelectMany(f => f.Files).Select(f => f.Id).ToHashSet();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            @case.Number = await CaseNumbers.NextAsync(sql, tenant, now.Year, cancellationToken);
            // The case, its history and the draft's removal are plain commands: through EF Core they were the larger
            // part of the time a submission holds SQLite's one writer.
            await CaseRows.InsertAsync(sql, @case, events, cancellationToken);
            if (signatures.Count > 0 || keptFiles.Count > 0)
            {
                await connection.EnlistAsync(db);
                db.Signatures.AddRange(signatures);
                // Only kept files move to the case (the others stay with the draft's id).
                foreach (var file in keptFiles.Count == 0 ? [] : await db.Files.Where(f => f.DraftId == draft.Id).ToListAsync(cancellationToken))
                {
                    if (keptFiles.Contains(file.Id.ToString()))
                    {
                        file.DraftId = null;
                        file.CaseId = @case.Id;
                    }
                }

                await db.SaveChangesAsync(cancellationToken);
            }

            await CaseRows.DeleteDraftAsync(sql, draft.Id, cancellationToken);
            await QueueEmailsAsync(@case, submission, signatures, tenant, cancellationToken);
            if (!@case.AwaitsSignatures)
            {
                await entry.EnteredAsync(@case, submission.Service, state, submission.SiteUrl, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            metrics.CaseReceived(tenant.Slug, @case.ServiceKey, @case.Channel);
            logger.LogInformation("Case {Number} submitted for service {Service} version {Version}", @case.Number, @case.ServiceKey, submission.Service.Version);
            return @case;
        }
        catch (Exception exception) when (HubConnection.IsUniqueViolation(exception))
        {
            // Another request for the same draft won the race (a double click reaching two nodes): its case is the answer.
            await transaction.RollbackAsync(CancellationToken.None);
            connection.EndTransaction();
            db.ChangeTracker.Clear();
            await db.Database.UseTransactionAsync(null, CancellationToken.None);
            return await FindByDraftAsync(draft.Id, cancellationToken) ?? throw new InvalidOperationException("The case could not be saved.");
        }
        finally
        {
            connection.EndTransaction();
        }
    }

    /// <summary>
    /// Registers a case that came by paper, phone, visit or e-mail: a case number, the workflow's first state and group,
    /// the officer's summary as the first note; no answers (the original stays where it came).
    /// </summary>
    public async Task<Case> RegisterAsync(PublishedService service, ManualCase manual, CaseActor officer, string siteUrl, CancellationToken cancellationToken)
    {
        var tenant = tenantContext.Tenant ?? throw new InvalidOperationException("No current tenant.");
        var now = clock.GetUtcNow();
        Case? registered = null;
        await connection.InTransactionAsync(async () =>
        {
            var answers = new Dictionary<string, AnswerValue>();
            var (state, group) = CaseWorkflow.Start(service, answers, DateOnly.FromDateTime(now.UtcDateTime));
            var @case = new Case
            {
                Id = Guid.CreateVersion7(),
                Number = await CaseNumbers.NextAsync(sql, tenant, now.Year, cancellationToken),
                ServiceId = service.ServiceId,
                ServiceVersionId = service.VersionId,
                ServiceKey = service.Key,
                DraftId = Guid.CreateVersion7(),
                Language = FormView.UiLanguage(),
                AnswersJson = AnswerJson.Write(answers),
                SubmissionHash = AnswerJson.Hash(service.ContentHash, answers),
                SubmitterPersonalIdentityNumber = manual.PersonalIdentityNumber,
                SubmitterName = manual.Name,
                ContactEmail = manual.Email,
                SubmittedUtc = now.UtcDateTime,
                UpdatedUtc = now.UtcDateTime,
                ExpectedDecisionBy = DateOnly.FromDateTime(now.UtcDateTime).AddDays(service.Package.HandlingDays),
                Confidential = service.Package.Confidential,
                Channel = manual.Channel,
                TenantId = tenant.Id,
            };
            db.Cases.Add(@case);
            db.Events.Add(@case.Begin(state, group, awaitsSignatures: false, "RegisteredManually", officer.Name, now.UtcDateTime));
            db.Notes.Add(new CaseNote { Id = Guid.CreateVersion7(), CaseId = @case.Id, AtUtc = now.UtcDateTime, Author = officer.Name, Text = manual.Summary });
            await audit.RecordAsync(new AuditEntry("case.registered", "case", @case.Id.ToString(), "staff:" + officer.Id, $$"""{"channel":"{{manual.Channel}}"}"""), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await entry.EnteredAsync(@case, service, state, siteUrl, cancellationToken);
            registered = @case;
            return true;
        }, cancellationToken, db);
        metrics.CaseReceived(tenant.Slug, registered!.ServiceKey, registered.Channel);
        logger.LogInformation("Case {Number} registered by hand ({Channel}) for service {Service}", registered!.Number, manual.Channel, service.Key);
        return registered;
    }

    private static IEnumerable<CaseSignature> Signatures(Case @case, FormDefinition form, Submission submission, DateTime now)
    {
        if (submission.Signature is { } own)
        {
            yield return new CaseSignature
            {
                Id = Guid.CreateVersion7(), CaseId = @case.Id, Role = "submitter", RoleLabelJson = "{}",
                ExpectedPersonalIdentityNumber = own.PersonalIdentityNumber, Status = SignatureStatus.Signed,
                SignedName = own.Name, CompletedUtc = now, Evidence = own.Evidence,
            };
        }

        foreach (var element in form.AllElements().Where(e => e.Type == FormElementType.Signature))
        {
            if (!submission.Answers.TryGetValue(element.Key, out var value) || value is not PartsAnswer parts)
            {
                continue;
            }

            foreach (var signer in element.Signers ?? [])
            {
                if (parts.Parts.TryGetValue(signer.Key + ".personnummer", out var pnr) && pnr.Length > 0)
                {
                    yield return new CaseSignature
                    {
                        Id = Guid.CreateVersion7(), CaseId = @case.Id, Role = signer.Key,
                        RoleLabelJson = JsonSerializer.Serialize(signer.Label.ToDictionary(t => t.Key, t => t.Value)),
                        ExpectedPersonalIdentityNumber = pnr,
                        Email = parts.Parts.TryGetValue(signer.Key + ".email", out var email) && email.Length > 0 ? email : null,
                        Status = SignatureStatus.Pending,
                    };
                }
            }
        }
    }

    private async Task QueueEmailsAsync(Case @case, Submission submission, IReadOnlyList<CaseSignature> signatures, TenantSnapshot tenant, CancellationToken cancellationToken)
    {
        var title = submission.Service.Package.Title;
        // Mail texts exist in the pages' languages; a form filled in in e.g. Arabic gets mail in the page's language.
        var language = FormLanguages.MessageLanguage(@case.Language);
        var texts = Localizer(language);
        if (@case.ContactEmail is { } to)
        {
            var link = submission.Citizen is null ? submission.SiteUrl : submission.SiteUrl + "/mina-sidor";
            var body = texts["Mail.Received.Body", tenant.Settings.DisplayName, @case.Number, title.Pick(language, submission.Service.Form.DefaultLanguage).Text, link].Value;
            await outbox.EnqueueAsync(new OutgoingEmail(to, texts["Mail.Received.Subject", @case.Number].Value, body, Language: language), cancellationToken);
        }

        foreach (var signature in signatures.Where(s => s.Status == SignatureStatus.Pending && s.Email is not null))
        {
            var body = texts["Mail.SignRequest.Body", tenant.Settings.DisplayName, submission.SiteUrl + "/mina-sidor"].Value;
            await outbox.EnqueueAsync(new OutgoingEmail(signature.Email!, texts["Mail.SignRequest.Subject", tenant.Settings.DisplayName].Value, body, Language: language), cancellationToken);
        }
    }

    private CultureLocalizer Localizer(string language) => CultureLocalizer.CasesTexts(localizers, language);
}

/// <summary>Reads texts in a given culture rather than the request's (e-mail goes out in the case's language).</summary>
internal sealed class CultureLocalizer(IStringLocalizer inner, CultureInfo culture) : IStringLocalizer
{
    /// <summary>The module's texts (<see cref="Resources.CasesTexts"/>) in <c>en</c> or, for anything else, <c>sv</c>.</summary>
    public static CultureLocalizer CasesTexts(IStringLocalizerFactory localizers, string language) =>
        new(localizers.Create(typeof(CasesTexts)), CultureInfo.GetCultureInfo(language == "en" ? "en" : "sv"));

    public LocalizedString this[string name] => With(() => inner[name]);

    public LocalizedString this[string name, params object[] arguments] => With(() => inner[name, arguments]);

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => With(() => inner.GetAllStrings(includeParentCultures).ToList());

    private T With<T>(Func<T> read) => UiCulture.With(culture, read);
}

/// <summary>The rows of a new case, written with plain commands in the submission's transaction.</summary>
/// <remarks>
/// Columns and values as <see cref="CasesDbContext"/> maps them (status as its name); the columns left out are null.
/// The tenant id of every row is the one <see cref="TenantSql"/> binds, never the entity's.
/// </remarks>
/// <summary>What a draft became once it was submitted: enough to send a back button to its receipt.</summary>
internal sealed record SubmittedDraft(string Number, string ServiceKey, string? SubmitterPersonalIdentityNumber, string? AnonymousKeyHash);

/// <summary>
/// Finds the case a draft became with one plain query on the unique index (through <see cref="TenantSql"/>): every
/// step and review request of a draft that is gone asks, and so does every submission, without a DbContext.
/// </summary>
internal sealed class SubmittedDrafts(TenantSql sql, ITenantContext tenantContext)
{
    private const string CaseOfDraft = """
        SELECT "Number", "ServiceKey", "SubmitterPersonalIdentityNumber", "AnonymousKeyHash"
        FROM cases_cases WHERE "TenantId" = @tenant AND "DraftId" = @draft
        """;

    public async Task<SubmittedDraft?> FindAsync(Guid draftId, CancellationToken cancellationToken) =>
        tenantContext.Tenant is null
            ? null
            : await sql.QuerySingleAsync(CaseOfDraft, [("@draft", draftId)], static reader => new SubmittedDraft(
                reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)),
                cancellationToken);
}

internal static class CaseRows
{
    private const string InsertCase = """
        INSERT INTO cases_cases ("Id", "TenantId", "Number", "ServiceId", "ServiceVersionId", "ServiceKey", "DraftId", "Language",
            "AnswersJson", "SubmissionHash", "SubmitterPersonalIdentityNumber", "SubmitterName", "AnonymousKeyHash", "ContactEmail",
            "Status", "SubmittedUtc", "ExpectedDecisionBy", "UpdatedUtc", "StateKey", "HandlingGroup", "Confidential", "Channel")
        VALUES (@id, @tenant, @number, @service, @version, @key, @draft, @language, @answers, @hash, @pnr, @name, @anonymous, @email,
            @status, @submitted, @expected, @updated, @state, @group, @confidential, @channel)
        """;

    private const string InsertEvent = """
        INSERT INTO cases_events ("Id", "TenantId", "CaseId", "AtUtc", "Status", "Kind", "Actor", "StateKey")
        VALUES (@id, @tenant, @case, @at, @status, @kind, @actor, @state)
        """;

    private const string DeleteDraft = """DELETE FROM cases_drafts WHERE "Id" = @id AND "TenantId" = @tenant""";

    public static async Task InsertAsync(TenantSql sql, Case @case, IEnumerable<CaseEvent> events, CancellationToken cancellationToken)
    {
        await sql.ExecuteAsync(InsertCase,
        [
            ("@id", @case.Id), ("@number", @case.Number), ("@service", @case.ServiceId),
            ("@version", @case.ServiceVersionId), ("@key", @case.ServiceKey), ("@draft", @case.DraftId), ("@language", @case.Language),
            ("@answers", @case.AnswersJson), ("@hash", @case.SubmissionHash), ("@pnr", @case.SubmitterPersonalIdentityNumber),
            ("@name", @case.SubmitterName), ("@anonymous", @case.AnonymousKeyHash), ("@email", @case.ContactEmail),
            ("@status", @case.Status.ToString()), ("@submitted", @case.SubmittedUtc), ("@expected", @case.ExpectedDecisionBy),
            ("@updated", @case.UpdatedUtc), ("@state", @case.StateKey), ("@group", @case.HandlingGroup),
            ("@confidential", @case.Confidential), ("@channel", @case.Channel),
        ], cancellationToken);
        foreach (var e in events)
        {
            await sql.ExecuteAsync(InsertEvent,
            [
                ("@id", e.Id), ("@case", e.CaseId), ("@at", e.AtUtc), ("@status", e.Status.ToString()),
                ("@kind", e.Kind), ("@actor", e.Actor), ("@state", e.StateKey),
            ], cancellationToken);
        }
    }

    public static Task DeleteDraftAsync(TenantSql sql, Guid draftId, CancellationToken cancellationToken) =>
        sql.ExecuteAsync(DeleteDraft, [("@id", draftId)], cancellationToken);
}

/// <summary>Case numbers per tenant and year: <c>TYR-2026-000123</c>, from an atomic upsert (no gaps from races).</summary>
internal static class CaseNumbers
{
    private const string Upsert = """
        INSERT INTO cases_number_series ("TenantId", "Year", "LastNumber") VALUES (@tenant, @year, 1)
        ON CONFLICT ("TenantId", "Year") DO UPDATE SET "LastNumber" = cases_number_series."LastNumber" + 1
        RETURNING "LastNumber"
        """;

    /// <summary>The next number, taken in the caller's transaction on the scope's connection (a plain command: it runs inside the write lock).</summary>
    public static async Task<string> NextAsync(TenantSql sql, TenantSnapshot tenant, int year, CancellationToken cancellationToken)
    {
        var next = await sql.QuerySingleAsync(Upsert, [("@year", year)], static reader => reader.GetInt64(0), cancellationToken);
        return Format(tenant.Slug, year, next);
    }

    public static string Format(string slug, int year, long number)
    {
        var letters = new string(slug.Where(char.IsAsciiLetter).Take(3).ToArray()).ToUpperInvariant();
        return $"{(letters.Length > 0 ? letters : "HUB")}-{year}-{number:000000}";
    }
}

/// <summary>Values taken from the answers for the case itself.</summary>
internal static class SubmittedValues
{
    /// <summary>The first e-mail address given in contact details or an e-mail question, for the confirmation.</summary>
    public static string? ContactEmail(FormDefinition form, IReadOnlyDictionary<string, AnswerValue> answers)
    {
        foreach (var element in form.AllElements())
        {
            if (!answers.TryGetValue(element.Key, out var value))
            {
                continue;
            }

            if (element.Type == FormElementType.ContactDetails && value is PartsAnswer parts && parts.Parts.TryGetValue("email", out var email) && email.Length > 0)
            {
                return email;
            }

            if (element.Type == FormElementType.Email && value is TextAnswer text && text.Value.Length > 0)
            {
                return text.Value;
            }
        }

        return null;
    }
}
