using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace Hub.Forms.Definitions;

/// <summary>
/// One fixed way to write JSON, so equal content gives equal bytes: object properties sorted by ordinal name,
/// arrays in order, no whitespace, one escaping rule. Numbers arrive already normalized from the writers.
/// </summary>
internal static class CanonicalJson
{
    // Letters of every script stay readable (å, ä, ö); HTML-sensitive characters are escaped, which is harmless here
    // and fixed, so the bytes never depend on the reader's defaults.
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);

    private static readonly JsonSerializerOptions Compact = new() { Encoder = Encoder, WriteIndented = false };
    private static readonly JsonSerializerOptions Indented = new() { Encoder = Encoder, WriteIndented = true };

    public static JsonSerializerOptions Options(bool indented) => indented ? Indented : Compact;

    public static string Write(JsonNode node)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Encoder, Indented = false }))
        {
            Write(writer, node);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (name, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(name);
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case null:
                writer.WriteNullValue();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
