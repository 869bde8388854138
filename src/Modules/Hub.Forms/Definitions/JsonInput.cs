using System.Globalization;
using System.Text;
using System.Text.Json;
using Hub.Forms.Contracts;

namespace Hub.Forms.Definitions;

/// <summary>Parses untrusted JSON into a document every later reader can walk without an exception.</summary>
internal static class JsonInput
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Encodes text for the reader; a lone surrogate is a problem rather than a silent U+FFFD, so what is stored is
    /// exactly what was written.
    /// </summary>
    public static FormProblem? ToUtf8(string json, out byte[] utf8)
    {
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

    public static JsonDocument? Parse(ReadOnlySpan<byte> utf8Json, int maxBytes, List<FormProblem> problems)
    {
        if (utf8Json.Length > maxBytes)
        {
            problems.Add(new FormProblem("$", string.Create(CultureInfo.InvariantCulture, $"is {utf8Json.Length:N0} bytes; at most {maxBytes:N0} are allowed")));
            return null;
        }

        JsonDocument document;
        try
        {
            // Duplicate names are found below instead of by the parser (AllowDuplicateProperties = false), which
            // names no path and throws InvalidOperationException on a name holding a lone surrogate.
            document = JsonDocument.Parse(utf8Json.ToArray(), new JsonDocumentOptions
            {
                MaxDepth = FormLimits.MaxJsonDepth,
                AllowTrailingCommas = false,
                CommentHandling = JsonCommentHandling.Disallow,
            });
        }
        catch (JsonException exception)
        {
            problems.Add(new FormProblem("$", Describe(exception)));
            return null;
        }

        var before = problems.Count;
        if (!CheckNamesAndStrings(document.RootElement, "$", problems) || problems.Count > before)
        {
            document.Dispose();
            return null;
        }

        return document;
    }

    /// <summary>
    /// Finds duplicate property names and text that is not valid Unicode (an escaped lone surrogate), which would
    /// otherwise throw from <see cref="JsonElement.GetString"/>. False when reading must stop.
    /// </summary>
    private static bool CheckNamesAndStrings(JsonElement element, string path, List<FormProblem> problems)
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

                    var propertyPath = JsonPaths.Property(path, name);
                    if (!names.Add(name))
                    {
                        problems.Add(new FormProblem(path, $"names the property {JsonPaths.Quote(name)} more than once"));
                    }

                    if (!CheckNamesAndStrings(property.Value, propertyPath, problems))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (!CheckNamesAndStrings(item, JsonPaths.Index(path, index++), problems))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.String:
                try
                {
                    _ = element.GetString();
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

    private static string Describe(JsonException exception)
    {
        var message = exception.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        message = (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
        if (message.Contains("maximum configured depth", StringComparison.Ordinal))
        {
            message = $"nests objects and lists deeper than {FormLimits.MaxJsonDepth} levels";
        }

        var where = exception.LineNumber is { } line
            ? string.Create(CultureInfo.InvariantCulture, $" (line {line + 1}, byte {exception.BytePositionInLine + 1})")
            : "";
        return $"is not valid JSON: {message}{where}";
    }
}

/// <summary>JSONPath-like locations for problems, safe to show whatever names the input used.</summary>
internal static class JsonPaths
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
