using Esf.Projects.Fields;
using NodaTime;

namespace Esf.Projects.Tests.Parsing;

/// <summary>One test per variation that real pages have.</summary>
public class VariationTests
{
    private static void AssertStandardFacts(ProjectParseResult result)
    {
        var p = result.Project;
        Assert.Equal("Brytpunkt", p.Title);
        Assert.Equal(2, p.ProgramArea?.Number);
        Assert.Equal("Ökat arbetskraftsutbud", p.ProgramArea?.Name);
        Assert.Equal("Genomförande", p.Phase?.Text);
        Assert.Equal("Kävlinge Lärcentrum", p.Owner);
        Assert.Equal<(string?, string?, string?)>(("Roger Alfh", "roger.alfh@kavlinge.se", "046-739443"), (p.Contact.Name, p.Contact.Email, p.Contact.Phone));
        Assert.Equal(Money.Sek(3493248m), p.GrantedEsfSupport);
        Assert.Equal(Money.Sek(8125408m), p.TotalBudget);
        Assert.Equal(new DateInterval(new LocalDate(2012, 2, 1), new LocalDate(2014, 9, 30)), p.Period);
        Assert.Equal("Sydsverige", p.Region);
        Assert.Equal<string>(["Sammanfattning", "Medfinansiärer", "Samarbetspartners", "Kommun"], p.Sections.Select(s => s.Heading!));
        Assert.Equal<string>(["Arbetsförmedlingen Kävlinge", "Försäkringskassan Lund"], p.CoFinanciers);
        Assert.Equal<string>(["Ellco Food AB"], p.Partners);
        Assert.Equal<string>(["Kävlinge", "Lomma"], p.Municipalities);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Line_endings(string newline) => AssertStandardFacts(ProjectParser.Parse(Pages.Standard(newline)));

    [Fact]
    public void Mixed_line_endings() =>
        AssertStandardFacts(ProjectParser.Parse(Pages.Standard("\r\n").Replace("Kävlinge\r\n • Lomma", "Kävlinge\r • Lomma", StringComparison.Ordinal)));

    [Fact]
    public void Utf8_with_BOM()
    {
        var bytes = System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(Pages.Standard())).ToArray();

        var result = ProjectParser.Parse(bytes);

        AssertStandardFacts(result);
        Assert.Equal(new SourcePosition(5, 1), result.Project.TitlePosition);
    }

    [Fact]
    public void String_with_BOM_counts_columns_after_it()
    {
        var result = ProjectParser.Parse("\uFEFF" + Pages.Standard());

        AssertStandardFacts(result);
        Assert.Equal(1, result.Project.Fields[0].LabelPosition.Column);
    }

    [Fact]
    public void Trailing_spaces_and_tabs() =>
        AssertStandardFacts(ProjectParser.Parse(Pages.Standard().Replace("\n", " \t \n", StringComparison.Ordinal)));

    [Fact]
    public void Runs_of_blank_lines() =>
        AssertStandardFacts(ProjectParser.Parse(Pages.Standard().Replace("\n\n", "\n\n\n\n  \n", StringComparison.Ordinal)));

    [Theory]
    [InlineData("3\u00A0493\u00A0248 kr", 3493248)]
    [InlineData("3\u202F493\u202F248 kr", 3493248)]
    [InlineData("3\u2009493\u2009248 kr", 3493248)]
    [InlineData("3 493 248 kr", 3493248)]
    [InlineData("3493248 kr", 3493248)]
    [InlineData("3 493 248 kronor", 3493248)]
    [InlineData("3 493 248 SEK", 3493248)]
    [InlineData("3 493 248", 3493248)]
    [InlineData("1 234 567,50 kr", 1234567.50)]
    public void Amount_spellings(string amount, decimal expected)
    {
        var result = ProjectParser.Parse(Pages.WithHeaderLine(6, "Beviljat ESF-stöd" + amount));

        Assert.Equal(Money.Sek(expected), result.Project.GrantedEsfSupport);
        Assert.False(result.HasErrors);
    }

