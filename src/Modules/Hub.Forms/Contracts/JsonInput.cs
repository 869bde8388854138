using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Hub.Forms.Contracts;

/// <summary>How much untrusted JSON may hold before a reader walks it.</summary>
/// <param name="MaxBytes">The largest input, in UTF-8 bytes.</param>
/// <param name="MaxDepth">The deepest nesting of objects and lists.</param>
/// <param name="MaxStringLength">The longest string anywhere, when the format bounds it (fields have their own limits).</param>
/// <param name="MaxArrayLength">The longest list anywhere, when the format bounds it.</param>
public sealed record JsonInputLimits(int MaxBytes, int MaxDepth, int? MaxStringLength = null, int? MaxArrayLength = null);

/// <summary>
/// Parses untrusted JSON (a form definition, a condition, a service package) into a document every later reader can
/// walk without an exception: strict UTF-8, a size and depth limit, no comments or trailing commas, no duplicate
/// property names, no text that is not valid Unicode, and strings and lists within the limits given.
/// </summary>
public static class JsonInput
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Encodes text for the reader; a lone surrogate is a problem rather than a silent U+FFFD, so what is stored is
    /// exactly what was written.
    /// </summary>
    public static FormProblem? ToUtf8(string json, out byte[] utf8)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            utf8 = StrictUtf8.GetBytes(json);
            return null;
        }
        catch (EncoderFallbackException)
        {
            utf8 = [];
            return new FormProblem("$", "is not valid Unicode text");
        }
    }

    /// <summary>The document of <paramref name="json"/>, or null with the problems added.</summary>
    public static JsonDocument? Parse(string json, JsonInputLimits limits, List<FormProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (ToUtf8(json, out var utf8) is { } problem)
        {
            problems.Add(problem);
            return null;
        }

        return Parse(utf8, limits, problems);
    }

    /// <summary>The document of <paramref name="utf8Json"/>, or null with the problems added.</summary>
    public static JsonDocument? Parse(ReadOnlySpan<byte> utf8Json, JsonInputLimits limits, List<FormProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(problems);
        if (utf8Json.Length > limits.MaxBytes)
        {
            problems.Add(new FormProblem("$", string.Create(CultureInfo.InvariantCulture, $"is {utf8Json.Length:N0} bytes; at most {limits.MaxBytes:N0} are allowed")));
            return null;
        }

        JsonDocument document;
        try
        {
            // Duplicate names are found below instead of by the parser (AllowDuplicateProperties = false), which
            // names no path and throws InvalidOperationException on a name holding a lone surrogate.
            document = JsonDocument.Parse(utf8Json.ToArray(), new JsonDocumentOptions
            {
                MaxDepth = limits.MaxDepth,
                AllowTrailingCommas = false,
                CommentHandling = JsonCommentHandling.Disallow,
            });
        }
        catch (JsonException exception)
        {
            problems.Add(new FormProblem("$", Describe(exception, limits)));
            return null;
        }

        var before = problems.Count;
        if (!Check(document.RootElement, "$", limits, problems) || problems.Count > before)
        {
            document.Dispose();
            return null;
        }

        return document;
    }

    /// <summary>
    /// Finds duplicate property names, text that is not valid Unicode (an escaped lone surrogate, which would otherwise
    /// throw from <see cref="JsonElement.GetString"/>) and strings or lists beyond the limits. False when reading must stop.
    /// </summary>
    private static bool Check(JsonElement element, string path, JsonInputLimits limits, List<FormProblem> problems)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = property.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        problems.Add(new FormProblem(path, "has a property name that is not valid Unicode text"));
                        return false;
                    }

                    if (!names.Add(name))
                    {
                        problems.Add(new FormProblem(path, $"names the property {JsonPaths.Quote(name)} more than once"));
                    }

                    if (!Check(property.Value, JsonPaths.Property(path, name), limits, problems))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.Array:
                if (element.GetArrayLength() > limits.MaxArrayLength)
                {
                    problems.Add(new FormProblem(path, $"has more than {limits.MaxArrayLength} items"));
                    return false;
                }

                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (!Check(item, JsonPaths.Index(path, index++), limits, problems))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.String:
                try
                {
                    if (element.GetString()!.Length > limits.MaxStringLength)
                    {
                        problems.Add(new FormProblem(path, $"is longer than {limits.MaxStringLength} characters"));
                    }

                    return true;
                }
                catch (InvalidOperationException)
                {
                    problems.Add(new FormProblem(path, "is not valid Unicode text"));
                    return false;
                }

            default:
                return true;
        }
    }

    private static string Describe(JsonException exception, JsonInputLimits limits)
    {
        var message = exception.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        message = (cut > 0 ? message[..cut] : message).Split(" Path:")[0].TrimEnd('.', ' ', '|');
        if (message.Contains("maximum configured depth", StringComparison.Ordinal))
        {
            message = $"nests objects and lists deeper than {limits.MaxDepth} levels";
        }

        var where = exception.LineNumber is { } line
            ? string.Create(CultureInfo.InvariantCulture, $" (line {line + 1}, byte {exception.BytePositionInLine + 1})")
            : "";
        return $"is not valid JSON: {message}{where}";
    }
}

/// <summary>JSONPath-like locations for problems, safe to show whatever names the input used.</summary>
public static class JsonPaths
{
    private const int MaxShown = 64;

    public static string Property(string path, string name) =>
        IsPlainName(name) ? $"{path}.{name}" : $"{path}[{Quote(name)}]";

    public static string Index(string path, int index) => string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");

    /// <summary>Quotes untrusted text for a message: shortened, control characters escaped.</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder("'");
        foreach (var c in text.Length > MaxShown ? text[..MaxShown] : text)
        {
            if (char.IsControl(c) || char.IsSurrogate(c) || c == '\'')
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        if (text.Length > MaxShown)
        {
            builder.Append('…');
        }

        return builder.Append('\'').ToString();
    }

    private static bool IsPlainName(string name) =>
        name.Length is > 0 and <= MaxShown && char.IsAsciiLetter(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}
