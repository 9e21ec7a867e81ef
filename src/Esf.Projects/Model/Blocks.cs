using System.Collections.Immutable;
using Esf.Projects.Fields;
using NodaTime;

namespace Esf.Projects;

/// <summary>A piece of a section's content. Switch on the concrete type: <see cref="ParagraphBlock"/>,
/// <see cref="ListBlock"/>, <see cref="SubHeadingBlock"/>, <see cref="LabelBlock"/>, <see cref="RuleBlock"/>,
/// <see cref="ClarificationBlock"/>; the ones with text share <see cref="TextBlock"/>.</summary>
/// <param name="Position">Where the block's first line starts.</param>
public abstract record Block(SourcePosition Position)
{
    /// <summary>Where the block's first line starts.</summary>
    public SourcePosition Position { get; } = Position;
}

/// <summary>
/// A block that carries text: <see cref="ParagraphBlock"/>, <see cref="SubHeadingBlock"/>, <see cref="LabelBlock"/>,
/// <see cref="ClarificationBlock"/>. <see cref="Text"/> is made into a string on first read and kept;
/// <see cref="TextMemory"/> gives the same characters without making one (see <see cref="Section"/>'s remarks).
/// </summary>
public abstract record TextBlock : Block
{
    private LazyText _text;

    /// <summary>Creates the block from a string.</summary>
    /// <param name="position">Where the block starts.</param>
    /// <param name="text">Its text.</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    protected TextBlock(SourcePosition position, string text)
        : base(position) => _text = new(text);

    /// <summary>Creates the block over existing memory, without copying it (the parser's way).</summary>
    /// <param name="position">Where the block starts.</param>
    /// <param name="text">Its text.</param>
    protected TextBlock(SourcePosition position, ReadOnlyMemory<char> text)
        : base(position) => _text = new(text);

    /// <summary>The block's text; a string made on first read and kept. What it holds depends on the kind of block.</summary>
    public string Text => _text.Value;

    /// <summary>The same characters as <see cref="Text"/> without making a string: a slice of the input when the page
    /// already holds them in that form, otherwise of the section's <see cref="Section.TextMemory"/>.</summary>
    public ReadOnlyMemory<char> TextMemory => _text.Memory;

    /// <summary>The block's text, as a reader sees it (every kind of text block prints so).</summary>
    /// <returns><see cref="Text"/>.</returns>
    public sealed override string ToString() => Text;
}

/// <summary>Consecutive lines of prose; <see cref="TextBlock.Text"/> is the lines, trimmed and joined with <c>\n</c>.</summary>
public sealed record ParagraphBlock : TextBlock
{
    /// <summary>Creates a paragraph from a string.</summary>
    /// <param name="position">Where the paragraph starts.</param>
    /// <param name="text">The lines, trimmed and joined with <c>\n</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public ParagraphBlock(SourcePosition position, string text)
        : base(position, text)
    {
    }

    /// <summary>Creates a paragraph over existing memory, without copying it.</summary>
    /// <param name="position">Where the paragraph starts.</param>
    /// <param name="text">The lines, trimmed and joined with <c>\n</c>.</param>
    public ParagraphBlock(SourcePosition position, ReadOnlyMemory<char> text)
        : base(position, text)
    {
    }
}

/// <summary>A list: consecutive items with markers (blank lines between items of one marker kind do not end it).</summary>
/// <param name="Position">Where the first item starts.</param>
/// <param name="Items">The items in page order.</param>
public sealed record ListBlock(SourcePosition Position, ImmutableArray<ListItem> Items) : Block(Position)
{
    /// <summary>The items in page order.</summary>
    public ImmutableArray<ListItem> Items { get; } = Items;

    /// <summary>Compares the position and the items, item by item.</summary>
    /// <param name="other">The other list.</param>
    /// <returns>Whether the lists are equal.</returns>
    public bool Equals(ListBlock? other) => other is not null && Position == other.Position && Items.SequenceEqual(other.Items);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Position, Items.Length);

    /// <summary>The items, one per line with a bullet: <c>• Kävlinge\n• Lomma</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Join("\n", Items.Select(i => "• " + i.Text));
}

