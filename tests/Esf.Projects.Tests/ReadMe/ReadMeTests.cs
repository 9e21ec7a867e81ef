using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Esf.Projects.Fields;
using Esf.Projects.Handlers;
using Esf.Projects.Html;
using Esf.Projects.Json;
using NodaTime;

namespace Esf.Projects.Tests.ReadMe;

/// <summary>
/// Every C# block in README.md and the pages of docs/ is a region of the files in this folder, named after its
/// document, so it compiles and runs with the tests (Sep's ReadMeTest is the model). Edit the code here, then copy
/// the region into the page — the first test fails until they match. A block's leading <c>using</c> lines are not
/// compared (they are this file's usings).
/// </summary>
public partial class ReadMeTests
{
    /// <summary>The documents whose C# blocks are compiled here, and the region name that marks each one's code.</summary>
    public static TheoryData<string, string> Documents => new()
    {
        { "README.md", "README" },
        { "docs/extending.md", "docs/extending.md" },
        { "docs/field-parsers.md", "docs/field-parsers.md" },
        { "docs/model.md", "docs/model.md" },
        { "docs/html.md", "docs/html.md" },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_csharp_block_of_a_document_is_a_region_of_the_tests(string document, string region)
    {
        var path = Path.Combine(Seeds.RepositoryRoot, document);
        if (!File.Exists(path))
        {
            Assert.NotEqual("README.md", document);
            return;
        }

        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        var sources = Directory.EnumerateFiles(Path.Combine(Seeds.RepositoryRoot, "tests", "Esf.Projects.Tests", "ReadMe"), "*.cs")
            .Order(StringComparer.Ordinal).Select(f => File.ReadAllText(f).ReplaceLineEndings("\n"));
        var blocks = Regex.Matches(text, "```csharp\n(.*?)```", RegexOptions.Singleline).Select(m => WithoutUsings(m.Groups[1].Value)).ToList();
        var regions = sources.SelectMany(source => Regex.Matches(source, "#region " + Regex.Escape(region) + "\n(.*?)\n *#endregion", RegexOptions.Singleline))
            .Select(m => Dedent(m.Groups[1].Value)).ToList();

        Assert.Equal(regions, blocks);
    }

    private static string WithoutUsings(string block) =>
        string.Join('\n', block.Split('\n').SkipWhile(l => l.StartsWith("using ", StringComparison.Ordinal) || l.Length == 0)).TrimEnd() + "\n";

    private static string Dedent(string region)
    {
        var lines = region.Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart())).TrimEnd() + "\n";
    }

    [Fact]
    public void Using_the_library()
    {
        var printed = new StringWriter();
        var console = Console.Out;
        Console.SetOut(printed);
        try
        {
            UsingTheLibrary(out var project, out var json);
            Assert.Equal("Brytpunkt", project.Title);
            Assert.Equal(Money.Sek(3493248m), project.GrantedEsfSupport);
            Assert.Equal(new LocalDate(2014, 9, 30), project.Period?.End);
            Assert.Contains("\"source\": \"000.txt\"", json, StringComparison.Ordinal);
        }
        finally
        {
            Console.SetOut(console);
        }

        // What the example prints is what its comments say.
        Assert.Equal(["Brytpunkt (Kävlinge Lärcentrum, 2012-02-01–2014-09-30, 3\u00A0493\u00A0248\u00A0kr)", "3493248", "2014", "Kävlinge, Lomma"], printed.ToString().Split(Environment.NewLine).Take(4));
    }

    private static void UsingTheLibrary(out EsfProject projectOut, out string jsonOut)
    {
        #region README
        var result = ProjectParser.Parse(File.ReadAllBytes("seeds/000_196cdacd7e4f6bec.txt"));
        var project = result.Project;

        Console.WriteLine(project);                                   // Brytpunkt (Kävlinge Lärcentrum, 2012-02-01–2014-09-30, 3 493 248 kr)
        Console.WriteLine(project.GrantedEsfSupport?.Amount);         // 3493248 (a decimal, in SEK)
        Console.WriteLine(project.Period?.End.Year);                  // 2014 (the end is inclusive, as "till" means)
        Console.WriteLine(string.Join(", ", project.Municipalities)); // Kävlinge, Lomma

        foreach (var diagnostic in result.Diagnostics)
        {
            Console.WriteLine(diagnostic);                            // (line,column): severity ESF0xxx: message
        }

        string json = EsfJson.Serialize(result, source: "000.txt");
        #endregion

        projectOut = project;
        jsonOut = json;
    }

    [Fact]
    public async Task Parsing_many_pages()
    {
        #region docs/model.md
        await foreach (var item in ProjectCorpus.ParseDirectoryAsync("seeds", options: new CorpusOptions { Ordered = false }))
        {
            Console.WriteLine($"{item.Source}: {item.Result?.Project.Title ?? item.ReadError?.Message}");
        }
        #endregion

        var titles = new List<string?>();
        await foreach (var item in ProjectCorpus.ParseDirectoryAsync("seeds", options: new CorpusOptions { Ordered = false }))
        {
            titles.Add(item.Result?.Project.Title);
        }

        Assert.Equal(5, titles.Count);
        Assert.Contains("Brytpunkt", titles);
    }

    [Fact]
    public void Field_parsers()
    {
        #region docs/field-parsers.md
        Money amount = SwedishAmount.Parse("3\u00A0493\u00A0248 kr").Value;          // 3 493 248 kr (3493248, "SEK")
        decimal scaled = SwedishAmount.Parse("3,5 miljoner kronor").Value.Amount;   // 3500000
        var rejected = SwedishAmount.Parse("12 34");                                // Error MisplacedGroupSeparator, ErrorIndex 3
        Money fromUtf8 = SwedishAmount.Parse("3\u00A0493\u00A0248 kr"u8).Value;      // the same, from UTF-8 bytes
        string text = SwedishAmount.Format(Money.Sek(1234.5m));                     // "1 234,50 kr" (U+00A0)
        string code = SwedishAmount.Format(amount, new SwedishAmountFormat { GroupSeparator = ' ', Unit = SwedishAmountUnit.CodeAfter }); // "3 493 248 SEK"

        DateInterval period = SwedishDateRange.Parse("2016-08-01-2019-03-31").Value!; // [2016-08-01, 2019-03-31]
        bool ok = SwedishDateRange.TryParse("1 februari till 30 september 2014", out LocalDate start, out LocalDate end);
        string longForm = SwedishDateRange.Format(period, SwedishDateStyle.Long);    // "1 augusti 2016 till 31 mars 2019"

        string e164 = SwedishPhoneNumber.Parse("0705 - 88 80 40").Value.E164;        // "+46705888040" (area code "70", mobile)
        string domain = EmailAddress.Parse("Anna.Berg@Kavlinge.SE").Value!.Domain;  // "kavlinge.se"
        var items = BulletList.Parse("• Kävlinge\n• Lund").Value;                    // (Bullet, "Kävlinge", 0), (Bullet, "Lund", 11)
        #endregion

        Assert.Equal(Money.Sek(3493248m), amount);
        Assert.Equal(3500000m, scaled);
        Assert.Equal((FieldParseError.MisplacedGroupSeparator, 3), (rejected.Error, rejected.ErrorIndex));
        Assert.Equal(amount, fromUtf8);
        Assert.Equal("1\u00A0234,50\u00A0kr", text);
        Assert.Equal("3 493 248 SEK", code);
        Assert.Equal(new DateInterval(new LocalDate(2016, 8, 1), new LocalDate(2019, 3, 31)), period);
        Assert.True(ok);
        Assert.Equal((new LocalDate(2014, 2, 1), new LocalDate(2014, 9, 30)), (start, end));
        Assert.Equal("1 augusti 2016 till 31 mars 2019", longForm);
        Assert.Equal("+46705888040", e164);
        Assert.Equal("kavlinge.se", domain);
        Assert.Equal<BulletListItem>([new(ListMarkerKind.Bullet, "Kävlinge", 0), new(ListMarkerKind.Bullet, "Lund", 11)], items);
    }

    [Fact]
    public void Extending_the_parser_with_english_labels()
    {
        var text = Seeds.Text("001_0b550c35baa0836e.txt");

        // The section handler of docs/extending.md, with the English spellings on as well.
        var parser = new ProjectParserBuilder().AddSectionHandler(new ExtendingExamples.TargetsHandler()).UseEnglishLabels().Build();
        var targets = parser.Parse(text).Project.GetSectionData<ExtendingExamples.Targets>();

        Assert.NotNull(targets);
        Assert.Equal(3, targets.Lines.Length);
        Assert.StartsWith("- Att 30 %", targets.Lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_an_html_page()
    {
        File.WriteAllText("page.html", "<!DOCTYPE html><html><body><h1>Brytpunkt</h1><div><span>Projektägare</span><span>Kävlinge Lärcentrum</span></div><div><span>Projektfas</span><span>Genomförande</span></div></body></html>");
        try
        {
            #region docs/html.md
            var result = EsfHtml.Parse(File.OpenRead("page.html"));   // encoding: see "Encodings" below
            Console.WriteLine(result.Project.Title);
            #endregion

            Assert.Equal("Brytpunkt", result.Project.Title);
            Assert.Equal("Kävlinge Lärcentrum", result.Project.Owner);
        }
        finally
        {
            File.Delete("page.html");
        }
    }
}
