using System.Globalization;
using ScottPlot;

namespace Esf.Projects.Report;

/// <summary>One bar chart's data: a label and a value per bar, in the order drawn.</summary>
/// <param name="Name">The file name, without extension.</param>
/// <param name="Title">The chart's title.</param>
/// <param name="Labels">The category of each bar.</param>
/// <param name="Values">The height of each bar.</param>
/// <param name="IsCount">Whether the values count things (whole-number ticks and labels).</param>
public sealed record ChartSeries(string Name, string Title, IReadOnlyList<string> Labels, IReadOnlyList<double> Values, bool IsCount);

/// <summary>The report's charts, drawn with ScottPlot and saved as PNG and SVG.</summary>
public static class Charts
{
    /// <summary>
    /// What the charts plot: ESF support per region in millions of kronor (largest first), and projects per start
    /// year with every year of the range on the axis, zeros included, so a gap in the data shows as a gap.
    /// </summary>
    public static IReadOnlyList<ChartSeries> Series(CorpusSummary summary)
    {
        var perRegion = summary.ByRegion;
        var years = summary.ByStartYear.Where(r => int.TryParse(r.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .ToDictionary(r => int.Parse(r.Key, CultureInfo.InvariantCulture), r => r.Projects);
        var range = years.Count == 0 ? [] : Enumerable.Range(years.Keys.Min(), years.Keys.Max() - years.Keys.Min() + 1).ToList();
        return
        [
            new("support-per-region", "ESF support per region (million SEK)", [.. perRegion.Select(r => r.Key)], [.. perRegion.Select(r => (double)Math.Round(r.Granted / 1_000_000m, 1))], IsCount: false),
            new("projects-per-start-year", "Projects per start year", [.. range.Select(y => y.ToString(CultureInfo.InvariantCulture))], [.. range.Select(y => (double)years.GetValueOrDefault(y))], IsCount: true),
        ];
    }

    /// <summary>Draws every series as a PNG and an SVG, with a line under each chart naming the source.</summary>
    public static IEnumerable<string> Write(CorpusSummary summary, string folder)
    {
        foreach (var series in Series(summary))
        {
            foreach (var file in Bars(folder, series, summary.SourceLine))
            {
                yield return file;
            }
        }
    }

    private static IEnumerable<string> Bars(string folder, ChartSeries series, string source)
    {
        var plot = new Plot();
        var bars = series.Values.Select((value, i) => new Bar
        {
            Position = i,
            Value = value,
            Label = series.IsCount ? value.ToString("0", CultureInfo.InvariantCulture) : value.ToString("0.0", CultureInfo.InvariantCulture),
        }).ToList();
        var plottable = plot.Add.Bars(bars);
        plottable.ValueLabelStyle.FontSize = 12;
        var positions = Enumerable.Range(0, series.Labels.Count).Select(i => (double)i).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, [.. series.Labels]);
        if (series.IsCount)
        {
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        }

        plot.Axes.Margins(bottom: 0);
        plot.Title(series.Title);
        plot.XLabel(source, size: 11);
        var png = Path.Combine(folder, series.Name + ".png");
        var svg = Path.Combine(folder, series.Name + ".svg");
        plot.SavePng(png, 900, 500);
        plot.SaveSvg(svg, 900, 500);
        return [png, svg];
    }
}
