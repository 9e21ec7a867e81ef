using System.Diagnostics.CodeAnalysis;

namespace Esf.Projects.Fields;

/// <summary>
/// The outcome of a field parser: either a value, or the reason and the position at which the input was rejected.
/// </summary>
/// <typeparam name="T">The parsed value's type.</typeparam>
/// <remarks>
/// Modelled on NodaTime's <c>ParseResult&lt;T&gt;</c>: creating a failure costs nothing (no exception, no string);
/// <see cref="Message"/> and <see cref="GetValueOrThrow"/> build text only when asked. The struct is immutable
/// and safe to share between threads. <c>default</c> is a failure with <see cref="FieldParseError.Empty"/>.
/// </remarks>
public readonly struct FieldParseResult<T>
{
    private readonly T _value;
    private readonly bool _success;

    private FieldParseResult(T value, bool success, FieldParseError error, int errorIndex)
    {
        _value = value;
        _success = success;
        Error = success ? FieldParseError.None : (error == FieldParseError.None ? FieldParseError.Empty : error);
        ErrorIndex = errorIndex;
    }

    /// <summary>Whether the input was accepted.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool Success => _success;

    /// <summary>The parsed value; <c>default</c> when <see cref="Success"/> is <see langword="false"/> (use <see cref="GetValueOrThrow"/> to insist).</summary>
    public T? Value => _success ? _value : default;

    /// <summary>Why the input was rejected; <see cref="FieldParseError.None"/> on success.</summary>
    public FieldParseError Error { get; }

    /// <summary>0-based index (UTF-16 code units, or bytes for UTF-8 input) in the parsed input where the problem starts; -1 on success.</summary>
    public int ErrorIndex { get; }

    /// <summary>An English sentence describing the failure and its position, built on each call; empty on success.</summary>
    public string Message => _success ? string.Empty : FieldErrorMessages.Describe(Error, ErrorIndex);

    /// <summary>Returns the value, or throws when the input was rejected.</summary>
    /// <returns>The parsed value.</returns>
    /// <exception cref="FormatException">The input was rejected; the message gives the reason and the position.</exception>
    public T GetValueOrThrow() => _success ? _value : throw new FormatException(Message);

    /// <summary>Gets the value when the input was accepted.</summary>
    /// <param name="value">The parsed value, or <c>default</c> on failure.</param>
    /// <returns><see cref="Success"/>.</returns>
    public bool TryGetValue([MaybeNullWhen(false)] out T value)
    {
        value = _value;
        return _success;
    }

    /// <summary>Creates a successful result.</summary>
    /// <param name="value">The parsed value.</param>
    /// <returns>A result whose <see cref="Success"/> is <see langword="true"/>.</returns>
    internal static FieldParseResult<T> ForValue(T value) => new(value, true, FieldParseError.None, -1);

    /// <summary>Creates a failed result.</summary>
    /// <param name="error">Why the input was rejected; <see cref="FieldParseError.None"/> is taken as <see cref="FieldParseError.Empty"/>.</param>
    /// <param name="index">0-based position of the problem in the input.</param>
    /// <returns>A result whose <see cref="Success"/> is <see langword="false"/>.</returns>
    internal static FieldParseResult<T> ForError(FieldParseError error, int index) => new(default!, false, error, index);

    /// <summary>Describes the result for debugging.</summary>
    /// <returns>The value's text on success, otherwise <see cref="Message"/>.</returns>
    public override string ToString() => _success ? _value?.ToString() ?? string.Empty : Message;
}

/// <summary>The one place where field-parser failures are put into words.</summary>
internal static class FieldErrorMessages
{
    public static string Reason(FieldParseError error) => error switch
    {
        FieldParseError.None => "no error",
        FieldParseError.Empty => "the value is empty",
        FieldParseError.NoDigits => "a number was expected",
        FieldParseError.MisplacedGroupSeparator => "thousands groups must have exactly three digits",
        FieldParseError.MixedGroupSeparators => "thousands groups are separated by different space characters",
        FieldParseError.AmbiguousDecimalPoint => "a dot between digits is ambiguous (Swedish amounts use a decimal comma)",
        FieldParseError.TooManyDecimals => "too many decimals for the unit (two öre digits for kronor)",
        FieldParseError.Overflow => "the number is too large",
        FieldParseError.UnexpectedCharacter => "unexpected character",
        FieldParseError.InvalidDate => "a date must be written YYYY-MM-DD or as a Swedish long date (1 februari 2012)",
        FieldParseError.ImpossibleDate => "the date does not exist",
        FieldParseError.MissingRangeSeparator => "the dates must be separated by 'till', 't.o.m.', a hyphen or a dash",
        FieldParseError.ReversedRange => "the range ends before it starts",
        FieldParseError.InvalidPhoneNumber => "not a Swedish phone number (0 or +46 followed by 7 to 9 digits)",
        FieldParseError.InvalidUtf8 => "the bytes are not valid UTF-8",
        FieldParseError.InvalidEmailAddress => "not an e-mail address (local-part@domain.tld)",
        FieldParseError.MissingListMarker => "a list line has no marker and does not continue the item before it",
        FieldParseError.InvalidOrganisationNumber => "an organisation number has ten digits, written NNNNNN-NNNN or NNNNNNNNNN",
        FieldParseError.InvalidCheckDigit => "the check digit does not match (a digit is mistyped)",
        FieldParseError.InvalidProjectNumber => "a project number is written YYYY/NNNNN or NN-NNN-SNN",
        _ => error.ToString(),
    };

    public static string Describe(FieldParseError error, int index) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Reason(error)} (at index {index})");
}
