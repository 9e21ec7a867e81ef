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
/// <para>The amount keeps the öre precision written (<c>1 234,50</c> has scale 2); the currency is always SEK.</para>
/// </remarks>
public static class SwedishAmount
{
    private static readonly (string Unit, int Exponent)[] Units =
    [
        ("miljarder kronor", 9), ("miljarder kr", 9), ("mdr kr", 9), ("mdkr", 9),
        ("miljoner kronor", 6), ("miljoner kr", 6), ("milj. kronor", 6), ("milj. kr", 6), ("milj kr", 6),
        ("mnkr", 6), ("mkr", 6), ("msek", 6),
        ("tusen kronor", 3), ("tusen kr", 3), ("tkr", 3), ("tsek", 3),
        ("kronor", 0), ("kr.", 0), ("kr", 0), ("sek", 0),
    ];

    private static readonly UInt128 MaxMantissa = (UInt128.One << 96) - 1;
    private static readonly UInt128 AccumulationLimit = UInt128.Parse("1000000000000000000000000000000000000", System.Globalization.CultureInfo.InvariantCulture); // 10^36

    /// <summary>Parses an amount, reporting why and where it was rejected.</summary>
    /// <param name="text">The amount as written; surrounding white space is ignored.</param>
    /// <returns>The amount in SEK, or the failure with its index in <paramref name="text"/>.</returns>
    public static FieldParseResult<Money> Parse(ReadOnlySpan<char> text)
    {
        var error = ParseCore(text, out var amount, out var index);
        return error == FieldParseError.None
            ? FieldParseResult<Money>.ForValue(Money.Sek(amount))
            : FieldParseResult<Money>.ForError(error, index);
    }

    /// <summary>Parses an amount; the convenient form when the reason for a rejection does not matter.</summary>
    /// <param name="text">The amount as written.</param>
    /// <param name="value">The amount in SEK, or <c>default</c> when rejected.</param>
    /// <returns>Whether <paramref name="text"/> is an accepted amount.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out Money value)
    {
        var error = ParseCore(text, out var amount, out _);
        value = error == FieldParseError.None ? Money.Sek(amount) : default;
        return error == FieldParseError.None;
    }

    /// <summary>Appends a decimal digit; false once the mantissa could no longer be a <see cref="decimal"/> (beyond 10^36, far above its 2^96 limit).</summary>
    private static bool TryAppendDigit(ref UInt128 mantissa, char digit)
    {
        if (mantissa >= AccumulationLimit)
        {
            return false;
        }

        mantissa = (mantissa * 10) + (uint)(digit - '0');
        return true;
    }

    internal static FieldParseError ParseCore(ReadOnlySpan<char> text, out decimal amount, out int errorIndex)
    {
        amount = 0m;
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
        if (TextChars.MatchWord(text[i..], "sek") is > 0 and var prefixLength)
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
        UInt128 mantissa = 0;
        var separator = '\0';
        var groupStart = i;
        var grouped = false;
        while (true)
        {
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                if (!TryAppendDigit(ref mantissa, text[i]))
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
                    if (!TryAppendDigit(ref mantissa, text[i]))
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

        var exponent = 0;
        var unitStart = TextChars.SkipSpaces(text, i);
        if (unitStart < text.Length)
        {
            var matched = -1;
            foreach (var (unit, unitExponent) in Units)
            {
                matched = TextChars.MatchWord(text[unitStart..], unit);
                if (matched > 0)
                {
                    exponent = unitExponent;
                    break;
                }
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
        amount = new decimal(lo, mid, hi, negative && mantissa != 0, (byte)scale);
        errorIndex = -1;
        return FieldParseError.None;
    }
}
