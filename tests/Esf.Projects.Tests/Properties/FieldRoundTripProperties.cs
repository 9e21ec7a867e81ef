using System.Text;
using CsCheck;
using Esf.Projects.Fields;
using NodaTime;

namespace Esf.Projects.Tests.Properties;

/// <summary>
/// Round trips of the field parsers, over generated values: parse(format(x)) == x for every value the format can
/// carry, and format(parse(s)) is a fixed point for every accepted s.
/// </summary>
public class FieldRoundTripProperties
{
    /// <summary>SEK mostly; other ISO-shaped codes too, except <c>MKR</c> and <c>TKR</c>, which read as the units Mkr and tkr (no ISO code is spelt so).</summary>
    private static readonly Gen<string> Currency = Gen.Frequency(
        (8, Gen.Const("SEK")),
        (1, Gen.OneOf("EUR", "NOK", "USD")),
        (1, Gen.Char['A', 'Z'].Array[3].Select(c => new string(c)).Where(c => c is not ("MKR" or "TKR"))));

    /// <summary>Amounts in whole öre over all of decimal's range: any 96-bit mantissa with scale 0 to 2, plus everyday sizes.</summary>
    private static readonly Gen<decimal> Amount = Gen.Frequency(
        (1, Gen.Select(Gen.Int, Gen.Int, Gen.Int, Gen.Bool, Gen.Int[0, 2], (lo, mid, hi, negative, scale) => new decimal(lo, mid, hi, negative, (byte)scale))),
        (3, Gen.Select(Gen.Long[-100_000_000_000L, 100_000_000_000L], Gen.Int[0, 2], (units, scale) => new decimal(units) / (scale == 0 ? 1m : scale == 1 ? 10m : 100m))));

    private static readonly Gen<SwedishAmountFormat> Format = Gen.Select(
        Gen.OneOf('\u00A0', ' ', '\u202F', '\u2009', '\0'),
        Gen.Enum<SwedishAmountUnit>(),
        Gen.Enum<SwedishAmountDecimals>(),
        (separator, unit, decimals) => new SwedishAmountFormat { GroupSeparator = separator, Unit = unit, Decimals = decimals });

    [Fact]
    public void Amount_parse_of_format_is_the_value() =>
        Gen.Select(Amount, Currency, Format).Sample((amount, currency, format) =>
        {
            var money = new Money(amount, currency);
            var text = SwedishAmount.Format(money, format);
            var expected = format.Unit == SwedishAmountUnit.None ? Money.Sek(amount) : money;

            var parsed = SwedishAmount.Parse(text);
            Assert.True(parsed.Success, $"'{text}': {parsed.Message}");
            Assert.Equal(expected, parsed.Value);

            Span<byte> utf8 = stackalloc byte[256];
            Assert.True(SwedishAmount.TryFormat(money, utf8, out var written, format));
            Assert.Equal(text, Encoding.UTF8.GetString(utf8[..written]));
            Assert.Equal(expected, SwedishAmount.Parse(utf8[..written]).Value);
        }, iter: PropertyRuns.Iterations);

    /// <summary>Amount-like text: sign, SEK prefix, grouped or plain digits, öre, unit (scaled or not) in any case — accepted or not.</summary>
    private static readonly Gen<string> AmountText = Gen.Select(
        Gen.OneOf("", "-", "\u2212", "- "),
        Gen.Frequency((9, Gen.Const("")), (1, Gen.Const("SEK "))),
        Gen.Char['0', '9'].Array[1, 16].Select(d => new string(d)),
        Gen.OneOf('\0', ' ', '\u00A0', '\u202F', '\u2009'),
        Gen.OneOf("", "", ",5", ",50", ",05", ",-", ":-", ",123"),
        Gen.OneOf("", " kr", "\u00A0kr", "kr", " kr.", " kronor", " SEK", " tkr", " Mkr", " MSEK", " mnkr", " milj. kr", " miljoner kronor", " mdkr", " miljarder kronor", " EUR", " KR", " MKR"),
        (sign, prefix, digits, separator, ore, unit) =>
        {
            var number = new StringBuilder(digits.TrimStart('0').PadLeft(1, '0'));
            if (separator != '\0')
            {
                for (var k = number.Length - 3; k > 0; k -= 3)
                {
                    number.Insert(k, separator);
                }
            }

            return prefix + sign + number + ore + (prefix.Length > 0 ? "" : unit);
        });

