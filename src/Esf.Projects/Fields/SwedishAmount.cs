namespace Esf.Projects.Fields;

/// <summary>
/// Parses Swedish currency amounts such as <c>3 493 248 kr</c>, <c>1 234,50 kronor</c>, <c>SEK 12 000</c> or
/// <c>3,5 miljoner kronor</c> into <see cref="Money"/>, culture-free and without allocating.
/// </summary>
/// <remarks>
/// <para>Accepted: digits grouped in threes by U+0020, U+00A0 (no-break space), U+202F (narrow no-break space) or
/// U+2009 (thin space) — one kind per amount — or not grouped at all; a decimal comma with one or two öre digits,
/// or <c>,-</c> / <c>:-</c> for whole kronor; a leading <c>-</c> or U+2212 minus; the unit <c>kr</c>, <c>kr.</c>,
/// <c>kronor</c> or <c>SEK</c> after the number, <c>SEK</c> before it, or no unit; scaled units <c>tkr</c>,
/// <c>tusen kronor</c> (×1 000), <c>Mkr</c>, <c>mnkr</c>, <c>MSEK</c>, <c>milj. kr</c>, <c>miljoner kronor</c>
/// (×1 000 000), <c>mdkr</c>, <c>mdr kr</c>, <c>miljarder kronor</c> (×10⁹); units match case-insensitively, so
/// <c>mkr</c> is read as million kronor as Swedish budgets mean it.</para>
/// <para>Rejected, with the position: misplaced groups (<c>12 34</c>), mixed separators, a dot between digits
/// (ambiguous: thousands or decimals?), more than two öre digits (scaled units allow as many more as their
/// exponent), values beyond <see cref="decimal"/>, and any trailing text.</para>
/// <para>Other currencies: an ISO 4217-shaped code (three upper-case letters, <c>100 EUR</c>, <c>EUR 100</c>) is
/// accepted where <c>SEK</c> is, so every <see cref="Money"/> that <see cref="Format"/> writes reads back; the
/// scaled units are kronor only, and they win: <c>100 MKR</c> is 100 million kronor, not a currency "MKR" (no ISO
/// code is spelt <c>MKR</c> or <c>TKR</c>). Without a unit the currency is SEK.</para>
/// <para>The amount keeps the öre precision written (<c>1 234,50</c> has scale 2).</para>
/// <para>UTF-8 overloads transcode into a stack buffer and run the same parser, so both encodings accept exactly
/// the same text; their error indexes count bytes.</para>
/// </remarks>
public static class SwedishAmount
{
    /// <summary>The units by their first letter (lower-case), longest first within each letter, so a unit is found after a switch and one or two comparisons.</summary>
    private static readonly (string Unit, int Exponent)[] KUnits = [("kronor", 0), ("kr.", 0), ("kr", 0)];
    private static readonly (string Unit, int Exponent)[] MUnits =
    [
        ("miljarder kronor", 9), ("miljarder kr", 9), ("mdr kr", 9), ("mdkr", 9),
        ("miljoner kronor", 6), ("miljoner kr", 6), ("milj. kronor", 6), ("milj. kr", 6), ("milj kr", 6),
        ("mnkr", 6), ("mkr", 6), ("msek", 6),
    ];

    private static readonly (string Unit, int Exponent)[] TUnits = [("tusen kronor", 3), ("tusen kr", 3), ("tkr", 3), ("tsek", 3)];
    private static readonly (string Unit, int Exponent)[] SUnits = [("sek", 0)];

    private static readonly UInt128 MaxMantissa = (UInt128.One << 96) - 1;
    private static readonly UInt128 AccumulationLimit = UInt128.Parse("1000000000000000000000000000000000000", System.Globalization.CultureInfo.InvariantCulture); // 10^36

    /// <summary>Parses an amount, reporting why and where it was rejected.</summary>
    /// <param name="text">The amount as written; surrounding white space is ignored.</param>
    /// <returns>The amount, or the failure with its index in <paramref name="text"/>.</returns>
    public static FieldParseResult<Money> Parse(ReadOnlySpan<char> text) => FieldSyntax<Money>.Parse(text);

