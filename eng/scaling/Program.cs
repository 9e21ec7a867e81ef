// The harness of eng/pipeline-scaling.sh: the command line's whole pipeline (CliApplication.RunAsync, in process)
// over a folder of pages, with one worker and with one per core taking turns, so both see the same machine.
//
//   scaling <pages folder> <output folder> <rounds>
//
// Per case: three warm-up runs of each, then <rounds> rounds of (one worker, all workers); prints one Markdown row
// per case: the median time of each, and the median, lowest and highest of the rounds' speed-ups.
using System.Diagnostics;
using System.Globalization;
using Esf.Projects.Cli;

var (pages, outputs, rounds) = (args[0], args[1], int.Parse(args[2], CultureInfo.InvariantCulture));
var cores = Environment.ProcessorCount;
string[] cases = ["jsonl stdout", "jsonl file", "json stdout", "json file", "csv stdout", "csv file"];

double Run(string format, bool toFile, int jobs)
{
    var output = Path.Combine(outputs, "out." + format);
    File.Delete(output);
    string[] common = ["parse", "--quiet", "--format", format, "--jobs", jobs.ToString(CultureInfo.InvariantCulture)];
    string[] arguments = toFile ? [.. common, "--output", output, pages] : [.. common, pages];
    var watch = Stopwatch.StartNew();
    var exit = CliApplication.RunAsync(arguments, Stream.Null, Stream.Null, TextWriter.Null).GetAwaiter().GetResult();
    watch.Stop();
    if (exit != 0)
    {
        throw new InvalidOperationException($"esf {string.Join(' ', arguments)} exited with {exit}");
    }

    return watch.Elapsed.TotalMilliseconds;
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

Console.WriteLine($"| Output | 1 worker | {cores} workers | Speed-up (median) | Lowest – highest |");
Console.WriteLine("|---|---:|---:|---:|---:|");
foreach (var name in cases)
{
    var format = name.Split(' ')[0];
    var toFile = name.EndsWith("file", StringComparison.Ordinal);
    for (var i = 0; i < 3; i++)
    {
        Run(format, toFile, 1);
        Run(format, toFile, cores);
    }

    List<double> one = [], all = [], ratios = [];
    for (var round = 0; round < rounds; round++)
    {
        one.Add(Run(format, toFile, 1));
        all.Add(Run(format, toFile, cores));
        ratios.Add(one[^1] / all[^1]);
    }

    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"| `{name}` | {Median(one):0} ms | {Median(all):0} ms | {Median(ratios):0.00}× | {ratios.Min():0.00}× – {ratios.Max():0.00}× |"));
}
