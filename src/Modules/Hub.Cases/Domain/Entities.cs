using Hub.Abstractions;
using Hub.Packages.Contracts;

namespace Hub.Cases.Domain;

/// <summary>Answers being filled in, saved at every step; removed when submitted or expired.</summary>
internal sealed class Draft : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public required string ServiceKey { get; set; }

    /// <summary>The exact service version the answers are given against.</summary>
    public Guid ServiceVersionId { get; set; }

    /// <summary>The logged-in citizen who owns the draft, or null for an anonymous one.</summary>
    public string? OwnerPersonalIdentityNumber { get; set; }

    /// <summary>For an anonymous draft: SHA-256 of the browser's draft key (a cookie).</summary>
    public string? AnonymousKeyHash { get; set; }

    public required string Language { get; set; }

    public required string AnswersJson { get; set; }

    /// <summary>The last page the person was on.</summary>
    public string? CurrentPage { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public DateTime ExpiresUtc { get; set; }
}

/// <summary>A file uploaded to a draft and then kept with the case.</summary>
internal sealed class StoredFile : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid? DraftId { get; set; }

    public Guid? CaseId { get; set; }

    public required string ElementKey { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long Length { get; set; }

    public required string Sha256 { get; set; }

    public DateTime CreatedUtc { get; set; }
}

/// <summary>Where a case stands; the categories of architecture.md.</summary>
internal enum CaseStatus
{
    WaitingForSignature,
    Submitted,
    InProgress,
    WaitingForCitizen,
    Decided,
    Closed,
    Withdrawn,
}

