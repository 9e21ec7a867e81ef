using System.Text;
using Esf.Projects.Tables;
using nietras.SeparatedValues;

namespace Esf.Projects.Cli.Output;

/// <summary>
/// One table as CSV (RFC 4180 quoting, CRLF), written with Sep: comma-separated UTF-8 without a byte order mark for
/// tools, or with <see cref="CellFormat.Excel"/> what Excel on a Swedish machine opens into columns — a UTF-8 byte
/// order mark, <c>;</c> between cells and a decimal comma.
/// </summary>
/// <remarks>
/// A page's rows are formatted, quoted and encoded on the worker that parsed it, into a pooled UTF-8 buffer; the
/// consumer only hands finished bytes to a <see cref="PageSink"/>, as for JSON Lines — so CSV scales with the cores,
/// and a file (<c>--output</c>) is written at its offsets in parallel. The header row is written first, by the same
/// writer, so the bytes are those of one Sep writer writing the whole table.
/// </remarks>
internal sealed class CsvOutput : PageSinkOutput
{
    private readonly ProjectTable _table;
    private readonly CellFormat _format;
    private readonly ThreadLocal<RowWriter> _writers;

    public CsvOutput(PageSink sink, ProjectTable table, CellFormat format)
        : base(sink)
    {
        _table = table;
        _format = format;
        _writers = new(() => new RowWriter(format.Excel ? ';' : ','), trackAllValues: true);
    }

    /// <summary>Starts the table: the byte order mark for Excel, then the header row.</summary>
    public ValueTask WriteHeaderAsync()
    {
        var header = new PooledBuffer();
        if (_format.Excel)
        {
            header.Write(Encoding.UTF8.Preamble);
        }

        _writers.Value!.Write(header, [[.. _table.Columns.Select(c => c.Name)]]);
        return Sink.WriteAsync(header);
    }

    /// <summary>The page's rows as CSV bytes, cells formatted, quoted and encoded on the worker.</summary>
    public override object Prepare(string source, ProjectParseResult result)
    {
        var buffer = new PooledBuffer();
        _writers.Value!.Write(buffer, _table.GetRows(source, result).Select(values => Array.ConvertAll(values, _format.Text)));
        return buffer;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync().ConfigureAwait(false);
        foreach (var writer in _writers.Values)
        {
            writer.Dispose();
        }

        _writers.Dispose();
    }

    /// <summary>
    /// One thread's Sep writer, kept from page to page: rows go through it into a character buffer (Sep quotes and
    /// ends each row with CRLF), which is then encoded into the page's UTF-8 buffer. The header is a row like any
    /// other here (<see cref="SepWriterOptions.WriteHeader"/> off), which Sep writes exactly as it writes a header.
    /// </summary>
    private sealed class RowWriter : IDisposable
    {
        private readonly CharBuffer _text = new();
        private readonly SepWriter _writer;

        public RowWriter(char separator) =>
            _writer = Sep.New(separator)
                .Writer(o => o with { Escape = true, WriteHeader = false, CultureInfo = System.Globalization.CultureInfo.InvariantCulture })
                .To(_text, leaveOpen: true);

        public void Write(PooledBuffer target, IEnumerable<string?[]> rows)
        {
            _text.Clear();
            foreach (var cells in rows)
            {
                using var row = _writer.NewRow();
                for (var i = 0; i < cells.Length; i++)
                {
                    row[i].Set(cells[i]);
                }
            }

            _writer.Flush();
            var chars = _text.Written;
            // Counted first: asking the buffer for the worst case (three bytes a character) would rent arrays three
            // times the page's size.
            target.Advance(Encoding.UTF8.GetBytes(chars, target.GetSpan(Encoding.UTF8.GetByteCount(chars))));
        }

        public void Dispose() => _writer.Dispose();
    }

    /// <summary>A text writer into a growable character array that is kept and reused: Sep's target, without a string per page.</summary>
    private sealed class CharBuffer : TextWriter
    {
        private char[] _chars = new char[16 * 1024];
        private int _length;

        public CharBuffer() => CoreNewLine = ['\r', '\n'];

        public override Encoding Encoding => Encoding.UTF8;

        public ReadOnlySpan<char> Written => _chars.AsSpan(0, _length);

        public void Clear()
        {
            // A page with a huge cell does not keep its array for every page after it.
            if (_chars.Length > 1 << 20)
            {
                _chars = new char[16 * 1024];
            }

            _length = 0;
        }

        public override void Write(char value) => Write(new ReadOnlySpan<char>(in value));

        public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

        public override void Write(string? value) => Write(value.AsSpan());

        public override void Write(ReadOnlySpan<char> buffer)
        {
            if (_length + buffer.Length > _chars.Length)
            {
                Array.Resize(ref _chars, Math.Max(_length + buffer.Length, _chars.Length * 2));
            }

            buffer.CopyTo(_chars.AsSpan(_length));
            _length += buffer.Length;
        }

        public override void WriteLine() => Write(CoreNewLine);
    }
}
