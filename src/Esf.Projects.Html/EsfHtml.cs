using System.Collections.Immutable;
using System.Globalization;
using AngleSharp.Html.Parser;

namespace Esf.Projects.Html;

/// <summary>
/// Parses saved or scraped HTML pages of the ESF project bank: the HTML is rendered to the text a browser shows
/// (<see cref="ToText(string)"/>), that text is parsed by <see cref="EsfProjectParser"/> as a text page, and the
/// diagnostics are moved to where their lines come from in the HTML. Never throws for non-null input: malformed
/// HTML is repaired as browsers repair it (AngleSharp implements the HTML5 parsing algorithm).
/// </summary>
/// <remarks>
/// The model's own positions (<see cref="Section.Position"/>, <see cref="HeaderField.LabelPosition"/> …) are in the
/// rendered text; map them with <see cref="HtmlPageText.ToHtml"/>. The project bank's own HTML was not available when
/// this was written: the renderer is generic, tested on the structures such pages plausibly use.
/// </remarks>
public static class EsfHtml
{
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsKeepingSourceReferences = true });

    /// <summary>Parses an HTML page held in a string, with <see cref="EsfProjectParser.Default"/>.</summary>
    /// <param name="html">The HTML.</param>
    /// <returns>The project, with diagnostics positioned in the HTML.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="html"/> is <see langword="null"/>.</exception>
    public static ProjectParseResult Parse(string html) => Parse(html, EsfProjectParser.Default);

    /// <summary>Parses an HTML page held in a string, with a parser of your own (other labels, handlers, limits).</summary>
    /// <param name="html">The HTML.</param>
    /// <param name="parser">The parser of the rendered text.</param>
    /// <returns>The project, with diagnostics positioned in the HTML.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <remarks>HTML longer than the parser's <see cref="ProjectParserOptions.MaxInputLength"/> is cut there before it is read (ESF0006), as a text page is.</remarks>
    public static ProjectParseResult Parse(string html, EsfProjectParser parser)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(parser);
        return ParseText(html, parser, cut: false, [], out _);
    }

    /// <summary>
    /// Parses an HTML page from a stream of its bytes. The encoding is a byte order mark's; else the bytes decide as
    /// for a text page — UTF-8 when they are valid UTF-8, else Windows-1252 (ESF0011) — unless
    /// <c>&lt;meta charset&gt;</c> (or <c>http-equiv="Content-Type"</c>) declares a single-byte encoding the bytes
    /// agree with. A declaration the bytes contradict loses to them, with ESF0014.
    /// </summary>
    /// <param name="html">The stream, read to its end (not closed).</param>
    /// <returns>The project, with diagnostics positioned in the HTML.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="html"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">Reading the stream failed.</exception>
    public static ProjectParseResult Parse(Stream html) => Parse(html, EsfProjectParser.Default);

    /// <summary>Parses an HTML page from a stream of its bytes (encoding as <see cref="Parse(Stream)"/> finds it), with a parser of your own.</summary>
    /// <param name="html">The stream, read to its end or to the limit (not closed).</param>
    /// <param name="parser">The parser of the rendered text.</param>
    /// <returns>The project, with diagnostics positioned in the HTML.</returns>
    /// <remarks>At most <see cref="ProjectParserOptions.MaxInputBytes"/> bytes and one more are read: a longer page is cut there (ESF0006), and an endless stream ends.</remarks>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="IOException">Reading the stream failed.</exception>
    public static ProjectParseResult Parse(Stream html, EsfProjectParser parser)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(parser);
        return Parse(ReadBounded(html, parser.Options.MaxInputBytes), parser);
    }

    /// <summary>Parses an HTML page from its bytes, as <see cref="Parse(Stream)"/> does.</summary>
    /// <param name="html">The bytes.</param>
    /// <returns>The project, with diagnostics positioned in the HTML.</returns>
    public static ProjectParseResult Parse(ReadOnlySpan<byte> html) => Parse(html, EsfProjectParser.Default);

    /// <summary>Parses an HTML page from its bytes, as <see cref="Parse(Stream)"/> does, with a parser of your own.</summary>
    /// <param name="html">The bytes.</param>
    /// <param name="parser">The parser of the rendered text.</param>
    /// <returns>The project, with diagnostics positioned in the HTML.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="parser"/> is <see langword="null"/>.</exception>
    public static ProjectParseResult Parse(ReadOnlySpan<byte> html, EsfProjectParser parser) => Parse(html, parser, out _);

    /// <summary>Parses an HTML page from its bytes, as <see cref="Parse(Stream)"/> does, and says what was set aside as site chrome.</summary>
    /// <param name="html">The bytes.</param>
    /// <param name="parser">The parser of the rendered text.</param>
    /// <param name="setAside">The elements left out as site chrome (<see cref="HtmlPageText.SetAside"/>), for a listing such as <c>esf parse --verbose</c> prints.</param>
    /// <returns>The project, with diagnostics positioned in the HTML.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="parser"/> is <see langword="null"/>.</exception>
    public static ProjectParseResult Parse(ReadOnlySpan<byte> html, EsfProjectParser parser, out ImmutableArray<HtmlSetAside> setAside)
    {
        ArgumentNullException.ThrowIfNull(parser);
        var max = parser.Options.MaxInputBytes;
        var cut = html.Length > max;
        var text = HtmlEncoding.Decode(html[..(int)Math.Min(html.Length, max)], parser, out var diagnostics);
        return ParseText(text, parser, cut, diagnostics, out setAside);
    }

    /// <summary>Renders an HTML page to the text a browser shows, with the map from its lines back to the HTML.</summary>
    /// <param name="html">The HTML.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="html"/> is <see langword="null"/>.</exception>
    /// <remarks>Elements nested deeper than a browser builds (512) are flattened first, as a browser flattens them, so the cost stays linear in the page.</remarks>
    public static HtmlPageText ToText(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        return Render(html, out _, out _);
    }

    /// <summary>Renders an HTML page read from bytes (encoding as <see cref="Parse(Stream)"/> finds it).</summary>
    /// <param name="html">The stream, read to its end (not closed), so bound it when it is untrusted; the text is cut at the default parser's input limit.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="html"/> is <see langword="null"/>.</exception>
    public static HtmlPageText ToText(Stream html)
    {
        ArgumentNullException.ThrowIfNull(html);
        using var buffer = new MemoryStream();
        html.CopyTo(buffer);
        var bytes = new ReadOnlySpan<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
        return ToText(HtmlEncoding.Decode(bytes, EsfProjectParser.Default, out _));
    }

    /// <summary>
    /// Whether bytes look like an HTML page rather than page text: after a byte order mark and whitespace they begin
    /// with <c>&lt;!DOCTYPE html</c>, <c>&lt;html</c> or an HTML comment, in any case (UTF-8 or UTF-16).
    /// </summary>
    /// <param name="bytes">The start of the input (the first kilobyte is enough).</param>
    /// <returns>Whether to read it with <see cref="Parse(ReadOnlySpan{byte})"/>.</returns>
    public static bool LooksLikeHtml(ReadOnlySpan<byte> bytes)
    {
        Span<char> start = stackalloc char[16];
        var length = 0;
        var utf16 = bytes is [0xFF, 0xFE, ..] ? 1 : bytes is [0xFE, 0xFF, ..] ? 2 : 0;
        var i = utf16 != 0 ? 2 : bytes is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0;
        var step = utf16 != 0 ? 2 : 1;
        for (; i + step - 1 < bytes.Length && length < start.Length; i += step)
        {
            var c = (char)(utf16 == 1 ? bytes[i] | (bytes[i + 1] << 8) : utf16 == 2 ? (bytes[i] << 8) | bytes[i + 1] : bytes[i]);
            if (length == 0 && c is ' ' or '\t' or '\r' or '\n' or '\f')
            {
                continue;
            }

            start[length++] = c;
        }

        var text = start[..length];
        return text.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("<!--", StringComparison.Ordinal);
    }

    /// <summary>Renders the HTML (its nesting bounded first) and parses the text; <paramref name="flattened"/> counts the start tags set aside, the first at <paramref name="first"/>.</summary>
    private static HtmlPageText Render(string html, out int flattened, out int first)
    {
        var bounded = NestingLimit.Apply(html, out flattened, out first);
        using var document = Parser.ParseDocument(bounded);
        return TextRenderer.Render(document);
    }

    /// <summary>
    /// Parses decoded HTML: cut at the input limit (ESF0006, once, at its start), its nesting bounded (ESF0015 at the
    /// first tag set aside), rendered and parsed as text, with the decoding's diagnostics first and the text's moved to
    /// where their lines come from in the HTML.
    /// </summary>
    private static ProjectParseResult ParseText(string html, EsfProjectParser parser, bool cut, ImmutableArray<Diagnostic> inputDiagnostics, out ImmutableArray<HtmlSetAside> setAside)
    {
        var max = parser.Options.MaxInputLength;
        if (html.Length > max)
        {
            html = html[..(char.IsHighSurrogate(html[max - 1]) ? max - 1 : max)]; // not between the halves of a pair
            cut = true;
        }

        var page = Render(html, out var flattened, out var first);
        setAside = page.SetAside;
        var result = parser.Parse(page.Text);
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>(inputDiagnostics.Length + result.Diagnostics.Length + 2);
        diagnostics.AddRange(inputDiagnostics);
        if (cut && !diagnostics.Any(d => d.Code == DiagnosticCodes.InputTooLong) && !result.Diagnostics.Any(d => d.Code == DiagnosticCodes.InputTooLong))
        {
            diagnostics.Add(Make(DiagnosticCodes.InputTooLong, 1, 1, max));
        }

        if (flattened > 0)
        {
            var (line, column) = PositionOf(html, first);
            diagnostics.Add(Make(DiagnosticCodes.HtmlNestedTooDeeply, line, column, flattened, NestingLimit.MaxDepth));
        }

        foreach (var d in result.Diagnostics)
        {
            var at = page.ToHtml(new SourcePosition(d.Line, d.Column));
            diagnostics.Add(new Diagnostic(d.Code, d.Severity, Math.Max(1, at.Line), Math.Max(1, at.Column), d.Message));
        }

        return new ProjectParseResult(result.Project, diagnostics.DrainToImmutable());
    }

    /// <summary>A diagnostic of the catalogue with its message formatted.</summary>
    internal static Diagnostic Make(string code, int line, int column, params object[] args)
    {
        var descriptor = DiagnosticCodes.Find(code)!;
        return new Diagnostic(code, descriptor.Severity, line, column, string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat, args));
    }

    /// <summary>The 1-based line and column of an index, lines ending at LF, CRLF or a lone CR as the parser counts them.</summary>
    private static (int Line, int Column) PositionOf(string text, int index)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, index - lineStart + 1);
    }

    /// <summary>A stream's bytes up to <paramref name="limit"/> and one more (so a longer page is seen to be cut), never more.</summary>
    private static byte[] ReadBounded(Stream stream, long limit)
    {
        var bounded = new BoundedReadStream(stream, limit);
        using var buffer = new MemoryStream();
        bounded.CopyTo(buffer);
        if (bounded.Exceeded)
        {
            buffer.WriteByte(0); // one byte past the limit: Parse sees the page is longer and cuts it (ESF0006)
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// A read-only view of a stream that ends after <c>limit</c> bytes; on reaching the limit it reads one byte more
    /// to tell whether the stream went on (<see cref="Exceeded"/>). The HTML parser reads through it, so an endless
    /// or huge stream costs at most the input limit.
    /// </summary>
    private sealed class BoundedReadStream(Stream inner, long limit) : Stream
    {
        private long _left = limit;

        /// <summary>Whether the stream held more than the limit.</summary>
        public bool Exceeded { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_left == 0)
            {
                Exceeded = Exceeded || inner.Read(stackalloc byte[1]) > 0;
                return 0;
            }

            var read = inner.Read(buffer[..(int)Math.Min(buffer.Length, _left)]);
            _left -= read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