/// <summary>One list item: a value, so a list of a hundred thousand items is one array and no object per item.</summary>
/// <remarks>
/// Equality compares the position, the marker and the text (ordinal), never where the text is stored.
/// <see cref="Text"/> makes a string on every read unless the item was created from one (the parser creates items
/// over the page, so it does not): read it once and keep it, or use <see cref="TextMemory"/>.
/// </remarks>
public readonly record struct ListItem
{
    private readonly ReadOnlyMemory<char> _text;

    /// <summary>Creates an item from a string; <see cref="Text"/> returns that very string.</summary>
    /// <param name="position">Where the item's marker starts.</param>
    /// <param name="marker">The marker kind written.</param>
    /// <param name="text">The item text without its marker.</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public ListItem(SourcePosition position, ListMarkerKind marker, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Position = position;
        Marker = marker;
        _text = text.AsMemory();
    }

    /// <summary>Creates an item over existing memory, without copying it.</summary>
    /// <param name="position">Where the item's marker starts.</param>
    /// <param name="marker">The marker kind written.</param>
    /// <param name="text">The item text without its marker.</param>
    public ListItem(SourcePosition position, ListMarkerKind marker, ReadOnlyMemory<char> text)
    {
        Position = position;
        Marker = marker;
        _text = text;
    }

    /// <summary>Where the item's marker starts.</summary>
    public SourcePosition Position { get; }

    /// <summary>The marker kind written.</summary>
    public ListMarkerKind Marker { get; }

    /// <summary>The item text without its marker; unmarked continuation lines are joined with a space. A new string on
    /// each read, unless the memory is a whole string (an item created from a string, or a joined multi-line item).</summary>
    public string Text => TextChars.AsString(_text);

    /// <summary>The same characters as <see cref="Text"/> without making a string (a slice of the page for a one-line item).</summary>
    public ReadOnlyMemory<char> TextMemory => _text;

    /// <summary>Compares the position, the marker and the text's characters.</summary>
    /// <param name="other">The other item.</param>
    /// <returns>Whether the items are equal.</returns>
    public bool Equals(ListItem other) =>
        Position == other.Position && Marker == other.Marker && _text.Span.SequenceEqual(other._text.Span);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Position, Marker, string.GetHashCode(_text.Span, StringComparison.Ordinal));

    /// <summary>The item's text, without its marker.</summary>
    /// <returns><see cref="Text"/>.</returns>
    public override string ToString() => Text;
}

/// <summary>A short line directly followed by text inside a section (<c>Processutvecklingsgrupp (PUG)</c>): a heading that does not start a new section.</summary>
public sealed record SubHeadingBlock : TextBlock
{
    /// <summary>Creates a sub-heading from a string.</summary>
    /// <param name="position">Where the line starts.</param>
    /// <param name="text">The text as written.</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public SubHeadingBlock(SourcePosition position, string text)
        : base(position, text)
    {
    }

    /// <summary>Creates a sub-heading over existing memory, without copying it.</summary>
    /// <param name="position">Where the line starts.</param>
    /// <param name="text">The text as written.</param>
    public SubHeadingBlock(SourcePosition position, ReadOnlyMemory<char> text)
        : base(position, text)
    {
    }
}

/// <summary>An upper-case block label such as <c>STYRKOR</c> or <c>HOT</c> (the parts of a SWOT analysis).</summary>
public sealed record LabelBlock : TextBlock
{
    /// <summary>Creates a label from a string.</summary>
    /// <param name="position">Where the label starts.</param>
    /// <param name="text">The text as written.</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public LabelBlock(SourcePosition position, string text)
        : base(position, text)
    {
    }

    /// <summary>Creates a label over existing memory, without copying it.</summary>
    /// <param name="position">Where the label starts.</param>
    /// <param name="text">The text as written.</param>
    public LabelBlock(SourcePosition position, ReadOnlyMemory<char> text)
        : base(position, text)
    {
    }
}

/// <summary>A horizontal rule: a line of three or more <c>-</c>, <c>_</c>, <c>=</c> or <c>*</c>.</summary>
/// <param name="Position">Where the rule starts.</param>
public sealed record RuleBlock(SourcePosition Position) : Block(Position)
{
    /// <summary>A rule, as a line of dashes.</summary>
    /// <returns><c>———</c>.</returns>
    public override string ToString() => "———";
}

/// <summary>A dated clarification (<c>Förtydligande 2011-10-26</c>); <see cref="TextBlock.Text"/> is the lines directly after
/// the marker line, joined with <c>\n</c> (they may restate a heading without starting a section).</summary>
public sealed record ClarificationBlock : TextBlock
{
    /// <summary>Creates a clarification from a string.</summary>
    /// <param name="position">Where the <c>Förtydligande</c> line starts.</param>
    /// <param name="date">The date of the clarification.</param>
    /// <param name="text">The lines directly after the marker line, joined with <c>\n</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public ClarificationBlock(SourcePosition position, LocalDate date, string text)
        : base(position, text) => Date = date;

