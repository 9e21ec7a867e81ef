using Esf.Projects.Fields;

namespace Esf.Projects.Tests.Fields;

public class ListMarkerTests
{
    [Theory]
    [InlineData("• Kävlinge", ListMarkerKind.Bullet, 2)]
    [InlineData("  • Kävlinge", ListMarkerKind.Bullet, 4)]
    [InlineData("•Kävlinge", ListMarkerKind.Bullet, 1)]
    [InlineData("- Att 30 %", ListMarkerKind.Hyphen, 2)]
    [InlineData("\t- indenterad", ListMarkerKind.Hyphen, 3)]
    [InlineData("– Att", ListMarkerKind.EnDash, 2)]
    [InlineData("* punkt", ListMarkerKind.Asterisk, 2)]
    [InlineData("· punkt", ListMarkerKind.MiddleDot, 2)]
    [InlineData("▪ punkt", ListMarkerKind.MiddleDot, 2)]
    [InlineData("1. Första", ListMarkerKind.NumberDot, 3)]
    [InlineData("12) Tolfte", ListMarkerKind.NumberParenthesis, 4)]
    [InlineData("a) Första", ListMarkerKind.LetterParenthesis, 3)]
    [InlineData("B) Andra", ListMarkerKind.LetterParenthesis, 3)]
    [InlineData("◦ cirkel", ListMarkerKind.MiddleDot, 2)]
    [InlineData("·glued", ListMarkerKind.MiddleDot, 1)]
    [InlineData("•\u00A0Osby", ListMarkerKind.Bullet, 2)]
    [InlineData("\u00A0\u00A0• Osby", ListMarkerKind.Bullet, 4)]
    [InlineData("-\tflik", ListMarkerKind.Hyphen, 2)]
    [InlineData("100. Hundra", ListMarkerKind.NumberDot, 5)]
    [InlineData("9) Nio", ListMarkerKind.NumberParenthesis, 3)]
    [InlineData("1.\tFörsta", ListMarkerKind.NumberDot, 3)]
    [InlineData("• • dubbel", ListMarkerKind.Bullet, 2)]
    [InlineData("– – dubbel", ListMarkerKind.EnDash, 2)]
    [InlineData("*   luft", ListMarkerKind.Asterisk, 4)]
    [InlineData("•  Trailing  ", ListMarkerKind.Bullet, 3)]
    [InlineData("\t\t* Djup", ListMarkerKind.Asterisk, 4)]
    [InlineData("z) Sista", ListMarkerKind.LetterParenthesis, 3)]
    [InlineData("• 3 493 248 kr", ListMarkerKind.Bullet, 2)]
    [InlineData("- -5 grader", ListMarkerKind.Hyphen, 2)]
    [InlineData("▪\u202FSmal", ListMarkerKind.MiddleDot, 2)]
    public void Reads_the_marker(string line, ListMarkerKind kind, int contentStart)
    {
        Assert.True(ListMarker.TryRead(line, out var actualKind, out var actualStart));
        Assert.Equal(kind, actualKind);
        Assert.Equal(contentStart, actualStart);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-----")]
    [InlineData("-5 grader")]
    [InlineData("Text utan markör")]
    [InlineData("•")]
    [InlineData("- ")]
    [InlineData("2012. Året då")]
    [InlineData("1.5 miljoner")]
    [InlineData("ab) två bokstäver")]
    [InlineData("E-post")]
    [InlineData("1000. för långt nummer")]
    [InlineData("1.")]
    [InlineData("a)")]
    [InlineData("a.  bokstav och punkt")]
    [InlineData("*fetstil*")]
    [InlineData("–glued")]
    [InlineData("-glued")]
    [InlineData("1)glued")]
    [InlineData("2.glued")]
    [InlineData("(1) parentes")]
    [InlineData("ä) svensk bokstav")]
    [InlineData("1234) år")]
    [InlineData("— em dash")]
    [InlineData("+ plus")]
    [InlineData("> citat")]
    [InlineData("#1 nummer")]
    [InlineData("\t")]
    [InlineData("·")]
    [InlineData("1 ) mellanslag")]
    public void Rejects_what_is_not_an_item(string line)
    {
        Assert.False(ListMarker.TryRead(line, out var kind, out var start));
        Assert.Equal(ListMarkerKind.None, kind);
        Assert.Equal(0, start);
    }
}