    /// <summary>Parses an amount from UTF-8 bytes, exactly as <see cref="Parse(ReadOnlySpan{char})"/> parses text.</summary>
    /// <param name="utf8">The amount as UTF-8; the no-break spaces are the bytes <c>C2 A0</c>, <c>E2 80 AF</c> or <c>E2 80 89</c>.</param>
    /// <returns>The amount, or the failure with its <em>byte</em> index; invalid UTF-8 is <see cref="FieldParseError.InvalidUtf8"/>.</returns>
    public static FieldParseResult<Money> Parse(ReadOnlySpan<byte> utf8) => FieldSyntax<Money>.Parse(utf8);

    /// <summary>Parses an amount; the convenient form when the reason for a rejection does not matter.</summary>
    /// <param name="text">The amount as written.</param>
    /// <param name="value">The amount, or <c>default</c> when rejected.</param>
    /// <returns>Whether <paramref name="text"/> is an accepted amount.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out Money value) => FieldSyntax<Money>.TryParse(text, out value);

    /// <summary>Parses an amount from UTF-8 bytes.</summary>
    /// <param name="utf8">The amount as UTF-8.</param>
    /// <param name="value">The amount, or <c>default</c> when rejected.</param>
    /// <returns>Whether <paramref name="utf8"/> is an accepted amount.</returns>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out Money value) => FieldSyntax<Money>.TryParse(utf8, out value);

    /// <summary>Formats an amount as Swedish text: <c>3 493 248 kr</c> (U+00A0 between groups and before the unit), <c>1 234,50 kr</c>, <c>-5 000 kr</c>.</summary>
    /// <param name="value">The amount.</param>
    /// <param name="format">Separator, unit and öre options; <see cref="SwedishAmountFormat.Default"/> when <see langword="null"/>.</param>
    /// <returns>The text, which <see cref="Parse(ReadOnlySpan{char})"/> reads back to an equal value whenever the amount is in whole öre.</returns>
    public static string Format(Money value, SwedishAmountFormat? format = null)
    {
        Span<char> buffer = stackalloc char[MaxFormattedLength];
        var ok = TryFormat(value, buffer, out var written, format);
        System.Diagnostics.Debug.Assert(ok, "MaxFormattedLength covers every decimal");
        return buffer[..written].ToString();
    }

    /// <summary>Formats an amount into a buffer without allocating.</summary>
    /// <param name="value">The amount.</param>
    /// <param name="destination">Where to write; 80 characters always suffice.</param>
    /// <param name="charsWritten">The number of characters written, or 0 when <paramref name="destination"/> is too small.</param>
    /// <param name="format">Separator, unit and öre options; <see cref="SwedishAmountFormat.Default"/> when <see langword="null"/>.</param>
    /// <returns>Whether the text fitted.</returns>
#pragma warning disable RS0026 // Char and UTF-8 overloads differ by destination type; the optional format cannot make a call ambiguous.
    public static bool TryFormat(Money value, Span<char> destination, out int charsWritten, SwedishAmountFormat? format = null)
    {
        format ??= SwedishAmountFormat.Default;
        charsWritten = 0;
        Span<char> number = stackalloc char[64];
        var amount = value.Amount;
        var ok = Math.Abs(amount).TryFormat(number, out var numberLength, "0.############################", System.Globalization.CultureInfo.InvariantCulture);
        System.Diagnostics.Debug.Assert(ok, "a decimal has at most 29 digits");
        number = number[..numberLength];
        var point = number.IndexOf('.');
        var integer = point < 0 ? number : number[..point];
        var fraction = point < 0 ? [] : number[(point + 1)..];
        var decimals = fraction.Length == 0 ? (format.Decimals == SwedishAmountDecimals.Always ? 2 : 0) : Math.Max(2, fraction.Length);
        var separator = format.GroupSeparator;
        var groups = separator == '\0' ? 0 : (integer.Length - 1) / 3;
        var negative = amount < 0;
        var space = separator == '\0' ? '\u00A0' : separator;
        var isSek = value.Currency == Money.DefaultCurrency;
        ReadOnlySpan<char> prefix = format.Unit == SwedishAmountUnit.CodeBefore ? value.Currency : [];
        ReadOnlySpan<char> suffix = format.Unit switch
        {
            SwedishAmountUnit.CodeBefore or SwedishAmountUnit.None => [],
            SwedishAmountUnit.Kr when isSek => "kr",
            SwedishAmountUnit.Kronor when isSek => "kronor",
            _ => value.Currency,
        };

        var length = (negative ? 1 : 0) + (prefix.IsEmpty ? 0 : prefix.Length + 1) + integer.Length + groups + (decimals > 0 ? decimals + 1 : 0) + (suffix.IsEmpty ? 0 : suffix.Length + 1);
        if (length > destination.Length)
        {
            return false;
        }

        var w = 0;
        if (!prefix.IsEmpty)
        {
            prefix.CopyTo(destination);
            w = prefix.Length;
            destination[w++] = space;
        }

        if (negative)
        {
            destination[w++] = '-';
        }

        var firstGroup = groups == 0 ? integer.Length : ((integer.Length - 1) % 3) + 1;
        integer[..firstGroup].CopyTo(destination[w..]);
        w += firstGroup;
        for (var k = firstGroup; k < integer.Length; k += 3)
        {
            destination[w++] = separator;
            integer.Slice(k, 3).CopyTo(destination[w..]);
            w += 3;
        }

        if (decimals > 0)
        {
            destination[w++] = ',';
            fraction.CopyTo(destination[w..]);
            destination.Slice(w + fraction.Length, decimals - fraction.Length).Fill('0');
            w += decimals;
        }

        if (!suffix.IsEmpty)
        {
            destination[w++] = space;
            suffix.CopyTo(destination[w..]);
            w += suffix.Length;
        }

        charsWritten = w;
        return true;
    }

