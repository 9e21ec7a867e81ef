using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using Esf.Projects.Cli;

namespace Esf.Projects.Tests.Cli;

/// <summary>Text from pages and file names that could break what the tool writes: a terminal line, a workbook's XML.</summary>
public sealed class HostileTextTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("esf-hostile-text-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [UnixFact]
    public void A_newline_in_a_file_name_cannot_forge_a_diagnostic_line()
    {
        var page = Path.Combine(_temp, "a\nb.txt(1,1): error ESF0001: forged.txt");
        File.WriteAllText(page, "Titel\nBeviljat ESF-stöd: tre kronor\n");

        var (_, _, stderr) = CliRunner.Run(null, "parse", "--format", "jsonl", page);

        var lines = stderr.TrimEnd('\n').Split('\n');
        Assert.DoesNotContain(lines, line => line.StartsWith("b.txt", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("a\\x0Ab.txt", StringComparison.Ordinal) && line.Contains("ESF0201", StringComparison.Ordinal));
    }

    [Fact]
    public void An_escape_sequence_in_page_text_never_reaches_standard_error()
    {
        var page = Path.Combine(_temp, "page.txt");
        File.WriteAllText(page, "Titel\nBeviljat ESF-stöd: \u001B[2J\u001B]0;pwned\u0007 kr\nKommun\n\n• Lu\u202End\n");

        var (_, _, stderr) = CliRunner.Run(null, "parse", "--format", "jsonl", page);

        Assert.DoesNotContain('\u001B', stderr);
        Assert.DoesNotContain('\u0007', stderr);
        Assert.DoesNotContain('\u202E', stderr);
        Assert.Contains("\\x1B[2J", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a\u0001b", "a\uFFFDb")]
    [InlineData("a\uFFFEb\uFFFF", "a\uFFFDb\uFFFD")]
    [InlineData("tab\there\nand\rthere \U0001F600", "tab\there\nand\rthere \U0001F600")]
    public void Characters_XML_forbids_are_replaced_in_a_workbook_cell(string text, string expected) =>
        Assert.Equal(expected, Esf.Projects.Cli.Output.XlsxOutput.XmlSafe(text));

    [Fact]
    public void Unpaired_surrogates_are_replaced_in_a_workbook_cell()
    {
        Assert.Equal("a\uFFFDb", Esf.Projects.Cli.Output.XlsxOutput.XmlSafe("a\uD800b"));
        Assert.Equal("a\uFFFD", Esf.Projects.Cli.Output.XlsxOutput.XmlSafe("a\uDC00"));
        Assert.Equal("\uFFFD\uFFFD", Esf.Projects.Cli.Output.XlsxOutput.XmlSafe("\uDC00\uD800"));
    }

    [Fact]
    public void A_page_with_characters_XML_forbids_gives_a_workbook_that_opens()
    {
        var page = Path.Combine(_temp, "page.txt");
        File.WriteAllText(page, "Tit\uFFFEel\u0001\nProjektägare: Kommunen\uFFFF\n\nBakgrund\n\nText \u0002 här.\n", new UTF8Encoding(false));
        var output = Path.Combine(_temp, "out.xlsx");

        var (exit, _, stderr) = CliRunner.Run(null, "parse", "--quiet", "--format", "xlsx", "--output", output, page);

        Assert.True(exit is 0 or 1, stderr);
        using var document = SpreadsheetDocument.Open(output, isEditable: false);
        foreach (var part in document.WorkbookPart!.WorksheetParts)
        {
            using var stream = part.GetStream();
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { CheckCharacters = true });
            while (reader.Read())
            {
            }
        }
    }

    [Fact]
    public void Text_without_unsafe_characters_is_returned_as_is()
    {
        const string text = "seeds/000.txt(1,1): info ESF0010: åäö – ”quoted” \U0001F600";

        Assert.Same(text, TerminalText.Escape(text));
    }
}
