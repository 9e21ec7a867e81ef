using System.Collections.Immutable;
using Esf.Projects.Tables;
using NodaTime;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace Esf.Projects.Cli.Output;

/// <summary>
/// One workbook with a sheet per table of <see cref="ProjectTables.For"/> the run's parser, written with SpreadCheetah: a bold header
/// row, frozen below it, and typed cells — numbers as numbers, dates as dates (<c>yyyy-mm-dd</c>), text as text, so
/// nothing typed into a page runs as a formula and phone numbers keep their leading zero.
/// </summary>
/// <remarks>
/// SpreadCheetah writes a workbook as a stream, one sheet after the other; the projects sheet is written as pages come
/// and the long tables wait in <see cref="RowSpool"/> files. Excel's limits are kept: a cell holds at most 32 767
/// characters (longer text is cut, and a note says how many cells were), a sheet at most 1 048 576 rows.
/// </remarks>
internal sealed class XlsxOutput : OutputWriter
{
    private const int MaxCellLength = 32_767;
    private const int MaxRows = 1_048_576;

    /// <summary>The <c>--output</c> file, closed when the workbook is.</summary>
    private readonly Stream _file;
    private readonly Spreadsheet _book;
    private readonly StyleId _header;
    private readonly StyleId _date;
    private readonly ImmutableArray<ProjectTable> _tables;
    private readonly ProjectTable _first;
    private readonly List<(ProjectTable Table, RowSpool Spool)> _later;
    private readonly Cell[] _cells;
    private int _sheetRows;
    private int _cut;
    private long _dropped;

    private XlsxOutput(Stream file, Spreadsheet book, ImmutableArray<ProjectTable> tables)
    {
        _tables = tables;
        _first = tables[0];
        _file = file;
        _book = book;
        _header = book.AddStyle(new Style { Font = { Bold = true } });
        _date = book.AddStyle(new Style { Format = NumberFormat.Custom("yyyy-mm-dd") });
        _later = [.. tables.Skip(1).Select(t => (t, new RowSpool(t.Columns.Length)))];
        _cells = new Cell[tables.Max(t => t.Columns.Length)];
    }

    /// <summary>Starts the workbook on <paramref name="file"/>, which it owns from then on.</summary>
    public static async Task<XlsxOutput> CreateAsync(Stream file, ImmutableArray<ProjectTable> tables)
    {
        var book = await Spreadsheet.CreateNewAsync(file, new SpreadCheetahOptions { CompressionLevel = SpreadCheetahCompressionLevel.Fastest }).ConfigureAwait(false);
        var output = new XlsxOutput(file, book, tables);
        await output.StartSheetAsync(output._first).ConfigureAwait(false);
        return output;
    }

    public override IEnumerable<string> Notes
    {
        get
        {
            if (_cut > 0)
            {
                yield return $"{_cut} cells were longer than a spreadsheet cell's {MaxCellLength} characters and were cut; the JSON, CSV and SQLite outputs hold them whole.";
            }

            if (_dropped > 0)
            {
                yield return $"{_dropped} rows did not fit a sheet's {MaxRows} rows and were left out; use --format sqlite or csv for such a corpus.";
            }
        }
    }

    /// <summary>Every table's rows of the page, made on the worker (section texts become strings there).</summary>
    public override object Prepare(string source, ProjectParseResult result) =>
        _tables.Select(table => table.GetRows(source, result).ToList()).ToArray();

    public override async ValueTask WriteAsync(object prepared)
    {
        var tables = (List<object?[]>[])prepared;
        foreach (var row in tables[0])
        {
            await AddRowAsync(row).ConfigureAwait(false);
        }

        for (var t = 1; t < tables.Length; t++)
        {
            foreach (var row in tables[t])
            {
                _later[t - 1].Spool.Add(row);
            }
        }
    }

    public override async ValueTask CompleteAsync()
    {
        foreach (var (table, spool) in _later)
        {
            await StartSheetAsync(table).ConfigureAwait(false);
            foreach (var row in spool.Read())
            {
                await AddRowAsync(row).ConfigureAwait(false);
            }
        }

        await _book.FinishAsync().ConfigureAwait(false);
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var (_, spool) in _later)
        {
            spool.Dispose();
        }

        await _book.DisposeAsync().ConfigureAwait(false);
        await _file.DisposeAsync().ConfigureAwait(false);
    }

    private async ValueTask StartSheetAsync(ProjectTable table)
    {
        _sheetRows = 0;
        await _book.StartWorksheetAsync(table.Name, new WorksheetOptions { FrozenRows = 1 }).ConfigureAwait(false);
        await _book.AddHeaderRowAsync([.. table.Columns.Select(c => c.Name)], _header).ConfigureAwait(false);
    }

    /// <summary>Adds a row to the current sheet, or counts it as left out when the sheet is full (the header takes one row).</summary>
    private ValueTask AddRowAsync(object?[] values)
    {
        if (_sheetRows++ >= MaxRows - 1)
        {
            _dropped++;
            return default;
        }

        for (var i = 0; i < values.Length; i++)
        {
            _cells[i] = values[i] switch
            {
                null => default,
                string text => new Cell(XmlSafe(text.Length > MaxCellLength ? Cut(text) : text)),
                int number => new Cell(number),
                decimal number => new Cell(number),
                LocalDate date => new Cell(date.ToDateTimeUnspecified(), _date),
                bool flag => new Cell(flag),
                var other => new Cell(other.ToString()),
            };
        }

        return _book.AddRowAsync(_cells.AsMemory(0, values.Length));
    }

    private string Cut(string text)
    {
        _cut++;
        var end = MaxCellLength - 1;
        if (char.IsHighSurrogate(text[end - 1]))
        {
            end--;
        }

        return string.Concat(text.AsSpan(0, end), "…");
    }

    /// <summary>
    /// The text with every character XML 1.0 forbids — C0 controls but tab, line feed and carriage return, U+FFFE,
    /// U+FFFF and unpaired surrogates — replaced by U+FFFD: a workbook is XML, and one such character in a cell makes
    /// Excel refuse the whole file. The same string when there is none (nearly always).
    /// </summary>
    internal static string XmlSafe(string text)
    {
        var i = 0;
        for (; i < text.Length; i++)
        {
            if (!IsXmlChar(text, i, out var pair))
            {
                break;
            }

            i += pair ? 1 : 0;
        }

        if (i == text.Length)
        {
            return text;
        }

        return string.Create(text.Length, text, static (destination, source) =>
        {
            for (var j = 0; j < source.Length; j++)
            {
                if (IsXmlChar(source, j, out var pair))
                {
                    destination[j] = source[j];
                    if (pair)
                    {
                        destination[++j] = source[j];
                    }
                }
                else
                {
                    destination[j] = '\uFFFD';
                }
            }
        });
    }

    private static bool IsXmlChar(string text, int index, out bool pair)
    {
        pair = false;
        var c = text[index];
        if (char.IsHighSurrogate(c))
        {
            pair = index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]);
            return pair;
        }

        return c is '\t' or '\n' or '\r' || (c >= '\u0020' && !char.IsLowSurrogate(c) && c is not ('\uFFFE' or '\uFFFF'));
    }
}