    /// <summary>Formats an amount as UTF-8 into a buffer without allocating.</summary>
    /// <param name="value">The amount.</param>
    /// <param name="utf8Destination">Where to write; 160 bytes always suffice.</param>
    /// <param name="bytesWritten">The number of bytes written, or 0 when <paramref name="utf8Destination"/> is too small.</param>
    /// <param name="format">Separator, unit and öre options; <see cref="SwedishAmountFormat.Default"/> when <see langword="null"/>.</param>
    /// <returns>Whether the text fitted.</returns>
    public static bool TryFormat(Money value, Span<byte> utf8Destination, out int bytesWritten, SwedishAmountFormat? format = null)
#pragma warning restore RS0026
    {
        Span<char> buffer = stackalloc char[MaxFormattedLength];
        var ok = TryFormat(value, buffer, out var written, format);
        System.Diagnostics.Debug.Assert(ok, "MaxFormattedLength covers every decimal");
        return Utf8Input.TryWrite(buffer[..written], utf8Destination, out bytesWritten);
    }

    /// <summary>The longest text <see cref="TryFormat(Money, Span{char}, out int, SwedishAmountFormat?)"/> writes: sign, 29 digits, 9 group separators, comma, 28 decimals, unit.</summary>
    internal const int MaxFormattedLength = 80;

    /// <summary>
    /// Accumulates digits in a <see cref="ulong"/> while they fit (18 digits, every amount on a page) and in a
    /// <see cref="UInt128"/> beyond, up to 10^36 — far above decimal's 2^96, so overflow is still detected exactly.
    /// </summary>
    private struct MantissaBuilder
    {
        private const ulong SmallLimit = 1_000_000_000_000_000_000UL;
        private ulong _small;
        private UInt128 _wide;
        private bool _isWide;

        public readonly UInt128 Value => _isWide ? _wide : _small;

        public bool TryAppend(char digit)
        {
            var d = (uint)(digit - '0');
            if (!_isWide)
            {
                if (_small < SmallLimit)
                {
                    _small = (_small * 10) + d;
                    return true;
                }

                _wide = _small;
                _isWide = true;
            }

            if (_wide >= AccumulationLimit)
            {
                return false;
            }

            _wide = (_wide * 10) + d;
            return true;
        }
    }

    /// <summary>The parser proper; <paramref name="value"/> is <c>default</c> unless the result is <see cref="FieldParseError.None"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static FieldParseError ParseCore(ReadOnlySpan<char> text, out Money value, out int errorIndex)
    {
        if (TryParseCommon(text, out value))
        {
            errorIndex = -1;
            return FieldParseError.None;
        }

        return ParseGeneral(text, out value, out errorIndex);
    }

