using System.Text;
using System.Text.Json.Nodes;
using Esf.Projects.Cli;

namespace Esf.Projects.Tests.Cli;

/// <summary>The esf command line, run in-process with captured streams.</summary>
public sealed class CliTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("esf-cli-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static (int Exit, string Stdout, string Stderr) Run(byte[]? stdin, params string[] args) => CliRunner.Run(stdin, args);

    [Fact]
    public void Parses_the_seed_folder_as_one_json_array_in_order()
    {
        var (exit, stdout, stderr) = Run(null, "parse", Seeds.Folder);

        Assert.Equal(0, exit);
        Assert.Equal("esf: 5 pages, 0 with errors, 0 with warnings" + Environment.NewLine, stderr);
        var array = JsonNode.Parse(stdout)!.AsArray();
        Assert.Equal(5, array.Count);
        Assert.Equal(Seeds.Names.Select(n => Path.Join(Seeds.Folder, n)), array.Select(e => (string)e!["source"]!));
        var first = array[0]!["project"]!;
        Assert.Equal("Brytpunkt", (string)first["title"]!);
        Assert.Equal(3493248m, (decimal)first["grantedEsfSupport"]!["amount"]!);
        Assert.Equal("SEK", (string)first["grantedEsfSupport"]!["currency"]!);
        Assert.Equal("2012-02-01", (string)first["period"]!["start"]!);
        Assert.Equal(2, (int)first["programArea"]!["number"]!);
        Assert.Equal("Kävlinge", (string)first["municipalities"]![0]!);
        Assert.Empty(array[0]!["diagnostics"]!.AsArray());
    }

    [Fact]
    public void An_output_of_dash_is_standard_output_for_every_text_format()
    {
        foreach (var format in new[] { "json", "jsonl", "csv" })
        {
            var (exit, stdout, _) = Run(null, "parse", "--quiet", "--format", format, "--output", "-", Seeds.Folder);

            Assert.Equal(0, exit);
            Assert.Equal(Run(null, "parse", "--quiet", "--format", format, Seeds.Folder).Stdout, stdout);
        }

        Assert.False(File.Exists("-"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void An_empty_output_name_is_a_usage_error_in_plain_words(string name)
    {
        var (exit, stdout, stderr) = Run(null, "parse", "--output", name, Seeds.Folder);

        Assert.Equal(CliApplication.UsageError, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.StartsWith("esf: --output needs a file name", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("sqlite")]
    public void A_binary_format_refuses_standard_output(string format)
    {
        var (exit, _, stderr) = Run(null, "parse", "--format", format, "--output", "-", Seeds.Folder);

        Assert.Equal(CliApplication.UsageError, exit);
        Assert.Contains("not standard output", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("jsonl")]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public void An_output_that_names_an_input_page_is_refused_before_the_page_is_touched(string format)
    {
        var page = Path.Combine(_temp, "page.txt");
        File.Copy(Seeds.Path_(Seeds.Names.First()), page);
        var before = File.ReadAllBytes(page);

        var (exit, stdout, stderr) = Run(null, "parse", "--format", format, "--output", page, _temp);

        Assert.Equal(CliApplication.UsageError, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("is also an input", stderr, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(page));
        Assert.Equal(["page.txt"], Directory.GetFiles(_temp).Select(Path.GetFileName));
    }

    [Fact]
    public void The_reason_a_file_could_not_be_read_is_whole_in_every_output()
    {
        var reason = "The file '/a/rather/long/path/to/a/folder/of/pages/page.txt' is empty, or is not a regular file (a FIFO, socket or device), so it was not opened.";

        var diagnostic = Assert.Single(ProjectParseResult.ForUnreadableInput(reason).Diagnostics);

        Assert.EndsWith("(a FIFO, socket or device), so it was not opened.", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_lines_prints_one_object_per_line()
    {
        var (exit, stdout, _) = Run(null, "parse", "--format", "jsonl", Seeds.Folder);

        Assert.Equal(0, exit);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        Assert.Equal(
            ["Brytpunkt", "ASPEN projektet", "Implementera FiA", "Samverkan utan gränser", "Jobb för alla (Förprojektering)"],
            lines.Select(l => (string)JsonNode.Parse(l)!["project"]!["title"]!));
    }

    [Fact]
    public void Reads_standard_input_for_a_dash()
    {
        var (exit, stdout, _) = Run(Seeds.Bytes("002_00b6e8a124a78ecf.txt"), "parse", "-");

        Assert.Equal(0, exit);
        var element = JsonNode.Parse(stdout)!.AsArray().Single()!;
        Assert.Equal("-", (string)element["source"]!);
        Assert.Equal("Implementera FiA", (string)element["project"]!["title"]!);
    }

    [Fact]
    public void Recurses_into_directories_in_ordinal_order_and_only_txt()
    {
        Directory.CreateDirectory(Path.Combine(_temp, "b", "c"));
        File.Copy(Seeds.Path_("000_196cdacd7e4f6bec.txt"), Path.Combine(_temp, "b", "c", "z.txt"));
        File.Copy(Seeds.Path_("001_0b550c35baa0836e.txt"), Path.Combine(_temp, "a.txt"));
        File.Copy(Seeds.Path_("002_00b6e8a124a78ecf.txt"), Path.Combine(_temp, "B.txt"));
        File.WriteAllText(Path.Combine(_temp, "notes.md"), "not a page");

        var (exit, stdout, _) = Run(null, "parse", _temp);

        Assert.Equal(0, exit);
        Assert.Equal(
            [Path.Join(_temp, "B.txt"), Path.Join(_temp, "a.txt"), Path.Join(_temp, "b", "c", "z.txt")],
            JsonNode.Parse(stdout)!.AsArray().Select(e => (string)e!["source"]!));
    }

    [Fact]
    public void Invalid_utf8_is_a_diagnostic_on_that_input_and_the_rest_still_run()
    {
        var bad = Path.Combine(_temp, "bad.txt");
        File.WriteAllBytes(bad, [.. Seeds.Bytes("003_5644959ee2017856.txt").Take(30), 0xC3, 0x28, .. Seeds.Bytes("003_5644959ee2017856.txt").Skip(30)]);

        var (exit, stdout, stderr) = Run(null, "parse", bad, Seeds.Path_("004_f7aabbdad8b61250.txt"));

        Assert.Equal(1, exit);
        var array = JsonNode.Parse(stdout)!.AsArray();
        Assert.Equal(2, array.Count);
        Assert.Equal("ESF0003", (string)array[0]!["diagnostics"]![0]!["code"]!);
        Assert.Equal("Jobb för alla (Förprojektering)", (string)array[1]!["project"]!["title"]!);
        Assert.StartsWith(bad + "(", stderr, StringComparison.Ordinal);
        Assert.Contains("): error ESF0003: ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnostics_go_to_stderr_in_compiler_style_and_warnings_exit_0()
    {
        var page = Path.Combine(_temp, "p.txt");
        File.WriteAllText(page, Pages.WithHeaderLine(7, "Total projektbudget1 000 kr"));

        var (exit, stdout, stderr) = Run(null, "parse", page);

        Assert.Equal(0, exit);
        Assert.StartsWith($"{page}(13,18): warning ESF0207: The granted ESF support", stderr, StringComparison.Ordinal);
        var diagnostic = JsonNode.Parse(stdout)!.AsArray()[0]!["diagnostics"]![0]!;
        Assert.Equal(("warning", "ESF0207", 13, 18), ((string)diagnostic["severity"]!, (string)diagnostic["code"]!, (int)diagnostic["line"]!, (int)diagnostic["column"]!));
        Assert.NotNull((string?)diagnostic["message"]);
    }

    [Fact]
    public void Errors_exit_1()
    {
        var (exit, stdout, _) = Run(Encoding.UTF8.GetBytes("just some text"), "parse", "--format", "jsonl", "-");

        Assert.Equal(1, exit);
        Assert.Equal("ESF0002", (string)JsonNode.Parse(stdout)!["diagnostics"]![0]!["code"]!);
    }

    [Theory]
    [InlineData("parse")]
    [InlineData("parse", "--format", "xml", "seeds")]
    [InlineData("parse", "--bogus", "seeds")]
    [InlineData("frobnicate")]
    [InlineData]
    public void Usage_errors_exit_2(params string[] args)
    {
        var (exit, stdout, stderr) = Run(null, args);

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains("esf", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_path_that_does_not_exist_is_reported_in_its_place_and_the_rest_still_run()
    {
        var missing = Path.Combine(_temp, "missing.txt");

        var (exit, stdout, stderr) = Run(null, "parse", Seeds.Path_("000_196cdacd7e4f6bec.txt"), missing, Seeds.Path_("004_f7aabbdad8b61250.txt"));

        Assert.Equal(1, exit);
        var array = JsonNode.Parse(stdout)!.AsArray();
        Assert.Equal(3, array.Count);
        Assert.Equal("Brytpunkt", (string)array[0]!["project"]!["title"]!);
        Assert.Equal(missing, (string)array[1]!["source"]!);
        Assert.Equal("ESF0009", (string)array[1]!["diagnostics"]![0]!["code"]!);
        Assert.Equal("Jobb för alla (Förprojektering)", (string)array[2]!["project"]!["title"]!);
        Assert.Contains("no such file or directory", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cell_of_100_000_characters_is_written_and_reads_back()
    {
        var title = new string('A', 100_000);
        var page = Encoding.UTF8.GetBytes(title + "\nProjektägare: Ägare AB\nKontaktperson: Anna\n");

        var (_, stdout, _) = Run(page, "parse", "--format", "csv", "-");

        using var reader = Sylvan.Data.Csv.CsvDataReader.Create(new StringReader(stdout), new Sylvan.Data.Csv.CsvDataReaderOptions { MaxBufferSize = 1 << 22 });
        Assert.True(reader.Read());
        Assert.Equal(title, reader.GetString(reader.GetOrdinal("title")));
    }

    [Fact]
    public void Help_exits_0_and_documents_the_formats()
    {
        var (exit, stdout, _) = Run(null, "parse", "--help");

        Assert.Equal(0, exit);
        Assert.Contains("jsonl", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_contract_property_names_exist()
    {
        var (_, stdout, _) = Run(Seeds.Bytes("000_196cdacd7e4f6bec.txt"), "parse", "-");
        var element = JsonNode.Parse(stdout)!.AsArray()[0]!.AsObject();

        Assert.Equal(["source", "project", "diagnostics"], element.Select(p => p.Key));
        var project = element["project"]!.AsObject();
        foreach (var name in new[]
        {
            "title", "notice", "programArea", "phase", "owner", "contact", "grantedEsfSupport", "totalBudget", "period", "region",
            "sections", "coFinanciers", "partners", "municipalities", "projectNumber", "callNumber", "plannedParticipants",
            "specificObjective", "euCofinancingRate", "extraFields",
        })
        {
            Assert.True(project.ContainsKey(name), name);
        }

        Assert.Equal(["name", "email", "phone", "phoneE164", "phoneAreaCode", "emailDomain"], project["contact"]!.AsObject().Select(p => p.Key));
        Assert.Equal("+4646739443", (string)project["contact"]!["phoneE164"]!);
        Assert.Equal(["heading", "line", "column", "text", "blocks"], project["sections"]![0]!.AsObject().Select(p => p.Key));
        Assert.Null(project["projectNumber"]);
        Assert.Empty(project["extraFields"]!.AsArray());
    }
}
