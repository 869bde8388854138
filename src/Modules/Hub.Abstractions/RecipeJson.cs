using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hub.Abstractions;

/// <summary>Reads a recipe step into a typed object, turning every JSON mistake into a problem with its path.</summary>
public static class RecipeJson
{
    /// <summary>Strict options: camelCase names, no unknown properties, required members and nullability enforced.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
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
        return tail.Length == 0 ? stepPath : stepPath + (tail[0] == '[' ? tail : tail);
    }

    private static string Describe(JsonException exception)
    {
        var message = exception.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        message = cut > 0 ? message[..cut] : message;
        return message
            .Replace("System.String", "a text", StringComparison.Ordinal)
            .Replace("System.Int32", "a whole number", StringComparison.Ordinal)
            .Replace("System.Boolean", "true or false", StringComparison.Ordinal)
            .Replace("System.Collections.Generic.List`1[a text]", "a list of texts", StringComparison.Ordinal);
    }
}
