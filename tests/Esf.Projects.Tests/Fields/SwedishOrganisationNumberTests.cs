using System.Text;
using CsCheck;
using Esf.Projects.Fields;
using Esf.Projects.Tests.Properties;

namespace Esf.Projects.Tests.Fields;

public class SwedishOrganisationNumberTests
{
    [Theory]
    [InlineData("212000-4128", "2120004128", OrganisationNumberGroup.PublicSector)] // Umeå kommun (layout page c1)
    [InlineData("2120004128", "2120004128", OrganisationNumberGroup.PublicSector)]
    [InlineData("202100-9994", "2021009994", OrganisationNumberGroup.PublicSector)]
    [InlineData("212000-0142", "2120000142", OrganisationNumberGroup.PublicSector)] // Stockholms stad
    [InlineData("212000-1355", "2120001355", OrganisationNumberGroup.PublicSector)] // Göteborgs stad
    [InlineData("556036-0793", "5560360793", OrganisationNumberGroup.LimitedCompany)] // Saab AB
    [InlineData("16556036-0793", "5560360793", OrganisationNumberGroup.LimitedCompany)]
    [InlineData("165560360793", "5560360793", OrganisationNumberGroup.LimitedCompany)]
    [InlineData("  556036 0793 ", "5560360793", OrganisationNumberGroup.LimitedCompany)]
    [InlineData("556036\u20110793", "5560360793", OrganisationNumberGroup.LimitedCompany)]
    [InlineData("8020000009", "8020000009", OrganisationNumberGroup.NonProfitAssociationOrFoundation)]
    [InlineData("9020000007", "9020000007", OrganisationNumberGroup.TradingPartnership)]
    [InlineData("7020000001", "7020000001", OrganisationNumberGroup.EconomicAssociation)]
    [InlineData("6020000003", "6020000003", OrganisationNumberGroup.SimplePartnership)]
    [InlineData("3020000000", "3020000000", OrganisationNumberGroup.ForeignCompany)]
    [InlineData("1020000004", "1020000004", OrganisationNumberGroup.Estate)]
    [InlineData("4020000008", "4020000008", OrganisationNumberGroup.Unassigned)]
    [InlineData("811218-9876", "8112189876", OrganisationNumberGroup.PersonalIdentityNumber)]
    public void Accepts_each_spelling_and_reads_the_group(string text, string digits, OrganisationNumberGroup group)
    {
        var result = SwedishOrganisationNumber.Parse(text);

        Assert.True(result.Success, result.Message);
        Assert.Equal(digits, result.Value.Digits);
        Assert.Equal(digits[..6] + "-" + digits[6..], result.Value.ToString());
        Assert.Equal(digits, result.Value.ToString("D", null));
        Assert.Equal(group, result.Value.Group);
        Assert.True(SwedishOrganisationNumber.TryParse(Encoding.UTF8.GetBytes(text), out var fromUtf8));
        Assert.Equal(result.Value, fromUtf8);
    }

    [Theory]
    [InlineData("", FieldParseError.Empty, 0)]
    [InlineData("   ", FieldParseError.Empty, 0)]
    [InlineData("212000-4127", FieldParseError.InvalidCheckDigit, 10)]
    [InlineData("2120004129", FieldParseError.InvalidCheckDigit, 9)]
    [InlineData("212000-412", FieldParseError.InvalidOrganisationNumber, 0)]
    [InlineData("21200041280", FieldParseError.InvalidOrganisationNumber, 0)]
    [InlineData("2120-004128", FieldParseError.InvalidOrganisationNumber, 0)]
    [InlineData("212000--4128", FieldParseError.InvalidOrganisationNumber, 7)]
    [InlineData("17212000-4128", FieldParseError.InvalidOrganisationNumber, 0)]
    [InlineData("1234567890123", FieldParseError.InvalidOrganisationNumber, 12)]
    [InlineData("212000-412X", FieldParseError.UnexpectedCharacter, 10)]
    [InlineData("SE2120004128", FieldParseError.UnexpectedCharacter, 0)]
    public void Rejects_with_the_reason_and_its_index(string text, FieldParseError error, int index)
    {
        var result = SwedishOrganisationNumber.Parse(text);

        Assert.False(result.Success);
        Assert.Equal((error, index), (result.Error, result.ErrorIndex));
        Assert.False(SwedishOrganisationNumber.TryParse(text, out var number));
        Assert.Equal(default, number);
    }

    [Fact]
    public void Default_is_no_number()
    {
        var none = default(SwedishOrganisationNumber);

        Assert.Equal(string.Empty, none.ToString());
        Assert.Equal(string.Empty, none.Digits);
        Assert.Equal(OrganisationNumberGroup.Unassigned, none.Group);
        Assert.NotEqual(none, SwedishOrganisationNumber.Parse("212000-4128").Value);
    }

    [Fact]
    public void The_dotnet_parsing_interfaces_work_as_generic_code_calls_them()
    {
        Assert.Equal("212000-4128", Parsable.Parse<SwedishOrganisationNumber>("2120004128").ToString());
        Assert.Equal("212000-4128", Parsable.ParseSpan<SwedishOrganisationNumber>("2120004128").ToString());
        Assert.Equal("212000-4128", Parsable.ParseUtf8<SwedishOrganisationNumber>("2120004128"u8).ToString());
        Assert.False(Parsable.TryParse<SwedishOrganisationNumber>(null, out _));
        Assert.Throws<FormatException>(() => Parsable.Parse<SwedishOrganisationNumber>("212000-4127"));
        Assert.Throws<FormatException>(() => SwedishOrganisationNumber.Parse("2120004128").Value.ToString("X", null));
    }

