using System.Globalization;
using Esf.Projects;
using Esf.Projects.CustomHandler;

// Prints the quantified targets of every page under the given folders or files (default: seeds).
var parser = new ProjectParserBuilder().AddSectionHandler(new TargetsHandler()).Build();
var paths = args.Length > 0 ? args : ["seeds"];
var files = paths.SelectMany(p => Directory.Exists(p) ? Directory.EnumerateFiles(p, "*.txt", SearchOption.AllDirectories) : [p]).Order(StringComparer.Ordinal);
foreach (var file in files)
{
    var project = parser.Parse(File.ReadAllBytes(file)).Project;
    var targets = project.GetAllSectionData<Targets>().SelectMany(t => t.Items).ToList();
    Console.WriteLine($"{Path.GetFileName(file)}: {project.Title} — {targets.Count} quantified target(s)");
    foreach (var target in targets)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {target.Percent} % of {target.Who}: {target.Outcome}"));
    }
}
