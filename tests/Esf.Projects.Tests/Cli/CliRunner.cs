using System.Text;
using Esf.Projects.Cli;

namespace Esf.Projects.Tests.Cli;

/// <summary>Runs the esf command line in-process with captured streams.</summary>
internal static class CliRunner
{
    public static (int Exit, string Stdout, string Stderr) Run(byte[]? stdin, params string[] args)
    {
        using var input = new MemoryStream(stdin ?? []);
        using var output = new MemoryStream();
        using var error = new StringWriter();
        var exit = CliApplication.Run(args, input, output, error);
        return (exit, Encoding.UTF8.GetString(output.ToArray()), error.ToString());
    }
}
