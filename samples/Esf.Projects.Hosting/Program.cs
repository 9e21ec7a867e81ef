using System.Collections.Immutable;
using Esf.Projects;
using Esf.Projects.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// A generic-host app: the parser comes from DI, with a handler whose constructor dependency DI supplies.
var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddSingleton(new KeywordCatalog(["arbetsmarknad", "jämställdhet", "utbildning", "samverkan"]));
builder.Services.AddEsfProjectParser(parser => parser.AddSectionHandler<KeywordHandler>());
using var host = builder.Build();

var esf = host.Services.GetRequiredService<EsfProjectParser>();
var folder = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "seeds";
foreach (var file in Directory.EnumerateFiles(folder, "*.txt").Order(StringComparer.Ordinal))
{
    var project = esf.Parse(File.ReadAllBytes(file)).Project;
    var sections = project.GetAllSectionData<KeywordCounts>().ToList();
    var catalog = host.Services.GetRequiredService<KeywordCatalog>();
    var counts = catalog.Words.Select(w => $"{w} {sections.Sum(s => s.Counts[w])}");
    Console.WriteLine($"{Path.GetFileName(file)}: {project.Title} — {string.Join(", ", counts)}");
}

/// <summary>The words to count; registered in DI so the handler receives it through its constructor.</summary>
/// <param name="Words">Lower-case words.</param>
internal sealed record KeywordCatalog(ImmutableArray<string> Words);

/// <summary>How often each catalogue word occurs in a section.</summary>
/// <param name="Counts">Word → occurrences.</param>
internal sealed record KeywordCounts(ImmutableDictionary<string, int> Counts);

/// <summary>Counts catalogue words in the prose sections Sammanfattning, Syfte and Bakgrund.</summary>
internal sealed class KeywordHandler(KeywordCatalog catalog) : SectionHandler<KeywordCounts>(HeadingMatcher.IgnoreCase("Sammanfattning", "Syfte", "Bakgrund"))
{
    public override KeywordCounts Handle(SectionContext context)
    {
        var text = context.Section.Text;
        var counts = catalog.Words.ToImmutableDictionary(w => w, w => CountOf(text, w));
        return new KeywordCounts(counts);
    }

    private static int CountOf(string text, string word)
    {
        var count = 0;
        for (var i = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(word, i + word.Length, StringComparison.OrdinalIgnoreCase))
        {
            count++;
        }

        return count;
    }
}
