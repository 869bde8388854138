using Hub.Forms.Contracts;

namespace Hub.Packages.Contracts;

/// <summary>
/// How a service's cases are handled: states, the transitions between them and who may fire them, routing of new
/// cases to a handling group, SLA marks and notification templates. A package without a workflow gets
/// <see cref="Default"/>.
/// </summary>
/// <param name="States">The states; exactly one is initial, at least one is closed.</param>
/// <param name="Transitions">The moves between states.</param>
/// <param name="Routing">Rules tried in order; the first whose condition holds names the case's handling group.</param>
/// <param name="DefaultGroup">The handling group when no rule matches, or null for the tenant's default.</param>
/// <param name="Sla">Reminder and escalation marks, or null for none.</param>
/// <param name="Notifications">Messages sent when a case enters a state.</param>
public sealed record ServiceWorkflow(
    IReadOnlyList<WorkflowState> States,
    IReadOnlyList<WorkflowTransition> Transitions,
    IReadOnlyList<RoutingRule> Routing,
    string? DefaultGroup,
    ServiceLevel? Sla,
    IReadOnlyList<NotificationTemplate> Notifications)
{
    /// <summary>The state a new case starts in.</summary>
    public WorkflowState Initial => States.First(s => s.Initial);

    /// <summary>The state with this key, or null.</summary>
    public WorkflowState? FindState(string key) => States.FirstOrDefault(s => s.Key == key);

    /// <summary>
    /// The workflow of a package that declares none: received → in progress → decided → closed, with waiting for the
    /// citizen beside in progress; officers move cases, the citizen may withdraw a new case. Texts in Swedish and
    /// English, limited to <paramref name="languages"/> (a language without a default text gets the Swedish one).
    /// </summary>
    public static ServiceWorkflow Default(IReadOnlyList<string> languages)
    {
        ArgumentNullException.ThrowIfNull(languages);
        LocalizedText T(string sv, string en) =>
            new(languages.Select(l => KeyValuePair.Create(l, l == "en" ? en : sv)));
        IReadOnlyList<string> officers = [WorkflowRoles.CaseOfficer];
        return new ServiceWorkflow(
            [
                new WorkflowState("received", WorkflowStateCategory.Submitted, T("Mottagen", "Received"), Initial: true),
                new WorkflowState("in-progress", WorkflowStateCategory.InProgress, T("Under handläggning", "Being handled")),
                new WorkflowState("waiting-for-citizen", WorkflowStateCategory.WaitingForCitizen, T("Väntar på komplettering", "Waiting for more information")),
                new WorkflowState("decided", WorkflowStateCategory.Decided, T("Beslut fattat", "Decided")),
                new WorkflowState("closed", WorkflowStateCategory.Closed, T("Avslutad", "Closed")),
            ],
            [
                new WorkflowTransition("start", ["received"], "in-progress", T("Påbörja handläggning", "Start handling"), officers),
                new WorkflowTransition("request-completion", ["in-progress"], "waiting-for-citizen", T("Begär komplettering", "Ask for more information"), officers),
                new WorkflowTransition("resume", ["waiting-for-citizen"], "in-progress", T("Återuppta handläggning", "Resume handling"), [WorkflowRoles.CaseOfficer, WorkflowRoles.Citizen]),
                new WorkflowTransition("decide", ["in-progress"], "decided", T("Fatta beslut", "Decide"), officers),
                new WorkflowTransition("close", ["decided"], "closed", T("Avsluta ärendet", "Close the case"), officers),
                new WorkflowTransition("withdraw", ["received"], "closed", T("Återkalla", "Withdraw"), [WorkflowRoles.Citizen]),
            ],
            [],
            null,
            null,
            []);
    }
}

