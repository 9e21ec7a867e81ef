using System.Collections;
using System.Data.Common;
using Sylvan.Data.Csv;

namespace Esf.Projects.Cli;

/// <summary>
/// <c>esf parse --format csv</c>: one row per page, the source path then every column of
/// <see cref="Tables.ProjectColumns.All"/> (which follow from the field definitions), RFC 4180 quoting, UTF-8,
/// written by Sylvan.Data.Csv. Column names are a contract like the JSON property names: add, never rename or drop.
/// </summary>
/// <remarks>
/// Numbers are invariant (<c>3493248</c>, <c>1234.5</c>); dates ISO; lists joined by <c>;</c> (a <c>;</c> inside an
/// item is kept — split on <c>"; "</c> is not safe either, so use the JSON when items matter). Empty means absent.
/// </remarks>
internal static class CsvOutput
{
    public static readonly string[] Columns = ["source", .. Tables.ProjectColumns.All.Select(c => c.Name)];

    public static string?[] Row(string source, ProjectParseResult result)
    {
        var row = new string?[Columns.Length];
        row[0] = source;
        var columns = Tables.ProjectColumns.All;
        for (var i = 0; i < columns.Length; i++)
        {
            row[i + 1] = columns[i].GetText(result);
        }

        return row;
    }

    public static void Write(TextWriter output, IEnumerable<string?[]> rows)
    {
        using var reader = new RowReader(Columns, rows);
        using var writer = CsvDataWriter.Create(output, new CsvDataWriterOptions { NewLine = "\r\n" });
        writer.Write(reader);
    }

    /// <summary>The smallest <see cref="DbDataReader"/> Sylvan's writer needs: string columns, rows pulled lazily so jsonl-like streaming is kept.</summary>
    private sealed class RowReader(string[] columns, IEnumerable<string?[]> rows) : DbDataReader, IDbColumnSchemaGenerator
    {
        public System.Collections.ObjectModel.ReadOnlyCollection<DbColumn> GetColumnSchema() =>
            new([.. columns.Select((name, i) => (DbColumn)new StringColumn(name, i))]);

        private sealed class StringColumn : DbColumn
        {
            public StringColumn(string name, int ordinal)
            {
                ColumnName = name;
                ColumnOrdinal = ordinal;
                DataType = typeof(string);
                DataTypeName = "string";
                AllowDBNull = true;
            }
        }

        private readonly IEnumerator<string?[]> _rows = rows.GetEnumerator();
        private string?[] _current = [];

        public override int FieldCount => columns.Length;

        public override bool HasRows => true;

        public override bool IsClosed => false;

        public override int RecordsAffected => -1;

        public override int Depth => 0;

        public override object this[int ordinal] => GetValue(ordinal);

        public override object this[string name] => GetValue(GetOrdinal(name));

        public override bool Read()
        {
            if (!_rows.MoveNext())
            {
                return false;
            }

            _current = _rows.Current;
            return true;
        }

        public override bool NextResult() => false;

        public override string GetName(int ordinal) => columns[ordinal];

        public override int GetOrdinal(string name) => Array.IndexOf(columns, name);

        [return: System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicFields | System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicProperties)]
        public override Type GetFieldType(int ordinal) => typeof(string);

        public override string GetDataTypeName(int ordinal) => "string";

        public override bool IsDBNull(int ordinal) => _current[ordinal] is null;

        public override string GetString(int ordinal) => _current[ordinal] ?? string.Empty;

        public override object GetValue(int ordinal) => (object?)_current[ordinal] ?? DBNull.Value;

        public override int GetValues(object[] values)
        {
            var n = Math.Min(values.Length, columns.Length);
            for (var i = 0; i < n; i++)
            {
                values[i] = GetValue(i);
            }

            return n;
        }

        public override IEnumerator GetEnumerator() => throw new NotSupportedException();

        public override bool GetBoolean(int ordinal) => throw new NotSupportedException();

        public override byte GetByte(int ordinal) => throw new NotSupportedException();

        public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => throw new NotSupportedException();

        public override char GetChar(int ordinal) => throw new NotSupportedException();

        public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => throw new NotSupportedException();

        public override DateTime GetDateTime(int ordinal) => throw new NotSupportedException();

        public override decimal GetDecimal(int ordinal) => throw new NotSupportedException();

        public override double GetDouble(int ordinal) => throw new NotSupportedException();

        public override float GetFloat(int ordinal) => throw new NotSupportedException();

        public override Guid GetGuid(int ordinal) => throw new NotSupportedException();

        public override short GetInt16(int ordinal) => throw new NotSupportedException();

        public override int GetInt32(int ordinal) => throw new NotSupportedException();

        public override long GetInt64(int ordinal) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _rows.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
