using Esf.Projects.ReferenceData;
using Esf.Projects.Report;

namespace Esf.Projects.Tests.Geography;

/// <summary>The report sample on the seeds: its numbers, recomputed here independently, and its files.</summary>
public class ReportTests
{
    [Fact]
    public void The_seed_report_has_the_right_numbers_and_its_charts()
    {
        var pages = Seeds.Names.Select(n => new ParsedPage(n, Seeds.Parse(n))).ToList();
        var folder = Path.Combine(Path.GetTempPath(), "esf-report-" + Guid.NewGuid().ToString("N"));
        try
        {
            var files = ReportWriter.Write(new CorpusSummary(pages), folder);
            var markdown = File.ReadAllText(Path.Combine(folder, "summary.md"));

            var projects = pages.Select(p => p.Result.Project).ToList();
            var total = projects.Sum(p => p.GrantedEsfSupport!.Value.Amount);
            Assert.Contains($"5 projects; granted ESF support {ReportWriter.Kr(total)} of total budgets {ReportWriter.Kr(projects.Sum(p => p.TotalBudget!.Value.Amount))}.", markdown, StringComparison.Ordinal);
            Assert.Equal("19 262 731 kr", ReportWriter.Kr(total));
            foreach (var region in projects.GroupBy(p => p.EsfRegion!.Value))
            {
                var row = $"| {SwedishMunicipalities.RegionName(region.Key)} | {region.Count()} | {ReportWriter.Kr(region.Sum(p => p.GrantedEsfSupport!.Value.Amount))} |";
                Assert.Contains(row, markdown, StringComparison.Ordinal);
            }

            Assert.Contains("| Sydsverige | 4 | 14 834 465 kr |", markdown, StringComparison.Ordinal);
            Assert.Contains("| 2012 | 2 | 14 132 110 kr |", markdown, StringComparison.Ordinal);
            Assert.Contains("| Förprojektering | 1 | 290 754 kr |", markdown, StringComparison.Ordinal);
            Assert.Contains("| 2007–2013: Ökat arbetskraftsutbud | 5 | 19 262 731 kr |", markdown, StringComparison.Ordinal);
            Assert.Contains("| Samverkan utan gränser | Arbetsmarknadsenheten | 10 638 862 kr |", markdown, StringComparison.Ordinal);

            Assert.Equal(6, files.Count);
            foreach (var png in files.Where(f => f.EndsWith(".png", StringComparison.Ordinal)))
            {
                Assert.Equal<byte>([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(png)[..4]);
            }

            Assert.All(files.Where(f => f.EndsWith(".svg", StringComparison.Ordinal)), svg => Assert.Contains("<svg", File.ReadAllText(svg), StringComparison.Ordinal));
            var html = File.ReadAllText(Path.Combine(folder, "summary.html"));
            Assert.Contains("<table>", html, StringComparison.Ordinal);
            Assert.Contains("<img src=\"support-per-region.svg\"", html, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_charts_plot_every_start_year_of_the_range_and_the_support_per_region()
    {
        var pages = Seeds.Names.Select(n => new ParsedPage(n, Seeds.Parse(n))).ToList();
        var summary = new CorpusSummary(pages);

        var series = Charts.Series(summary);

        var years = series.Single(s => s.Name == "projects-per-start-year");
        var starts = pages.Select(p => p.Result.Project.Period!.Start.Year).ToList();
        var range = Enumerable.Range(starts.Min(), starts.Max() - starts.Min() + 1).ToList();
        Assert.True(years.IsCount);
        Assert.Equal(range.Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)), years.Labels);
        Assert.Equal(range.Select(y => (double?)starts.Count(s => s == y)), years.Values);
        Assert.Equal(pages.Count, years.Values.Sum());

        var regions = series.Single(s => s.Name == "support-per-region");
        Assert.False(regions.IsCount);
        Assert.True(regions.Horizontal); // region names side by side ran into each other
        Assert.Equal(14.8, regions.Values[regions.Labels.ToList().IndexOf("Sydsverige")]);
        Assert.Equal(regions.Values.OrderByDescending(v => v), regions.Values); // largest first
        Assert.Contains("Source: 5 ESF project bank pages", summary.SourceLine, StringComparison.Ordinal);
    }

    /// <summary>
    /// A group whose pages state no amount read "0 kr" (three ESF+ rows on real pages), and a county table where most
    /// projects list no municipality had an "(unknown)" row that dwarfed the rest. No amount is said as such, in the
    /// tables and on the chart, and the projects without a municipality are counted in a sentence.
    /// </summary>
    [Fact]
    public void Groups_without_amounts_say_so_and_projects_without_municipalities_are_counted_apart()
    {
        var pages = Seeds.Names.Select(n => new ParsedPage(n, Seeds.Parse(n)))
            .Append(new ParsedPage("stockholm.txt", ProjectParser.Parse("Ett projekt i Stockholm\nProjektägare: Stockholms stad\nRegion: Stockholm\nProjektperiod: 2023-01-01 till 2024-12-31\n")))
            .ToList();
        var summary = new CorpusSummary(pages);

        var markdown = ReportWriter.Markdown(summary);
        var regions = Charts.Series(summary).Single(s => s.Name == "support-per-region");

        Assert.Contains("| Stockholm | 1 | no amounts on the pages |", markdown, StringComparison.Ordinal);
        Assert.Contains("1 of the 6 pages state no granted support: the sums are of the 5 that do.", markdown, StringComparison.Ordinal);
        Assert.Contains("1 of the 6 projects name no municipality and are in no county's row.", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("(unknown) |", markdown[markdown.IndexOf("## Per county", StringComparison.Ordinal)..markdown.IndexOf("## Per phase", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.Equal("Stockholm", regions.Labels[^1]); // after every region with an amount
        Assert.Null(regions.Values[^1]);
        Assert.Equal(("no amounts on the pages", "19 262 731 kr"), (ReportWriter.Kr(null), ReportWriter.Kr(summary.TotalGranted)));
    }

    [Fact]
    public void Pages_with_errors_are_flagged_and_can_be_left_out()
    {
        var pages = Seeds.Names.Select(n => new ParsedPage(n, Seeds.Parse(n))).Append(new ParsedPage("broken.txt", ProjectParser.Parse("just some text"))).ToList();

        var all = new CorpusSummary(pages);
        var clean = new CorpusSummary(pages, withoutErrors: true);

        Assert.Equal((6, 1, 0), (all.Projects, all.PagesWithErrors, all.LeftOut));
        Assert.Equal((5, 1, 1), (clean.Projects, clean.PagesWithErrors, clean.LeftOut));
        Assert.Contains("1 of these pages have errors", ReportWriter.Markdown(all), StringComparison.Ordinal);
        Assert.Contains("1 pages with errors are left out", ReportWriter.Markdown(clean), StringComparison.Ordinal);
    }
}
