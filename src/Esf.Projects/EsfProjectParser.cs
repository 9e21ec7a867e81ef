using System.Collections.Immutable;
using System.Text;
using System.Text.Unicode;
using Esf.Projects.Handlers;
using Esf.Projects.Parsing;

namespace Esf.Projects;

/// <summary>
/// A configured, immutable page parser: build one with <see cref="ProjectParserBuilder"/> (or resolve it from
/// dependency injection after <c>services.AddEsfProjectParser(…)</c>) and share it — it is thread-safe.
/// <see cref="ProjectParser"/>'s static methods use <see cref="Default"/>.
/// </summary>
/// <remarks>
/// <para>Named apart from <see cref="ProjectParser"/> because C# cannot have a static and an instance
/// <c>Parse(string)</c> on one type; the name matches <c>AddEsfProjectParser</c>, which registers it.</para>
/// <para><c>Parse</c> never throws for any non-null input, even when a custom handler throws (that becomes ESF0303).
/// The input limit (<see cref="ProjectParserOptions.MaxInputLength"/>) applies before decoding: bytes and streams
/// beyond it are not decoded or read.</para>
/// </remarks>
public sealed class EsfProjectParser
{
    private readonly ParserConfiguration _config;

    internal EsfProjectParser(ProjectParserOptions options, IReadOnlyList<SectionHandler> handlers, IReadOnlyList<HeaderFieldHandler> fieldHandlers, IReadOnlyList<Layouts.PageLayoutReader> layouts)
    {
        _config = new ParserConfiguration(options, handlers, fieldHandlers, layouts);
    }

    /// <summary>The parser with the default options and the built-in handlers and fields, as <see cref="ProjectParser"/> uses it.</summary>
    public static EsfProjectParser Default { get; } = new ProjectParserBuilder().Build();

    /// <summary>The header fields in the order they run (the built-in <see cref="EsfHeaderFields"/> and any added).</summary>
    public ImmutableArray<HeaderFieldHandler> HeaderFields => [.. _config.FieldHandlers];

    /// <summary>The frozen settings, for readers of the JSON that must read a value as this parser does.</summary>
    internal Parsing.ParserConfiguration Configuration => _config;

    /// <summary>The options this parser was built with.</summary>
    public ProjectParserOptions Options => _config.Options;

    /// <summary>The section handlers in the order they run.</summary>
    public ImmutableArray<SectionHandler> SectionHandlers => [.. _config.Handlers];

    /// <summary>The layout readers, in the order a tie of evidence is decided (the built-in ones and any added).</summary>
    public ImmutableArray<Layouts.PageLayoutReader> Layouts => [.. _config.Layouts];

    /// <summary>Parses a page.</summary>
    /// <param name="text">The page text; a leading BOM and any line-ending convention are accepted.</param>
    /// <returns>The project and its diagnostics.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public ProjectParseResult Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var diagnostics = NewBag();
        var max = _config.Options.MaxInputLength;
        if (text.Length > max)
        {
            diagnostics.Add(DiagnosticCodes.InputTooLong, new SourcePosition(1, 1), max);
            text = text[..InputDecoder.CutAt(text, max)];
        }

