using System.Text.RegularExpressions;
using Fluid;
using Fluid.Values;
using Microsoft.Extensions.FileProviders;

namespace Hub.Packages.Contracts;

/// <summary>
/// Liquid (Fluid) for notification templates, sandboxed: a template sees only the plain values it is given (no
/// .NET member is reachable, no file can be included), a small list of filters, a bounded number of steps and
/// recursion, and bounded strings. Output is plain text (e-mail text bodies and subjects), never HTML.
/// </summary>
public static partial class NotificationLiquid
{
    /// <summary>Most statements one rendering may execute (loops included).</summary>
    public const int MaxSteps = 10_000;

    /// <summary>Longest string a filter may produce, and longest rendered output.</summary>
    public const int MaxOutputLength = 50_000;

    // Filters that shorten, format or test values; growth is bounded by GuardedFilters. Anything else (json, include
    // of files, filters reaching the clock's time zone database by name) is not offered.
    private static readonly string[] SafeFilters =
    [
        "default", "upcase", "downcase", "capitalize", "strip", "lstrip", "rstrip", "strip_newlines", "truncate",
        "truncatewords", "date", "size", "first", "last", "plus", "minus", "times", "divided_by", "modulo", "round",
        "ceil", "floor", "abs", "at_least", "at_most", "remove", "remove_first", "slice", "split", "escape",
    ];

    private static readonly string[] GuardedFilters = ["append", "prepend", "replace", "replace_first", "join"];

    private static readonly FluidParser Parser = new();

    /// <summary>The options every notification template renders with.</summary>
    public static TemplateOptions Options { get; } = CreateOptions();

    /// <summary>Sample values for checks and the studio's preview; the names a template may use.</summary>
    public static IReadOnlyDictionary<string, object> SampleData(string language) => new Dictionary<string, object>(StringComparer.Ordinal)
    {
        ["case"] = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["number"] = "2026-000123",
            ["state"] = language == "en" ? "Being handled" : "Under handläggning",
            ["submitted"] = "2026-12-01",
            ["expected"] = "2026-12-15",
            ["link"] = "https://kommun.example/mina-sidor/arenden/2026-000123",
        },
        ["service"] = new Dictionary<string, object>(StringComparer.Ordinal) { ["title"] = language == "en" ? "Application" : "Ansökan" },
        ["tenant"] = new Dictionary<string, object>(StringComparer.Ordinal) { ["name"] = "Exempelkommun", ["email"] = "kontakt@kommun.example" },
        ["citizen"] = new Dictionary<string, object>(StringComparer.Ordinal) { ["name"] = "Anna Andersson" },
    };

    /// <summary>Parses a template; on failure says where (line and column) and why.</summary>
    public static bool TryParse(string source, out IFluidTemplate? template, out string? problem)
    {
        if (Parser.TryParse(source, out var parsed, out var error))
        {
            // A range is built whole before a loop's first step ((1..100000000) is 100 million values), so the step
            // limit cannot stop it; notifications have nothing to count, so ranges are not offered.
            var ranges = new RangeFinder();
            ranges.VisitTemplate(parsed);
            if (ranges.Found)
            {
                template = null;
                problem = "uses a range such as (1..10), which notification templates do not support";
                return false;
            }

            template = parsed;
            problem = null;
            return true;
        }

        template = null;
        var match = ErrorPattern().Match(error ?? "");
        problem = match.Success
            ? $"line {match.Groups["line"].Value}, column {match.Groups["column"].Value}: {match.Groups["reason"].Value}"
            : "is not a valid Liquid template: " + (error ?? "").Split('\n')[0];
        return false;
    }

    /// <summary>
    /// Renders with <paramref name="values"/> (strings, numbers, booleans, dates and dictionaries or lists of them).
    /// Returns null and a reason when the template breaks a limit or uses an unknown filter.
    /// </summary>
    public static (string? Text, string? Problem) Render(IFluidTemplate template, IReadOnlyDictionary<string, object> values)
    {
        var context = new TemplateContext(Options);
        foreach (var (name, value) in values)
        {
            context.SetValue(name, FluidValue.Create(value, Options));
        }

        try
        {
            var text = template.Render(context, NullEncoder.Default);
            return text.Length > MaxOutputLength
                ? (null, $"renders more than {MaxOutputLength} characters")
                : (text, null);
        }
        catch (InvalidOperationException exception) when (exception.Message.Contains("recursion", StringComparison.OrdinalIgnoreCase))
        {
            return (null, $"takes more than {MaxSteps} steps or nests too deeply (a loop that never ends?)");
        }
        catch (FileNotFoundException)
        {
            return (null, "includes another template; notification templates must be self-contained");
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The template is untrusted input: whatever it makes the engine throw (an undefined filter, a bad
            // argument, a limit) is a reason to refuse it, never an error of the hub.
            return (null, exception.Message.Split('\n')[0]);
        }
    }

    private static TemplateOptions CreateOptions()
    {
        var options = new TemplateOptions
        {
            MaxSteps = MaxSteps,
            MaxRecursion = 10,
            StrictFilters = true,
            FileProvider = new NullFileProvider(),
            MemberAccessStrategy = new DefaultMemberAccessStrategy(),
            CultureInfo = System.Globalization.CultureInfo.InvariantCulture,
            TimeZone = TimeZoneInfo.Utc,
        };
        var all = options.Filters.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        options.Filters.Clear();
        foreach (var name in SafeFilters.Where(all.ContainsKey))
        {
            options.Filters.AddFilter(name, all[name]);
        }

        foreach (var name in GuardedFilters.Where(all.ContainsKey))
        {
            var inner = all[name];
            options.Filters.AddFilter(name, (input, arguments, context) => Guarded(name, inner, input, arguments, context));
        }

        return options;
    }

    // A doubling loop ({% assign s = s | append: s %}) or a replacement inside a replacement would otherwise build a
    // string of gigabytes within a handful of steps; the result's size is known before it is built.
    private static ValueTask<FluidValue> Guarded(string name, FilterDelegate inner, FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var text = input.ToStringValue();
        long size = name switch
        {
            "replace" or "replace_first" => text.Length + (long)Occurrences(text, arguments.At(0).ToStringValue()) * arguments.At(1).ToStringValue().Length,
            "join" => input.Enumerate(context).Sum(v => (long)v.ToStringValue().Length)
                + (long)Math.Max(0, input.Enumerate(context).Count() - 1) * arguments.At(0).ToStringValue().Length,
            _ => text.Length + (long)arguments.At(0).ToStringValue().Length,
        };
        return size > MaxOutputLength
            ? throw new InvalidOperationException($"the filter '{name}' would make a text longer than {MaxOutputLength} characters")
            : inner(input, arguments, context);
    }

    private static int Occurrences(string text, string part)
    {
        if (part.Length == 0)
        {
            return text.Length + 1;
        }

        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    [GeneratedRegex(@"^(?<reason>.*?) at \((?<line>\d+):(?<column>\d+)\)")]
    private static partial Regex ErrorPattern();

    private sealed class RangeFinder : Fluid.Ast.AstVisitor
    {
        public bool Found { get; private set; }

        protected override Fluid.Ast.Expression VisitRangeExpression(Fluid.Ast.RangeExpression rangeExpression)
        {
            Found = true;
            return base.VisitRangeExpression(rangeExpression);
        }
    }
}
