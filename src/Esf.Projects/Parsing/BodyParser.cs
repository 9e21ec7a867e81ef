using System.Collections.Immutable;
using System.Text;
using Esf.Projects.Diagnostics;
using Esf.Projects.Fields;
using Esf.Projects.Model;
using Esf.Projects.Handlers.Lists;
using NodaTime;

namespace Esf.Projects.Parsing;

/// <summary>The sections and lists that follow the header.</summary>
internal sealed record BodyResult(
    ImmutableArray<Section> Sections,
    ImmutableArray<string> CoFinanciers,
    ImmutableArray<string> Partners,
    ImmutableArray<string> Municipalities);

/// <summary>Splits the body into sections at headings, and each section into typed blocks.</summary>
internal sealed class BodyParser(SourceText source, DiagnosticBag diagnostics, ParserConfiguration config)
{
    private const int MaxHeadingLength = 80;
    private const int MaxHeadingWords = 10;
    private const string ClarificationWord = "Förtydligande";

    private readonly TextLine[] _lines = source.Lines;

    public BodyResult Parse(int start)
    {
        var sections = ImmutableArray.CreateBuilder<Section>();
        var coFinanciers = ImmutableArray.CreateBuilder<string>();
        var partners = ImmutableArray.CreateBuilder<string>();
        var municipalities = ImmutableArray.CreateBuilder<string>();
        var maxSections = Math.Max(1, config.Options.MaxSections);
        var limitReported = false;

        var heading = -1;
        var contentStart = start;
        for (var i = start; i <= _lines.Length; i++)
        {
            var atEnd = i == _lines.Length;
            if (!atEnd && (_lines[i].IsBlank || !IsHeadingAt(i, start)))
            {
                continue;
            }

            if (!atEnd && sections.Count >= maxSections - 1 && (heading >= 0 || HasContent(contentStart, i)))
            {
                if (!limitReported)
                {
                    diagnostics.Add(DiagnosticCodes.TooManySections, _lines[i].ContentPosition, DiagnosticMessages.TooManySections(maxSections));
                    limitReported = true;
                }

                continue;
            }

            if (heading >= 0 || HasContent(contentStart, i))
            {
                var section = BuildSection(heading, contentStart, i);
                sections.Add(section);
                foreach (var data in section.Data)
                {
                    if (data is ListSectionData list)
                    {
                        var target = list.Kind switch
                        {
                            ListSectionKind.CoFinanciers => coFinanciers,
                            ListSectionKind.Partners => partners,
                            _ => municipalities,
                        };
                        AddLimited(target, list.Items, section);
                    }
                }
            }

            heading = i;
            contentStart = i + 1;
        }

        return new BodyResult(sections.ToImmutable(), coFinanciers.ToImmutable(), partners.ToImmutable(), municipalities.ToImmutable());
    }

    private void AddLimited(ImmutableArray<string>.Builder target, ImmutableArray<string> items, Section section)
    {
        var room = Math.Max(0, config.Options.MaxListItems - target.Count);
        if (items.Length > room)
        {
            diagnostics.Add(DiagnosticCodes.TooManyListItems, section.Position, DiagnosticMessages.TooManyListItems(section.Heading ?? string.Empty, config.Options.MaxListItems));
        }

        target.AddRange(items.Length > room ? items[..room] : items);
    }

    /// <summary>Runs every handler that claims the section's heading; a throwing handler becomes ESF0303.</summary>
    private ImmutableArray<object> RunHandlers(Section section, int from, int to)
    {
        if (section.Heading is not { } heading || config.Handlers.Length == 0)
        {
            return [];
        }

        var results = ImmutableArray.CreateBuilder<object>();
        foreach (var handler in config.Handlers)
        {
            try
            {
                if (!handler.Headings.Matches(heading))
                {
                    continue;
                }

                var context = new Handlers.SectionContext(section, source, from, to - from, diagnostics, handler.Name);
                if (handler.HandleSection(context) is { } result)
                {
                    results.Add(result);
                }
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                diagnostics.Add(DiagnosticCodes.HandlerFailed, section.Position, DiagnosticMessages.HandlerFailed(SafeName(handler), heading, exception));
            }
        }

        return results.DrainToImmutable();
    }

    private static string SafeName(Handlers.SectionHandler handler)
    {
        try
        {
            return handler.Name;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return handler.GetType().Name;
        }
    }

    public static bool IsListItem(ReadOnlySpan<char> content) => ListMarker.TryRead(content, out _, out _);

    /// <summary>A short line that starts with a capital, is no sentence, list item, rule, upper-case label or clarification.</summary>
    public static bool IsHeadingLike(ReadOnlySpan<char> content)
    {
        if (content.IsEmpty || content.Length > MaxHeadingLength || !char.IsUpper(content[0]))
        {
            return false;
        }

        if (content[^1] is '.' or ':' or ';' or ',' or '!' or '?' || content.Count(' ') >= MaxHeadingWords)
        {
            return false;
        }

        return !IsListItem(content) && !IsRule(content) && !IsUpperCaseLabel(content) && !TryReadClarification(content, out _);
    }

    private static bool IsRule(ReadOnlySpan<char> content) =>
        content.Length >= 3 && !content.ContainsAnyExcept(content[0]) && content[0] is '-' or '_' or '=' or '*' or '\u2013' or '\u2014';

    private static bool IsUpperCaseLabel(ReadOnlySpan<char> content)
    {
        if (content.Length > 40)
        {
            return false;
        }

        var letters = 0;
        foreach (var c in content)
        {
            if (char.IsLetter(c))
            {
                if (!char.IsUpper(c))
                {
                    return false;
                }

                letters++;
            }
            else if (c is not (' ' or '-' or '&' or '/'))
            {
                return false;
            }
        }

        return letters >= 2;
    }

