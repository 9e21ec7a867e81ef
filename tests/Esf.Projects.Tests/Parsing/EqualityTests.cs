using Esf.Projects.Json;

namespace Esf.Projects.Tests.Parsing;

/// <summary>The model's equality means "the same facts": two parses of one text are equal, so is a JSON round trip, and any difference in a fact is not.</summary>
public class EqualityTests
{
    public static TheoryData<string> Pages => Extensibility.CoreIndependenceTests.Pages;

    private static string Text(string page) => page.Length > 4 && char.IsAsciiDigit(page[0]) ? Seeds.Text(page) : Layouts.LayoutFactsTests.Text(page);

    [Theory]
    [MemberData(nameof(Pages))]
    public void Two_parses_of_the_same_text_are_equal(string page)
    {
        var a = ProjectParser.Parse(Text(page));
        var b = ProjectParser.Parse(Text(page));

        Assert.NotSame(a.Project, b.Project);
        Assert.Equal(a, b);
        Assert.Equal(a.Project, b.Project);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal(a.Project.Sections[^1], b.Project.Sections[^1]);
    }

    /// <summary><c>==</c> on a project compared references while <c>Equals</c> compared facts: now both compare facts.</summary>
    [Theory]
    [MemberData(nameof(Pages))]
    public void Equal_operators_compare_facts_as_equals_does(string page)
    {
        var a = ProjectParser.Parse(Text(page)).Project;
        var b = ProjectParser.Parse(Text(page)).Project;
        var other = ProjectParser.Parse(Text(page) + "\nEn rad till\n").Project;

        Assert.True(a == b);
        Assert.False(a != b);
        Assert.True(a != other);
        Assert.False(a == null);
        Assert.True((EsfProject?)null == null);
    }

    /// <summary>Records with an array inside compared the arrays by identity, so an equal copy was unequal.</summary>
    [Fact]
    public void Terms_and_programmes_equal_to_copies_of_themselves()
    {
        var term = Vocabulary.Default.Chrome;
        var copy = new Term([.. term.Swedish], [.. term.English]);
        Assert.True(term == copy);
        Assert.Equal(term.GetHashCode(), copy.GetHashCode());
        Assert.True(Term.Sv("a") == new Term(["a"], default));
        Assert.False(term == term.With(ParserLanguages.English, "More"));

        var programme = ReferenceData.EsfProgrammes.Programmes[0];
        var same = programme with { Funds = [.. programme.Funds] };
        Assert.True(programme == same);
        Assert.Equal(programme.GetHashCode(), same.GetHashCode());
        Assert.False(programme == same with { Funds = [.. programme.Funds, "X"] });
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void A_JSON_round_trip_is_equal(string page)
    {
        var parsed = ProjectParser.Parse(Text(page));

        var (back, source) = EsfJson.Deserialize(EsfJson.Serialize(parsed, "x"));

        Assert.Equal("x", source);
        Assert.Equal(parsed, back);
        Assert.Equal(parsed.Project.GetHashCode(), back.Project.GetHashCode());
        Assert.Equal(EsfJson.Serialize(parsed), EsfJson.Serialize(back));
    }

    [Theory]
    [InlineData("Beviljat ESF-stöd3\u00A0493\u00A0248 kr", "Beviljat ESF-stöd3\u00A0493\u00A0249 kr")]
    [InlineData("RegionSydsverige", "RegionVästsverige")]
    [InlineData("Projektperiod2012-02-01 till 2014-09-30", "Projektperiod2012-02-01 till 2014-09-29")]
    [InlineData(" • Lomma", " • Lund")]
    [InlineData("Projektet Brytpunkt hjälper deltagare.", "Projektet Brytpunkt hjälper deltagarna.")]
    public void A_different_fact_is_not_equal(string from, string to)
    {
        var a = ProjectParser.Parse(Esf.Projects.Tests.Pages.Standard()).Project;
        var b = ProjectParser.Parse(Esf.Projects.Tests.Pages.Standard().Replace(from, to, StringComparison.Ordinal)).Project;

        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Results_differing_only_in_a_diagnostic_are_not_equal()
    {
        var a = ProjectParser.Parse(Esf.Projects.Tests.Pages.Standard());
        var b = a with { Diagnostics = [new Diagnostic("X001", DiagnosticSeverity.Info, 1, 1, "m")] };

        Assert.NotEqual(a, b);
        Assert.Equal(a.Project, b.Project);
    }
}
