using BenchmarkDotNet.Attributes;

namespace Esf.Projects.Benchmarks;

/// <summary>10 000 pages made from the seeds (in memory): a single-threaded loop against <see cref="ProjectCorpus"/> on all cores.</summary>
[MemoryDiagnoser]
public class CorpusBenchmarks
{
    private (string Source, byte[] Bytes)[] _pages = [];

    /// <summary>Builds the corpus.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var seeds = Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "seeds"), "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray();
        _pages = [.. Enumerable.Range(0, 10_000).Select(i => ($"page{i}", seeds[i % seeds.Length]))];
    }

    /// <summary>One page after another on one thread.</summary>
    /// <returns>Pages parsed.</returns>
    [Benchmark(Baseline = true)]
    public int SingleThreadedLoop()
    {
        var count = 0;
        foreach (var (_, bytes) in _pages)
        {
            count += ProjectParser.Parse(bytes).Project.Title is null ? 0 : 1;
        }

        return count;
    }

    /// <summary>The corpus API, ordered, one worker per core.</summary>
    /// <returns>The number of pages with a title.</returns>
    [Benchmark]
    public Task<int> ProjectCorpusOrdered() => Count(ordered: true);

    /// <summary>The corpus API, pages as they finish.</summary>
    /// <returns>The number of pages with a title.</returns>
    [Benchmark]
    public Task<int> ProjectCorpusUnordered() => Count(ordered: false);

    private async Task<int> Count(bool ordered)
    {
        var count = 0;

        // Exposed memory streams (publiclyVisible): the corpus parses them in place, as it would bytes a caller holds.
        var inputs = _pages.Select(p => (p.Source, (Func<Stream>)(() => new MemoryStream(p.Bytes, 0, p.Bytes.Length, writable: false, publiclyVisible: true))));
        await foreach (var item in ProjectCorpus.ParseStreamsAsync(inputs, new CorpusOptions { Ordered = ordered }))
        {
            count += item.Result!.Project.Title is null ? 0 : 1;
        }

        return count;
    }
}
