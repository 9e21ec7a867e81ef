using System.Text;
using System.Text.Json.Nodes;

namespace Esf.Projects.Tests.Cli;

/// <summary>Folders of pages as people keep them: any case of .txt and .text, globs, a report of what was left out, any encoding.</summary>
public sealed class DiscoveryTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("esf-discovery-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private string Copy(string seed, string relative)
    {
        var path = Path.Combine(_temp, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(Seeds.Path_(seed), path);
        return path;
    }

    private static List<string> Sources(string stdout) => [.. JsonNode.Parse(stdout)!.AsArray().Select(e => (string)e!["source"]!)];

    [Fact]
    public void Txt_and_text_in_any_case_are_read_and_the_rest_is_counted_as_skipped()
    {
        Copy("000_196cdacd7e4f6bec.txt", "A.TXT");
        Copy("001_0b550c35baa0836e.txt", "b.Text");
        Copy("002_00b6e8a124a78ecf.txt", "sub/c.txt");
        File.WriteAllText(Path.Combine(_temp, "notes.md"), "not a page");
        File.WriteAllText(Path.Combine(_temp, "sub", "page.pdf"), "not a page");

        var (exit, stdout, stderr) = CliRunner.Run(null, "parse", _temp);

        Assert.Equal(0, exit);
        Assert.Equal([Path.Join(_temp, "A.TXT"), Path.Join(_temp, "b.Text"), Path.Join(_temp, "sub", "c.txt")], Sources(stdout));
        Assert.EndsWith("esf: 3 pages, 0 with errors, 0 with warnings; 2 files skipped (--verbose lists them)" + Environment.NewLine, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("notes.md", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Verbose_lists_each_skipped_file_and_why()
    {
        Copy("000_196cdacd7e4f6bec.txt", "a.txt");
        File.WriteAllText(Path.Combine(_temp, "notes.md"), "not a page");

        var (_, _, stderr) = CliRunner.Run(null, "parse", "--verbose", _temp);

        Assert.Contains($"esf: skipped {Path.Join(_temp, "notes.md")}: not a .txt, .text, .htm or .html file", stderr, StringComparison.Ordinal);
        Assert.EndsWith("; 1 file skipped" + Environment.NewLine, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_and_exclude_globs_choose_the_files()
    {
        Copy("000_196cdacd7e4f6bec.txt", "2019/a.page");
        Copy("001_0b550c35baa0836e.txt", "2019/drafts/b.page");
        Copy("002_00b6e8a124a78ecf.txt", "2020/c.txt");

        var (_, stdout, stderr) = CliRunner.Run(null, "parse", "--include", "**/*.page", "--exclude", "**/drafts/**", "--verbose", _temp);

        Assert.Equal([Path.Join(_temp, "2019", "a.page")], Sources(stdout));
        Assert.Contains("drafts", stderr, StringComparison.Ordinal);
        Assert.Contains("matches --exclude", stderr, StringComparison.Ordinal);
        Assert.Contains("matches no --include", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_named_on_the_command_line_is_read_whatever_its_extension()
    {
        var path = Copy("000_196cdacd7e4f6bec.txt", "page.html.saved");

        var (exit, stdout, _) = CliRunner.Run(null, "parse", path);

        Assert.Equal(0, exit);
        Assert.Equal([path], Sources(stdout));
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("windows-1252")]
    public void Encoding_forces_how_every_input_is_read(string name)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var encoding = Encoding.GetEncoding(name);
        var path = Path.Combine(_temp, "page.txt");
        File.WriteAllBytes(path, encoding.GetBytes(Seeds.Text("000_196cdacd7e4f6bec.txt")));

        var (exit, stdout, stderr) = CliRunner.Run(null, "parse", "--encoding", name, path);

        Assert.Equal(0, exit);
        Assert.Equal("Brytpunkt", (string)JsonNode.Parse(stdout)!.AsArray()[0]!["project"]!["title"]!);
        Assert.DoesNotContain("ESF0011", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Windows_1252_without_encoding_is_read_with_a_warning()
    {
        var path = Path.Combine(_temp, "page.txt");
        File.WriteAllBytes(path, CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(Seeds.Text("000_196cdacd7e4f6bec.txt")));

        var (exit, stdout, stderr) = CliRunner.Run(null, "parse", path);

        Assert.Equal(0, exit);
        Assert.Equal("Kävlinge Lärcentrum", (string)JsonNode.Parse(stdout)!.AsArray()[0]!["project"]!["owner"]!);
        Assert.Contains("warning ESF0011", stderr, StringComparison.Ordinal);
        Assert.EndsWith("esf: 1 page, 0 with errors, 1 with warnings" + Environment.NewLine, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_encoding_is_a_usage_error()
    {
        var (exit, _, stderr) = CliRunner.Run(null, "parse", "--encoding", "klingon", Seeds.Folder);

        Assert.Equal(2, exit);
        Assert.Contains("unknown encoding 'klingon'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Quiet_prints_nothing_and_min_severity_filters_diagnostics()
    {
        var path = Path.Combine(_temp, "p.txt");
        File.WriteAllText(path, Pages.WithHeaderLine(7, "Total projektbudget1 000 kr"));

        var (_, _, quiet) = CliRunner.Run(null, "parse", "--quiet", path);
        var (_, _, errorsOnly) = CliRunner.Run(null, "parse", "--min-severity", "error", path);
        var (_, _, all) = CliRunner.Run(null, "parse", path);

        Assert.Equal("", quiet);
        Assert.Contains("warning ESF0207", all, StringComparison.Ordinal);
        Assert.DoesNotContain("ESF0207", errorsOnly, StringComparison.Ordinal);
        Assert.StartsWith("esf: 1 page", errorsOnly, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_writes_utf8_to_the_file_and_nothing_to_stdout()
    {
        var output = Path.Combine(_temp, "out.json");

        var (exit, stdout, _) = CliRunner.Run(null, "parse", "--output", output, Seeds.Folder);

        Assert.Equal(0, exit);
        Assert.Equal("", stdout);
        Assert.Equal(5, JsonNode.Parse(File.ReadAllText(output, Encoding.UTF8))!.AsArray().Count);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("jsonl")]
    [InlineData("csv", "--table", "sections")]
    public void A_text_output_file_written_in_parallel_batches_is_byte_for_byte_standard_output(string format, params string[] options)
    {
        // 200 pages make megabytes of output: many batches, written at once and out of order.
        var pages = Directory.CreateDirectory(Path.Combine(_temp, "pages-" + format)).FullName;
        var seeds = Directory.GetFiles(Seeds.Folder, "*.txt").Order(StringComparer.Ordinal).ToArray();
        for (var i = 0; i < 200; i++)
        {
            File.Copy(seeds[i % seeds.Length], Path.Combine(pages, $"{i:D3}.txt"));
        }

        var output = Path.Combine(_temp, "out." + format);
        File.WriteAllBytes(output, new byte[20_000_000]); // an older, longer file of that name is replaced, not overwritten in place

        var (fileExit, fileStdout, _) = CliRunner.Run(null, ["parse", "--quiet", "--jobs", "2", "--format", format, .. options, "--output", output, pages]);
        var (exit, stdout, _) = CliRunner.Run(null, ["parse", "--quiet", "--jobs", "2", "--format", format, .. options, pages]);

        Assert.Equal((0, 0, ""), (fileExit, exit, fileStdout));
        Assert.True(new FileInfo(output).Length > 1_000_000);
        Assert.Equal(stdout, File.ReadAllText(output, Encoding.UTF8));
    }

    [Fact]
    public void Version_prints_the_library_package_version()
    {
        var (exit, stdout, _) = CliRunner.Run(null, "--version");

        var informational = typeof(ProjectParser).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .Cast<System.Reflection.AssemblyInformationalVersionAttribute>().Single().InformationalVersion;
        Assert.Equal(0, exit);
        Assert.Equal(informational.Split('+')[0], stdout.Trim());
    }

    [Fact]
    public void An_output_that_cannot_be_written_exits_3()
    {
        var notADatabase = Path.Combine(_temp, "notes.db");
        File.WriteAllText(notADatabase, "these are my notes, not a database, and they must survive");

        var (missingFolder, _, stderr) = CliRunner.Run(null, "parse", "--output", Path.Combine(_temp, "no", "such", "out.json"), Seeds.Folder);
        var (notDatabase, _, stderr2) = CliRunner.Run(null, "parse", "--format", "sqlite", "--output", notADatabase, Seeds.Folder);

        Assert.Equal(3, missingFolder);
        Assert.Contains("esf: cannot write", stderr, StringComparison.Ordinal);
        Assert.Equal(3, notDatabase);
        Assert.Contains("esf: cannot write", stderr2, StringComparison.Ordinal);
        Assert.Equal("these are my notes, not a database, and they must survive", File.ReadAllText(notADatabase));
    }

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern int mkfifo(string path, uint mode);

    /// <summary>A FIFO in a folder hung the tool for ever; a link loop repeated pages or never ended.</summary>
    [UnixFact]
    public void A_fifo_and_a_link_loop_in_a_folder_are_reported_and_every_page_is_printed()
    {
        Copy("000_196cdacd7e4f6bec.txt", "a.txt");
        Assert.Equal(0, mkfifo(Path.Combine(_temp, "b.txt"), 0x1B6));
        Copy("001_0b550c35baa0836e.txt", "sub/c.txt");
        Directory.CreateSymbolicLink(Path.Combine(_temp, "sub", "loop"), _temp);

        var run = Task.Run(() => CliRunner.Run(null, "parse", _temp));
        Assert.True(run.Wait(TimeSpan.FromMinutes(1)), "the run finishes");
        var (exit, stdout, stderr) = run.Result;

        Assert.Equal(1, exit);
        Assert.Equal([Path.Join(_temp, "a.txt"), Path.Join(_temp, "b.txt"), Path.Join(_temp, "sub", "c.txt")], Sources(stdout));
        Assert.Contains($"{Path.Join(_temp, "b.txt")}(1,1): error ESF0009:", stderr, StringComparison.Ordinal);
        Assert.Contains("not a regular file", stderr, StringComparison.Ordinal);
    }

    /// <summary>
    /// A file named in Latin-1 (<c>caf\xE9.txt</c>), in a folder, in a folder named in Latin-1, or given on the
    /// command line, could not be read: .NET reads the name with U+FFFD, and that path names no file. Each is read by
    /// its bytes and shown with them escaped, two names that read the same (<c>caf\xF6.txt</c>) each as itself.
    /// </summary>
    [LinuxFact]
    public void A_file_name_that_is_not_utf8_is_read_by_its_bytes_and_shown_escaped()
    {
        var page = Seeds.Path_(Seeds.Names.First());
        var folder = Path.Combine(_temp, "pages");
        var (made, _, _) = EsfProcess.Shell($"mkdir -p '{folder}'/sub$'\\xf6' && cp '{page}' '{folder}'/caf$'\\xe9'.txt && cp '{page}' '{folder}'/sub$'\\xf6'/x.txt && cp '{page}' '{folder}'/caf$'\\xf6'.txt && cp '{page}' '{folder}'/ok.txt");
        Assert.Equal(0, made);
        var expected = JsonNode.Parse(CliRunner.Run(null, "parse", "--format", "jsonl", page).Stdout)!["project"]!.ToJsonString();

        var (exit, stdout, stderr) = EsfProcess.Shell($"{EsfProcess.Command} parse --format jsonl '{folder}' '{folder}'/caf$'\\xf6'.txt '{folder}'/caf$'\\xe9'.txt; code=$?; rm -rf '{folder}'; exit $code");

        Assert.Equal(0, exit);
        var lines = stdout.TrimEnd('\n').Split('\n').Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(
            [$"{folder}/caf\\xE9.txt", $"{folder}/caf\\xF6.txt", $"{folder}/ok.txt", $"{folder}/sub\\xF6/x.txt", $"{folder}/caf\\xF6.txt", $"{folder}/caf\\xE9.txt"],
            lines.Select(l => (string)l["source"]!));
        Assert.All(lines, l => Assert.Equal(expected, l["project"]!.ToJsonString()));
        Assert.Equal("esf: 6 pages, 0 with errors, 0 with warnings\n", stderr);
    }

    /// <summary>An output that cannot seek (a FIFO, <c>/dev/stdout</c> on a pipe) must not get the parallel writes at offsets a file gets: they would arrive in whatever order they finish.</summary>
    [UnixFact]
    public void A_json_lines_output_to_a_fifo_arrives_in_input_order()
    {
        var pages = Directory.CreateDirectory(Path.Combine(_temp, "pages")).FullName;
        var seeds = Directory.GetFiles(Seeds.Folder, "*.txt").Order(StringComparer.Ordinal).ToArray();
        for (var i = 0; i < 200; i++)
        {
            File.Copy(seeds[i % seeds.Length], Path.Combine(pages, $"{i:D3}.txt"));
        }

        var fifo = Path.Combine(_temp, "out.fifo");
        Assert.Equal(0, mkfifo(fifo, 0x1B6));
        var reader = Task.Run(() => File.ReadAllText(fifo, Encoding.UTF8));
        var run = Task.Run(() => CliRunner.Run(null, "parse", "--quiet", "--jobs", "2", "--format", "jsonl", "--output", fifo, pages));
        Assert.True(run.Wait(TimeSpan.FromMinutes(1)) && reader.Wait(TimeSpan.FromMinutes(1)), "the run finishes");
        var (exit, stdout, _) = CliRunner.Run(null, "parse", "--quiet", "--jobs", "2", "--format", "jsonl", pages);

        Assert.Equal((0, 0), (run.Result.Exit, exit));
        Assert.Equal(stdout, reader.Result);
    }

    /// <summary>Standard output that fails with something other than an I/O error: a failure of the tool itself.</summary>
    private sealed class Broken : MemoryStream
    {
        public override void Write(ReadOnlySpan<byte> buffer) => throw new InvalidOperationException("broken");

        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("broken");

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => throw new InvalidOperationException("broken");

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => throw new InvalidOperationException("broken");
    }

    /// <summary>Unhandled exceptions exited with 2, which the tool documents as a usage error, and printed a stack trace.</summary>
    [Fact]
    public void A_failure_of_the_tool_itself_is_one_line_and_exit_4()
    {
        using var stdout = new Broken();
        using var stderr = new StringWriter();

        var exit = Esf.Projects.Cli.CliApplication.Run(["parse", "--quiet", Seeds.Folder], new MemoryStream(), stdout, stderr);

        Assert.Equal(4, exit);
        var line = Assert.Single(stderr.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("esf: internal error (InvalidOperationException): broken", line, StringComparison.Ordinal);
    }
}
