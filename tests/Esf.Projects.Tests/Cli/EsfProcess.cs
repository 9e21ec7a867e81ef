using System.Diagnostics;
using System.Text;

namespace Esf.Projects.Tests.Cli;

/// <summary>
/// The tool as its own process, for what only a process shows: signals, closed or full standard streams, limits a
/// shell sets, file names that are not UTF-8, a fresh process's first parse. Standard output and error are read as
/// UTF-8; <c>CI=true</c> keeps the progress bar off.
/// </summary>
internal static class EsfProcess
{
    /// <summary>The command that runs the built tool, for a shell line.</summary>
    public static string Command => $"dotnet exec '{Path.Combine(AppContext.BaseDirectory, "esf.dll")}'";

    /// <summary>The tool with these arguments, its streams redirected, not yet started.</summary>
    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", ["exec", Path.Combine(AppContext.BaseDirectory, "esf.dll"), .. args])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.Environment["CI"] = "true";
        return start;
    }

    /// <summary>The tool run to its end with these arguments.</summary>
    public static (int Exit, string Stdout, string Stderr) Run(params string[] args) => Run(StartInfo(args));

    /// <summary>A bash command line run to its end; <see cref="Command"/> names the tool in it.</summary>
    public static (int Exit, string Stdout, string Stderr) Shell(string command)
    {
        var start = StartInfo();
        start.FileName = "bash";
        start.ArgumentList.Clear();
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        return Run(start);
    }

    /// <summary>A process set up by <see cref="StartInfo"/> (and changed by the caller) run to its end, its standard input closed.</summary>
    public static (int Exit, string Stdout, string Stderr) Run(ProcessStartInfo start)
    {
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr);
    }
}
