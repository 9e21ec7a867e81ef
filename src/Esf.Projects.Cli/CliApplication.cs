using System.CommandLine;
using System.Reflection;
using System.Text;
using Esf.Projects.Cli.Fetch;
using Esf.Projects.Cli.Output;
using Esf.Projects.Tables;

namespace Esf.Projects.Cli;

/// <summary>The <c>esf</c> command line: <c>esf parse [options] PATH...</c> (docs/cli.md) and <c>esf fetch [options] NUMBER...</c> (docs/fetch.md).</summary>
/// <remarks>
/// Exit codes: 0 when no input has an error-level diagnostic, 1 when some has (a path that does not exist or a
/// file that cannot be read among them), 2 for usage errors (unknown options, no paths, an unknown encoding), 3 when
/// the output could not be written, 4 for a failure of the tool itself (one line on stderr, never a stack trace).
/// Streams are parameters so tests can run it in-process.
/// </remarks>
public static class CliApplication
{
    /// <summary>Exit code when every input parsed without error-level diagnostics.</summary>
    public const int Success = 0;

    /// <summary>Exit code when at least one input has an error-level diagnostic.</summary>
    public const int InputHasErrors = 1;

    /// <summary>Exit code for a command line that cannot be run.</summary>
    public const int UsageError = 2;

    /// <summary>Exit code when the output could not be written (a full disk, a locked database file).</summary>
    public const int OutputFailed = 3;

    /// <summary>Exit code for a failure of the tool itself: a bug, reported in one line.</summary>
    public const int InternalError = 4;

    /// <summary>
    /// Exit code when the run was interrupted (SIGINT, Ctrl-C): 128 + 2, as shells report a process that a signal
    /// ended. The process reports 143 (128 + 15) for SIGTERM; either way an <c>--output</c> file is left as it was.
    /// </summary>
    public const int Interrupted = 130;

    private const string Usage = "Usage: esf parse [--format json|jsonl|csv|xlsx|sqlite|parquet] [--table NAME] [--output FILE] PATH...";

    /// <summary>Runs the command line to its end.</summary>
    /// <param name="args">The arguments, without the program name.</param>
    /// <param name="stdin">Read when a path is <c>-</c>.</param>
    /// <param name="stdout">Receives the output when there is no <c>--output</c> (UTF-8).</param>
    /// <param name="stderr">Receives diagnostics in compiler style, the summary and usage errors.</param>
    /// <returns>The process exit code.</returns>
    public static int Run(string[] args, Stream stdin, Stream stdout, TextWriter stderr) =>
        RunAsync(args, stdin, stdout, stderr).GetAwaiter().GetResult();

    /// <summary>Runs the command line to its end.</summary>
    /// <param name="args">The arguments, without the program name.</param>
    /// <param name="stdin">Read when a path is <c>-</c>.</param>
    /// <param name="stdout">Receives the output when there is no <c>--output</c> (UTF-8).</param>
    /// <param name="stderr">Receives diagnostics in compiler style, the summary and usage errors.</param>
    /// <returns>The process exit code.</returns>
    public static Task<int> RunAsync(string[] args, Stream stdin, Stream stdout, TextWriter stderr) =>
        RunAsync(args, stdin, stdout, stderr, CancellationToken.None);

