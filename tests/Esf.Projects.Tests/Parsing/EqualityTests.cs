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
        var same = new ReferenceData.EsfProgramme(programme.Period, programme.Cci, programme.Name, [.. programme.Funds], programme.CciConfirmed);
        Assert.True(programme == same);
        Assert.Equal(programme.GetHashCode(), same.GetHashCode());
        Assert.False(programme == new ReferenceData.EsfProgramme(programme.Period, programme.Cci, programme.Name, [.. programme.Funds, "X"], programme.CciConfirmed));
    }

    /// <summary>Settings records held arrays and compared them by identity: a copy built from equal parts was unequal.</summary>
    [Fact]
    public void Settings_equal_to_copies_built_from_equal_parts()
    {
        var vocabulary = Vocabulary.Default;
        var copy = vocabulary with
        {
            Chrome = new([.. vocabulary.Chrome.Swedish], [.. vocabulary.Chrome.English]),
            ProseHeadings = [.. vocabulary.ProseHeadings],
            Regions = [.. vocabulary.Regions.Select(r => new Phrase<EsfRegion>(r.Meaning, new([.. r.Term.Swedish], [.. r.Term.English])))],
        };
        Assert.True(vocabulary == copy);
        Assert.Equal(vocabulary.GetHashCode(), copy.GetHashCode());

        var options = ProjectParserOptions.Default with { Labels = [new("Diarienr", "projectNumber")], KnownHeadings = ["Effekter"] };
        var same = ProjectParserOptions.Default with
        {
            Labels = [new("Diarienr", "projectNumber")],
            KnownHeadings = ["Effekter"],
            Vocabulary = copy,
            FallbackEncoding = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1252),
        };
        Assert.True(options == same);
        Assert.Equal(options.GetHashCode(), same.GetHashCode());
    }

    /// <summary>Every member a caller can set takes part in equality: a settings record whose members were listed by hand would silently ignore one added later.</summary>
    [Fact]
    public void Every_settable_member_of_the_settings_takes_part_in_equality()
    {
        Assert.All(Changes(Vocabulary.Default), changed => Assert.NotEqual(Vocabulary.Default, changed));
        Assert.All(Changes(ProjectParserOptions.Default), changed => Assert.NotEqual(ProjectParserOptions.Default, changed));
    }

    /// <summary>Copies of <paramref name="original"/> with one settable member changed, one per member.</summary>
    private static IEnumerable<T> Changes<T>(T original)
        where T : class
    {
        var clone = typeof(T).GetMethod("<Clone>$")!;
        var properties = typeof(T).GetProperties().Where(p => p.SetMethod is { IsPublic: true }).ToArray();
        Assert.NotEmpty(properties);
        foreach (var property in properties)
        {
            var copy = (T)clone.Invoke(original, null)!;
            property.SetValue(copy, Other(property.PropertyType, property.GetValue(original)));
            yield return copy;
        }
    }

    private static object? Other(Type type, object? value) => value switch
    {
        Term term => term.With(ParserLanguages.Swedish, "annat"),
        System.Collections.Immutable.ImmutableArray<Phrase<ProjectPhaseKind>> a => a.RemoveAt(0),
        System.Collections.Immutable.ImmutableArray<Phrase<EsfFund>> a => a.RemoveAt(0),
        System.Collections.Immutable.ImmutableArray<Phrase<ProseSectionKind>> a => a.RemoveAt(0),
        System.Collections.Immutable.ImmutableArray<Phrase<ListSectionKind>> a => a.RemoveAt(0),
        System.Collections.Immutable.ImmutableArray<Phrase<EsfRegion>> a => a.RemoveAt(0),
        System.Collections.Immutable.ImmutableArray<HeaderLabel> a => a.Add(new("Diarienr", null)),
        System.Collections.Immutable.ImmutableArray<string> a => a.Add("Effekter"),
        Vocabulary vocabulary => vocabulary with { Yes = vocabulary.Yes.With(ParserLanguages.Swedish, "Jo") },
        ParserLanguages languages => languages | ParserLanguages.English,
        bool flag => !flag,
        int number => number + 1,
        System.Text.Encoding => System.Text.Encoding.Latin1,
        null when type == typeof(System.Text.Encoding) => System.Text.Encoding.UTF8,
        _ => throw new InvalidOperationException("No other value known for " + type),
    };

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
        var b = new ProjectParseResult(a.Project, [new Diagnostic("X001", DiagnosticSeverity.Info, 1, 1, "m")]);

        Assert.NotEqual(a, b);
        Assert.Equal(a.Project, b.Project);
    }
}
