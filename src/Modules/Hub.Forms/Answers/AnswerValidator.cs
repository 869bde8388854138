using System.Globalization;
using Hub.Forms.Conditions;
using Hub.Forms.Contracts;
using Hub.Forms.Definitions;

namespace Hub.Forms.Answers;

/// <summary>
/// Walks a definition in document order, deciding visibility from the answers kept so far, validating each visible
/// answer and keeping it (normalized when valid). See <see cref="FormAnswerValidator.Validate"/>.
/// </summary>
internal sealed class AnswerValidator
{
    private static readonly string[] AddressParts = ["street", "postalCode", "city"];

    private readonly DateOnly today;
    private readonly List<FieldError> errors = [];
    private readonly List<string> stops = [];
    private readonly List<string> hidden = [];
    private bool reporting;

    private AnswerValidator(DateOnly today) => this.today = today;

    public static AnswerValidationResult Validate(
        FormDefinition definition, IReadOnlyDictionary<string, AnswerValue> answers, DateOnly today, string? pageKey)
    {
        var validator = new AnswerValidator(today);
        var kept = new Dictionary<string, AnswerValue>(StringComparer.Ordinal);
        var visiblePages = new List<string>();
        AnswerValue? Lookup(string key) => kept.GetValueOrDefault(key);

        foreach (var page in definition.Pages)
        {
            if (page.VisibleWhen is { } condition && !condition.Evaluate(Lookup, today))
            {
                continue;
            }

            visiblePages.Add(page.Key);
            validator.reporting = pageKey is null || pageKey == page.Key;
            foreach (var element in page.Elements)
            {
                validator.Element(element, answers, kept, Lookup, "");
            }
        }

        IReadOnlyDictionary<string, AnswerValue> result = kept;
        if (pageKey is not null)
        {
            var onPage = definition.FindPage(pageKey)!.Elements.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
            result = kept.Where(a => onPage.Contains(a.Key)).ToDictionary(StringComparer.Ordinal);
        }

        return new AnswerValidationResult(validator.errors, result, validator.stops, visiblePages) { HiddenElements = validator.hidden };
    }

    private void Element(
        FormElement element, IReadOnlyDictionary<string, AnswerValue> given, Dictionary<string, AnswerValue> kept,
        Func<string, AnswerValue?> lookup, string prefix)
    {
        var path = prefix + element.Key;
        if (element.VisibleWhen is { } condition && !condition.Evaluate(lookup, today))
        {
            if (reporting)
            {
                hidden.Add(path);
            }

            return;
        }

        var answer = given.GetValueOrDefault(element.Key);
        var value = element.Type switch
        {
            FormElementType.Info => null,
            FormElementType.Stop => Stop(path),
            FormElementType.Checkbox => Checkbox(element, answer, path),
            FormElementType.File => Files(element, answer, path),
            FormElementType.Address => Address(element, answer, path),
            FormElementType.ContactDetails => Contact(element, answer, path),
            FormElementType.RepeatingGroup => Group(element, answer, lookup, path),
            FormElementType.Signature => Signature(element, answer, path),
            _ => Single(element, answer, path),
        };

        if (value is not null)
        {
            kept[element.Key] = value;
        }
    }

    private AnswerValue? Stop(string path)
    {
        if (reporting)
        {
            stops.Add(path);
        }

        return null;
    }

    private TextAnswer? Single(FormElement element, AnswerValue? answer, string path)
    {
        string? raw = answer switch
        {
            null => null,
            TextAnswer given => given.Value ?? "",
            // A form post may repeat a name; one value is still one answer.
            ListAnswer { Values.Count: 1 } list => list.Values[0] ?? "",
            _ => null,
        };

        if (raw is null && answer is not null && !ConditionEvaluator.IsEmpty(answer))
        {
            Error(path, FieldErrorCode.InvalidValue);
            return null;
        }

        var multiline = element.Type == FormElementType.Textarea;
        var text = multiline ? raw?.ReplaceLineEndings("\n").Trim() : raw?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (element.Required)
            {
                Error(path, FieldErrorCode.Required);
            }

            return null;
        }

