using System.Text;
using Esf.Projects.Fields;

namespace Esf.Projects.Tests.Fields;

public class SwedishPhoneNumberTests
{
    [Theory]
    [InlineData("046-739443", "+4646739443", "46", false)]
    [InlineData("0709-318 008", "+46709318008", "70", true)]
    [InlineData("0705 - 88 80 40", "+46705888040", "70", true)]
    [InlineData("0300-838754", "+46300838754", "300", false)]
    [InlineData("0451-267064", "+46451267064", "451", false)]
    [InlineData("040-439324", "+4640439324", "40", false)]
    [InlineData("08-123 456 78", "+46812345678", "8", false)]
    [InlineData("08\u00A0123\u00A045\u00A067", "+4681234567", "8", false)]
    [InlineData("+46 46 73 94 43", "+4646739443", "46", false)]
    [InlineData("+46 (0)46-73 94 43", "+4646739443", "46", false)]
    [InlineData("0046 8 123 456", "+468123456", "8", false)]
    [InlineData("(08) 123 45 67", "+4681234567", "8", false)]
    [InlineData("031/123 45 67", "+46311234567", "31", false)]
    [InlineData("090.12 34 56", "+4690123456", "90", false)]
    [InlineData("0733 – 12 34 56", "+46733123456", "73", true)]
    [InlineData("  0520-123 45  ", "+4652012345", "520", false)]
    [InlineData("011-12 34 56", "+4611123456", "11", false)]
    [InlineData("013-12 34 56", "+4613123456", "13", false)]
    [InlineData("018-471 00 00", "+46184710000", "18", false)]
    [InlineData("019-21 10 00", "+4619211000", "19", false)]
    [InlineData("021-39 00 00", "+4621390000", "21", false)]
    [InlineData("031-365 00 00", "+46313650000", "31", false)]
    [InlineData("035-13 71 00", "+4635137100", "35", false)]
    [InlineData("054-540 00 00", "+46545400000", "54", false)]
    [InlineData("063-14 30 00", "+4663143000", "63", false)]
    [InlineData("0910-73 50 00", "+46910735000", "910", false)]
    [InlineData("0720-12 34 56", "+46720123456", "72", true)]
    [InlineData("076\u2013123 45 67", "+46761234567", "76", true)]
    [InlineData("+46709318008", "+46709318008", "70", true)]
    [InlineData("+46 (0)8 123 456 78", "+46812345678", "8", false)]
    public void Accepts_and_normalises(string text, string e164, string areaCode, bool mobile)
    {
        var result = SwedishPhoneNumber.Parse(text);

        Assert.True(result.Success, result.Message);
        Assert.Equal(e164, result.Value.E164);
        Assert.Equal(e164, result.Value.ToString());
        Assert.Equal(areaCode, result.Value.AreaCode);
        Assert.Equal(e164[3..], result.Value.NationalSignificantNumber);
        Assert.Equal(e164[(3 + areaCode.Length)..], result.Value.SubscriberNumber);
        Assert.Equal(mobile, result.Value.IsMobile);
        Assert.True(SwedishPhoneNumber.TryParse(text, out var number));
        Assert.Equal(result.Value, number);
    }

