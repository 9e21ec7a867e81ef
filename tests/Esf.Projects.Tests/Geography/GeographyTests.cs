using Esf.Projects.ReferenceData;

namespace Esf.Projects.Tests.Geography;

public class GeographyTests
{
    [Fact]
    public void The_reference_data_has_290_municipalities_21_counties_and_8_regions()
    {
        Assert.Equal(290, SwedishMunicipalities.All.Length);
        Assert.Equal(21, SwedishMunicipalities.Counties.Length);
        Assert.Equal(8, SwedishMunicipalities.Counties.Select(c => c.Region).Distinct().Count());
        Assert.Equal(290, SwedishMunicipalities.All.Select(m => m.Code).Distinct().Count());
        Assert.All(SwedishMunicipalities.All, m => Assert.StartsWith(m.County.Code, m.Code, StringComparison.Ordinal));
    }

    /// <summary>The embedded table is the TSV in data/ (regenerate with eng/generate-municipalities.py).</summary>
    [Fact]
    public void The_embedded_table_equals_the_tsv()
    {
        var rows = File.ReadAllLines(Path.Combine(Seeds.RepositoryRoot, "data", "sweden-municipalities.tsv")).Skip(1).Select(l => l.Split('\t')).ToList();

        Assert.Equal(
            rows.Select(r => (r[0], r[1], r[2], r[3], r[4])).Order(),
            SwedishMunicipalities.All.Select(m => (m.Code, m.Name, m.County.Code, m.County.Name, SwedishMunicipalities.RegionName(m.Region))).Order());
    }

    [Theory]
    [InlineData("Kävlinge", "1261")]
    [InlineData("KÄVLINGE", "1261")]
    [InlineData("Kävlinge kommun", "1261")]
    [InlineData("Burlövs Kommun", "1231")]
    [InlineData("Göteborgs stad", "1480")]
    [InlineData("Göteborg", "1480")]
    [InlineData("Malung Sälen", "2023")]
    [InlineData("Malung-Sälen", "2023")]
    [InlineData("Upplands Bro", "0139")]
    [InlineData("  Lund  ", "1281")]
    [InlineData("Kavlinge", "1261")]
    [InlineData("Borås", "1490")]
    [InlineData("Västerås stad", "1980")]
    [InlineData("Habo", "0643")]
    [InlineData("Håbo", "0305")]
    [InlineData("Stockholms stad", "0180")]
    public void Names_match_tolerantly(string name, string code)
    {
        Assert.True(SwedishMunicipalities.TryMatch(name, out var municipality), name);
        Assert.Equal(code, municipality.Code);
        Assert.Same(municipality, SwedishMunicipalities.FindByCode(code));
        Assert.True(SwedishMunicipalities.TryMatch(("«" + name + "»").AsSpan(1, name.Length), out var fromSpan), name);
        Assert.Same(municipality, fromSpan);
    }

    [Fact]
    public void Every_name_matches_itself_from_a_span_in_every_spelling_the_tables_allow()
    {
        foreach (var municipality in SwedishMunicipalities.All)
        {
            foreach (var written in new[] { municipality.Name, municipality.Name.ToUpperInvariant(), municipality.Name + "s kommun", " " + municipality.Name.Replace(' ', '-') + "  " })
            {
                Assert.True(SwedishMunicipalities.TryMatch(written.AsSpan(), out var found), written);
                Assert.Same(municipality, found);
            }
        }
    }

    [Fact]
    public void Kävlinge_is_in_Skåne_and_Sydsverige()
    {
        var kävlinge = SwedishMunicipalities.FindByCode("1261")!;

        Assert.Equal(("Kävlinge", "Skåne län", EsfRegion.Sydsverige), (kävlinge.Name, kävlinge.County.Name, kävlinge.Region));
    }

