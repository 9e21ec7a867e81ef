using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Esf.Projects.Fields;

namespace Esf.Projects.Parsing;

/// <summary>One line of the input: offsets into the text, with leading and trailing white space measured off.</summary>
/// <param name="Number">1-based line number.</param>
/// <param name="LineStart">Offset of the line's first character (after a leading BOM on line 1).</param>
/// <param name="ContentStart">Offset of the first non-space character (= <paramref name="ContentEnd"/> for a blank line).</param>
/// <param name="ContentEnd">Offset just past the last non-space character.</param>
internal readonly record struct TextLine(int Number, int LineStart, int ContentStart, int ContentEnd)
{
    public bool IsBlank => ContentStart >= ContentEnd;

    public int ContentLength => ContentEnd - ContentStart;

    public SourcePosition PositionOf(int offset) => new(Number, offset - LineStart + 1);

    public SourcePosition ContentPosition => PositionOf(ContentStart);
}

/// <summary>The input split into lines once; LF, CRLF and lone CR all end a line.</summary>
/// <remarks>The line table is rented from the array pool (a large page's table would otherwise land in the large-object
/// heap on every parse); dispose the instance when the parse is over.</remarks>
internal sealed class SourceText : IDisposable
{
    private TextLine[]? _rented;

    private SourceText(string text, TextLine[] rented, int count)
    {
        Text = text;
        _rented = rented;
        Lines = new ArraySegment<TextLine>(rented, 0, count);
    }

    public string Text { get; }

    public ArraySegment<TextLine> Lines { get; }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _rented, null) is { } rented)
        {
            ArrayPool<TextLine>.Shared.Return(rented);
        }
    }

    public ReadOnlySpan<char> Content(scoped in TextLine line)
    {
        WorkCounter.Add(line.ContentLength + 1);
        return Text.AsSpan(line.ContentStart, line.ContentLength);
    }

    public string ContentString(in TextLine line)
    {
        WorkCounter.Add(line.ContentLength + 1);
        return Text.Substring(line.ContentStart, line.ContentLength);
    }

    public static SourceText Create(string text)
    {
        WorkCounter.Add(text.Length);
        var span = text.AsSpan();

        // Exact line count first (vectorised counts), so the table is allocated once at its final size.
        var count = span.Count('\n') + 1;
        var returns = span.Count('\r');
        if (returns > 0)
        {
            count += returns - span.Count("\r\n");
        }

        var lines = ArrayPool<TextLine>.Shared.Rent(count);
        var splitter = new LineSplitter(lines, span.Length > 0 && span[0] == '\uFEFF' ? 1 : 0);
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            // Sixteen characters per step: one mask of the line breaks among them, each break visited by its bit.
            // A page has a line break every few dozen characters, so this beats a search call per line.
            ref var first = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(span));
            var lf = Vector256.Create((ushort)'\n');
            var cr = Vector256.Create((ushort)'\r');
            for (; i <= span.Length - Vector256<ushort>.Count; i += Vector256<ushort>.Count)
            {
                var chunk = Vector256.LoadUnsafe(ref first, (nuint)i);
                var breaks = (Vector256.Equals(chunk, lf) | Vector256.Equals(chunk, cr)).ExtractMostSignificantBits();
                while (breaks != 0)
                {
                    splitter.Break(span, i + BitOperations.TrailingZeroCount(breaks));
                    breaks &= breaks - 1;
                }
            }
        }

        for (; i < span.Length; i++)
        {
            if (span[i] is '\n' or '\r')
            {
                splitter.Break(span, i);
            }
        }

        splitter.End(span);
        return new SourceText(text, lines, count);
    }

    /// <summary>Turns line breaks, visited in order, into the line table; a CRLF pair is one break.</summary>
    private ref struct LineSplitter(TextLine[] lines, int start)
    {
        private int _start = start;
        private int _number = 1;

        public void Break(ReadOnlySpan<char> text, int at)
        {
            if (at < _start)
            {
                return; // the LF of a CRLF pair, already consumed with its CR
            }

            lines[_number - 1] = Measure(text, _number, _start, at);
            _number++;
            _start = at + (text[at] == '\r' && at + 1 < text.Length && text[at + 1] == '\n' ? 2 : 1);
        }

        public void End(ReadOnlySpan<char> text) => lines[_number - 1] = Measure(text, _number, _start, text.Length);
    }

    private static TextLine Measure(ReadOnlySpan<char> text, int number, int start, int end)
    {
        var contentStart = start;
        while (contentStart < end && TextChars.IsSpace(text[contentStart]))
        {
            contentStart++;
        }

        var contentEnd = end;
        while (contentEnd > contentStart && TextChars.IsSpace(text[contentEnd - 1]))
        {
            contentEnd--;
        }

        return new TextLine(number, start, contentStart, contentEnd);
    }
}
