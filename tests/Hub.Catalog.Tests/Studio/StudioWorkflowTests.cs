using System.Net;
using Hub.Catalog.Contracts;
using Hub.Packages.Contracts;
using Hub.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Catalog.Tests.Studio;

/// <summary>
/// The studio's workflow editor over HTTP: each part of the draft's workflow is edited through the same strict save
/// as the form; a broken template or a state still in use is refused with the reason and the draft stays as it was.
/// </summary>
public abstract partial class StudioTests
{
    private static string Workflow(string slug, string path = "") => Studio(slug, "/arbetsflode" + path);

    private async Task<ServicePackage> DraftPackageAsync(string slug)
    {
        await using var scope = TenantScope(slug);
        return (await scope.ServiceProvider.GetRequiredService<IServiceDrafts>().FindDraftAsync(Key))!;
    }

    [Fact]
    public async Task Every_part_of_the_workflow_is_edited_in_the_draft_starting_from_the_default()
    {
        using var editor = await BuildAsync(Own);
        var (status, overview) = await editor.GetStringAsync(Workflow(Own));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Under handläggning", overview, StringComparison.Ordinal); // the default, until the first save

        // A new state is a gap until transitions connect it: saved, but a blocking finding that links to it.
        await PostOkAsync(editor, Workflow(Own, "/tillstand"), null,
            [new("key", "granskning"), new("category", "inProgress"), new("label.sv", "Granskas"), new("label.en", "Being reviewed")]);
        var (_, gap) = await editor.GetStringAsync(Workflow(Own));
        Assert.Contains("Inget ärende kan komma till tillståndet ”granskning”", gap, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Workflow(Own, "/tillstand/granskning")}\"", gap, StringComparison.Ordinal);
        using var taken = await PostAsync(editor, Workflow(Own, "/tillstand"), null,
            [new("key", "granskning"), new("category", "closed"), new("label.sv", "X"), new("label.en", "X")]);
        Assert.Contains("id=\"key-error\"", await taken.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await PostOkAsync(editor, Workflow(Own, "/overgang"), null,
            [new("key", "granska"), new("label.sv", "Skicka på granskning"), new("label.en", "Send for review"),
             new("from", "in-progress"), new("to", "granskning"), new("roles", "caseOfficer")]);
        await PostOkAsync(editor, Workflow(Own, "/overgang"), null,
            [new("key", "godkann"), new("label.sv", "Godkänn"), new("label.en", "Approve"), new("from", "granskning"), new("to", "decided"), new("roles", "caseOfficer")]);
        await PostOkAsync(editor, Workflow(Own, "/tillstand/granskning"), null,
            [new("category", "inProgress"), new("label.sv", "Granskning pågår"), new("label.en", "In review")]);
        await PostOkAsync(editor, Workflow(Own, "/overgang/godkann"), null,
            [new("label.sv", "Godkänn"), new("label.en", "Approve"), new("from", "granskning"), new("to", "decided"), new("roles", "caseOfficer"), new("roles", "serviceOwner")]);

        await PostOkAsync(editor, Workflow(Own, "/regel"), null,
            [new("key", "djurgrupp"), new("group", "djur"), new("when.question", "har-djur"), new("when.value", "ja")]);
        await PostOkAsync(editor, Workflow(Own, "/regel"), null,
            [new("key", "utan-djur"), new("group", "ovriga"), new("when.json", "{\"eq\": [\"har-djur\", \"no\"]}")]);
        await PostOkAsync(editor, Workflow(Own), "?handler=item", [new("list", "routing"), new("key", "utan-djur"), new("op", "up")]);
        using var unknownQuestion = await PostAsync(editor, Workflow(Own, "/regel/djurgrupp"), null,
            [new("group", "djur"), new("when.json", "{\"eq\": [\"finns-inte\", \"x\"]}")]);
        Assert.Contains("id=\"when_json-error\"", await unknownQuestion.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await PostOkAsync(editor, Workflow(Own), "?handler=general",
            [new("initial", "received"), new("defaultGroup", "husdjur"), new("sla.reminderDays", "10"), new("sla.escalationDays", "20")]);
        using var late = await PostAsync(editor, Workflow(Own), "?handler=general",
            [new("initial", "received"), new("sla.reminderDays", "20"), new("sla.escalationDays", "10")]);
        Assert.Contains("id=\"sla_escalationDays-error\"", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await PostOkAsync(editor, Workflow(Own, "/meddelande"), null,
            [new("key", "mottaget"), new("state", "received"), new("recipient", "citizen"),
             new("subject.sv", "Ärende {{ case.number }}"), new("subject.en", "Case {{ case.number }}"),
             new("body.sv", "Vi har tagit emot ditt ärende."), new("body.en", "We have received your case."), new("action", "save")]);

        var workflow = (await DraftPackageAsync(Own)).Workflow!;
        Assert.Equal(["received", "in-progress", "waiting-for-citizen", "decided", "closed", "granskning"], workflow.States.Select(s => s.Key));
        Assert.Equal("Granskning pågår", workflow.FindState("granskning")!.Label["sv"]);
        Assert.Equal([WorkflowRoles.CaseOfficer, WorkflowRoles.ServiceOwner], workflow.Transitions.Single(t => t.Key == "godkann").Roles);
        Assert.Equal(["utan-djur", "djurgrupp"], workflow.Routing.Select(r => r.Key));
        Assert.Equal("{\"eq\":[\"har-djur\",\"yes\"]}", workflow.Routing[1].When.ToJson());
        Assert.Equal(("husdjur", 10, 20), (workflow.DefaultGroup, workflow.Sla!.ReminderDays, workflow.Sla.EscalationDays));
        Assert.Equal("Case {{ case.number }}", workflow.Notifications.Single().Subject["en"]);
        var (_, done) = await editor.GetStringAsync(Workflow(Own));
        Assert.DoesNotContain("Inget ärende kan komma till", done, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_liquid_template_is_refused_next_to_its_field_with_line_and_reason_and_nothing_is_saved()
    {
        using var editor = await BuildAsync(Own);
        var before = await DraftContentAsync(Own);

        using var response = await PostAsync(editor, Workflow(Own, "/meddelande"), null,
            [new("key", "beslut"), new("state", "decided"), new("recipient", "citizen"), new("subject.sv", "Beslut"), new("subject.en", "Decision"),
             new("body.sv", "Hej!\n{% if case.number %}\nDitt ärende."), new("body.en", "Hello."), new("action", "save")]);

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("id=\"body_sv-error\"[^<]*<span[^>]*>[^<]*</span>[^<]*Mallen går inte att läsa\\. Teknisk uppgift från Liquid \\(på engelska\\): line \\d+, column \\d+: [^<]+", html);
        Assert.Contains("Ditt ärende.", html, StringComparison.Ordinal); // what was typed stays on screen
        Assert.Equal(before, await DraftContentAsync(Own));
    }

    [Fact]
    public async Task A_state_that_transitions_or_notifications_use_cannot_be_removed()
    {
        using var editor = await BuildAsync(Own);
        await PostOkAsync(editor, Workflow(Own, "/tillstand"), null,
            [new("key", "extra"), new("category", "closed"), new("label.sv", "Extra"), new("label.en", "Extra")]);
        var before = await DraftContentAsync(Own);

        using var used = await PostAsync(editor, Workflow(Own), "?handler=item", [new("list", "states"), new("key", "in-progress"), new("op", "remove")]);
        var html = WebUtility.HtmlDecode(await used.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, used.StatusCode);
        Assert.Contains("Tillståndet ”Under handläggning” kan inte tas bort: det används av övergången start", html, StringComparison.Ordinal);
        using var initial = await PostAsync(editor, Workflow(Own), "?handler=item", [new("list", "states"), new("key", "received"), new("op", "remove")]);
        Assert.Contains("nya ärenden börjar där", WebUtility.HtmlDecode(await initial.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await DraftContentAsync(Own));

        await PostOkAsync(editor, Workflow(Own), "?handler=item", [new("list", "states"), new("key", "extra"), new("op", "remove")]);
        Assert.DoesNotContain((await DraftPackageAsync(Own)).EffectiveWorkflow.States, s => s.Key == "extra");
    }

    [Fact]
    public async Task A_notification_is_previewed_with_sample_data_in_every_language_without_saving()
    {
        using var editor = await BuildAsync(Own);
        var before = await DraftContentAsync(Own);

        using var response = await PostAsync(editor, Workflow(Own, "/meddelande"), null,
            [new("key", "pagar"), new("state", "in-progress"), new("recipient", "citizen"),
             new("subject.sv", "Ärende {{ case.number }}"), new("subject.en", "Case {{ case.number }}"),
             new("body.sv", "{{ service.title }}: {{ case.state }}. Läs mer: {{ case.link }}"), new("body.en", "{{ service.title | upcase }}: {{ case.state }}"),
             new("action", "preview")]);

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Ärende 2026-000123", html, StringComparison.Ordinal);
        Assert.Matches($"Husdjur: Under handläggning. Läs mer: https?://[^/]+/{Own}/mina-sidor/arenden/2026-000123", html);
        Assert.Contains("PETS: Being handled", html, StringComparison.Ordinal);
        Assert.Equal(before, await DraftContentAsync(Own));
    }

    [Fact]
    public async Task A_workflow_key_never_changes_and_a_save_based_on_an_old_revision_is_refused()
    {
        using var editor = await BuildAsync(Own);
        var (_, stale) = await editor.GetStringAsync(Workflow(Own, "/tillstand/in-progress"));
        await PostOkAsync(editor, Workflow(Own, "/tillstand/in-progress"), null,
            [new("key", "kapad"), new("category", "inProgress"), new("label.sv", "Handläggs"), new("label.en", "Being handled")]);
        Assert.Equal("Handläggs", (await DraftPackageAsync(Own)).Workflow!.FindState("in-progress")!.Label["sv"]);
        Assert.Null((await DraftPackageAsync(Own)).Workflow!.FindState("kapad"));
        var saved = await DraftContentAsync(Own);

        using var conflict = await editor.PostWithTokenAsync(Workflow(Own, "/tillstand/in-progress"), HubClient.AntiforgeryToken(stale),
            [new("category", "inProgress"), new("label.sv", "Gammal"), new("label.en", "Old"), new("revision", RevisionPattern().Match(stale).Groups[1].Value)]);

        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        Assert.Contains("Någon annan har sparat utkastet", await conflict.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(saved, await DraftContentAsync(Own));
    }

    [Fact]
    public async Task A_question_a_routing_rule_reads_cannot_be_removed()
    {
        using var editor = await BuildAsync(Own);
        await PostOkAsync(editor, Workflow(Own, "/regel"), null, [new("key", "katter"), new("group", "katt"), new("when.json", "{\"eq\": [\"djur\", \"katt\"]}")]);
        var before = await DraftContentAsync(Own);

        using var refused = await PostAsync(editor, Studio(Own), "?handler=element", [new("key", "djur"), new("op", "remove")]);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("$.workflow.routing[0].when", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await DraftContentAsync(Own));
    }
}
