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
        var max = parser.Options.MaxInputLength;
        if (html.Length <= max)
        {
            return Parse(ToText(html), parser, cut: false);
        }

        // Not between the two halves of a surrogate pair.
        return Parse(ToText(html[..(char.IsHighSurrogate(html[max - 1]) ? max - 1 : max)]), parser, cut: true);
    }

    /// <summary>Parses an HTML page from a stream of its bytes: the encoding comes from a byte order mark, else from <c>&lt;meta charset&gt;</c> or <c>&lt;meta http-equiv="Content-Type"&gt;</c>, else UTF-8.</summary>
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
        var bounded = new BoundedReadStream(html, parser.Options.MaxInputBytes);
        return Parse(ToText(bounded), parser, bounded.Exceeded);
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
    public static ProjectParseResult Parse(ReadOnlySpan<byte> html, EsfProjectParser parser)
    {
        ArgumentNullException.ThrowIfNull(parser);
        var max = parser.Options.MaxInputBytes;
        var cut = html.Length > max;
        using var stream = new MemoryStream(html[..(int)Math.Min(html.Length, max)].ToArray(), writable: false);
        return Parse(ToText(stream), parser, cut);
    }

    /// <summary>Renders an HTML page to the text a browser shows, with the map from its lines back to the HTML.</summary>
    /// <param name="html">The HTML.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="html"/> is <see langword="null"/>.</exception>
    public static HtmlPageText ToText(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        using var document = Parser.ParseDocument(html);
        return TextRenderer.Render(document);
    }

    /// <summary>Renders an HTML page read from bytes (encoding as <see cref="Parse(Stream)"/> finds it).</summary>
    /// <param name="html">The stream, read to its end (not closed): without the input limit <see cref="Parse(Stream)"/> applies, so bound the stream when it is untrusted.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="html"/> is <see langword="null"/>.</exception>
    public static HtmlPageText ToText(Stream html)
    {
        ArgumentNullException.ThrowIfNull(html);
        using var document = Parser.ParseDocument(html);
        return TextRenderer.Render(document);
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

    /// <summary>Parses the rendered text and moves the diagnostics to the HTML; <paramref name="cut"/> says the HTML itself was longer than the input limit (ESF0006, once, at its start).</summary>
    private static ProjectParseResult Parse(HtmlPageText page, EsfProjectParser parser, bool cut)
    {
        var result = parser.Parse(page.Text);
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>(result.Diagnostics.Length + 1);
        if (cut && !result.Diagnostics.Any(d => d.Code == DiagnosticCodes.InputTooLong))
        {
            var descriptor = DiagnosticCodes.Find(DiagnosticCodes.InputTooLong)!;
            var message = string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat, parser.Options.MaxInputLength);
            diagnostics.Add(new Diagnostic(descriptor.Code, descriptor.Severity, 1, 1, message));
        }

        foreach (var d in result.Diagnostics)
        {
            var html = page.ToHtml(new SourcePosition(d.Line, d.Column));
            diagnostics.Add(d with { Line = html.Line, Column = html.Column });
        }

        return result with { Diagnostics = diagnostics.DrainToImmutable() };
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
