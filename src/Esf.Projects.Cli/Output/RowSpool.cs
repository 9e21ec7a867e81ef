using NodaTime;

namespace Esf.Projects.Cli.Output;

/// <summary>
/// Rows of typed cells kept in a temporary file until their turn comes: a workbook is written one sheet after the
/// other, while every page adds rows to every sheet. Memory stays bounded whatever the number of pages.
/// </summary>
internal sealed class RowSpool : IDisposable
{
    private readonly FileStream _file;
    private readonly BinaryWriter _writer;
    private readonly int _width;

    public RowSpool(int width)
    {
        _width = width;
        _file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        _writer = new BinaryWriter(_file, System.Text.Encoding.UTF8, leaveOpen: true);
    }

    public long Count { get; private set; }

    public void Add(object?[] row)
    {
        foreach (var value in row)
        {
            switch (value)
            {
                case null: _writer.Write((byte)0); break;
                case string text: _writer.Write((byte)1); _writer.Write(text); break;
                case int number: _writer.Write((byte)2); _writer.Write(number); break;
                case decimal number: _writer.Write((byte)3); _writer.Write(number); break;
                case LocalDate date: _writer.Write((byte)4); _writer.Write(date.Year); _writer.Write((byte)date.Month); _writer.Write((byte)date.Day); break;
                case bool flag: _writer.Write((byte)5); _writer.Write(flag); break;
                default: throw new NotSupportedException($"A cell of type {value.GetType()} cannot be spooled.");
            }
        }

        Count++;
    }

    /// <summary>The rows in the order they were added; the array is reused from row to row.</summary>
    public IEnumerable<object?[]> Read()
    {
        _writer.Flush();
        _file.Position = 0;
        using var reader = new BinaryReader(_file, System.Text.Encoding.UTF8, leaveOpen: true);
        var row = new object?[_width];
        for (long r = 0; r < Count; r++)
        {
            for (var i = 0; i < _width; i++)
            {
                row[i] = reader.ReadByte() switch
                {
                    0 => null,
                    1 => reader.ReadString(),
                    2 => reader.ReadInt32(),
                    3 => reader.ReadDecimal(),
                    4 => new LocalDate(reader.ReadInt32(), reader.ReadByte(), reader.ReadByte()),
                    5 => reader.ReadBoolean(),
                    var tag => throw new InvalidDataException($"Unknown cell tag {tag} in the spool."),
                };
            }

            yield return row;
        }
    }

    public void Dispose()
    {
        _writer.Dispose();
        _file.Dispose();
    }
}