    /// <summary>
    /// The shape of nearly every amount on a page — <c>3 493 248 kr</c>: up to 18 digits grouped by one space kind,
    /// optional one or two öre, optional <c>kr</c> or <c>SEK</c> after one space — read in one pass with no 128-bit
    /// arithmetic. Anything else (or anything wrong) returns <see langword="false"/> and goes to
    /// <see cref="ParseGeneral"/>, which is the definition; a test checks the two agree.
    /// </summary>
    internal static bool TryParseCommon(ReadOnlySpan<char> text, out Money value)
    {
        value = default;
        var n = text.Length;
        var i = 0;
        ulong mantissa = 0;
        while (i < n && char.IsAsciiDigit(text[i]))
        {
            mantissa = (mantissa * 10) + (uint)(text[i] - '0');
            i++;
        }

        var digits = i;
        if (digits is 0 or > 18)
        {
            return false;
        }

        if (i + 3 < n && TextChars.IsGroupSeparator(text[i]) && char.IsAsciiDigit(text[i + 1]))
        {
            if (digits > 3)
            {
                return false;
            }

            var separator = text[i];
            while (i + 3 < n && text[i] == separator && char.IsAsciiDigit(text[i + 1]))
            {
                var d1 = (uint)(text[i + 1] - '0');
                var d2 = (uint)(text[i + 2] - '0');
                var d3 = (uint)(text[i + 3] - '0');
                if (d2 > 9 || d3 > 9 || (i + 4 < n && char.IsAsciiDigit(text[i + 4])) || (digits += 3) > 18)
                {
                    return false;
                }

                mantissa = (mantissa * 1000) + (d1 * 100) + (d2 * 10) + d3;
                i += 4;
            }
        }

        byte scale = 0;
        if (i < n && text[i] == ',')
        {
            while (++i < n && char.IsAsciiDigit(text[i]))
            {
                if (++scale > 2 || ++digits > 18)
                {
                    return false;
                }

                mantissa = (mantissa * 10) + (uint)(text[i] - '0');
            }

            if (scale == 0)
            {
                return false;
            }
        }

        if (i < n)
        {
            if (text[i] is ' ' or '\u00A0')
            {
                i++;
            }

            var unit = text[i..];
            if (!(unit is "kr" or "SEK" or "sek"))
            {
                return false;
            }
        }

        value = new Money(scale == 0 ? mantissa : new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, false, scale), Money.DefaultCurrency, trusted: true);
        return true;
    }

    /// <summary>The parser proper, for every accepted form and every rejection.</summary>
    internal static FieldParseError ParseGeneral(ReadOnlySpan<char> text, out Money value, out int errorIndex)
    {
        value = default;
        errorIndex = 0;
        var i = TextChars.SkipSpaces(text, 0);
        if (i == text.Length)
        {
            errorIndex = 0;
            return FieldParseError.Empty;
        }

        var negative = false;
        if (text[i] is '-' or '\u2212')
        {
            negative = true;
            i = TextChars.SkipSpaces(text, i + 1);
        }

        var prefixed = false;
        string? currency = null;
        if (ReadCurrencyCode(text[i..], out currency) is > 0 and var prefixLength)
        {
            prefixed = true;
            i = TextChars.SkipSpaces(text, i + prefixLength);
            if (!negative && i < text.Length && text[i] is '-' or '\u2212')
            {
                negative = true;
                i = TextChars.SkipSpaces(text, i + 1);
            }
        }

        if (i == text.Length || !char.IsAsciiDigit(text[i]))
        {
            errorIndex = i;
            return FieldParseError.NoDigits;
        }

        var numberStart = i;
        var digits = default(MantissaBuilder);
        var separator = '\0';
        var groupStart = i;
        var grouped = false;
        while (true)
        {
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                if (!digits.TryAppend(text[i]))
                {
                    errorIndex = numberStart;
                    return FieldParseError.Overflow;
                }

                i++;
            }

            var groupLength = i - groupStart;
            if (grouped && groupLength != 3)
            {
                errorIndex = groupStart;
                return FieldParseError.MisplacedGroupSeparator;
            }

            if (i + 1 < text.Length && TextChars.IsGroupSeparator(text[i]) && char.IsAsciiDigit(text[i + 1]))
            {
                if (!grouped && groupLength > 3)
                {
                    errorIndex = i;
                    return FieldParseError.MisplacedGroupSeparator;
                }

                if (separator == '\0')
                {
                    separator = text[i];
                }
                else if (text[i] != separator)
                {
                    errorIndex = i;
                    return FieldParseError.MixedGroupSeparators;
                }

                grouped = true;
                i++;
                groupStart = i;
                continue;
            }

            break;
        }

        var scale = 0;
        var decimalsStart = -1;
        if (i < text.Length && text[i] == ',')
        {
            if (i + 1 < text.Length && text[i + 1] == '-')
            {
                i += 2;
            }
            else if (i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
            {
                i++;
                decimalsStart = i;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    if (!digits.TryAppend(text[i]))
                    {
                        errorIndex = numberStart;
                        return FieldParseError.Overflow;
                    }

                    scale++;
                    i++;
                }
            }
            else
            {
                errorIndex = i;
                return FieldParseError.UnexpectedCharacter;
            }
        }
        else if (i + 1 < text.Length && text[i] == ':' && text[i + 1] == '-')
        {
            i += 2;
        }
        else if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
        {
            errorIndex = i;
            return FieldParseError.AmbiguousDecimalPoint;
        }

        var mantissa = digits.Value;
        var exponent = 0;
        var unitStart = TextChars.SkipSpaces(text, i);
        if (unitStart < text.Length)
        {
            var matched = -1;
            var candidates = (text[unitStart] | 0x20) switch
            {
                'k' => KUnits,
                'm' => MUnits,
                't' => TUnits,
                's' => SUnits,
                _ => [],
            };
            foreach (var (unit, unitExponent) in candidates)
            {
                matched = TextChars.MatchWord(text[unitStart..], unit);
                if (matched > 0)
                {
                    exponent = unitExponent;
                    break;
                }
            }

            if (matched <= 0)
            {
                matched = ReadCurrencyCode(text[unitStart..], out currency);
            }

            if (matched <= 0 || prefixed)
            {
                errorIndex = unitStart;
                return FieldParseError.UnexpectedCharacter;
            }

            i = TextChars.SkipSpaces(text, unitStart + matched);
            if (i < text.Length)
            {
                errorIndex = i;
                return FieldParseError.UnexpectedCharacter;
            }
        }

        var maxDecimals = 2 + exponent;
        if (scale > maxDecimals)
        {
            errorIndex = decimalsStart + maxDecimals;
            return FieldParseError.TooManyDecimals;
        }

        while (mantissa > MaxMantissa && scale > 0 && mantissa % 10 == 0)
        {
            // Trailing zero öre beyond decimal's 96-bit mantissa: drop them rather than reject an exact value.
            mantissa /= 10;
            scale--;
        }

        if (mantissa > MaxMantissa)
        {
            errorIndex = numberStart;
            return FieldParseError.Overflow;
        }

        if (exponent >= scale)
        {
            for (var k = scale; k < exponent; k++)
            {
                mantissa *= 10;
            }

            scale = 0;
            if (mantissa > MaxMantissa)
            {
                errorIndex = numberStart;
                return FieldParseError.Overflow;
            }
        }
        else
        {
            scale -= exponent;
        }

        var lo = (int)(uint)(mantissa & uint.MaxValue);
        var mid = (int)(uint)((mantissa >> 32) & uint.MaxValue);
        var hi = (int)(uint)((mantissa >> 64) & uint.MaxValue);
        value = new Money(new decimal(lo, mid, hi, negative && mantissa != 0, (byte)scale), currency ?? Money.DefaultCurrency, trusted: true);
        errorIndex = -1;
        return FieldParseError.None;
    }

    /// <summary>Reads an ISO 4217-shaped code (three upper-case ASCII letters, or <c>sek</c> in any case) that ends a word.</summary>
    /// <returns>The code's length (3), or -1.</returns>
    private static int ReadCurrencyCode(ReadOnlySpan<char> text, out string? code)
    {
        code = null;
        if (TextChars.MatchWord(text, "sek") > 0)
        {
            code = Money.DefaultCurrency;
            return 3;
        }

        if (text.Length < 3 || !char.IsAsciiLetterUpper(text[0]) || !char.IsAsciiLetterUpper(text[1]) || !char.IsAsciiLetterUpper(text[2])
            || (text.Length > 3 && char.IsLetterOrDigit(text[3])))
        {
            return -1;
        }

        code = text[..3] switch
        {
            "EUR" => "EUR",
            "USD" => "USD",
            "NOK" => "NOK",
            "DKK" => "DKK",
            "GBP" => "GBP",
            var other => other.ToString(),
        };
        return 3;
    }
}
