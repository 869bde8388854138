using System.Globalization;
using System.Text.Json;
using Hub.Abstractions;
using Hub.Cases.Domain;
using Hub.Cases.Handling;
using Hub.Cases.Intake;
using Hub.Cases.Resources;
using Hub.Forms.Contracts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Localization;

namespace Hub.Cases.Documents;

/// <summary>Which PDF of a case: the officers' and systems' copy of the case, or the citizen's receipt.</summary>
internal enum CasePdfKind
{
    Case,
    Receipt,
}

/// <summary>A PDF to download: its bytes and a file name.</summary>
internal sealed record CasePdfFile(byte[] Content, string FileName)
{
    public const string ContentType = "application/pdf";
}

/// <summary>
/// The submitted case, or its receipt, as a tagged PDF: the same facts, signatures and answers (page by page, only the
/// pages the citizen's answers showed) as the case pages render from <see cref="CaseDetails"/>, in the PDF's language
/// (the case's for the case, the reader's for the receipt). The municipality's logo is a Figure with alternative text
/// when it is a PNG or JPEG of the site; an SVG logo (PDFsharp cannot draw one) or none gives the name as text.
/// </summary>
internal sealed class CasePdf(ITenantContext tenant, IWebHostEnvironment environment, IStringLocalizer<CasesTexts> texts)
{
    private const long MaxLogoBytes = 1024 * 1024;

    /// <summary>The case in its own language (a page language: the texts exist only in those).</summary>
    public CasePdfFile Case(CaseDetails details) => Write(details, CasePdfKind.Case, FormLanguages.MessageLanguage(details.Case.Language));

    /// <summary>The receipt in the reader's language.</summary>
    public CasePdfFile Receipt(CaseDetails details) => Write(details, CasePdfKind.Receipt, FormView.UiLanguage());

    private CasePdfFile Write(CaseDetails details, CasePdfKind kind, string language)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var culture = CultureInfo.GetCultureInfo(language == "en" ? "en-GB" : "sv-SE");
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            var c = details.Case;
            var serviceTitle = details.Service.Package.Title.Pick(language, details.Service.Form.DefaultLanguage);
            var title = texts[kind == CasePdfKind.Case ? "Pdf.CaseTitle" : "Pdf.ReceiptTitle", c.Number, serviceTitle.Text].Value;
            var municipality = tenant.Tenant?.Settings.DisplayName ?? "";
            using var pdf = new TaggedPdf(language, title, municipality);
            Masthead(pdf, municipality);
            pdf.Heading(1, kind == CasePdfKind.Case ? title
                : texts[c.Status == CaseStatus.WaitingForSignature ? "ReceiptWaitingHeading" : "ReceiptHeading"].Value);
            Facts(pdf, details, kind, language, serviceTitle);
            Signatures(pdf, details, language);
            if (kind == CasePdfKind.Case && c.DecisionText is not null)
            {
                pdf.Heading(2, texts["Handling.Decision"]);
                pdf.Paragraph(c.DecisionText);
            }

            if (kind == CasePdfKind.Receipt)
            {
                pdf.Heading(2, texts["WhatHappensNext"]);
                pdf.Paragraph(texts[c.Status == CaseStatus.WaitingForSignature ? "NextWaiting" : "NextSubmitted"]);
            }

            var view = new FormView(details.Service.Form, details.Answers, new Dictionary<string, string>(), FormLanguages.Resolve(details.Service.Form, c.Language)) { PageLanguage = language };
            pdf.Heading(2, texts[kind == CasePdfKind.Case ? "AnswersAsSubmitted" : "YourAnswers"]);
            if (c.PersonalDataRemovedUtc is not null)
            {
                pdf.Paragraph(texts["Handling.Removed"]);
            }
            else if (c.Channel != CaseChannels.Digital)
            {
                pdf.Paragraph(texts["Handling.ManualNoAnswers"]);
            }
            else
            {
                var files = new List<UploadedFile>();
                foreach (var pageKey in FormAnswerValidator.Validate(details.Service.Form, details.Answers, DateOnly.FromDateTime(c.SubmittedUtc)).VisiblePages)
                {
                    var page = details.Service.Form.FindPage(pageKey)!;
                    var pageTitle = view.Text(page.Title);
                    pdf.Heading(3, pageTitle.Text, view.LangOf(pageTitle));
                    Answers(pdf, view, page.Elements, files);
                }

                pdf.Heading(2, texts["Pdf.Attachments"]);
                if (files.Count == 0)
                {
                    pdf.Paragraph(texts["Pdf.NoAttachments"]);
                }
                else
                {
                    pdf.List(files.Select(f => (texts["Pdf.Attachment", f.FileName, Size(f.Length)].Value, (string?)null)));
                }

                pdf.Space(6);
                pdf.Paragraph($"{texts["SubmissionHash"].Value} {c.SubmissionHash}", muted: true);
            }