    [Theory]
    [InlineData("Region Skåne")]
    [InlineData("Hela Skåne")]
    [InlineData("Kävlingeån")]
    [InlineData("")]
    public void Non_municipalities_do_not_match(string name) => Assert.False(SwedishMunicipalities.TryMatch(name, out _));

    [Fact]
    public void Null_names_are_programmer_errors()
    {
        Assert.Equal("code", Assert.Throws<ArgumentNullException>(() => SwedishMunicipalities.FindByCode(null!)).ParamName);
        Assert.False(SwedishMunicipalities.TryMatch((string)null!, out _)); // a span: null is empty, as in the BCL's span methods
        Assert.Equal("name", Assert.Throws<ArgumentNullException>(() => SwedishMunicipalities.Suggest(null!)).ParamName);
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => SwedishMunicipalities.TryParseRegion(null!, out _)).ParamName);
    }

    /// <summary>A name of megabytes (a wrapped item gone wrong) was copied twice to be matched and suggested for; it is read only until it cannot match.</summary>
    [Fact]
    public void A_very_long_name_is_matched_and_suggested_for_without_a_copy()
    {
        var name = "Lund " + new string('x', 1_000_000);
        SwedishMunicipalities.TryMatch(name, out _);
        SwedishMunicipalities.Suggest(name);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var matched = SwedishMunicipalities.TryMatch(name, out _);
        var suggestions = SwedishMunicipalities.Suggest(name);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.False(matched);
        Assert.Empty(suggestions);
        Assert.True(allocated < 1_000, $"{allocated} bytes");
        Assert.True(SwedishMunicipalities.TryMatch("Lund" + new string(' ', 10_000) + "kommun", out var lund));
        Assert.Equal("Lund", lund.Name);
    }

    /// <summary>The key buffer must hold every name with its longest suffix and an 's', and every key close enough to a name to be suggested for.</summary>
    [Fact]
    public void The_key_buffer_holds_every_name()
    {
        var longest = SwedishMunicipalities.All.Max(m => m.Name.Length);

        Assert.True(longest + " kommuner".Length + 1 < SwedishMunicipalities.KeyBufferLength);
        Assert.True((longest * 3 / 2) + 2 < SwedishMunicipalities.KeyBufferLength);
    }

    [Fact]
    public void Suggestions_come_closest_first()
    {
        var suggestions = SwedishMunicipalities.Suggest("Lunda", count: 3);

        Assert.Equal("Lund", suggestions[0].Name);
        Assert.Equal(3, suggestions.Length);
    }

    [Fact]
    public void Unmatched_names_get_the_closest_suggestions() =>
        Assert.Equal("Kävlinge", SwedishMunicipalities.Suggest("Kävlnge").First().Name);

    [Theory]
    [InlineData("Sydsverige", EsfRegion.Sydsverige)]
    [InlineData("ESF Nationellt", EsfRegion.National)]
    [InlineData("ESF-Nationellt", EsfRegion.National)]
    [InlineData("Nationellt", EsfRegion.National)]
    [InlineData("Småland och Öarna", EsfRegion.SmalandOchOarna)]
    [InlineData("ÖVRE NORRLAND", EsfRegion.OvreNorrland)]
    [InlineData("Region Västsverige", EsfRegion.Vastsverige)]
    [InlineData("Mellersta Norrland", EsfRegion.MellerstaNorrland)]
    [InlineData("Norra Mellansverige", EsfRegion.NorraMellansverige)]
    [InlineData("ESF Stockholm", EsfRegion.Stockholm)]
    [InlineData("Östra Mellansverige", EsfRegion.OstraMellansverige)]
    [InlineData("National", EsfRegion.National)]
    public void Regions_are_normalised(string text, EsfRegion region)
    {
        Assert.True(SwedishMunicipalities.TryParseRegion(text, out var parsed));
        Assert.Equal(region, parsed);
    }

    [Fact]
    public void The_seeds_municipalities_all_resolve()
    {
        foreach (var seed in Seeds.Names)
        {
            var project = Seeds.Parse(seed).Project;
            Assert.All(project.MunicipalityCodes, code => Assert.NotNull(code));
            Assert.Equal(project.Municipalities.Length, project.ResolvedMunicipalities.Length);
        }

        var seed004 = Seeds.Parse("004_f7aabbdad8b61250.txt");
        Assert.Equal(38, seed004.Project.ResolvedMunicipalities.Length);
        Assert.DoesNotContain(seed004.Diagnostics, d => d.Code is DiagnosticCodes.UnknownMunicipality or DiagnosticCodes.RegionMismatch);
    }

    private const string Header = "Titel\nProgramområde: 2 Ökat arbetskraftsutbud\nProjektägare: Kommunen\nBeviljat ESF-stöd: 1 000 000 kr\nTotal projektbudget: 2 500 000 kr\nProjektperiod: 2012-02-01 till 2014-09-30\n";

    [Fact]
    public void Unknown_municipalities_and_a_disagreeing_region_are_reported_with_positions()
    {
        var result = ProjectParser.Parse(Header + "Region: Stockholm\n\nKommun\n\n• Kävlnge\n• Lund\n");

        var unknown = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.UnknownMunicipality);
        Assert.Equal((11, 1), (unknown.Line, unknown.Column));
        Assert.Contains("'Kävlinge'", unknown.Message, StringComparison.Ordinal);
        var mismatch = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.RegionMismatch);
        Assert.Equal((7, 9), (mismatch.Line, mismatch.Column));
        Assert.Equal<string?>([null, "1281"], result.Project.MunicipalityCodes);
        Assert.Equal(EsfRegion.Stockholm, result.Project.EsfRegion);
    }

    [Fact]
    public void An_unknown_region_is_reported_at_its_value_and_left_unset()
    {
        var result = ProjectParser.Parse(Header + "Region: Atlantis\n");

        var unknown = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.UnknownRegion);
        Assert.Equal((7, 9), (unknown.Line, unknown.Column));
        Assert.Contains("Atlantis", unknown.Message, StringComparison.Ordinal);
        Assert.Null(result.Project.EsfRegion);
    }

    [Fact]
    public void A_region_mismatch_lists_each_listed_region_once_in_enum_order()
    {
        var result = ProjectParser.Parse(Header + "Region: Stockholm\n\nKommun\n\n• Umeå\n• Lund\n• Kiruna\n");

        var mismatch = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.RegionMismatch);
        var north = mismatch.Message.IndexOf("Övre Norrland", StringComparison.Ordinal);
        Assert.True(north >= 0, mismatch.Message);
        Assert.Equal(-1, mismatch.Message.IndexOf("Övre Norrland", north + 1, StringComparison.Ordinal));
        Assert.True(mismatch.Message.IndexOf("Sydsverige", StringComparison.Ordinal) > north, mismatch.Message);
    }

    [Fact]
    public void Derived_figures_and_the_stated_rate_which_is_never_compared_with_the_share()
    {
        var result = ProjectParser.Parse(Header + "Planerat antal deltagare: 40\nUnionens medfinansieringsgrad: 50 %\nRegion: ESF-Nationellt\n");
        var figures = result.Project.Figures;

        Assert.Equal(new DerivedFigures(40m, 50m, 973, 32, 25000m), figures);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.CofinancingRateMismatch);
        Assert.Equal(EsfRegion.National, result.Project.EsfRegion);
    }

    [Theory]
    [InlineData("Programområde: 2 Ökat arbetskraftsutbud\n", ProgrammePeriod.Period2007To2013, InferenceConfidence.High, "Ökat arbetskraftsutbud")]
    [InlineData("Programområde: 2 Öka övergångarna till arbete\n", ProgrammePeriod.Period2014To2020, InferenceConfidence.High, "Öka övergångarna till arbete")]
    [InlineData("Programområde: 1 Kompetensförsörjning\nProjektnummer: 2016/00123\n", ProgrammePeriod.Period2014To2020, InferenceConfidence.High, "Kompetensförsörjning")]
    [InlineData("Programområde: C Främja social inkludering\n", ProgrammePeriod.Period2021To2027, InferenceConfidence.High, "Minska risken för ekonomisk utsatthet")]
    [InlineData("Programområde: F\n", ProgrammePeriod.Period2021To2027, InferenceConfidence.High, "Fast-Care")]
    [InlineData("Projektnummer: 2022/00282\n", ProgrammePeriod.Period2014To2020, InferenceConfidence.High, null)]
    [InlineData("Projektnummer: 2012/00282\n", ProgrammePeriod.Period2007To2013, InferenceConfidence.Medium, null)]
    [InlineData("Diarienummer: 23-112-S05\n", ProgrammePeriod.Period2021To2027, InferenceConfidence.High, null)]
    [InlineData("Fond: ESF+\n", ProgrammePeriod.Period2021To2027, InferenceConfidence.High, null)]
    [InlineData("Fond: FEAD\n", ProgrammePeriod.Period2014To2020, InferenceConfidence.High, null)]
    [InlineData("Program CCI: 2014SE05M9OP001\nProgramområde: 3\n", ProgrammePeriod.Period2014To2020, InferenceConfidence.High, "Sysselsättningsinitiativet för unga")]
    [InlineData("Programområde: 1 Kompetensförsörjning\nProjektperiod: 2009-01-01 till 2010-12-31\n", ProgrammePeriod.Period2007To2013, InferenceConfidence.High, "Kompetensförsörjning")]
    [InlineData("Programområde: 1 Kompetensförsörjning\nProjektperiod: 2013-12-31 till 2015-12-31\n", ProgrammePeriod.Period2007To2013, InferenceConfidence.High, "Kompetensförsörjning")]
    [InlineData("Programområde: 1 Kompetensförsörjning\nProjektperiod: 2014-01-01 till 2015-12-31\n", ProgrammePeriod.Period2014To2020, InferenceConfidence.Low, "Kompetensförsörjning")]
    [InlineData("Projektnummer: 2012/00282\nProjektperiod: 2012-03-01 till 2013-12-31\n", ProgrammePeriod.Period2007To2013, InferenceConfidence.High, null)]
    [InlineData("Programområde: 5\nSpecifikt mål: 5.3\nProjektnummer: 2021/00123\n", ProgrammePeriod.Period2014To2020, InferenceConfidence.High, "React-EU – insatser för arbetslösa under pandemin")]
    [InlineData("Fond: FEAD\nProgramområde: 5\nSpecifikt mål: 5.3\n", ProgrammePeriod.Period2014To2020, InferenceConfidence.High, null)]
    [InlineData("Program CCI: 2014SE05FSOP001\nProgramområde: 5\n", ProgrammePeriod.Period2014To2020, InferenceConfidence.High, null)]
    [InlineData("Programområde: 1\nStartdatum: 2016-01-01\nSlutdatum: 2017-12-31\n", ProgrammePeriod.Period2014To2020, InferenceConfidence.Low, "Kompetensförsörjning")]
    public void The_programme_period_is_inferred_with_its_confidence(string header, ProgrammePeriod period, InferenceConfidence confidence, string? area)
    {
        var programme = ProjectParser.Parse("Titel\nProjektägare: Kommunen\n" + header).Project.Programme;

        Assert.NotNull(programme);
        Assert.Equal((period, confidence, area), (programme.Period, programme.Confidence, programme.AreaName));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Programområde: 2 Ökade övergångar till arbete\n")] // a name the reference data does not hold decides nothing
    [InlineData("Programområde: 1 Kompetensförsörjning\n")] // area 1 has this name in two periods
    public void Without_evidence_there_is_no_programme(string header) =>
        Assert.Null(ProjectParser.Parse("Titel\nProjektägare: Kommunen\n" + header).Project.Programme);
}