    [Fact]
    public void Formatting_into_short_buffers_fails_cleanly()
    {
        var number = SwedishOrganisationNumber.Parse("2120004128").Value;

        Assert.False(number.TryFormat(stackalloc char[10], out var written, "N", null));
        Assert.Equal(0, written);
        Assert.True(number.TryFormat(stackalloc char[10], out written, "D", null));
        Assert.Equal(10, written);
        Span<byte> utf8 = stackalloc byte[11];
        Assert.True(number.TryFormat(utf8, out var bytes, "N", null));
        Assert.Equal("212000-4128", Encoding.UTF8.GetString(utf8[..bytes]));
    }

    /// <summary>Any nine digits with their computed check digit parse back, in both formats and from UTF-8; any other last digit is refused.</summary>
    [Fact]
    public void Every_number_with_its_check_digit_round_trips_and_every_other_digit_is_refused() =>
        Gen.Long[0, 999_999_999].Sample(nine =>
        {
            var digits = nine.ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
            var check = Luhn(digits);
            var number = SwedishOrganisationNumber.Parse(digits + check).GetValueOrThrow();
            Assert.Equal(digits + check, number.Digits);
            Assert.Equal(number, SwedishOrganisationNumber.Parse(number.ToString()).Value);
            Assert.Equal(number, SwedishOrganisationNumber.Parse(Encoding.UTF8.GetBytes(number.ToString("D", null))).Value);
            var wrong = (check + 1 + (int)(nine % 9)) % 10;
            Assert.Equal(FieldParseError.InvalidCheckDigit, SwedishOrganisationNumber.Parse(digits + wrong).Error);
        }, iter: PropertyRuns.Iterations);

    /// <summary>The check digit computed independently of the library (weights 2, 1, 2 … from the left).</summary>
    private static int Luhn(string nine)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            var product = (nine[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += (product / 10) + (product % 10);
        }

        return (10 - (sum % 10)) % 10;
    }
}

public class EsfProjectNumberTests
{
    [Theory]
    [InlineData("2019/00871", ProjectNumberForm.YearSerial, 2019)]
    [InlineData(" 2016/00412 ", ProjectNumberForm.YearSerial, 2016)]
    [InlineData("2020/123", ProjectNumberForm.YearSerial, 2020)]
    [InlineData("2020/123456", ProjectNumberForm.YearSerial, 2020)]
    [InlineData("23-112-S05", ProjectNumberForm.EsfPlus, null)]
    [InlineData("24-009-S02", ProjectNumberForm.EsfPlus, null)]
    public void Accepts_both_forms(string text, ProjectNumberForm form, int? year)
    {
        var number = EsfProjectNumber.Parse(text).GetValueOrThrow();

        Assert.Equal((form, year), (number.Form, number.Year));
        Assert.Equal(text.Trim(), number.ToString());
        Assert.Equal(number, EsfProjectNumber.Parse(Encoding.UTF8.GetBytes(text)).Value);
        Assert.Equal(number, Parsable.Parse<EsfProjectNumber>(text));
    }

    [Theory]
    [InlineData("", FieldParseError.Empty, 0)]
    [InlineData("2011-3090121", FieldParseError.InvalidProjectNumber, 0)]
    [InlineData("1999/00871", FieldParseError.InvalidProjectNumber, 0)]
    [InlineData("2019/12", FieldParseError.InvalidProjectNumber, 0)]
    [InlineData("2019/1234567", FieldParseError.InvalidProjectNumber, 0)]
    [InlineData("23-112-s05", FieldParseError.InvalidProjectNumber, 0)]
    [InlineData("23-12-S05", FieldParseError.InvalidProjectNumber, 0)]
    [InlineData("2019/00871 - Namn", FieldParseError.UnexpectedCharacter, 10)]
    public void Rejects_other_text(string text, FieldParseError error, int index)
    {
        var result = EsfProjectNumber.Parse(text);

        Assert.Equal((error, index), (result.Error, result.ErrorIndex));
        Assert.False(EsfProjectNumber.TryParse(text, out _));
    }

    [Fact]
    public void Default_is_no_number() =>
        Assert.Equal((ProjectNumberForm.None, string.Empty, (int?)null), (default(EsfProjectNumber).Form, default(EsfProjectNumber).ToString(), default(EsfProjectNumber).Year));

    [Fact]
    public void Generated_numbers_round_trip() =>
        Gen.Select(Gen.Bool, Gen.Int[2000, 2099], Gen.Int[0, 99_999], Gen.Int[0, 999], Gen.Char['A', 'Z']).Sample((yearSerial, year, serial, middle, letter) =>
        {
            var text = yearSerial
                ? $"{year:D4}/{serial:D5}"
                : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{year % 100:D2}-{middle:D3}-{letter}{serial % 100:D2}");
            var number = EsfProjectNumber.Parse(text).GetValueOrThrow();
            Assert.Equal(text, number.ToString());
            Assert.Equal(yearSerial ? ProjectNumberForm.YearSerial : ProjectNumberForm.EsfPlus, number.Form);
        }, iter: PropertyRuns.Iterations / 10);
}
