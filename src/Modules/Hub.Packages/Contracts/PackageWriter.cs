using System.Text.Json.Nodes;
using Hub.Forms.Contracts;

namespace Hub.Packages.Contracts;

/// <summary>Pieces of the canonical writer shared by the package's parts.</summary>
internal static class PackageWriter
{
    public static JsonObject Text(LocalizedText text) =>
        new(text.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)JsonValue.Create(t.Value))));

    /// <summary>The same object with its properties in ordinal order (nested objects are written sorted by their writers).</summary>
    public static JsonObject Sort(JsonObject node)
    {
        var properties = node.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        node.Clear();
        return new JsonObject(properties);
    }
}