        return PageParser.Parse(text, diagnostics, _config);
    }

    /// <summary>Parses a page held in a span of characters.</summary>
    /// <param name="text">The page text.</param>
    /// <returns>The project and its diagnostics.</returns>
    /// <remarks>The result's strings outlive the span, so the text is copied once into a string first (up to the input limit).</remarks>
    public ProjectParseResult Parse(ReadOnlySpan<char> text)
    {
        var max = _config.Options.MaxInputLength;
        if (text.Length <= max)
        {
            return Parse(text.ToString());
        }

        var diagnostics = NewBag();
        diagnostics.Add(DiagnosticCodes.InputTooLong, new SourcePosition(1, 1), max);
        return PageParser.Parse(text[..InputDecoder.CutAt(text, max)].ToString(), diagnostics, _config);
    }

    /// <summary>Parses a page from its bytes, as read from a file: a byte order mark decides the encoding, else UTF-8, else the fallback encoding.</summary>
    /// <param name="utf8">The page's bytes: UTF-8 with or without a BOM, UTF-16 or UTF-32 with a BOM, or (without a BOM) text in <see cref="ProjectParserOptions.FallbackEncoding"/>.</param>
    /// <returns>The project and its diagnostics.</returns>
    /// <remarks>
    /// <para>A BOM decides: UTF-8, UTF-16 LE or BE, UTF-32 LE or BE. Without one, valid UTF-8 is UTF-8. Bytes that are not
    /// valid UTF-8 but read cleanly in <see cref="ProjectParserOptions.FallbackEncoding"/> (Windows-1252 by default:
    /// no undefined byte, no control character a page never holds) are read in it, with the warning ESF0011;
    /// otherwise each invalid sequence becomes U+FFFD and one ESF0003 error points at the first.
    /// <see cref="ProjectParserOptions.InputEncoding"/> skips the guessing. Invalid sequences in a BOM-marked or forced
    /// encoding become U+FFFD with ESF0012.</para>
    /// <para>Only as many bytes as make <see cref="ProjectParserOptions.MaxInputLength"/> characters are decoded. Compare
    /// <see cref="File.ReadAllText(string)"/>: it reads a Windows-1252 file as UTF-8 and silently replaces every å, ä
    /// and ö with U+FFFD before the parser sees the text, so prefer the bytes.</para>
    /// </remarks>
    public ProjectParseResult Parse(ReadOnlySpan<byte> utf8)
    {
        var diagnostics = NewBag();
        var max = _config.Options.MaxInputLength;
        var text = InputDecoder.Decode(utf8, _config.Options, diagnostics, out var cut);
        if (cut)
        {
            diagnostics.Add(DiagnosticCodes.InputTooLong, new SourcePosition(1, 1), max);
        }

        return PageParser.Parse(text, diagnostics, _config);
    }

    /// <summary>Parses a page from a stream of its bytes (the stream is not closed); the encoding is found as <see cref="Parse(ReadOnlySpan{byte})"/> finds it.</summary>
    /// <param name="utf8">The stream.</param>
    /// <returns>The project and its diagnostics.</returns>
    /// <remarks>At most as many bytes as can make <see cref="ProjectParserOptions.MaxInputLength"/> characters (four per
    /// character, as UTF-32 needs) and one byte more are read: an endless stream ends with ESF0006, not with an exhausted memory.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="utf8"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">Reading the stream failed.</exception>
    public ProjectParseResult Parse(Stream utf8)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        var bytes = InputDecoder.ReadBounded(utf8, _config.Options.MaxInputBytes);
        return Parse(bytes.AsSpan());
    }

    /// <summary>
    /// Decodes a page's bytes to text exactly as <see cref="Parse(ReadOnlySpan{byte})"/> does — a byte order mark,
    /// else UTF-8, else <see cref="ProjectParserOptions.FallbackEncoding"/> (ESF0011), or
    /// <see cref="ProjectParserOptions.InputEncoding"/> — and cut at <see cref="ProjectParserOptions.MaxInputLength"/>
    /// (ESF0006), without parsing it: for readers of another format (HTML) that render the text before parsing it.
    /// </summary>
    /// <param name="bytes">The page's bytes.</param>
    /// <param name="diagnostics">What decoding found (ESF0003, ESF0006, ESF0011, ESF0012), each at line 1, column 1: they concern the input as a whole.</param>
    /// <returns>The text (a UTF-8 byte order mark is kept, as the parser skips it).</returns>
    public string Decode(ReadOnlySpan<byte> bytes, out ImmutableArray<Diagnostic> diagnostics)
    {
        var bag = NewBag();
        var text = InputDecoder.Decode(bytes, _config.Options, bag, out var cut);
        if (cut)
        {
            bag.Add(DiagnosticCodes.InputTooLong, new SourcePosition(1, 1), _config.Options.MaxInputLength);
        }

        diagnostics = [.. bag.ToSortedArray().Select(d => new Diagnostic(d.Code, d.Severity, 1, 1, d.Message))];
        return text;
    }

    private DiagnosticBag NewBag() => new(_config.Options.WarningsAsErrors, _config.Options.MaxDiagnosticsPerCode);
}
