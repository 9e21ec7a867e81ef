using System.CommandLine;
using Esf.Projects;
using Esf.Projects.Report;

// esf-report PATH... [--out FOLDER]: a summary of a corpus of pages as Markdown, HTML and charts.
var paths = new Argument<string[]>("paths") { Description = "Page files or folders (every *.txt below a folder).", Arity = ArgumentArity.OneOrMore };
var output = new Option<string>("--out", "-o") { Description = "Folder for summary.md, summary.html and the charts.", DefaultValueFactory = _ => "report" };
var withoutErrors = new Option<bool>("--without-errors") { Description = "Leave pages with error-level diagnostics out of every figure (they are counted)." };
var root = new RootCommand("Summarise ESF project pages: totals per region, county, phase, programme area and start year; largest projects; diagnostics.") { paths, output, withoutErrors };
root.SetAction(result =>
{
    var files = result.GetValue(paths)!
        .SelectMany(p => Directory.Exists(p) ? Directory.EnumerateFiles(p, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal) : (IEnumerable<string>)[p])
        .ToList();
    var pages = files.Select(f => new ParsedPage(f, ProjectParser.Parse(File.ReadAllBytes(f)))).ToList();
    var summary = new CorpusSummary(pages, result.GetValue(withoutErrors));
    foreach (var written in ReportWriter.Write(summary, result.GetValue(output)!))
    {
        Console.WriteLine(written);
    }

    return 0;
});
return root.Parse(args).Invoke();
