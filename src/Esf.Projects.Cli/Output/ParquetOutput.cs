using System.Collections.Immutable;
using Esf.Projects.Tables;
using NodaTime;
using Parquet;
using Parquet.Schema;

namespace Esf.Projects.Cli.Output;

/// <summary>
/// Every table of <see cref="ProjectTables.For"/> the run's parser as a Parquet file of its own in the <c>--output</c> folder
/// (<c>projects.parquet</c>, <c>municipalities.parquet</c>, …), written with Parquet.Net: columns typed from the
/// table definitions, so DuckDB, pandas, polars and R read kronor, dates and flags as such, not as text.
/// </summary>
/// <remarks>
/// <para>Types: text as UTF-8 strings (dictionary-encoded where values repeat, as municipality and county names
/// do), integers as INT32, amounts and percentages as DECIMAL(38, 2) — exact for every value the tables hold (at
/// most 29 digits of kronor and two of öre; a value with more decimals, which no built-in column has, would be
/// rounded and counted in a note) — dates as DATE, flags as BOOLEAN. Every column is nullable.
/// Snappy compression, as every Parquet reader expects.</para>
/// <para>Rows are held per table until a row group is full (<see cref="RowGroupRows"/> rows or
/// <see cref="RowGroupChars"/> characters of text), then written: memory is bounded whatever the number of pages. The files
/// are written beside their targets and renamed into place only when every one is whole (<see cref="OutputFolder"/>).</para>
/// </remarks>
internal sealed class ParquetOutput : OutputWriter
{
    /// <summary>
    /// Rows per row group at most: enough for readers to skip groups by their statistics, few enough that a group's
    /// rows are written before most of them outlive a collection (10 000 pages: 100 000 rows per group took 450 MB at
    /// peak and longer, 10 000 rows 180–270 MB, 2 000 rows 110 MB and longer again, on the VM of docs/performance.md).
    /// </summary>
    internal const int RowGroupRows = 10_000;

    /// <summary>Characters of text per row group at most (16 MB in memory): a page's sections are long.</summary>
    internal const long RowGroupChars = 8L << 20;

    /// <summary>The scale of every decimal column: öre. Every decimal the tables hold has at most two decimals (amounts in öre, percentages read as amounts are, the ESF share rounded to two).</summary>
    internal const int DecimalScale = 2;

    /// <summary>
    /// Dates as DATE, Snappy; dictionary encoding decided on a column's first 1 000 values (a page's prose is
    /// unique, and scanning all of it to find that out is the slowest part of a write), and Parquet.Net's buffer
    /// pools bounded, so they do not outgrow the row groups they serve.
    /// </summary>
    private static readonly ParquetOptions Options = new()
    {
        UseDateOnlyTypeForDates = true,
        CompressionMethod = CompressionMethod.Snappy,
        DictionaryEncodingSampleSize = 1000,
        MaximumSmallPoolFreeBytes = 16 << 20,
        MaximumLargePoolFreeBytes = 64 << 20,
    };

    private readonly TableFile[] _tables;
    private long _rounded;

    private ParquetOutput(TableFile[] tables) => _tables = tables;

    /// <summary>The file name a table gets in the folder.</summary>
    public static string FileName(ProjectTable table) => table.Name + ".parquet";

