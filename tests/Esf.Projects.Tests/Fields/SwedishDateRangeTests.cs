using System.Text;
using Esf.Projects.Fields;
using NodaTime;

namespace Esf.Projects.Tests.Fields;

public class SwedishDateRangeTests
{
    public static TheoryData<string, string, string> Accepted => new()
    {
        { "2012-02-01 till 2014-09-30", "2012-02-01", "2014-09-30" },
        { "2012-02-01 \u2013 2014-09-30", "2012-02-01", "2014-09-30" },
        { "2012-02-01\u20132014-09-30", "2012-02-01", "2014-09-30" },
        { "2012-02-01 \u2014 2014-09-30", "2012-02-01", "2014-09-30" },
        { "2012-02-01 - 2014-09-30", "2012-02-01", "2014-09-30" },
        { "2016-08-01-2019-03-31", "2016-08-01", "2019-03-31" },
        { "2012-02-01 t.o.m. 2014-09-30", "2012-02-01", "2014-09-30" },
        { "2012-02-01 t.o.m 2014-09-30", "2012-02-01", "2014-09-30" },
        { "2012-02-01 till och med 2014-09-30", "2012-02-01", "2014-09-30" },
        { "2012-02-01 TILL 2014-09-30", "2012-02-01", "2014-09-30" },
        { "  2012-02-01   till   2014-09-30  ", "2012-02-01", "2014-09-30" },
        { "2012-01-01\u00A0till\u00A02012-12-31", "2012-01-01", "2012-12-31" },
        { "1 februari 2012 till 30 september 2014", "2012-02-01", "2014-09-30" },
        { "1 Februari 2012 - 30 SEPTEMBER 2014", "2012-02-01", "2014-09-30" },
        { "1 februari till 30 september 2014", "2014-02-01", "2014-09-30" },
        { "1 december till 31 januari 2015", "2014-12-01", "2015-01-31" },
        { "1 feb 2012 \u2013 30 sep 2014", "2012-02-01", "2014-09-30" },
        { "1 okt. 2012 till 31 dec. 2012", "2012-10-01", "2012-12-31" },
        { "1. mars 2013 till 2 april 2013", "2013-03-01", "2013-04-02" },
        { "2012-02-01 till 2012-02-01", "2012-02-01", "2012-02-01" },
        { "1 mars till 1 mars 2014", "2014-03-01", "2014-03-01" }, // same day without a first year: the same year, not the one before
        { "1 mars 2013 till 1 mars 2013", "2013-03-01", "2013-03-01" }, // a one-day range on the general path
        { "1999-09-19 till 2009-09-29", "1999-09-19", "2009-09-29" }, // nines in every digit the fast path checks
        { "2012-02-29 till 2012-03-01", "2012-02-29", "2012-03-01" },
        { "1 maj 2012 till 31 maj 2012", "2012-05-01", "2012-05-31" },
        { "2012-02-01 till 30 juni 2013", "2012-02-01", "2013-06-30" },
        { "2012-02-01 \u2212 2014-09-30", "2012-02-01", "2014-09-30" },
        { "2012-02-01\r\ntill\r\n2014-09-30", "2012-02-01", "2014-09-30" },
        { "2012-02-01 \u2011 2014-09-30", "2012-02-01", "2014-09-30" },
        { "1 jan 2020 till 31 dec 2022", "2020-01-01", "2022-12-31" },
        { "15 augusti 2016 \u2013 14 augusti 2019", "2016-08-15", "2019-08-14" },
        { "\uFEFF2012-02-01 till 2014-09-30", "2012-02-01", "2014-09-30" },
        { "0001-01-01 till 9999-12-31", "0001-01-01", "9999-12-31" },
        { "1 sept. 2014 t.o.m. 31 aug. 2015", "2014-09-01", "2015-08-31" },
    };