            return new CasePdfFile(pdf.ToArray(), $"{texts[kind == CasePdfKind.Case ? "Pdf.CaseFile" : "Pdf.ReceiptFile"].Value}-{c.Number}.pdf");
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    private void Masthead(TaggedPdf pdf, string municipality)
    {
        if (Logo() is { } logo)
        {
            pdf.Figure(logo, texts["Pdf.LogoAlt", municipality], 36);
        }
        else if (municipality.Length > 0)
        {
            pdf.Paragraph(municipality, bold: true);
            pdf.Space(8);
        }
    }

    /// <summary>The tenant's logo when it is a PNG or JPEG file of this site (never fetched from elsewhere).</summary>
    private byte[]? Logo()
    {
        var url = tenant.Tenant?.Settings.LogoUrl;
        if (url is null || !url.StartsWith('/') || url.StartsWith("//", StringComparison.Ordinal)
            || !(url.EndsWith(".png", StringComparison.OrdinalIgnoreCase) || url.EndsWith(".jpg", StringComparison.OrdinalIgnoreCase) || url.EndsWith(".jpeg", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var file = environment.WebRootFileProvider.GetFileInfo(url.TrimStart('/'));
        if (!file.Exists || file.IsDirectory || file.Length is 0 or > MaxLogoBytes)
        {
            return null;
        }

        using var stream = file.CreateReadStream();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray();
        return IsPng(bytes) || IsJpeg(bytes) ? bytes : null;
    }

    internal static bool IsPng(ReadOnlySpan<byte> bytes) => bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);

    internal static bool IsJpeg(ReadOnlySpan<byte> bytes) => bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]);

    private void Facts(TaggedPdf pdf, CaseDetails details, CasePdfKind kind, string language, TextInLanguage serviceTitle)
    {
        var c = details.Case;
        pdf.Field(texts["CaseNumber"], c.Number);
        pdf.Field(texts["Service"], $"{serviceTitle.Text} ({texts["VersionLabel", details.Service.Version].Value})",
            valueLanguage: serviceTitle.Language == language ? null : serviceTitle.Language);
        pdf.Field(texts["SubmittedAt"], c.SubmittedUtc.ToLocalTime().ToString("f", CultureInfo.CurrentCulture));
        pdf.Field(texts["Status"], texts["Status." + c.Status]);
        if (kind == CasePdfKind.Case)
        {
            pdf.Field(texts["Handling.State"], CaseHistory.StateLabel(c.StateKey, details.Service, language));
        }

        pdf.Field(texts["ExpectedBy"], c.ExpectedDecisionBy.ToString("d MMMM yyyy", CultureInfo.CurrentCulture));
        if (c.SubmitterName is not null)
        {
            pdf.Field(texts["SubmittedBy"], c.SubmitterName);
        }

        if (kind == CasePdfKind.Case)
        {
            if (c.SubmitterPersonalIdentityNumber is not null)
            {
                pdf.Field(texts["Handling.Personnummer"], c.SubmitterPersonalIdentityNumber);
            }

            if (c.ContactEmail is not null)
            {
                pdf.Field(texts["Part.Email"], c.ContactEmail);
            }

            pdf.Field(texts["Handling.Channel"], texts["Channel." + c.Channel]);
        }
    }

