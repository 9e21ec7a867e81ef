using System.Collections.Immutable;
using Esf.Projects.Parsing;

namespace Esf.Projects.Handlers;

/// <summary>What a <see cref="HeaderFieldHandler"/> gets: the header row as read, and a sink for diagnostics.</summary>
/// <remarks>A <c>ref struct</c> valid only during the call: keep what you need, not the context.</remarks>
public readonly ref struct HeaderFieldContext
{
    private readonly DiagnosticBag _diagnostics;
    private readonly ParserConfiguration _config;

    internal HeaderFieldContext(HeaderField field, DiagnosticBag diagnostics, ParserConfiguration config)
    {
        Field = field;
        _diagnostics = diagnostics;
        _config = config;
    }

    /// <summary>The row: label, kind, value as written (<see langword="null"/> when empty or written as missing) and positions.</summary>
    public HeaderField Field { get; }

    /// <summary>The value as a span (empty when absent).</summary>
    public ReadOnlySpan<char> Value => Field.Value;

    /// <summary>The parser's vocabulary and languages, for values written in words (yes/no, phases).</summary>
    internal ParserConfiguration Configuration => _config;

    /// <summary>The parser's vocabulary, for values written in words as the built-in fields read them: <c>context.Vocabulary.Yes.In(context.Languages)</c> are the spellings of yes.</summary>
    public Vocabulary Vocabulary => _config.Vocabulary;

    /// <summary>The languages whose spellings the parser matches (<see cref="ProjectParserOptions.Languages"/>).</summary>
    public ParserLanguages Languages => _config.Languages;

    /// <summary>Reports a problem with the value, at its start or at a place in it, as the built-in fields report the character a value goes wrong at (an index from a field parser's <see cref="Fields.FieldParseResult{T}.ErrorIndex"/>).</summary>
    /// <param name="severity">Its severity (raised to error when the parser treats warnings as errors).</param>
    /// <param name="code">Your own code; codes starting with <c>ESF</c> are the library's and are refused.</param>
    /// <param name="message">An English sentence saying what is wrong and what was done about it.</param>
    /// <param name="offset">Characters into the value, 0 (its start) unless given; kept within it (its length points just past its end).</param>
    /// <exception cref="ArgumentException"><paramref name="code"/> or <paramref name="message"/> is blank, or the code starts with <c>ESF</c>.</exception>
    public void Report(DiagnosticSeverity severity, string code, string message, int offset = 0)
    {
        HandlerDiagnostics.CheckCustom(code, message);
        _diagnostics.AddCustom(code, severity, At(offset), message);
    }

    /// <summary>Reports a catalogue diagnostic <paramref name="offset"/> characters into the value (built-in definitions only).</summary>
    internal void ReportAt(string code, int offset, params object?[] args) => _diagnostics.Add(code, At(offset), args);

    /// <summary>The position <paramref name="offset"/> characters into the value, kept within it or just past its end, where a parser reports what is missing (the value is on one line).</summary>
    private SourcePosition At(int offset) =>
        new(Field.ValuePosition.Line, Field.ValuePosition.Column + Math.Clamp(offset, 0, Field.RawValue?.Length ?? 0));
}

/// <summary>
/// A header field: the labels that introduce it, and how its value is read. Every header field the parser knows —
/// the built-in ones in <see cref="EsfHeaderFields"/> and yours — is one of these, held in
/// <see cref="ProjectParserBuilder.HeaderFields"/>; its labels become known header labels.
/// </summary>
/// <remarks>
/// Every handler whose labels match a row runs, in list order, and each result is attached to the row
/// (<see cref="HeaderField.GetData{T}"/>, <see cref="EsfProject.GetFieldData{T}"/>); the row's
/// <see cref="HeaderField.Kind"/> is the <see cref="Key"/> of the first one that has a key. A handler that throws
/// does not stop the parse: the exception becomes ESF0303 at the value. Handlers are shared by every parse, on any
/// thread: keep them stateless.
/// </remarks>
public abstract class HeaderFieldHandler
{
    /// <summary>Creates a handler for labels that are matched whatever the parser's languages.</summary>
    /// <param name="labels">One or more labels, such as <c>Diarienummer</c>, matched ignoring case.</param>
    /// <exception cref="ArgumentException">No label, or a blank one.</exception>
    protected HeaderFieldHandler(params string[] labels)
        : this(new Term(CheckLabels(labels), []))
    {
    }