/// <summary>
/// A submitted e-service: the answers exactly as given, against the exact service version. Where it stands in its
/// workflow changes only through its methods (<see cref="Begin"/>, <see cref="Sign"/>, <see cref="Decline"/>,
/// <see cref="MoveTo"/>), each returning the history entry it makes; what else a change sets off (timers, mail,
/// integration events) is <see cref="Handling.CaseEntry"/>'s and <see cref="Handling.CaseWorkflow"/>'s.
/// </summary>
internal sealed class Case : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    /// <summary>Per tenant and year, e.g. <c>TYR-2026-000123</c>.</summary>
    public required string Number { get; set; }

    public Guid ServiceId { get; set; }

    public Guid ServiceVersionId { get; set; }

    public required string ServiceKey { get; set; }

    /// <summary>The draft it came from: unique, so a repeated submit finds the case instead of making another.</summary>
    public Guid DraftId { get; set; }

    public required string Language { get; set; }

    public required string AnswersJson { get; set; }

    /// <summary>SHA-256 over the form's content hash and the canonical answers; what signatures cover.</summary>
    public required string SubmissionHash { get; set; }

    public string? SubmitterPersonalIdentityNumber { get; set; }

    public string? SubmitterName { get; set; }

    /// <summary>For an anonymous case: SHA-256 of the submitting browser's draft key, which may show the receipt.</summary>
    public string? AnonymousKeyHash { get; set; }

    /// <summary>Where the confirmation went, if anywhere.</summary>
    public string? ContactEmail { get; set; }

    public CaseStatus Status { get; private set; }

    public DateTime SubmittedUtc { get; set; }

    public DateOnly ExpectedDecisionBy { get; set; }

    public DateTime UpdatedUtc { get; set; }

    /// <summary>The state of the service version's workflow the case is in (its key); <see cref="Status"/> is its category.</summary>
    public string StateKey { get; private set; } = "received";

    /// <summary>The handling group the workflow's routing chose (a key the municipality maps to its people), or null.</summary>
    public string? HandlingGroup { get; private set; }

    /// <summary>The staff account (user name) handling the case, or null while unassigned.</summary>
    public string? AssignedTo { get; set; }

    /// <summary>The assigned officer's name as shown to colleagues.</summary>
    public string? AssignedName { get; set; }

    /// <summary>The decision as written by the officer, shown to the citizen on Mina sidor.</summary>
    public string? DecisionText { get; set; }

    /// <summary>Seen only by its assigned officer and its handling group's members (<see cref="Handling.OfficerScope"/>).</summary>
    public bool Confidential { get; set; }

    /// <summary>How the case came in: <see cref="CaseChannels"/> (e-service, or registered by an officer from paper, phone, …).</summary>
    public string Channel { get; set; } = CaseChannels.Digital;

    /// <summary>When the case entered a closed state; retention counts from here.</summary>
    public DateTime? ClosedUtc { get; private set; }

    /// <summary>When its personal data was removed (gallring); what is left is for statistics.</summary>
    public DateTime? PersonalDataRemovedUtc { get; set; }

    /// <summary>When a business system confirmed it received the case (docs/api.md, "Delivery"), or null.</summary>
    public DateTime? DeliveredUtc { get; private set; }

    /// <summary>The receiving system's own reference for the case, e.g. its diary number.</summary>
    public string? DeliveryReference { get; private set; }

    /// <summary>The API client that confirmed delivery.</summary>
    public string? DeliveredBy { get; private set; }

    /// <summary>True while other parties' signatures are awaited: the case has not entered its workflow yet.</summary>
    public bool AwaitsSignatures => Status == CaseStatus.WaitingForSignature;

    /// <summary>The case status (what Mina sidor and filters show) for a workflow state.</summary>
    public static CaseStatus StatusOf(WorkflowStateCategory category) => category switch
    {
        WorkflowStateCategory.Submitted => CaseStatus.Submitted,
        WorkflowStateCategory.InProgress => CaseStatus.InProgress,
        WorkflowStateCategory.WaitingForCitizen or WorkflowStateCategory.WaitingForPayment => CaseStatus.WaitingForCitizen,
        WorkflowStateCategory.WaitingForSignature => CaseStatus.WaitingForSignature,
        WorkflowStateCategory.Decided => CaseStatus.Decided,
        _ => CaseStatus.Closed,
    };

    /// <summary>
    /// A new case takes its workflow's first state and handling group; it enters that state at once, or once the other
    /// parties have signed (<paramref name="awaitsSignatures"/>).
    /// </summary>
    public CaseEvent Begin(WorkflowState first, string? group, bool awaitsSignatures, string kind, string? actor, DateTime now)
    {
        StateKey = first.Key;
        HandlingGroup = group;
        Status = awaitsSignatures ? CaseStatus.WaitingForSignature : StatusOf(first.Category);
        UpdatedUtc = now;
        return NewEvent(kind, actor, now);
    }

    /// <summary>
    /// <paramref name="signature"/>'s party signed. When no one else is still to sign, the case enters its first state
    /// (<paramref name="entered"/>): the caller then does what entering a workflow does (<see cref="Handling.CaseEntry"/>).
    /// </summary>
    public CaseEvent Sign(CaseSignature signature, string name, string? evidence, bool othersPending, WorkflowState first, DateTime now, out bool entered)
    {
        signature.Complete(SignatureStatus.Signed, name, evidence, now);
        entered = !othersPending && Enter(first);
        UpdatedUtc = now;
        return NewEvent("Signed", name, now);
    }

    /// <summary>
    /// <paramref name="signature"/>'s party declined. The application cannot be signed as a whole any more, so the case
    /// enters its first state for an officer to decide on (<paramref name="entered"/>), the decline shown to both sides.
    /// </summary>
    public CaseEvent Decline(CaseSignature signature, string name, WorkflowState first, DateTime now, out bool entered)
    {
        signature.Complete(SignatureStatus.Declined, name, null, now);
        entered = Enter(first);
        UpdatedUtc = now;
        return NewEvent("Declined", name, now);
    }

    /// <summary>Moves the case into <paramref name="target"/> (a workflow transition); a closed state starts retention.</summary>
    public CaseEvent MoveTo(WorkflowState target, string? actor, DateTime now)
    {
        StateKey = target.Key;
        Status = StatusOf(target.Category);
        UpdatedUtc = now;
        if (target.Category == WorkflowStateCategory.Closed)
        {
            ClosedUtc = now;
        }

        return NewEvent("StateChanged", actor, now, target.Key);
    }

    /// <summary>
    /// A business system confirms it has the case under <paramref name="reference"/>. Confirming again with the same
    /// reference changes nothing (a retried call); another reference is refused, since the case would then be in two
    /// places. The history entry is made only for the first confirmation.
    /// </summary>
    public DeliveryOutcome ConfirmDelivery(string reference, string by, DateTime now, out CaseEvent? entry)
    {
        entry = null;
        if (DeliveredUtc is not null)
        {
            return DeliveryReference == reference ? DeliveryOutcome.AlreadyConfirmed : DeliveryOutcome.OtherReference;
        }

        DeliveredUtc = now;
        DeliveryReference = reference;
        DeliveredBy = by;
        UpdatedUtc = now;
        entry = NewEvent("Delivered", by, now);
        return DeliveryOutcome.Confirmed;
    }

    /// <summary>
    /// Records <paramref name="key"/> on the case, given its current <paramref name="attributes"/>: a new key is added
    /// (<paramref name="added"/>) unless the case already carries <see cref="CaseAttribute.MaxPerCase"/>; an existing
    /// one takes the new value. The same value again changes nothing. Checked by <see cref="CaseAttribute.Check"/> first.
    /// </summary>
    public AttributeOutcome SetAttribute(
        IReadOnlyList<CaseAttribute> attributes, string key, string? label, string value, bool isPublic, string by, DateTime now, out CaseAttribute? added)
    {
        added = null;
        var attribute = attributes.FirstOrDefault(a => a.Key == key);
        if (attribute is null)
        {
            if (attributes.Count >= CaseAttribute.MaxPerCase)
            {
                return AttributeOutcome.TooMany;
            }

            attribute = added = new CaseAttribute { Id = Guid.CreateVersion7(now), TenantId = TenantId, CaseId = Id, Key = key };
        }

        if (!attribute.Set(label, value, isPublic, by, now))
        {
            return AttributeOutcome.Unchanged;
        }

        UpdatedUtc = now;
        return AttributeOutcome.Set;
    }

    /// <summary>
    /// Hands the case to another handling group. Its officer keeps it only when also one of the new group's members
    /// (<paramref name="officerInGroup"/>); otherwise it waits unassigned for the new group to take it.
    /// </summary>
    public CaseEvent MoveToGroup(string group, bool officerInGroup, string actor, DateTime now)
    {
        HandlingGroup = group;
        if (!officerInGroup)
        {
            AssignedTo = null;
            AssignedName = null;
        }

        UpdatedUtc = now;
        return NewEvent("GroupChanged", actor, now);
    }

    /// <summary>An entry in the case's history with its status as it is now.</summary>
    public CaseEvent NewEvent(string kind, string? actor, DateTime now, string? stateKey = null) =>
        new() { Id = Guid.CreateVersion7(), TenantId = TenantId, CaseId = Id, AtUtc = now, Status = Status, Kind = kind, Actor = actor, StateKey = stateKey };

    private bool Enter(WorkflowState first)
    {
        if (!AwaitsSignatures)
        {
            return false;
        }

        Status = StatusOf(first.Category);
        return true;
    }
}

