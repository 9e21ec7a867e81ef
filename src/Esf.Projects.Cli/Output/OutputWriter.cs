using System.Text;
using System.Text.Json;
using Esf.Projects.Json;

namespace Esf.Projects.Cli.Output;

/// <summary>Where the parsed pages go, one at a time in input order; <see cref="CompleteAsync"/> ends the output.</summary>
internal abstract class OutputWriter : IAsyncDisposable
{
    /// <summary>Opens the writer the settings ask for, on the file of <c>--output</c> or on standard output.</summary>
    /// <exception cref="IOException">The output file could not be created.</exception>
    /// <exception cref="UnauthorizedAccessException">The output file may not be written.</exception>
    public static async Task<OutputWriter> CreateAsync(ParseSettings settings, Stream stdout)
    {
        if (settings.Format == "sqlite")
        {
            return SqliteOutput.Open(settings.Output!.FullName);
        }

        var stream = settings.Output is { } file ? file.Create() : stdout;
        var owned = settings.Output is not null;
        return settings.Format switch
        {
            "jsonl" => new JsonLinesOutput(stream, owned),
            "csv" => new CsvOutput(stream, owned, settings.Table, new CellFormat(settings.Excel, settings.RawText)),
            "xlsx" => await XlsxOutput.CreateAsync(stream, owned).ConfigureAwait(false),
            _ => new JsonArrayOutput(stream, owned),
        };
    }

    /// <summary>Adds one page.</summary>
    public abstract ValueTask WriteAsync(string source, ProjectParseResult result);

    /// <summary>Ends the output (closes the array, writes the spooled sheets, commits the transaction).</summary>
    public abstract ValueTask CompleteAsync();

    /// <summary>Notes for standard error after the run (cells cut to a spreadsheet's limit, say); empty by default.</summary>
    public virtual IEnumerable<string> Notes => [];

    public abstract ValueTask DisposeAsync();
}

/// <summary>A stream the writer closes when it opened it (<c>--output</c>), and only flushes when it is standard output.</summary>
internal abstract class StreamOutput(Stream stream, bool owned) : OutputWriter
{
    protected Stream Stream { get; } = stream;

    public override async ValueTask DisposeAsync()
    {
        if (owned)
        {
            await Stream.DisposeAsync().ConfigureAwait(false);
        }
        else
        {
            await Stream.FlushAsync().ConfigureAwait(false);
        }
    }
}

/// <summary>One indented JSON array of <c>{source, project, diagnostics}</c> objects, written as the pages come.</summary>
internal sealed class JsonArrayOutput : StreamOutput
{
    private readonly Utf8JsonWriter _writer;

    public JsonArrayOutput(Stream stream, bool owned)
        : base(stream, owned)
    {
        _writer = EsfJson.CreateWriter(stream, indented: true);
        _writer.WriteStartArray();
    }

    public override async ValueTask WriteAsync(string source, ProjectParseResult result)
    {
        EsfJson.Write(_writer, result, source);
        if (_writer.BytesPending > 64 * 1024)
        {
            await _writer.FlushAsync().ConfigureAwait(false);
        }
    }

    public override async ValueTask CompleteAsync()
    {
        _writer.WriteEndArray();
        await _writer.FlushAsync().ConfigureAwait(false);
        Stream.WriteByte((byte)'\n');
    }

    public override async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }
}

/// <summary>One compact JSON object per line, flushed after each page so a reader downstream sees it at once.</summary>
internal sealed class JsonLinesOutput(Stream stream, bool owned) : StreamOutput(stream, owned)
{
    public override async ValueTask WriteAsync(string source, ProjectParseResult result)
    {
        await Stream.WriteAsync(Encoding.UTF8.GetBytes(EsfJson.Serialize(result, source, indented: false) + "\n")).ConfigureAwait(false);
        await Stream.FlushAsync().ConfigureAwait(false);
    }

    public override ValueTask CompleteAsync() => default;
}
