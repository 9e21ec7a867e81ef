using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Esf.Projects.Cli;

namespace Esf.Projects.Benchmarks;

/// <summary>
/// The command line's whole pipeline — find the files, read, parse, prepare each page's output on the workers, write
/// in order — over 10 000 page files (2 000 copies of each seed in a temporary folder, so in the OS's file cache),
/// per output format, to standard output thrown away (<see cref="Stream.Null"/>) or to a file, with one worker and
/// with one per core (<c>--jobs</c>). In-process, so the JIT's start-up is not counted; three warm-up runs, because a
/// run of a few hundred milliseconds on several threads is still partly tier-0 code after one.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class PipelineBenchmarks
{
    private string _folder = "";
    private string _output = "";

    /// <summary>The output: a format and where it goes.</summary>
    [ParamsSource(nameof(Cases))]
    public string Case { get; set; } = "";

    /// <summary>Workers: 1, and one per core.</summary>
    [ParamsSource(nameof(JobCounts))]
    public int Jobs { get; set; }

    /// <summary>Every format to the null stream where it can go to standard output, and to a file.</summary>
    public static IEnumerable<string> Cases => ["json stdout", "jsonl stdout", "csv stdout", "json file", "jsonl file", "csv file", "xlsx file", "sqlite file"];

    /// <summary>1 and <see cref="Environment.ProcessorCount"/>.</summary>
    public static IEnumerable<int> JobCounts => Environment.ProcessorCount > 1 ? [1, Environment.ProcessorCount] : [1];

    /// <summary>Writes the 10 000 page files.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("esf-pipeline-").FullName;
        var pages = Path.Combine(_folder, "pages");
        Directory.CreateDirectory(pages);
        var seeds = Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "seeds"), "*.txt").Order(StringComparer.Ordinal).ToArray();
        for (var i = 0; i < 10_000; i++)
        {
            File.Copy(seeds[i % seeds.Length], Path.Combine(pages, $"{i:D5}.txt"));
        }

        _output = Path.Combine(_folder, "out");
    }

    /// <summary>Removes the folder.</summary>
    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    /// <summary>A fresh output file for every run (the database is created, not updated).</summary>
    [IterationSetup]
    public void RemoveOutput()
    {
        foreach (var file in Directory.EnumerateFiles(_folder, "out*"))
        {
            File.Delete(file);
        }
    }

    /// <summary><c>esf parse --quiet --format F --jobs N [--output FILE] folder</c>.</summary>
    /// <returns>The exit code.</returns>
    [Benchmark]
    public Task<int> Parse()
    {
        var (format, target) = (Case.Split(' ')[0], Case.Split(' ')[1]);
        string[] args = target == "file"
            ? ["parse", "--quiet", "--format", format, "--jobs", Jobs.ToString(System.Globalization.CultureInfo.InvariantCulture), "--output", _output + "." + format, Path.Combine(_folder, "pages")]
            : ["parse", "--quiet", "--format", format, "--jobs", Jobs.ToString(System.Globalization.CultureInfo.InvariantCulture), Path.Combine(_folder, "pages")];
        return CliApplication.RunAsync(args, Stream.Null, Stream.Null, TextWriter.Null);
    }
}