/// <summary>
/// A fact recorded on a case by a business system (or an officer), e.g. the diary number it gave the case. Officers
/// always see it; the citizen sees it on Mina sidor when it is <see cref="Public"/>. One per key and case.
/// </summary>
internal sealed partial class CaseAttribute : ITenantOwned
{
    public const int KeyLength = 64;
    public const int LabelLength = 100;
    public const int ValueLength = 500;

    /// <summary>How many attributes one case may carry.</summary>
    public const int MaxPerCase = 20;

    /// <summary>The key whose label the hub knows in every language ("Diarienummer", "Diary number").</summary>
    public const string DiaryNumber = "diary-number";

    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid CaseId { get; set; }

    /// <summary>Lower-case letters, digits and dashes, e.g. <c>diary-number</c>.</summary>
    public required string Key { get; init; }

    /// <summary>How people see it named; null for a key the hub names itself (<see cref="DiaryNumber"/>) or shows as is.</summary>
    public string? Label { get; private set; }

    public string Value { get; private set; } = "";

    public bool Public { get; private set; }

    /// <summary>Who set it last (an API client's or an officer's name).</summary>
    public string SetBy { get; private set; } = "";

    public DateTime SetUtc { get; private set; }

    /// <summary>What is wrong with an attribute as given, field by field (empty when it may be set).</summary>
    public static IEnumerable<(string Field, string Problem)> Check(string key, string? label, string? value)
    {
        if (key.Length > KeyLength || !KeyPattern().IsMatch(key))
        {
            yield return ("key", $"A key is 1–{KeyLength} lower-case letters, digits and dashes, starting with a letter (e.g. diary-number).");
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            yield return ("value", "Give the value.");
        }
        else if (value.Length > ValueLength || value.Any(char.IsControl))
        {
            yield return ("value", $"A value is one line of at most {ValueLength} characters.");
        }

        if (label is not null && (label.Trim().Length == 0 || label.Length > LabelLength || label.Any(char.IsControl)))
        {
            yield return ("label", $"A label is one line of 1–{LabelLength} characters, or left out.");
        }
    }