    [Theory]
    [InlineData("", FieldParseError.Empty, 0)]
    [InlineData("   ", FieldParseError.Empty, 0)]
    [InlineData("46-739443", FieldParseError.InvalidPhoneNumber, 0)]
    [InlineData("+45 12 34 56 78", FieldParseError.InvalidPhoneNumber, 0)]
    [InlineData("046-7394", FieldParseError.InvalidPhoneNumber, 0)]
    [InlineData("0709-318 008 99", FieldParseError.InvalidPhoneNumber, 13)]
    [InlineData("00-123 456", FieldParseError.InvalidPhoneNumber, 1)]
    [InlineData("046-739443 ankn. 12", FieldParseError.UnexpectedCharacter, 11)]
    [InlineData("telefon 046-739443", FieldParseError.UnexpectedCharacter, 0)]
    [InlineData("046#739443", FieldParseError.UnexpectedCharacter, 3)]
    [InlineData("saknas", FieldParseError.UnexpectedCharacter, 0)]
    [InlineData("0709-318 00", FieldParseError.InvalidPhoneNumber, 0)]
    [InlineData("070-123 45 678", FieldParseError.InvalidPhoneNumber, 13)]
    [InlineData("+4", FieldParseError.InvalidPhoneNumber, 0)]
    [InlineData("+", FieldParseError.InvalidPhoneNumber, 0)]
    [InlineData("+47 22 00 00 00", FieldParseError.InvalidPhoneNumber, 0)]
    [InlineData("0046 0 123 456", FieldParseError.InvalidPhoneNumber, 5)]
    [InlineData("0", FieldParseError.InvalidPhoneNumber, 0)]
    [InlineData("08-12 34", FieldParseError.InvalidPhoneNumber, 0)]
    [InlineData("12345678", FieldParseError.InvalidPhoneNumber, 0)]
    [InlineData("046-739443, 046-739444", FieldParseError.UnexpectedCharacter, 10)]
    [InlineData("046–739443 (vx)", FieldParseError.UnexpectedCharacter, 12)]
    [InlineData("046 739443 eller", FieldParseError.UnexpectedCharacter, 11)]
    [InlineData("tel: 046-739443", FieldParseError.UnexpectedCharacter, 0)]
    [InlineData("046*739443", FieldParseError.UnexpectedCharacter, 3)]
    [InlineData("046_739443", FieldParseError.UnexpectedCharacter, 3)]
    [InlineData("046-73944x", FieldParseError.UnexpectedCharacter, 9)]
    [InlineData("046:739443", FieldParseError.UnexpectedCharacter, 3)]
    [InlineData("anna@kavlinge.se", FieldParseError.UnexpectedCharacter, 0)]
    [InlineData("+46 70 931 80 08 9", FieldParseError.InvalidPhoneNumber, 17)]
    public void Rejects_with_reason_and_position(string text, FieldParseError error, int index)
    {
        var result = SwedishPhoneNumber.Parse(text);

        Assert.False(result.Success);
        Assert.Equal((error, index), (result.Error, result.ErrorIndex));
        Assert.False(SwedishPhoneNumber.TryParse(text, out _));
        var utf8 = SwedishPhoneNumber.Parse(Encoding.UTF8.GetBytes(text));
        Assert.Equal((error, Encoding.UTF8.GetByteCount(text.AsSpan(0, index))), (utf8.Error, utf8.ErrorIndex));
        Assert.False(Parsable.TryParse<SwedishPhoneNumber>(text, out _));
    }

    [Theory]
    [InlineData("046-739443", "+4646739443", "046-739443")]
    [InlineData("0709 318 008", "+46709318008", "070-9318008")]
    [InlineData("08-123 456 78", "+46812345678", "08-12345678")]
    [InlineData("+46 451 26 70 64", "+46451267064", "0451-267064")]
    public void Formats_as_E164_and_national(string text, string e164, string national)
    {
        var number = Parsable.Parse<SwedishPhoneNumber>(text);

        Assert.Equal(e164, number.ToString("E", null));
        Assert.Equal(e164, $"{number}");
        Assert.Equal(national, number.ToString("N", null));
        Assert.Equal(number, Parsable.ParseUtf8<SwedishPhoneNumber>(Encoding.UTF8.GetBytes(national)));
        Span<byte> utf8 = stackalloc byte[16];
        Assert.True(number.TryFormat(utf8, out var written, "N", null));
        Assert.Equal(national, Encoding.UTF8.GetString(utf8[..written]));
        Assert.False(number.TryFormat(new char[e164.Length - 1], out _, "E", null));
        Assert.Throws<FormatException>(() => number.ToString("X", null));
    }

    [Fact]
    public void Two_spellings_of_one_number_are_equal()
    {
        var a = SwedishPhoneNumber.Parse("046-739443").Value;
        var b = SwedishPhoneNumber.Parse("+46 46 73 94 43").Value;

        Assert.True(a == b);
        Assert.False(a != b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(a.Equals((object)b));
    }

    [Fact]
    public void The_default_number_is_empty_and_not_mobile()
    {
        var none = default(SwedishPhoneNumber);

        // Found by mutation testing: ToString() said "+460" while every format wrote nothing.
        Assert.False(none.IsMobile);
        Assert.Equal(string.Empty, none.ToString());
        Assert.Equal(string.Empty, none.ToString("N", null));
        Assert.Equal(string.Empty, none.E164);
        Assert.Equal(string.Empty, none.NationalSignificantNumber);
        Assert.Equal(string.Empty, none.AreaCode);
    }

    [Fact]
    public void Numbers_of_one_length_differ_by_their_digits()
    {
        var a = SwedishPhoneNumber.Parse("08-123 45 67").Value;
        var b = SwedishPhoneNumber.Parse("08-123 45 68").Value;

        Assert.NotEqual(a, b);
        Assert.False(a == b);
    }
}