    private void Signatures(TaggedPdf pdf, CaseDetails details, string language)
    {
        if (details.Signatures.Count == 0)
        {
            return;
        }

        pdf.Heading(2, texts["SignaturesTitle"]);
        pdf.List(details.Signatures.Select(s =>
        {
            var role = s.Role == "submitter" ? texts["RoleSubmitter"].Value : RoleLabel(s.RoleLabelJson, language);
            var status = s.Status switch
            {
                SignatureStatus.Signed => texts["SignedBy", s.SignedName ?? "", s.CompletedUtc!.Value.ToLocalTime().ToString("g", CultureInfo.CurrentCulture)].Value,
                SignatureStatus.Declined => texts["Declined"].Value,
                _ => texts["NotYetSigned"].Value,
            };
            return ($"{role}: {status}", (string?)null);
        }));
    }

    private static string RoleLabel(string json, string language)
    {
        var labels = JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
        return labels.TryGetValue(language, out var text) ? text : labels.Values.FirstOrDefault() ?? "";
    }

    /// <summary>The answers of these elements as <c>_AnswerRow</c> shows them; the files they name are collected.</summary>
    private void Answers(TaggedPdf pdf, FormView view, IEnumerable<FormElement> elements, List<UploadedFile> files)
    {
        foreach (var element in elements)
        {
            var value = view.Answers.GetValueOrDefault(element.Key);
            if (element.Type is FormElementType.Info or FormElementType.Stop || (value is null && !element.Required))
            {
                continue;
            }

            var label = view.Text(element.Label);
            pdf.Field(label.Text, view.LangOf(label), () =>
            {
                switch (value)
                {
                    case null:
                        pdf.Paragraph(texts["NotAnswered"], muted: true);
                        break;
                    case TextAnswer text when element.Type is FormElementType.Radio or FormElementType.Dropdown or FormElementType.YesNo:
                        var chosen = OptionLabel(view, element, text.Value);
                        pdf.Paragraph(chosen.Text, view.LangOf(chosen));
                        break;
                    case TextAnswer text:
                        pdf.Paragraph(text.Value);
                        break;
                    case ListAnswer list:
                        pdf.List(list.Values.Select(key => OptionLabel(view, element, key)).Select(o => (o.Text, view.LangOf(o))));
                        break;
                    case PartsAnswer parts when element.Type == FormElementType.Signature:
                        pdf.List((element.Signers ?? []).Where(s => parts.Parts.ContainsKey(s.Key + ".personnummer")).Select(s =>
                        {
                            var signer = view.Text(s.Label);
                            var email = parts.Parts.TryGetValue(s.Key + ".email", out var address) ? $" ({address})" : "";
                            return ($"{signer.Text}: {parts.Parts[s.Key + ".personnummer"]}{email}", (string?)null);
                        }));
                        break;
                    case PartsAnswer parts:
                        var lines = (element.Type == FormElementType.Address ? FormPost.AddressParts : FormPost.ContactParts)
                            .Where(parts.Parts.ContainsKey).Select(p => parts.Parts[p]);
                        pdf.Paragraph(string.Join('\n', lines));
                        break;
                    case FileAnswer answer:
                        files.AddRange(answer.Files);
                        pdf.List(answer.Files.Select(f => (f.FileName, (string?)null)));
                        break;
                    case GroupAnswer group:
                        for (var i = 0; i < group.Items.Count; i++)
                        {
                            var itemView = new FormView(view.Form, group.Items[i], new Dictionary<string, string>(), view.Language) { PageLanguage = view.PageLanguage };
                            pdf.Field($"{label.Text} {i + 1}", view.LangOf(label), () => Answers(pdf, itemView, element.Elements ?? [], files));
                        }

                        break;
                }
            });
        }
    }

    private TextInLanguage OptionLabel(FormView view, FormElement element, string key) => element.Type == FormElementType.YesNo
        ? new TextInLanguage(view.PageLanguage, key == "yes" ? texts["Yes"].Value : texts["No"].Value)
        : element.Options?.FirstOrDefault(o => o.Key == key) is { } option ? view.Text(option.Label) : new TextInLanguage(view.PageLanguage, key);

    private static string Size(long bytes) => bytes < 1024
        ? $"{bytes} B"
        : bytes < 1024 * 1024 ? $"{Math.Ceiling(bytes / 1024d).ToString("0", CultureInfo.CurrentCulture)} kB" : $"{(bytes / (1024d * 1024d)).ToString("0.#", CultureInfo.CurrentCulture)} MB";
}
