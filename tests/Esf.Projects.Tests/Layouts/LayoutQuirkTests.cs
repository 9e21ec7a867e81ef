using Esf.Projects.Fields;
using NodaTime;

namespace Esf.Projects.Tests.Layouts;

/// <summary>
/// Every quirk the layout note describes, each in every layout where it can occur: the print export (A, built from
/// the standard seed-like page), the 2014–2020 page (B, from b1) and the ESF+ page (C, from c1).
/// </summary>
public class LayoutQuirkTests
{
    private static readonly string B = LayoutFactsTests.Text("b1-2014-2020-cookie-banner.txt");
    private static readonly string C = LayoutFactsTests.Text("c1-esf-plus-2021-2027.txt");

    private static string Replace(string page, string from, string to)
    {
        Assert.Contains(from, page, StringComparison.Ordinal);
        return page.Replace(from, to, StringComparison.Ordinal);
    }

    /// <summary>The page with its body replaced: B's body starts after "Utvärderingsrapporter:", C's after the last row.</summary>
    private static string WithBody(string layout, string body) => layout switch
    {
        "A" => Pages.With(Pages.StandardHeader, body: body.Split('\n')),
        "B" => B[..(B.IndexOf("Utvärderingsrapporter:\n", StringComparison.Ordinal) + "Utvärderingsrapporter:\n".Length)] + "\n" + body + "\n",
        _ => C[..(C.IndexOf("Nej\n\n", C.IndexOf("strategisk", StringComparison.Ordinal), StringComparison.Ordinal) + 4)] + "\n" + body + "\n",
    };

    private static ProjectParseResult Parse(string text) => ProjectParser.Parse(text);

    [Theory]
    [InlineData("A", PageLayout.PrintExport2007To2013)]
    [InlineData("B", PageLayout.ProjectBank2014To2020)]
    [InlineData("C", PageLayout.EsfPlus2021To2027)]
    public void The_layout_is_recognised_from_the_page(string layout, PageLayout expected) =>
        Assert.Equal(expected, Parse(WithBody(layout, "Text.")).Project.Layout);

