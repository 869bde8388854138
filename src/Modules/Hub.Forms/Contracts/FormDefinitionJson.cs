using System.Security.Cryptography;
using System.Text;
using Hub.Forms.Definitions;

namespace Hub.Forms.Contracts;

/// <summary>Reads, checks, writes and hashes form definitions in their JSON format (camelCase).</summary>
public static class FormDefinitionJson
{
    /// <summary>Largest definition accepted, in UTF-8 bytes.</summary>
    public const int MaxSizeBytes = FormLimits.MaxDefinitionBytes;

    /// <summary>
    /// Reads and checks a definition. Never throws on bad input: every problem found is returned, with where it is
    /// (<c>$.pages[0].elements[2].label</c>), and the definition only when there are none.
    /// </summary>
    public static FormReadResult Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonInput.ToUtf8(json, out var utf8) is { } problem
            ? new FormReadResult(null, [problem])
            : Read(utf8);
    }

    /// <inheritdoc cref="Read(string)"/>
    public static FormReadResult Read(ReadOnlySpan<byte> utf8Json) => DefinitionReader.Read(utf8Json);

    /// <summary>Writes a definition as JSON in the order a person reads it (key and type first).</summary>
    public static string Write(FormDefinition definition, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return DefinitionWriter.ToJsonNode(definition).ToJsonString(CanonicalJson.Options(indented));
    }

    /// <summary>
    /// Writes a definition canonically: property names sorted (ordinal), no whitespace, numbers in their shortest
    /// form, defaults left out. Two definitions that mean the same have the same canonical JSON, however they were
    /// formatted or ordered.
    /// </summary>
    public static string WriteCanonical(FormDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return CanonicalJson.Write(DefinitionWriter.ToJsonNode(definition));
    }

    /// <summary>The JSON name of an element type (<c>personnummer</c>, <c>yesNo</c>).</summary>
    public static string TypeName(FormElementType type) => TypeNames.Of(type);

    /// <summary>The element type with this JSON name, if there is one.</summary>
    public static bool TryParseType(string name, out FormElementType type) => TypeNames.TryParse(name, out type);

    /// <summary>Whether an element of <paramref name="type"/> takes the JSON property <paramref name="property"/> (the reader refuses the others).</summary>
    public static bool Takes(FormElementType type, string property) => TypeNames.Takes(type, property);

    /// <summary>SHA-256 of the UTF-8 canonical JSON, as 64 lower-case hex digits; identifies a version's content.</summary>
    public static string ComputeContentHash(FormDefinition definition) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(WriteCanonical(definition))));
}

/// <summary>The outcome of reading a definition.</summary>
/// <param name="Definition">The definition, when there were no problems.</param>
/// <param name="Problems">Every problem found, in document order as far as possible.</param>
public sealed record FormReadResult(FormDefinition? Definition, IReadOnlyList<FormProblem> Problems)
{
    /// <summary>True when the definition is usable.</summary>
    public bool Succeeded => Definition is not null && Problems.Count == 0;
}

/// <summary>A problem in a definition or condition, precise enough for its author to fix.</summary>
/// <param name="Path">Where, JSONPath-like: <c>$.pages[1].elements[0].options</c>.</param>
/// <param name="Message">What is wrong, in English (definitions are an author's file format).</param>
public sealed record FormProblem(string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Message}";
}
