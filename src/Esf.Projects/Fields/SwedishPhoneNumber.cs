using System.Globalization;

namespace Esf.Projects.Fields;

/// <summary>
/// A Swedish phone number, normalised: <c>046-739443</c>, <c>0709-318 008</c> and <c>+46 46 73 94 43</c> are all
/// read into the digits after the trunk prefix, with the area code split out.
/// </summary>
/// <remarks>
/// <para>Accepted: a leading <c>0</c> (national), <c>+46</c> or <c>0046</c> (international, optionally followed by
/// <c>(0)</c>), then 7 to 9 digits; spaces of any kind, hyphens, en dashes, slashes, dots and parentheses between
/// digits are ignored.</para>
/// <para>Area code, after Sweden's numbering plan: <c>8</c> (Stockholm); two digits for the 20 two-digit areas
/// (<c>11</c> Norrköping … <c>46</c> Lund … <c>90</c> Umeå) and for mobiles (<c>70</c>, <c>72</c>, <c>73</c>,
/// <c>76</c>, <c>79</c> …); three digits otherwise (<c>300</c> Kungsbacka, <c>451</c> Hässleholm).</para>
/// <para>Rejected: another country code, a national number starting with <c>0</c> after the trunk prefix, fewer than
/// 7 or more than 9 digits, a mobile number (<c>07x</c>) that is not exactly 9 digits, and letters or other text.</para>
/// <para>Immutable; the value holds digits only, so two spellings of one number are equal. The string properties are
/// computed on each call (the struct is 16 bytes with no references); keep the result if you read one often.
/// Formats: <c>E</c> (default) for E.164 <c>+4646739443</c>, <c>N</c> for the national form <c>046-739443</c>; the
/// <see cref="IFormatProvider"/> is ignored. The parsing interfaces are implemented explicitly, so your calls to
/// <see cref="Parse(ReadOnlySpan{char})"/> do not trip CA1305.</para>
/// </remarks>
public readonly struct SwedishPhoneNumber : IEquatable<SwedishPhoneNumber>, ISpanFormattable, IUtf8SpanFormattable, ISpanParsable<SwedishPhoneNumber>, IUtf8SpanParsable<SwedishPhoneNumber>, IFieldSyntax<SwedishPhoneNumber>
{
    private static readonly int[] TwoDigitAreas = [11, 13, 16, 18, 19, 21, 23, 26, 31, 33, 35, 36, 40, 42, 44, 46, 54, 60, 63, 90];

    private readonly ulong _digits;
    private readonly byte _length;
    private readonly byte _areaLength;

    private SwedishPhoneNumber(ulong digits, int length, int areaLength)
    {
        _digits = digits;
        _length = (byte)length;
        _areaLength = (byte)areaLength;
    }

    /// <summary>The national significant number: the digits after <c>0</c> or <c>+46</c>, such as <c>46739443</c>; empty for <c>default</c>.</summary>
    public string NationalSignificantNumber => _length == 0 ? string.Empty : _digits.ToString(CultureInfo.InvariantCulture).PadLeft(_length, '0');

    /// <summary>The area code without the trunk <c>0</c>: <c>8</c>, <c>46</c>, <c>70</c>, <c>451</c>.</summary>
    public string AreaCode => NationalSignificantNumber[.._areaLength];

    /// <summary>The subscriber number after the area code.</summary>
    public string SubscriberNumber => NationalSignificantNumber[_areaLength..];

    /// <summary>Whether the number is a mobile number (area code <c>7x</c>).</summary>
    public bool IsMobile => _length > 0 && _digits / Pow10(_length - 1) == 7;

    /// <summary>The E.164 form, such as <c>+4646739443</c>; empty for <c>default</c>, as every format of it is.</summary>
    public string E164 => _length == 0 ? string.Empty : "+46" + NationalSignificantNumber;

    /// <summary>Parses a phone number as written on a page.</summary>
    /// <param name="text">The number, such as <c>0705 - 88 80 40</c>.</param>
    /// <returns>The number, or the failure with its index in <paramref name="text"/>.</returns>
    public static FieldParseResult<SwedishPhoneNumber> Parse(ReadOnlySpan<char> text) => FieldSyntax<SwedishPhoneNumber>.Parse(text);

    /// <summary>Parses a phone number as written on a page.</summary>
    /// <param name="text">The number.</param>
    /// <param name="number">The number, or <c>default</c> when rejected.</param>
    /// <returns>Whether <paramref name="text"/> is a Swedish phone number.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out SwedishPhoneNumber number) => FieldSyntax<SwedishPhoneNumber>.TryParse(text, out number);

    /// <summary>Parses a phone number from UTF-8 bytes, exactly as <see cref="Parse(ReadOnlySpan{char})"/> parses text.</summary>
    /// <param name="utf8">The number as UTF-8.</param>
    /// <returns>The number, or the failure with its <em>byte</em> index.</returns>
    public static FieldParseResult<SwedishPhoneNumber> Parse(ReadOnlySpan<byte> utf8) => FieldSyntax<SwedishPhoneNumber>.Parse(utf8);

    /// <summary>Parses a phone number from UTF-8 bytes.</summary>
    /// <param name="utf8">The number as UTF-8.</param>
    /// <param name="number">The number, or <c>default</c> when rejected.</param>
    /// <returns>Whether the bytes are a Swedish phone number.</returns>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out SwedishPhoneNumber number) => FieldSyntax<SwedishPhoneNumber>.TryParse(utf8, out number);

    /// <summary>Parses as <see cref="Parse(ReadOnlySpan{char})"/> does, throwing on rejection.</summary>
    /// <param name="s">The number as written.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>The number.</returns>
    /// <exception cref="FormatException">Not a Swedish phone number; the message gives the reason and the index.</exception>
    static SwedishPhoneNumber ISpanParsable<SwedishPhoneNumber>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s).GetValueOrThrow();

    /// <summary>Parses as <see cref="Parse(ReadOnlySpan{char})"/> does, throwing on rejection.</summary>
    /// <param name="s">The number as written.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>The number.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">Not a Swedish phone number.</exception>
    static SwedishPhoneNumber IParsable<SwedishPhoneNumber>.Parse(string s, IFormatProvider? provider) => FieldSyntax<SwedishPhoneNumber>.Parse(s);

    /// <summary>Parses UTF-8 as <see cref="Parse(ReadOnlySpan{byte})"/> does, throwing on rejection.</summary>
    /// <param name="utf8Text">The number as UTF-8.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>The number.</returns>
    /// <exception cref="FormatException">Not a Swedish phone number.</exception>
    static SwedishPhoneNumber IUtf8SpanParsable<SwedishPhoneNumber>.Parse(ReadOnlySpan<byte> utf8Text, IFormatProvider? provider) => Parse(utf8Text).GetValueOrThrow();

    /// <summary>Tries to parse text.</summary>
    /// <param name="s">The number as written.</param>
    /// <param name="provider">Ignored.</param>
    /// <param name="result">The number, or <c>default</c>.</param>
    /// <returns>Whether the text is a Swedish phone number.</returns>
    static bool ISpanParsable<SwedishPhoneNumber>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out SwedishPhoneNumber result) => TryParse(s, out result);

    /// <summary>Tries to parse text; <see langword="null"/> is rejected.</summary>
    /// <param name="s">The number as written.</param>
    /// <param name="provider">Ignored.</param>
    /// <param name="result">The number, or <c>default</c>.</param>
    /// <returns>Whether the text is a Swedish phone number.</returns>
    static bool IParsable<SwedishPhoneNumber>.TryParse([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? s, IFormatProvider? provider, out SwedishPhoneNumber result) => FieldSyntax<SwedishPhoneNumber>.TryParse(s, out result);

    /// <summary>Tries to parse UTF-8.</summary>
    /// <param name="utf8Text">The number as UTF-8.</param>
    /// <param name="provider">Ignored.</param>
    /// <param name="result">The number, or <c>default</c>.</param>
    /// <returns>Whether the bytes are a Swedish phone number.</returns>
    static bool IUtf8SpanParsable<SwedishPhoneNumber>.TryParse(ReadOnlySpan<byte> utf8Text, IFormatProvider? provider, out SwedishPhoneNumber result) => TryParse(utf8Text, out result);

    /// <summary>Formats the number: <c>E</c> (or <c>null</c>/empty) for <c>+4646739443</c>, <c>N</c> for <c>046-739443</c>.</summary>
    /// <param name="format">The format.</param>
    /// <param name="formatProvider">Ignored.</param>
    /// <returns>The text; <see cref="Parse(ReadOnlySpan{char})"/> reads both forms back to an equal number.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is neither <c>E</c> nor <c>N</c>.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        Span<char> buffer = stackalloc char[16];
        var ok = TryFormat(buffer, out var written, format, formatProvider);
        System.Diagnostics.Debug.Assert(ok, "16 characters fit every number");
        return buffer[..written].ToString();
    }

    /// <summary>Formats into a buffer without allocating; see <see cref="ToString(string?, IFormatProvider?)"/> for the formats.</summary>
    /// <param name="destination">Where to write; 13 characters always suffice.</param>
    /// <param name="charsWritten">The number of characters written.</param>
    /// <param name="format"><c>E</c> or <c>N</c>.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>Whether the text fitted.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is neither <c>E</c> nor <c>N</c>.</exception>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        var national = format switch
        {
            "" or "E" => false,
            "N" => true,
            _ => throw new FormatException($"'{format}' is not a phone number format: use E or N."),
        };
        charsWritten = 0;
        var length = _length == 0 ? 0 : _length + (national ? 2 : 3);
        if (destination.Length < length)
        {
            return false;
        }

        if (_length == 0)
        {
            return true;
        }

        var w = 0;
        if (national)
        {
            destination[w++] = '0';
        }
        else
        {
            "+46".CopyTo(destination);
            w = 3;
        }

        _digits.TryFormat(destination[w..], out _, _length switch { 7 => "D7", 8 => "D8", _ => "D9" }, CultureInfo.InvariantCulture);
        if (national)
        {
            destination.Slice(w + _areaLength, _length - _areaLength).CopyTo(destination[(w + _areaLength + 1)..]);
            destination[w + _areaLength] = '-';
        }

        charsWritten = length;
        return true;
    }

    /// <summary>Formats as UTF-8 into a buffer without allocating; see <see cref="ToString(string?, IFormatProvider?)"/> for the formats.</summary>
    /// <param name="utf8Destination">Where to write.</param>
    /// <param name="bytesWritten">The number of bytes written.</param>
    /// <param name="format"><c>E</c> or <c>N</c>.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>Whether the text fitted.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is neither <c>E</c> nor <c>N</c>.</exception>
    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        Span<char> buffer = stackalloc char[16];
        var ok = TryFormat(buffer, out var written, format, provider);
        System.Diagnostics.Debug.Assert(ok, "16 characters fit every number");
        return Utf8Input.TryWrite(buffer[..written], utf8Destination, out bytesWritten);
    }

    /// <inheritdoc />
    static FieldParseError IFieldSyntax<SwedishPhoneNumber>.ParseCore(ReadOnlySpan<char> text, out SwedishPhoneNumber value, out int errorIndex) => ParseCore(text, out value, out errorIndex);

    private static FieldParseError ParseCore(ReadOnlySpan<char> text, out SwedishPhoneNumber number, out int errorIndex)
    {
        number = default;
        var i = TextChars.SkipSpaces(text, 0);
        var start = i;
        errorIndex = i;
        if (i == text.Length)
        {
            errorIndex = 0;
            return FieldParseError.Empty;
        }

        if (text[i] == '(' && i + 1 < text.Length && text[i + 1] == '0')
        {
            i++; // "(08) 123 45 67"
        }

        if (text[i] == '+')
        {
            if (!text[(i + 1)..].StartsWith("46"))
            {
                return FieldParseError.InvalidPhoneNumber;
            }

            i += 3;
            var afterCountry = TextChars.SkipSpaces(text, i);
            if (text[afterCountry..].StartsWith("(0)"))
            {
                i = afterCountry + 3;
            }
        }
        else if (text[i..].StartsWith("0046"))
        {
            i += 4;
        }
        else if (text[i] == '0')
        {
            i++;
        }
        else
        {
            return char.IsAsciiDigit(text[i]) ? FieldParseError.InvalidPhoneNumber : FieldParseError.UnexpectedCharacter;
        }

        ulong digits = 0;
        var length = 0;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                if (length == 0 && c == '0')
                {
                    errorIndex = i;
                    return FieldParseError.InvalidPhoneNumber;
                }

                if (++length > 9)
                {
                    errorIndex = i;
                    return FieldParseError.InvalidPhoneNumber;
                }

                digits = (digits * 10) + (ulong)(c - '0');
            }
            else if (!(TextChars.IsSpace(c) || c is '-' or '\u2013' or '/' or '.' or '(' or ')'))
            {
                errorIndex = i;
                return FieldParseError.UnexpectedCharacter;
            }
        }

        if (length < 7)
        {
            errorIndex = start;
            return FieldParseError.InvalidPhoneNumber;
        }

        var leading = (int)(digits / Pow10(length - 2));
        if (leading / 10 == 7 && length != 9)
        {
            errorIndex = start;
            return FieldParseError.InvalidPhoneNumber;
        }

        var areaLength = leading / 10 == 8 ? 1 : leading / 10 == 7 || Array.IndexOf(TwoDigitAreas, leading) >= 0 ? 2 : 3;
        number = new SwedishPhoneNumber(digits, length, areaLength);
        errorIndex = -1;
        return FieldParseError.None;
    }

    private static ulong Pow10(int exponent)
    {
        ulong value = 1;
        for (var k = 0; k < exponent; k++)
        {
            value *= 10;
        }

        return value;
    }

    /// <inheritdoc />
    public bool Equals(SwedishPhoneNumber other) => _digits == other._digits && _length == other._length;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SwedishPhoneNumber other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_digits, _length);

    /// <summary>The E.164 form.</summary>
    /// <returns><see cref="E164"/>.</returns>
    public override string ToString() => E164;

    /// <summary>Compares as <see cref="Equals(SwedishPhoneNumber)"/> does.</summary>
    /// <param name="left">The first number.</param>
    /// <param name="right">The second number.</param>
    /// <returns>Whether they are the same number.</returns>
    public static bool operator ==(SwedishPhoneNumber left, SwedishPhoneNumber right) => left.Equals(right);

    /// <summary>Compares as <see cref="Equals(SwedishPhoneNumber)"/> does.</summary>
    /// <param name="left">The first number.</param>
    /// <param name="right">The second number.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(SwedishPhoneNumber left, SwedishPhoneNumber right) => !left.Equals(right);
}