    private static bool TryReadClarification(ReadOnlySpan<char> content, out LocalDate date)
    {
        date = default;
        if (!content.StartsWith(ClarificationWord, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = TextChars.Trim(content[ClarificationWord.Length..]);
        if (rest.Length > 0 && rest[^1] is ':' or '.')
        {
            rest = TextChars.Trim(rest[..^1]);
        }

        var result = SwedishDateRange.ParseDate(rest);
        date = result.Value;
        return result.Success;
    }

    private bool IsHeadingAt(int index, int bodyStart)
    {
        if (index > bodyStart && !_lines[index - 1].IsBlank)
        {
            return false;
        }

        var content = source.Content(_lines[index]);
        var next = index + 1;
        if (next >= _lines.Length || _lines[next].IsBlank)
        {
            return IsHeadingLike(content);
        }

        // A known list heading directly followed by its items ("Kommun" then "• Lund").
        return config.IsListHeading(content) && IsListItem(source.Content(_lines[next]));
    }

    private bool HasContent(int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (!_lines[i].IsBlank)
            {
                return true;
            }
        }

        return false;
    }

    private Section BuildSection(int headingIndex, int from, int to)
    {
        string? heading = null;
        SourcePosition position;
        if (headingIndex >= 0)
        {
            heading = source.ContentString(_lines[headingIndex]);
            position = _lines[headingIndex].ContentPosition;
        }
        else
        {
            var first = from;
            while (_lines[first].IsBlank)
            {
                first++;
            }

            position = _lines[first].ContentPosition;
        }

        var blocks = BuildBlocks(from, to);
        if (heading is not null && blocks.Length == 0)
        {
            diagnostics.Add(DiagnosticCodes.EmptySection, position, DiagnosticMessages.EmptySection(heading));
        }

        var section = new Section(heading, position, blocks, PlainText(from, to));
        return section with { Data = RunHandlers(section, from, to) };
    }

    private string PlainText(int from, int to)
    {
        var builder = new StringBuilder();
        var pendingBlank = false;
        for (var i = from; i < to; i++)
        {
            var line = _lines[i];
            if (line.IsBlank)
            {
                pendingBlank = builder.Length > 0;
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append(pendingBlank ? "\n\n" : "\n");
            }

            builder.Append(source.Content(line));
            pendingBlank = false;
        }

        return builder.ToString();
    }

    private ImmutableArray<Block> BuildBlocks(int from, int to)
    {
        var blocks = ImmutableArray.CreateBuilder<Block>();
        var paragraph = new StringBuilder();
        var paragraphStart = default(SourcePosition);
        ImmutableArray<ListItem>.Builder? items = null;
        var blankSinceItem = false;

        void FlushParagraph()
        {
            if (paragraph.Length > 0)
            {
                blocks.Add(new ParagraphBlock(paragraphStart, paragraph.ToString()));
                paragraph.Clear();
            }
        }

        void FlushList()
        {
            if (items is { Count: > 0 })
            {
                blocks.Add(new ListBlock(items[0].Position, items.ToImmutable()));
            }

            items = null;
        }

        for (var i = from; i < to; i++)
        {
            var line = _lines[i];
            if (line.IsBlank)
            {
                FlushParagraph();
                blankSinceItem = true;
                continue;
            }

            var content = source.Content(line);
            var position = line.ContentPosition;
            if (IsRule(content))
            {
                FlushParagraph();
                FlushList();
                blocks.Add(new RuleBlock(position));
                continue;
            }

            if (TryReadClarification(content, out var date))
            {
                FlushParagraph();
                FlushList();
                var text = new StringBuilder();
                while (i + 1 < to && !_lines[i + 1].IsBlank)
                {
                    i++;
                    if (text.Length > 0)
                    {
                        text.Append('\n');
                    }

                    text.Append(source.Content(_lines[i]));
                }

                blocks.Add(new ClarificationBlock(position, date, text.ToString()));
                continue;
            }

            if (ListMarker.TryRead(content, out var marker, out var itemStart))
            {
                FlushParagraph();
                if (items is not null && blankSinceItem && items[^1].Marker != marker)
                {
                    FlushList();
                }

                items ??= ImmutableArray.CreateBuilder<ListItem>();
                items.Add(new ListItem(position, marker, content[itemStart..].ToString()));
                blankSinceItem = false;
                continue;
            }

            if (items is not null && !blankSinceItem)
            {
                var last = items[^1];
                items[^1] = last with { Text = last.Text + " " + content.ToString() };
                continue;
            }

            FlushList();
            if (IsUpperCaseLabel(content))
            {
                FlushParagraph();
                blocks.Add(new LabelBlock(position, content.ToString()));
                continue;
            }

            if (paragraph.Length == 0 && i + 1 < to && !_lines[i + 1].IsBlank && IsHeadingLike(content) && StartsBlock(source.Content(_lines[i + 1])))
            {
                blocks.Add(new SubHeadingBlock(position, content.ToString()));
                continue;
            }

            if (paragraph.Length == 0)
            {
                paragraphStart = position;
            }
            else
            {
                paragraph.Append('\n');
            }

            paragraph.Append(content);
        }

        FlushParagraph();
        FlushList();
        return blocks.ToImmutable();
    }

    /// <summary>Whether a line after a short one makes that one a sub-heading: text that starts anew rather than continuing a wrapped sentence.</summary>
    private static bool StartsBlock(ReadOnlySpan<char> next) => char.IsUpper(next[0]) || char.IsDigit(next[0]) || IsListItem(next);
}
