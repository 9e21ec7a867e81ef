using System.Text;
using Esf.Projects.Tables;

namespace Esf.Projects.Cli;

/// <summary>The options of one <c>esf parse</c> run, as read from the command line.</summary>
internal sealed record ParseSettings
{
    public required string Format { get; init; }

    /// <summary>The table <c>--format csv</c> writes (<c>--table</c>), one of <see cref="Tables"/>.</summary>
    public required string TableName { get; init; }

    public bool TableGiven { get; init; }

    /// <summary>The file of <c>--output</c>; <see langword="null"/> for standard output (no option, or <c>-</c>).</summary>
    public FileInfo? Output { get; init; }

    /// <summary><c>--output</c> as given, to tell <c>-</c> and an empty name from no option.</summary>
    public string? OutputText { get; init; }

    public bool Excel { get; init; }

    public bool RawText { get; init; }

    public IReadOnlyList<string> Includes { get; init; } = [];

    public IReadOnlyList<string> Excludes { get; init; } = [];

    public bool Quiet { get; init; }

    public int Jobs { get; init; } = Environment.ProcessorCount;

    public DiagnosticSeverity MinSeverity { get; init; }

    public bool Verbose { get; init; }

    public IReadOnlyList<string> Paths { get; init; } = [];

    public Esf.Projects.Json.JsonSectionText JsonText { get; init; }

    /// <summary>
    /// The parser the run uses: the default one, or with <c>--encoding</c> the default one reading every input in that
    /// encoding. The command line cannot name another; a host that runs <see cref="ParseRun"/> with a parser of its
    /// own gets its typed fields in every output, through <see cref="Tables"/>.
    /// </summary>
    public EsfProjectParser Parser { get; init; } = EsfProjectParser.Default;

    /// <summary>The tables of the parser's projects: <see cref="ProjectTables.All"/>, widened by the parser's own typed fields.</summary>
    public System.Collections.Immutable.ImmutableArray<ProjectTable> Tables => ProjectTables.For(Parser);

    public bool JsonTextGiven { get; init; }

    /// <summary>The files a run replaces: the <c>--output</c> file, or for Parquet each table's file in the <c>--output</c> folder.</summary>
    public IEnumerable<string> Targets() => Output is null ? []
        : Format == "parquet" ? Cli.Output.OutputFolder.Targets(Output.FullName, ParquetFiles)
        : [Output.FullName];

    /// <summary>Where the run writes those files, whole or not at all; <see langword="null"/> for standard output.</summary>
    /// <exception cref="IOException">The folder or the existing file could not be read or written.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder may not be written.</exception>
    public Cli.Output.IStagedOutput? Stage() => Output is null ? null
        : Format == "parquet" ? Cli.Output.OutputFolder.For(Output.FullName, ParquetFiles)
        : Cli.Output.OutputFile.For(Output, keepContents: Format == "sqlite");

    private IEnumerable<string> ParquetFiles => Tables.Select(Cli.Output.ParquetOutput.FileName);

    /// <summary>Checks the combinations the parser of the command line cannot; returns the usage error, or <see langword="null"/>.</summary>
    public string? Validate(string? encodingName, out Encoding? encoding)
    {
        encoding = null;
        // System.CommandLine takes an unknown option for a path; a path that begins with '-' and is no file is one.
        if (Paths.FirstOrDefault(p => p.Length > 1 && p[0] == '-' && !File.Exists(p) && !Directory.Exists(p)) is { } option)
        {
            return $"unknown option '{option}' (a file whose name begins with '-' is written ./{option}).";
        }

        if (OutputText is not null && string.IsNullOrWhiteSpace(OutputText))
        {
            return "--output needs a file name ('-' for standard output).";
        }

        if (Format is "xlsx" or "sqlite" or "parquet" && Output is null)
        {
            var what = Format == "parquet" ? "a folder of files" : "a file";
            var give = Format == "parquet" ? "--output FOLDER" : "--output FILE";
            return OutputText == "-"
                ? $"--format {Format} writes {what}, not standard output: give it with {give}."
                : $"--format {Format} writes {what}: give it with {give}.";
        }

        if (Format != "csv" && (Excel || RawText || TableGiven))
        {
            return "--table, --excel and --raw-text apply to --format csv (xlsx, sqlite and parquet hold every table).";
        }

        if (Format is not ("json" or "jsonl") && JsonTextGiven)
        {
            return "--json-text applies to --format json and jsonl.";
        }

        if (Output is { } output && Format != "parquet" && Directory.Exists(output.FullName))
        {
            return $"--output {output} is a directory.";
        }

        if (Output is { } folder && Format == "parquet" && File.Exists(folder.FullName))
        {
            return $"--output {folder} is a file; --format parquet writes a folder with one file per table.";
        }

        if (encodingName is not null)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            try
            {
                encoding = Encoding.GetEncoding(encodingName);
            }
            catch (ArgumentException)
            {
                return $"unknown encoding '{encodingName}' (try utf-8, utf-16, utf-16be, utf-32, windows-1252 or iso-8859-1).";
            }
        }

        return null;
    }
}
