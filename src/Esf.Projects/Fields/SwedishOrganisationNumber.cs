using System.Globalization;

namespace Esf.Projects.Fields;

/// <summary>What the first digit of a Swedish organisation number says about the organisation (its <em>gruppnummer</em>).</summary>
/// <remarks>
/// Bolagsverket warns that the group is an indication, not a guarantee of the legal form: read it as "usually".
/// A sole trader has no organisation number of their own and uses the owner's personal identity number, whose
/// third digit is 0 or 1: that is <see cref="PersonalIdentityNumber"/>, whatever the first digit.
/// </remarks>
public enum OrganisationNumberGroup
{
    /// <summary>A first digit no group is assigned to (0 or 4).</summary>
    Unassigned = 0,

    /// <summary>1: estates of deceased persons (<em>dödsbon</em>).</summary>
    Estate,

    /// <summary>2: the state, regions, municipalities and parishes (<em>stat, landsting, kommuner, församlingar</em>).</summary>
    PublicSector,

    /// <summary>3: foreign companies trading or owning property in Sweden.</summary>
    ForeignCompany,

    /// <summary>5: limited companies (<em>aktiebolag</em>), also branches, banks and insurers.</summary>
    LimitedCompany,

    /// <summary>6: simple partnerships (<em>enkla bolag</em>).</summary>
    SimplePartnership,

    /// <summary>7: economic associations and co-operatives (<em>ekonomiska föreningar</em>, housing co-operatives).</summary>
    EconomicAssociation,

    /// <summary>8: non-profit associations and foundations (<em>ideella föreningar och stiftelser</em>).</summary>
    NonProfitAssociationOrFoundation,

    /// <summary>9: trading and limited partnerships (<em>handelsbolag, kommanditbolag</em>).</summary>
    TradingPartnership,

    /// <summary>The third digit is 0 or 1: a personal identity number used by a sole trader, not an organisation's own number.</summary>
    PersonalIdentityNumber,
}

