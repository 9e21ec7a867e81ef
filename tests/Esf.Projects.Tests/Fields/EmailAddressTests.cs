using Esf.Projects.Fields;

namespace Esf.Projects.Tests.Fields;

public class EmailAddressTests
{
    public static TheoryData<string, string, string> Accepted => new()
    {
        { "anna.berg@kavlinge.se", "anna.berg", "kavlinge.se" },
        { "Anna.Berg@Kavlinge.SE", "Anna.Berg", "kavlinge.se" },
        { "  info@osby.se  ", "info", "osby.se" },
        { "\u00A0info@osby.se\u00A0", "info", "osby.se" },
        { "a@b.se", "a", "b.se" },
        { "first.last+esf@region.skane.se", "first.last+esf", "region.skane.se" },
        { "x_y@sub-domain.example.com", "x_y", "sub-domain.example.com" },
        { "o'brien@example.ie", "o'brien", "example.ie" },
        { "abc123@123abc.nu", "abc123", "123abc.nu" },
        { "!#$%&'*+/=?^_`{|}~-@example.org", "!#$%&'*+/=?^_`{|}~-", "example.org" },
        { "åsa.öberg@hässleholm.se", "åsa.öberg", "hässleholm.se" },
        { "info@HÄSSLEHOLM.SE", "info", "hässleholm.se" },
        { "projekt@esf.se", "projekt", "esf.se" },
        { "a.b.c@d.e.f.gh", "a.b.c", "d.e.f.gh" },
        { "x@xn--hssleholm-v2a.se", "x", "xn--hssleholm-v2a.se" },
        { "kontakt@a-b-c.museum", "kontakt", "a-b-c.museum" },
        { "UPPER@CASE.COM", "UPPER", "case.com" },
        { "n@n.nu", "n", "n.nu" },
        { "\uFEFFbom@osby.se", "bom", "osby.se" },
        { "a-b@c.se", "a-b", "c.se" },
        { "0701@tele.se", "0701", "tele.se" },
        { "x@1.2.3.se", "x", "1.2.3.se" },
        { "lång.adress.med.många.delar@kommun.se", "lång.adress.med.många.delar", "kommun.se" },
        { "e@lund.se\t", "e", "lund.se" },
        { "bo@bo.bo", "bo", "bo.bo" },
        { "a{b}@c.se", "a{b}", "c.se" },
        { "a|b@c.se", "a|b", "c.se" },
        { "~@c.se", "~", "c.se" },
        { "jonas@burlov.se", "jonas", "burlov.se" },
        { "sara.lind@kungsbacka.se", "sara.lind", "kungsbacka.se" },

        // The limits themselves are allowed: 64 characters before @, 63 per domain label, 253 in the domain.
        { new string('a', 64) + "@kavlinge.se", new string('a', 64), "kavlinge.se" },
        { "a@" + new string('b', 63) + ".se", "a", new string('b', 63) + ".se" },
        { "a@" + Domain253, "a", Domain253 },
    };

    private static string Domain253 => new string('a', 63) + "." + new string('b', 63) + "." + new string('c', 63) + "." + new string('d', 61);

