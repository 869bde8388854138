using Hub.Forms.Contracts;

namespace Hub.Forms.Tests;

/// <summary>Builds definitions for tests from JSON, the way authors write them.</summary>
internal static class TestForms
{
    /// <summary>The evaluation date used throughout, so ages and century guesses never drift.</summary>
    public static readonly DateOnly Today = new(2026, 3, 15);

    public static string Specialkost => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Resources", "specialkost.form.json"));

    /// <summary>A one-page sv/en form around the given element objects (comma-separated JSON).</summary>
    public static string Json(string elements, string languages = "\"sv\", \"en\"") => $$"""
        {
          "key": "test-form",
          "languages": [{{languages}}],
          "pages": [
            { "key": "page-one", "title": { "sv": "Sida", "en": "Page" }, "elements": [ {{elements}} ] }
          ]
        }
        """;

    /// <summary>A question element's JSON with sv/en label; <paramref name="extra"/> is appended (start it with a comma).</summary>
    public static string Question(string key, string type, string extra = "") =>
        $$"""{ "key": "{{key}}", "type": "{{type}}", "label": { "sv": "Fråga {{key}}", "en": "Question {{key}}" }{{extra}} }""";

    public static FormDefinition Read(string json)
    {
        var result = FormDefinitionJson.Read(json);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Problems));
        return result.Definition!;
    }

    public static FormDefinition Form(params string[] elements) => Read(Json(string.Join(",", elements)));

    public static IReadOnlyList<FormProblem> Problems(string json)
    {
        var result = FormDefinitionJson.Read(json);
        Assert.False(result.Succeeded);
        Assert.Null(result.Definition);
        Assert.NotEmpty(result.Problems);
        return result.Problems;
    }

    public static IReadOnlyList<FormProblem> ProblemsWith(params string[] elements) => Problems(Json(string.Join(",", elements)));

    public static Dictionary<string, AnswerValue> Given(params (string Key, AnswerValue Value)[] answers) =>
        answers.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);

    public static Dictionary<string, AnswerValue> Texts(params (string Key, string Value)[] answers) =>
        answers.ToDictionary(a => a.Key, a => (AnswerValue)new TextAnswer(a.Value), StringComparer.Ordinal);
}
