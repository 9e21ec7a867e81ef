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
    public void Rejects_what_is_not_an_item(string line)
    {
        Assert.False(ListMarker.TryRead(line, out var kind, out var start));
        Assert.Equal(ListMarkerKind.None, kind);
        Assert.Equal(0, start);
    }
}
