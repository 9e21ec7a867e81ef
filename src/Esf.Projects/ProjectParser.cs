using System.Text;
using Esf.Projects.Diagnostics;
using Esf.Projects.Model;
using Esf.Projects.Parsing;

namespace Esf.Projects;

/// <summary>
/// Parses the text of an ESF project page (the Swedish European Social Fund's project bank) into an
/// <see cref="EsfProject"/> with positioned <see cref="Diagnostic"/>s.
/// </summary>
/// <remarks>
/// <para>Parsing never throws for any text: empty, binary, truncated or huge input gives a (partial) project and
/// diagnostics saying what is wrong. Only a <see langword="null"/> argument throws. Time and memory are linear in
/// the input; no regular expression runs on it.</para>
/// <para>All members are thread-safe and culture-independent: the same text gives the same result under any
/// <see cref="System.Globalization.CultureInfo.CurrentCulture"/>.</para>
/// </remarks>
public static class ProjectParser
{
    /// <summary>Parses a page.</summary>
    /// <param name="text">The page text; a leading BOM and any line-ending convention are accepted.</param>
    /// <returns>The project and its diagnostics.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static ProjectParseResult Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return PageParser.Parse(text, new DiagnosticBag());
    }

    /// <summary>Parses a page held in a span of characters.</summary>
    /// <param name="text">The page text.</param>
    /// <returns>The project and its diagnostics.</returns>
    /// <remarks>The result's strings outlive the span, so the text is copied once into a string first.</remarks>
    public static ProjectParseResult Parse(ReadOnlySpan<char> text) => PageParser.Parse(text.ToString(), new DiagnosticBag());

    /// <summary>Parses a page from UTF-8 bytes, as read from a file.</summary>
    /// <param name="utf8">The page as UTF-8, with or without a BOM.</param>
    /// <returns>The project and its diagnostics.</returns>
    /// <remarks>Invalid UTF-8 does not stop the parse: each invalid sequence becomes U+FFFD and one
    /// <see cref="DiagnosticCodes.InvalidUtf8"/> error is reported at the first one.</remarks>
    public static ProjectParseResult Parse(ReadOnlySpan<byte> utf8)
    {
        var diagnostics = new DiagnosticBag();
        var text = Encoding.UTF8.GetString(utf8);
        if (!System.Text.Unicode.Utf8.IsValid(utf8))
        {
            ReportInvalidUtf8(utf8, diagnostics);
        }

        return PageParser.Parse(text, diagnostics);
    }

    /// <summary>Parses a page from a stream of UTF-8 bytes, reading it to the end; the stream is not closed.</summary>
    /// <param name="utf8">A readable stream of UTF-8 text.</param>
    /// <returns>The project and its diagnostics.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8"/> is <see langword="null"/>.</exception>
    public static ProjectParseResult Parse(Stream utf8)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        using var buffer = new MemoryStream();
        utf8.CopyTo(buffer);
        return Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    private static void ReportInvalidUtf8(ReadOnlySpan<byte> utf8, DiagnosticBag diagnostics)
    {
        var valid = 0;
        var rest = utf8;
        while (!rest.IsEmpty)
        {
            var status = System.Text.Rune.DecodeFromUtf8(rest, out _, out var consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                break;
            }

            valid += consumed;
            rest = rest[consumed..];
        }

        // The invalid byte's position: the end of the text decoded before it, with SourceText's line rules.
        var prefix = SourceText.Create(Encoding.UTF8.GetString(utf8[..valid]));
        var position = prefix.Lines[^1].PositionOf(prefix.Text.Length);
        diagnostics.Add(DiagnosticCodes.InvalidUtf8, position, DiagnosticMessages.InvalidUtf8(valid, utf8[valid]));
    }
}
