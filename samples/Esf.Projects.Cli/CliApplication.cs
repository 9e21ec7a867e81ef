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
        var results = Results(inputs, stdin);
        using var progress = Progress.Start(inputs.Count, stderr);
        var deferred = progress is null ? stderr : new StringWriter();

        IEnumerable<(string Source, ProjectParseResult Result)> Reported()
        {
            foreach (var (source, result) in results)
            {
                anyErrors |= result.HasErrors;
                foreach (var diagnostic in result.Diagnostics)
                {
                    deferred.WriteLine(source + diagnostic.ToString());
                }

                progress?.Advance(source);
                yield return (source, result);
            }
        }

        if (format == "csv")
        {
            using var text = new StreamWriter(stdout, new UTF8Encoding(false), leaveOpen: true);
            CsvOutput.Write(text, Reported().Select(r => CsvOutput.Row(r.Source, r.Result)));
            text.Flush();
        }
        else if (format == "jsonl")
        {
            foreach (var (source, result) in Reported())
            {
                stdout.Write(Encoding.UTF8.GetBytes(EsfJson.Serialize(result, source, indented: false) + "\n"));
                stdout.Flush();
            }
        }
        else
        {
            using var writer = EsfJson.CreateWriter(stdout, indented: true);
            writer.WriteStartArray();
            foreach (var (source, result) in Reported())
            {
                EsfJson.Write(writer, result, source);
            }

            writer.WriteEndArray();
            writer.Flush();
            stdout.WriteByte((byte)'\n');
        }

        stdout.Flush();
        progress?.Dispose();
        if (!ReferenceEquals(deferred, stderr))
        {
            stderr.Write(deferred.ToString());
        }

        return anyErrors ? InputHasErrors : Success;
    }

    /// <summary>
    /// The inputs parsed in input order: files in parallel through <see cref="ProjectCorpus"/> (bounded memory,
    /// all cores), standard input in its turn. A file that cannot be read becomes ESF0009 and counts as an error.
    /// </summary>
    private static IEnumerable<(string Source, ProjectParseResult Result)> Results(List<string> inputs, Stream stdin)
    {
        var start = 0;
        while (start < inputs.Count)
        {
            if (inputs[start] == "-")
            {
                yield return ("-", ProjectParser.Parse(stdin));
                start++;
                continue;
            }

            var end = inputs.IndexOf("-", start);
            end = end < 0 ? inputs.Count : end;
            foreach (var item in ProjectCorpus.ParseFilesAsync(inputs.GetRange(start, end - start)).ToBlockingEnumerable())
            {
                yield return (item.Source, item.Result ?? Unreadable(item));
            }

            start = end;
        }
    }

    private static ProjectParseResult Unreadable(CorpusItem item) =>
        ProjectParseResult.ForUnreadableInput(item.ReadError?.Message ?? "unknown error");
}
