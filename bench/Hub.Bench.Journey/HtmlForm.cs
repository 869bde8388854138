using System.Net;
using System.Text.RegularExpressions;

namespace Hub.Bench.Journey;

/// <summary>
/// A POST form as the hub rendered it: where it posts, how (multipart or URL-encoded), its antiforgery token
/// (<c>__RequestVerificationToken</c>), the names of its fields and the values offered for radios, checkboxes and
/// drop-downs. Parsed with regular expressions: the hub's markup is known and regular, and this keeps the driver's own
/// CPU per page small.
/// </summary>
internal sealed partial class HtmlForm
{
    private HtmlForm(string action, bool multipart, string token, HashSet<string> names, Dictionary<string, List<string>> options)
    {
        Action = action;
        Multipart = multipart;
        Token = token;
        Names = names;
        Options = options;
    }

    /// <summary>The form's action, or "" when it posts to the page's own address.</summary>
    public string Action { get; }

    public bool Multipart { get; }

    public string Token { get; }

    public IReadOnlySet<string> Names { get; }

    public IReadOnlyDictionary<string, List<string>> Options { get; }

    /// <summary>
    /// The page's POST form whose action is <paramref name="action"/> ("" for a form without action), or null.
    /// </summary>
    public static HtmlForm? Find(string html, string action)
    {
        foreach (Match form in FormPattern().Matches(html))
        {
            var attributes = form.Groups["attrs"].Value;
            if (!string.Equals(Attribute(attributes, "method"), "post", StringComparison.OrdinalIgnoreCase)
                || (Attribute(attributes, "action") ?? "") != action)
            {
                continue;
            }

            var body = form.Groups["body"].Value;
            var names = new HashSet<string>(StringComparer.Ordinal);
            var options = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            string? token = null;
            foreach (Match field in FieldPattern().Matches(body))
            {
                var fieldAttributes = field.Groups["attrs"].Value;
                var name = Attribute(fieldAttributes, "name");
                if (name is null)
                {
                    continue;
                }

                var type = Attribute(fieldAttributes, "type");
                if (name == "__RequestVerificationToken")
                {
                    token = Attribute(fieldAttributes, "value");
                    continue;
                }

                if (field.Groups["tag"].Value == "button")
                {
                    continue;
                }

                names.Add(name);
                if (type is "radio" or "checkbox" && Attribute(fieldAttributes, "value") is { } value)
                {
                    Offer(options, name, value);
                }
            }

            foreach (Match select in SelectPattern().Matches(body))
            {
                var name = Attribute(select.Groups["attrs"].Value, "name");
                if (name is null)
                {
                    continue;
                }

                foreach (Match option in OptionPattern().Matches(select.Groups["body"].Value))
                {
                    var value = WebUtility.HtmlDecode(option.Groups["value"].Value);
                    if (value.Length > 0)
                    {
                        Offer(options, name, value);
                    }
                }
            }

            if (string.IsNullOrEmpty(token))
            {
                throw new JourneyException($"the form posting to '{action}' has no antiforgery token");
            }

            var multipart = string.Equals(Attribute(attributes, "enctype"), "multipart/form-data", StringComparison.OrdinalIgnoreCase);
            return new HtmlForm(action, multipart, token, names, options);
        }

        return null;
    }

    /// <summary>The body to post: the token, the answers and the button pressed, encoded as the form says.</summary>
    public HttpContent Content(IEnumerable<(string Name, string Value)> answers, string? button)
    {
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", Token) };
        fields.AddRange(answers.Select(a => new KeyValuePair<string, string>(a.Name, a.Value)));
        if (button is not null)
        {
            fields.Add(new("action", button));
        }

        if (!Multipart)
        {
            return new FormUrlEncodedContent(fields);
        }

        var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            multipart.Add(new StringContent(value), name);
        }

        return multipart;
    }

    private static void Offer(Dictionary<string, List<string>> options, string name, string value)
    {
        if (!options.TryGetValue(name, out var list))
        {
            options[name] = list = [];
        }

        list.Add(value);
    }

    private static string? Attribute(string attributes, string name)
    {
        foreach (Match attribute in AttributePattern().Matches(attributes))
        {
            if (string.Equals(attribute.Groups["name"].Value, name, StringComparison.OrdinalIgnoreCase))
            {
                return WebUtility.HtmlDecode(attribute.Groups["value"].Value);
            }
        }

        return null;
    }

    [GeneratedRegex("<form\\b(?<attrs>[^>]*)>(?<body>.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormPattern();

    [GeneratedRegex("<(?<tag>input|select|textarea|button)\\b(?<attrs>[^>]*)>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FieldPattern();

    [GeneratedRegex("<select\\b(?<attrs>[^>]*)>(?<body>.*?)</select>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex SelectPattern();

    [GeneratedRegex("<option\\b[^>]*\\bvalue=\"(?<value>[^\"]*)\"", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex OptionPattern();

    [GeneratedRegex("(?<name>[a-zA-Z_:][-a-zA-Z0-9_:.]*)\\s*=\\s*\"(?<value>[^\"]*)\"", RegexOptions.Singleline)]
    private static partial Regex AttributePattern();
}

/// <summary>A check of the journey failed: the answer was not what a citizen's browser should get.</summary>
internal sealed class JourneyException(string message) : Exception(message);
