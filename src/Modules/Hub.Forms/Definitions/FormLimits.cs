namespace Hub.Forms.Definitions;

/// <summary>
/// Bounds on definitions and answers. They keep a hostile or careless definition from costing the server much
/// (definitions are shared between municipalities and imported), and are generous for any real form.
/// </summary>
internal static class FormLimits
{
    public const int MaxDefinitionBytes = 1024 * 1024;
    public const int MaxJsonDepth = 32;
    public const int MaxLanguages = 10;
    public const int MaxPages = 100;
    public const int MaxElements = 1000;
    public const int MaxOptions = 500;
    public const int MaxSigners = 10;
    public const int MaxAccept = 50;
    public const int MaxTextLength = 10_000;
    public const int MaxPatternLength = 1_000;
    public const int MaxGroupDepth = 2;

    public const int DefaultTextMaxLength = 1_000;
    public const int TextMaxLengthLimit = 10_000;
    public const int DefaultTextareaMaxLength = 10_000;
    public const int TextareaMaxLengthLimit = 100_000;
    public const int MaxDecimals = 10;

    public const long DefaultMaxFileSizeBytes = 10L * 1024 * 1024;
    public const long MaxFileSizeLimit = 100L * 1024 * 1024;
    public const int DefaultMaxFiles = 1;
    public const int MaxFilesLimit = 20;

    public const int DefaultMaxItems = 10;
    public const int MaxItemsLimit = 100;

    public const int MaxConditionDepth = 16;
    public const int MaxConditionNodes = 200;
    public const int MaxConditionListValues = 100;
    public const int MaxConditionLiteralLength = 1_000;

    // Parts of composite answers: long enough for any real address or name.
    public const int MaxPartLength = 200;
    public const int MaxEmailLength = 254;

    public static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(100);

    public static int EffectiveMaxLength(Contracts.FormElement element) =>
        element.MaxLength ?? (element.Type == Contracts.FormElementType.Textarea ? DefaultTextareaMaxLength : DefaultTextMaxLength);
}
