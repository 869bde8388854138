using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hub.Abstractions;

/// <summary>Reads a recipe step into a typed object, turning every JSON mistake into a problem with its path.</summary>
public static partial class RecipeJson
{
    /// <summary>Strict options: camelCase names, no unknown properties, required members and nullability enforced.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNameCaseInsensitive = false,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowDuplicateProperties = false,
        MaxDepth = 16,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <summary>Deserializes the step; on failure records one problem at the offending path and returns null.</summary>
    public static T? Read<T>(RecipeStep step, RecipeValidation validation)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(validation);
        try
        {
            var value = step.Json.Deserialize<T>(Options);
            if (value is null)
            {
                validation.Add(step.Path, "must be an object");
            }

            return value;
        }
        catch (JsonException exception)
        {
            validation.Add(JoinPath(step.Path, exception.Path), Describe(exception));
            return null;
        }
    }

    /// <summary>Appends a JSON path (<c>$.users[0].roles</c>) to a step path (<c>steps[2]</c>).</summary>
    public static string JoinPath(string stepPath, string? jsonPath)
    {
        var tail = (jsonPath ?? "$").TrimStart('$');
        return stepPath + tail;
    }

    /// <summary>Rewrites System.Text.Json's developer-facing messages for the person who wrote the recipe.</summary>
    private static string Describe(JsonException exception)
    {
        var message = exception.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        message = cut > 0 ? message[..cut] : message;
        var missing = MissingPattern().Match(message);
        if (missing.Success)
        {
            return $"is missing the required property '{missing.Groups[1].Value}'";
        }

        if (message.Contains("null", StringComparison.Ordinal) && message.Contains("nullability", StringComparison.Ordinal))
        {
            return "must not be null";
        }

        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            return "is not a known property here";
        }

        var conversion = ConversionPattern().Match(message);
        if (conversion.Success)
        {
            return "must be " + conversion.Groups[1].Value.TrimEnd('.') switch
            {
                "System.String" => "a text",
                "System.Boolean" => "true or false",
                var t when t.StartsWith("System.Collections.Generic.List", StringComparison.Ordinal) => "a list",
                _ => "an object",
            };
        }

        return message.Contains("duplicate", StringComparison.OrdinalIgnoreCase) ? "names a property twice" : "is not valid here";
    }

    [System.Text.RegularExpressions.GeneratedRegex("missing required properties including: '([^']+)'")]
    private static partial System.Text.RegularExpressions.Regex MissingPattern();

    [System.Text.RegularExpressions.GeneratedRegex(@"could not be converted to ([\w.`\[\]+]+)")]
    private static partial System.Text.RegularExpressions.Regex ConversionPattern();
}
