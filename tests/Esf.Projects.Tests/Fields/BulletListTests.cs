using Esf.Projects.Fields;

namespace Esf.Projects.Tests.Fields;

public class BulletListTests
{
    [Fact]
    public void Reads_items_with_their_markers_and_positions()
    {
        const string text = "• Kävlinge\n  • Lund  \r\n\r\n- Malmö\n1. Ett\na) A";

        var items = BulletList.Parse(text).GetValueOrThrow();

        Assert.Equal<BulletListItem>(
            [
                new BulletListItem(ListMarkerKind.Bullet, "Kävlinge", 0),
                new BulletListItem(ListMarkerKind.Bullet, "Lund", 13),
                new BulletListItem(ListMarkerKind.Hyphen, "Malmö", 25),
                new BulletListItem(ListMarkerKind.NumberDot, "Ett", 33),
                new BulletListItem(ListMarkerKind.LetterParenthesis, "A", 40),
            ],
            items);
    }

    [Theory]
    [InlineData("- Att 30 % av deltagarna\n  ska gå vidare\n- Nästa", "Att 30 % av deltagarna ska gå vidare")]
    [InlineData("• Första\rraden\r• Andra", "Första raden")]
    [InlineData("\u2013 Ett\r\n  två\r\n  tre", "Ett två tre")]
    public void An_unmarked_line_directly_after_an_item_continues_it(string text, string first) =>
        Assert.Equal(first, BulletList.Parse(text).GetValueOrThrow()[0].Text);

    [Theory]
    [InlineData("Inledning\n• Ett", FieldParseError.MissingListMarker, 0)]
    [InlineData("• Ett\n\nProsa efter en tom rad", FieldParseError.MissingListMarker, 7)]
    [InlineData("• Ett\n\n   indenterad prosa", FieldParseError.MissingListMarker, 10)]
    [InlineData("", FieldParseError.Empty, 0)]
    [InlineData("\n \n\t\n", FieldParseError.Empty, 0)]
    public void Rejects_text_that_is_not_a_list(string text, FieldParseError error, int index)
    {
        var result = BulletList.Parse(text);

        Assert.Equal((error, index), (result.Error, result.ErrorIndex));
        Assert.False(BulletList.TryParse(text, out var items));
        Assert.Empty(items);
    }

    /// <summary>
    /// The raw page lines of each list inside prose (from its first item to the blank line or rule after its last) read
    /// the same standalone, on every test page: seeds, layout examples and real pages.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestPages.All), MemberType = typeof(TestPages))]
    public void Agrees_with_the_page_parser_on_the_lists_in_prose(string page)
    {
        var text = Text(page);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var lists = ProseLists(text);
        foreach (var list in lists)
        {
            var from = list.Items[0].Position.Line - 1;
            var to = list.Items[^1].Position.Line;
            while (to < lines.Length && !string.IsNullOrWhiteSpace(lines[to]) && !IsRule(lines[to].Trim()))
            {
                to++;
            }

            var items = BulletList.Parse(string.Join('\n', lines[from..to])).GetValueOrThrow();

            Assert.Equal(list.Items.Select(i => (i.Marker, i.Text)), items.Select(i => (i.Marker, i.Text)));
        }
    }

    /// <summary>The theory above is not empty: the test pages hold lists in prose.</summary>
    [Fact]
    public void The_test_pages_hold_lists_in_prose() =>
        Assert.True(TestPages.RelativePaths.Sum(p => ProseLists(Text(p)).Count) >= 10);

    private static string Text(string page) => EsfProjectParser.Default.Decode(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, page)), out _);

    private static List<ListBlock> ProseLists(string text) => ProjectParser.Parse(text).Project.Sections
        .Where(s => s.GetData<Esf.Projects.Handlers.Lists.ListSectionData>() is null)
        .SelectMany(s => s.Blocks).OfType<ListBlock>().ToList();

    private static bool IsRule(string line) => line.Length >= 3 && line.All(c => c is '-' or '_' or '=' or '*');
}
