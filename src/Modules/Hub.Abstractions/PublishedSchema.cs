using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Json.Schema;

namespace Hub.Abstractions;

/// <summary>One place where a published JSON Schema refuses a document: where (a <c>$.a.b[0]</c> path) and why.</summary>
public sealed record SchemaProblem(string Path, string Message);

/// <summary>
/// A JSON Schema published in <c>docs/</c> (<c>package.schema.json</c>, <c>recipe.schema.json</c>) and embedded, as
/// that same file, in the assembly that reads its documents: editors, the documentation and the server check against
/// one source. The reader's own checks come first and say more (languages, limits, references); the schema is the
/// last word on shape, so that nothing the published schema refuses is accepted at run time.
/// </summary>
public sealed class PublishedSchema
{
    /// <summary>At most this many problems are reported: one mistake high up can fail a whole subtree.</summary>
    public const int MaxProblems = 20;

    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.Hierarchical };

    private readonly JsonSchema schema;

    private PublishedSchema(string fileName, JsonSchema schema)
    {
        FileName = fileName;
        this.schema = schema;
    }

    /// <summary>The file's name in <c>docs/</c>, e.g. <c>package.schema.json</c>; problems name it.</summary>
    public string FileName { get; }

    /// <summary>
    /// Loads the schema embedded in <paramref name="assembly"/> under the logical name <paramref name="fileName"/> (the
    /// project links <c>docs/{fileName}</c> with that <c>LogicalName</c>). Each schema gets its own registry: the
    /// library otherwise registers a schema's <c>$id</c> globally and refuses the same id twice (tests load it too).
    /// </summary>
    public static PublishedSchema FromResource(Assembly assembly, string fileName)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        using var stream = assembly.GetManifestResourceStream(fileName)
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} does not embed {fileName}; link docs/{fileName} as an EmbeddedResource with LogicalName=\"{fileName}\".");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        return new PublishedSchema(fileName, JsonSchema.FromText(reader.ReadToEnd(), options));
    }

    /// <summary>What the schema refuses in <paramref name="document"/>, with <c>$</c>-rooted paths; empty when it is valid.</summary>
    public IReadOnlyList<SchemaProblem> Check(JsonElement document)
    {
        var result = schema.Evaluate(document, Evaluation);
        if (result.IsValid)
        {
            return [];
        }

        var problems = new List<SchemaProblem>();
        Collect(result, problems);
        if (problems.Count == 0)
        {
            problems.Add(new SchemaProblem("$", $"does not match {FileName}"));
        }

        return problems.Take(MaxProblems).ToList();
    }

    /// <summary>
    /// The errors of the failing nodes that make the document invalid. A failed <c>if</c> or <c>not</c> subschema is not
    /// itself a mistake (it only chooses what applies), so its subtree is left out.
    /// </summary>
    private void Collect(EvaluationResults node, List<SchemaProblem> problems)
    {
        if (node.IsValid || problems.Count >= MaxProblems)
        {
            return;
        }

        foreach (var (keyword, message) in node.Errors ?? new Dictionary<string, string>())
        {
            var problem = new SchemaProblem(ToPath(node.InstanceLocation.ToString()), $"does not match {FileName} ({keyword}: {message})");
            if (!problems.Contains(problem))
            {
                problems.Add(problem);
            }
        }

        foreach (var child in node.Details ?? [])
        {
            var path = child.EvaluationPath.ToString();
            if (!path.EndsWith("/if", StringComparison.Ordinal) && !path.EndsWith("/not", StringComparison.Ordinal))
            {
                Collect(child, problems);
            }
        }
    }

    /// <summary>A JSON Pointer (<c>/steps/0/users</c>, RFC 6901) as the path the readers print (<c>$.steps[0].users</c>).</summary>
    public static string ToPath(string jsonPointer)
    {
        ArgumentNullException.ThrowIfNull(jsonPointer);
        var path = new StringBuilder("$");
        foreach (var raw in jsonPointer.Split('/').Skip(1))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (segment.Length > 0 && segment.All(char.IsAsciiDigit))
            {
                path.Append('[').Append(int.Parse(segment, CultureInfo.InvariantCulture)).Append(']');
            }
            else if (segment.Length > 0 && (char.IsAsciiLetter(segment[0]) || segment[0] is '_' or '$') && segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$'))
            {
                path.Append('.').Append(segment);
            }
            else
            {
                path.Append("['").Append(segment.Replace("'", "\\'", StringComparison.Ordinal)).Append("']");
            }
        }

        return path.ToString();
    }
}
