using System.Globalization;

namespace Esf.Projects.Fields;

/// <summary>An amount of money in one currency, with the exact decimal value the page states.</summary>
/// <remarks>
/// The currency is an ISO 4217 code; pages of the Swedish project bank are always in SEK, but the type is not
/// tied to it. <c>default(Money)</c> is zero SEK. Equality compares the decimal values (so <c>1 234,50</c> equals
/// <c>1 234,5</c>) and the currency codes ordinally. Immutable and thread-safe.
/// </remarks>
public readonly struct Money : IEquatable<Money>, IComparable<Money>
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

    /// <summary>Formats as the invariant number followed by the currency code, such as <c>3493248 SEK</c>; culture-independent.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Amount.ToString(CultureInfo.InvariantCulture) + " " + Currency;

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