/// <summary>
/// A Swedish organisation number (<em>organisationsnummer</em>): ten digits, the last a Luhn check digit, written
/// <c>212000-4128</c> or <c>2120004128</c>.
/// </summary>
/// <remarks>
/// <para>Accepted: ten digits with or without a hyphen (or a space) before the last four, and the twelve-digit
/// form with the prefix <c>16</c> that tax forms use (<c>16212000-4128</c>); white space around the number is
/// ignored. The check digit must match (<see cref="FieldParseError.InvalidCheckDigit"/> otherwise), so a mistyped
/// digit is caught.</para>
/// <para><see cref="Group"/> reads the first digit (the <em>gruppnummer</em>); a third digit of 0 or 1 marks a
/// personal identity number, as sole traders use. Immutable; two spellings of one number are equal. Formats:
/// <c>N</c> (default) <c>212000-4128</c>, <c>D</c> the ten digits; the <see cref="IFormatProvider"/> is ignored.</para>
/// </remarks>
public readonly struct SwedishOrganisationNumber : IEquatable<SwedishOrganisationNumber>, ISpanFormattable, IUtf8SpanFormattable, ISpanParsable<SwedishOrganisationNumber>, IUtf8SpanParsable<SwedishOrganisationNumber>, IFieldSyntax<SwedishOrganisationNumber>
{
    // The ten digits plus one, so that default (0) is "no number" and 0000000000 stays representable.
    private readonly long _value;

    private SwedishOrganisationNumber(long digits) => _value = digits + 1;

    /// <summary>The ten digits without a hyphen, such as <c>2120004128</c>; empty for <c>default</c>.</summary>
    public string Digits => _value == 0 ? string.Empty : Number.ToString("D10", CultureInfo.InvariantCulture);

    /// <summary>What the first digit says about the organisation; <see cref="OrganisationNumberGroup.Unassigned"/> for <c>default</c>.</summary>
    public OrganisationNumberGroup Group
    {
        get
        {
            if (_value == 0)
            {
                return OrganisationNumberGroup.Unassigned;
            }

            if (Number / 10_000_000 % 10 < 2)
            {
                return OrganisationNumberGroup.PersonalIdentityNumber;
            }

            return (Number / 1_000_000_000) switch
            {
                1 => OrganisationNumberGroup.Estate,
                2 => OrganisationNumberGroup.PublicSector,
                3 => OrganisationNumberGroup.ForeignCompany,
                5 => OrganisationNumberGroup.LimitedCompany,
                6 => OrganisationNumberGroup.SimplePartnership,
                7 => OrganisationNumberGroup.EconomicAssociation,
                8 => OrganisationNumberGroup.NonProfitAssociationOrFoundation,
                9 => OrganisationNumberGroup.TradingPartnership,
                _ => OrganisationNumberGroup.Unassigned,
            };
        }
    }

    private long Number => _value - 1;

    /// <summary>Parses an organisation number as written on a page.</summary>
    /// <param name="text">The number, such as <c>212000-4128</c>.</param>
    /// <returns>The number, or the failure with its index in <paramref name="text"/>.</returns>
    public static FieldParseResult<SwedishOrganisationNumber> Parse(ReadOnlySpan<char> text) => FieldSyntax<SwedishOrganisationNumber>.Parse(text);

    /// <summary>Parses an organisation number as written on a page.</summary>
    /// <param name="text">The number.</param>
    /// <param name="number">The number, or <c>default</c> when rejected.</param>
    /// <returns>Whether <paramref name="text"/> is a valid organisation number.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out SwedishOrganisationNumber number) => FieldSyntax<SwedishOrganisationNumber>.TryParse(text, out number);

    /// <summary>Parses an organisation number from UTF-8 bytes, exactly as <see cref="Parse(ReadOnlySpan{char})"/> parses text.</summary>
    /// <param name="utf8">The number as UTF-8.</param>
    /// <returns>The number, or the failure with its <em>byte</em> index.</returns>
    public static FieldParseResult<SwedishOrganisationNumber> Parse(ReadOnlySpan<byte> utf8) => FieldSyntax<SwedishOrganisationNumber>.Parse(utf8);

    /// <summary>Parses an organisation number from UTF-8 bytes.</summary>
    /// <param name="utf8">The number as UTF-8.</param>
    /// <param name="number">The number, or <c>default</c> when rejected.</param>
    /// <returns>Whether the bytes are a valid organisation number.</returns>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out SwedishOrganisationNumber number) => FieldSyntax<SwedishOrganisationNumber>.TryParse(utf8, out number);

    /// <summary>Parses as <see cref="Parse(ReadOnlySpan{char})"/> does, throwing on rejection.</summary>
    /// <param name="s">The number as written.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>The number.</returns>
    /// <exception cref="FormatException">Not a valid organisation number; the message gives the reason and the index.</exception>
    static SwedishOrganisationNumber ISpanParsable<SwedishOrganisationNumber>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s).GetValueOrThrow();

    /// <summary>Parses as <see cref="Parse(ReadOnlySpan{char})"/> does, throwing on rejection.</summary>
    /// <param name="s">The number as written.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>The number.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">Not a valid organisation number.</exception>
    static SwedishOrganisationNumber IParsable<SwedishOrganisationNumber>.Parse(string s, IFormatProvider? provider) => FieldSyntax<SwedishOrganisationNumber>.Parse(s);

    /// <summary>Parses UTF-8 as <see cref="Parse(ReadOnlySpan{byte})"/> does, throwing on rejection.</summary>
    /// <param name="utf8Text">The number as UTF-8.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>The number.</returns>
    /// <exception cref="FormatException">Not a valid organisation number.</exception>
    static SwedishOrganisationNumber IUtf8SpanParsable<SwedishOrganisationNumber>.Parse(ReadOnlySpan<byte> utf8Text, IFormatProvider? provider) => Parse(utf8Text).GetValueOrThrow();

    /// <summary>Tries to parse text.</summary>
    /// <param name="s">The number as written.</param>
    /// <param name="provider">Ignored.</param>
    /// <param name="result">The number, or <c>default</c>.</param>
    /// <returns>Whether the text is a valid organisation number.</returns>
    static bool ISpanParsable<SwedishOrganisationNumber>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out SwedishOrganisationNumber result) => TryParse(s, out result);

    /// <summary>Tries to parse text; <see langword="null"/> is rejected.</summary>
    /// <param name="s">The number as written.</param>
    /// <param name="provider">Ignored.</param>
    /// <param name="result">The number, or <c>default</c>.</param>
    /// <returns>Whether the text is a valid organisation number.</returns>
    static bool IParsable<SwedishOrganisationNumber>.TryParse([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? s, IFormatProvider? provider, out SwedishOrganisationNumber result) => FieldSyntax<SwedishOrganisationNumber>.TryParse(s, out result);

    /// <summary>Tries to parse UTF-8.</summary>
    /// <param name="utf8Text">The number as UTF-8.</param>
    /// <param name="provider">Ignored.</param>
    /// <param name="result">The number, or <c>default</c>.</param>
    /// <returns>Whether the bytes are a valid organisation number.</returns>
    static bool IUtf8SpanParsable<SwedishOrganisationNumber>.TryParse(ReadOnlySpan<byte> utf8Text, IFormatProvider? provider, out SwedishOrganisationNumber result) => TryParse(utf8Text, out result);

    /// <summary>Formats the number: <c>N</c> (or <c>null</c>/empty) for <c>212000-4128</c>, <c>D</c> for <c>2120004128</c>.</summary>
    /// <param name="format">The format.</param>
    /// <param name="formatProvider">Ignored.</param>
    /// <returns>The text; empty for <c>default</c>.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is neither <c>N</c> nor <c>D</c>.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        Span<char> buffer = stackalloc char[11];
        var ok = TryFormat(buffer, out var written, format, formatProvider);
        System.Diagnostics.Debug.Assert(ok, "11 characters fit every number");
        return buffer[..written].ToString();
    }

    /// <summary>The number with its hyphen, <c>212000-4128</c>; empty for <c>default</c>.</summary>
    /// <returns>The <c>N</c> format.</returns>
    public override string ToString() => ToString(null, null);

    /// <summary>Formats into a buffer without allocating; see <see cref="ToString(string?, IFormatProvider?)"/> for the formats.</summary>
    /// <param name="destination">Where to write; 11 characters always suffice.</param>
    /// <param name="charsWritten">The number of characters written.</param>
    /// <param name="format"><c>N</c> or <c>D</c>.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>Whether the text fitted.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is neither <c>N</c> nor <c>D</c>.</exception>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        var hyphen = format switch
        {
            "" or "N" => true,
            "D" => false,
            _ => throw new FormatException($"'{format}' is not an organisation number format: use N or D."),
        };
        charsWritten = 0;
        if (_value == 0)
        {
            return true;
        }

        var length = hyphen ? 11 : 10;
        if (destination.Length < length)
        {
            return false;
        }

        Number.TryFormat(destination, out _, "D10", CultureInfo.InvariantCulture);
        if (hyphen)
        {
            destination.Slice(6, 4).CopyTo(destination[7..]);
            destination[6] = '-';
        }

        charsWritten = length;
        return true;
    }

    /// <summary>Formats as UTF-8 into a buffer without allocating; see <see cref="ToString(string?, IFormatProvider?)"/> for the formats.</summary>
    /// <param name="utf8Destination">Where to write.</param>
    /// <param name="bytesWritten">The number of bytes written.</param>
    /// <param name="format"><c>N</c> or <c>D</c>.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>Whether the text fitted.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is neither <c>N</c> nor <c>D</c>.</exception>
    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        Span<char> buffer = stackalloc char[11];
        var ok = TryFormat(buffer, out var written, format, provider);
        System.Diagnostics.Debug.Assert(ok, "11 characters fit every number");
        return Utf8Input.TryWrite(buffer[..written], utf8Destination, out bytesWritten);
    }

    /// <inheritdoc />
    static FieldParseError IFieldSyntax<SwedishOrganisationNumber>.ParseCore(ReadOnlySpan<char> text, out SwedishOrganisationNumber value, out int errorIndex) => ParseCore(text, out value, out errorIndex);

    private static FieldParseError ParseCore(ReadOnlySpan<char> text, out SwedishOrganisationNumber number, out int errorIndex)
    {
        number = default;
        var start = TextChars.SkipSpaces(text, 0);
        var end = text.Length;
        while (end > start && TextChars.IsSpace(text[end - 1]))
        {
            end--;
        }

        errorIndex = start;
        if (start == end)
        {
            errorIndex = 0;
            return FieldParseError.Empty;
        }

        // Digits, with at most one separator (hyphen or space) and only before the last four digits.
        long digits = 0;
        var count = 0;
        var separatorAt = -1;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                if (++count > 12)
                {
                    errorIndex = i;
                    return FieldParseError.InvalidOrganisationNumber;
                }

                digits = (digits * 10) + (c - '0');
            }
            else if ((c == '-' || c == '\u2010' || c == '\u2011' || TextChars.IsGroupSeparator(c)) && separatorAt < 0 && count > 0)
            {
                separatorAt = count;
            }
            else
            {
                errorIndex = i;
                return char.IsAsciiDigit(c) || c == '-' || TextChars.IsGroupSeparator(c) ? FieldParseError.InvalidOrganisationNumber : FieldParseError.UnexpectedCharacter;
            }
        }

        if (count == 12)
        {
            if (digits / 10_000_000_000 != 16)
            {
                return FieldParseError.InvalidOrganisationNumber; // 12 digits are only "16" + the number
            }

            digits %= 10_000_000_000;
            separatorAt = separatorAt < 0 ? -1 : separatorAt - 2;
        }
        else if (count != 10)
        {
            return FieldParseError.InvalidOrganisationNumber;
        }

        if (separatorAt >= 0 && separatorAt != 6)
        {
            return FieldParseError.InvalidOrganisationNumber;
        }

        if (!HasValidCheckDigit(digits))
        {
            errorIndex = end - 1;
            return FieldParseError.InvalidCheckDigit;
        }

        number = new SwedishOrganisationNumber(digits);
        errorIndex = -1;
        return FieldParseError.None;
    }

    /// <summary>The Luhn check: the first nine digits weighted 2, 1, 2 …, the digits of the products summed, and the tenth digit makes the sum a multiple of ten.</summary>
    private static bool HasValidCheckDigit(long digits)
    {
        var check = (int)(digits % 10);
        var rest = digits / 10;
        var sum = 0;
        for (var position = 0; position < 9; position++)
        {
            var digit = (int)(rest % 10);
            rest /= 10;
            var product = position % 2 == 0 ? digit * 2 : digit; // the ninth digit (rightmost of the nine) has weight 2
            sum += product > 9 ? product - 9 : product;
        }

        return (10 - (sum % 10)) % 10 == check;
    }

    /// <inheritdoc />
    public bool Equals(SwedishOrganisationNumber other) => _value == other._value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SwedishOrganisationNumber other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value.GetHashCode();

    /// <summary>Compares as <see cref="Equals(SwedishOrganisationNumber)"/> does.</summary>
    /// <param name="left">The first number.</param>
    /// <param name="right">The second number.</param>
    /// <returns>Whether they are the same number.</returns>
    public static bool operator ==(SwedishOrganisationNumber left, SwedishOrganisationNumber right) => left.Equals(right);

    /// <summary>Compares as <see cref="Equals(SwedishOrganisationNumber)"/> does.</summary>
    /// <param name="left">The first number.</param>
    /// <param name="right">The second number.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(SwedishOrganisationNumber left, SwedishOrganisationNumber right) => !left.Equals(right);
}
