using System.Collections.Immutable;
using Hub.Forms.Answers;
using Hub.Forms.Contracts;
using Hub.Forms.Definitions;

namespace Hub.Forms.Conditions;

/// <summary>A question as conditions see it: where it stands in the form and what answers it can have.</summary>
/// <param name="Key">The element's key.</param>
/// <param name="Type">Its type, or null when the definition named an unknown type (then only the reference is checked).</param>
/// <param name="Order">Position in document order.</param>
/// <param name="Groups">Keys of the repeating groups it is inside, outermost first.</param>
/// <param name="Options">Option keys of a choice element.</param>
internal sealed record ElementInfo(string Key, FormElementType? Type, int Order, ImmutableArray<string> Groups, IReadOnlySet<string> Options)
{
    /// <summary>Infos for a definition built in code, numbered as the reader numbers them.</summary>
    public static Dictionary<string, ElementInfo> From(FormDefinition definition)
    {
        var infos = new Dictionary<string, ElementInfo>(StringComparer.Ordinal);
        var order = 0;
        foreach (var page in definition.Pages)
        {
            order++;
            Add(page.Elements, []);
        }

        return infos;

        void Add(IReadOnlyList<FormElement> elements, ImmutableArray<string> groups)
        {
            foreach (var element in elements)
            {
                infos.TryAdd(element.Key, new ElementInfo(element.Key, element.Type, order++, groups,
                    (element.Options ?? []).Select(o => o.Key).ToHashSet(StringComparer.Ordinal)));
                if (element.Elements is { } children)
                {
                    Add(children, groups.Add(element.Key));
                }
            }
        }
    }
}

/// <summary>Where a condition stands: what it may refer to.</summary>
/// <param name="Owner">Key of the element or page the condition belongs to.</param>
/// <param name="Order">Only questions before this position may be referred to (unless <paramref name="AnyOrder"/>).</param>
/// <param name="Groups">The repeating groups the owner is inside.</param>
/// <param name="AnyOrder">True for rules evaluated after submission (routing), which may read any question.</param>
internal readonly record struct ConditionScope(string? Owner, int Order, ImmutableArray<string> Groups, bool AnyOrder);

