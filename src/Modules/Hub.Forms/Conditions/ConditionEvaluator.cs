using Hub.Forms.Answers;
using Hub.Forms.Contracts;

namespace Hub.Forms.Conditions;

/// <summary>
/// The one evaluator of conditions (visibility now, routing later). It only reads answers: nothing in a condition or
/// an answer is ever run as code. A comparison with a missing or unreadable answer is false.
/// </summary>
internal static class ConditionEvaluator
{
    public static bool Evaluate(ConditionNode node, Func<string, AnswerValue?> answers, DateOnly today) => node switch
    {
        LogicalNode { All: true } and => and.Operands.All(o => Evaluate(o, answers, today)),
        LogicalNode or => or.Operands.Any(o => Evaluate(o, answers, today)),
        NotNode not => !Evaluate(not.Operand, answers, today),
        CompareNode compare => Compare(compare, answers(compare.Key)),
        InNode @in => Scalar(answers(@in.Key)) is { } value && @in.Values.Any(v => AreEqual(value, v)),
        ContainsNode contains => Contains(answers(contains.Key), contains.Option),
        EmptyNode empty => IsEmpty(answers(empty.Key)) != empty.Negated,
        AgeNode age => Age(answers(age.Key), today) is { } years && (age.AtLeast ? years >= age.Years : years < age.Years),
        _ => false,
    };

    /// <summary>Whether a question counts as unanswered: nothing, blank text, no checked option, no file, no item.</summary>
    public static bool IsEmpty(AnswerValue? answer) => answer switch
    {
        TextAnswer text => string.IsNullOrWhiteSpace(text.Value),
        ListAnswer list => list.Values is null || list.Values.All(string.IsNullOrWhiteSpace),
        PartsAnswer parts => parts.Parts is null || parts.Parts.Values.All(string.IsNullOrWhiteSpace),
        GroupAnswer group => group.Items is null || group.Items.Count == 0,
        FileAnswer files => files.Files is null || files.Files.Count == 0,
        _ => true,
    };

    private static bool Compare(CompareNode node, AnswerValue? answer)
    {
        if (node.Comparison == Comparison.Neq)
        {
            return !(Scalar(answer) is { } value && AreEqual(value, node.Value));
        }

        if (Scalar(answer) is not { } text)
        {
            return false;
        }

        if (node.Comparison == Comparison.Eq)
        {
            return AreEqual(text, node.Value);
        }

        int order;
        if (node.Value.Number is { } number)
        {
            if (!ValueFormats.TryParseNumber(text, out var given))
            {
                return false;
            }

            order = given.CompareTo(number);
        }
        else if (ValueFormats.TryParseDate(text, out var date) && ValueFormats.TryParseDate(node.Value.Text, out var bound))
        {
            order = date.CompareTo(bound);
        }
        else
        {
            return false;
        }

        return node.Comparison switch
        {
            Comparison.Gt => order > 0,
            Comparison.Gte => order >= 0,
            Comparison.Lt => order < 0,
            _ => order <= 0,
        };
    }

    private static bool AreEqual(string answer, ConditionLiteral literal) => literal.Number is { } number
        ? ValueFormats.TryParseNumber(answer, out var given) && given == number
        : string.Equals(answer, literal.Text, StringComparison.Ordinal);

    /// <summary>The answer as one trimmed text; lists, parts, files and groups have none.</summary>
    private static string? Scalar(AnswerValue? answer) =>
        answer is TextAnswer { Value: { } value } && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static bool Contains(AnswerValue? answer, string option) => answer switch
    {
        ListAnswer { Values: { } values } => values.Any(v => string.Equals(v?.Trim(), option, StringComparison.Ordinal)),
        TextAnswer { Value: { } value } => string.Equals(value.Trim(), option, StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>Age in whole years today from a personal identity number or a birth date.</summary>
    private static int? Age(AnswerValue? answer, DateOnly today)
    {
        if (Scalar(answer) is not { } text)
        {
            return null;
        }

        if (PersonalIdentityNumber.TryParse(text, today, out var number))
        {
            return number.AgeOn(today);
        }

        return ValueFormats.TryParseDate(text, out var birth) && birth <= today
            ? ValueFormats.AgeInYears(birth, today)
            : null;
    }
}
