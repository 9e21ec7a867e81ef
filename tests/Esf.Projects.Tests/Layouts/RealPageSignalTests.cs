using Esf.Projects.ReferenceData;

namespace Esf.Projects.Tests.Layouts;

/// <summary>
/// The diagnostics of every real page and layout example, each expected one with its reason. A page that is
/// consistent gets no warning: a warning means the page contradicts itself or something was lost (docs/diagnostics.md).
/// Most real pages are index copies cut after about 2 000 bytes: the cut line stands alone at the end, and is text
/// of the last section, not a heading with nothing under it.
/// </summary>
public class RealPageSignalTests
{
    private const string FormFieldsLeftEmpty = "the form shows this field empty";
    private const string UnknownLabel = "a label no built-in field reads, kept as an extra field";
    private const string WrittenAsMissing = "the owner is written 'saknas'";
    private const string NoKnownLayout = "a made-up page of none of the layouts";

    /// <summary>Each page's expected diagnostics: code and reason, in page order; pages not listed have none.</summary>
    private static readonly Dictionary<string, (string Code, string Reason)[]> Expected = new()
    {
        ["Pages/01_forstudien-social-utveckling-2022-00115.txt"] = [(DiagnosticCodes.EmptyValue, FormFieldsLeftEmpty)],
        ["Pages/02_kvinna-in-i-sverige-2018-00566.txt"] = [(DiagnosticCodes.EmptyValue, FormFieldsLeftEmpty)],
        ["Pages/04_kvinnors-etablering-22-044-S07-b.txt"] = [(DiagnosticCodes.UnknownLabel, UnknownLabel), (DiagnosticCodes.UnknownLabel, UnknownLabel), (DiagnosticCodes.UnknownLabel, UnknownLabel)],
        ["Pages/08_psykisk-halsa-sysselsattning-2020-00682.txt"] = [(DiagnosticCodes.EmptyValue, FormFieldsLeftEmpty), (DiagnosticCodes.EmptyValue, FormFieldsLeftEmpty)],
        ["Pages/09_ett-kompetenslyft-for-sverige-2019-00446.txt"] = [(DiagnosticCodes.EmptyValue, FormFieldsLeftEmpty)],
        ["Pages/12_plug-in-2015-00665.txt"] = [(DiagnosticCodes.EmptyValue, FormFieldsLeftEmpty)],
        ["Pages/14_fullfoljd-utbildning-2020-00358.txt"] = [(DiagnosticCodes.EmptyValue, FormFieldsLeftEmpty)],
        ["Pages/20_reskills-textile-fashion-2020-00343.txt"] = [(DiagnosticCodes.EmptyValue, FormFieldsLeftEmpty)],
        ["Pages/23_active-euromobility-2018-00246.txt"] = [(DiagnosticCodes.EmptyValue, FormFieldsLeftEmpty), (DiagnosticCodes.EmptyValue, FormFieldsLeftEmpty), (DiagnosticCodes.EmptyValue, FormFieldsLeftEmpty)],
        ["Pages/25_ung-i-gavleborg-2015-00646.txt"] = [(DiagnosticCodes.EmptyValue, FormFieldsLeftEmpty)],
        ["Pages/29_jamstalld-etablering-2017-00595.txt"] = [(DiagnosticCodes.EmptyValue, FormFieldsLeftEmpty)],
        ["Pages/33_somalisk-kvinnokraft.txt"] = [(DiagnosticCodes.ValueWrittenAsMissing, WrittenAsMissing)],
        ["Layouts/a1-2007-2013-quirks.txt"] = [(DiagnosticCodes.ValueWrittenAsMissing, WrittenAsMissing)],
        ["Layouts/b1-2014-2020-cookie-banner.txt"] = [(DiagnosticCodes.EmptyValue, FormFieldsLeftEmpty), (DiagnosticCodes.EmptyValue, FormFieldsLeftEmpty)],
    };

    public static TheoryData<string> Pages => new(TestPages.RelativePaths.Where(p => !p.StartsWith("seeds/", StringComparison.Ordinal)));