/// <summary>
/// Checks a parsed condition against a definition: every key names an earlier question in reach, and every operator
/// and value suits that question. Paths are rebuilt from the tree, which mirrors the JSON.
/// </summary>
internal sealed class ConditionReferenceChecker(
    IReadOnlyDictionary<string, ElementInfo> elements, IReadOnlySet<string> pageKeys, ConditionScope scope, List<FormProblem> problems)
{
    private static readonly FormElementType[] Scalars =
    [
        FormElementType.Text, FormElementType.Textarea, FormElementType.Number, FormElementType.Date, FormElementType.Email,
        FormElementType.Phone, FormElementType.PersonalIdentityNumber, FormElementType.OrganisationNumber,
        FormElementType.Radio, FormElementType.Dropdown, FormElementType.YesNo,
    ];

    private static readonly HashSet<string> YesNo = new(["yes", "no"], StringComparer.Ordinal);

    public void Check(ConditionNode node, string path)
    {
        switch (node)
        {
            case LogicalNode logical:
                for (var i = 0; i < logical.Operands.Length; i++)
                {
                    Check(logical.Operands[i], JsonPaths.Index(JsonPaths.Property(path, logical.Operator), i));
                }

                break;
            case NotNode not:
                Check(not.Operand, JsonPaths.Property(path, "not"));
                break;
            case EmptyNode empty:
                Resolve(empty.Key, JsonPaths.Property(path, empty.Operator));
                break;
            case KeyedNode keyed:
                var at = JsonPaths.Property(path, keyed.Operator);
                if (Resolve(keyed.Key, JsonPaths.Index(at, 0)) is { Type: { } type } info)
                {
                    CheckOperands(keyed, info, type, at);
                }

                break;
        }
    }

    /// <summary>The question a key refers to, when the condition may refer to it.</summary>
    private ElementInfo? Resolve(string key, string path)
    {
        if (!elements.TryGetValue(key, out var info))
        {
            Add(path, pageKeys.Contains(key)
                ? $"refers to the page '{key}'; conditions refer to questions"
                : $"refers to '{key}', which is not a key in this form");
            return null;
        }

        if (key == scope.Owner)
        {
            Add(path, $"refers to its own element '{key}'");
            return null;
        }

        if (scope.Groups.Contains(key))
        {
            Add(path, $"refers to '{key}', the repeating group it is in");
            return null;
        }

        if (!scope.AnyOrder && info.Order >= scope.Order)
        {
            Add(path, $"refers to '{key}', which comes later in the form; a condition may only refer to questions before it");
            return null;
        }

        if (info.Groups.Length > scope.Groups.Length || !info.Groups.SequenceEqual(scope.Groups.Take(info.Groups.Length)))
        {
            Add(path, $"refers to '{key}' inside the repeating group '{info.Groups[^1]}'; only elements in that group may refer to it");
            return null;
        }

        if (info.Type is FormElementType.Info or FormElementType.Stop)
        {
            Add(path, $"refers to '{key}', which is a text and has no answer");
            return null;
        }

        return info;
    }

    private void CheckOperands(KeyedNode node, ElementInfo info, FormElementType type, string path)
    {
        var name = $"'{info.Key}' ({TypeNames.Of(type)})";
        switch (node)
        {
            case CompareNode { IsOrdering: true } compare:
                if (type is not (FormElementType.Number or FormElementType.Date))
                {
                    Add(JsonPaths.Index(path, 0), $"'{compare.Operator}' compares numbers and dates, not {name}");
                }
                else if (type == FormElementType.Number != compare.Value.IsNumber)
                {
                    Add(JsonPaths.Index(path, 1), type == FormElementType.Number
                        ? $"must be a number to compare with {name}"
                        : $"must be a date written yyyy-MM-dd to compare with {name}");
                }

                break;
            case CompareNode compare:
                CheckEqualityValue(compare.Value, info, type, name, JsonPaths.Index(path, 0), JsonPaths.Index(path, 1));
                break;
            case InNode @in:
                for (var i = 0; i < @in.Values.Length; i++)
                {
                    CheckEqualityValue(@in.Values[i], info, type, name, JsonPaths.Index(path, 0), JsonPaths.Index(JsonPaths.Index(path, 1), i));
                }

                break;
            case ContainsNode contains:
                if (type != FormElementType.Checkbox)
                {
                    Add(JsonPaths.Index(path, 0), $"'contains' reads checkbox questions, not {name}; use 'eq' or 'in'");
                }
                else if (!info.Options.Contains(contains.Option))
                {
                    Add(JsonPaths.Index(path, 1), $"{JsonPaths.Quote(contains.Option)} is not an option of '{info.Key}'");
                }

                break;
            case AgeNode age when type is not (FormElementType.PersonalIdentityNumber or FormElementType.Date):
                Add(JsonPaths.Index(path, 0), $"'{age.Operator}' reads a personnummer or a date of birth, not {name}");
                break;
        }
    }

    private void CheckEqualityValue(ConditionLiteral value, ElementInfo info, FormElementType type, string name, string keyPath, string valuePath)
    {
        if (!Scalars.Contains(type))
        {
            Add(keyPath, type == FormElementType.Checkbox
                ? $"{name} can have several answers; use 'contains'"
                : $"{name} has no single value to compare; use 'empty' or 'notEmpty'");
            return;
        }

        var problem = type switch
        {
            FormElementType.Number when !value.IsNumber => $"must be a number to compare with {name}",
            FormElementType.Number => null,
            FormElementType.Date when !ValueFormats.TryParseDate(value.Text, out _) => $"must be a date written yyyy-MM-dd to compare with {name}",
            _ when value.IsNumber => $"must be a text to compare with {name}",
            FormElementType.Radio or FormElementType.Dropdown when !info.Options.Contains(value.Text!) =>
                $"{JsonPaths.Quote(value.Text!)} is not an option of '{info.Key}'",
            FormElementType.YesNo when !YesNo.Contains(value.Text!) => $"must be 'yes' or 'no' to compare with {name}",
            _ => null,
        };
        if (problem is not null)
        {
            Add(valuePath, problem);
        }
    }

    private void Add(string path, string message) => problems.Add(new FormProblem(path, message));
}