    /// <summary>Opens one Parquet writer per table, each on its file in <paramref name="folder"/>.</summary>
    /// <exception cref="IOException">A file could not be created.</exception>
    public static async Task<ParquetOutput> CreateAsync(OutputFolder folder, ImmutableArray<ProjectTable> tables)
    {
        var files = new List<TableFile>();
        try
        {
            foreach (var table in tables)
            {
                files.Add(await TableFile.CreateAsync(table, folder.WritePath(FileName(table))).ConfigureAwait(false));
            }
        }
        catch
        {
            foreach (var opened in files)
            {
                await opened.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }

        return new ParquetOutput([.. files]);
    }

    /// <summary>The page's rows of every table, typed as their columns say, made on the worker.</summary>
    public override object Prepare(string source, ProjectParseResult result) =>
        Array.ConvertAll(_tables, table => table.Table.GetRows(source, result).ToList());

    public override async ValueTask WriteAsync(object prepared)
    {
        var rows = (List<object?[]>[])prepared;
        for (var t = 0; t < _tables.Length; t++)
        {
            if (_tables[t].Add(rows[t]))
            {
                _rounded += await _tables[t].WriteRowGroupAsync().ConfigureAwait(false);
            }
        }
    }

    public override async ValueTask CompleteAsync()
    {
        foreach (var table in _tables)
        {
            _rounded += await table.WriteRowGroupAsync().ConfigureAwait(false);
            await table.CloseAsync().ConfigureAwait(false);
        }
    }

    public override IEnumerable<string> Notes => _rounded == 0
        ? []
        : [$"{_rounded} decimal value{(_rounded == 1 ? " has" : "s have")} more than {DecimalScale} decimals and {(_rounded == 1 ? "was" : "were")} rounded to {DecimalScale} in the Parquet files (the JSON output keeps every digit)."];

    public override async ValueTask DisposeAsync()
    {
        foreach (var table in _tables)
        {
            await table.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The Parquet type of a column.</summary>
    internal static DataField Field(TableColumn column) => column.Type switch
    {
        ColumnType.Text => new DataField<string>(column.Name, nullable: true),
        ColumnType.Integer => new DataField<int?>(column.Name),
        ColumnType.Decimal => new DecimalDataField(column.Name, 38, DecimalScale, isNullable: true),
        ColumnType.Date => new DataField<DateOnly?>(column.Name),
        ColumnType.Boolean => new DataField<bool?>(column.Name),
        _ => throw new ArgumentOutOfRangeException(nameof(column), column.Type, "a column type the Parquet output does not know"),
    };

    /// <summary>One table's file: its writer and the rows of the row group being filled.</summary>
    internal sealed class TableFile : IAsyncDisposable
    {
        private readonly FileStream _stream;
        private readonly ParquetWriter _writer;
        private readonly DataField[] _fields;
        private readonly List<object?[]> _rows = [];
        private long _chars;
        private bool _closed;

        private TableFile(ProjectTable table, FileStream stream, ParquetWriter writer, DataField[] fields)
        {
            Table = table;
            _stream = stream;
            _writer = writer;
            _fields = fields;
        }

        public ProjectTable Table { get; }

        public static async Task<TableFile> CreateAsync(ProjectTable table, string path)
        {
            var fields = table.Columns.Select(Field).ToArray();
            var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
            try
            {
                var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream, Options).ConfigureAwait(false);
                return new TableFile(table, stream, writer, fields);
            }
            catch
            {
                await stream.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        /// <summary>Keeps a page's rows; true when the row group is full.</summary>
        public bool Add(List<object?[]> rows)
        {
            foreach (var row in rows)
            {
                _rows.Add(row);
                foreach (var value in row)
                {
                    _chars += value is string text ? text.Length : 0;
                }
            }

            return _rows.Count >= RowGroupRows || _chars >= RowGroupChars;
        }

        /// <summary>Writes the rows kept as one row group (none when there are none); returns how many decimals were rounded.</summary>
        public async Task<long> WriteRowGroupAsync()
        {
            if (_rows.Count == 0)
            {
                return 0;
            }

            long rounded = 0;
            using (var group = _writer.CreateRowGroup())
            {
                for (var c = 0; c < _fields.Length; c++)
                {
                    var field = _fields[c];
                    switch (Table.Columns[c].Type)
                    {
                        case ColumnType.Text:
                            await group.WriteAsync(field, Column(c, value => (string?)value)!).ConfigureAwait(false);
                            break;
                        case ColumnType.Integer:
                            await group.WriteAsync<int>(field, Column(c, value => (int?)value)).ConfigureAwait(false);
                            break;
                        case ColumnType.Decimal:
                            await group.WriteAsync<decimal>(field, Column(c, value => value is decimal number ? Scaled(number, ref rounded) : (decimal?)null)).ConfigureAwait(false);
                            break;
                        case ColumnType.Date:
                            await group.WriteAsync<DateOnly>(field, Column(c, value => value is LocalDate date ? date.ToDateOnly() : (DateOnly?)null)).ConfigureAwait(false);
                            break;
                        default:
                            await group.WriteAsync<bool>(field, Column(c, value => (bool?)value)).ConfigureAwait(false);
                            break;
                    }
                }
            }

            _rows.Clear();
            _chars = 0;
            return rounded;
        }

        /// <summary>The footer written and the file closed; the last write, so a failure here is a failed run.</summary>
        public async Task CloseAsync()
        {
            _closed = true;
            await _writer.DisposeAsync().ConfigureAwait(false);
            await _stream.DisposeAsync().ConfigureAwait(false);
        }

        public async ValueTask DisposeAsync()
        {
            if (!_closed)
            {
                _closed = true;
                try
                {
                    await _writer.DisposeAsync().ConfigureAwait(false);
                }
                catch (IOException)
                {
                    // The run already failed; the partial file is removed.
                }

                await _stream.DisposeAsync().ConfigureAwait(false);
            }
        }

        private T[] Column<T>(int column, Func<object?, T> convert)
        {
            var values = new T[_rows.Count];
            for (var r = 0; r < values.Length; r++)
            {
                values[r] = convert(_rows[r][column]);
            }

            return values;
        }

        /// <summary>The value at <see cref="DecimalScale"/>, counting it in <paramref name="rounded"/> when that loses digits.</summary>
        internal static decimal Scaled(decimal number, ref long rounded)
        {
            if (number.Scale <= DecimalScale)
            {
                return number;
            }

            rounded++;
            return Math.Round(number, DecimalScale, MidpointRounding.AwayFromZero);
        }
    }
}
