using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Esf.Projects.Fields;
using Esf.Projects.Handlers.Prose;

namespace Esf.Projects.Tests.Parsing;

/// <summary>
/// The model's texts are slices: of the input when it already holds the characters in plain-text form, otherwise of
/// one string per section. These tests pin where each slice points, and that the sharing is invisible through
/// <c>Text</c>, equality and hashing.
/// </summary>
public sealed class TextSharingTests
{
    private const string LfPage = "Titel\n\nProjektägareX\nRegionSydsverige\n\nBakgrund\n\nFörsta raden.\nAndra raden.\n\nNytt stycke.\n\nMedfinansiärer\n\n• A\n• B\n";

    [Fact]
    public void Plain_text_already_in_the_input_is_a_slice_of_the_input_string()
    {
        var section = ProjectParser.Parse(LfPage).Project.Sections.Single(s => s.Heading == "Bakgrund");

        Assert.True(MemoryMarshal.TryGetString(section.TextMemory, out var backing, out var start, out var length));
        Assert.Same(LfPage, backing);
        Assert.Equal("Första raden.\nAndra raden.\n\nNytt stycke.", LfPage.Substring(start, length));
        foreach (var paragraph in section.Blocks.OfType<ParagraphBlock>())
        {
            Assert.True(MemoryMarshal.TryGetString(paragraph.TextMemory, out var paragraphBacking, out _, out _));
            Assert.Same(LfPage, paragraphBacking);
        }
    }