/// <summary>A state a case can be in.</summary>
/// <param name="Key">Stable key, unique among the workflow's states.</param>
/// <param name="Category">What the state means to citizens and reports (Mina sidor shows the category's wording).</param>
/// <param name="Label">The state's name as officers and citizens see it.</param>
/// <param name="Initial">Whether a new case starts here (exactly one state).</param>
public sealed record WorkflowState(string Key, WorkflowStateCategory Category, LocalizedText Label, bool Initial = false);

/// <summary>What a state means, whatever its local name. The JSON name of each member is in its summary.</summary>
public enum WorkflowStateCategory
{
    /// <summary><c>submitted</c>: received, nobody has started.</summary>
    Submitted,

    /// <summary><c>inProgress</c>: an officer is handling it.</summary>
    InProgress,

    /// <summary><c>waitingForCitizen</c>: waiting for a completion from the citizen (SLA clock paused).</summary>
    WaitingForCitizen,

    /// <summary><c>waitingForSignature</c>: waiting for another party's signature (SLA clock paused).</summary>
    WaitingForSignature,

    /// <summary><c>waitingForPayment</c>: waiting for a fee (SLA clock paused).</summary>
    WaitingForPayment,

    /// <summary><c>decided</c>: a decision has been made and sent.</summary>
    Decided,

    /// <summary><c>closed</c>: finished; nothing more happens.</summary>
    Closed,
}

/// <summary>A move from one of some states to another.</summary>
/// <param name="Key">Stable key, unique among the transitions.</param>
/// <param name="From">The states it may be fired from.</param>
/// <param name="To">The state it leads to.</param>
/// <param name="Label">The button's text, e.g. "Fatta beslut".</param>
/// <param name="Roles">Who may fire it (<see cref="WorkflowRoles"/>).</param>
public sealed record WorkflowTransition(string Key, IReadOnlyList<string> From, string To, LocalizedText Label, IReadOnlyList<string> Roles);

/// <summary>Who may fire a transition, as written in a package.</summary>
public static class WorkflowRoles
{
    /// <summary>A case officer of the handling group.</summary>
    public const string CaseOfficer = "caseOfficer";

    /// <summary>The service's owner.</summary>
    public const string ServiceOwner = "serviceOwner";

    /// <summary>The citizen who submitted the case (e.g. to withdraw it or to send a completion).</summary>
    public const string Citizen = "citizen";

    /// <summary>Every role a package may name.</summary>
    public static IReadOnlyList<string> All { get; } = [CaseOfficer, ServiceOwner, Citizen];
}

/// <summary>Routes a new case to a handling group when its condition holds.</summary>
/// <param name="Key">Stable key, unique among the rules.</param>
/// <param name="When">A condition over the form's answers (the forms' expression language).</param>
/// <param name="Group">The handling group's key (each municipality maps it to its own people).</param>
public sealed record RoutingRule(string Key, FormCondition When, string Group);

/// <summary>Reminder and escalation marks, in calendar days from submission, not counting days in waiting states.</summary>
/// <param name="ReminderDays">The handling group is reminded after this many days.</param>
/// <param name="EscalationDays">The service owner is told after this many days (after the reminder).</param>
public sealed record ServiceLevel(int? ReminderDays, int? EscalationDays);

/// <summary>A message sent when a case enters a state; subject and body are Liquid templates, plain text out.</summary>
/// <param name="Key">Stable key, unique among the notifications.</param>
/// <param name="State">The state whose entry sends it.</param>
/// <param name="Recipient">Who gets it.</param>
/// <param name="Subject">The subject template per language (one line).</param>
/// <param name="Body">The body template per language.</param>
public sealed record NotificationTemplate(string Key, string State, NotificationRecipient Recipient, LocalizedText Subject, LocalizedText Body);

/// <summary>Who a notification goes to. The JSON name of each member is in its summary.</summary>
public enum NotificationRecipient
{
    /// <summary><c>citizen</c>: the submitter, at the address given in the case.</summary>
    Citizen,

    /// <summary><c>handlingGroup</c>: the case's handling group.</summary>
    HandlingGroup,
}
