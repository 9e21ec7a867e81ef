using Esf.Projects.Handlers;
using Esf.Projects.Handlers.Prose;

namespace Esf.Projects.Tests.Extensibility;

/// <summary>Every word the parser matches comes from the vocabulary (or a field's labels), so English mode and a changed vocabulary reach all of them.</summary>
public class VocabularyTests
{
    private const string EnglishPage = """
        Print logo

        Skills for all

        Programme area: 1 Skills supply
        Project phase: Implementation
        Project owner: missing
        Contact person: Anna Berg
        Granted ESF support: 1 000 000 kr
        Total project budget: 2 000 000 kr
        Start date: 2024-01-01
        End date: 2025-12-31
        Fund: European Social Fund Plus
        Operation of strategic importance: Yes
        Region: National
        På svenska

        Summary

        A summary.

        Clarification 2024-05-01
        Changed.

        Municipalities

        • Lund
        """;

    [Fact]
    public void English_mode_reaches_labels_headings_and_every_other_word()
    {
        var swedish = ProjectParser.Parse(EnglishPage);
        var result = new ProjectParserBuilder().UseEnglishLabels().Build().Parse(EnglishPage);
        var p = result.Project;

        Assert.Null(swedish.Project.Phase);
        Assert.Equal("Skills for all", p.Title);
        Assert.Null(p.Notice); // "Print logo" is chrome
        Assert.Equal(ProjectPhaseKind.Implementation, p.Phase?.Kind);
        Assert.Null(p.Owner);
        Assert.Equal("missing", p.Fields.Single(f => f.Kind == "owner").RawValue);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.ValueWrittenAsMissing);
        Assert.Equal(new NodaTime.LocalDate(2025, 12, 31), p.Period?.End);
        Assert.Equal(EsfFund.EsfPlus, p.Fund);
        Assert.True(p.StrategicImportance);
        Assert.Equal(EsfRegion.National, p.EsfRegion);
        Assert.Equal(ProseSectionKind.Summary, p.GetSectionData<ProseSectionData>()?.Kind);
        Assert.IsType<ClarificationBlock>(p.Sections[0].Blocks[1]);
        Assert.Equal<string>(["Lund"], p.Municipalities);
        Assert.Equal<string>(["Summary", "Municipalities"], p.Sections.Select(s => s.Heading!));
    }

    [Fact]
    public void A_changed_vocabulary_changes_what_is_matched()
    {
        const string page = "Titel\nProjektägare: uppgift saknas\nProjektfas: Genomförandefas\nRegion: Västra Sverige\n\nInsatser\n\n• Lund\n";
        var vocabulary = Vocabulary.Default with
        {
            Missing = Vocabulary.Default.Missing.With(ParserLanguages.Swedish, "uppgift saknas"),
            Phases = [new(ProjectPhaseKind.Implementation, Term.Sv("Genomförandefas"))],
            Regions = [.. Vocabulary.Default.Regions, new(EsfRegion.Vastsverige, Term.Sv("Västra Sverige"))],
            ListHeadings = [.. Vocabulary.Default.ListHeadings, new(ListSectionKind.Municipalities, Term.Sv("Insatser"))],
        };

        var p = new ProjectParserBuilder().Configure(o => o with { Vocabulary = vocabulary }).Build().Parse(page).Project;

        Assert.Null(p.Owner);
        Assert.Equal(ProjectPhaseKind.Implementation, p.Phase?.Kind);
        Assert.Equal(EsfRegion.Vastsverige, p.EsfRegion);
        Assert.Equal<string>(["Lund"], p.Municipalities);
    }

    [Fact]
    public void A_further_label_for_a_field_is_read_as_that_field()
    {
        var p = new ProjectParserBuilder().AddHeaderLabel("Projektansvarig", EsfHeaderFields.Owner.Key).Build()
            .Parse("Titel\nProjektansvarig: Kommunen\nRegion: Sydsverige\n").Project;

        Assert.Equal("Kommunen", p.Owner);
        Assert.Equal("owner", p.Fields[0].Kind);
    }

    [Fact]
    public void A_further_label_for_a_field_that_does_not_exist_is_refused_at_build() =>
        Assert.Throws<ArgumentException>(() => new ProjectParserBuilder().AddHeaderLabel("X", "noSuchField").Build());

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(1, 0, 1)]
    [InlineData(1, 1, 0)]
    [InlineData(-5, 1, 1)]
    public void Limits_below_one_are_refused_at_build(int maxInput, int maxSections, int maxItems) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProjectParserBuilder()
            .Configure(o => o with { MaxInputLength = maxInput, MaxSections = maxSections, MaxListItems = maxItems }).Build());
}
