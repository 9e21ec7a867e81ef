using System.Buffers;
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

    internal EsfProjectParser(ProjectParserOptions options, IReadOnlyList<SectionHandler> handlers, IReadOnlyList<HeaderFieldHandler> fieldHandlers)
    {
        _config = new ParserConfiguration(options, handlers, fieldHandlers);
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
            text = text[..CutAt(text, max)];
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
        return PageParser.Parse(text[..CutAt(text, max)].ToString(), diagnostics, _config);
    }

    /// <summary>Parses a page from UTF-8 bytes, as read from a file.</summary>
    /// <param name="utf8">The page as UTF-8, with or without a BOM.</param>
    /// <returns>The project and its diagnostics.</returns>
    /// <remarks>Invalid UTF-8 does not stop the parse: each invalid sequence becomes U+FFFD and one ESF0003 error
    /// points at the first. Only as many bytes as make <see cref="ProjectParserOptions.MaxInputLength"/> characters are decoded.</remarks>
    public ProjectParseResult Parse(ReadOnlySpan<byte> utf8)
    {
        var diagnostics = NewBag();
        var max = _config.Options.MaxInputLength;
        var text = Decode(utf8, max, diagnostics, out var cut);
        if (cut)
        {
            diagnostics.Add(DiagnosticCodes.InputTooLong, new SourcePosition(1, 1), max);
        }

        return PageParser.Parse(text, diagnostics, _config);
    }

    /// <summary>Parses a page from a UTF-8 stream (the stream is not closed).</summary>
    /// <param name="utf8">The stream.</param>
    /// <returns>The project and its diagnostics.</returns>
    /// <remarks>At most as many bytes as can make <see cref="ProjectParserOptions.MaxInputLength"/> characters (three per
    /// character) and one more block are read: an endless stream ends with ESF0006, not with an exhausted memory.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="utf8"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">Reading the stream failed.</exception>
    public ProjectParseResult Parse(Stream utf8)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        var limit = MaxBytesFor(_config.Options.MaxInputLength);
        using var buffer = new MemoryStream();
        var block = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while (buffer.Length <= limit && (read = utf8.Read(block, 0, (int)Math.Min(block.Length, limit + 1 - buffer.Length))) > 0)
            {
                buffer.Write(block, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(block);
        }

        return Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <summary>The most UTF-8 bytes that can hold <paramref name="characters"/> UTF-16 code units (three each), capped below the largest array.</summary>
    internal static long MaxBytesFor(int characters) => Math.Min((3L * characters) + 3, Array.MaxLength - 1);

    private DiagnosticBag NewBag() => new(_config.Options.WarningsAsErrors);

    /// <summary>Where to cut a text at <paramref name="max"/> characters without splitting a surrogate pair.</summary>
    private static int CutAt(ReadOnlySpan<char> text, int max) => max > 0 && char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;

    /// <summary>
    /// Decodes at most <paramref name="max"/> characters: valid UTF-8 in one pass through a pooled buffer, invalid
    /// UTF-8 with each bad sequence replaced and ESF0003 at the first. <paramref name="cut"/> tells whether more followed.
    /// </summary>
    private static string Decode(ReadOnlySpan<byte> utf8, int max, DiagnosticBag diagnostics, out bool cut)
    {
        // UTF-8 never needs more UTF-16 code units than bytes, so a buffer of min(bytes, max + 1) tells "too long" apart.
        var size = (int)Math.Min(utf8.Length, (long)max + 1);
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, size));
        try
        {
            var status = Utf8.ToUtf16(utf8, buffer.AsSpan(0, size), out var read, out var written, replaceInvalidSequences: false);
            if (status == OperationStatus.InvalidData)
            {
                ReportInvalidUtf8(utf8, read, written, buffer, diagnostics);
                status = Utf8.ToUtf16(utf8, buffer.AsSpan(0, size), out _, out written, replaceInvalidSequences: true);
            }

            cut = status == OperationStatus.DestinationTooSmall || written > max;
            var length = Math.Min(written, max);
            if (cut && length > 0 && char.IsHighSurrogate(buffer[length - 1]))
            {
                length--;
            }

            return new string(buffer, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>ESF0003 at the first invalid byte: its position is the end of the text decoded before it, with the line rules of <see cref="SourceText"/>.</summary>
    private static void ReportInvalidUtf8(ReadOnlySpan<byte> utf8, int validBytes, int validChars, char[] decoded, DiagnosticBag diagnostics)
    {
        using var prefix = SourceText.Create(new string(decoded, 0, validChars));
        var position = prefix.Lines[^1].PositionOf(prefix.Text.Length);
        diagnostics.Add(DiagnosticCodes.InvalidUtf8, position, validBytes, utf8[validBytes]);
    }
}
