using System.Text.Json;
using Hub.Forms.Contracts;

namespace Hub.Forms.Tests.DemoServices;

/// <summary>
/// The demo services in <c>recipes/services</c>, read from the repository itself (not copied to the output) so that a
/// broken file fails the build's tests, whoever edits it.
/// </summary>
internal static class DemoServiceFiles
{
    public static readonly string[] Languages = ["sv", "en"];

    public static string Directory { get; } = Path.Combine(FindRepositoryRoot(), "recipes", "services");

    /// <summary>File names (<c>specialkost.service.json</c>) of every service file, sorted.</summary>
    public static IReadOnlyList<string> FileNames() =>
        [.. System.IO.Directory.EnumerateFiles(Directory, "*.service.json").Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal)];

    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (var name in FileNames())
        {
            data.Add(name);
        }

        return data;
    }

    public static string Text(string fileName) => File.ReadAllText(Path.Combine(Directory, fileName));

    public static JsonDocument Parse(string fileName) =>
        JsonDocument.Parse(Text(fileName), new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });

    /// <summary>The service's form, read and checked as the Catalog module will.</summary>
    public static FormDefinition Form(string key)
    {
        using var document = Parse($"{key}.service.json");
        return TestForms.Read(document.RootElement.GetProperty("form").GetRawText());
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Hub.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Hub.sln above {AppContext.BaseDirectory}.");
    }
}
