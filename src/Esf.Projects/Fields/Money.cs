using System.Globalization;

namespace Esf.Projects.Fields;

/// <summary>An amount of money in one currency, with the exact decimal value the page states.</summary>
/// <remarks>
/// The currency is an ISO 4217 code; pages of the Swedish project bank are always in SEK, but the type is not
/// tied to it. <c>default(Money)</c> is zero SEK. Equality compares the decimal values (so <c>1 234,50</c> equals
/// <c>1 234,5</c>) and the currency codes ordinally. Immutable and thread-safe.
/// <para>The .NET parsing and formatting interfaces read and write Swedish text through <see cref="SwedishAmount"/>
/// and ignore the <see cref="IFormatProvider"/>: the format is the same under every culture, on purpose. The parsing
/// interfaces are implemented explicitly (use them through generic code, <c>T.Parse(s, null)</c>), so that no public
/// <c>Parse(…, IFormatProvider)</c> overload makes CA1305 flag your calls to <see cref="SwedishAmount.Parse(ReadOnlySpan{char})"/>.</para>
/// </remarks>
public readonly struct Money : IEquatable<Money>, IComparable<Money>, ISpanFormattable, IUtf8SpanFormattable, ISpanParsable<Money>, IUtf8SpanParsable<Money>, IFieldSyntax<Money>
{
    /// <summary>The currency code used when none is given: <c>SEK</c>.</summary>
    public const string DefaultCurrency = "SEK";

    private readonly string? _currency;

    /// <summary>Creates an amount in the given currency.</summary>
    /// <param name="amount">The amount; negative values are allowed (corrections, repayments).</param>
    /// <param name="currency">An ISO 4217 code: exactly three ASCII upper-case letters.</param>
    /// <exception cref="ArgumentException"><paramref name="currency"/> is not three upper-case ASCII letters.</exception>
    public Money(decimal amount, string currency = DefaultCurrency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        if (currency.Length != 3 || !char.IsAsciiLetterUpper(currency[0]) || !char.IsAsciiLetterUpper(currency[1]) || !char.IsAsciiLetterUpper(currency[2]))
        {
            throw new ArgumentException($"'{currency}' is not an ISO 4217 currency code (three upper-case letters).", nameof(currency));
        }

        Amount = amount;
        _currency = currency == DefaultCurrency ? null : currency;
    }

    /// <summary>Creates an amount without checking the code: for parsers that have already read three upper-case letters.</summary>
    internal Money(decimal amount, string currency, bool trusted)
    {
        System.Diagnostics.Debug.Assert(trusted && currency.Length == 3, "only for codes already checked");
        Amount = amount;
        _currency = ReferenceEquals(currency, DefaultCurrency) ? null : currency;
    }

    /// <summary>The amount in the currency's main unit (kronor for SEK), with öre as decimals.</summary>
    public decimal Amount { get; }

    /// <summary>The ISO 4217 currency code; <c>SEK</c> unless another was given.</summary>
    public string Currency => _currency ?? DefaultCurrency;

    /// <summary>Creates an amount in Swedish kronor.</summary>
    /// <param name="amount">The amount in kronor.</param>
    /// <returns>The amount with currency <c>SEK</c>.</returns>
    public static Money Sek(decimal amount) => new(amount);

    /// <inheritdoc />
    public bool Equals(Money other) => Amount == other.Amount && string.Equals(Currency, other.Currency, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Money other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Amount, Currency);

    /// <summary>Orders by currency code, then by amount.</summary>
    /// <param name="other">The amount to compare with.</param>
    /// <returns>Negative, zero or positive, as for <see cref="IComparable{T}"/>.</returns>
    public int CompareTo(Money other)
    {
        var byCurrency = string.CompareOrdinal(Currency, other.Currency);
        return byCurrency != 0 ? byCurrency : Amount.CompareTo(other.Amount);
    }

    /// <summary>Formats as Swedish text, <c>3 493 248 kr</c> (U+00A0), as <see cref="SwedishAmount.Format"/> does by default.</summary>
    /// <returns>The text; <see cref="SwedishAmount.Parse(ReadOnlySpan{char})"/> reads it back.</returns>
    public override string ToString() => SwedishAmount.Format(this);

    /// <summary>Formats with a standard format: <c>null</c>, <c>""</c> or <c>G</c> for <c>3 493 248 kr</c>; <c>C</c> for
    /// <c>3 493 248 SEK</c>; <c>N</c> for the number alone, <c>3 493 248</c>; <c>I</c> for the invariant machine form,
    /// <c>3493248 SEK</c>.</summary>
    /// <param name="format">One of the format strings above.</param>
    /// <param name="formatProvider">Ignored: the text is the same under every culture.</param>
    /// <returns>The text.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is not one of the above.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        Span<char> buffer = stackalloc char[SwedishAmount.MaxFormattedLength];
        var ok = TryFormat(buffer, out var written, format, formatProvider);
        System.Diagnostics.Debug.Assert(ok, "the buffer fits every amount");
        return buffer[..written].ToString();
    }

    /// <summary>Formats into a buffer with a format from <see cref="ToString(string?, IFormatProvider?)"/>; allocation-free.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="charsWritten">The number of characters written.</param>
    /// <param name="format">A standard format (see <see cref="ToString(string?, IFormatProvider?)"/>).</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>Whether the text fitted.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is not a supported format.</exception>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        if (format is "I")
        {
            var ok = Amount.TryFormat(destination, out var written, default, CultureInfo.InvariantCulture);
            if (ok && written + 4 <= destination.Length)
            {
                destination[written] = ' ';
                Currency.CopyTo(destination[(written + 1)..]);
                charsWritten = written + 4;
                return true;
            }

            charsWritten = 0;
            return false;
        }

        return SwedishAmount.TryFormat(this, destination, out charsWritten, StandardFormat(format));
    }

    /// <summary>Formats as UTF-8 into a buffer with a format from <see cref="ToString(string?, IFormatProvider?)"/>; allocation-free.</summary>
    /// <param name="utf8Destination">Where to write.</param>
    /// <param name="bytesWritten">The number of bytes written.</param>
    /// <param name="format">A standard format (see <see cref="ToString(string?, IFormatProvider?)"/>).</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>Whether the text fitted.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is not a supported format.</exception>
    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        Span<char> buffer = stackalloc char[SwedishAmount.MaxFormattedLength];
        var ok = TryFormat(buffer, out var written, format, provider);
        System.Diagnostics.Debug.Assert(ok, "the buffer fits every amount");
        return Utf8Input.TryWrite(buffer[..written], utf8Destination, out bytesWritten);
    }

    private static readonly SwedishAmountFormat CodeFormat = new() { Unit = SwedishAmountUnit.CodeAfter };
    private static readonly SwedishAmountFormat NumberFormat = new() { Unit = SwedishAmountUnit.None };

    private static SwedishAmountFormat StandardFormat(ReadOnlySpan<char> format) => format switch
    {
        "" or "G" => SwedishAmountFormat.Default,
        "C" => CodeFormat,
        "N" => NumberFormat,
        _ => throw new FormatException($"'{format}' is not a Money format: use G, C, N or I."),
    };

    /// <inheritdoc />
    static FieldParseError IFieldSyntax<Money>.ParseCore(ReadOnlySpan<char> text, out Money value, out int errorIndex) => SwedishAmount.ParseCore(text, out value, out errorIndex);

    /// <summary>Parses Swedish text as <see cref="SwedishAmount.Parse(ReadOnlySpan{char})"/> does.</summary>
    /// <param name="s">The amount as written.</param>
    /// <param name="provider">Ignored: the format is culture-free.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="FormatException">The text is not an accepted amount; the message gives the reason and the index.</exception>
    static Money ISpanParsable<Money>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => FieldSyntax<Money>.Parse(s).GetValueOrThrow();

    /// <summary>Parses Swedish text as <see cref="SwedishAmount.Parse(ReadOnlySpan{char})"/> does.</summary>
    /// <param name="s">The amount as written.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The text is not an accepted amount.</exception>
    static Money IParsable<Money>.Parse(string s, IFormatProvider? provider) => FieldSyntax<Money>.Parse(s);

    /// <summary>Parses UTF-8 text as <see cref="SwedishAmount.Parse(ReadOnlySpan{byte})"/> does.</summary>
    /// <param name="utf8Text">The amount as UTF-8.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="FormatException">The bytes are not an accepted amount.</exception>
    static Money IUtf8SpanParsable<Money>.Parse(ReadOnlySpan<byte> utf8Text, IFormatProvider? provider) => FieldSyntax<Money>.Parse(utf8Text).GetValueOrThrow();

    /// <summary>Tries to parse Swedish text.</summary>
    /// <param name="s">The amount as written.</param>
    /// <param name="provider">Ignored.</param>
    /// <param name="result">The amount, or <c>default</c>.</param>
    /// <returns>Whether the text is an accepted amount.</returns>
    static bool ISpanParsable<Money>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Money result) => FieldSyntax<Money>.TryParse(s, out result);

    /// <summary>Tries to parse Swedish text; <see langword="null"/> is rejected.</summary>
    /// <param name="s">The amount as written.</param>
    /// <param name="provider">Ignored.</param>
    /// <param name="result">The amount, or <c>default</c>.</param>
    /// <returns>Whether the text is an accepted amount.</returns>
    static bool IParsable<Money>.TryParse([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? s, IFormatProvider? provider, out Money result) => FieldSyntax<Money>.TryParse(s, out result);

    /// <summary>Tries to parse UTF-8 text.</summary>
    /// <param name="utf8Text">The amount as UTF-8.</param>
    /// <param name="provider">Ignored.</param>
    /// <param name="result">The amount, or <c>default</c>.</param>
    /// <returns>Whether the bytes are an accepted amount.</returns>
    static bool IUtf8SpanParsable<Money>.TryParse(ReadOnlySpan<byte> utf8Text, IFormatProvider? provider, out Money result) => FieldSyntax<Money>.TryParse(utf8Text, out result);

    /// <summary>Compares two amounts as <see cref="Equals(Money)"/> does.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(Money left, Money right) => left.Equals(right);

    /// <summary>Compares two amounts as <see cref="Equals(Money)"/> does.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(Money left, Money right) => !left.Equals(right);

    /// <summary>Orders as <see cref="CompareTo"/> does.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>Whether <paramref name="left"/> sorts first.</returns>
    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    /// <summary>Orders as <see cref="CompareTo"/> does.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>Whether <paramref name="left"/> sorts last.</returns>
    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    /// <summary>Orders as <see cref="CompareTo"/> does.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>Whether <paramref name="left"/> sorts first or equal.</returns>
    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    /// <summary>Orders as <see cref="CompareTo"/> does.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>Whether <paramref name="left"/> sorts last or equal.</returns>
    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;
}
