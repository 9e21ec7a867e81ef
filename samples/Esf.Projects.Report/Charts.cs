using ScottPlot;

namespace Esf.Projects.Report;

/// <summary>The report's charts, drawn with ScottPlot and saved as PNG and SVG.</summary>
public static class Charts
{
    public static IEnumerable<string> Write(CorpusSummary summary, string folder)
    {
        var perRegion = summary.ByRegion.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        foreach (var file in Bars(folder, "support-per-region", "ESF support per region (MSEK)", perRegion.Select(r => r.Key), perRegion.Select(r => (double)(r.Granted / 1_000_000m))))
        {
            yield return file;
        }

        foreach (var file in Bars(folder, "projects-per-start-year", "Projects per start year", summary.ByStartYear.Select(r => r.Key), summary.ByStartYear.Select(r => (double)r.Projects)))
        {
            yield return file;
        }
    }

    private static IEnumerable<string> Bars(string folder, string name, string title, IEnumerable<string> labels, IEnumerable<double> values)
    {
        var keys = labels.ToArray();
        var heights = values.ToArray();
        var plot = new Plot();
        var positions = Enumerable.Range(0, keys.Length).Select(i => (double)i).ToArray();
        plot.Add.Bars(positions, heights);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, keys);
        plot.Axes.Margins(bottom: 0);
        plot.Title(title);
        var png = Path.Combine(folder, name + ".png");
        var svg = Path.Combine(folder, name + ".svg");
        plot.SavePng(png, 900, 500);
        plot.SaveSvg(svg, 900, 500);
        return [png, svg];
    }
}
