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
    public void Rejects_with_reason_and_position(string text, FieldParseError error, int index)
    {
        var result = SwedishPhoneNumber.Parse(text);

        Assert.False(result.Success);
        Assert.Equal((error, index), (result.Error, result.ErrorIndex));
        Assert.False(SwedishPhoneNumber.TryParse(text, out _));
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
}
