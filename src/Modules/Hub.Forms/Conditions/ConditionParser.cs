using System.Collections.Immutable;
using System.Text.Json;
using Hub.Forms.Answers;
using Hub.Forms.Contracts;
using Hub.Forms.Definitions;

namespace Hub.Forms.Conditions;

/// <summary>Turns condition JSON into a <see cref="ConditionNode"/> tree, reporting every problem with its path.</summary>
internal sealed class ConditionParser
{
    public const string Operators = "and, or, not, eq, neq, in, contains, gt, gte, lt, lte, empty, notEmpty, ageAtLeast, ageUnder";

    private const string Example = "{\"eq\": [\"question-key\", \"value\"]}";

    private readonly List<FormProblem> problems;
    private int nodes;

    private ConditionParser(List<FormProblem> problems) => this.problems = problems;

    /// <summary>The tree, or null when there were problems (all of them added to <paramref name="problems"/>).</summary>
    public static ConditionNode? Parse(JsonElement json, string path, List<FormProblem> problems)
    {
        var before = problems.Count;
        var node = new ConditionParser(problems).Node(json, path, 1);
        return problems.Count > before ? null : node;
    }

    private ConditionNode? Node(JsonElement json, string path, int depth)
    {
        if (depth > FormLimits.MaxConditionDepth)
        {
            Add(path, $"nests conditions deeper than {FormLimits.MaxConditionDepth} levels");
            return null;
        }

        if (++nodes > FormLimits.MaxConditionNodes)
        {
            if (nodes == FormLimits.MaxConditionNodes + 1)
            {
                Add(path, $"makes the condition longer than {FormLimits.MaxConditionNodes} operators");
            }

            return null;
        }

        if (json.ValueKind != JsonValueKind.Object)
        {
            Add(path, $"must be a condition object such as {Example}");
            return null;
        }

        using var properties = json.EnumerateObject();
        if (!properties.MoveNext())
        {
            Add(path, $"must name an operator, one of: {Operators}");
            return null;
        }

        var property = properties.Current;
        if (properties.MoveNext())
        {
            Add(path, "must have exactly one operator; combine several with 'and' or 'or'");
            return null;
        }

        var at = JsonPaths.Property(path, property.Name);
        var value = property.Value;
        switch (property.Name)
        {
            case "and" or "or":
                return Logical(property.Name == "and", value, at, depth);
            case "not":
                return Node(value, at, depth + 1) is { } operand ? new NotNode(operand) : null;
            case "eq" or "neq" or "gt" or "gte" or "lt" or "lte":
                return Compare(property.Name, value, at);
            case "in":
                return In(value, at);
            case "contains":
                return Pair(value, at, out var key, out var option) && Literal(option, JsonPaths.Index(at, 1), textOnly: true) is { Text: { } text }
                    ? new ContainsNode(key!, text)
                    : null;
            case "empty" or "notEmpty":
                return Key(value, at) is { } emptyKey ? new EmptyNode(emptyKey, Negated: property.Name == "notEmpty") : null;
            case "ageAtLeast" or "ageUnder":
                return Age(property.Name == "ageAtLeast", value, at);
            default:
                Add(path, $"{JsonPaths.Quote(property.Name)} is not a known operator; expected one of: {Operators}");
                return null;
        }
    }

    private LogicalNode? Logical(bool all, JsonElement value, string path, int depth)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            Add(path, "must be a list of at least one condition");
            return null;
        }

        var operands = ImmutableArray.CreateBuilder<ConditionNode>();
        var index = 0;
        var failed = false;
        foreach (var item in value.EnumerateArray())
        {
            if (Node(item, JsonPaths.Index(path, index++), depth + 1) is { } operand)
            {
                operands.Add(operand);
            }
            else
            {
                failed = true;
            }
        }

        return failed ? null : new LogicalNode(all, operands.ToImmutable());
    }

    private CompareNode? Compare(string name, JsonElement value, string path)
    {
        var comparison = name switch
        {
            "eq" => Comparison.Eq,
            "neq" => Comparison.Neq,
            "gt" => Comparison.Gt,
            "gte" => Comparison.Gte,
            "lt" => Comparison.Lt,
            _ => Comparison.Lte,
        };
        if (!Pair(value, path, out var key, out var right) || Literal(right, JsonPaths.Index(path, 1), textOnly: false) is not { } literal)
        {
            return null;
        }

        if (comparison is not (Comparison.Eq or Comparison.Neq) && !literal.IsNumber && !ValueFormats.TryParseDate(literal.Text, out _))
        {
            Add(JsonPaths.Index(path, 1), "must be a number or a date written yyyy-MM-dd");
            return null;
        }

        return new CompareNode(comparison, key!, literal);
    }

    private InNode? In(JsonElement value, string path)
    {
        if (!Pair(value, path, out var key, out var list))
        {
            return null;
        }

        var listPath = JsonPaths.Index(path, 1);
        if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() is 0 or > FormLimits.MaxConditionListValues)
        {
            Add(listPath, $"must be a list of 1 to {FormLimits.MaxConditionListValues} values");
            return null;
        }

        var values = ImmutableArray.CreateBuilder<ConditionLiteral>();
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            if (Literal(item, JsonPaths.Index(listPath, index++), textOnly: false) is { } literal)
            {
                values.Add(literal);
            }
        }

        return values.Count == index ? new InNode(key!, values.ToImmutable()) : null;
    }

    private AgeNode? Age(bool atLeast, JsonElement value, string path)
    {
        if (!Pair(value, path, out var key, out var years))
        {
            return null;
        }

        if (years.ValueKind != JsonValueKind.Number || !years.TryGetInt32(out var count) || count is < 0 or > 150)
        {
            Add(JsonPaths.Index(path, 1), "must be a whole number of years from 0 to 150");
            return null;
        }

        return new AgeNode(key!, count, atLeast);
    }

    /// <summary>Reads <c>["key", value]</c>; the key is checked here, the value by the caller.</summary>
    private bool Pair(JsonElement value, string path, out string? key, out JsonElement right)
    {
        key = null;
        right = default;
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() != 2)
        {
            Add(path, "must be a list of two items: a question's key and a value");
            return false;
        }

        key = Key(value[0], JsonPaths.Index(path, 0));
        right = value[1];
        return key is not null;
    }

    private string? Key(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.String && value.GetString() is { } key && FormKeys.IsValid(key))
        {
            return key;
        }

        Add(path, "must be the key of a question (" + FormKeys.Rule + ")");
        return null;
    }

    private ConditionLiteral? Literal(JsonElement value, string path, bool textOnly)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var text = value.GetString()!;
                if (text.Length > FormLimits.MaxConditionLiteralLength || ValueFormats.HasControlCharacters(text, allowLineBreaks: false))
                {
                    Add(path, $"must be a text of at most {FormLimits.MaxConditionLiteralLength} characters without control characters");
                    return null;
                }

                return ConditionLiteral.Of(text);
            case JsonValueKind.Number when !textOnly:
                if (value.TryGetDecimal(out var number))
                {
                    return ConditionLiteral.Of(ValueFormats.NormalizeNumber(number));
                }

                Add(path, "is a number too large or too precise to compare");
                return null;
            default:
                Add(path, textOnly ? "must be a text" : "must be a text or a number");
                return null;
        }
    }

    private void Add(string path, string message) => problems.Add(new FormProblem(path, message));
}
