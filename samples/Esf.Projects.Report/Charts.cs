using System.Globalization;
using ScottPlot;

namespace Esf.Projects.Report;

/// <summary>One bar chart's data: a label and a value per bar, in the order drawn.</summary>
/// <param name="Name">The file name, without extension.</param>
/// <param name="Title">The chart's title.</param>
/// <param name="Labels">The category of each bar.</param>
/// <param name="Values">The length of each bar; <see langword="null"/> where the group's pages state no amount (drawn as no bar, labelled so).</param>
/// <param name="IsCount">Whether the values count things (whole-number ticks and labels).</param>
/// <param name="Horizontal">Bars from the left, names on the left axis, largest at the top: long names (regions) stay readable side by side.</param>
public sealed record ChartSeries(string Name, string Title, IReadOnlyList<string> Labels, IReadOnlyList<double?> Values, bool IsCount, bool Horizontal);

/// <summary>The report's charts, drawn with ScottPlot and saved as PNG and SVG.</summary>
public static class Charts
{
    /// <summary>
    /// What the charts plot: ESF support per region in millions of kronor (largest first, as horizontal bars so the
    /// regions' names do not run into each other; a region whose pages state no amount is labelled so, not drawn as
    /// 0), and projects per start year with every year of the range on the axis, zeros included, so a gap in the data
    /// shows as a gap.
    /// </summary>
    public static IReadOnlyList<ChartSeries> Series(CorpusSummary summary)
    {
        var perRegion = summary.ByRegion;
        var years = summary.ByStartYear.Where(r => int.TryParse(r.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .ToDictionary(r => int.Parse(r.Key, CultureInfo.InvariantCulture), r => r.Projects);
        var range = years.Count == 0 ? [] : Enumerable.Range(years.Keys.Min(), years.Keys.Max() - years.Keys.Min() + 1).ToList();
        return
        [
            new("support-per-region", "ESF support per region (million SEK)", [.. perRegion.Select(r => r.Key)], [.. perRegion.Select(r => r.Granted is { } g ? (double)Math.Round(g / 1_000_000m, 1) : (double?)null)], IsCount: false, Horizontal: true),
            new("projects-per-start-year", "Projects per start year", [.. range.Select(y => y.ToString(CultureInfo.InvariantCulture))], [.. range.Select(y => (double?)years.GetValueOrDefault(y))], IsCount: true, Horizontal: false),
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
        var count = series.Labels.Count;

        // Horizontal charts list the first (largest) bar at the top.
        double PositionOf(int i) => series.Horizontal ? count - 1 - i : i;
        var bars = series.Values.Select((value, i) => new Bar
        {
            Position = PositionOf(i),
            Value = value ?? 0,
            Label = value is not { } v ? "no amounts on the pages" : series.IsCount ? v.ToString("0", CultureInfo.InvariantCulture) : v.ToString("0.0", CultureInfo.InvariantCulture),
        }).ToList();
        var plottable = plot.Add.Bars(bars);
        plottable.Horizontal = series.Horizontal;
        plottable.ValueLabelStyle.FontSize = 12;
        var positions = Enumerable.Range(0, count).Select(i => PositionOf(i)).ToArray();
        var categories = series.Horizontal ? (IAxis)plot.Axes.Left : plot.Axes.Bottom;
        var values = series.Horizontal ? (IAxis)plot.Axes.Bottom : plot.Axes.Left;
        categories.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, [.. series.Labels]);
        if (series.IsCount)
        {
            values.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        }

        if (series.Horizontal)
        {
            plot.Axes.Margins(left: 0, right: 0.25); // room for the value labels beside the longest bar
        }
        else
        {
            plot.Axes.Margins(bottom: 0);
        }

        plot.Title(series.Title);
        plot.XLabel(source, size: 11);
        var png = Path.Combine(folder, series.Name + ".png");
        var svg = Path.Combine(folder, series.Name + ".svg");
        var height = series.Horizontal ? Math.Max(300, 120 + (40 * count)) : 500;
        plot.SavePng(png, 900, height);
        plot.SaveSvg(svg, 900, height);
        return [png, svg];
    }
}
