using System.CommandLine;
using System.Text;
using Esf.Projects.Json;

namespace Esf.Projects.Cli;

/// <summary>The <c>esf</c> command line: <c>esf parse [--format json|jsonl|csv] PATH...</c>.</summary>
/// <remarks>
/// Exit codes: 0 when no input has an error-level diagnostic, 1 when some has, 2 for usage errors (unknown
/// options, no paths, a path that does not exist). Streams are parameters so tests can run it in-process.
/// </remarks>
public static class CliApplication
{
    /// <summary>Exit code when every input parsed without error-level diagnostics.</summary>
    public const int Success = 0;

    /// <summary>Exit code when at least one input has an error-level diagnostic.</summary>
    public const int InputHasErrors = 1;

    /// <summary>Exit code for a command line that cannot be run.</summary>
    public const int UsageError = 2;

    /// <summary>Runs the command line.</summary>
    /// <param name="args">The arguments, without the program name.</param>
    /// <param name="stdin">Read when a path is <c>-</c>.</param>
    /// <param name="stdout">Receives the JSON (UTF-8).</param>
    /// <param name="stderr">Receives diagnostics in compiler style and usage errors.</param>
    /// <returns>The process exit code.</returns>
    public static int Run(string[] args, Stream stdin, Stream stdout, TextWriter stderr)
    {
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: json (one array, the default), jsonl (one object per line, written as each input is parsed) or csv (one row per input, flat columns, RFC 4180).",
            DefaultValueFactory = _ => "json",
        };
        format.AcceptOnlyFromAmong("json", "jsonl", "csv");

        var paths = new Argument<string[]>("PATH")
        {
            Description = "A page file, a directory (every *.txt below it, in ordinal path order) or - for standard input.",
            Arity = ArgumentArity.OneOrMore,
        };

        var parse = new Command("parse", "Parse ESF project pages and print them as JSON.") { format, paths };
        var root = new RootCommand("esf: parse Swedish ESF project pages into typed JSON.") { parse };

        var exitCode = Success;
        parse.SetAction(result =>
        {
            exitCode = Parse(result.GetValue(paths) ?? [], result.GetValue(format) ?? "json", stdin, stdout, stderr);
        });

        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                stderr.WriteLine($"esf: {error.Message}");
            }

            stderr.WriteLine("Usage: esf parse [--format json|jsonl|csv] PATH...");
            return UsageError;
        }

        using var output = new StreamWriter(stdout, new UTF8Encoding(false), leaveOpen: true);
        var invoked = parseResult.Invoke(new InvocationConfiguration { Output = output, Error = stderr });
        output.Flush();
        return invoked != 0 ? UsageError : exitCode;
    }

    private static int Parse(string[] paths, string format, Stream stdin, Stream stdout, TextWriter stderr)
    {
        var inputs = new List<string>();
        foreach (var path in paths)
        {
            if (path == "-" || File.Exists(path))
            {
                inputs.Add(path);
            }
            else if (Directory.Exists(path))
            {
                inputs.AddRange(Directory.EnumerateFiles(path, "*.txt", SearchOption.AllDirectories)
                    .Select(file => Path.Join(path, Path.GetRelativePath(path, file)))
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                stderr.WriteLine($"esf: no such file or directory: {path}");
                return UsageError;
            }
        }

        var anyErrors = false;
        if (format == "csv")
        {
            using var text = new StreamWriter(stdout, new UTF8Encoding(false), leaveOpen: true);
            CsvOutput.Write(text, inputs.Select(source =>
            {
                var result = source == "-" ? ProjectParser.Parse(stdin) : ProjectParser.Parse(File.ReadAllBytes(source));
                anyErrors |= result.HasErrors;
                foreach (var diagnostic in result.Diagnostics)
                {
                    stderr.WriteLine(source + diagnostic.ToString());
                }

                return CsvOutput.Row(source, result);
            }));
            text.Flush();
            return anyErrors ? InputHasErrors : Success;
        }

        var lines = format == "jsonl";
        using var writer = lines ? null : EsfJson.CreateWriter(stdout, indented: true);
        writer?.WriteStartArray();
        foreach (var source in inputs)
        {
            var result = source == "-" ? ProjectParser.Parse(stdin) : ProjectParser.Parse(File.ReadAllBytes(source));
            anyErrors |= result.HasErrors;
            foreach (var diagnostic in result.Diagnostics)
            {
                stderr.WriteLine(source + diagnostic.ToString());
            }

            if (writer is not null)
            {
                EsfJson.Write(writer, result, source);
            }
            else
            {
                var line = Encoding.UTF8.GetBytes(EsfJson.Serialize(result, source, indented: false) + "\n");
                stdout.Write(line);
                stdout.Flush();
            }
        }

        if (writer is not null)
        {
            writer.WriteEndArray();
            writer.Flush();
            stdout.WriteByte((byte)'\n');
        }

        stdout.Flush();
        return anyErrors ? InputHasErrors : Success;
    }
}
