using System.Text;
using Esf.Projects.Fields;

namespace Esf.Projects.Tests.Fields;

public class SwedishAmountTests
{
    public static TheoryData<string, decimal> Accepted => new()
    {
        { "3\u00A0493\u00A0248 kr", 3493248m },
        { "3 493 248 kr", 3493248m },
        { "3\u202F493\u202F248 kr", 3493248m },
        { "3\u2009493\u2009248 kr", 3493248m },
        { "3493248 kr", 3493248m },
        { "3493248", 3493248m },
        { "3 493 248", 3493248m },
        { "1 234,50 kr", 1234.50m },
        { "1 234,5 kr", 1234.5m },
        { "1 234,- kr", 1234m },
        { "1 234:-", 1234m },
        { "100 kronor", 100m },
        { "100 SEK", 100m },
        { "SEK 100", 100m },
        { "SEK 1 000 000", 1000000m },
        { "100 kr.", 100m },
        { "100kr", 100m },
        { "12 KR", 12m },
        { "-5 000 kr", -5000m },
        { "\u22125 000 kr", -5000m },
        { "- 5 000 kr", -5000m },
        { "150 tkr", 150000m },
        { "5 tusen kronor", 5000m },
        { "1,5 Mkr", 1500000m },
        { "3,5 miljoner kronor", 3500000m },
        { "3,5\u00A0miljoner\u00A0kronor", 3500000m },
        { "2 MSEK", 2000000m },
        { "12 mnkr", 12000000m },
        { "4 milj. kr", 4000000m },
        { "3,125 Mkr", 3125000m },
        { "1,25 mdkr", 1250000000m },
        { "2 miljarder kronor", 2000000000m },
        { "0 kr", 0m },
        { "  411\u00A0601 kr  ", 411601m },
        { "1 000 000,99 SEK", 1000000.99m },
        { "79 228 162 514 264 337 593 543 950 335", decimal.MaxValue },
        { "-79228162514264337593543950335 kr", decimal.MinValue },
        { "999", 999m },
        { "7 922 816 225 601 021 926 799 572 992,40 kr", 7922816225601021926799572992.4m },
    };