        if (ValueFormats.HasControlCharacters(text, allowLineBreaks: multiline))
        {
            Error(path, FieldErrorCode.InvalidCharacters);
            return new TextAnswer(text);
        }

        var normalized = element.Type switch
        {
            FormElementType.Text or FormElementType.Textarea => FreeText(element, text, path),
            FormElementType.Email => Check(text, ValueFormats.IsEmail(text), path, FieldErrorCode.InvalidEmail),
            FormElementType.Phone => Check(text, ValueFormats.IsPhone(text), path, FieldErrorCode.InvalidPhone),
            FormElementType.PersonalIdentityNumber => PersonalIdentityNumber.TryParse(text, today, out var number)
                ? number.ToString()
                : Check(text, false, path, FieldErrorCode.InvalidPersonalIdentityNumber),
            FormElementType.OrganisationNumber => OrganisationNumber.TryParse(text, out var organisation)
                ? organisation.ToString()
                : Check(text, false, path, FieldErrorCode.InvalidOrganisationNumber),
            FormElementType.Number => Number(element, text, path),
            FormElementType.Date => Date(element, text, path),
            FormElementType.YesNo => Check(text, text is "yes" or "no", path, FieldErrorCode.NotAnOption),
            FormElementType.Radio or FormElementType.Dropdown =>
                Check(text, element.Options?.Any(o => o.Key == text) == true, path, FieldErrorCode.NotAnOption),
            _ => Check(text, false, path, FieldErrorCode.InvalidValue),
        };

