namespace Esf.Projects;

/// <summary>
/// Parses the text of an ESF project page (the Swedish European Social Fund's project bank) into an
/// <see cref="EsfProject"/> with positioned <see cref="Diagnostic"/>s.
/// </summary>
/// <remarks>
/// <para>Parsing never throws for any text: empty, binary, truncated or huge input gives a (partial) project and
/// diagnostics saying what is wrong. Only a <see langword="null"/> argument throws. Time and memory are linear in
/// the input; no regular expression runs on it. The page's layout (2007–2013 print export, 2014–2020, ESF+
/// 2021–2027) is recognised from the page itself; <see cref="EsfProject.Layout"/> says which.</para>
/// <para>All members are thread-safe and culture-independent: the same text gives the same result under any
/// <c>CultureInfo.CurrentCulture</c>.</para>
/// <para>These static methods use <see cref="EsfProjectParser.Default"/>; build your own <see cref="EsfProjectParser"/>
/// with <see cref="ProjectParserBuilder"/> for other labels, handlers or limits.</para>
/// </remarks>
public static class ProjectParser
{
    /// <summary>Parses a page.</summary>
    /// <param name="text">The page text; a leading BOM and any line-ending convention are accepted.</param>
    /// <returns>The project and its diagnostics.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static ProjectParseResult Parse(string text) => EsfProjectParser.Default.Parse(text);

    /// <summary>Parses a page held in a span of characters.</summary>
    /// <param name="text">The page text.</param>
    /// <returns>The project and its diagnostics.</returns>
    /// <remarks>The result's strings outlive the span, so the text is copied once into a string first.</remarks>
    public static ProjectParseResult Parse(ReadOnlySpan<char> text) => EsfProjectParser.Default.Parse(text);

    /// <summary>Parses a page from its bytes, as read from a file; prefer this to <see cref="File.ReadAllText(string)"/>, which turns a Windows-1252 page's å, ä and ö into U+FFFD before the parser can tell.</summary>
    /// <param name="utf8">The page: UTF-8 with or without a BOM, UTF-16 or UTF-32 with a BOM, or Windows-1252.</param>
    /// <returns>The project and its diagnostics.</returns>
    /// <remarks>A BOM decides the encoding; without one, valid UTF-8 is UTF-8, and bytes that read cleanly as
    /// Windows-1252 are read so, with the warning ESF0011. Anything else does not stop the parse: each invalid sequence
    /// becomes U+FFFD and one ESF0003 error points at the first. <see cref="EsfProjectParser.Parse(ReadOnlySpan{byte})"/> says more.</remarks>
    public static ProjectParseResult Parse(ReadOnlySpan<byte> utf8) => EsfProjectParser.Default.Parse(utf8);

    /// <summary>Parses a page from a stream of its bytes, read to its end (the stream is not closed); the encoding is found as <see cref="Parse(ReadOnlySpan{byte})"/> finds it.</summary>
    /// <param name="utf8">The stream.</param>
    /// <returns>The project and its diagnostics.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">Reading the stream failed.</exception>
    public static ProjectParseResult Parse(Stream utf8) => EsfProjectParser.Default.Parse(utf8);
}
