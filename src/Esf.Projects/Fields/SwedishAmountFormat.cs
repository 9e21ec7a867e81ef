namespace Esf.Projects.Fields;

/// <summary>The unit <see cref="SwedishAmount.Format"/> writes.</summary>
public enum SwedishAmountUnit
{
    /// <summary><c>3 493 248 kr</c> — the project bank's own form. Other currencies get their ISO code instead.</summary>
    Kr = 0,

    /// <summary><c>3 493 248 kronor</c>. Other currencies get their ISO code instead.</summary>
    Kronor,

    /// <summary><c>3 493 248 SEK</c>: the ISO code after the number.</summary>
    CodeAfter,

    /// <summary><c>SEK 3 493 248</c>: the ISO code before the number.</summary>
    CodeBefore,

    /// <summary>No unit: <c>3 493 248</c>. The currency is lost, so only SEK amounts read back equal.</summary>
    None,
}

/// <summary>When <see cref="SwedishAmount.Format"/> writes öre.</summary>
public enum SwedishAmountDecimals
{
    /// <summary>Whole kronor without decimals (<c>1 234 kr</c>), anything else with two öre digits (<c>1 234,50 kr</c>) or as many as the value needs.</summary>
    Auto = 0,

    /// <summary>Always at least two decimals: <c>1 234,00 kr</c>.</summary>
    Always,
}

/// <summary>How <see cref="SwedishAmount.Format"/> writes an amount. Immutable; <see cref="Default"/> gives <c>3 493 248 kr</c> with U+00A0.</summary>
/// <remarks>
/// Every combination writes text that <see cref="SwedishAmount.Parse(ReadOnlySpan{char})"/> reads back to an equal
/// <see cref="Money"/> (except <see cref="SwedishAmountUnit.None"/> for a currency other than SEK), provided the
/// amount is in whole öre. An amount with finer precision (<c>0,125</c>) is written with all its decimals, which the
/// parser rejects as <see cref="FieldParseError.TooManyDecimals"/>: no rounding happens behind your back.
/// </remarks>
public sealed record SwedishAmountFormat
{
    private readonly char _groupSeparator = '\u00A0';

    /// <summary>U+00A0 between groups and before the unit, unit <c>kr</c>, öre only when there are some.</summary>
    public static SwedishAmountFormat Default { get; } = new();

    /// <summary>
    /// The character between thousands groups, also used before the unit: U+00A0 (default), U+0020, U+202F or U+2009;
    /// <c>'\0'</c> writes the digits ungrouped (and U+00A0 before the unit).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to any other character.</exception>
    public char GroupSeparator
    {
        get => _groupSeparator;
        init => _groupSeparator = value == '\0' || TextChars.IsGroupSeparator(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "The group separator must be U+0020, U+00A0, U+202F, U+2009 or '\\0' (no grouping).");
    }

    /// <summary>The unit written; <see cref="SwedishAmountUnit.Kr"/> by default.</summary>
    public SwedishAmountUnit Unit { get; init; }

    /// <summary>When öre are written; <see cref="SwedishAmountDecimals.Auto"/> by default.</summary>
    public SwedishAmountDecimals Decimals { get; init; }
}