        return new TextAnswer(normalized);
    }

    private string FreeText(FormElement element, string text, string path)
    {
        var max = FormLimits.EffectiveMaxLength(element);
        if (element.MinLength is { } min && text.Length < min)
        {
            Error(path, FieldErrorCode.TooShort, ("min", Invariant(min)));
        }
        else if (text.Length > max)
        {
            Error(path, FieldErrorCode.TooLong, ("max", Invariant(max)));
        }
        else if (element.Pattern is { } pattern && !PatternMatcher.IsFullMatch(pattern, text))
        {
            Error(path, FieldErrorCode.PatternMismatch);
        }

        return text;
    }

    private string Number(FormElement element, string text, string path)
    {
        if (!ValueFormats.TryParseNumber(text, out var number))
        {
            Error(path, FieldErrorCode.InvalidNumber);
            return text;
        }

        if (element.Decimals is { } decimals && ValueFormats.DecimalPlaces(number) > decimals)
        {
            Error(path, FieldErrorCode.TooManyDecimals, ("max", Invariant(decimals)));
        }
        else if (number < element.Min || number > element.Max)
        {
            Error(path, FieldErrorCode.OutOfRange, Range(
                element.Min is { } min ? ValueFormats.FormatNumber(min) : null,
                element.Max is { } max ? ValueFormats.FormatNumber(max) : null));
        }

        return ValueFormats.FormatNumber(number);
    }

    private string Date(FormElement element, string text, string path)
    {
        if (!ValueFormats.TryParseDate(text, out var date))
        {
            Error(path, FieldErrorCode.InvalidDate);
            return text;
        }

        if (date < element.MinDate || date > element.MaxDate)
        {
            Error(path, FieldErrorCode.OutOfRange, Range(
                element.MinDate is { } min ? ValueFormats.FormatDate(min) : null,
                element.MaxDate is { } max ? ValueFormats.FormatDate(max) : null));
        }

        return ValueFormats.FormatDate(date);
    }

    private ListAnswer? Checkbox(FormElement element, AnswerValue? answer, string path)
    {
        IEnumerable<string?>? raw = answer switch
        {
            null => [],
            ListAnswer list => list.Values ?? [],
            TextAnswer text => [text.Value],
            _ => null,
        };

        if (raw is null)
        {
            Error(path, FieldErrorCode.InvalidValue);
            return null;
        }

        var chosen = raw.Select(v => v?.Trim()).Where(v => !string.IsNullOrEmpty(v)).ToHashSet(StringComparer.Ordinal);
        if (chosen.Count == 0)
        {
            if (element.Required)
            {
                Error(path, FieldErrorCode.Required);
            }

            return null;
        }

        var options = element.Options ?? [];
        if (chosen.Any(c => !options.Any(o => o.Key == c)))
        {
            Error(path, FieldErrorCode.NotAnOption);
        }

        var known = options.Where(o => chosen.Contains(o.Key)).Select(o => o.Key).ToList();
        return known.Count == 0 ? null : new ListAnswer(known);
    }

    private FileAnswer? Files(FormElement element, AnswerValue? answer, string path)
    {
        if (answer is not (null or FileAnswer))
        {
            Error(path, FieldErrorCode.InvalidValue);
            return null;
        }

        var files = (answer as FileAnswer)?.Files?.Where(f => f is not null).ToList() ?? [];
        if (files.Count == 0)
        {
            if (element.Required)
            {
                Error(path, FieldErrorCode.Required);
            }

            return null;
        }

        var maxFiles = element.MaxFiles ?? FormLimits.DefaultMaxFiles;
        var maxSize = element.MaxSizeBytes ?? FormLimits.DefaultMaxFileSizeBytes;
        var accept = element.Accept ?? [];
        if (files.Count > maxFiles)
        {
            Error(path, FieldErrorCode.TooManyFiles, ("max", Invariant(maxFiles)));
        }

        foreach (var file in files)
        {
            var name = file.FileName ?? "";
            if (file.Length <= 0)
            {
                Error(path, FieldErrorCode.EmptyFile, ("file", name));
            }
            else if (file.Length > maxSize)
            {
                Error(path, FieldErrorCode.FileTooLarge, ("max", Invariant(maxSize)), ("file", name));
            }

            if (!FileTypes.Matches(accept, name, file.ContentType ?? ""))
            {
                Error(path, FieldErrorCode.FileTypeNotAllowed, ("accept", string.Join(", ", accept)), ("file", name));
            }
        }

        return new FileAnswer(files);
    }

    private PartsAnswer? Address(FormElement element, AnswerValue? answer, string path)
    {
        if (Parts(answer, path, AddressParts) is not { } parts)
        {
            return null;
        }

        if (parts.Values.All(string.IsNullOrEmpty) && !element.Required)
        {
            return null;
        }

        // An address is all or nothing: a street without a city reaches no one.
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in AddressParts)
        {
            var value = parts[part];
            var partPath = $"{path}.{part}";
            if (value.Length == 0)
            {
                Error(partPath, FieldErrorCode.Required);
                continue;
            }

            if (part == "postalCode")
            {
                result[part] = ValueFormats.TryNormalizePostalCode(value, out var code)
                    ? code
                    : Check(value, false, partPath, FieldErrorCode.InvalidPostalCode);
            }
            else
            {
                result[part] = PartText(value, partPath);
            }
        }

        return result.Count == 0 ? null : new PartsAnswer(result);
    }

    private PartsAnswer? Contact(FormElement element, AnswerValue? answer, string path)
    {
        if (Parts(answer, path, ["name", "email", "phone"]) is not { } parts)
        {
            return null;
        }

        var (name, email, phone) = (parts["name"], parts["email"], parts["phone"]);
        if (element.Required)
        {
            if (name.Length == 0)
            {
                Error($"{path}.name", FieldErrorCode.Required);
            }

            if (email.Length == 0 && phone.Length == 0)
            {
                Error($"{path}.email", FieldErrorCode.EmailOrPhoneRequired);
            }
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (name.Length > 0)
        {
            result["name"] = PartText(name, $"{path}.name");
        }

        if (email.Length > 0)
        {
            result["email"] = Check(email, ValueFormats.IsEmail(email), $"{path}.email", FieldErrorCode.InvalidEmail);
        }

        if (phone.Length > 0)
        {
            result["phone"] = Check(phone, ValueFormats.IsPhone(phone), $"{path}.phone", FieldErrorCode.InvalidPhone);
        }

        return result.Count == 0 ? null : new PartsAnswer(result);
    }

    private PartsAnswer? Signature(FormElement element, AnswerValue? answer, string path)
    {
        var signers = element.Signers ?? [];
        var names = signers.SelectMany(s => new[] { $"{s.Key}.personnummer", $"{s.Key}.email" }).ToArray();
        if (Parts(answer, path, names) is not { } parts)
        {
            return null;
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var people = new HashSet<string>(StringComparer.Ordinal);
        foreach (var signer in signers)
        {
            var numberPath = $"{path}.{signer.Key}.personnummer";
            var given = parts[$"{signer.Key}.personnummer"];
            if (given.Length == 0)
            {
                Error(numberPath, FieldErrorCode.Required);
            }
            else if (!PersonalIdentityNumber.TryParse(given, today, out var number))
            {
                result[$"{signer.Key}.personnummer"] = Check(given, false, numberPath, FieldErrorCode.InvalidPersonalIdentityNumber);
            }
            else
            {
                if (!people.Add(number.Digits))
                {
                    Error(numberPath, FieldErrorCode.DuplicateSigner);
                }

                result[$"{signer.Key}.personnummer"] = number.ToString();
            }

            var email = parts[$"{signer.Key}.email"];
            if (email.Length > 0)
            {
                result[$"{signer.Key}.email"] = Check(email, ValueFormats.IsEmail(email), $"{path}.{signer.Key}.email", FieldErrorCode.InvalidEmail);
            }
        }

        return result.Count == 0 ? null : new PartsAnswer(result);
    }

    private GroupAnswer? Group(FormElement element, AnswerValue? answer, Func<string, AnswerValue?> outer, string path)
    {
        if (answer is not (null or GroupAnswer))
        {
            Error(path, FieldErrorCode.InvalidValue);
            return null;
        }

        var items = (answer as GroupAnswer)?.Items ?? [];
        var min = element.MinItems ?? 0;
        var max = element.MaxItems ?? FormLimits.DefaultMaxItems;
        if (items.Count < min)
        {
            Error(path, FieldErrorCode.TooFewItems, ("min", Invariant(min)));
        }
        else if (items.Count > max)
        {
            Error(path, FieldErrorCode.TooManyItems, ("max", Invariant(max)));
        }

        var kept = new List<IReadOnlyDictionary<string, AnswerValue>>();
        foreach (var item in items.Take(max))
        {
            var itemKept = new Dictionary<string, AnswerValue>(StringComparer.Ordinal);
            var prefix = string.Create(CultureInfo.InvariantCulture, $"{path}[{kept.Count}].");
            AnswerValue? Lookup(string key) => itemKept.TryGetValue(key, out var value) ? value : outer(key);
            foreach (var child in element.Elements ?? [])
            {
                Element(child, item ?? new Dictionary<string, AnswerValue>(), itemKept, Lookup, prefix);
            }

            kept.Add(itemKept);
        }

        return kept.Count == 0 ? null : new GroupAnswer(kept);
    }

    /// <summary>The named parts, trimmed, "" for those missing; null (after an error) when the answer is not parts.</summary>
    private Dictionary<string, string>? Parts(AnswerValue? answer, string path, IEnumerable<string> names)
    {
        if (answer is not (null or PartsAnswer))
        {
            Error(path, FieldErrorCode.InvalidValue);
            return null;
        }

        var given = (answer as PartsAnswer)?.Parts;
        return names.ToDictionary(n => n, n => given?.GetValueOrDefault(n)?.Trim() ?? "", StringComparer.Ordinal);
    }

    private string PartText(string value, string path)
    {
        if (ValueFormats.HasControlCharacters(value, allowLineBreaks: false))
        {
            Error(path, FieldErrorCode.InvalidCharacters);
        }
        else if (value.Length > FormLimits.MaxPartLength)
        {
            Error(path, FieldErrorCode.TooLong, ("max", Invariant(FormLimits.MaxPartLength)));
        }

        return value;
    }

    private string Check(string value, bool valid, string path, FieldErrorCode code)
    {
        if (!valid)
        {
            Error(path, code);
        }

        return value;
    }

    private void Error(string path, FieldErrorCode code, params (string Name, string Value)[] parameters)
    {
        if (reporting)
        {
            errors.Add(new FieldError(path, code, parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal)));
        }
    }

    private static (string, string)[] Range(string? min, string? max) =>
        [.. new[] { ("min", min), ("max", max) }.Where(p => p.Item2 is not null).Select(p => (p.Item1, p.Item2!))];

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