    [Fact]
    public void A_page_with_a_header_but_no_mark_of_any_layout_is_read_and_reported()
    {
        var result = Parse("Titel\nProjektägare: Kommunen\nRegion: Sydsverige\n\nSammanfattning\n\nText.\n");

        Assert.Equal(PageLayout.Unknown, result.Project.Layout);
        Assert.Equal(("Titel", "Kommunen"), (result.Project.Title, result.Project.Owner));
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.LayoutNotRecognised, DiagnosticSeverity.Info, 2), (diagnostic.Code, diagnostic.Severity, diagnostic.Line));
    }

    [Theory]
    [InlineData("A")]
    [InlineData("B")]
    [InlineData("C")]
    public void Print_chrome_before_the_title_is_dropped(string layout)
    {
        var page = layout == "A" ? Pages.Standard() : "Logotyp på utskrifter\n\nStäng\n\n" + (layout == "B" ? B : C);

        var p = Parse(page).Project;

        Assert.DoesNotContain("Logotyp", p.Notice ?? string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain("Stäng", p.Notice ?? string.Empty, StringComparison.Ordinal);
        Assert.NotNull(p.Title);
    }

    [Theory]
    [InlineData("A")]
    [InlineData("B")]
    [InlineData("C")]
    public void Site_banners_before_the_title_are_the_notice(string layout)
    {
        const string banner = "information (1)\nCookies\n\nVi använder kakor.\n\nLär dig mer\n\n";
        var page = layout switch
        {
            "A" => Replace(Pages.Standard(), "Stäng\n\n", "Stäng\n\n" + banner),
            "B" => banner + B[B.IndexOf("2019/00871 -", StringComparison.Ordinal)..],
            _ => banner + C,
        };

        var p = Parse(page).Project;

        Assert.Equal("information (1)\nCookies\n\nVi använder kakor.\n\nLär dig mer", p.Notice);
        Assert.NotNull(p.Title);
        Assert.DoesNotContain("Lär dig mer", p.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_in_lower_case_glued_to_its_label_is_that_label_in_a_glued_header() // only the print export glues rows
    {
        var result = Parse(Pages.WithHeaderLine(3, "Kontaktpersonanna Berg"));

        Assert.Equal("anna Berg", result.Project.Contact.Name);
        Assert.Empty(result.Project.UnplacedText);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void A_word_glued_to_a_label_the_page_gives_elsewhere_is_text_not_that_label()
    {
        var header = Pages.StandardHeader.ToList();
        header.Insert(3, "Regionförbundet Kalmar län");

        var p = Parse(Pages.With(header)).Project;

        Assert.Equal("Sydsverige", p.Region);
        Assert.Equal<string>(["Regionförbundet Kalmar län"], p.UnplacedText);
    }

    [Theory]
    [InlineData("A")]
    [InlineData("B")]
    [InlineData("C")]
    public void A_value_written_as_missing_is_null_and_the_raw_text_is_kept(string layout)
    {
        var page = layout switch
        {
            "A" => Pages.WithHeaderLine(2, "Projektägaresaknas"),
            "B" => Replace(B, "Luleå kommun, Arbetsmarknadsförvaltningen, Arbetsmarknadsförvaltningen", "saknas"),
            _ => Replace(C, "UMEÅ KOMMUN", "Saknas"),
        };

        var result = Parse(page);

        Assert.Null(result.Project.Owner);
        var owner = result.Project.Fields.Single(f => f.Kind == "owner");
        Assert.Null(owner.Value);
        Assert.Equal("saknas", owner.RawValue, ignoreCase: true);
        Assert.Equal(DiagnosticCodes.ValueWrittenAsMissing, Assert.Single(result.Diagnostics, d => d.Code != DiagnosticCodes.EmptyValue).Code);
    }

    [Theory]
    [InlineData("A")]
    [InlineData("B")]
    [InlineData("C")]
    public void A_standalone_line_directly_under_a_form_heading_is_its_sub_heading(string layout)
    {
        var p = Parse(WithBody(layout, "Bakgrund\n\nNuläge\n\nMånga unga lämnar skolan.\n\nSyfte\n\nAtt hjälpa.")).Project;

        var background = p.Sections.Single(s => s.Heading == "Bakgrund");
        Assert.Equal("Nuläge", Assert.IsType<SubHeadingBlock>(background.Blocks[0]).Text);
        Assert.Equal("Många unga lämnar skolan.", Assert.IsType<ParagraphBlock>(background.Blocks[1]).Text);
        Assert.DoesNotContain(p.Sections, s => s.Heading == "Nuläge");
        Assert.Contains(p.Sections, s => s.Heading == "Syfte");
    }

    [Theory]
    [InlineData("A", "Syftet med förstudien är att")]
    [InlineData("B", "Under projekttiden ska deltagarna")]
    [InlineData("C", "Vi vill bland annat")]
    [InlineData("A", "Deltagarna kommer")]
    public void A_sentence_that_leads_into_a_list_is_text_not_a_heading(string layout, string leadIn)
    {
        var p = Parse(WithBody(layout, "Målsättning\n\nInledning.\n\n" + leadIn + "\n\n- öva\n- arbeta")).Project;

        Assert.DoesNotContain(p.Sections, s => s.Heading == leadIn);
        var section = p.Sections.Single(s => s.Heading == "Målsättning");
        Assert.Contains(section.Blocks, b => b is ParagraphBlock paragraph && paragraph.Text == leadIn);
        Assert.Equal(2, section.Blocks.OfType<ListBlock>().Single().Items.Length);
    }

    [Theory]
    [InlineData("A")]
    [InlineData("B")]
    [InlineData("C")]
    public void A_heading_followed_by_a_list_is_still_a_heading(string layout)
    {
        var p = Parse(WithBody(layout, "Målgrupp\n\n- unga\n- vuxna")).Project;

        Assert.Equal(2, p.Sections.Single(s => s.Heading == "Målgrupp").Blocks.OfType<ListBlock>().Single().Items.Length);
    }

    [Theory]
    [InlineData("B")]
    [InlineData("C")]
    public void A_form_heading_directly_followed_by_its_text_starts_a_section_on_the_newer_pages(string layout)
    {
        var p = Parse(WithBody(layout, "Sammanfattning\nProjektet ger stöd.\n\nMer text.")).Project;

        var summary = p.Sections.Single(s => s.Heading == "Sammanfattning");
        Assert.Equal("Projektet ger stöd.\n\nMer text.", summary.Text);
    }

    [Fact]
    public void A_form_heading_directly_followed_by_text_is_a_sub_heading_on_the_print_export()
    {
        var p = Parse(WithBody("A", "Sammanfattning\n\nInledning.\n\nSyfte\nDetta är syftet.")).Project;

        Assert.Equal<string>(["Sammanfattning"], p.Sections.Select(s => s.Heading!));
        Assert.IsType<SubHeadingBlock>(p.Sections[0].Blocks[1]);
    }

    [Theory]
    [InlineData("B", "2019/00871 - Vägar framåt i Norrbotten", "2019/00871", "Vägar framåt i Norrbotten")]
    [InlineData("C", "23-112-S05 - Gröna jobb i Västerbotten", "23-112-S05", "Gröna jobb i Västerbotten")]
    [InlineData("B", "2019/00871 – Vägar framåt", "2019/00871", "Vägar framåt")]
    [InlineData("C", "23-112-S05: Gröna jobb", "23-112-S05", "Gröna jobb")]
    public void The_number_leading_the_title_line_is_the_project_number(string layout, string line, string number, string title)
    {
        var page = layout == "B" ? Replace(B, "2019/00871 - Vägar framåt i Norrbotten", line) : Replace(C, "23-112-S05 - Gröna jobb i Västerbotten", line);

        var p = Parse(page).Project;

        Assert.Equal((number, title), (p.ProjectNumber, p.Title));
        Assert.Equal(line.Length - title.Length + 1, p.TitlePosition?.Column);
    }

    [Theory]
    [InlineData("B", "Projektnummer:\n2019/00871", "Projektnummer:\n2019/00999")]
    [InlineData("C", "Diarienummer:\n23-112-S05", "Diarienummer:\n23-112-S06")]
    public void Different_project_numbers_are_all_kept_and_reported(string layout, string from, string to)
    {
        var result = Parse(Replace(layout == "B" ? B : C, from, to));

        Assert.Equal(2, result.Project.ProjectNumbers.Length);
        Assert.Equal(to.Split('\n')[1], result.Project.ProjectNumbers[1]);
        Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.ProjectNumbersDiffer);
    }

    [Theory]
    [InlineData("B", "Region:\nÖvre Norrland")]
    [InlineData("C", "Region:\nÖvre Norrland")]
    public void A_label_whose_next_line_is_another_label_has_no_value(string layout, string row)
    {
        var result = Parse(Replace(layout == "B" ? B : C, row, "Region:"));

        Assert.Null(result.Project.Region);
        Assert.Null(result.Project.Fields.Single(f => f.Kind == "region").Value);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.EmptyValue);
        Assert.NotNull(result.Project.Title);
    }

    [Theory]
    [InlineData("B")]
    [InlineData("C")]
    public void An_empty_last_label_does_not_take_the_first_paragraph_of_the_body(string layout)
    {
        var page = layout == "B" ? B : Replace(C, "Insats av strategisk betydelse:\nNej\n", "Insats av strategisk betydelse:\nNej\nUtvärderingsrapporter:\n");

        var p = Parse(page).Project;

        Assert.Null(p.EvaluationReports);
        Assert.Null(p.Fields.Single(f => f.Kind == "evaluationReports").Value);
        Assert.StartsWith("Projektet", Assert.Single(p.Sections).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("B", "2019/00871 - Vägar framåt i Norrbotten\n\n", "Diarienummer:")]
    [InlineData("C", "23-112-S05 - Gröna jobb i Västerbotten\n\n", "Diarienummer:")]
    public void Labels_before_the_first_known_label_are_header_rows_not_title_or_notice(string layout, string titleLine, string firstRow)
    {
        var page = Replace(layout == "B" ? B : C, titleLine + firstRow, titleLine + "Ärendetyp:\nAnsökan\n" + firstRow);

        var result = Parse(page);
        var p = result.Project;

        Assert.Equal(titleLine.Split(" - ")[1].TrimEnd(), p.Title);
        Assert.Equal(layout == "B" ? "information (1)" : null, p.Notice?.Split('\n')[0]);
        var unknown = Assert.Single(p.ExtraFields);
        Assert.Equal(("Ärendetyp", "Ansökan"), (unknown.Label, unknown.Value));
        Assert.Equal(unknown, p.Fields[0]);
        Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.UnknownLabel);
    }

    [Fact]
    public void Empty_start_and_end_dates_on_a_2014_2020_page_leave_the_period_to_Projektperiod()
    {
        var result = Parse(Replace(B, "Region:\n", "Startdatum:\nSlutdatum:\nRegion:\n"));

        Assert.Equal(PageLayout.ProjectBank2014To2020, result.Project.Layout);
        Assert.Equal(new DateInterval(new LocalDate(2020, 1, 1), new LocalDate(2022, 6, 30)), result.Project.Period);
        Assert.Equal(2, result.Diagnostics.Count(d => d.Code == DiagnosticCodes.EmptyValue && d.Line is 18 or 19));
    }

    [Theory]
    [InlineData("Slutdatum:\n2027-02-28", "Slutdatum:", DiagnosticCodes.PartialPeriod)]
    [InlineData("Slutdatum:\n2027-02-28", "Slutdatum:\n2020-02-28", DiagnosticCodes.ReversedPeriod)]
    [InlineData("Startdatum:\n2024-03-01", "Startdatum:\n2024-02-30", DiagnosticCodes.ImpossibleDate)]
    [InlineData("Startdatum:\n2024-03-01", "Startdatum:\nmars 2024", DiagnosticCodes.InvalidDate)]
    public void A_period_from_start_and_end_dates_that_cannot_be_made_is_null_and_reported(string from, string to, string code)
    {
        var result = Parse(Replace(C, from, to));

        Assert.Null(result.Project.Period);
        Assert.Contains(result.Diagnostics, d => d.Code == code);
    }

    [Theory]
    [InlineData("B", "Region:\nÖvre Norrland", "Region:\nSmåland & Öarna", EsfRegion.SmalandOchOarna)]
    [InlineData("C", "Region:\nÖvre Norrland", "Region:\nESF Nationellt", EsfRegion.National)]
    [InlineData("B", "Region:\nÖvre Norrland", "Region:\nESF-Nationellt", EsfRegion.National)]
    [InlineData("A", "RegionSydsverige", "RegionSmåland & Öarna", EsfRegion.SmalandOchOarna)]
    public void Region_spellings_of_every_layout(string layout, string from, string to, EsfRegion expected)
    {
        var page = layout switch { "A" => Replace(Pages.Standard(), from, to), "B" => Replace(B, from, to), _ => Replace(C, from, to) };

        Assert.Equal(expected, Parse(page).Project.EsfRegion);
    }

    [Fact]
    public void A_NUTS_2_area_that_lies_in_another_region_is_reported()
    {
        var result = Parse(Replace(C, "NUTS-2 kod:\nSE33", "NUTS-2 kod:\nSE22"));

        Assert.Equal("SE22", result.Project.Nuts2?.Code);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.Nuts2RegionMismatch, 32, 1), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public void A_NUTS_2_code_that_is_not_Swedish_is_kept_as_written()
    {
        var result = Parse(Replace(C, "NUTS-2 kod:\nSE33", "NUTS-2 kod:\nFI1B"));

        Assert.Null(result.Project.Nuts2);
        Assert.Equal("FI1B", result.Project.Fields.Single(f => f.Kind == "nuts2").Value);
        Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.UnknownNuts2Code);
    }

    [Theory]
    [InlineData("2120004128", "212000-4128")]
    [InlineData("212000-4128", "212000-4128")]
    [InlineData("16212000-4128", "212000-4128")]
    public void The_owner_organisation_number_in_each_spelling(string written, string expected)
    {
        var p = Parse(Replace(C, "2120004128", written)).Project;

        Assert.Equal(expected, p.OrganisationNumber?.ToString());
        Assert.Equal("UMEÅ KOMMUN", p.Owner);
    }

    [Fact]
    public void An_organisation_number_with_a_wrong_check_digit_is_reported_and_kept_as_written()
    {
        var result = Parse(Replace(C, "2120004128", "2120004127"));

        Assert.Null(result.Project.OrganisationNumber);
        Assert.Equal("2120004127", result.Project.Fields.Single(f => f.Kind == "ownerOrganisationNumber").Value);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.InvalidOrganisationNumber, 18, 10), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
        Assert.Equal("UMEÅ KOMMUN", result.Project.Owner);
    }

    [Theory]
    [InlineData("Ja", true)]
    [InlineData("JA", true)]
    [InlineData("nej", false)]
    public void Yes_and_no_are_booleans(string written, bool expected) =>
        Assert.Equal(expected, Parse(Replace(C, "barnfattigdom:\nNej", "barnfattigdom:\n" + written)).Project.ChildPovertyTheme);

    [Fact]
    public void A_yes_no_field_with_something_else_is_reported()
    {
        var result = Parse(Replace(C, "barnfattigdom:\nNej", "barnfattigdom:\nKanske"));

        Assert.Null(result.Project.ChildPovertyTheme);
        Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.InvalidYesNo);
    }

    [Theory]
    [InlineData("ESF", EsfFund.Esf)]
    [InlineData("FEAD", EsfFund.Fead)]
    [InlineData("esf+", EsfFund.EsfPlus)]
    public void Funds(string written, EsfFund expected) =>
        Assert.Equal(expected, Parse(Replace(C, "fond:\nESF+", "fond:\n" + written)).Project.Fund);

    [Fact]
    public void An_unknown_fund_is_kept_as_written_with_info()
    {
        var result = Parse(Replace(C, "fond:\nESF+", "fond:\nERUF"));

        Assert.Null(result.Project.Fund);
        Assert.Equal(DiagnosticSeverity.Info, Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.UnknownFund).Severity);
    }

    [Fact]
    public void An_owner_repeating_its_unit_is_kept_as_written() =>
        Assert.Equal("Luleå kommun, Arbetsmarknadsförvaltningen, Arbetsmarknadsförvaltningen", Parse(B).Project.Owner);

    [Theory]
    [InlineData("B")]
    [InlineData("C")]
    public void Rows_in_any_order_give_the_same_project(string layout)
    {
        var page = layout == "B" ? B : C;
        var start = page.IndexOf("Diarienummer:", StringComparison.Ordinal);
        var end = page.IndexOf("\n\n", start, StringComparison.Ordinal);
        var rows = new List<string>();
        foreach (var line in page[start..end].Split('\n'))
        {
            if (line.EndsWith(':'))
            {
                rows.Add(line);
            }
            else
            {
                rows[^1] += "\n" + line;
            }
        }

        rows.Reverse();
        var reordered = page[..start] + string.Join('\n', rows) + page[end..];

        var a = Parse(page).Project;
        var b = Parse(reordered).Project;

        Assert.Equal(
            (a.Title, a.ProjectNumber, a.Owner, a.Period, a.Region, a.TotalBudget, a.GrantedEsfSupport, a.PlannedParticipants, a.ProgramArea, a.SpecificObjective, a.EuCofinancingRate, a.Nuts2, a.OrganisationNumber, a.InterventionType),
            (b.Title, b.ProjectNumber, b.Owner, b.Period, b.Region, b.TotalBudget, b.GrantedEsfSupport, b.PlannedParticipants, b.ProgramArea, b.SpecificObjective, b.EuCofinancingRate, b.Nuts2, b.OrganisationNumber, b.InterventionType));
    }

    [Theory]
    [InlineData("B")]
    [InlineData("C")]
    public void Amounts_without_kr_are_kronor(string layout)
    {
        var page = layout == "B" ? B : Replace(C, "Antal deltagare:", "Total projektbudget:\n2 400 000\nBeviljat ESF-stöd:\n960 000\nAntal deltagare:");

        var p = Parse(page).Project;

        Assert.Equal("SEK", p.TotalBudget?.Currency);
        Assert.True(p.GrantedEsfSupport?.Amount > 0);
    }
}
