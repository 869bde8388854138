using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Hub.Architecture.Tests;

/// <summary>
/// The projects' dependencies are the list in docs/architecture.md ("Allowed dependencies"), and that list is a DAG:
/// a reference it does not name, or a cycle in it, fails here.
/// </summary>
public sealed partial class ModuleDependencyTests
{
    private static readonly string Root = FindRoot();

    private static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> Allowed = ReadAllowed();

    public static TheoryData<string> Projects => [.. Allowed.Keys.Order(StringComparer.Ordinal)];

    [Fact]
    public void Every_project_of_the_hub_is_in_the_list()
    {
        var projects = Directory.GetFiles(Path.Combine(Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(Root, "themes"), "*.csproj", SearchOption.AllDirectories))
            .Select(Path.GetFileNameWithoutExtension);

        Assert.All(projects, p => Assert.True(Allowed.ContainsKey(p!), $"{p} is not in docs/architecture.md's dependency list"));
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void A_project_references_only_what_the_list_allows(string project)
    {
        var file = Directory.GetFiles(Root, project + ".csproj", SearchOption.AllDirectories).Single(f => !f.Contains("/bench/", StringComparison.Ordinal));
        var projectReferences = XDocument.Load(file).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')));
        var compiled = Assembly.Load(project).GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Hub.", StringComparison.Ordinal));

        Assert.All(projectReferences.Concat(compiled).Distinct(), r => Assert.True(Allowed[project].Contains(r), $"{project} references {r}, which docs/architecture.md does not allow"));
    }

    [Fact]
    public void The_allowed_dependencies_have_no_cycle()
    {
        var done = new HashSet<string>();
        var path = new List<string>();
        foreach (var project in Allowed.Keys)
        {
            Visit(project, done, path);
        }
    }

    [Fact]
    public void A_cycle_in_the_list_would_be_found() =>
        Assert.Throws<Xunit.Sdk.TrueException>(() => Visit("A", [], [], new Dictionary<string, IReadOnlySet<string>>
        {
            ["A"] = new HashSet<string> { "B" },
            ["B"] = new HashSet<string> { "A" },
        }));

    private static void Visit(string project, HashSet<string> done, List<string> path, IReadOnlyDictionary<string, IReadOnlySet<string>>? graph = null)
    {
        graph ??= Allowed;
        Assert.True(!path.Contains(project), "cycle: " + string.Join(" → ", path.Append(project)));
        if (!done.Add(project))
        {
            return;
        }

        path.Add(project);
        foreach (var dependency in graph.TryGetValue(project, out var deps) ? deps : new HashSet<string>())
        {
            Visit(dependency, done, path, graph);
        }

        path.RemoveAt(path.Count - 1);
    }

    private static Dictionary<string, IReadOnlySet<string>> ReadAllowed()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "docs", "architecture.md"));
        var allowed = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var match in lines.Select(l => DependencyLine().Match(l)).Where(m => m.Success))
        {
            var dependencies = match.Groups[2].Value.Trim() == "(none)"
                ? []
                : match.Groups[2].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            allowed.Add(match.Groups[1].Value, dependencies.ToHashSet(StringComparer.Ordinal));
        }

        Assert.NotEmpty(allowed);
        return allowed;
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Hub.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Hub.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^- (Hub\.[A-Za-z.]+) → (.+)$")]
    private static partial Regex DependencyLine();
}
