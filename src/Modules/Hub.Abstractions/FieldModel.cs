namespace Hub.Abstractions;

/// <summary>What the theme's <c>_Field</c> partial needs to render one labelled, hinted, validated form field.</summary>
/// <param name="Name">The posted name, also the ModelState key (e.g. <c>Input.DisplayName</c>).</param>
/// <param name="Label">The visible label.</param>
/// <param name="Value">The current value.</param>
/// <param name="Hint">Help text, tied to the field with aria-describedby.</param>
/// <param name="Type">Input type (text, email, tel, url, password) or <c>textarea</c>.</param>
/// <param name="Required">Shown in the label and set as <c>required</c>/<c>aria-required</c>.</param>
/// <param name="Autocomplete">The autocomplete token, for example <c>email</c>.</param>
/// <param name="InputClass">An extra class for width, e.g. <c>input--short</c>.</param>
public sealed record FieldModel(
    string Name,
    string Label,
    string? Value,
    string? Hint = null,
    string Type = "text",
    bool Required = false,
    string? Autocomplete = null,
    string? InputClass = null)
{
    /// <summary>The element id derived from the name, as ASP.NET Core's tag helpers derive it.</summary>
    public string Id => IdFor(Name);

    /// <summary>The id ASP.NET Core gives a field of this name (dots and brackets become underscores).</summary>
    public static string IdFor(string name) =>
        string.Create(name.Length, name, (span, n) =>
        {
            for (var i = 0; i < n.Length; i++)
            {
                span[i] = char.IsAsciiLetterOrDigit(n[i]) || n[i] is '-' or '_' ? n[i] : '_';
            }
        });
}

/// <summary>
/// Remembers the order in which a page rendered its fields, so the error summary (rendered by the layout, after the
/// page body) lists errors in the order a person meets the fields.
/// </summary>
public static class FieldOrder
{
    private const string Key = "hub:field-order";

    /// <summary>Records that the field named <paramref name="name"/> was rendered.</summary>
    public static void Register(Microsoft.AspNetCore.Http.HttpContext context, string name)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items[Key] is not List<string> names)
        {
            names = [];
            context.Items[Key] = names;
        }

        names.Add(name);
    }

    /// <summary>Position of the field among those rendered, or int.MaxValue when it was not rendered.</summary>
    public static int Position(Microsoft.AspNetCore.Http.HttpContext context, string name)
    {
        ArgumentNullException.ThrowIfNull(context);
        var index = context.Items[Key] is List<string> names ? names.IndexOf(name) : -1;
        return index < 0 ? int.MaxValue : index;
    }
}
