using Esf.Projects.Handlers;
using Esf.Projects.Fields;
using NodaTime;

namespace Esf.Projects.Tests.Parsing;

/// <summary>The facts each seed page states, written out by hand from the page text.</summary>
public class SeedFactsTests
{
    [Fact]
    public void Seed_000_Brytpunkt()
    {
        var result = Seeds.Parse("000_196cdacd7e4f6bec.txt");
        var p = result.Project;

        Assert.Equal("Brytpunkt", p.Title);
        Assert.Equal(new SourcePosition(9, 1), p.TitlePosition);
        Assert.Equal("EBS2020 har driftstopp på söndag den 29 mars 2020\n\nDriftstopp pga servicearbete söndagen 29/3 från kl 15.00 och framåt, arbetet förväntas vara klart på måndag 30/3.", p.Notice);
        Assert.Equal(new ProgramArea("2", 2, "Ökat arbetskraftsutbud"), p.ProgramArea);
        Assert.Equal(new ProjectPhase("Genomförande", ProjectPhaseKind.Implementation), p.Phase);
        Assert.Equal("Kävlinge Lärcentrum", p.Owner);
        Assert.Equal<(string?, string?, string?)>(("Roger Alfh", "roger.alfh@kavlinge.se", "046-739443"), (p.Contact.Name, p.Contact.Email, p.Contact.Phone));
        Assert.Equal(Money.Sek(3493248m), p.GrantedEsfSupport);
        Assert.Equal(Money.Sek(8125408m), p.TotalBudget);
        Assert.Equal(new DateInterval(new LocalDate(2012, 2, 1), new LocalDate(2014, 9, 30)), p.Period);
        Assert.Equal("Sydsverige", p.Region);
        Assert.Equal(["Sammanfattning", "Bakgrund", "Målsättning", "Tillgänglighet för personer med funktionsnedsättning", "Transnationellt samarbete", "Medfinansiärer", "Samarbetspartners", "Kommun"], p.Sections.Select(s => s.Heading));
        Assert.Equal<string>(["Arbetsförmedlingen Kävlinge", "Försäkringskassan Lund", "Socialförvaltningen", "Socialtjänsten Kävlinge kommun", "Vårdcentralen Kävlinge"], p.CoFinanciers);
        Assert.Equal(7, p.Partners.Length);
        Assert.Equal("ICA Maxi Special", p.Partners[3]);
        Assert.Equal<string>(["Kävlinge", "Lomma"], p.Municipalities);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Seed_000_positions_of_header_values_and_headings()
    {
        var p = Seeds.Parse("000_196cdacd7e4f6bec.txt").Project;

        var period = p.Fields.Single(f => f.Kind == EsfHeaderFields.Period.Key);
        Assert.Equal(new SourcePosition(19, 1), period.LabelPosition);
        Assert.Equal(new SourcePosition(19, 14), period.ValuePosition);
        Assert.Equal(new SourcePosition(11, 14), p.Fields[0].ValuePosition);
        Assert.Equal(new SourcePosition(23, 1), p.Sections[0].Position);
        Assert.Equal(10, p.Fields.Length);
    }

    [Fact]
    public void Seed_000_blocks_keep_sub_headings_and_the_dated_clarification()
    {
        var p = Seeds.Parse("000_196cdacd7e4f6bec.txt").Project;

        var background = p.FindSection("bakgrund")!;
        Assert.Contains(background.Blocks, b => b is SubHeadingBlock { Text: "Processutvecklingsgrupp (PUG)" });
        var access = p.FindSection("Tillgänglighet för personer med funktionsnedsättning")!;
        var clarification = Assert.IsType<ClarificationBlock>(access.Blocks[^1]);
        Assert.Equal(new LocalDate(2011, 10, 26), clarification.Date);
        Assert.StartsWith("Tillgänglighet för personer med funktionsnedsättning\nFörekomst", clarification.Text, StringComparison.Ordinal);
        Assert.Null(p.FindSection("Syfte"));
    }

    [Fact]
    public void Seed_001_ASPEN_lists_rules_and_labels()
    {
        var result = Seeds.Parse("001_0b550c35baa0836e.txt");
        var p = result.Project;

        Assert.Equal("ASPEN projektet", p.Title);
        Assert.Equal("3 december - Webbinarium om fattigdom i dagens Sverige\n\nMer information och anmälan.", p.Notice);
        Assert.Equal("Handikappomsorg", p.Owner);
        Assert.Equal<(string?, string?, string?)>(("Mia Johansson", "mia.johansson@kungsbacka.se", "0300-838754"), (p.Contact.Name, p.Contact.Email, p.Contact.Phone));
        Assert.Equal(4428266m, p.GrantedEsfSupport!.Value.Amount);
        Assert.Equal(8867693m, p.TotalBudget!.Value.Amount);
        Assert.Equal(new LocalDate(2011, 2, 1), p.Period!.Start);
        Assert.Equal(new LocalDate(2013, 12, 31), p.Period.End);
        Assert.Equal("Västsverige", p.Region);
        Assert.Equal<string>(["Kungsbacka"], p.Municipalities);
        Assert.Equal<string>(["Arbetsförmedlingen Kungsbacka", "Försäkringskassa Halland", "Handikappomsorg", "Individ och Familjeomsorgen"], p.Partners);

        var goals = p.FindSection("Målsättning")!;
        var firstList = goals.Blocks.OfType<ListBlock>().First();
        Assert.Equal(3, firstList.Items.Length);
        Assert.Equal("Att 30 % av deltagarna ska gå vidare till anställning eller studier", firstList.Items[0].Text);
        Assert.Equal(ListMarkerKind.Hyphen, firstList.Items[0].Marker);
        Assert.Equal(2, goals.Blocks.OfType<RuleBlock>().Count());
        var equality = p.FindSection("Jämställdhetsintegrering")!;
        Assert.Equal(["STYRKOR", "SVAGHETER", "MÖJLIGHETER", "HOT"], equality.Blocks.OfType<LabelBlock>().Select(b => b.Text));
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Seed_002_Implementera_FiA()
    {
        var result = Seeds.Parse("002_00b6e8a124a78ecf.txt");
        var p = result.Project;

        Assert.Equal("Implementera FiA", p.Title);
        Assert.Equal("Information med anledning av covid-19\n\nUppdaterad information med anledning av covid-19", p.Notice);
        Assert.Equal("Osby kommun socialförvaltning", p.Owner);
        Assert.Equal("0709-318 008", p.Contact.Phone);
        Assert.Equal("+46709318008", p.Contact.PhoneNumber?.E164);
        Assert.True(p.Contact.PhoneNumber?.IsMobile);
        Assert.Equal(Money.Sek(411601m), p.GrantedEsfSupport);
        Assert.Equal(Money.Sek(411601m), p.TotalBudget);
        Assert.Equal(new DateInterval(new LocalDate(2014, 7, 1), new LocalDate(2014, 12, 31)), p.Period);
        Assert.Empty(p.CoFinanciers);
        Assert.Equal<string>(["Arbetsförmedlingen Kristianstad", "Försäkringskassan Kristianstad"], p.Partners);
        Assert.Equal<string>(["Osby"], p.Municipalities);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Seed_003_Samverkan_utan_gränser()
    {
        var result = Seeds.Parse("003_5644959ee2017856.txt");
        var p = result.Project;

        Assert.Equal("Samverkan utan gränser", p.Title);
        Assert.Null(p.Notice);
        Assert.Equal("Arbetsmarknadsenheten", p.Owner);
        Assert.Equal("Margaretha Håkansson", p.Contact.Name);
        Assert.Equal(10638862m, p.GrantedEsfSupport!.Value.Amount);
        Assert.Equal(25397159m, p.TotalBudget!.Value.Amount);
        Assert.Equal(new LocalDate(2014, 12, 31), p.Period!.End);
        Assert.Equal<string>(["Hässleholm", "Kristianstad"], p.Municipalities);
        Assert.Equal(2, p.CoFinanciers.Length);
        var background = p.FindSection("Bakgrund")!;
        Assert.IsType<ListBlock>(background.Blocks[1]);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Seed_004_Jobb_för_alla()
    {
        var result = Seeds.Parse("004_f7aabbdad8b61250.txt");
        var p = result.Project;

        Assert.Equal("Jobb för alla (Förprojektering)", p.Title);
        Assert.Equal(new ProjectPhase("Förprojektering", ProjectPhaseKind.PreProject), p.Phase);
        Assert.Equal("Burlövs Kommun", p.Owner);
        Assert.Equal(Money.Sek(290754m), p.GrantedEsfSupport);
        Assert.Equal(Money.Sek(454155m), p.TotalBudget);
        Assert.Equal(new DateInterval(new LocalDate(2008, 5, 15), new LocalDate(2008, 11, 15)), p.Period);
        Assert.Equal(38, p.Municipalities.Length);
        Assert.Equal("Bjuv", p.Municipalities[0]);
        Assert.Equal("Östra Göinge", p.Municipalities[^1]);
        Assert.Equal(4, p.CoFinanciers.Length);
        Assert.Equal(5, p.Partners.Length);
        var goals = p.FindSection("Målsättning")!;
        var list = goals.Blocks.OfType<ListBlock>().Single();
        Assert.Equal(2, list.Items.Length);
        Assert.StartsWith("Jämställdhets-SWOT-analys", list.Items[0].Text, StringComparison.Ordinal);
        Assert.Empty(result.Diagnostics);
    }

    [Theory]
    [MemberData(nameof(Seeds.All), MemberType = typeof(Seeds))]
    public void Every_seed_parses_without_errors_and_with_all_ten_header_fields(string seed)
    {
        var result = Seeds.Parse(seed);

        Assert.False(result.HasErrors);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity != DiagnosticSeverity.Info);
        Assert.Equal(10, result.Project.Fields.Length);
        Assert.Empty(result.Project.ExtraFields);
        Assert.Empty(result.Project.UnplacedText);
        Assert.NotEmpty(result.Project.Municipalities);
        Assert.Equal(2, result.Project.ProgramArea!.Number);
    }

    [Theory]
    [MemberData(nameof(Seeds.All), MemberType = typeof(Seeds))]
    public void String_span_and_byte_entry_points_agree(string seed)
    {
        var fromBytes = Json.EsfJson.Serialize(Seeds.Parse(seed));
        var text = Seeds.Text(seed);

        Assert.Equal(fromBytes, Json.EsfJson.Serialize(ProjectParser.Parse(text)));
        Assert.Equal(fromBytes, Json.EsfJson.Serialize(ProjectParser.Parse(text.AsSpan())));
        using var stream = new MemoryStream(Seeds.Bytes(seed));
        Assert.Equal(fromBytes, Json.EsfJson.Serialize(ProjectParser.Parse(stream)));
    }
}
