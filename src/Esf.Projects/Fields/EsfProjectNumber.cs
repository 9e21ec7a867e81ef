using System.Globalization;

namespace Esf.Projects.Fields;

/// <summary>The two forms of project number the project bank uses.</summary>
public enum ProjectNumberForm
{
    /// <summary>Not a number (<c>default</c>).</summary>
    None = 0,

    /// <summary><c>YYYY/NNNNN</c>, such as <c>2019/00871</c>: the 2014–2020 programme's numbers (and 2021–2022 REACT-EU projects), the year the case was registered, a slash and a serial number.</summary>
    YearSerial,

    /// <summary><c>NN-NNN-SNN</c>, such as <c>23-112-S05</c>: the ESF+ 2021–2027 programme's case numbers (<em>diarienummer</em>).</summary>
    EsfPlus,
}

/// <summary>
/// A project number of the ESF project bank in either of its forms: <c>2019/00871</c> (2014–2020) or
/// <c>23-112-S05</c> (ESF+ 2021–2027).
/// </summary>
/// <remarks>
/// <para><see cref="ProjectNumberForm.YearSerial"/>: four digits (a year from 2000), a slash and three to six
/// digits; leading zeros are kept. <see cref="ProjectNumberForm.EsfPlus"/>: two digits, a hyphen, three digits, a
/// hyphen, an upper-case letter (<c>S</c> on the pages seen) and two digits. White space around the number is
/// ignored; nothing else is accepted, so <c>2011-3090121</c> (a 2007–2013 case number) is not a project number of
/// either form and stays text in the model.</para>
/// <para>Immutable, no references inside; two equal spellings are equal. <see cref="ToString()"/> gives the number as
/// the project bank writes it.</para>
/// </remarks>
public readonly struct EsfProjectNumber : IEquatable<EsfProjectNumber>, ISpanFormattable, ISpanParsable<EsfProjectNumber>, IUtf8SpanParsable<EsfProjectNumber>, IFieldSyntax<EsfProjectNumber>
{
    // YearSerial: _a = year, _b = serial, _digits = serial digits. EsfPlus: _a, _b, _c the three numbers, _letter.
    private readonly ushort _a;
    private readonly int _b;
    private readonly byte _c;
    private readonly byte _digits;
    private readonly char _letter;

    private EsfProjectNumber(ProjectNumberForm form, int a, int b, int c, int digits, char letter)
    {
        Form = form;
        _a = (ushort)a;
        _b = b;
        _c = (byte)c;
        _digits = (byte)digits;
        _letter = letter;
    }

    /// <summary>Which form the number has; <see cref="ProjectNumberForm.None"/> for <c>default</c>.</summary>
    public ProjectNumberForm Form { get; }

    /// <summary>The year a <see cref="ProjectNumberForm.YearSerial"/> number was registered (<c>2019</c> for <c>2019/00871</c>); <see langword="null"/> for the ESF+ form, whose digits are not documented to be a year.</summary>
    public int? Year => Form == ProjectNumberForm.YearSerial ? _a : null;

    /// <summary>Parses a project number.</summary>
    /// <param name="text">The number, such as <c>2019/00871</c> or <c>23-112-S05</c>.</param>
    /// <returns>The number, or the failure with its index in <paramref name="text"/>.</returns>
    public static FieldParseResult<EsfProjectNumber> Parse(ReadOnlySpan<char> text) => FieldSyntax<EsfProjectNumber>.Parse(text);

    /// <summary>Parses a project number.</summary>
    /// <param name="text">The number.</param>
    /// <param name="number">The number, or <c>default</c> when rejected.</param>
    /// <returns>Whether <paramref name="text"/> is a project number of either form.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out EsfProjectNumber number) => FieldSyntax<EsfProjectNumber>.TryParse(text, out number);

    /// <summary>Parses a project number from UTF-8 bytes, exactly as <see cref="Parse(ReadOnlySpan{char})"/> parses text.</summary>
    /// <param name="utf8">The number as UTF-8.</param>
    /// <returns>The number, or the failure with its <em>byte</em> index.</returns>
    public static FieldParseResult<EsfProjectNumber> Parse(ReadOnlySpan<byte> utf8) => FieldSyntax<EsfProjectNumber>.Parse(utf8);

    /// <summary>Parses a project number from UTF-8 bytes.</summary>
    /// <param name="utf8">The number as UTF-8.</param>
    /// <param name="number">The number, or <c>default</c> when rejected.</param>
    /// <returns>Whether the bytes are a project number.</returns>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out EsfProjectNumber number) => FieldSyntax<EsfProjectNumber>.TryParse(utf8, out number);

    /// <summary>Reads a project number at the start of <paramref name="text"/> (a title line such as <c>2019/00871 - Name</c>).</summary>
    /// <param name="text">The text.</param>
    /// <param name="number">The number, or <c>default</c>.</param>
    /// <param name="length">How many characters the number takes; 0 when there is none.</param>
    /// <returns>Whether the text starts with a project number that is not followed directly by a letter or digit.</returns>
    internal static bool TryReadPrefix(ReadOnlySpan<char> text, out EsfProjectNumber number, out int length)
    {
        length = ReadNumber(text, out number);
        if (length > 0 && length < text.Length && char.IsLetterOrDigit(text[length]))
        {
            number = default;
            length = 0;
        }

        return length > 0;
    }

    /// <summary>Parses as <see cref="Parse(ReadOnlySpan{char})"/> does, throwing on rejection.</summary>
    /// <param name="s">The number as written.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>The number.</returns>
    /// <exception cref="FormatException">Not a project number.</exception>
    static EsfProjectNumber ISpanParsable<EsfProjectNumber>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s).GetValueOrThrow();

    /// <summary>Parses as <see cref="Parse(ReadOnlySpan{char})"/> does, throwing on rejection.</summary>
    /// <param name="s">The number as written.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>The number.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">Not a project number.</exception>
    static EsfProjectNumber IParsable<EsfProjectNumber>.Parse(string s, IFormatProvider? provider) => FieldSyntax<EsfProjectNumber>.Parse(s);

    /// <summary>Parses UTF-8 as <see cref="Parse(ReadOnlySpan{byte})"/> does, throwing on rejection.</summary>
    /// <param name="utf8Text">The number as UTF-8.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>The number.</returns>
    /// <exception cref="FormatException">Not a project number.</exception>
    static EsfProjectNumber IUtf8SpanParsable<EsfProjectNumber>.Parse(ReadOnlySpan<byte> utf8Text, IFormatProvider? provider) => Parse(utf8Text).GetValueOrThrow();

    /// <summary>Tries to parse text.</summary>
    /// <param name="s">The number as written.</param>
    /// <param name="provider">Ignored.</param>
    /// <param name="result">The number, or <c>default</c>.</param>
    /// <returns>Whether the text is a project number.</returns>
    static bool ISpanParsable<EsfProjectNumber>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out EsfProjectNumber result) => TryParse(s, out result);

    /// <summary>Tries to parse text; <see langword="null"/> is rejected.</summary>
    /// <param name="s">The number as written.</param>
    /// <param name="provider">Ignored.</param>
    /// <param name="result">The number, or <c>default</c>.</param>
    /// <returns>Whether the text is a project number.</returns>
    static bool IParsable<EsfProjectNumber>.TryParse([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? s, IFormatProvider? provider, out EsfProjectNumber result) => FieldSyntax<EsfProjectNumber>.TryParse(s, out result);

    /// <summary>Tries to parse UTF-8.</summary>
    /// <param name="utf8Text">The number as UTF-8.</param>
    /// <param name="provider">Ignored.</param>
    /// <param name="result">The number, or <c>default</c>.</param>
    /// <returns>Whether the bytes are a project number.</returns>
    static bool IUtf8SpanParsable<EsfProjectNumber>.TryParse(ReadOnlySpan<byte> utf8Text, IFormatProvider? provider, out EsfProjectNumber result) => TryParse(utf8Text, out result);

    /// <summary>The number as the project bank writes it: <c>2019/00871</c>, <c>23-112-S05</c>; empty for <c>default</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => ToString(null, null);

    /// <summary>The number as the project bank writes it; the only format is the default one.</summary>
    /// <param name="format"><see langword="null"/> or empty.</param>
    /// <param name="formatProvider">Ignored.</param>
    /// <returns>The text.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is not empty.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        Span<char> buffer = stackalloc char[12];
        var ok = TryFormat(buffer, out var written, format, formatProvider);
        System.Diagnostics.Debug.Assert(ok, "12 characters fit every number");
        return buffer[..written].ToString();
    }

    /// <summary>Formats into a buffer without allocating.</summary>
    /// <param name="destination">Where to write; 11 characters always suffice.</param>
    /// <param name="charsWritten">The number of characters written.</param>
    /// <param name="format">Empty: the only format.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>Whether the text fitted.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is not empty.</exception>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        if (!format.IsEmpty)
        {
            throw new FormatException($"'{format}' is not a project number format: use the default (empty) format.");
        }

        charsWritten = 0;
        var inv = CultureInfo.InvariantCulture;
        switch (Form)
        {
            case ProjectNumberForm.YearSerial:
                if (destination.Length < 5 + _digits)
                {
                    return false;
                }

                _a.TryFormat(destination, out _, "D4", inv);
                destination[4] = '/';
                _b.TryFormat(destination[5..], out _, _digits switch { 3 => "D3", 4 => "D4", 5 => "D5", _ => "D6" }, inv);
                charsWritten = 5 + _digits;
                return true;
            case ProjectNumberForm.EsfPlus:
                if (destination.Length < 10)
                {
                    return false;
                }

                _a.TryFormat(destination, out _, "D2", inv);
                destination[2] = '-';
                _b.TryFormat(destination[3..], out _, "D3", inv);
                destination[6] = '-';
                destination[7] = _letter;
                _c.TryFormat(destination[8..], out _, "D2", inv);
                charsWritten = 10;
                return true;
            default:
                return true;
        }
    }

    /// <inheritdoc />
    static FieldParseError IFieldSyntax<EsfProjectNumber>.ParseCore(ReadOnlySpan<char> text, out EsfProjectNumber value, out int errorIndex) => ParseCore(text, out value, out errorIndex);

    private static FieldParseError ParseCore(ReadOnlySpan<char> text, out EsfProjectNumber number, out int errorIndex)
    {
        var trimmed = TextChars.Trim(text);
        var offset = TextChars.SkipSpaces(text, 0);
        if (trimmed.IsEmpty)
        {
            number = default;
            errorIndex = 0;
            return FieldParseError.Empty;
        }

        var length = ReadNumber(trimmed, out number);
        if (length == trimmed.Length)
        {
            errorIndex = -1;
            return FieldParseError.None;
        }

        number = default;
        errorIndex = offset + length;
        return length == 0 ? FieldParseError.InvalidProjectNumber : FieldParseError.UnexpectedCharacter;
    }

    /// <summary>Reads a number of either form at the start of <paramref name="text"/>; the characters it takes, or 0.</summary>
    private static int ReadNumber(ReadOnlySpan<char> text, out EsfProjectNumber number)
    {
        number = default;
        var first = Digits(text, 0, out var a);
        if (first == 4 && text.Length > 4 && text[4] == '/' && a >= 2000)
        {
            var serialDigits = Digits(text, 5, out var serial);
            if (serialDigits is >= 3 and <= 6)
            {
                number = new EsfProjectNumber(ProjectNumberForm.YearSerial, a, serial, 0, serialDigits, '\0');
                return 5 + serialDigits;
            }
        }
        else if (first == 2 && text.Length >= 10 && text[2] == '-' && text[6] == '-' && char.IsAsciiLetterUpper(text[7])
            && Digits(text, 3, out var b) == 3 && Digits(text, 8, out var c) == 2)
        {
            number = new EsfProjectNumber(ProjectNumberForm.EsfPlus, a, b, c, 0, text[7]);
            return 10;
        }

        return 0;
    }

    /// <summary>Reads up to six ASCII digits from <paramref name="start"/>; returns how many there were.</summary>
    private static int Digits(ReadOnlySpan<char> text, int start, out int value)
    {
        value = 0;
        var i = start;
        while (i < text.Length && i - start < 7 && char.IsAsciiDigit(text[i]))
        {
            value = (value * 10) + (text[i] - '0');
            i++;
        }

        return i - start;
    }

    /// <inheritdoc />
    public bool Equals(EsfProjectNumber other) =>
        Form == other.Form && _a == other._a && _b == other._b && _c == other._c && _digits == other._digits && _letter == other._letter;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is EsfProjectNumber other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Form, _a, _b, _c, _digits, _letter);

    /// <summary>Compares as <see cref="Equals(EsfProjectNumber)"/> does.</summary>
    /// <param name="left">The first number.</param>
    /// <param name="right">The second number.</param>
    /// <returns>Whether they are the same number.</returns>
    public static bool operator ==(EsfProjectNumber left, EsfProjectNumber right) => left.Equals(right);

    /// <summary>Compares as <see cref="Equals(EsfProjectNumber)"/> does.</summary>
    /// <param name="left">The first number.</param>
    /// <param name="right">The second number.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(EsfProjectNumber left, EsfProjectNumber right) => !left.Equals(right);
}
