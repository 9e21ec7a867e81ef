using System.Buffers;
using System.Text.Json;
using Esf.Projects.Json;

namespace Esf.Projects.Cli.Output;

/// <summary>
/// Where the parsed pages go. <see cref="Prepare"/> runs on the worker that parsed a page — serialising it, building
/// its rows — so the output's work scales with the cores; <see cref="WriteAsync"/> runs on the single consumer, in
/// input order, and only copies what was prepared; <see cref="CompleteAsync"/> ends the output.
/// </summary>
internal abstract class OutputWriter : IAsyncDisposable
{
    /// <summary>Opens the writer the settings ask for, on <paramref name="target"/> (where <c>--output</c> is written: an <see cref="OutputFile"/>, or an <see cref="OutputFolder"/> for Parquet) or on standard output.</summary>
    /// <exception cref="IOException">The output file could not be created.</exception>
    /// <exception cref="UnauthorizedAccessException">The output file may not be written.</exception>
    public static async Task<OutputWriter> CreateAsync(ParseSettings settings, IStagedOutput? target, Stream stdout)
    {
        if (settings.Format == "parquet")
        {
            return await ParquetOutput.CreateAsync((OutputFolder)target!, settings.Tables).ConfigureAwait(false);
        }

        var file = (OutputFile?)target;
        if (settings.Format == "sqlite")
        {
            return SqliteOutput.Open(file!.WritePath, settings.Tables);
        }

        if (settings.Format == "xlsx")
        {
            return await XlsxOutput.CreateAsync(new FileStream(file!.WritePath, FileMode.Create, FileAccess.Write, FileShare.Read), settings.Tables).ConfigureAwait(false);
        }

        // Text formats: pages prepared as bytes on the workers, handed to a sink in order.
        var sink = file is not null ? PageSink.ForFile(new FileInfo(file.WritePath)) : new StreamSink(stdout, owned: false);
        if (settings.Format == "csv")
        {
            var csv = new CsvOutput(sink, settings.Tables.First(t => t.Name == settings.TableName), new CellFormat(settings.Excel, settings.RawText));
            await csv.WriteHeaderAsync().ConfigureAwait(false);
            return csv;
        }

        return settings.Format == "jsonl" ? new JsonLinesOutput(sink, settings.JsonText) : new JsonArrayOutput(sink, settings.JsonText);
    }

    /// <summary>Makes a page ready for <see cref="WriteAsync"/>; called on worker threads, several at once, so it touches no state of the writer's that changes.</summary>
    public abstract object Prepare(string source, ProjectParseResult result);

    /// <summary>Adds one page, as <see cref="Prepare"/> made it ready.</summary>
    public abstract ValueTask WriteAsync(object prepared);

    /// <summary>Ends the output (closes the array, writes the spooled sheets, commits the transaction).</summary>
    public abstract ValueTask CompleteAsync();

    /// <summary>Passes on what is buffered; called when no next page is ready, so buffering never holds output back while the tool waits.</summary>
    /// <returns>When it is passed on.</returns>
    public virtual ValueTask FlushAsync() => default;

    /// <summary>Notes for standard error after the run (cells cut to a spreadsheet's limit, say); empty by default.</summary>
    public virtual IEnumerable<string> Notes => [];

    public abstract ValueTask DisposeAsync();
}

/// <summary>
/// A text format (JSON, JSON Lines, CSV): each page is made into bytes on its worker, and the consumer hands them to
/// a <see cref="PageSink"/> in input order, which writes them and gives their buffers back.
/// </summary>
internal abstract class PageSinkOutput(PageSink sink) : OutputWriter
{
    protected PageSink Sink { get; } = sink;

    public override ValueTask WriteAsync(object prepared) => Sink.WriteAsync((PooledBuffer)prepared);

    public override ValueTask FlushAsync() => Sink.FlushAsync();

    public override ValueTask CompleteAsync() => Sink.CompleteAsync();

    public override ValueTask DisposeAsync() => Sink.DisposeAsync();
}

/// <summary>
/// One indented JSON array of <c>{source, project, diagnostics}</c> objects, byte for byte what one
/// <see cref="Utf8JsonWriter"/> writing the whole array makes: each element is written on its worker inside an array
/// of its own, so the writer indents it as the array's element, and the brackets of that array are cut off.
/// </summary>
internal sealed class JsonArrayOutput(PageSink sink, JsonSectionText sectionText) : PageSinkOutput(sink)
{
    private bool _any;

    /// <summary>The element as <c>,\n  {…\n  }</c>; the first element's comma becomes the array's <c>[</c>.</summary>
    public override object Prepare(string source, ProjectParseResult result)
    {
        var element = new PooledBuffer();
        using (var writer = new Utf8JsonWriter(element, EsfJson.GetWriterOptions(indented: true)))
        {
            writer.WriteStartArray();
            EsfJson.Write(writer, result, source, sectionText);
            writer.WriteEndArray();
        }

        // "[\n  {…\n  }\n]": the '[' becomes the separator, and what follows the object's '}' (the writer's new line
        // and ']') is cut off.
        element.WrittenSpan[0] = (byte)',';
        element.Truncate(element.WrittenSpan.LastIndexOf((byte)'}') + 1);
        return element;
    }

    public override ValueTask WriteAsync(object prepared)
    {
        var element = (PooledBuffer)prepared;
        if (!_any)
        {
            element.WrittenSpan[0] = (byte)'[';
            _any = true;
        }

        return base.WriteAsync(element);
    }

    public override async ValueTask CompleteAsync()
    {
        await Sink.WriteAsync(_any ? "\n]\n"u8 : "[]\n"u8).ConfigureAwait(false);
        await base.CompleteAsync().ConfigureAwait(false);
    }
}

/// <summary>One compact JSON object per line; lines are passed on whenever no next page is ready (<see cref="FlushAsync"/>), so a reader downstream never waits on a buffer.</summary>
internal sealed class JsonLinesOutput(PageSink sink, JsonSectionText sectionText) : PageSinkOutput(sink)
{
    public override object Prepare(string source, ProjectParseResult result)
    {
        var buffer = new PooledBuffer();
        using (var writer = new Utf8JsonWriter(buffer, EsfJson.GetWriterOptions(indented: false)))
        {
            EsfJson.Write(writer, result, source, sectionText);
        }

        buffer.Write("\n"u8);
        return buffer;
    }
}
