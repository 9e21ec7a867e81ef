using System.Collections.Immutable;
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
    public static ProjectParseResult Parse(string html, EsfProjectParser parser)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(parser);
        return Parse(ToText(html), parser);
    }

    /// <summary>Parses an HTML page from a stream of its bytes: the encoding comes from a byte order mark, else from <c>&lt;meta charset&gt;</c> or <c>&lt;meta http-equiv="Content-Type"&gt;</c>, else UTF-8.</summary>
    /// <param name="html">The stream, read to its end (not closed).</param>
    /// <returns>The project, with diagnostics positioned in the HTML.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="html"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">Reading the stream failed.</exception>
    public static ProjectParseResult Parse(Stream html) => Parse(html, EsfProjectParser.Default);

    /// <summary>Parses an HTML page from a stream of its bytes (encoding as <see cref="Parse(Stream)"/> finds it), with a parser of your own.</summary>
    /// <param name="html">The stream, read to its end (not closed).</param>
    /// <param name="parser">The parser of the rendered text.</param>
    /// <returns>The project, with diagnostics positioned in the HTML.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="IOException">Reading the stream failed.</exception>
    public static ProjectParseResult Parse(Stream html, EsfProjectParser parser)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(parser);
        return Parse(ToText(html), parser);
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
        using var stream = new MemoryStream(html.ToArray(), writable: false);
        return Parse(stream, parser);
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
    /// <param name="html">The stream, read to its end (not closed).</param>
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

    private static ProjectParseResult Parse(HtmlPageText page, EsfProjectParser parser)
    {
        var result = parser.Parse(page.Text);
        ImmutableArray<Diagnostic> diagnostics = [.. result.Diagnostics.Select(d =>
        {
            var html = page.ToHtml(new SourcePosition(d.Line, d.Column));
            return d with { Line = html.Line, Column = html.Column };
        })];
        return result with { Diagnostics = diagnostics };
    }
}
