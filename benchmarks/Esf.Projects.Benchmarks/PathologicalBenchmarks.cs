using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using Esf.Projects.Tests.Hostile;

namespace Esf.Projects.Benchmarks;

/// <summary>
/// Every pathological page shape of the hostile-input tests at 0.5 M characters, against normal pages: the five seeds
/// parsed in turn until they too make 0.5 M characters. Each operation parses 0.5 M characters, so the Mean column
/// is time per 0.5 M characters and its ratio to the normal row is the cost per character relative to real pages
/// (goal: at most 10×). Allocated against the input's UTF-16 size (1 MB) is the memory goal (at most 20×).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(WideNames))]
public class PathologicalBenchmarks
{
    /// <summary>Shape names in full in the reports (BenchmarkDotNet shortens parameter values to 20 characters).</summary>
    private sealed class WideNames : ManualConfig
    {
        public WideNames() => SummaryStyle = SummaryStyle.Default.WithMaxParameterColumnWidth(60);
    }

    /// <summary>The name of the row of normal pages.</summary>
    public const string Normal = "normal pages";

    private const int Characters = 500_000;

    private string[] _pages = [];

    /// <summary>The shapes, normal pages first.</summary>
    public static IEnumerable<string> Shapes => [Normal, .. PathologicalShapes.Makers.Keys];

    /// <summary>The shape measured.</summary>
    [ParamsSource(nameof(Shapes))]
    public string Shape { get; set; } = Normal;

    /// <summary>Builds the pages: one pathological page, or seed pages to the same number of characters.</summary>
    [GlobalSetup]
    public void Setup()
    {
        if (Shape != Normal)
        {
            _pages = [PathologicalShapes.Makers[Shape](Characters)];
            return;
        }

        var seeds = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds"), "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        var pages = new List<string>();
        for (var total = 0; total < Characters; total += pages[^1].Length)
        {
            pages.Add(seeds[pages.Count % seeds.Length]);
        }

        _pages = [.. pages];
    }

    /// <summary>Parses the pages of one operation.</summary>
    /// <returns>The diagnostics counted over the pages, so nothing is optimised away.</returns>
    [Benchmark]
    public int Parse()
    {
        var count = 0;
        foreach (var page in _pages)
        {
            count += ProjectParser.Parse(page).Diagnostics.Length;
        }

        return count;
    }
}
