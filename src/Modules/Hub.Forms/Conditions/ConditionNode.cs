using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using Hub.Forms.Answers;

namespace Hub.Forms.Conditions;

/// <summary>
/// The parsed condition: an immutable tree that mirrors the JSON one to one, so that writing it back gives the
/// same JSON and a problem's path can be rebuilt from the tree (see <see cref="ConditionReferenceChecker"/>).
/// </summary>
internal abstract record ConditionNode
{
    public abstract string Operator { get; }

    public abstract JsonNode ToJson();

    /// <summary>Every answer key the condition reads, in order of appearance, once each.</summary>
    public IReadOnlyList<string> ReferencedKeys()
    {
        var keys = new List<string>();
        Collect(this, keys);
        return keys;

        static void Collect(ConditionNode node, List<string> keys)
        {
            switch (node)
            {
                case LogicalNode logical:
                    foreach (var operand in logical.Operands)
                    {
                        Collect(operand, keys);
                    }

                    break;
                case NotNode not:
                    Collect(not.Operand, keys);
                    break;
                case KeyedNode keyed when !keys.Contains(keyed.Key):
                    keys.Add(keyed.Key);
                    break;
            }
        }
    }
}

/// <summary><c>and</c> (every operand true) or <c>or</c> (any operand true).</summary>
internal sealed record LogicalNode(bool All, ImmutableArray<ConditionNode> Operands) : ConditionNode
{
    public override string Operator => All ? "and" : "or";

    public override JsonNode ToJson() => new JsonObject { [Operator] = new JsonArray([.. Operands.Select(o => o.ToJson())]) };
}

internal sealed record NotNode(ConditionNode Operand) : ConditionNode
{
    public override string Operator => "not";

    public override JsonNode ToJson() => new JsonObject { [Operator] = Operand.ToJson() };
}

/// <summary>A node that reads one answer.</summary>
internal abstract record KeyedNode(string Key) : ConditionNode;

internal enum Comparison
{
    Eq,
    Neq,
    Gt,
    Gte,
    Lt,
    Lte,
}

/// <summary><c>eq</c>, <c>neq</c>, <c>gt</c>, <c>gte</c>, <c>lt</c>, <c>lte</c>: the answer against a literal.</summary>
internal sealed record CompareNode(Comparison Comparison, string Key, ConditionLiteral Value) : KeyedNode(Key)
{
    public override string Operator => Comparison switch
    {
        Comparison.Eq => "eq",
        Comparison.Neq => "neq",
        Comparison.Gt => "gt",
        Comparison.Gte => "gte",
        Comparison.Lt => "lt",
        _ => "lte",
    };

    public bool IsOrdering => Comparison is not (Comparison.Eq or Comparison.Neq);

    public override JsonNode ToJson() => new JsonObject { [Operator] = new JsonArray(Key, Value.ToJson()) };
}

/// <summary><c>in</c>: the answer equals one of the literals.</summary>
internal sealed record InNode(string Key, ImmutableArray<ConditionLiteral> Values) : KeyedNode(Key)
{
    public override string Operator => "in";

    public override JsonNode ToJson() =>
        new JsonObject { [Operator] = new JsonArray(Key, new JsonArray([.. Values.Select(v => v.ToJson())])) };
}

/// <summary><c>contains</c>: a checkbox answer includes the option.</summary>
internal sealed record ContainsNode(string Key, string Option) : KeyedNode(Key)
{
    public override string Operator => "contains";

    public override JsonNode ToJson() => new JsonObject { [Operator] = new JsonArray(Key, Option) };
}

/// <summary><c>empty</c> / <c>notEmpty</c>: whether the question has an answer.</summary>
internal sealed record EmptyNode(string Key, bool Negated) : KeyedNode(Key)
{
    public override string Operator => Negated ? "notEmpty" : "empty";

    public override JsonNode ToJson() => new JsonObject { [Operator] = Key };
}

/// <summary><c>ageAtLeast</c> / <c>ageUnder</c>: age in whole years today, from a personal identity number or a birth date.</summary>
internal sealed record AgeNode(string Key, int Years, bool AtLeast) : KeyedNode(Key)
{
    public override string Operator => AtLeast ? "ageAtLeast" : "ageUnder";

    public override JsonNode ToJson() => new JsonObject { [Operator] = new JsonArray(Key, Years) };
}

/// <summary>A literal: a text or a number, never both.</summary>
internal readonly record struct ConditionLiteral(string? Text, decimal? Number)
{
    public static ConditionLiteral Of(string text) => new(text, null);

    public static ConditionLiteral Of(decimal number) => new(null, number);

    public bool IsNumber => Number is not null;

    public JsonNode ToJson() => Number is { } number ? JsonValue.Create(ValueFormats.NormalizeNumber(number)) : JsonValue.Create(Text ?? "");

    public override string ToString() => Number is { } number ? number.ToString(CultureInfo.InvariantCulture) : $"'{Text}'";
}