    public static TheoryData<string, FieldParseError, int> Rejected => new()
    {
        { "", FieldParseError.Empty, 0 },
        { "2012-02-01", FieldParseError.MissingRangeSeparator, 10 },
        { "2012-02-01 2014-09-30", FieldParseError.MissingRangeSeparator, 10 },
        { "2012-02-01till2014-09-30", FieldParseError.MissingRangeSeparator, 10 },
        { "2012-02-01 / 2014-09-30", FieldParseError.MissingRangeSeparator, 10 },
        { "2014-02-30 till 2014-03-01", FieldParseError.ImpossibleDate, 0 },
        { "2013-02-29 till 2014-03-01", FieldParseError.ImpossibleDate, 0 },
        { "2014-13-01 till 2015-01-01", FieldParseError.ImpossibleDate, 0 },
        { "2012-00-10 till 2013-01-01", FieldParseError.ImpossibleDate, 0 },
        { "2012-01-00 till 2013-01-01", FieldParseError.ImpossibleDate, 0 },
        { "0000-01-01 till 2000-01-01", FieldParseError.ImpossibleDate, 0 },
        { "2014-01-01 till 2014-04-31", FieldParseError.ImpossibleDate, 16 },
        { "31 april 2012 till 1 maj 2012", FieldParseError.ImpossibleDate, 0 },
        { "2014-09-30 till 2012-02-01", FieldParseError.ReversedRange, 16 },
        { "2012-2-1 till 2014-09-30", FieldParseError.InvalidDate, 0 },
        { "12-02-01 till 14-09-30", FieldParseError.InvalidDate, 0 },
        { "till 2014-09-30", FieldParseError.InvalidDate, 0 },
        { "2012-02-01 till", FieldParseError.InvalidDate, 15 },
        { "1 smörgås 2012 till 2 mars 2013", FieldParseError.InvalidDate, 0 },
        { "1 februari till 30 september", FieldParseError.InvalidDate, 16 },
        { "2012-02-01 till 2014-09-30 extra", FieldParseError.UnexpectedCharacter, 27 },
        { "2012-02-01 till 2014-09-30x", FieldParseError.UnexpectedCharacter, 26 },
        { "2012-02-01 till 2014/09/30", FieldParseError.InvalidDate, 16 },
        { "2012-02-01 till 2014-09-31", FieldParseError.ImpossibleDate, 16 },
        { "2012-02-01 till 1 februari", FieldParseError.InvalidDate, 16 },
        { "32 januari 2012 till 1 mars 2012", FieldParseError.ImpossibleDate, 0 },
        { "2012-02-01 till 2012-01-31", FieldParseError.ReversedRange, 16 },
        { "2012-02-01 ~ 2014-09-30", FieldParseError.MissingRangeSeparator, 10 },
        { "20120201 till 20140930", FieldParseError.InvalidDate, 0 },
        { "2012-02-01 till 2014-09-30 till 2015-01-01", FieldParseError.UnexpectedCharacter, 27 },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Accepts(string text, string start, string end)
    {
        var result = SwedishDateRange.Parse(text);

        Assert.True(result.Success, result.Message);
        Assert.Equal(Iso(start), result.Value.Start);
        Assert.Equal(Iso(end), result.Value.End);
        Assert.True(SwedishDateRange.TryParse(text, out LocalDate s, out LocalDate e));
        Assert.Equal((Iso(start), Iso(end)), (s, e));
        Assert.True(SwedishDateRange.TryParse(text, out DateInterval? interval));
        Assert.Equal(result.Value, interval);
        var utf8 = Encoding.UTF8.GetBytes(text);
        Assert.Equal(result.Value, SwedishDateRange.Parse(utf8).Value);
        Assert.True(SwedishDateRange.TryParse(utf8, out LocalDate us, out LocalDate ue));
        Assert.Equal((Iso(start), Iso(end)), (us, ue));
    }

    [Theory]
    [MemberData(nameof(Rejected))]
    public void Rejects_with_reason_and_position(string text, FieldParseError error, int index)
    {
        var result = SwedishDateRange.Parse(text);

        Assert.False(result.Success);
        Assert.Equal(error, result.Error);
        Assert.Equal(index, result.ErrorIndex);
        Assert.False(SwedishDateRange.TryParse(text, out DateInterval? interval));
        Assert.Null(interval);
        var utf8 = SwedishDateRange.Parse(Encoding.UTF8.GetBytes(text));
        Assert.Equal((error, Encoding.UTF8.GetByteCount(text.AsSpan(0, index))), (utf8.Error, utf8.ErrorIndex));
    }

    [Theory]
    [InlineData("2012-02-01", "2014-09-30", SwedishDateStyle.Iso, "2012-02-01 till 2014-09-30")]
    [InlineData("2012-02-01", "2014-09-30", SwedishDateStyle.Long, "1 februari 2012 till 30 september 2014")]
    [InlineData("0012-12-01", "0013-01-31", SwedishDateStyle.Long, "1 december 0012 till 31 januari 0013")]
    [InlineData("2020-05-05", "2020-05-05", SwedishDateStyle.Iso, "2020-05-05 till 2020-05-05")]
    public void Formats_as_the_project_bank_writes(string start, string end, SwedishDateStyle style, string expected)
    {
        var interval = new DateInterval(Iso(start), Iso(end));

        Assert.Equal(expected, SwedishDateRange.Format(interval, style));
        Assert.False(SwedishDateRange.TryFormat(interval, new char[expected.Length - 1], out var written, style));
        Assert.Equal(0, written);
    }

    [Fact]
    public void Refuses_to_format_years_the_text_cannot_carry()
    {
        var interval = new DateInterval(new LocalDate(0, 1, 1), new LocalDate(2000, 1, 1));

        Assert.Throws<ArgumentOutOfRangeException>(() => SwedishDateRange.Format(interval));
        Assert.Throws<ArgumentNullException>(() => SwedishDateRange.Format(null!));
    }

    [Fact]
    public void Invalid_utf8_is_reported_at_its_byte()
    {
        byte[] bytes = [.. "2012-02-01 till "u8, 0xFF, .. "2014-09-30"u8];

        var result = SwedishDateRange.Parse(bytes);

        Assert.Equal((FieldParseError.InvalidUtf8, 16), (result.Error, result.ErrorIndex));
    }

    [Fact]
    public void The_end_is_inclusive()
    {
        var interval = SwedishDateRange.Parse("2012-02-01 till 2012-02-29").GetValueOrThrow();

        Assert.Equal(29, interval.Length);
        Assert.Contains(new LocalDate(2012, 2, 29), interval);
    }

    private static LocalDate Iso(string text) => NodaTime.Text.LocalDatePattern.Iso.Parse(text).Value;
}
