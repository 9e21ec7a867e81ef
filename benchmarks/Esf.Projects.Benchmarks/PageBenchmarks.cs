using BenchmarkDotNet.Attributes;

namespace Esf.Projects.Benchmarks;

/// <summary>Parses each seed page from a string and from UTF-8 bytes. The full suite (baselines, corpus, scaling) is issue #4.</summary>
[MemoryDiagnoser]
public class PageBenchmarks
{
    private string _text = string.Empty;
    private byte[] _utf8 = [];

    /// <summary>The seed file parsed in this run.</summary>
    [ParamsSource(nameof(SeedNames))]
    public string Seed { get; set; } = string.Empty;

    /// <summary>The seed files copied beside the benchmark binary.</summary>
    public static IEnumerable<string> SeedNames =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "seeds"), "*.txt").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    /// <summary>Loads the seed.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _utf8 = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "seeds", Seed));
        _text = System.Text.Encoding.UTF8.GetString(_utf8);
    }

    /// <summary>Parse from a string.</summary>
    /// <returns>The result, so the work is not optimised away.</returns>
    [Benchmark(Baseline = true)]
    public ProjectParseResult ParseString() => ProjectParser.Parse(_text);

    /// <summary>Parse from UTF-8 bytes (includes decoding).</summary>
    /// <returns>The result.</returns>
    [Benchmark]
    public ProjectParseResult ParseUtf8() => ProjectParser.Parse(_utf8);
}
