using System.Text;
using BenchmarkDotNet.Attributes;

namespace Esf.Projects.Benchmarks;

/// <summary>
/// One page, per seed. The baseline is the floor: decoding the same UTF-8 bytes to a
/// string and counting its lines — what merely reading the text costs. Ratio is each way of parsing over that floor.
/// </summary>
[MemoryDiagnoser]
public class PageBenchmarks
{
    private string _text = string.Empty;
    private byte[] _utf8 = [];
    private string _crlf = string.Empty;

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
        _text = Encoding.UTF8.GetString(_utf8);
        _crlf = _text.Replace("\n", "\r\n", StringComparison.Ordinal);
    }

    /// <summary>The floor: decode UTF-8 and count the lines.</summary>
    /// <returns>The line count.</returns>
    [Benchmark(Baseline = true)]
    public int Floor_DecodeAndCountLines() => Encoding.UTF8.GetString(_utf8).AsSpan().Count('\n');

    /// <summary>Parse from UTF-8 bytes (includes decoding).</summary>
    /// <returns>The result.</returns>
    [Benchmark]
    public ProjectParseResult ParseUtf8() => ProjectParser.Parse(_utf8);

    /// <summary>Parse from a string.</summary>
    /// <returns>The result.</returns>
    [Benchmark]
    public ProjectParseResult ParseString() => ProjectParser.Parse(_text);

    /// <summary>Parse the same page with CRLF line ends: no section text is in the input as is, so each is built once (the copying path).</summary>
    /// <returns>The result.</returns>
    [Benchmark]
    public ProjectParseResult ParseStringCrlf() => ProjectParser.Parse(_crlf);

    /// <summary>Parse, then read every section's and block's <c>Text</c>: the cost when every text becomes a string.</summary>
    /// <returns>The total length read.</returns>
    [Benchmark]
    public int ParseStringThenReadAllText()
    {
        var total = 0;
        foreach (var section in ProjectParser.Parse(_text).Project.Sections)
        {
            total += section.Text.Length;
            foreach (var block in section.Blocks)
            {
                total += block switch
                {
                    TextBlock t => t.Text.Length,
                    ListBlock l => l.Items.Sum(i => i.Text.Length),
                    _ => 0,
                };
            }
        }

        return total;
    }

    /// <summary>What a competent user would write without this library (see <see cref="NaiveParser"/>), from UTF-8.</summary>
    /// <returns>The extracted record.</returns>
    [Benchmark]
    public NaiveProject NaiveRegexAndSplit() => NaiveParser.Parse(Encoding.UTF8.GetString(_utf8));
}