    /// <summary>Creates a clarification over existing memory, without copying it.</summary>
    /// <param name="position">Where the <c>Förtydligande</c> line starts.</param>
    /// <param name="date">The date of the clarification.</param>
    /// <param name="text">The lines directly after the marker line, joined with <c>\n</c>.</param>
    public ClarificationBlock(SourcePosition position, LocalDate date, ReadOnlyMemory<char> text)
        : base(position, text) => Date = date;

    /// <summary>The date of the clarification.</summary>
    public LocalDate Date { get; }
}

/// <summary>A headed part of the page body, or the text before the first heading.</summary>
/// <remarks>
/// Texts in the model are slices, not copies: when the page already holds a section's plain text character for
/// character (LF line ends, no indentation or trailing spaces, single blank lines) <see cref="TextMemory"/> is a slice
/// of the input and the parse copies nothing; otherwise the parser builds one string per section and every block's
/// text is a slice of it. <see cref="Text"/> and the blocks' <c>Text</c> make a string on first read. A parsed project
/// therefore keeps the input string alive.
/// </remarks>
public sealed record Section
{
    private LazyText _text;

    /// <summary>Creates a section from a string.</summary>
    /// <param name="heading">The heading as written; <see langword="null"/> for text that precedes every heading.</param>
    /// <param name="position">Where the heading starts (or the first line, for an untitled section).</param>
    /// <param name="blocks">The typed content in page order.</param>
    /// <param name="text">The section's plain text.</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public Section(string? heading, SourcePosition position, ImmutableArray<Block> blocks, string text)
    {
        Heading = heading;
        Position = position;
        Blocks = blocks;
        _text = new(text);
    }

    /// <summary>Creates a section over existing memory, without copying it.</summary>
    /// <param name="heading">The heading as written; <see langword="null"/> for text that precedes every heading.</param>
    /// <param name="position">Where the heading starts (or the first line, for an untitled section).</param>
    /// <param name="blocks">The typed content in page order.</param>
    /// <param name="text">The section's plain text.</param>
    public Section(string? heading, SourcePosition position, ImmutableArray<Block> blocks, ReadOnlyMemory<char> text)
    {
        Heading = heading;
        Position = position;
        Blocks = blocks;
        _text = new(text);
    }

    /// <summary>The heading as written; <see langword="null"/> for text that precedes every heading.</summary>
    public string? Heading { get; }

    /// <summary>Where the heading starts (or the first line, for an untitled section).</summary>
    public SourcePosition Position { get; }

    /// <summary>The typed content in page order.</summary>
    public ImmutableArray<Block> Blocks { get; }

    /// <summary>The section's plain text: its lines trimmed, paragraphs separated by one blank line, markers kept. A
    /// string made on first read and kept.</summary>
    public string Text => _text.Value;

    /// <summary>The same characters as <see cref="Text"/> without making a string: a slice of the input or of one string
    /// built for the section (see the remarks on <see cref="Section"/>).</summary>
    public ReadOnlyMemory<char> TextMemory => _text.Memory;

    /// <summary>The results of the section handlers that claimed the heading, in handler order (empty for an untitled section). Read them with <see cref="GetData{T}"/>.</summary>
    public ImmutableArray<object> Data => _data;

    private ImmutableArray<object> _data = [];

    /// <summary>Attaches the handler results to a section the parser has just built and not yet published (saves a copy per section).</summary>
    internal void AttachData(ImmutableArray<object> data) => _data = data;

    /// <summary>Compares heading, position, blocks (block by block) and text; not <see cref="Data"/>, which the JSON does not carry.</summary>
    /// <param name="other">The other section.</param>
    /// <returns>Whether the sections are equal.</returns>
    public bool Equals(Section? other) =>
        other is not null && Heading == other.Heading && Position == other.Position && Blocks.SequenceEqual(other.Blocks) && _text.Equals(other._text);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Heading, Position, Blocks.Length);

    /// <summary>The heading and the start of the text, on one line: <c>Sammanfattning — Projektet Brytpunkts tilltänkta målgrupp har en …</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var text = TextMemory.Span;
        var cut = Parsing.InputDecoder.CutAt(text, 60);
        var line = text[..cut].ToString().Replace('\n', ' ');
        return (Heading ?? "(no heading)") + (line.Length == 0 ? string.Empty : " — " + line + (cut < text.Length ? " …" : string.Empty));
    }

    /// <summary>The first handler result of type <typeparamref name="T"/>: <c>section.GetData&lt;ListSectionData&gt;()</c>.</summary>
    /// <typeparam name="T">The result type a handler produces.</typeparam>
    /// <returns>The result, or <see langword="null"/> when no handler produced one.</returns>
    public T? GetData<T>()
        where T : class => HandlerData.First<T>(Data);
}
