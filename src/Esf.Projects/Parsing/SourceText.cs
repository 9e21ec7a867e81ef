using System.Buffers;
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
    private static readonly SearchValues<char> LineBreaks = SearchValues.Create("\r\n");

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
        var start = span.Length > 0 && span[0] == '\uFEFF' ? 1 : 0;
        var number = 1;
        while (true)
        {
            var rest = span[start..];
            var breakAt = returns == 0 ? rest.IndexOf('\n') : rest.IndexOfAny(LineBreaks);
            var end = breakAt < 0 ? span.Length : start + breakAt;
            lines[number - 1] = Measure(span, number, start, end);
            if (breakAt < 0)
            {
                break;
            }

            start = end + (span[end] == '\r' && end + 1 < span.Length && span[end + 1] == '\n' ? 2 : 1);
            number++;
        }

        return new SourceText(text, lines, count);
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
