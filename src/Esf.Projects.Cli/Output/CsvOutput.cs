using System.Text;
using Esf.Projects.Tables;
using nietras.SeparatedValues;

namespace Esf.Projects.Cli.Output;

/// <summary>
/// One table as CSV (RFC 4180 quoting, CRLF), written row by row with Sep: comma-separated UTF-8 without a byte order
/// mark for tools, or with <see cref="CellFormat.Excel"/> what Excel on a Swedish machine opens into columns —
/// a UTF-8 byte order mark, <c>;</c> between cells and a decimal comma.
/// </summary>
internal sealed class CsvOutput : StreamOutput
{
    private readonly ProjectTable _table;
    private readonly CellFormat _format;
    private readonly StreamWriter _text;
    private readonly SepWriter _writer;
    private long _rows;

    public CsvOutput(Stream stream, bool owned, ProjectTable table, CellFormat format)
        : base(stream, owned)
    {
        _table = table;
        _format = format;
        // Sep ends rows with TextWriter.WriteLine, so the writer's NewLine makes them CRLF as RFC 4180 says.
        _text = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: format.Excel), bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        _writer = Sep.New(format.Excel ? ';' : ',')
            .Writer(o => o with { Escape = true, CultureInfo = System.Globalization.CultureInfo.InvariantCulture })
            .To(_text, leaveOpen: true);
        _writer.Header.Add([.. table.Columns.Select(c => c.Name)]);
    }

    /// <summary>The page's rows as the cells' text, formatted on the worker.</summary>
    public override object Prepare(string source, ProjectParseResult result) =>
        _table.GetRows(source, result).Select(values => Array.ConvertAll(values, _format.Text)).ToList();

    public override ValueTask WriteAsync(object prepared)
    {
        foreach (var cells in (List<string?[]>)prepared)
        {
            _rows++;
            using var row = _writer.NewRow();
            for (var i = 0; i < cells.Length; i++)
            {
                row[i].Set(cells[i]);
            }
        }

        return default;
    }

    public override async ValueTask CompleteAsync()
    {
        if (_rows == 0)
        {
            _writer.Header.Write(); // Sep writes the header with the first row; a table with none still gets it
        }

        _writer.Flush();
        await _text.FlushAsync().ConfigureAwait(false);
    }

    public override async ValueTask DisposeAsync()
    {
        _writer.Dispose();
        await _text.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }
}
