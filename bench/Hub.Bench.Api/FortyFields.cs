using System.Globalization;
using System.Text.Json.Nodes;

namespace Hub.Bench.Api;

/// <summary>
/// A service of 40 questions (4 pages of 10, every common element type, all required) for the PDF target "a 40-field
/// case": none of the demo services has that many. Published in the tenant like any package; a citizen then
/// submits it through the pages.
/// </summary>
internal static class FortyFields
{
    public const string Key = "fyrtio-fragor";

    private static readonly string[] Types = ["text", "textarea", "number", "date", "email", "phone", "radio", "dropdown", "yesNo", "checkbox"];

    private static readonly string[] Pages = ["sokande", "fastigheten", "atgarden", "ovrigt"];

    private static readonly string[] PageTitles = ["Om dig som söker", "Fastigheten", "Åtgärden du söker för", "Övriga upplysningar"];

    public static string Package()
    {
        var pages = new JsonArray();
        for (var p = 0; p < Pages.Length; p++)
        {
            var elements = new JsonArray();
            for (var t = 0; t < Types.Length; t++)
            {
                var n = p * Types.Length + t + 1;
                var element = new JsonObject
                {
                    ["key"] = FieldKey(n),
                    ["type"] = Types[t],
                    ["label"] = Sv($"Fråga {n}: {Label(Types[t])}"),
                    ["required"] = true,
                };
                if (Types[t] is "text" or "textarea")
                {
                    element["maxLength"] = Types[t] == "text" ? 200 : 2000;
                }

                if (Types[t] is "radio" or "dropdown" or "checkbox")
                {
                    element["options"] = new JsonArray(
                        new JsonObject { ["key"] = "a", ["label"] = Sv("Första alternativet") },
                        new JsonObject { ["key"] = "b", ["label"] = Sv("Andra alternativet") },
                        new JsonObject { ["key"] = "c", ["label"] = Sv("Tredje alternativet") });
                }

                elements.Add(element);
            }

            pages.Add(new JsonObject { ["key"] = Pages[p], ["title"] = Sv(PageTitles[p]), ["elements"] = elements });
        }

        return new JsonObject
        {
            ["key"] = Key,
            ["version"] = "1.0.0",
            ["title"] = Sv("Ansökan med fyrtio frågor"),
            ["summary"] = Sv("En ansökan med fyrtio frågor på fyra sidor, för API:ets mätning av PDF:en."),
            ["description"] = Sv("Fyra sidor med tio frågor var."),
            ["category"] = "bygga-bo-och-miljo",
            ["keywords"] = new JsonObject { ["sv"] = new JsonArray("ansökan") },
            ["access"] = "login",
            ["handlingDays"] = 28,
            ["retentionDays"] = 730,
            ["form"] = new JsonObject { ["key"] = Key, ["languages"] = new JsonArray("sv"), ["pages"] = pages },
        }.ToJsonString();
    }

    /// <summary>The answers of page <paramref name="page"/> (0–3), as the citizen types them.</summary>
    public static List<KeyValuePair<string, string>> Answers(int page)
    {
        var fields = new List<KeyValuePair<string, string>>();
        for (var t = 0; t < Types.Length; t++)
        {
            var n = page * Types.Length + t + 1;
            fields.Add(new(FieldKey(n), Types[t] switch
            {
                "text" => $"Svar på fråga {n}, en rad med några ord om saken",
                "textarea" => string.Join(' ', Enumerable.Repeat($"Längre svar på fråga {n} med flera meningar om vad som ska göras och varför.", 5)),
                "number" => (1000 + n).ToString(CultureInfo.InvariantCulture),
                "date" => $"2026-0{page + 1}-{10 + t}",
                "email" => $"svar{n}@example.se",
                "phone" => "070-123 45 67",
                "yesNo" => "yes",
                _ => "b",
            }));
        }

        return fields;
    }

    public static int PageCount => Pages.Length;

    private static string FieldKey(int n) => $"q{n.ToString("D2", CultureInfo.InvariantCulture)}";

    private static string Label(string type) => type switch
    {
        "text" => "Beskriv kort",
        "textarea" => "Beskriv utförligt",
        "number" => "Ange ett antal",
        "date" => "Ange ett datum",
        "email" => "E-postadress",
        "phone" => "Telefonnummer",
        "radio" => "Välj ett alternativ",
        "dropdown" => "Välj i listan",
        "yesNo" => "Ja eller nej?",
        _ => "Kryssa i det som gäller",
    };

    private static JsonObject Sv(string text) => new() { ["sv"] = text };
}