    /// <summary>Creates a handler for a field whose labels differ by language, with what the page reader must know of it.</summary>
    /// <param name="labels">The Swedish and English labels, matched ignoring case.</param>
    /// <param name="traits">How its label and value stand on the page (<see cref="Traits"/>); none unless given.</param>
    /// <exception cref="ArgumentException">No Swedish label, or a blank one.</exception>
    protected HeaderFieldHandler(Term labels, HeaderFieldTraits traits = HeaderFieldTraits.None)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var swedish = CheckLabels([.. labels.Swedish.IsDefault ? [] : labels.Swedish]);
        var english = labels.English.IsDefaultOrEmpty ? ImmutableArray<string>.Empty : CheckLabels([.. labels.English]);
        Labels = new Term(swedish, english);
        Traits = traits;
    }

    /// <summary>What the page reader must know of the field beyond its labels: a label that also begins values, an e-mail glued to its label, a project number. <see cref="HeaderFieldTraits.None"/> unless given.</summary>
    public HeaderFieldTraits Traits { get; }

    /// <summary>The index of a built-in field's value in the project (<see cref="EsfHeaderFields"/>); -1 for every other handler. A field, not a virtual call: the parser asks it for every row.</summary>
    internal int BuiltInSlot { get; private protected init; } = -1;

    /// <summary>The labels claimed, Swedish and English; the parser matches those of its <see cref="ProjectParserOptions.Languages"/>.</summary>
    public Term Labels { get; }

    /// <summary>
    /// The key written as <see cref="HeaderField.Kind"/> of the rows this handler claims (<c>owner</c>), which is
    /// also the field's JSON name; <see langword="null"/> (the default) leaves rows of handlers that only attach data
    /// with the kind <c>unknown</c>, though their labels count as known (no ESF0104).
    /// </summary>
    public virtual string? Key => null;

    /// <summary>The name used in diagnostics: the type name unless overridden.</summary>
    public virtual string Name => GetType().Name;

    /// <summary>Reads a row; called only for a claimed label whose value is not empty.</summary>
    /// <param name="context">The row and the diagnostic sink.</param>
    /// <returns>The result to attach, or <see langword="null"/> for none.</returns>
    public abstract object? HandleField(HeaderFieldContext context);

    /// <summary>Whether the handler is a typed field (<see cref="HeaderFieldDefinition{T}"/>) whose value is a fact of the project — in its JSON, its tables and its equality — rather than data attached to a row.</summary>
    internal virtual bool IsTypedField => false;

    /// <summary>The typed field's value in <paramref name="project"/>, boxed; <see langword="null"/> when absent or for a handler that is not a typed field.</summary>
    internal virtual object? ValueIn(EsfProject project) => null;

    private static ImmutableArray<string> CheckLabels(string[] labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Length == 0 || Array.Exists(labels, string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Give at least one label, none of them blank.", nameof(labels));
        }

        return [.. labels.Select(l => l.Trim())];
    }
}

/// <summary>A header field handler with a typed result.</summary>
/// <typeparam name="TData">The result type.</typeparam>
public abstract class HeaderFieldHandler<TData> : HeaderFieldHandler
    where TData : class
{
    /// <summary>Creates a handler for the given labels (matched whatever the parser's languages).</summary>
    /// <param name="labels">One or more labels.</param>
    protected HeaderFieldHandler(params string[] labels)
        : base(labels)
    {
    }

    /// <summary>Creates a handler for a field whose labels differ by language.</summary>
    /// <param name="labels">The Swedish and English labels.</param>
    /// <param name="traits">How its label and value stand on the page (<see cref="HeaderFieldHandler.Traits"/>); none unless given.</param>
    protected HeaderFieldHandler(Term labels, HeaderFieldTraits traits = HeaderFieldTraits.None)
        : base(labels, traits)
    {
    }

    /// <summary>Reads a row into <typeparamref name="TData"/>.</summary>
    /// <param name="context">The row and the diagnostic sink.</param>
    /// <returns>The result, or <see langword="null"/>.</returns>
    public abstract TData? Handle(HeaderFieldContext context);

    /// <inheritdoc />
    public sealed override object? HandleField(HeaderFieldContext context) => Handle(context);
}

/// <summary>Reads a header value into <typeparamref name="T"/>, reporting what is wrong through the context.</summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="context">The row (its <see cref="HeaderFieldContext.Value"/> is not empty) and the diagnostic sink.</param>
/// <param name="value">The value read.</param>
/// <returns>Whether a value was read; <see langword="false"/> leaves the field's typed value <see langword="null"/> (its raw text stays in <see cref="EsfProject.Fields"/>).</returns>
public delegate bool HeaderFieldReader<T>(HeaderFieldContext context, out T value);