    [Fact]
    public void Seed_prose_is_parsed_without_copying_only_the_indented_lists_are_copied()
    {
        var text = Seeds.Text("001_0b550c35baa0836e.txt");
        var sections = ProjectParser.Parse(text).Project.Sections;

        var copied = sections.Where(s => !(MemoryMarshal.TryGetString(s.TextMemory, out var backing, out _, out _) && ReferenceEquals(backing, text)))
            .Select(s => s.Heading);

        // The seed indents its bullets ("  • Handikappomsorg"), so the list sections' plain text is not in the input as is.
        Assert.Equal<string?>(["Medfinansiärer", "Samarbetspartners"], copied);
        Assert.True(sections.Length >= 8, $"{sections.Length} sections");
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Other_line_ends_build_one_string_per_section_that_every_block_slices(string newline)
    {
        var page = LfPage.Replace("\n", newline, StringComparison.Ordinal);
        var section = ProjectParser.Parse(page).Project.Sections.Single(s => s.Heading == "Bakgrund");

        Assert.Equal("Första raden.\nAndra raden.\n\nNytt stycke.", section.Text);
        Assert.True(MemoryMarshal.TryGetString(section.TextMemory, out var backing, out _, out _));
        Assert.NotSame(page, backing);
        Assert.All(section.Blocks.OfType<ParagraphBlock>(), paragraph =>
        {
            Assert.True(MemoryMarshal.TryGetString(paragraph.TextMemory, out var paragraphBacking, out _, out _));
            Assert.Same(backing, paragraphBacking);
        });
        Assert.Equal<string>(["Första raden.\nAndra raden.", "Nytt stycke."], section.Blocks.OfType<ParagraphBlock>().Select(p => p.Text));
    }

    [Theory]
    [InlineData("Bakgrund\n\nRad ett.\n  Indraget.", "Rad ett.\nIndraget.")]
    [InlineData("Bakgrund\n\nSlutar med mellanslag.   \nRad två.", "Slutar med mellanslag.\nRad två.")]
    [InlineData("Bakgrund\n\nEtt.\n\n\n\nTvå.", "Ett.\n\nTvå.")]
    [InlineData("Bakgrund\n\nEtt.\n \t\nTvå.", "Ett.\n\nTvå.")]
    [InlineData("Bakgrund\n\nEtt.\r\nTvå.", "Ett.\nTvå.")]
    public void Input_that_differs_from_the_plain_text_is_copied_not_sliced(string page, string expected)
    {
        var section = ProjectParser.Parse(page).Project.Sections.Single(s => s.Heading == "Bakgrund");

        Assert.Equal(expected, section.Text);
        Assert.True(MemoryMarshal.TryGetString(section.TextMemory, out var backing, out _, out _));
        Assert.NotSame(page, backing);
    }

    [Fact]
    public void Text_is_made_once_and_kept()
    {
        var section = ProjectParser.Parse(LfPage).Project.Sections.Single(s => s.Heading == "Bakgrund");
        var paragraph = section.Blocks.OfType<ParagraphBlock>().First();

        Assert.Same(section.Text, section.Text);
        Assert.Same(paragraph.Text, paragraph.Text);
        Assert.Equal(paragraph.TextMemory.ToString(), paragraph.Text);
    }

    [Fact]
    public void Equality_and_hashing_are_by_content_whatever_holds_the_characters()
    {
        var position = new SourcePosition(3, 1);
        var fromString = new ParagraphBlock(position, "Första raden.");
        var fromSlice = new ParagraphBlock(position, "xxFörsta raden.yy".AsMemory(2, 13));

        Assert.Equal(fromString, fromSlice);
        Assert.Equal(fromString.GetHashCode(), fromSlice.GetHashCode());
        Assert.NotEqual(fromString, new ParagraphBlock(position, "Första raden!"));
        Assert.NotEqual(fromString, new ParagraphBlock(new SourcePosition(4, 1), "Första raden."));
        Assert.Equal(new ListItem(position, ListMarkerKind.Bullet, "A"), new ListItem(position, ListMarkerKind.Bullet, "A".AsMemory()));
        ImmutableArray<Block> blocks = [fromString];
        Assert.Equal(new Section("Bakgrund", position, blocks, "Första raden."), new Section("Bakgrund", position, blocks, "Första raden.".AsMemory()));
    }

    [Fact]
    public void String_constructors_reject_null_as_the_records_did()
    {
        var position = new SourcePosition(1, 1);

        Assert.Throws<ArgumentNullException>(() => new ParagraphBlock(position, (string)null!));
        Assert.Throws<ArgumentNullException>(() => new Section(null, position, [], (string)null!));
        Assert.Throws<ArgumentNullException>(() => new ProseSectionData(ProseSectionKind.Summary, (string)null!));
    }

    [Fact]
    public void Prose_section_data_shares_the_section_text()
    {
        var project = ProjectParser.Parse(LfPage).Project;
        var section = project.Sections.Single(s => s.Heading == "Bakgrund");
        var prose = section.GetData<ProseSectionData>();

        Assert.NotNull(prose);
        Assert.True(section.TextMemory.Span == prose.TextMemory.Span, "the prose result is the section's own memory");
        Assert.Equal(section.Text, prose.Text);
    }

    [Fact]
    public void A_continued_list_item_joins_its_lines_with_a_space()
    {
        var project = ProjectParser.Parse("Bakgrund\n\n• Första\n  fortsätter här\n• Andra\n").Project;
        var list = project.Sections.Single().Blocks.OfType<ListBlock>().Single();

        Assert.Equal<string>(["Första fortsätter här", "Andra"], list.Items.Select(i => i.Text));
    }

    [Fact]
    public void A_list_item_is_a_value_whose_text_is_the_string_it_was_made_from()
    {
        var position = new SourcePosition(3, 1);
        var fromString = new ListItem(position, ListMarkerKind.Bullet, "Lund");
        var fromPage = new ListItem(position, ListMarkerKind.Bullet, "• Lund".AsMemory(2));

        Assert.True(typeof(ListItem).IsValueType);
        Assert.Same(fromString.Text, fromString.Text);
        Assert.Equal("Lund", fromPage.Text);
        Assert.Equal(fromString, fromPage);
        Assert.Equal(fromString.GetHashCode(), fromPage.GetHashCode());
        Assert.NotEqual(fromString, new ListItem(position, ListMarkerKind.Hyphen, "Lund"));
        Assert.NotEqual(fromString, new ListItem(position, ListMarkerKind.Bullet, "Lunds"));
        Assert.Equal(string.Empty, default(ListItem).Text);
    }

    [Fact]
    public void Items_written_like_the_one_before_share_one_string_in_the_project_list()
    {
        var project = ProjectParser.Parse("Titel\nProjektägare: A\n\nKommun\n\n• Lund\n• Lund\n• Malmö\n• Lund\n").Project;

        Assert.Equal<string>(["Lund", "Lund", "Malmö", "Lund"], project.Municipalities);
        Assert.Same(project.Municipalities[0], project.Municipalities[1]);
        Assert.NotSame(project.Municipalities[1], project.Municipalities[3]);
        Assert.Equal<string?>(["1281", "1281", "1280", "1281"], project.MunicipalityCodes);
    }

    [Fact]
    public void A_header_row_is_a_value_compared_without_its_handler_data()
    {
        var position = new SourcePosition(2, 1);
        var row = new HeaderField("Projektägare", "owner", "A", position, new(2, 15));

        Assert.True(typeof(HeaderField).IsValueType);
        Assert.Equal(row, row.WithData(["handler result"]));
        Assert.NotEqual(row, new HeaderField("Projektägare", "owner", "B", position, new(2, 15)));
        Assert.Equal("saknas", new HeaderField("Region", "region", null, position, position, "saknas").RawValue);
        Assert.Equal(("", HeaderField.UnknownKind, 0), (default(HeaderField).Label, default(HeaderField).Kind, default(HeaderField).Data.Length));
    }

    [Fact]
    public void Header_rows_written_like_the_one_before_share_their_strings()
    {
        var project = ProjectParser.Parse("Titel\nProjektägare: A\nEtikett: v\nEtikett: v\nAnnan: v\n").Project;
        var extras = project.ExtraFields;

        Assert.Equal<string>(["Etikett", "Etikett", "Annan"], extras.Select(f => f.Label));
        Assert.Same(extras[0].Label, extras[1].Label);
        Assert.Same(extras[0].Value, extras[1].Value);
        Assert.Same(extras[1].Value, extras[2].Value);
    }
}
