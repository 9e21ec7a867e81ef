using CsCheck;
using Esf.Projects.Fields;
using Esf.Projects.Tests.Properties;
using NodaTime;

namespace Esf.Projects.Tests.Fields;

/// <summary>The fast paths for the common shapes agree with the general parsers, which define the formats.</summary>
public class FastPathTests
{
    [Theory]
    [InlineData("3\u00A0493\u00A0248 kr")]
    [InlineData("411 601 kr")]
    [InlineData("3493248")]
    [InlineData("1 234,50 SEK")]
    [InlineData("12\u202F000\u00A0kr")]
    public void The_seeds_amount_shapes_take_the_fast_path(string text) =>
        Assert.True(SwedishAmount.TryParseCommon(text, out _));

    [Theory]
    [InlineData("2012-02-01 till 2014-09-30")]
    [InlineData("2016-08-01-2019-03-31")]
    [InlineData("2016-08-01 \u2013 2019-03-31")]
    public void The_seeds_period_shapes_take_the_fast_path(string text) =>
        Assert.True(SwedishDateRange.TryParseCommon(text, out LocalDate _, out LocalDate _));

    /// <summary>Amount-like text built from the characters that matter, many of them malformed.</summary>
    private static readonly Gen<string> AmountLike = Gen.OneOf(
        Gen.Char[" 0123456789,.-\u00A0\u202F\u2009krSEKk"].Array[0, 20].Select(c => new string(c)),
        Gen.Select(Gen.Long[0, long.MaxValue], Gen.OneOf(" ", "\u00A0", "\u202F", ""), Gen.OneOf("", ",5", ",50", ",505", ","), Gen.OneOf("", " kr", "kr", "\u00A0kr", " SEK", " sek", " KR", " kr "), (n, sep, ore, unit) =>
            n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture).Replace(",", sep, StringComparison.Ordinal) + ore + unit));

    [Fact]
    public void Amount_fast_path_agrees_with_the_general_parser() =>
        AmountLike.Sample(text =>
        {
            var general = SwedishAmount.ParseGeneral(text, out var expected, out _);
            if (SwedishAmount.TryParseCommon(text, out var fast))
            {
                Assert.Equal(FieldParseError.None, general);
                Assert.Equal(expected, fast);
                Assert.Equal(expected.Amount.Scale, fast.Amount.Scale);
            }
        }, iter: PropertyRuns.Iterations);

    private static readonly Gen<string> DateLike = Gen.OneOf(
        Gen.Char["0123456789- \u2013till"].Array[18, 28].Select(c => new string(c)),
        Gen.Select(Gen.Int[0, 9999], Gen.Int[0, 13], Gen.Int[0, 32], Gen.Int[0, 9999], Gen.Int[0, 13], Gen.Int[0, 32], Gen.OneOf(" till ", "-", "\u2013", " \u2013 ", " - ", "  till ", "/"),
            (y1, m1, d1, y2, m2, d2, sep) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{y1:D4}-{m1:D2}-{d1:D2}{sep}{y2:D4}-{m2:D2}-{d2:D2}")));

    [Fact]
    public void Date_range_fast_path_agrees_with_the_general_parser() =>
        DateLike.Sample(text =>
        {
            var general = SwedishDateRange.ParseGeneral(text, out var start, out var end, out _);
            if (SwedishDateRange.TryParseCommon(text, out var fastStart, out var fastEnd))
            {
                Assert.Equal(FieldParseError.None, general);
                Assert.Equal((start, end), (fastStart, fastEnd));
            }
        }, iter: PropertyRuns.Iterations);
}