    [Theory]
    [InlineData("2012-02-01 till 2014-09-30")]
    [InlineData("2012-02-01 \u2013 2014-09-30")]
    [InlineData("2012-02-01\u20132014-09-30")]
    [InlineData("2012-02-01 \u2014 2014-09-30")]
    [InlineData("2012-02-01 - 2014-09-30")]
    [InlineData("2012-02-01-2014-09-30")]
    public void Period_separators(string period)
    {
        var result = ProjectParser.Parse(Pages.WithHeaderLine(8, "Projektperiod" + period));

        AssertStandardFacts(result);
    }

    public static TheoryData<string, string[]> HeaderLayouts => new()
    {
        { "glued", Pages.StandardHeader },
        { "spaced", Pages.StandardHeader.Select(Spaced).ToArray() },
        { "colon", Pages.StandardHeader.Select(l => Split(l, ": ")).ToArray() },
        { "colon without space", Pages.StandardHeader.Select(l => Split(l, ":")).ToArray() },
        { "tab", Pages.StandardHeader.Select(l => Split(l, "\t")).ToArray() },
        { "label alone", Pages.StandardHeader.Select(l => Split(l, "\n")).ToArray() },
        { "label alone with colon", Pages.StandardHeader.Select(l => Split(l, ":\n")).ToArray() },
        { "label alone, blank line before value", Pages.StandardHeader.Select(l => Split(l, "\n\n")).ToArray() },
        { "blank lines between rows", Pages.StandardHeader.Select(l => l + "\n").ToArray() },
        { "label alone, blank lines between rows", Pages.StandardHeader.Select(l => Split(l, "\n") + "\n").ToArray() },
        { "another order", Pages.StandardHeader.Reverse().ToArray() },
    };

    [Theory]
    [MemberData(nameof(HeaderLayouts))]
    public void Header_layouts(string layout, string[] header)
    {
        var result = ProjectParser.Parse(Pages.With(header));

        Assert.True(layout.Length > 0);
        AssertStandardFacts(result);
        Assert.Equal(10, result.Project.Fields.Length);
        Assert.Empty(result.Project.ExtraFields);
    }

    [Fact]
    public void Header_without_In_English_link_ends_at_the_first_heading()
    {
        var page = Pages.Standard().Replace("In English\n", "", StringComparison.Ordinal);

        AssertStandardFacts(ProjectParser.Parse(page));
    }

    [Fact]
    public void Label_alone_and_value_that_starts_with_a_label_word()
    {
        var header = Pages.StandardHeader.Select(l => Split(l, "\n")).ToArray();
        header[2] = "Projektägare\nRegion Skåne";

        var result = ProjectParser.Parse(Pages.With(header));

        Assert.Equal("Region Skåne", result.Project.Owner);
        Assert.Equal("Sydsverige", result.Project.Region);
    }

    [Fact]
    public void Glued_label_does_not_swallow_a_longer_word()
    {
        var header = Pages.StandardHeader.ToList();
        header.Insert(3, "Regionförbundet Kalmar län");

        var result = ProjectParser.Parse(Pages.With(header));

        Assert.Equal("Sydsverige", result.Project.Region);
        Assert.Contains("Regionförbundet Kalmar län", result.Project.UnplacedText);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.UnplacedText, 10, 1), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Missing_contact_fields(int index)
    {
        var header = Pages.StandardHeader.Where((_, i) => i != index).ToArray();

        var result = ProjectParser.Parse(Pages.With(header));

        Assert.Equal(9, result.Project.Fields.Length);
        Assert.False(result.HasErrors);
        Assert.Empty(result.Diagnostics);
        Assert.Equal("Kävlinge Lärcentrum", result.Project.Owner);
    }

