namespace Esf.Projects.Handlers.Prose;

/// <summary>A prose section recognised by its heading.</summary>
public sealed record ProseSectionData
{
    private LazyText _text;

    /// <summary>Creates the result from a string.</summary>
    /// <param name="kind">What the section is about.</param>
    /// <param name="text">The section's plain text.</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public ProseSectionData(ProseSectionKind kind, string text)
    {
        Kind = kind;
        _text = new(text);
    }

    /// <summary>Creates the result over existing memory (the section's <see cref="Section.TextMemory"/>), without copying it.</summary>
    /// <param name="kind">What the section is about.</param>
    /// <param name="text">The section's plain text.</param>
    public ProseSectionData(ProseSectionKind kind, ReadOnlyMemory<char> text)
    {
        Kind = kind;
        _text = new(text);
    }

    /// <summary>What the section is about, whatever language its heading is in.</summary>
    public ProseSectionKind Kind { get; }

    /// <summary>The section's plain text (paragraphs separated by a blank line); a string made on first read and kept.</summary>
    public string Text => _text.Value;

    /// <summary>The same characters as <see cref="Text"/> without making a string.</summary>
    public ReadOnlyMemory<char> TextMemory => _text.Memory;
}

/// <summary>
/// Built-in handler that names the prose sections: <c>project.GetSectionData&lt;ProseSectionData&gt;()</c> finds the
/// summary without knowing whether the page says <c>Sammanfattning</c> or <c>Summary</c>. It claims the headings of
/// <see cref="Vocabulary.ProseHeadings"/> in the parser's languages.
/// </summary>
public sealed class ProseSectionHandler : SectionHandler<ProseSectionData>
{
    /// <summary>Creates the handler.</summary>
    public ProseSectionHandler()
        : base(HeadingMatcher.ProseSections())
    {
    }

    /// <inheritdoc />
    public override ProseSectionData? Handle(SectionContext context) =>
        context.ProseKind is { } kind ? new ProseSectionData(kind, context.Section.TextMemory) : null;
}