    public static TheoryData<string, FieldParseError, int> Rejected => new()
    {
        { "", FieldParseError.Empty, 0 },
        { "   ", FieldParseError.Empty, 0 },
        { "saknas", FieldParseError.InvalidEmailAddress, 0 },
        { "anna.kavlinge.se", FieldParseError.InvalidEmailAddress, 0 },
        { "@kavlinge.se", FieldParseError.InvalidEmailAddress, 0 },
        { "anna@", FieldParseError.InvalidEmailAddress, 5 },
        { "anna@@kavlinge.se", FieldParseError.InvalidEmailAddress, 5 },
        { "anna@kav@linge.se", FieldParseError.InvalidEmailAddress, 8 },
        { ".anna@kavlinge.se", FieldParseError.InvalidEmailAddress, 0 },
        { "anna.@kavlinge.se", FieldParseError.InvalidEmailAddress, 4 },
        { "an..na@kavlinge.se", FieldParseError.InvalidEmailAddress, 3 },
        { "anna@kavlinge", FieldParseError.InvalidEmailAddress, 5 },
        { "anna@kavlinge.s", FieldParseError.InvalidEmailAddress, 14 },
        { "anna@kavlinge.s3", FieldParseError.InvalidEmailAddress, 14 },
        { "anna@.kavlinge.se", FieldParseError.InvalidEmailAddress, 5 },
        { "anna@kavlinge..se", FieldParseError.InvalidEmailAddress, 14 },
        { "anna@kavlinge.se.", FieldParseError.InvalidEmailAddress, 17 },
        { "anna@-kavlinge.se", FieldParseError.InvalidEmailAddress, 5 },
        { "anna@kavlinge-.se", FieldParseError.InvalidEmailAddress, 5 },
        { "anna berg@kavlinge.se", FieldParseError.UnexpectedCharacter, 4 },
        { "anna@kav linge.se", FieldParseError.UnexpectedCharacter, 8 },
        { "<anna@kavlinge.se>", FieldParseError.UnexpectedCharacter, 0 },
        { "anna@kavlinge.se, bo@osby.se", FieldParseError.UnexpectedCharacter, 16 },
        { "\"anna\"@kavlinge.se", FieldParseError.UnexpectedCharacter, 0 },
        { "anna@[10.0.0.1]", FieldParseError.UnexpectedCharacter, 5 },
        { "anna(at)kavlinge.se", FieldParseError.UnexpectedCharacter, 4 },
        { "anna@kavlinge_se.se", FieldParseError.UnexpectedCharacter, 13 },
        { "anna;bo@kavlinge.se", FieldParseError.UnexpectedCharacter, 4 },
        { new string('a', 65) + "@kavlinge.se", FieldParseError.InvalidEmailAddress, 64 },
        { "a@" + new string('b', 64) + ".se", FieldParseError.InvalidEmailAddress, 2 },
        { "a@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 5)) + ".se", FieldParseError.InvalidEmailAddress, 2 },
        { "a@" + Domain253 + "d", FieldParseError.InvalidEmailAddress, 2 },
        { "an€na@kavlinge.se", FieldParseError.UnexpectedCharacter, 2 },
        { "anna@kav€linge.se", FieldParseError.UnexpectedCharacter, 8 },
        { "anna\u00A0berg@kavlinge.se", FieldParseError.UnexpectedCharacter, 4 },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Accepts_and_lower_cases_the_domain(string text, string local, string domain)
    {
        var result = EmailAddress.Parse(text);

        Assert.True(result.Success, result.Message);
        Assert.Equal(local, result.Value.LocalPart);
        Assert.Equal(domain, result.Value.Domain);
        Assert.Equal(local + "@" + domain, result.Value.Address);
        Assert.Equal(result.Value.Address, result.Value.ToString());
        Assert.Equal(text.Trim().Trim('\uFEFF'), result.Value.Text);
        Assert.True(EmailAddress.IsValid(text));
        Assert.True(Parsable.TryParse<EmailAddress>(text, out var parsed));
        Assert.Equal(result.Value, parsed);
    }

    [Theory]
    [MemberData(nameof(Rejected))]
    public void Rejects_with_reason_and_position(string text, FieldParseError error, int index)
    {
        var result = EmailAddress.Parse(text);

        Assert.False(result.Success);
        Assert.Equal((error, index), (result.Error, result.ErrorIndex));
        Assert.False(EmailAddress.IsValid(text));
        Assert.False(EmailAddress.TryParse(text, out var address));
        Assert.Null(address);
        Assert.Throws<FormatException>(() => Parsable.Parse<EmailAddress>(text));
    }

    [Fact]
    public void Equal_when_only_the_domain_case_differs()
    {
        var a = EmailAddress.Parse("Anna@Kavlinge.SE").GetValueOrThrow();
        var b = EmailAddress.Parse("Anna@kavlinge.se").GetValueOrThrow();
        var c = EmailAddress.Parse("anna@kavlinge.se").GetValueOrThrow();

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
        Assert.False(a.Equals(null));
    }

    [Fact]
    public void The_page_parser_keeps_the_written_form_and_the_checked_address()
    {
        var project = ProjectParser.Parse("Titel\nKontaktperson: Anna Berg\nE-post: Anna.Berg@Kavlinge.SE\n").Project;

        Assert.Equal("Anna.Berg@Kavlinge.SE", project.Contact.Email);
        Assert.Equal("kavlinge.se", project.Contact.EmailAddress?.Domain);
    }
}