    [Fact]
    public void No_chrome_and_no_banner()
    {
        var page = string.Join("\n", new[] { "Brytpunkt", "" }.Concat(Pages.StandardHeader).Concat(["In English", ""]).Concat(Pages.StandardBody));

        var result = ProjectParser.Parse(page);

        AssertStandardFacts(result);
        Assert.Null(result.Project.Notice);
    }

    [Fact]
    public void A_cookie_notice_before_the_title_is_the_notice()
    {
        var page = "Logotyp på utskrifter\n\nVi använder kakor (cookies) för att webbplatsen ska fungera bra.\nGodkänn kakor\n\n" + Pages.Standard().Replace("Logotyp på utskrifter\n\nStäng\n\n", "", StringComparison.Ordinal);

        var result = ProjectParser.Parse(page);

        AssertStandardFacts(result);
        Assert.Equal("Vi använder kakor (cookies) för att webbplatsen ska fungera bra.\nGodkänn kakor", result.Project.Notice);
    }

    [Fact]
    public void A_label_with_empty_value_does_not_take_the_next_label_as_value()
    {
        var header = Pages.StandardHeader.ToList();
        header.Insert(3, "Stödmottagarens address:");

        var result = ProjectParser.Parse(Pages.With(header));

        AssertStandardFacts(result);
        Assert.Empty(result.Project.ExtraFields);
        var field = result.Project.Fields.Single(f => f.Label == "Stödmottagarens address");
        Assert.Equal(("beneficiaryAddress", (string?)null), (field.Kind, field.Value));
        Assert.Null(result.Project.BeneficiaryAddress);
        Assert.Equal((DiagnosticCodes.EmptyValue, 10, 1), Assert.Single(result.Diagnostics) is var d ? (d.Code, d.Line, d.Column) : default);
    }