    [Theory]
    [MemberData(nameof(Pages))]
    public void A_real_page_has_exactly_the_diagnostics_its_content_explains(string page)
    {
        var result = TestPages.Parse(page);

        var expected = Expected.GetValueOrDefault(page) ?? [];
        Assert.Equal(expected.Select(e => e.Code), result.Diagnostics.Select(d => d.Code));
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity != DiagnosticSeverity.Info);
        Assert.All(expected, e => Assert.False(string.IsNullOrWhiteSpace(e.Reason)));
    }

    [Theory]
    [InlineData("Pages/09_ett-kompetenslyft-for-sverige-2019-00446.txt", "Ny snabb teknisk utveckling, di")]
    [InlineData("Pages/33_somalisk-kvinnokraft.txt", "Målsättningen är att förstud")]
    public void The_line_a_copy_is_cut_in_is_the_last_sections_text_not_a_heading(string page, string cutLine)
    {
        var sections = TestPages.Parse(page).Project.Sections;

        Assert.DoesNotContain(sections, s => s.Heading == cutLine);
        Assert.EndsWith(cutLine, sections[^1].Text.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_expectation_names_a_page_the_tests_hold() =>
        Assert.All(Expected.Keys, page => Assert.Contains(page, TestPages.RelativePaths));

    [Fact]
    public void The_nationwide_NUTS_code_SE0_is_kept_as_the_whole_country_without_a_warning()
    {
        var result = TestPages.Parse("Pages/11_up-2-0-22-030-S03.txt");

        Assert.Equal(Nuts2Regions.WholeCountry, result.Project.Nuts2);
        Assert.Equal(("SE0", EsfRegion.National), (result.Project.Nuts2!.Code, result.Project.Nuts2.EsfRegion));
        Assert.Equal(EsfRegion.National, result.Project.EsfRegion);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code is DiagnosticCodes.UnknownNuts2Code or DiagnosticCodes.Nuts2RegionMismatch);
        Assert.Contains("\"code\": \"SE0\"", Json.EsfJson.Serialize(result), StringComparison.Ordinal);
        Assert.Equal("SE0", Esf.Projects.Tables.ProjectColumns.All.Single(c => c.Name == "nuts2").GetText(result));
    }

    [Fact]
    public void SE0_on_a_regional_page_contradicts_its_region()
    {
        var page = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Pages/22_skills-halland-22-001-S01.txt")).Replace("NUTS-2 kod:\nSE23", "NUTS-2 kod:\nSE0", StringComparison.Ordinal);

        var result = ProjectParser.Parse(page);

        Assert.Equal("SE0", result.Project.Nuts2?.Code);
        Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.Nuts2RegionMismatch);
    }

    [Theory]
    [InlineData("Pages/06_aldreliv-nordost-forprojektering.txt", "2008")]
    [InlineData("Pages/07_aldreliv-nordost-genomforande.txt", "2010")]
    [InlineData("Pages/17_forprojektering-validering-varberg.txt", "2008")]
    [InlineData("Pages/24_vastkraft.txt", "2009")]
    [InlineData("Pages/30_dubbelt-sa-bra.txt", "2011")]
    public void A_project_that_started_before_2014_belongs_to_2007_2013_with_high_confidence(string page, string year)
    {
        var programme = TestPages.Parse(page).Project.Programme;

        Assert.NotNull(programme);
        Assert.Equal((ProgrammePeriod.Period2007To2013, InferenceConfidence.High), (programme.Period, programme.Confidence));
        Assert.Contains("project start " + year, programme.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void A_FEAD_page_names_no_area_or_objective_of_the_ESF_programme()
    {
        var page = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Pages/16_fead-po-drom-2016-00023.txt"))
            .Replace("Specifikt mål:\n5.3", "Programområde:\n5\nSpecifikt mål:\n5.3", StringComparison.Ordinal);

        var result = ProjectParser.Parse(page);

        var programme = result.Project.Programme;
        Assert.NotNull(programme);
        Assert.Equal(5, result.Project.ProgramArea?.Number);
        Assert.Equal(ProgrammePeriod.Period2014To2020, programme.Period);
        Assert.Null(programme.AreaName);
        Assert.Null(programme.ObjectiveName);
        Assert.DoesNotContain("React", Json.EsfJson.Serialize(result), StringComparison.Ordinal);
    }

    [Fact]
    public void A_React_EU_page_that_names_its_area_without_a_number_gets_no_warning()
    {
        var page = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Pages/21_kompa-halland-2020-00291.txt"))
            .Replace("Programområde:\n1\n", "Programområde:\nReact-EU\n", StringComparison.Ordinal);

        var result = ProjectParser.Parse(page);

        Assert.Equal("React-EU", result.Project.ProgramArea?.Name);
        Assert.Null(result.Project.ProgramArea?.Number);
        Assert.Equal(DiagnosticCodes.ProgramAreaWithoutNumber, Assert.Single(result.Diagnostics).Code);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity != DiagnosticSeverity.Info);
        Assert.Equal(ProgrammePeriod.Period2014To2020, result.Project.Programme?.Period);
    }

    [Fact]
    public void A_generic_title_line_gives_way_to_the_Namn_row()
    {
        var page = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Pages/03_kvinnors-etablering-22-044-S07-a.txt"))
            .Replace("22-044-S07 - Kvinnors etablering\n", "Projekt\n", StringComparison.Ordinal);

        var project = ProjectParser.Parse(page).Project;

        Assert.Equal("Kvinnors etablering", project.Title);
        Assert.Equal(new SourcePosition(6, 1), project.TitlePosition);
        Assert.Equal("22-044-S07", project.ProjectNumber);
    }

    [Fact]
    public void A_title_line_that_names_a_project_is_kept_even_beside_a_different_Namn()
    {
        var page = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Pages/03_kvinnors-etablering-22-044-S07-a.txt"))
            .Replace("22-044-S07 - Kvinnors etablering\n", "Projektet Kvinnors etablering\n", StringComparison.Ordinal);

        Assert.Equal("Projektet Kvinnors etablering", ProjectParser.Parse(page).Project.Title);
    }
}
