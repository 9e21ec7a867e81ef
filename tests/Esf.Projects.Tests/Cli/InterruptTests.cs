using System.Diagnostics;
using System.Text;

namespace Esf.Projects.Tests.Cli;

/// <summary>
/// An <c>--output</c> file is whole or absent. The tool runs as a process over the seeds and then standard input,
/// which the test keeps open, so it is caught in the middle of the run with the seeds' pages already written; then
/// SIGINT or SIGTERM. Each format, to a new path and over a file that was there: no partial file, the old file byte
/// for byte (or none), no temporary file left in the folder, exit 130 or 143, and the line that says so.
/// </summary>
public sealed class InterruptTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("esf-interrupt-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string, string, bool> Cases()
    {
        var cases = new TheoryData<string, string, bool>();
        foreach (var format in new[] { "json", "jsonl", "csv", "xlsx", "sqlite" })
        {
            foreach (var signal in new[] { "INT", "TERM" })
            {
                cases.Add(format, signal, false);
                cases.Add(format, signal, true);
            }
        }

        return cases;
    }

    [UnixTheory]
    [MemberData(nameof(Cases))]
    public async Task An_interrupted_run_leaves_the_output_as_it_was(string format, string signal, bool existing)
    {
        var target = Path.Combine(_folder, "corpus." + format);
        var before = existing ? await Previous(format, target) : null;

        using var process = Start("parse", "--quiet", "--format", format, "--output", target, Seeds.Folder, "-");
        await WaitForPartialFile(process);
        Kill(process, signal);
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        process.StandardInput.Close();

        Assert.Equal(signal == "INT" ? 130 : 143, process.ExitCode);
        Assert.Contains(existing ? "esf: interrupted; nothing was written" : "was not created", stderr, StringComparison.Ordinal);
        Assert.Equal(existing ? ["corpus." + format] : [], Directory.GetFiles(_folder).Select(Path.GetFileName));
        if (before is not null)
        {
            Assert.Equal(before, await File.ReadAllBytesAsync(target));
        }
    }

    [UnixTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_interrupted_parquet_run_leaves_the_folder_as_it_was(bool existing)
    {
        var target = Path.Combine(_folder, "corpus");
        Dictionary<string, byte[]>? before = null;
        if (existing)
        {
            using var earlier = Start("parse", "--quiet", "--format", "parquet", "--output", target, Seeds.Path_(Seeds.Names.First()));
            earlier.StandardInput.Close();
            await earlier.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(0, earlier.ExitCode);
            before = Directory.GetFiles(target).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);
        }

        using var process = Start("parse", "--quiet", "--format", "parquet", "--output", target, Seeds.Folder, "-");
        await WaitForPartialFile(process);
        Kill(process, "INT");
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        process.StandardInput.Close();

        Assert.Equal(130, process.ExitCode);
        if (before is null)
        {
            Assert.False(Directory.Exists(target));
        }
        else
        {
            var after = Directory.GetFiles(target).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);
            Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
            Assert.All(before, file => Assert.Equal(file.Value, after[file.Key]));
        }
    }

    [UnixFact]
    public async Task A_run_that_completes_replaces_the_file_and_leaves_no_partial_file()
    {
        var target = Path.Combine(_folder, "corpus.json");
        await File.WriteAllTextAsync(target, "old");

        using var process = Start("parse", "--quiet", "--output", target, Seeds.Folder);
        process.StandardInput.Close();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, process.ExitCode);
        Assert.StartsWith("[", await File.ReadAllTextAsync(target), StringComparison.Ordinal);
        Assert.Equal(["corpus.json"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    /// <summary>A whole output of that format from an earlier run, as a user would have it.</summary>
    private async Task<byte[]> Previous(string format, string target)
    {
        var page = Path.Combine(_folder, "earlier");
        Directory.CreateDirectory(page);
        File.Copy(Seeds.Path_(Seeds.Names.First()), Path.Combine(page, "page.txt"));
        using var process = Start("parse", "--quiet", "--format", format, "--output", target, page);
        process.StandardInput.Close();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(0, process.ExitCode);
        Directory.Delete(page, recursive: true);
        return await File.ReadAllBytesAsync(target);
    }

    /// <summary>Waits until the run has its partial file in the folder (the seeds then follow into it before standard input is read).</summary>
    private async Task WaitForPartialFile(Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!Directory.EnumerateFiles(_folder, "*", SearchOption.AllDirectories).Any(f => f.EndsWith(".esf-partial", StringComparison.Ordinal)))
        {
            if (process.HasExited)
            {
                Assert.Fail("esf ended before it was interrupted: " + await process.StandardError.ReadToEndAsync());
            }

            Assert.True(DateTime.UtcNow < deadline, "no partial file appeared");
            await Task.Delay(20);
        }

        // Give the seeds time to reach the partial file; the run then waits on standard input, which stays open.
        await Task.Delay(500);
        Assert.False(process.HasExited);
    }

    private static Process Start(params string[] args) => Process.Start(EsfProcess.StartInfo(args))!;

    private static void Kill(Process process, string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }
}
