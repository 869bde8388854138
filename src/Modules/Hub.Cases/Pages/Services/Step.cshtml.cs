using Hub.Abstractions;
using Hub.Cases.Data;
using Hub.Cases.Domain;
using Hub.Cases.Files;
using Hub.Cases.Intake;
using Hub.Cases.Resources;
using Hub.Forms.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Hub.Cases.Pages.Services;

/// <summary>
/// <c>/e-tjanster/{service}/ansokan/{draft}/{page}</c>: one step of the form. Every post saves the draft first (nothing
/// typed is lost, not even an invalid answer), then moves on or shows what to fix.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(HubRateLimits.Form)]
[RequestSizeLimit(UploadLimits.RequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimits.RequestBytes)]
internal sealed class StepModel(IntakePageServices services, DraftStore drafts, IStringLocalizer<CasesTexts> texts) : IntakePage(services)
{
    // Only posts with files need the context; a step GET then creates none.

    public FormPage FormPage { get; private set; } = null!;

    public FormView View { get; private set; } = null!;

    public IReadOnlyList<string> VisiblePages { get; private set; } = [];

    public IReadOnlySet<string> Hidden { get; private set; } = new HashSet<string>();

    /// <summary>Came from the summary's change link: the button returns there.</summary>
    [BindProperty(SupportsGet = true, Name = "granska")]
    public bool FromReview { get; set; }

    public int StepNumber => VisiblePages.ToList().IndexOf(FormPage.Key) + 1;

    public TextInLanguage PageTitle => FormPage.Title.Pick(FormLanguage, Service.Form.DefaultLanguage);

    public bool IsLast => VisiblePages.Count > 0 && VisiblePages[^1] == FormPage.Key;

    internal bool LoggedIn => Citizen is not null;

