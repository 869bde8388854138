using System.Text.Json;
using Hub.Forms.Conditions;
using Hub.Forms.Definitions;

namespace Hub.Forms.Contracts;

/// <summary>
/// A parsed, immutable condition in the forms' expression language (grammar: <c>docs/forms/conditions.md</c>), e.g.
/// <c>{"and": [{"eq": ["diet", "allergy"]}, {"ageUnder": ["child", 16]}]}</c>. The same evaluator serves
/// visibility and routing; nothing in a condition or an answer is ever executed.
/// </summary>
public sealed class FormCondition
{
    private const int MaxJsonBytes = 64 * 1024;

    private readonly Lazy<IReadOnlyList<string>> referencedKeys;

    internal FormCondition(ConditionNode root)
    {
        Root = root;
        referencedKeys = new Lazy<IReadOnlyList<string>>(root.ReferencedKeys);
    }

    internal ConditionNode Root { get; }

    /// <summary>The keys of the questions the condition reads, each once, in order of appearance.</summary>
    public IReadOnlyList<string> ReferencedKeys => referencedKeys.Value;

    /// <summary>
    /// Parses a condition; never throws on bad input. With a <paramref name="definition"/>, also checks that every key
    /// names a question of the form outside repeating groups and that each operator and value suits its question
    /// (as for a routing rule, which may read any question).
    /// </summary>
    public static FormConditionResult Parse(string json, FormDefinition? definition = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (JsonInput.ToUtf8(json, out var utf8) is { } problem)
        {
            return new FormConditionResult(null, [problem]);
        }

        var problems = new List<FormProblem>();
        using var document = JsonInput.Parse(utf8, new JsonInputLimits(MaxJsonBytes, FormLimits.MaxJsonDepth), problems);
        if (document is null)
        {
            return new FormConditionResult(null, problems);
        }

        var node = ConditionParser.Parse(document.RootElement, "$", problems);
        if (node is not null && definition is not null)
        {
            var pages = definition.Pages.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
            new ConditionReferenceChecker(ElementInfo.From(definition), pages, new ConditionScope(null, int.MaxValue, [], AnyOrder: true), problems)
                .Check(node, "$");
        }

        return new FormConditionResult(problems.Count == 0 ? new FormCondition(node!) : null, problems);
    }

    /// <summary>
    /// Evaluates against answers by key. A comparison with a missing or unreadable answer is false;
    /// <paramref name="today"/> is the date ages are counted on.
    /// </summary>
    public bool Evaluate(IReadOnlyDictionary<string, AnswerValue> answers, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(answers);
        return Evaluate(key => answers.GetValueOrDefault(key), today);
    }

    internal bool Evaluate(Func<string, AnswerValue?> answers, DateOnly today) => ConditionEvaluator.Evaluate(Root, answers, today);

    /// <summary>The condition as canonical JSON.</summary>
    public string ToJson() => CanonicalJson.Write(Root.ToJson());

    /// <inheritdoc cref="ToJson"/>
    public override string ToString() => ToJson();
}

/// <summary>The outcome of parsing a condition.</summary>
/// <param name="Condition">The condition, when there were no problems.</param>
/// <param name="Problems">Every problem found.</param>
public sealed record FormConditionResult(FormCondition? Condition, IReadOnlyList<FormProblem> Problems)
{
    /// <summary>True when the condition is usable.</summary>
    public bool Succeeded => Condition is not null && Problems.Count == 0;
}