    /// <summary>Takes the given value; false when nothing changed (a retried call), so nothing needs saving.</summary>
    public bool Set(string? label, string value, bool isPublic, string by, DateTime now)
    {
        label = label?.Trim();
        value = value.Trim();
        if (Label == label && Value == value && Public == isPublic)
        {
            return false;
        }

        (Label, Value, Public, SetBy, SetUtc) = (label, value, isPublic, by, now);
        return true;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial System.Text.RegularExpressions.Regex KeyPattern();
}

/// <summary>What setting an attribute did.</summary>
internal enum AttributeOutcome
{
    Set,
    Unchanged,
    TooMany,
}

/// <summary>
/// How a service's cases leave the hub for the municipality's business system: fetched through the API
/// (<see cref="Pull"/>), pushed whole to one of its webhooks (<see cref="PushWebhookId"/>, as JSON or XML), or both;
/// and after how many hours an undelivered case alerts its handling group. A service without a row is pulled, with
/// no alert. Each municipality sets its own, also for a service it adopted: the shared service does not change.
/// </summary>
internal sealed class ServiceDelivery : ITenantOwned
{
    /// <summary>The longest wait before an alert: 30 days.</summary>
    public const int MaxAlertHours = 720;

    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public required string ServiceKey { get; init; }

    public bool Pull { get; private set; } = true;

    public Guid? PushWebhookId { get; private set; }

    public DeliveryFormat PushFormat { get; private set; } = DeliveryFormat.Json;

    /// <summary>Hours after submission when a case no system confirmed alerts its handling group; null for never.</summary>
    public int? AlertAfterHours { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public DateTime UpdatedUtc { get; private set; }

    /// <summary>Whether a pushed case counts as delivered once the webhook took it (no API client confirms it then).</summary>
    public bool PushConfirms => PushWebhookId is not null && !Pull;

    /// <summary>What is wrong with these settings, field by field; <paramref name="webhooks"/> are the tenant's own.</summary>
    public static IEnumerable<(string Field, string Problem)> Check(bool pull, Guid? pushWebhookId, int? alertAfterHours, IReadOnlyCollection<Guid> webhooks)
    {
        if (!pull && pushWebhookId is null)
        {
            yield return ("Pull", "NoWay");
        }

        if (pushWebhookId is { } id && !webhooks.Contains(id))
        {
            yield return ("Webhook", "UnknownWebhook");
        }

        if (alertAfterHours is < 1 or > MaxAlertHours)
        {
            yield return ("AlertAfterHours", "AlertRange");
        }
    }

    /// <summary>Takes new settings (checked by <see cref="Check"/> first).</summary>
    public void Set(bool pull, Guid? pushWebhookId, DeliveryFormat format, int? alertAfterHours, string by, DateTime now) =>
        (Pull, PushWebhookId, PushFormat, AlertAfterHours, UpdatedBy, UpdatedUtc) = (pull, pushWebhookId, format, alertAfterHours, by, now);
}

/// <summary>The form a pushed case takes.</summary>
internal enum DeliveryFormat
{
    Json,
    Xml,
}

/// <summary>What a delivery confirmation did.</summary>
internal enum DeliveryOutcome
{
    Confirmed,
    AlreadyConfirmed,
    OtherReference,
}

/// <summary>The ways a case comes in; the share of <see cref="Digital"/> is the municipality's digital share.</summary>
internal static class CaseChannels
{
    public const string Digital = "digital";