    public async Task<IActionResult> OnGetAsync(string service, Guid draft, string step, CancellationToken cancellationToken)
    {
        if (await LoadAsync(service, draft, cancellationToken) is { } result)
        {
            return result;
        }

        return Show(step, errors: null) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(
        string service, Guid draft, string step, string? action, [FromServices] DraftFiles files, CancellationToken cancellationToken)
    {
        var page = step;
        if (await LoadAsync(service, draft, cancellationToken) is { } result)
        {
            return result;
        }

        var formPage = Service.Form.FindPage(page);
        if (formPage is null)
        {
            return NotFound();
        }

        var posted = FormPost.ReadPage(formPage, Request.Form, Answers);
        var uploadErrors = await UploadAsync(formPage, posted, files, cancellationToken);
        action ??= "next";
        if (action.StartsWith("add:", StringComparison.Ordinal) || action.StartsWith("remove:", StringComparison.Ordinal))
        {
            ChangeGroup(posted, action);
        }
        else if (action.StartsWith("removefile:", StringComparison.Ordinal))
        {
            await RemoveFileAsync(posted, action, files, cancellationToken);
        }

        Answers = FormPost.Merge(Answers, formPage, posted);
        if (!await drafts.SaveAsync(Draft, Answers, page, cancellationToken))
        {
            // Submitted or removed since it was read (another tab): the step's GET shows the receipt or says so.
            return RedirectToStep(page);
        }

        var validation = FormAnswerValidator.Validate(Service.Form, Answers, Today, page);
        var pages = validation.VisiblePages;
        switch (action)
        {
            case "back":
                var index = pages.ToList().IndexOf(page);
                return RedirectToStep(index > 0 ? pages[index - 1] : page);
            case "later":
                return Redirect(Url.Content("~/mina-sidor?sparat=1"));
            case "next" or "check":
                break;
            default:
                // Adding or removing an item or a file: show the same page again, with the change.
                return Redirect(Url.Content($"~/e-tjanster/{service}/ansokan/{draft}/{page}") + (FromReview ? "?granska=1" : "") + "#main");
        }

        var errors = validation.Errors.ToList();
        if (errors.Count > 0 || uploadErrors.Count > 0)
        {
            var worded = ErrorMessages.Word(Service.Form, errors, Language, texts);
            foreach (var (path, message) in uploadErrors)
            {
                worded[path] = message;
            }

            return Show(page, worded) ?? Page();
        }

        if (validation.Stops.Count > 0)
        {
            // A stop on this page: the person reads why they cannot go on; nothing moves forward.
            return Show(page, errors: null) ?? Page();
        }

        if (FromReview)
        {
            return Redirect(Url.Content($"~/e-tjanster/{service}/ansokan/{draft}/granska"));
        }

        var position = pages.ToList().IndexOf(page);
        return position >= 0 && position + 1 < pages.Count
            ? RedirectToStep(pages[position + 1])
            : Redirect(Url.Content($"~/e-tjanster/{service}/ansokan/{draft}/granska"));
    }

    /// <summary>For the script: which of the page's conditional elements the answers on screen hide (nothing is saved).</summary>
    public async Task<IActionResult> OnPostVisibilityAsync(string service, Guid draft, string step, CancellationToken cancellationToken)
    {
        var page = step;
        if (await LoadAsync(service, draft, cancellationToken) is not null || Service.Form.FindPage(page) is not { } formPage)
        {
            return NotFound();
        }

        var answers = FormPost.Merge(Answers, formPage, FormPost.ReadPage(formPage, Request.Form, Answers));
        var validation = FormAnswerValidator.Validate(Service.Form, answers, Today, page);
        return new JsonResult(new { hidden = validation.HiddenElements });
    }

    private RedirectResult RedirectToStep(string page) =>
        Redirect(Url.Content($"~/e-tjanster/{Service.Key}/ansokan/{Draft.Id}/{page}"));

    private IActionResult? Show(string page, Dictionary<string, string>? errors)
    {
        var validation = FormAnswerValidator.Validate(Service.Form, Answers, Today, Service.Form.FindPage(page) is null ? null : page);
        VisiblePages = validation.VisiblePages;
        if (!VisiblePages.Contains(page))
        {
            return VisiblePages.Count > 0 ? RedirectToStep(VisiblePages[0]) : NotFound();
        }

        FormPage = Service.Form.FindPage(page)!;
        Hidden = validation.HiddenElements.ToHashSet(StringComparer.Ordinal);
        View = new FormView(Service.Form, Answers, errors ?? [], FormLanguage) { PageLanguage = Language, PrefillName = Citizen?.Name };
        foreach (var (path, message) in errors ?? [])
        {
            ModelState.AddModelError(path, message);
        }

        return null;
    }

    private static void ChangeGroup(Dictionary<string, AnswerValue> posted, string action)
    {
        var parts = action.Split(':');
        var key = parts[1];
        var items = (posted.GetValueOrDefault(key) as GroupAnswer)?.Items.ToList() ?? [];
        if (parts[0] == "add")
        {
            items.Add(new Dictionary<string, AnswerValue>());
        }
        else if (parts.Length == 3 && int.TryParse(parts[2], out var index) && index >= 0 && index < items.Count)
        {
            items.RemoveAt(index);
        }

        if (items.Count == 0)
        {
            posted.Remove(key);
        }
        else
        {
            posted[key] = new GroupAnswer(items);
        }
    }

    private async Task RemoveFileAsync(Dictionary<string, AnswerValue> posted, string action, DraftFiles files, CancellationToken cancellationToken)
    {
        var parts = action.Split(':');
        if (parts.Length != 3 || posted.GetValueOrDefault(parts[1]) is not FileAnswer answer || !Guid.TryParse(parts[2], out var fileId))
        {
            return;
        }

        var remaining = answer.Files.Where(f => f.Id != parts[2]).ToList();
        if (remaining.Count > 0)
        {
            posted[parts[1]] = new FileAnswer(remaining);
        }
        else
        {
            posted.Remove(parts[1]);
        }

        await files.RemoveAsync(Draft.Id, fileId, cancellationToken);
    }

    /// <summary>Stores the files posted for the page's file questions after checking their content; returns refusals.</summary>
    private async Task<Dictionary<string, string>> UploadAsync(
        FormPage page, Dictionary<string, AnswerValue> posted, DraftFiles files, CancellationToken cancellationToken)
    {
        var refusals = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Request.HasFormContentType)
        {
            return refusals;
        }

        foreach (var element in page.Elements.Where(e => e.Type == FormElementType.File))
        {
            var uploads = Request.Form.Files.GetFiles(element.Key).Where(f => f.Length > 0 || f.FileName.Length > 0).ToList();
            if (uploads.Count == 0)
            {
                continue;
            }

            var label = ErrorMessages.LabelFor(Service.Form, element.Key, Language);
            var kept = (posted.GetValueOrDefault(element.Key) as FileAnswer)?.Files.ToList() ?? [];
            foreach (var upload in uploads)
            {
                var name = UploadLimits.CleanFileName(upload.FileName);
                if (kept.Count >= (element.MaxFiles ?? 1))
                {
                    refusals[element.Key] = $"{label}: {texts["Error.TooManyFiles", element.MaxFiles ?? 1]}";
                    break;
                }

                if (upload.Length == 0)
                {
                    refusals[element.Key] = $"{label}: {texts["Error.EmptyFile", name]}";
                    continue;
                }

                if (upload.Length > (element.MaxSizeBytes ?? UploadLimits.DefaultFileBytes))
                {
                    refusals[element.Key] = $"{label}: {texts["Error.FileTooLarge", name, ((element.MaxSizeBytes ?? UploadLimits.DefaultFileBytes) / (1024 * 1024)).ToString(System.Globalization.CultureInfo.CurrentCulture)]}";
                    continue;
                }

                var head = new byte[UploadInspector.HeadLength];
                int read;
                await using (var stream = upload.OpenReadStream())
                {
                    read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
                }

                var verdict = UploadInspector.Inspect(name, head.AsSpan(0, read), element.Accept ?? []);
                if (verdict.MediaType is null)
                {
                    refusals[element.Key] = $"{label}: {texts[verdict.ErrorKey!, name, string.Join(", ", element.Accept ?? [])]}";
                    continue;
                }

                await using var content = upload.OpenReadStream();
                kept.Add(await files.AddAsync(Draft.Id, element.Key, name, verdict.MediaType, content, cancellationToken));
            }

            if (kept.Count > 0)
            {
                posted[element.Key] = new FileAnswer(kept);
            }
        }

        return refusals;
    }
}
