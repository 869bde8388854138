using System.Text.Json.Nodes;
using Hub.Catalog.Contracts;

namespace Hub.Catalog.Pages.Studio;

/// <summary>A labelled select for the <c>_Select</c> partial; errors come from the model state under <paramref name="Name"/>.</summary>
internal sealed record SelectModel(string Name, string Label, string? Value, IReadOnlyList<(string Value, string Text)> Options, string? Hint = null);

/// <summary>A text per language of the service for the <c>_TextFields</c> partial: fields <c>{Name}.{language}</c>.</summary>
internal sealed record TextFieldsModel(StudioPage Studio, string Name, string Label, string? Hint = null, bool Multiline = false);

/// <summary>The findings to list, with where each is fixed.</summary>
internal sealed record FindingsModel(StudioPage Studio, IReadOnlyList<QualityFinding> Findings);

/// <summary>The elements of a page or group in the draft overview, with the form that adds one to it.</summary>
internal sealed record ElementListModel(DraftModel Studio, JsonArray Elements, string Parent, string ParentTitle, bool InGroup);

/// <summary>The options or signers of the element being edited, for the <c>_KeyedList</c> partial.</summary>
internal sealed record KeyedListModel(ElementModel Studio, string List, string Title, string ItemTitle, string NewTitle);

/// <summary>The condition fields, for the <c>_Condition</c> partial; a routing rule words them its own way.</summary>
internal sealed record ConditionModel(StudioPage Studio, IReadOnlyList<(string Value, string Text)> Questions, string? Lead = null, string? QuestionLabel = null, string? ValueHint = null);

/// <summary>A group of checkboxes sharing the name <paramref name="Name"/>; errors come from the model state under it.</summary>
internal sealed record CheckboxesModel(string Name, string Legend, IReadOnlyCollection<string> Checked, IReadOnlyList<(string Value, string Text)> Options, string? Hint = null);
