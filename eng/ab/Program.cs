// The harness of eng/ab-parse.sh: Parse(string) of one page, warmed up, then the median of 15 rounds of 150 ms, in µs.
using System.Diagnostics;
var text = File.ReadAllText(args[0]);
for (var i = 0; i < 20000; i++) Esf.Projects.ProjectParser.Parse(text);
var samples = new List<double>();
for (var round = 0; round < 15; round++)
{
    var sw = Stopwatch.StartNew(); var n = 0;
    while (sw.ElapsedMilliseconds < 150) { Esf.Projects.ProjectParser.Parse(text); n++; }
    samples.Add(sw.Elapsed.TotalMilliseconds * 1000 / n);
}
samples.Sort();
Console.WriteLine($"{samples[samples.Count / 2]:0.00}");