    public static TheoryData<string, FieldParseError, int> Rejected => new()
    {
        { "", FieldParseError.Empty, 0 },
        { "   ", FieldParseError.Empty, 0 },
        { "kr", FieldParseError.NoDigits, 0 },
        { "abc", FieldParseError.NoDigits, 0 },
        { "kr 100", FieldParseError.NoDigits, 0 },
        { "+100", FieldParseError.NoDigits, 0 },
        { "--5", FieldParseError.NoDigits, 1 },
        { "12 34", FieldParseError.MisplacedGroupSeparator, 3 },
        { "1 2345", FieldParseError.MisplacedGroupSeparator, 2 },
        { "1234 567", FieldParseError.MisplacedGroupSeparator, 4 },
        { "1 234 56 kr", FieldParseError.MisplacedGroupSeparator, 6 },
        { "1 234\u00A0567", FieldParseError.MixedGroupSeparators, 5 },
        { "1\u202F234\u2009567 kr", FieldParseError.MixedGroupSeparators, 5 },
        { "1.234", FieldParseError.AmbiguousDecimalPoint, 1 },
        { "1 234.50 kr", FieldParseError.AmbiguousDecimalPoint, 5 },
        { "1 234,567 kr", FieldParseError.TooManyDecimals, 8 },
        { "12,345", FieldParseError.TooManyDecimals, 5 },
        { "1,123456789 Mkr", FieldParseError.TooManyDecimals, 10 },
        { "100 kr extra", FieldParseError.UnexpectedCharacter, 7 },
        { "100 euro", FieldParseError.UnexpectedCharacter, 4 },
        { "100 kr 200", FieldParseError.UnexpectedCharacter, 7 },
        { "1 234,", FieldParseError.UnexpectedCharacter, 5 },
        { "SEK 100 kr", FieldParseError.UnexpectedCharacter, 8 },
        { "1,5 kr kr", FieldParseError.UnexpectedCharacter, 7 },
        { "5 %", FieldParseError.UnexpectedCharacter, 2 },
        { "100 krona", FieldParseError.UnexpectedCharacter, 4 },
        { "79 228 162 514 264 337 593 543 950 336", FieldParseError.Overflow, 0 },
        { "100000000000000000000000000000000000000000", FieldParseError.Overflow, 0 },
        { "1 000 000 000 000 000 000 000 000 mdkr", FieldParseError.Overflow, 0 },
        { "kr 3 493 248", FieldParseError.NoDigits, 0 },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Accepts(string text, decimal expected)
    {
        var result = SwedishAmount.Parse(text);

        Assert.True(result.Success, result.Message);
        Assert.Equal(expected, result.Value.Amount);
        Assert.Equal("SEK", result.Value.Currency);
        Assert.Equal(FieldParseError.None, result.Error);
        Assert.Equal(-1, result.ErrorIndex);
        Assert.True(SwedishAmount.TryParse(text, out var value));
        Assert.Equal(result.Value, value);
        var utf8 = Encoding.UTF8.GetBytes(text);
        Assert.Equal(result.Value, SwedishAmount.Parse(utf8).Value);
        Assert.True(SwedishAmount.TryParse(utf8, out var fromBytes));
        Assert.Equal(result.Value, fromBytes);
        Assert.Equal(result.Value, Parsable.Parse<Money>(text));
        Assert.Equal(result.Value, Parsable.ParseSpan<Money>(text));
        Assert.Equal(result.Value, Parsable.ParseUtf8<Money>(utf8));
    }

    [Theory]
    [MemberData(nameof(Rejected))]
    public void Rejects_with_reason_and_position(string text, FieldParseError error, int index)
    {
        var result = SwedishAmount.Parse(text);

        Assert.False(result.Success);
        Assert.Equal(error, result.Error);
        Assert.Equal(index, result.ErrorIndex);
        Assert.False(SwedishAmount.TryParse(text, out var value));
        Assert.Equal(default, value);
        Assert.Contains($"index {index}", result.Message, StringComparison.Ordinal);
        var utf8 = SwedishAmount.Parse(Encoding.UTF8.GetBytes(text));
        Assert.Equal((error, Encoding.UTF8.GetByteCount(text.AsSpan(0, index))), (utf8.Error, utf8.ErrorIndex));
        Assert.False(Parsable.TryParse<Money>(text, out _));
        Assert.Throws<FormatException>(() => Parsable.Parse<Money>(text));
    }

    [Theory]
    [InlineData("100 EUR", 100, "EUR")]
    [InlineData("EUR 1 234,50", 1234.50, "EUR")]
    [InlineData("-12 NOK", -12, "NOK")]
    [InlineData("5 XYZ", 5, "XYZ")]
    [InlineData("5 MKR", 5000000, "SEK")]
    [InlineData("5 sek", 5, "SEK")]
    public void Reads_other_ISO_currency_codes(string text, decimal amount, string currency) =>
        Assert.Equal(new Money(amount, currency), SwedishAmount.Parse(text).GetValueOrThrow());

    [Theory]
    [InlineData(3493248, "SEK", '\u00A0', SwedishAmountUnit.Kr, SwedishAmountDecimals.Auto, "3\u00A0493\u00A0248\u00A0kr")]
    [InlineData(3493248, "SEK", ' ', SwedishAmountUnit.Kronor, SwedishAmountDecimals.Auto, "3 493 248 kronor")]
    [InlineData(3493248, "SEK", '\u202F', SwedishAmountUnit.CodeAfter, SwedishAmountDecimals.Auto, "3\u202F493\u202F248\u202FSEK")]
    [InlineData(3493248, "SEK", '\u2009', SwedishAmountUnit.CodeBefore, SwedishAmountDecimals.Auto, "SEK\u20093\u2009493\u2009248")]
    [InlineData(3493248, "SEK", '\0', SwedishAmountUnit.None, SwedishAmountDecimals.Auto, "3493248")]
    [InlineData(1234.5, "SEK", ' ', SwedishAmountUnit.Kr, SwedishAmountDecimals.Auto, "1 234,50 kr")]
    [InlineData(1234, "SEK", ' ', SwedishAmountUnit.Kr, SwedishAmountDecimals.Always, "1 234,00 kr")]
    [InlineData(-5000, "SEK", ' ', SwedishAmountUnit.Kr, SwedishAmountDecimals.Auto, "-5 000 kr")]
    [InlineData(0.125, "SEK", ' ', SwedishAmountUnit.Kr, SwedishAmountDecimals.Auto, "0,125 kr")]
    [InlineData(999, "EUR", ' ', SwedishAmountUnit.Kr, SwedishAmountDecimals.Auto, "999 EUR")]
    [InlineData(1000, "EUR", ' ', SwedishAmountUnit.CodeBefore, SwedishAmountDecimals.Auto, "EUR 1 000")]
    public void Formats_with_options(double amount, string currency, char separator, SwedishAmountUnit unit, SwedishAmountDecimals decimals, string expected)
    {
        var format = new SwedishAmountFormat { GroupSeparator = separator, Unit = unit, Decimals = decimals };
        var money = new Money((decimal)amount, currency);

        Assert.Equal(expected, SwedishAmount.Format(money, format));
        Assert.False(SwedishAmount.TryFormat(money, new char[expected.Length - 1], out var written, format));
        Assert.Equal(0, written);
        Assert.False(SwedishAmount.TryFormat(money, new byte[expected.Length - 1], out _, format));
    }

    [Fact]
    public void Sub_öre_amounts_are_written_in_full_and_rejected_on_reading() =>
        Assert.Equal(FieldParseError.TooManyDecimals, SwedishAmount.Parse(SwedishAmount.Format(Money.Sek(0.125m))).Error);

    [Fact]
    public void Format_options_reject_a_separator_that_is_not_a_space() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SwedishAmountFormat { GroupSeparator = '.' });

