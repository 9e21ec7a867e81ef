using System.Collections.Immutable;
using Esf.Projects.Fields;
using NodaTime;

namespace Esf.Projects.Model;

/// <summary>A piece of a section's content. Switch on the concrete type: <see cref="ParagraphBlock"/>,
/// <see cref="ListBlock"/>, <see cref="SubHeadingBlock"/>, <see cref="LabelBlock"/>, <see cref="RuleBlock"/>,
/// <see cref="ClarificationBlock"/>.</summary>
/// <param name="Position">Where the block's first line starts.</param>
public abstract record Block(SourcePosition Position);

/// <summary>Consecutive lines of prose; the page's line breaks are kept as <c>\n</c>.</summary>
/// <param name="Position">Where the paragraph starts.</param>
/// <param name="Text">The lines, trimmed and joined with <c>\n</c>.</param>
public sealed record ParagraphBlock(SourcePosition Position, string Text) : Block(Position);

/// <summary>A list: consecutive items with markers (blank lines between items of one marker kind do not end it).</summary>
/// <param name="Position">Where the first item starts.</param>
/// <param name="Items">The items in page order.</param>
public sealed record ListBlock(SourcePosition Position, ImmutableArray<ListItem> Items) : Block(Position);

/// <summary>One list item.</summary>
/// <param name="Position">Where the item's marker starts.</param>
/// <param name="Marker">The marker kind written.</param>
/// <param name="Text">The item text without its marker; unmarked continuation lines are joined with a space.</param>
public sealed record ListItem(SourcePosition Position, ListMarkerKind Marker, string Text);

/// <summary>A short line directly followed by text inside a section (<c>Processutvecklingsgrupp (PUG)</c>): a heading that does not start a new section.</summary>
/// <param name="Position">Where the line starts.</param>
/// <param name="Text">The sub-heading.</param>
public sealed record SubHeadingBlock(SourcePosition Position, string Text) : Block(Position);

/// <summary>An upper-case block label such as <c>STYRKOR</c> or <c>HOT</c> (the parts of a SWOT analysis).</summary>
/// <param name="Position">Where the label starts.</param>
/// <param name="Text">The label as written.</param>
public sealed record LabelBlock(SourcePosition Position, string Text) : Block(Position);

/// <summary>A horizontal rule: a line of three or more <c>-</c>, <c>_</c>, <c>=</c> or <c>*</c>.</summary>
/// <param name="Position">Where the rule starts.</param>
public sealed record RuleBlock(SourcePosition Position) : Block(Position);

/// <summary>A dated clarification (<c>Förtydligande 2011-10-26</c>) and the text that directly follows it.</summary>
/// <param name="Position">Where the <c>Förtydligande</c> line starts.</param>
/// <param name="Date">The date of the clarification.</param>
/// <param name="Text">The lines directly after the marker line, joined with <c>\n</c>; may restate a heading without starting a section.</param>
public sealed record ClarificationBlock(SourcePosition Position, LocalDate Date, string Text) : Block(Position);

/// <summary>A headed part of the page body, or the text before the first heading.</summary>
/// <param name="Heading">The heading as written; <see langword="null"/> for text that precedes every heading.</param>
/// <param name="Position">Where the heading starts (or the first line, for an untitled section).</param>
/// <param name="Blocks">The typed content in page order.</param>
/// <param name="Text">The section's plain text: its lines trimmed, paragraphs separated by one blank line, markers kept.</param>
public sealed record Section(string? Heading, SourcePosition Position, ImmutableArray<Block> Blocks, string Text)
{
    /// <summary>The results of the section handlers that claimed the heading, in handler order (empty for an untitled section). Read them with <see cref="GetData{T}"/>.</summary>
    public ImmutableArray<object> Data { get; init; } = [];

    /// <summary>The first handler result of type <typeparamref name="T"/>: <c>section.GetData&lt;ListSectionData&gt;()</c>.</summary>
    /// <typeparam name="T">The result type a handler produces.</typeparam>
    /// <returns>The result, or <see langword="null"/> when no handler produced one.</returns>
    public T? GetData<T>()
        where T : class
    {
        foreach (var item in Data)
        {
            if (item is T data)
            {
                return data;
            }
        }

        return null;
    }
}
