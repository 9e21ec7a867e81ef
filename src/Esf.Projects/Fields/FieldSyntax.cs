namespace Esf.Projects.Fields;

/// <summary>A field type's one parser over UTF-16 text, from which <see cref="FieldSyntax{T}"/> makes the rest of its parse surface.</summary>
/// <typeparam name="TSelf">The field type.</typeparam>
internal interface IFieldSyntax<TSelf>
    where TSelf : IFieldSyntax<TSelf>
{
    /// <summary>Parses <paramref name="text"/>: the error (<see cref="FieldParseError.None"/> on success), the value, and where the problem is.</summary>
    static abstract FieldParseError ParseCore(ReadOnlySpan<char> text, out TSelf value, out int errorIndex);
}

/// <summary>
/// The parse surface every field type offers — <c>Parse</c> and <c>TryParse</c> over text, UTF-8 and strings, for
/// its own members and for <see cref="IParsable{TSelf}"/>, <see cref="ISpanParsable{TSelf}"/> and
/// <see cref="IUtf8SpanParsable{TSelf}"/> — implemented once over each type's core parser.
/// </summary>
/// <typeparam name="T">The field type.</typeparam>
internal static class FieldSyntax<T>
    where T : IFieldSyntax<T>
{
    private static readonly SpanParser<T> Core = T.ParseCore;

    /// <summary>The value, or the failure with its index in the text.</summary>
    public static FieldParseResult<T> Parse(ReadOnlySpan<char> text) => Result(T.ParseCore(text, out var value, out var index), value, index);

    /// <summary>The value, or the failure with its byte index; UTF-8 is read exactly as the same text would be.</summary>
    public static FieldParseResult<T> Parse(ReadOnlySpan<byte> utf8) => Result(Utf8Input.Parse(utf8, Core, out var value, out var index), value, index);

    /// <summary>The value, throwing <see cref="FormatException"/> on rejection (<see cref="IParsable{TSelf}.Parse"/>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static T Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(text.AsSpan()).GetValueOrThrow();
    }

    /// <summary>Whether the text is accepted; the value, or <c>default</c>.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out T value) => Accepted(T.ParseCore(text, out value, out _), ref value);

    /// <summary>Whether the UTF-8 is accepted; the value, or <c>default</c>.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out T value) => Accepted(Utf8Input.Parse(utf8, Core, out value, out _), ref value);

    /// <summary>Whether the string is accepted; <see langword="null"/> is not.</summary>
    public static bool TryParse(string? text, out T value)
    {
        value = default!;
        return text is not null && TryParse(text.AsSpan(), out value);
    }

    private static FieldParseResult<T> Result(FieldParseError error, T value, int index) =>
        error == FieldParseError.None ? FieldParseResult<T>.ForValue(value) : FieldParseResult<T>.ForError(error, index);

    /// <summary>A rejected parse leaves <c>default</c>, whatever the core left in the value.</summary>
    private static bool Accepted(FieldParseError error, ref T value)
    {
        if (error == FieldParseError.None)
        {
            return true;
        }

        value = default!;
        return false;
    }
}
