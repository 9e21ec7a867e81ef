namespace Esf.Projects.Tests.Cli;

/// <summary>
/// Every way the output can fail ends in exit 3 and one line, with no partial file: a full device, a file-size limit,
/// a closed standard output. Standard error failing (closed, or full) never stops the run: the output is whole and the
/// exit code says how the pages went. Each case runs the tool as a process under a shell that sets up the failure.
/// </summary>
public sealed class OutputFailureTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("esf-failure-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Esf => EsfProcess.Command;

    [UnixTheory]
    [InlineData("json")]
    [InlineData("jsonl")]
    [InlineData("csv")]
    [InlineData("xlsx")]
    [InlineData("sqlite")]
    public void A_full_device_is_exit_3_with_one_line(string format)
    {
        var (exit, _, stderr) = Shell($"{Esf} parse --quiet --format {format} --output /dev/full '{Seeds.Folder}'");

        Assert.Equal(3, exit);
        Assert.StartsWith("esf: cannot write /dev/full: ", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
    }

    [UnixTheory]
    [InlineData("json")]
    [InlineData("jsonl")]
    [InlineData("sqlite")]
    public void A_file_size_limit_is_exit_3_and_leaves_no_partial_file(string format)
    {
        var pages = Path.Combine(_folder, "pages");
        Directory.CreateDirectory(pages);
        for (var i = 0; i < 60; i++)
        {
            foreach (var seed in Seeds.Names)
            {
                File.Copy(Seeds.Path_(seed), Path.Combine(pages, $"{i}-{seed}"));
            }
        }

        // The runtime's executable-memory double mapping needs a large file of its own: turned off, so only esf's output
        // meets the limit. The signal is left at its default here: the tool itself ignores it, or it would be killed (153).
        var (exit, _, stderr) = Shell($"export DOTNET_EnableWriteXorExecute=0; ulimit -f 4000; {Esf} parse --quiet --format {format} --output '{_folder}/out.{format}' '{pages}'");

        Assert.Equal(3, exit);
        Assert.StartsWith($"esf: cannot write {_folder}/out.{format}: ", stderr, StringComparison.Ordinal);
        Assert.Equal(["pages"], Directory.EnumerateFileSystemEntries(_folder).Select(Path.GetFileName));
    }

    [UnixTheory]
    [InlineData("2>&-")]
    [InlineData("2>/dev/full")]
    public void A_closed_or_full_standard_error_does_not_stop_the_run(string redirect)
    {
        var (exit, stdout, _) = Shell($"{Esf} parse --format jsonl '{Seeds.Folder}' '{Path.Combine(_folder, "missing.txt")}' {redirect}");

        Assert.Equal(1, exit); // the missing page is an error, reported in the output
        Assert.Equal(6, stdout.TrimEnd('\n').Split('\n').Length);
    }

    [UnixFact]
    public void A_closed_standard_output_is_exit_3()
    {
        var (exit, _, stderr) = Shell($"{Esf} parse --format jsonl '{Seeds.Folder}' >&-");

        Assert.Equal(3, exit);
        Assert.StartsWith("esf: cannot write the output: ", stderr, StringComparison.Ordinal);
    }

    [UnixFact]
    public void A_closed_standard_input_is_a_read_error_for_dash_not_a_hang()
    {
        // (timeout: a regression would wait for ever on the runtime's own pipe.)
        var (exit, stdout, stderr) = Shell($"timeout 60 {Esf} parse --format jsonl - '{Seeds.Path_(Seeds.Names.First())}' <&-");

        Assert.Equal(1, exit);
        Assert.Equal(2, stdout.TrimEnd('\n').Split('\n').Length);
        Assert.Contains("-(1,1): error ESF0009: The input could not be read: Standard input is closed.", stderr, StringComparison.Ordinal);
    }

    [UnixFact]
    public void Standard_input_given_as_a_pipe_is_read()
    {
        var (exit, stdout, _) = Shell($"printf 'Titel\\nProjektägare: A\\n' | {Esf} parse --quiet --format jsonl -");

        Assert.Equal(0, exit);
        Assert.Contains("\"title\":\"Titel\"", stdout, StringComparison.Ordinal);
    }

    private static (int Exit, string Stdout, string Stderr) Shell(string command) => EsfProcess.Shell(command);
}