/// <summary>
/// A typed header field: a key, its labels and a value reader. The built-in fields (<see cref="EsfHeaderFields"/>)
/// are instances of this class, and yours can be too: add one to <see cref="ProjectParserBuilder.HeaderFields"/>
/// and read its value back with <see cref="TryGetValue(EsfProject, out T)"/>.
/// </summary>
/// <typeparam name="T">The value's type: a reference type or a value type (read back as <c>T?</c>).</typeparam>
/// <remarks>The first row with one of the labels gives the value; a second row is ESF0101 and is kept in <see cref="EsfProject.ExtraFields"/>.</remarks>
public sealed class HeaderFieldDefinition<T> : HeaderFieldHandler
    where T : notnull
{
    private readonly HeaderFieldReader<T> _reader;
    private readonly string _key;

    /// <summary>Creates a field.</summary>
    /// <param name="key">The key written as the rows' <see cref="HeaderField.Kind"/>, in camelCase (<c>caseNumber</c>).</param>
    /// <param name="labels">The Swedish and English labels.</param>
    /// <param name="reader">Reads a non-empty value.</param>
    /// <param name="traits">What the page reader must know of the field beyond its labels (<see cref="HeaderFieldHandler.Traits"/>); none by default.</param>
    /// <exception cref="ArgumentException"><paramref name="key"/> is blank or <c>unknown</c>, or a label is blank.</exception>
    public HeaderFieldDefinition(string key, Term labels, HeaderFieldReader<T> reader, HeaderFieldTraits traits = HeaderFieldTraits.None)
        : this(key, labels, reader, traits, -1)
    {
    }

    internal HeaderFieldDefinition(string key, Term labels, HeaderFieldReader<T> reader, HeaderFieldTraits traits, int slot)
        : base(labels, traits)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(reader);
        if (key == HeaderField.UnknownKind)
        {
            throw new ArgumentException("'unknown' is the kind of unclaimed rows; choose another key.", nameof(key));
        }

        _key = key;
        _reader = reader;
        BuiltInSlot = slot;
    }

    /// <inheritdoc />
    public override string Key => _key;

    /// <inheritdoc />
    public override string Name => "HeaderFieldDefinition(" + _key + ")";

    /// <summary>The index of a built-in definition's value in the project; -1 for definitions made by users.</summary>
    internal int Slot => BuiltInSlot;

    /// <summary>
    /// The same field — key, labels, traits and, for a built-in one, its place in the model — reading its values with
    /// another reader. Put it where the field was in <see cref="ProjectParserBuilder.HeaderFields"/>: for a built-in
    /// field, everything the model derives from its value (the typed property, the contact, the period, the figures,
    /// JSON, the tables, <see cref="TryGetValue"/>) then follows your reader, as it followed the built-in one.
    /// </summary>
    /// <param name="reader">Reads a non-empty value. To fall back on the field's own reading, call this definition's <see cref="HandleField"/> with the context (it returns the value, or <see langword="null"/>).</param>
    /// <returns>A new definition; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is <see langword="null"/>.</exception>
    /// <remarks>A parser holds at most one definition of each built-in field: <see cref="ProjectParserBuilder.Build"/> refuses the original beside its replacement.</remarks>
    public HeaderFieldDefinition<T> WithReader(HeaderFieldReader<T> reader) => new(_key, Labels, reader, Traits, BuiltInSlot);

    /// <inheritdoc />
    /// <remarks>A <see cref="bool"/> comes back as one of two shared boxes, so yes/no fields cost no object per page.</remarks>
    public override object? HandleField(HeaderFieldContext context) =>
        !_reader(context, out var value) ? null
        : typeof(T) == typeof(bool) ? ((bool)(object)value ? BoxedBoolean.True : BoxedBoolean.False)
        : value;

    /// <inheritdoc />
    internal override bool IsTypedField => true;

    /// <inheritdoc />
    internal override object? ValueIn(EsfProject project) => Slot >= 0 ? project.Value(Slot) : project.CustomValue(this);

    /// <summary>The value this field read on the page the project was parsed from.</summary>
    /// <param name="project">The project.</param>
    /// <param name="value">The value, or <c>default</c>.</param>
    /// <returns>Whether there is a value: <see langword="false"/> when the page has no such row, the row is empty, or its value could not be read (the raw text is then in <see cref="EsfProject.Fields"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="project"/> is <see langword="null"/>.</exception>
    public bool TryGetValue(EsfProject project, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out T value)
    {
        ArgumentNullException.ThrowIfNull(project);
        if (ValueIn(project) is T found)
        {
            value = found;
            return true;
        }

        value = default;
        return false;
    }
}

/// <summary>The checks every handler-reported diagnostic passes, in one place for both kinds of handler.</summary>
internal static class HandlerDiagnostics
{
    public static void CheckCustom(string code, string message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        if (code.StartsWith("ESF", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("Codes starting with ESF are the library's; choose your own prefix.", nameof(code));
        }

        if (code.AsSpan().ContainsAny('\r', '\n') || code.Length > 32)
        {
            throw new ArgumentException("A code is one short line.", nameof(code));
        }
    }
}

/// <summary>The two boxed booleans every typed yes/no field shares.</summary>
internal static class BoxedBoolean
{
    public static readonly object True = true;
    public static readonly object False = false;
}
