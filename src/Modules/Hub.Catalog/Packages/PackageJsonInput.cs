using System.Globalization;
using System.Text;
using System.Text.Json;
using Hub.Forms.Contracts;

namespace Hub.Catalog.Packages;

/// <summary>
/// Parses an untrusted package file into a document the readers can walk without an exception: strict UTF-8, a size
/// and depth limit, no duplicate property names, no text that is not valid Unicode, bounded strings and lists.
/// </summary>
internal static class PackageJsonInput
{
    /// <summary>Largest package accepted, in UTF-8 bytes (a form may be 1 MB; texts and workflow come on top).</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    /// <summary>Deepest nesting of objects and lists (the form's own limit, 32, applies inside <c>form</c>).</summary>
    public const int MaxDepth = 40;

    /// <summary>Longest string anywhere in a package; fields have their own, smaller limits.</summary>
    public const int MaxStringLength = 100_000;

    /// <summary>Longest list anywhere in a package; fields have their own, smaller limits.</summary>
    public const int MaxArrayLength = 2_000;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static JsonDocument? Parse(string json, List<FormProblem> problems)
    {
        byte[] utf8;
        try
        {
            utf8 = StrictUtf8.GetBytes(json);
        }
        catch (EncoderFallbackException)
        {
            problems.Add(new FormProblem("$", "is not valid Unicode text"));
            return null;
        }

        if (utf8.Length > MaxBytes)
        {
            problems.Add(new FormProblem("$", string.Create(CultureInfo.InvariantCulture, $"is {utf8.Length:N0} bytes; at most {MaxBytes:N0} are allowed")));
            return null;
        }

        JsonDocument document;
        try
        {
            // Duplicates are found below, with their path: the parser's own check names none and throws
            // InvalidOperationException for a name holding a lone surrogate.
            document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException exception)
        {
            problems.Add(new FormProblem("$", Describe(exception)));
            return null;
        }

        var before = problems.Count;
        if (!Check(document.RootElement, "$", problems) || problems.Count > before)
        {
            document.Dispose();
            return null;
        }

        return document;
    }

    public static string Property(string path, string name) =>
        name.Length is > 0 and <= 64 && char.IsAsciiLetter(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')
            ? $"{path}.{name}"
            : $"{path}[{Quote(name)}]";

    public static string Index(string path, int index) => string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");

    /// <summary>Quotes untrusted text for a message: shortened, control characters escaped.</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder("'");
        foreach (var c in text.Length > 64 ? text[..64] : text)
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

        return builder.Append(text.Length > 64 ? "…'" : "'").ToString();
    }

    private static bool Check(JsonElement element, string path, List<FormProblem> problems)
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
                        problems.Add(new FormProblem(path, $"names the property {Quote(name)} more than once"));
                    }

                    if (!Check(property.Value, Property(path, name), problems))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.Array:
                if (element.GetArrayLength() > MaxArrayLength)
                {
                    problems.Add(new FormProblem(path, $"has more than {MaxArrayLength} items"));
                    return false;
                }

                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (!Check(item, Index(path, index++), problems))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.String:
                try
                {
                    if (element.GetString()!.Length > MaxStringLength)
                    {
                        problems.Add(new FormProblem(path, $"is longer than {MaxStringLength} characters"));
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

    private static string Describe(JsonException exception)
    {
        var message = exception.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        message = (cut > 0 ? message[..cut] : message).Split(" Path:")[0].TrimEnd('.', ' ');
        if (message.Contains("maximum configured depth", StringComparison.Ordinal))
        {
            message = $"nests objects and lists deeper than {MaxDepth} levels";
        }

        var where = exception.LineNumber is { } line
            ? string.Create(CultureInfo.InvariantCulture, $" (line {line + 1}, byte {exception.BytePositionInLine + 1})")
            : "";
        return $"is not valid JSON: {message}{where}";
    }
}