    /// <summary>Runs the command line until its end or until <paramref name="cancellationToken"/> interrupts it.</summary>
    /// <param name="args">The arguments, without the program name.</param>
    /// <param name="stdin">Read when a path is <c>-</c>.</param>
    /// <param name="stdout">Receives the output when there is no <c>--output</c> (UTF-8).</param>
    /// <param name="stderr">Receives diagnostics in compiler style, the summary and usage errors.</param>
    /// <param name="cancellationToken">Interrupts the run: no more pages are written, an <c>--output</c> file is left as it was (the partial file removed), one line says so, and the result is <see cref="Interrupted"/>.</param>
    /// <returns>The process exit code.</returns>
    public static async Task<int> RunAsync(string[] args, Stream stdin, Stream stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        try
        {
            return await RunCoreAsync(args, stdin, stdout, stderr, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            stderr.WriteLine($"esf: internal error ({e.GetType().Name}): {e.Message} — please report it with the input that caused it.");
            return InternalError;
        }
    }

    private static async Task<int> RunCoreAsync(string[] args, Stream stdin, Stream stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var format = new Option<string>("--format", "-f")
        {
            Description = "json (one array, the default), jsonl (one object per line, as each input is parsed), csv (one table, see --table), xlsx (a workbook with a sheet per table; needs --output), sqlite (a database with every table; needs --output) or parquet (a typed Parquet file per table; --output names the folder).",
            DefaultValueFactory = _ => "json",
        };
        format.AcceptOnlyFromAmong("json", "jsonl", "csv", "xlsx", "sqlite", "parquet");

        var table = new Option<string>("--table", "-t")
        {
            Description = "With --format csv, the table to write: projects (one row per page, the default), municipalities, organisations, sections or diagnostics.",
            DefaultValueFactory = _ => "projects",
        };
        table.AcceptOnlyFromAmong([.. ProjectTables.All.Select(t => t.Name)]);

        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write to this file (UTF-8 whatever the shell) instead of standard output ('-' is standard output). The file is replaced only when the run succeeds; until then, and after a failed or interrupted run, the file that was there is untouched. A database that exists is updated: the rows of each page parsed again are replaced. With --format parquet, the folder that gets one file per table (created if need be).",
        };
        var excel = new Option<bool>("--excel")
        {
            Description = "With --format csv: CSV as Excel on a Swedish machine opens it — a UTF-8 byte order mark, ';' between cells and a decimal comma.",
        };
        var rawText = new Option<bool>("--raw-text")
        {
            Description = "With --format csv: write text cells as they are. By default a cell that begins with =, +, -, @, tab or carriage return gets a leading ' so a spreadsheet never runs it as a formula.",
        };
        var jsonText = new Option<string>("--json-text")
        {
            Description = "With --format json or jsonl, which copy of each section's text to write: both (the default, the full JSON shape), sections (each section's plain text, no blocks) or blocks (the blocks, no section text) — about half the size.",
            DefaultValueFactory = _ => "both",
        };
        jsonText.AcceptOnlyFromAmong("both", "sections", "blocks");
        var include = new Option<string[]>("--include")
        {
            Description = "Within directories, read only files matching this glob (relative to the directory; ** for any depth). Repeatable. Default: every .txt, .text, .htm and .html file, any case.",
            AllowMultipleArgumentsPerToken = false,
        };
        var exclude = new Option<string[]>("--exclude")
        {
            Description = "Within directories, skip files matching this glob. Repeatable.",
        };
        var encoding = new Option<string?>("--encoding")
        {
            Description = "Read every input in this encoding (utf-8, utf-16, utf-16be, utf-32, windows-1252, iso-8859-1, ...) instead of finding it out: a byte order mark, else UTF-8, else Windows-1252 with a warning.",
        };
        var jobs = new Option<int>("--jobs", "-j")
        {
            Description = "Pages parsed and prepared at once (default: one per core). 1 leaves the other cores free.",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        jobs.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 1024)
            {
                result.AddError("--jobs must be between 1 and 1024.");
            }
        });
        var quiet = new Option<bool>("--quiet", "-q")
        {
            Description = "Print no diagnostics, no progress and no summary on standard error (errors of the command itself still print).",
        };
        var minSeverity = new Option<string>("--min-severity")
        {
            Description = "The least severity of diagnostic printed on standard error: info (the default), warning or error. The output keeps every diagnostic.",
            DefaultValueFactory = _ => "info",
        };
        minSeverity.AcceptOnlyFromAmong("info", "warning", "error");
        var verbose = new Option<bool>("--verbose", "-v")
        {
            Description = "List on standard error each file skipped in a directory, and why, and what each HTML page set aside as site chrome.",
        };

        var paths = new Argument<string[]>("PATH")
        {
            Description = "A page file (text or HTML), a directory (its page files at any depth, in ordinal path order) or - for standard input.",
            Arity = ArgumentArity.OneOrMore,
        };

        var parse = new Command("parse", "Parse ESF project pages into JSON, CSV, a spreadsheet or a database.")
        {
            format, table, output, excel, rawText, jsonText, include, exclude, encoding, jobs, quiet, minSeverity, verbose, paths,
        };
        var fetch = FetchCommand.Create();
        var root = new RootCommand("esf: Swedish ESF project pages into typed data.") { parse, fetch.Command };
        foreach (var option in root.Options)
        {
            if (option is VersionOption version)
            {
                version.Action = new PrintVersion();
            }
        }

        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                stderr.WriteLine($"esf: {error.Message}");
            }

            stderr.WriteLine(parseResult.CommandResult.Command == fetch.Command ? FetchCommand.Usage : Usage);
            return UsageError;
        }

        // `parse` and `fetch` have no action of their own: an action here is --help or --version.
        if (parseResult.Action is not null)
        {
            using var text = new StreamWriter(stdout, new UTF8Encoding(false), leaveOpen: true);
            var invoked = await parseResult.InvokeAsync(new InvocationConfiguration { Output = text, Error = stderr }).ConfigureAwait(false);
            await text.FlushAsync().ConfigureAwait(false);
            return invoked == 0 ? Success : UsageError;
        }

        if (parseResult.CommandResult.Command == fetch.Command)
        {
            if (fetch.Read(parseResult, out var error) is not { } fetchSettings)
            {
                stderr.WriteLine($"esf: {error}");
                stderr.WriteLine(FetchCommand.Usage);
                return UsageError;
            }

            return await new FetchRun(fetchSettings, stderr).RunAsync(cancellationToken).ConfigureAwait(false);
        }

        var settings = new ParseSettings
        {
            Format = parseResult.GetValue(format)!,
            TableName = ProjectTables.Find(parseResult.GetValue(table)!)!.Name,
            TableGiven = parseResult.GetResult(table) is { Implicit: false },
            Output = parseResult.GetValue(output) is { Length: > 0 } path && path != "-" ? new FileInfo(path) : null,
            OutputText = parseResult.GetValue(output),
            Excel = parseResult.GetValue(excel),
            JsonText = Enum.Parse<Esf.Projects.Json.JsonSectionText>(parseResult.GetValue(jsonText)!, ignoreCase: true),
            JsonTextGiven = parseResult.GetResult(jsonText) is { Implicit: false },
            RawText = parseResult.GetValue(rawText),
            Includes = parseResult.GetValue(include) ?? [],
            Excludes = parseResult.GetValue(exclude) ?? [],
            Quiet = parseResult.GetValue(quiet),
            Jobs = parseResult.GetValue(jobs),
            MinSeverity = Enum.Parse<DiagnosticSeverity>(parseResult.GetValue(minSeverity)!, ignoreCase: true),
            Verbose = parseResult.GetValue(verbose),
            Paths = parseResult.GetValue(paths) ?? [],
        };

        if (settings.Validate(parseResult.GetValue(encoding), out var inputEncoding) is { } usage)
        {
            stderr.WriteLine($"esf: {usage}");
            stderr.WriteLine(Usage);
            return UsageError;
        }

        var parser = inputEncoding is null ? EsfProjectParser.Default : new ProjectParserBuilder().Configure(o => o with { InputEncoding = inputEncoding }).Build();
        return await new ParseRun(settings with { Parser = parser }, stdin, stdout, stderr).RunAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The library's package version (MinVer sets both assemblies' informational versions from the same tag), without build metadata.</summary>
    internal static string Version
    {
        get
        {
            var version = typeof(ProjectParser).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            var plus = version.IndexOf('+', StringComparison.Ordinal);
            return plus < 0 ? version : version[..plus];
        }
    }

    private sealed class PrintVersion : System.CommandLine.Invocation.SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(Version);
            return 0;
        }
    }
}