    [Fact]
    public void Money_formats_through_the_standard_interfaces()
    {
        var money = Money.Sek(3493248m);

        Assert.Equal("3\u00A0493\u00A0248\u00A0kr", money.ToString());
        Assert.Equal("3\u00A0493\u00A0248\u00A0kr", $"{money}");
        Assert.Equal("3\u00A0493\u00A0248\u00A0SEK", money.ToString("C", null));
        Assert.Equal("3\u00A0493\u00A0248", money.ToString("N", null));
        Assert.Equal("3493248 SEK", money.ToString("I", null));
        Assert.Throws<FormatException>(() => money.ToString("X", null));
        Span<byte> utf8 = stackalloc byte[32];
        Assert.True(money.TryFormat(utf8, out var written, "G", null));
        Assert.Equal("3\u00A0493\u00A0248\u00A0kr", Encoding.UTF8.GetString(utf8[..written]));
        Assert.Equal(Parsable.Parse<Money>("1 234,50 kr"), Money.Sek(1234.5m));
    }

    [Fact]
    public void Invalid_utf8_is_reported_at_its_byte()
    {
        byte[] bytes = [(byte)'1', 0xC2, (byte)'2'];

        var result = SwedishAmount.Parse(bytes);

        Assert.Equal((FieldParseError.InvalidUtf8, 1), (result.Error, result.ErrorIndex));
    }

    [Fact]
    public void Keeps_the_öre_precision_as_written()
    {
        Assert.Equal(2, SwedishAmount.Parse("1 234,50 kr").Value.Amount.Scale);
        Assert.Equal(0, SwedishAmount.Parse("1,5 Mkr").Value.Amount.Scale);
    }

    [Fact]
    public void Failure_throws_only_when_asked()
    {
        var result = SwedishAmount.Parse("12 34");

        var exception = Assert.Throws<FormatException>(() => result.GetValueOrThrow());
        Assert.Contains("three digits", exception.Message, StringComparison.Ordinal);
        Assert.False(result.TryGetValue(out _));
        Assert.Equal(result.Message, result.ToString());
    }

    [Fact]
    public void Default_result_is_an_empty_failure()
    {
        var result = default(FieldParseResult<Money>);

        Assert.False(result.Success);
        Assert.Equal(default, result.Value);
    }
}