    [Fact]
    public void A_known_label_with_empty_value_followed_by_a_glued_label()
    {
        var result = ProjectParser.Parse(Pages.WithHeaderLine(5, "Telefonnummer"));

        Assert.Null(result.Project.Contact.Phone);
        Assert.Equal(Money.Sek(3493248m), result.Project.GrantedEsfSupport);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.EmptyValue, 12, 1), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
    }

    [Theory]
    [InlineData("Projektägaresaknas")]
    [InlineData("Projektägare saknas")]
    [InlineData("Projektägare: Saknas")]
    public void A_value_written_as_missing_is_null_with_info(string line)
    {
        var result = ProjectParser.Parse(Pages.WithHeaderLine(2, line));

        Assert.Null(result.Project.Owner);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.ValueWrittenAsMissing, diagnostic.Code);
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
        Assert.Equal(9, diagnostic.Line);
        Assert.Equal(line.IndexOf("aknas", StringComparison.OrdinalIgnoreCase), diagnostic.Column);
        Assert.False(result.HasErrors);
    }

    [Fact]
    public void Newer_page_with_label_alone_header_and_extra_fields()
    {
        const string page = """
            Logotyp på utskrifter

            2020/00542 - Vägen till arbete

            Projektnummer
            2020/00542

            Utlysning
            2019/00123

            Stödmottagare postnr
            17141

            Projektägare
            Region Stockholm

            Planerat antal deltagare
            1 200

            Specifikt mål
            2.1 Ökade övergångar till arbete

            Unionens medfinansieringsgrad
            50 %

            Beviljat ESF-stöd
            12 500 000 kr

            Total projektbudget
            25 000 000 kr

            Projektperiod
            2020-09-01 till 2023-08-31

            Programområde
            1.1 Kompetensförsörjning

            Sammanfattning

            Projektet ska stärka deltagarna.
            """;

        var result = ProjectParser.Parse(page);
        var p = result.Project;

        Assert.Equal("Vägen till arbete", p.Title);
        Assert.Equal(new SourcePosition(3, 14), p.TitlePosition);
        Assert.Equal("2020/00542", p.ProjectNumber);
        Assert.Equal("2019/00123", p.CallNumber);
        Assert.Equal("Region Stockholm", p.Owner);
        Assert.Equal(1200, p.PlannedParticipants);
        Assert.Equal("2.1 Ökade övergångar till arbete", p.SpecificObjective);
        Assert.Equal(50m, p.EuCofinancingRate);
        Assert.Equal(Money.Sek(12500000m), p.GrantedEsfSupport);
        Assert.Equal(new ProgramArea("1.1", 1, "Kompetensförsörjning"), p.ProgramArea);
        Assert.Empty(p.ExtraFields);
        var postalCode = p.Fields.Single(f => f.Label == "Stödmottagare postnr");
        Assert.Equal(("beneficiaryPostalCode", "17141", new SourcePosition(11, 1), new SourcePosition(12, 1)), (postalCode.Kind, postalCode.Value, postalCode.LabelPosition, postalCode.ValuePosition));
        Assert.Equal("17141", p.BeneficiaryPostalCode);
        Assert.Equal(PageLayout.ProjectBank2014To2020, p.Layout);
        Assert.Equal("Sammanfattning", Assert.Single(p.Sections).Heading);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Title_with_project_number_and_header_number_prefers_the_header()
    {
        var result = ProjectParser.Parse(Pages.With(Pages.StandardHeader.Append("Projektnummer 2020/00999"), title: "2020/00542 – Brytpunkt"));

        Assert.Equal("Brytpunkt", result.Project.Title);
        Assert.Equal("2020/00999", result.Project.ProjectNumber);
    }

    [Fact]
    public void Unknown_labels_in_colon_and_tab_layout_are_kept_with_positions()
    {
        var header = Pages.StandardHeader.Concat(["Ansökningsnummer: 17141", "Organisationsnummer\t212000-1234"]);

        var result = ProjectParser.Parse(Pages.With(header));

        AssertStandardFacts(result);
        Assert.Equal(
            [("Ansökningsnummer", "17141", 17), ("Organisationsnummer", "212000-1234", 18)],
            result.Project.ExtraFields.Select(f => (f.Label, f.Value, f.LabelPosition.Line)));
        Assert.Equal(new SourcePosition(17, 19), result.Project.ExtraFields[0].ValuePosition);
    }

    [Theory]
    [InlineData("Syfte")]
    [InlineData("Målgrupp")]
    [InlineData("Förväntade resultat")]
    [InlineData("Projektets organisation och styrning")]
    public void Headings_beyond_the_seeds_start_sections(string heading)
    {
        var body = new[] { heading, "", "Text om " + heading.ToLowerInvariant() + ".", "" }.Concat(Pages.StandardBody);

        var result = ProjectParser.Parse(Pages.With(Pages.StandardHeader, body: body));

        Assert.Equal(heading, result.Project.Sections[0].Heading);
        Assert.Equal("Text om " + heading.ToLowerInvariant() + ".", result.Project.Sections[0].Text);
        Assert.Equal("Sammanfattning", result.Project.Sections[1].Heading);
    }

    [Fact]
    public void A_line_followed_directly_by_text_stays_inside_its_section()
    {
        var body = new[] { "Sammanfattning", "", "Inledning.", "", "Syfte", "Detta är syftet.", "", "Bakgrund", "", "Historik." };

        var result = ProjectParser.Parse(Pages.With(Pages.StandardHeader, body: body));

        Assert.Equal<string>(["Sammanfattning", "Bakgrund"], result.Project.Sections.Select(s => s.Heading!));
        Assert.Equal("Inledning.\n\nSyfte\nDetta är syftet.", result.Project.Sections[0].Text);
        Assert.IsType<SubHeadingBlock>(result.Project.Sections[0].Blocks[1]);
    }

    [Fact]
    public void Summary_text_without_any_heading()
    {
        var body = new[] { "Projektet ska hjälpa långtidsarbetslösa.", "Det pågår i tre år." };

        var result = ProjectParser.Parse(Pages.With(Pages.StandardHeader, body: body));

        var section = Assert.Single(result.Project.Sections);
        Assert.Null(section.Heading);
        Assert.Equal("Projektet ska hjälpa långtidsarbetslösa.\nDet pågår i tre år.", section.Text);
        Assert.Equal(new SourcePosition(19, 1), section.Position);
    }

    [Fact]
    public void List_heading_followed_directly_by_items()
    {
        var body = new[] { "Kommun", "• Lund", "• Malmö" };

        var result = ProjectParser.Parse(Pages.With(Pages.StandardHeader, body: body));

        Assert.Equal<string>(["Lund", "Malmö"], result.Project.Municipalities);
    }

    /// <summary>A list section's item wrapped onto the next line: the item leads on (a joining word, a comma, a hyphen) or the next line starts in lower case.</summary>
    [Fact]
    public void A_wrapped_item_in_a_list_section_is_one_item()
    {
        var body = new[] { "Samarbetspartners", "", "• Lunds kommun och", "Region Skåne", "• Företaget AB,", "Lund", "• Stiftelsen för", "  kompetensutveckling", "• Ellco Food AB", "Malmö stad" };

        var result = ProjectParser.Parse(Pages.With(Pages.StandardHeader, body: body));

        Assert.Equal<string>(["Lunds kommun och Region Skåne", "Företaget AB, Lund", "Stiftelsen för kompetensutveckling", "Ellco Food AB", "Malmö stad"], result.Project.Partners);
        var unmarked = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.ListItemWithoutMarker);
        Assert.Contains("'Malmö stad'", unmarked.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void List_items_without_marker_are_items_with_info()
    {
        var body = new[] { "Kommun", "", "Lund", "Malmö" };

        var result = ProjectParser.Parse(Pages.With(Pages.StandardHeader, body: body));

        Assert.Equal<string>(["Lund", "Malmö"], result.Project.Municipalities);
        Assert.Equal([(DiagnosticCodes.ListItemWithoutMarker, 21), (DiagnosticCodes.ListItemWithoutMarker, 22)], result.Diagnostics.Select(d => (d.Code, d.Line)));
    }

    [Fact]
    public void List_markers_of_every_kind_and_continuation_lines()
    {
        var body = new[] { "Mål", "", "1. Första målet", "   som fortsätter här", "2) Andra", "a) Tredje", "* Fjärde", "– Femte", "· Sjätte" };

        var result = ProjectParser.Parse(Pages.With(Pages.StandardHeader, body: body));

        var list = Assert.IsType<ListBlock>(Assert.Single(result.Project.Sections[0].Blocks));
        Assert.Equal(
            [ListMarkerKind.NumberDot, ListMarkerKind.NumberParenthesis, ListMarkerKind.LetterParenthesis, ListMarkerKind.Asterisk, ListMarkerKind.EnDash, ListMarkerKind.MiddleDot],
            list.Items.Select(i => i.Marker));
        Assert.Equal("Första målet som fortsätter här", list.Items[0].Text);
    }

    [Fact]
    public void Extra_headings_before_the_header_are_not_lost()
    {
        var page = "Logotyp på utskrifter\n\nNyhet: ny webbplats\n\nLäs mer här\n\n" + Pages.Standard().Replace("Logotyp på utskrifter\n\n", "", StringComparison.Ordinal);

        var result = ProjectParser.Parse(page);

        AssertStandardFacts(result);
        Assert.Equal("Nyhet: ny webbplats\n\nLäs mer här", result.Project.Notice);
    }

    private static string Spaced(string glued)
    {
        var label = LabelOf(glued);
        return label + " " + glued[label.Length..];
    }

    private static string Split(string glued, string separator)
    {
        var label = LabelOf(glued);
        return label + separator + glued[label.Length..];
    }

    private static string LabelOf(string glued) =>
        new[] { "Programområde", "Projektfas", "Projektägare", "Kontaktperson", "E-post", "Telefonnummer", "Beviljat ESF-stöd", "Total projektbudget", "Projektperiod", "Region" }
            .First(l => glued.StartsWith(l, StringComparison.Ordinal));
}