    [Fact]
    public void Amount_format_of_parse_is_a_fixed_point()
    {
        var accepted = 0L;
        AmountText.Sample(text =>
        {
            if (!SwedishAmount.TryParse(text, out var money))
            {
                return;
            }

            Interlocked.Increment(ref accepted);
            var once = SwedishAmount.Format(money);
            var again = SwedishAmount.Parse(once);
            Assert.True(again.Success, $"'{text}' → '{once}': {again.Message}");
            Assert.Equal(money, again.Value);
            Assert.Equal(once, SwedishAmount.Format(again.Value));
        }, iter: PropertyRuns.Iterations);

        Assert.True(accepted > PropertyRuns.Iterations / 4, $"only {accepted} generated amounts were accepted");
    }

    private static readonly Gen<LocalDate> Date = Gen.Select(Gen.Int[1, 9999], Gen.Int[1, 12], Gen.Int[1, 31], (y, m, d) =>
        new LocalDate(y, m, Math.Min(d, CalendarSystem.Iso.GetDaysInMonth(y, m))));

    [Fact]
    public void Date_range_parse_of_format_is_the_interval() =>
        Gen.Select(Date, Gen.Int[0, 4000], Gen.Enum<SwedishDateStyle>()).Sample((start, days, style) =>
        {
            var end = start.Year < 9989 ? start.PlusDays(days) : start;
            var interval = new DateInterval(start, end);
            var text = SwedishDateRange.Format(interval, style);

            var parsed = SwedishDateRange.Parse(text);
            Assert.True(parsed.Success, $"'{text}': {parsed.Message}");
            Assert.Equal(interval, parsed.Value);
            Assert.Equal(interval, SwedishDateRange.Parse(Encoding.UTF8.GetBytes(text)).Value);
        }, iter: PropertyRuns.Iterations);

    private static readonly string[] Separators = [" till ", "–", " – ", "-", " - ", " — ", " t.o.m. ", " till och med ", "\u00A0till\u00A0"];
    private static readonly string[] Months = ["januari", "Februari", "MARS", "apr", "maj", "juni", "jul.", "augusti", "sept", "okt", "november", "dec"];

    [Fact]
    public void Date_range_format_of_parse_is_a_fixed_point()
    {
        var accepted = 0L;
        Gen.Select(Date, Date, Gen.Int[0, Separators.Length - 1], Gen.Int[0, 3]).Sample((a, b, separator, layout) =>
        {
            string Iso(LocalDate d) => d.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            string Long(LocalDate d, bool year) => $"{d.Day} {Months[d.Month - 1]}" + (year ? $" {d.Year:D4}" : "");
            var text = layout switch
            {
                0 => Iso(a) + Separators[separator] + Iso(b),
                1 => Long(a, true) + Separators[separator] + Long(b, true),
                2 => Long(a, false) + " till " + Long(b, true),
                _ => Iso(a) + " till " + Long(b, true),
            };

            if (!SwedishDateRange.TryParse(text, out LocalDate start, out LocalDate end))
            {
                return;
            }

            Interlocked.Increment(ref accepted);
            var once = SwedishDateRange.Format(new DateInterval(start, end));
            var again = SwedishDateRange.Parse(once);
            Assert.True(again.Success, $"'{text}' → '{once}': {again.Message}");
            Assert.Equal(new DateInterval(start, end), again.Value);
            Assert.Equal(once, SwedishDateRange.Format(again.Value));
        }, iter: PropertyRuns.Iterations);

        Assert.True(accepted > PropertyRuns.Iterations / 4, $"only {accepted} generated ranges were accepted");
    }

    [Fact]
    public void Phone_number_parses_back_from_both_formats() =>
        Gen.Select(Gen.Int[1, 9], Gen.Char['0', '9'].Array[6, 8]).Sample((first, rest) =>
        {
            var tail = new string(rest);
            var digits = first + (first == 7 ? (tail + "00")[..8] : tail);
            var number = SwedishPhoneNumber.Parse("0" + digits).GetValueOrThrow();

            Assert.Equal("+46" + digits, number.E164);
            Assert.Equal(number, SwedishPhoneNumber.Parse(number.ToString("E", null)).Value);
            Assert.Equal(number, SwedishPhoneNumber.Parse(number.ToString("N", null)).Value);
            Assert.Equal(number, SwedishPhoneNumber.Parse(Encoding.UTF8.GetBytes(number.ToString("N", null))).Value);
        }, iter: PropertyRuns.Iterations);
}
