using System.Collections;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace Hub.Forms.Contracts;

/// <summary>
/// One text in several languages: language code (<c>sv</c>, <c>en</c>) to plain text. Texts are never markup; a
/// renderer must encode them like any other text, whatever characters they contain.
/// </summary>
[SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix",
    Justification = "It is a text (the domain's word), which happens to be stored per language.")]
public sealed class LocalizedText : IReadOnlyDictionary<string, string>
{
    private readonly ImmutableSortedDictionary<string, string> texts;

    /// <summary>Creates a text from language/text pairs; a later pair for the same language replaces an earlier one.</summary>
    public LocalizedText(IEnumerable<KeyValuePair<string, string>> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var builder = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (language, text) in texts)
        {
            builder[language] = text;
        }

        this.texts = builder.ToImmutable();
    }

    /// <summary>Creates a text from language/text pairs, e.g. <c>LocalizedText.Of(("sv", "Namn"), ("en", "Name"))</c>.</summary>
    public static LocalizedText Of(params (string Language, string Text)[] texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return new LocalizedText(texts.Select(t => KeyValuePair.Create(t.Language, t.Text)));
    }

    /// <summary>The text in the language <paramref name="key"/>.</summary>
    /// <exception cref="KeyNotFoundException">There is no text in that language.</exception>
    public string this[string key] => texts[key];

    /// <summary>The languages this text has, in ordinal order.</summary>
    public IEnumerable<string> Keys => texts.Keys;

    /// <summary>The texts, in the order of <see cref="Keys"/>.</summary>
    public IEnumerable<string> Values => texts.Values;

    /// <summary>Number of languages.</summary>
    public int Count => texts.Count;

    /// <summary>
    /// The text in <paramref name="preferredLanguage"/>, else in <paramref name="fallbackLanguage"/>, else the first
    /// there is. The result says which language it is in, so a renderer can mark text in another language with
    /// <c>lang</c>.
    /// </summary>
    public TextInLanguage Pick(string preferredLanguage, string fallbackLanguage)
    {
        if (texts.TryGetValue(preferredLanguage, out var text))
        {
            return new TextInLanguage(preferredLanguage, text);
        }

        if (texts.TryGetValue(fallbackLanguage, out text))
        {
            return new TextInLanguage(fallbackLanguage, text);
        }

        return texts.IsEmpty ? new TextInLanguage(fallbackLanguage, "") : new TextInLanguage(texts.Keys.First(), texts.Values.First());
    }

    /// <summary>Whether there is a text in <paramref name="key"/>.</summary>
    public bool ContainsKey(string key) => texts.ContainsKey(key);

    /// <summary>The text in a language, if there is one.</summary>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value) => texts.TryGetValue(key, out value);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => texts.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>A text and the language it is in.</summary>
/// <param name="Language">Language code, e.g. <c>sv</c>.</param>
/// <param name="Text">The plain text.</param>
public readonly record struct TextInLanguage(string Language, string Text);
