using System.Collections.Immutable;
using System.Text;
using Esf.Projects.Diagnostics;
using Esf.Projects.Handlers;
using Esf.Projects.Model;
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
/// <para><c>Parse</c> never throws for any non-null input, even when a custom handler throws (that becomes ESF0303).</para>
/// </remarks>
public sealed class EsfProjectParser
{
    private readonly ParserConfiguration _config;

    internal EsfProjectParser(ProjectParserOptions options, IReadOnlyList<SectionHandler> handlers, IReadOnlyList<HeaderFieldHandler> fieldHandlers)
    {
        _config = new ParserConfiguration(options, handlers, fieldHandlers);
    }

    /// <summary>The parser with the default options and the built-in handlers, as <see cref="ProjectParser"/> uses it.</summary>
    public static EsfProjectParser Default { get; } = new ProjectParserBuilder().Build();

    /// <summary>The header field handlers in the order they run.</summary>
    public ImmutableArray<HeaderFieldHandler> HeaderFieldHandlers => [.. _config.FieldHandlers];

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
        return Run(text, NewBag());
    }

    /// <summary>Parses a page held in a span of characters.</summary>
    /// <param name="text">The page text.</param>
    /// <returns>The project and its diagnostics.</returns>
    /// <remarks>The result's strings outlive the span, so the text is copied once into a string first.</remarks>
    public ProjectParseResult Parse(ReadOnlySpan<char> text) => Run(text.ToString(), NewBag());

    /// <summary>Parses a page from UTF-8 bytes, as read from a file.</summary>
    /// <param name="utf8">The page as UTF-8, with or without a BOM.</param>
    /// <returns>The project and its diagnostics.</returns>
    /// <remarks>Invalid UTF-8 does not stop the parse: each invalid sequence becomes U+FFFD and one ESF0003 error
    /// points at the first.</remarks>
    public ProjectParseResult Parse(ReadOnlySpan<byte> utf8)
    {
        var diagnostics = NewBag();
        if (TryDecodeValid(utf8) is not { } text)
        {
            text = Encoding.UTF8.GetString(utf8);
            ReportInvalidUtf8(utf8, diagnostics);
        }

        return Run(text, diagnostics);
    }

    /// <summary>Pages up to this many bytes are decoded through a pooled buffer; larger ones directly (a pooled
    /// buffer that size would stay in the pool after the parse).</summary>
    private const int PooledDecodeLimit = 1 << 20;

    /// <summary>
    /// Decodes and validates in one pass (UTF-8 never needs more UTF-16 code units than bytes), then copies the
    /// characters into the string: faster than <c>Encoding.UTF8.GetString</c>, which measures and then decodes,
    /// followed by a separate validation. <see langword="null"/> when the bytes are not valid UTF-8.
    /// </summary>
    private static string? TryDecodeValid(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > PooledDecodeLimit)
        {
            return System.Text.Unicode.Utf8.IsValid(utf8) ? Encoding.UTF8.GetString(utf8) : null;
        }

        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(utf8.Length);
        try
        {
            var status = System.Text.Unicode.Utf8.ToUtf16(utf8, buffer, out _, out var written, replaceInvalidSequences: false);
            return status == System.Buffers.OperationStatus.Done ? new string(buffer, 0, written) : null;
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>Parses a page from a UTF-8 stream, read to its end (the stream is not closed).</summary>
    /// <param name="utf8">The stream.</param>
    /// <returns>The project and its diagnostics.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">Reading the stream failed.</exception>
    public ProjectParseResult Parse(Stream utf8)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        using var buffer = new MemoryStream();
        utf8.CopyTo(buffer);
        return Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    private DiagnosticBag NewBag() => new(_config.Options.WarningsAsErrors);

    private ProjectParseResult Run(string text, DiagnosticBag diagnostics)
    {
        var max = Math.Max(0, _config.Options.MaxInputLength);
        if (text.Length > max)
        {
            diagnostics.Add(DiagnosticCodes.InputTooLong, new SourcePosition(1, 1), DiagnosticMessages.InputTooLong(text.Length, max));
            var cut = max > 0 && char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
            text = text[..cut];
        }

        return PageParser.Parse(text, diagnostics, _config);
    }

    private static void ReportInvalidUtf8(ReadOnlySpan<byte> utf8, DiagnosticBag diagnostics)
    {
        var valid = 0;
        var rest = utf8;
        while (!rest.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(rest, out _, out var consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                break;
            }

            valid += consumed;
            rest = rest[consumed..];
        }

        // The invalid byte's position: the end of the text decoded before it, with SourceText's line rules.
        using var prefix = SourceText.Create(Encoding.UTF8.GetString(utf8[..valid]));
        var position = prefix.Lines[^1].PositionOf(prefix.Text.Length);
        diagnostics.Add(DiagnosticCodes.InvalidUtf8, position, DiagnosticMessages.InvalidUtf8(valid, utf8[valid]));
    }
}