    /// <summary>What an officer may register by hand, in the order the form offers them.</summary>
    public static IReadOnlyList<string> Manual { get; } = ["paper", "phone", "visit", "email"];
}

/// <summary>Who wrote a message on a case.</summary>
internal enum MessageKind
{
    /// <summary>An officer's message to the citizen.</summary>
    ToCitizen,

    /// <summary>An officer asks the citizen to complete the case; the case waits for the answer.</summary>
    CompletionRequest,

    /// <summary>The citizen's message to the officer.</summary>
    FromCitizen,

    /// <summary>The citizen's answer to a completion request; the case resumes.</summary>
    CompletionAnswer,
}

/// <summary>A message between the case's officer and its citizen, shown on both sides.</summary>
internal sealed class CaseMessage : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid CaseId { get; set; }

    public DateTime AtUtc { get; set; }

    public MessageKind Kind { get; set; }

    /// <summary>The writer's name (an officer's name, or the citizen's).</summary>
    public required string Author { get; set; }

    public required string Text { get; set; }

    /// <summary>When the other side first saw it; null while unread.</summary>
    public DateTime? ReadUtc { get; set; }

    public bool FromCitizen => Kind is MessageKind.FromCitizen or MessageKind.CompletionAnswer;
}

/// <summary>
/// A handling group of the municipality: the people a workflow's routing rule names by key (e.g. <c>ekonomi</c>), and
/// its lead, who is told when a case is overdue.
/// </summary>
internal sealed class HandlingGroup : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    /// <summary>The key routing rules name; unique in the tenant.</summary>
    public required string Key { get; set; }

    public required string Name { get; set; }

    /// <summary>The lead's user name (one of the members), or null.</summary>
    public string? Lead { get; set; }

    public List<HandlingGroupMember> Members { get; set; } = [];

    public DateTime UpdatedUtc { get; set; }
}

/// <summary>A staff account (by user name) in a handling group.</summary>
internal sealed class HandlingGroupMember : ITenantOwned
{
    public Guid GroupId { get; set; }

    public Guid TenantId { get; set; }

    public required string UserName { get; set; }
}

/// <summary>An officers-only note on a case; never shown to the citizen.</summary>
internal sealed class CaseNote : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid CaseId { get; set; }

    public DateTime AtUtc { get; set; }

    public required string Author { get; set; }

    public required string Text { get; set; }
}

/// <summary>One entry in a case's history.</summary>
internal sealed class CaseEvent : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid CaseId { get; set; }

    public DateTime AtUtc { get; set; }

    public CaseStatus Status { get; set; }

    /// <summary>What happened, as a text key (<c>Submitted</c>, <c>Signed</c>, …).</summary>
    public required string Kind { get; set; }

    /// <summary>Who: a name, or null for the system.</summary>
    public string? Actor { get; set; }

    /// <summary>For a move in the workflow: the state it led to (its label comes from the case's service version).</summary>
    public string? StateKey { get; set; }
}

internal enum SignatureStatus
{
    Pending,
    Signed,
    Declined,
}

/// <summary>A signature a case needs: the submitter's own or another party's (e.g. the second guardian).</summary>
internal sealed class CaseSignature : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid CaseId { get; set; }

    /// <summary><c>submitter</c>, or the form's signer role key.</summary>
    public required string Role { get; set; }

    /// <summary>The role's label per language, as JSON.</summary>
    public required string RoleLabelJson { get; set; }

    public required string ExpectedPersonalIdentityNumber { get; set; }

    public string? Email { get; set; }

    public SignatureStatus Status { get; set; }

    public string? SignedName { get; set; }

    public DateTime? CompletedUtc { get; set; }

    /// <summary>The provider's signed token.</summary>
    public string? Evidence { get; set; }

    /// <summary>The party signed or declined; only <see cref="Case.Sign"/> and <see cref="Case.Decline"/> call it.</summary>
    internal void Complete(SignatureStatus outcome, string name, string? evidence, DateTime now)
    {
        if (Status != SignatureStatus.Pending)
        {
            throw new InvalidOperationException($"Signature {Id} is {Status}, not pending.");
        }

        Status = outcome;
        SignedName = name;
        CompletedUtc = now;
        Evidence = evidence;
    }
}
