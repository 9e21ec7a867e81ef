using Esf.Projects.Parsing;

namespace Esf.Projects.Handlers;

/// <summary>
/// What a <see cref="SectionHandler"/> gets: the section as parsed (heading, blocks, text), its raw lines as spans
/// over the input with their positions, and a sink for diagnostics. Valid only during the call.
/// </summary>
/// <remarks>A <c>ref struct</c>: the lines are slices of the page, not copies, so a handler that only reads costs no allocation.</remarks>
public readonly ref struct SectionContext
{
    private readonly SourceText _source;
    private readonly int _firstLine;
    private readonly DiagnosticBag _diagnostics;
    private readonly SectionHandler _handler;

    internal SectionContext(Section section, SourceText source, int firstLine, int lineCount, DiagnosticBag diagnostics, SectionHandler handler, ListSectionKind? listKind, ProseSectionKind? proseKind, System.Collections.Immutable.ImmutableArray<string> listItems)
    {
        ListItems = listItems;
        Section = section;
        _source = source;
        _firstLine = firstLine;
        LineCount = lineCount;
        _diagnostics = diagnostics;
        _handler = handler;
        ListKind = listKind;
        ProseKind = proseKind;
    }

    /// <summary>Which list section this is, when the parser's vocabulary names its heading as one (<see cref="Vocabulary.ListHeadings"/>).</summary>
    public ListSectionKind? ListKind { get; }

    /// <summary>
    /// In a list section (<see cref="ListKind"/>), the texts of the items the parser read — every line an item,
    /// unmarked continuation lines joined — in page order, the same strings the section's <see cref="ListBlock"/>
    /// reads as; empty in other sections. Return them in a <see cref="Lists.ListSectionData"/> to make them the
    /// project's list without a copy.
    /// </summary>
    public System.Collections.Immutable.ImmutableArray<string> ListItems { get; }

    /// <summary>Which prose section this is, when the parser's vocabulary names its heading as one (<see cref="Vocabulary.ProseHeadings"/>).</summary>
    public ProseSectionKind? ProseKind { get; }

    /// <summary>The section: <see cref="Section.Heading"/>, typed <see cref="Section.Blocks"/>, plain <see cref="Section.Text"/>.</summary>
    public Section Section { get; }

    /// <summary>The heading as written (a handler only sees headed sections).</summary>
    public string Heading => Section.Heading ?? string.Empty;

    /// <summary>The number of raw lines after the heading, blank lines included.</summary>
    public int LineCount { get; }

    /// <summary>A raw line of the section, without its line ending and without leading and trailing white space.</summary>
    /// <param name="index">0-based, below <see cref="LineCount"/>.</param>
    /// <returns>The line's text, a slice of the input.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the section.</exception>
    public ReadOnlySpan<char> GetLine(int index) => _source.Content(_source.Lines[_firstLine + CheckIndex(index)]);

    /// <summary>Where a raw line's text starts (1-based line and column in the input).</summary>
    /// <param name="index">0-based, below <see cref="LineCount"/>.</param>
    /// <returns>The position, for diagnostics.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the section.</exception>
    public SourcePosition GetLinePosition(int index) => _source.Lines[_firstLine + CheckIndex(index)].ContentPosition;

    /// <summary>Reports a problem found in the section.</summary>
    /// <param name="severity">Its severity (raised to error when the parser treats warnings as errors).</param>
    /// <param name="code">Your own code, such as <c>TGT001</c>: one short line; codes starting with <c>ESF</c> are the library's and are refused.</param>
    /// <param name="message">An English sentence saying what is wrong and what was done about it.</param>
    /// <param name="position">Where, usually from <see cref="GetLinePosition"/> or a block's position; a position outside the input is moved to its nearest point inside.</param>
    /// <exception cref="ArgumentException"><paramref name="code"/> or <paramref name="message"/> is blank, or the code starts with <c>ESF</c> or holds a line break.</exception>
    public void Report(DiagnosticSeverity severity, string code, string message, SourcePosition position)
    {
        HandlerDiagnostics.CheckCustom(code, message);
        var lines = _source.Lines;
        var line = Math.Clamp(position.Line, 1, Math.Max(1, lines.Count));
        var maxColumn = lines.Count == 0 ? 1 : lines[line - 1].ContentEnd - lines[line - 1].LineStart + 1;
        _diagnostics.AddCustom(code, severity, new SourcePosition(line, Math.Clamp(position.Column, 1, Math.Max(1, maxColumn))), message);
    }

    /// <summary>The name of the handler being run, as it appears in diagnostics.</summary>
    public string HandlerName => _handler.Name;

    private int CheckIndex(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, LineCount);
        return index;
    }
}
