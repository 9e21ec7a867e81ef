using System.Text;
using BenchmarkDotNet.Attributes;

namespace Esf.Projects.Benchmarks;

/// <summary>
/// Linear scaling: a 10 KB page and a 4 MB page built from the seeds. The goal is that the 4 MB row costs at
/// most 1.2 × (4 MB / 10 KB) = 1.2 × 400 times the 10 KB row (Ratio column ≤ 480 with the small page as baseline).
/// The naive regex parser runs on the same two pages as a control: the growth it shows beyond 400× is what any
/// parser building a result graph of that size pays in this runtime (large-object heap, promotions, cache misses).
/// </summary>
[MemoryDiagnoser]
public class ScalingBenchmarks
{
    private string _small = string.Empty;
    private string _large = string.Empty;

    /// <summary>Builds the pages.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var seed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "004_f7aabbdad8b61250.txt"));
        _small = seed;
        var body = seed[(seed.IndexOf("\nSammanfattning", StringComparison.Ordinal) + 1)..];
        var large = new StringBuilder(seed, 4_200_000);
        while (Encoding.UTF8.GetByteCount(large.ToString()) < 4_000_000)
        {
            large.Append("\n\nBakgrund\n\n").Append(body);
        }

        _large = large.ToString();
    }

    /// <summary>The 10 KB seed page.</summary>
    /// <returns>The result.</returns>
    [Benchmark(Baseline = true)]
    public ProjectParseResult Page10KB() => ProjectParser.Parse(_small);

    /// <summary>The same content repeated to 4 MB (the section limit is not reached).</summary>
    /// <returns>The result.</returns>
    [Benchmark]
    public ProjectParseResult Page4MB() => ProjectParser.Parse(_large);

    /// <summary>Control: the naive regex and split parser on the 10 KB page.</summary>
    /// <returns>The naive result.</returns>
    [Benchmark]
    public NaiveProject Naive10KB() => NaiveParser.Parse(_small);

    /// <summary>Control: the naive regex and split parser on the 4 MB page.</summary>
    /// <returns>The naive result.</returns>
    [Benchmark]
    public NaiveProject Naive4MB() => NaiveParser.Parse(_large);
}
