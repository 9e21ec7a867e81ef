using Esf.Projects.Fields;
using Esf.Projects.Handlers.Prose;
using NodaTime;

namespace Esf.Projects.Tests.Layouts;

/// <summary>The made-up pages in the three real layouts (copied from shared/layouts) parse to the facts their note lists.</summary>
public class LayoutFactsTests
{
    internal static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Layouts", name));

    internal static ProjectParseResult Parse(string name) => ProjectParser.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Layouts", name)));

    [Fact]
    public void A1_the_2007_2013_print_export_with_its_quirks()
    {
        var result = Parse("a1-2007-2013-quirks.txt");
        var p = result.Project;

        Assert.Equal(PageLayout.PrintExport2007To2013, p.Layout);
        Assert.Equal("Nya vägar", p.Title);
        Assert.Equal("12 maj - Seminarium om unga utanför arbetsmarknaden\n\nMer information och anmälan.", p.Notice);
        Assert.Null(p.Owner);
        var owner = p.Fields.Single(f => f.Kind == "owner");
        Assert.Equal(("Projektägare", (string?)null, "saknas"), (owner.Label, owner.Value, owner.RawValue));
        Assert.Equal("anna Berg", p.Contact.Name);
        Assert.Equal<string>(["Sammanfattning", "Bakgrund", "Målsättning", "Kommun"], p.Sections.Select(s => s.Heading!));
        var background = p.Sections[1];
        Assert.Equal("Nuläge", Assert.IsType<SubHeadingBlock>(background.Blocks[0]).Text);
        Assert.IsType<ParagraphBlock>(background.Blocks[1]);
        var objective = p.Sections[2];
        Assert.Equal("Syftet är att", Assert.IsType<ParagraphBlock>(objective.Blocks[0]).Text);
        Assert.Equal(2, Assert.IsType<ListBlock>(objective.Blocks[1]).Items.Length);
        Assert.Equal<string>(["Luleå", "Piteå"], p.Municipalities);
        Assert.Equal<string?>(["2580", "2581"], p.MunicipalityCodes);
        Assert.Equal(EsfRegion.OvreNorrland, p.EsfRegion);
        Assert.Equal([DiagnosticCodes.ValueWrittenAsMissing], result.Diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void B1_a_2014_2020_page_with_a_cookie_banner()
    {
        var result = Parse("b1-2014-2020-cookie-banner.txt");
        var p = result.Project;

        Assert.Equal(PageLayout.ProjectBank2014To2020, p.Layout);
        Assert.Equal("Vägar framåt i Norrbotten", p.Title);
        Assert.Equal("2019/00871", p.ProjectNumber);
        Assert.Equal<string>(["2019/00871"], p.ProjectNumbers);
        Assert.StartsWith("information (1)\nCookies\n\nDen här hemsidan använder cookies", p.Notice, StringComparison.Ordinal);
        Assert.EndsWith("\n\nLär dig mer", p.Notice, StringComparison.Ordinal);
        Assert.Equal("Luleå kommun, Arbetsmarknadsförvaltningen, Arbetsmarknadsförvaltningen", p.Owner);
        Assert.Equal("Övre Norrland", p.Region);
        Assert.Equal(EsfRegion.OvreNorrland, p.EsfRegion);
        Assert.Equal(120, p.PlannedParticipants);
        Assert.Equal(new DateInterval(new LocalDate(2020, 1, 1), new LocalDate(2022, 6, 30)), p.Period);
        Assert.Equal(Money.Sek(12_480_000m), p.TotalBudget);
        Assert.Equal(Money.Sek(6_240_000m), p.GrantedEsfSupport);
        Assert.Equal(("2", 2), (p.ProgramArea?.Code, p.ProgramArea?.Number));
        Assert.Equal((ProgrammePeriod.Period2014To2020, "Öka övergångarna till arbete"), (p.Programme?.Period, p.Programme?.AreaName));
        Assert.Equal("2.1", p.SpecificObjective);
        Assert.StartsWith("Kvinnor och män som står långt från arbetsmarknaden", p.Programme?.ObjectiveName, StringComparison.Ordinal);
        Assert.Equal(50m, p.EuCofinancingRate);
        Assert.Equal("102", p.InterventionType?.Code);
        Assert.StartsWith("Access to employment for job-seekers", p.InterventionType?.Name, StringComparison.Ordinal);
        Assert.Equal("97185", p.BeneficiaryPostalCode);
        foreach (var label in new[] { "Stödmottagarens address", "Utvärderingsrapporter" })
        {
            var field = p.Fields.Single(f => f.Label == label);
            Assert.Null(field.Value);
            Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.EmptyValue && d.Line == field.LabelPosition.Line);
        }

        var section = Assert.Single(p.Sections);
        Assert.Null(section.Heading);
        Assert.Equal(["paragraph", "paragraph", "list", "paragraph"], section.Blocks.Select(Kind));
        Assert.Equal("Under projekttiden ska deltagarna", ((ParagraphBlock)section.Blocks[1]).Text);
        Assert.Equal(3, ((ListBlock)section.Blocks[2]).Items.Length);
        Assert.Empty(p.ExtraFields);
        Assert.Equal([DiagnosticCodes.EmptyValue, DiagnosticCodes.EmptyValue], result.Diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void B2_a_2014_2020_page_with_an_English_label()
    {
        var result = Parse("b2-2014-2020-english-label.txt");
        var p = result.Project;

        Assert.Equal(PageLayout.ProjectBank2014To2020, p.Layout);
        Assert.Equal("Mat för alla", p.Title);
        Assert.Equal("Mat för alla", p.Fields.Single(f => f.Label == "Name").Value);
        Assert.Equal("2016/00412", p.ProjectNumber);
        Assert.Null(p.Notice);
        Assert.Equal(("ESF Nationellt", EsfRegion.National), (p.Region, p.EsfRegion));
        Assert.Equal("5.3", p.SpecificObjective);
        Assert.Equal("Sammanfattning", p.Sections[0].Heading);
        Assert.Equal(ProseSectionKind.Summary, p.GetSectionData<ProseSectionData>()?.Kind);
        Assert.StartsWith("Projektet ger stöd", p.Sections[0].Text, StringComparison.Ordinal);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void C1_an_ESF_plus_page()
    {
        var result = Parse("c1-esf-plus-2021-2027.txt");
        var p = result.Project;

        Assert.Equal(PageLayout.EsfPlus2021To2027, p.Layout);
        Assert.Equal("Gröna jobb i Västerbotten", p.Title);
        Assert.Equal("23-112-S05", p.ProjectNumber);
        Assert.Equal(new DateInterval(new LocalDate(2024, 3, 1), new LocalDate(2027, 2, 28)), p.Period);
        Assert.Equal("UMEÅ KOMMUN", p.Owner);
        Assert.Equal("212000-4128", p.OrganisationNumber?.ToString());
        Assert.Equal(OrganisationNumberGroup.PublicSector, p.OrganisationNumber?.Group);
        Assert.Equal(EsfFund.EsfPlus, p.Fund);
        Assert.Equal("2021SE05SFPR", p.ProgrammeCci);
        Assert.Equal("Nationellt program för Europeiska socialfonden+ 2021–2027", p.Programme?.ProgrammeName);
        Assert.Equal(("B", (int?)null), (p.ProgramArea?.Code, p.ProgramArea?.Number));
        Assert.Equal((ProgrammePeriod.Period2021To2027, InferenceConfidence.High, "Öka möjligheten till arbete"), (p.Programme?.Period, p.Programme?.Confidence, p.Programme?.AreaName));
        Assert.Equal("B1A", p.SpecificObjective);
        Assert.False(p.ChildPovertyTheme);
        Assert.Equal(new Nuts2Region("SE33", "Övre Norrland", EsfRegion.OvreNorrland), p.Nuts2);
        Assert.Equal(EsfRegion.OvreNorrland, p.EsfRegion);
        Assert.Equal(("90184", "UMEÅ"), (p.BeneficiaryPostalCode, p.BeneficiaryTown));
        Assert.Equal(new InterventionType("134", null), p.InterventionType);
        Assert.Equal(180, p.PlannedParticipants);
        Assert.False(p.StrategicImportance);
        Assert.Equal("Sverige", p.Country);
        Assert.Null(p.Notice);
        Assert.Empty(p.ExtraFields);
        Assert.Null(Assert.Single(p.Sections).Heading);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void C2_an_ESF_plus_page_in_another_order()
    {
        var result = Parse("c2-esf-plus-other-order.txt");
        var p = result.Project;

        Assert.Equal(PageLayout.EsfPlus2021To2027, p.Layout);
        Assert.Equal("Stark start", p.Title);
        Assert.Equal("24-009-S02", p.ProjectNumber);
        Assert.Equal("202100-9994", p.OrganisationNumber?.ToString());
        Assert.Equal("Projektägare org.nr.", p.Fields.Single(f => f.Kind == "ownerOrganisationNumber").Label);
        Assert.Equal("MYNDIGHETEN FÖR YRKESHÖGSKOLAN", p.Owner);
        Assert.Equal("A", p.ProgramArea?.Code);
        Assert.Equal(new Nuts2Region("SE11", "Stockholm", EsfRegion.Stockholm), p.Nuts2);
        Assert.Equal(("Stockholm", EsfRegion.Stockholm), (p.Region, p.EsfRegion));
        Assert.Equal(Money.Sek(15_300_000m), p.TotalBudget);
        Assert.Equal(Money.Sek(6_120_000m), p.GrantedEsfSupport);
        Assert.Equal((40m, 40m), (p.Figures.EsfSharePercent, p.EuCofinancingRate));
        Assert.Equal(400, p.PlannedParticipants);
        Assert.True(p.ChildPovertyTheme);
        Assert.True(p.StrategicImportance);
        Assert.Equal(new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2026, 12, 31)), p.Period);
        Assert.Empty(result.Diagnostics);
    }

    private static string Kind(Block block) => block switch
    {
        ParagraphBlock => "paragraph",
        ListBlock => "list",
        SubHeadingBlock => "subHeading",
        _ => block.GetType().Name,
    };
}
