using System.Text;
using Esf.Projects.Handlers;
using Esf.Projects.Json;
using Esf.Projects.Tables;
using Esf.Projects.Tests.Cli;
using NodaTime;

namespace Esf.Projects.Tests.Hostile;

/// <summary>
/// Values at the edges of what the model's types hold — dates near <see cref="LocalDate.MaxIsoValue"/> and
/// <see cref="LocalDate.MinIsoValue"/>, amounts near <see cref="decimal.MaxValue"/>, counts past <see cref="int.MaxValue"/>
/// — under every header field, alone and in the combinations the derived figures divide and add: the parse never
/// throws, the page keeps its title and text, and every output (JSON round trip, each table, each tool format) is made.
/// </summary>
public class ExtremeValueTests
{
    private static readonly string[] Extremes =
    [
        "9999-12-31", "0001-01-01", "2014-01-01 till 9999-12-31", "0001-01-01 till 9999-12-31", "9999-12-31 till 0001-01-01",
        "79228162514264337593543950335 kr", "-79228162514264337593543950335 kr", "79 228 162 514 264 337 593 543 950 335", "792281625142643375935439503350 kr",
        "0,0000000000000000000000000001 kr", "1 kr", "0 kr", "0,01 kr",
        "2147483647", "2147483648", "-2147483648", "99999999999999999999999999999999999999",
        "100 %", "79228162514264337593543950335 %", "-1 %", "1e308",
        "9999/99999", "2014/00001", "99-999-S99",
    ];

    private static string Page(string header) => $"Titel\n{header}\nKontaktperson: Anna Berg\n\nBakgrund\n\nProjektets text.\n";

    public static TheoryData<string> Labels => new(EsfHeaderFields.All.Select(definition => definition.Labels.Swedish[0]));

    [Theory]
    [MemberData(nameof(Labels))]
    public void Every_field_takes_every_extreme_value_without_losing_the_page(string label)
    {
        foreach (var value in Extremes)
        {
            AssertWhole(Page($"{label}: {value}"), $"{label}: {value}");
        }
    }

    [Theory]
    [InlineData("Projektperiod: 2014-01-01 till 9999-12-31", 12)]
    [InlineData("Startdatum: 2014-01-01\nSlutdatum: 9999-12-31", 12)]
    [InlineData("Projektperiod: 2014-01-02 till 9999-12-31", 11)]
    public void A_period_ending_on_the_last_day_NodaTime_holds_has_its_figures(string header, int monthsOfTheLastYear)
    {
        var result = AssertWhole(Page(header), header);

        var period = Assert.IsType<DateInterval>(result.Project.Period);
        Assert.Equal(LocalDate.MaxIsoValue, period.End);
        Assert.Equal(period.Length, result.Project.Figures.DurationDays);
        Assert.Equal(((9999 - 2014) * 12) + monthsOfTheLastYear, result.Project.Figures.DurationMonths);
    }

    [Fact]
    public void The_months_of_a_period_ending_on_the_last_day_NodaTime_holds_match_an_ordinary_period_of_the_same_shape()
    {
        var ordinary = ProjectParser.Parse(Page("Projektperiod: 2014-01-01 till 2014-12-31")).Project.Figures.DurationMonths;
        var atTheEdge = ProjectParser.Parse(Page("Projektperiod: 9999-01-01 till 9999-12-31")).Project.Figures.DurationMonths;

        Assert.Equal(12, ordinary);
        Assert.Equal(12, atTheEdge);
    }

    [Theory]
    [InlineData("79228162514264337593543950335 kr", "1 kr")]
    [InlineData("79228162514264337593543950335 kr", "0,01 kr")]
    public void A_granted_amount_beyond_any_share_of_the_total_states_no_share(string granted, string total)
    {
        var result = AssertWhole(Page($"Beviljat ESF-stöd: {granted}\nTotal projektbudget: {total}\nUnionens medfinansieringsgrad: 50 %"), granted);

        Assert.NotNull(result.Project.GrantedEsfSupport);
        Assert.Null(result.Project.Figures.EsfSharePercent);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.GrantedExceedsTotal);
    }

    [Fact]
    public void A_negative_granted_amount_beyond_any_share_of_the_total_states_no_share()
    {
        var result = AssertWhole(Page("Beviljat ESF-stöd: -79228162514264337593543950335 kr\nTotal projektbudget: 0,01 kr"), "negative");

        Assert.Null(result.Project.Figures.EsfSharePercent);
    }

    [Fact]
    public void The_largest_amounts_in_every_combination_of_the_figures_never_throw()
    {
        string[] amounts = ["79228162514264337593543950335 kr", "0,0000000000000000000000000001 kr", "0 kr", "1 kr", "-79228162514264337593543950335 kr"];
        string[] counts = ["2147483647", "1", "0"];
        string[] periods = ["2014-01-01 till 9999-12-31", "0001-01-01 till 9999-12-31", "9999-12-31 till 9999-12-31"];
        foreach (var granted in amounts)
        {
            foreach (var total in amounts)
            {
                foreach (var participants in counts)
                {
                    foreach (var period in periods)
                    {
                        var header = $"Beviljat ESF-stöd: {granted}\nTotal projektbudget: {total}\nPlanerat antal deltagare: {participants}\nProjektperiod: {period}\nUnionens medfinansieringsgrad: 100 %";
                        AssertWhole(Page(header), header);
                    }
                }
            }
        }
    }

    [Fact]
    public void The_tool_writes_every_format_for_pages_of_extreme_values()
    {
        var folder = Directory.CreateTempSubdirectory("esf-extremes-").FullName;
        try
        {
            var n = 0;
            foreach (var label in EsfHeaderFields.All.Select(definition => definition.Labels.Swedish[0]))
            {
                File.WriteAllText(Path.Combine(folder, $"{n++:D3}.txt"), Page(string.Join('\n', Extremes.Select(value => $"{label}: {value}"))), Encoding.UTF8);
            }

            foreach (var format in new[] { "json", "jsonl", "csv", "xlsx", "sqlite" })
            {
                var output = Path.Combine(folder, "out." + format);
                var (exit, _, stderr) = CliRunner.Run(null, "parse", "--quiet", "--format", format, "--output", output, folder);
                Assert.True(exit is 0 or 1, $"{format}: exit {exit}: {stderr}");
                Assert.True(new FileInfo(output).Length > 0, format);
                Assert.DoesNotContain("ESF0009", stderr, StringComparison.Ordinal);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Parses the page and checks it was not lost: its title and text kept, a JSON round trip equal, every table's rows made.</summary>
    private static ProjectParseResult AssertWhole(string page, string what)
    {
        var result = ProjectParser.Parse(page);
        Assert.True(result.Project.Title == "Titel", what);
        Assert.True(result.Project.Sections.Any(s => s.Text.Contains("Projektets text.", StringComparison.Ordinal)), what);

        var json = EsfJson.Serialize(result, "page.txt");
        var (back, _) = EsfJson.Deserialize(json);
        Assert.True(json == EsfJson.Serialize(back, "page.txt"), what);

        foreach (var table in ProjectTables.All)
        {
            Assert.NotNull(table.GetRows("page.txt", result).ToList());
        }

        return result;
    }
}
