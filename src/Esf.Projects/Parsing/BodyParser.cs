using System.Buffers;
using System.Collections.Immutable;
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

    private readonly ArraySegment<TextLine> _lines = source.Lines;
    private readonly ImmutableArray<Block>.Builder _blocks = ImmutableArray.CreateBuilder<Block>();
    private readonly ImmutableArray<ListItem>.Builder _items = ImmutableArray.CreateBuilder<ListItem>();

    public BodyResult Parse(int start)
    {
        var sections = ImmutableArray.CreateBuilder<Section>();
        ListAccumulator coFinanciers = default, partners = default, municipalities = default;
        var maxSections = Math.Max(1, config.Options.MaxSections);
        var limitReported = false;

        var heading = -1;
        var contentStart = start;
        for (var i = start; i <= _lines.Count; i++)
        {
            var atEnd = i == _lines.Count;
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
                        switch (list.Kind)
                        {
                            case ListSectionKind.CoFinanciers:
                                AddLimited(ref coFinanciers, list.Items, section);
                                break;
                            case ListSectionKind.Partners:
                                AddLimited(ref partners, list.Items, section);
                                break;
                            default:
                                AddLimited(ref municipalities, list.Items, section);
                                break;
                        }
                    }
                }
            }

            heading = i;
            contentStart = i + 1;
        }

        return new BodyResult(sections.DrainToImmutable(), coFinanciers.ToImmutable(), partners.ToImmutable(), municipalities.ToImmutable());
    }

    /// <summary>Adds a section's items to a list, up to the limit.</summary>
    private void AddLimited(ref ListAccumulator target, ImmutableArray<string> items, Section section)
    {
        var room = Math.Max(0, config.Options.MaxListItems - target.Count);
        if (items.Length > room)
        {
            diagnostics.Add(DiagnosticCodes.TooManyListItems, section.Position, DiagnosticMessages.TooManyListItems(section.Heading ?? string.Empty, config.Options.MaxListItems));
            items = items[..room];
        }

        target.Add(items);
    }

    /// <summary>
    /// One of the project's lists: the array of the first section that supplies it, kept without a copy (the usual
    /// case: one section per list); a builder only when a second section adds to it, so many sections stay linear.
    /// </summary>
    private struct ListAccumulator
    {
        private ImmutableArray<string> _first;
        private ImmutableArray<string>.Builder? _builder;

        public readonly int Count => _builder?.Count ?? (_first.IsDefault ? 0 : _first.Length);

        public void Add(ImmutableArray<string> items)
        {
            if (_builder is null && _first.IsDefaultOrEmpty)
            {
                _first = items;
                return;
            }

            if (_builder is null)
            {
                _builder = ImmutableArray.CreateBuilder<string>(_first.Length + items.Length);
                _builder.AddRange(_first);
            }

            _builder.AddRange(items);
        }

        public readonly ImmutableArray<string> ToImmutable() => _builder?.ToImmutable() ?? (_first.IsDefault ? [] : _first);
    }

    /// <summary>Runs every handler that claims the section's heading; a throwing handler becomes ESF0303.</summary>
    private ImmutableArray<object> RunHandlers(Section section, int from, int to)
    {
        if (section.Heading is not { } heading || config.Handlers.Length == 0)
        {
            return [];
        }

        // Most sections have no result or one: the builder only exists from the second.
        object? first = null;
        ImmutableArray<object>.Builder? results = null;
        foreach (var handler in config.HandlersFor(heading))
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
                    if (results is not null)
                    {
                        results.Add(result);
                    }
                    else if (first is null)
                    {
                        first = result;
                    }
                    else
                    {
                        results = ImmutableArray.CreateBuilder<object>();
                        results.Add(first);
                        results.Add(result);
                    }
                }
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                diagnostics.Add(DiagnosticCodes.HandlerFailed, section.Position, DiagnosticMessages.HandlerFailed(SafeName(handler), heading, exception));
            }
        }

        return results?.DrainToImmutable() ?? (first is null ? [] : [first]);
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

        // Asked of nearly every body line: rule most out on the first letter before the case-insensitive comparison.
        if (content.Length < ClarificationWord.Length || (content[0] | 0x20) != 'f' || !content.StartsWith(ClarificationWord, StringComparison.OrdinalIgnoreCase))
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
        if (next >= _lines.Count || _lines[next].IsBlank)
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

        var offsets = ArrayPool<int>.Shared.Rent(Math.Max(1, to - from));
        try
        {
            var text = PlainText(from, to, offsets);
            var blocks = BuildBlocks(from, to, new SectionText(text, offsets, from, _lines));
            if (heading is not null && blocks.Length == 0)
            {
                diagnostics.Add(DiagnosticCodes.EmptySection, position, DiagnosticMessages.EmptySection(heading));
            }

            var section = new Section(heading, position, blocks, text);
            section.AttachData(RunHandlers(section, from, to));
            return section;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(offsets);
        }
    }

    /// <summary>
    /// The section's plain text over lines [<paramref name="from"/>, <paramref name="to"/>): a slice of the input when the
    /// input already holds exactly these characters, otherwise one string of the exact length. Fills
    /// <paramref name="offsets"/> with where each non-blank line's content starts in it.
    /// </summary>
    private ReadOnlyMemory<char> PlainText(int from, int to, int[] offsets)
    {
        var length = 0;
        var inPlace = true;
        var first = -1;
        var previous = -1;
        for (var i = from; i < to; i++)
        {
            var line = _lines[i];
            if (line.IsBlank)
            {
                continue;
            }

            WorkCounter.Add(line.ContentLength + 1);
            if (previous < 0)
            {
                first = i;
            }
            else
            {
                var separator = i == previous + 1 ? 1 : 2;
                inPlace = inPlace && IsJoinedInInput(previous, i, separator);
                length += separator;
            }

            offsets[i - from] = length;
            length += line.ContentLength;
            previous = i;
        }

        if (first < 0)
        {
            return ReadOnlyMemory<char>.Empty;
        }

        if (inPlace)
        {
            return source.Text.AsMemory(_lines[first].ContentStart, length);
        }

        return string.Create(length, (Text: source.Text, Lines: _lines, From: from, To: to, Offsets: offsets), static (destination, state) =>
        {
            destination.Fill('\n');
            for (var i = state.From; i < state.To; i++)
            {
                var line = state.Lines[i];
                if (!line.IsBlank)
                {
                    state.Text.AsSpan(line.ContentStart, line.ContentLength).CopyTo(destination[state.Offsets[i - state.From]..]);
                }
            }
        }).AsMemory();
    }

    /// <summary>Whether the input joins two non-blank lines exactly as the plain text does: one LF, or two with an empty line between, and no white space at the join.</summary>
    private bool IsJoinedInInput(int previous, int next, int separator)
    {
        var end = _lines[previous].ContentEnd;
        var text = source.Text;
        return separator == 1
            ? _lines[next].ContentStart == end + 1 && text[end] == '\n'
            : next == previous + 2 && _lines[next].ContentStart == end + 2 && text[end] == '\n' && text[end + 1] == '\n';
    }

    /// <summary>A section's plain text and where its lines start in it; consecutive non-blank lines are joined by one LF, so any run of them is one slice.</summary>
    private readonly struct SectionText(ReadOnlyMemory<char> text, int[] offsets, int from, ArraySegment<TextLine> lines)
    {
        /// <summary>Lines <paramref name="first"/> to <paramref name="last"/> (non-blank, consecutive), from column <paramref name="skip"/> of the first.</summary>
        public ReadOnlyMemory<char> Slice(int first, int last, int skip = 0)
        {
            var start = offsets[first - from];
            return text.Slice(start + skip, offsets[last - from] + lines[last].ContentLength - start - skip);
        }
    }

    private ImmutableArray<Block> BuildBlocks(int from, int to, SectionText text)
    {
        // One builder per parse, reused section after section: only the final arrays are allocated.
        var blocks = _blocks;
        blocks.Clear();
        var items = _items;
        items.Clear();
        var paragraphFirst = -1;
        var paragraphLast = -1;
        var paragraphStart = default(SourcePosition);
        var blankSinceItem = false;

        void FlushParagraph()
        {
            if (paragraphFirst >= 0)
            {
                blocks.Add(new ParagraphBlock(paragraphStart, text.Slice(paragraphFirst, paragraphLast)));
                paragraphFirst = -1;
            }
        }

        void FlushList()
        {
            if (items.Count > 0)
            {
                blocks.Add(new ListBlock(items[0].Position, items.ToImmutable()));
                items.Clear();
            }
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
                var last = i;
                while (last + 1 < to && !_lines[last + 1].IsBlank)
                {
                    last++;
                    WorkCounter.Add(_lines[last].ContentLength + 1);
                }

                blocks.Add(new ClarificationBlock(position, date, last > i ? text.Slice(i + 1, last) : ReadOnlyMemory<char>.Empty));
                i = last;
                continue;
            }

            if (ListMarker.TryRead(content, out var marker, out var itemStart))
            {
                FlushParagraph();
                if (items.Count > 0 && blankSinceItem && items[^1].Marker != marker)
                {
                    FlushList();
                }

                items.Add(new ListItem(position, marker, text.Slice(i, i, itemStart)));
                blankSinceItem = false;
                continue;
            }

            if (items.Count > 0 && !blankSinceItem)
            {
                // An unmarked continuation line: the one place the model needs characters the page does not hold in a row.
                var last = items[^1];
                items[^1] = new ListItem(last.Position, last.Marker, string.Concat(last.TextMemory.Span, " ", content));
                continue;
            }

            FlushList();
            if (IsUpperCaseLabel(content))
            {
                FlushParagraph();
                blocks.Add(new LabelBlock(position, text.Slice(i, i)));
                continue;
            }

            if (paragraphFirst < 0 && i + 1 < to && !_lines[i + 1].IsBlank && IsHeadingLike(content) && StartsBlock(source.Content(_lines[i + 1])))
            {
                blocks.Add(new SubHeadingBlock(position, text.Slice(i, i)));
                continue;
            }

            if (paragraphFirst < 0)
            {
                paragraphFirst = i;
                paragraphStart = position;
            }

            paragraphLast = i;
        }

        FlushParagraph();
        FlushList();
        return blocks.ToImmutable();
    }

    /// <summary>Whether a line after a short one makes that one a sub-heading: text that starts anew rather than continuing a wrapped sentence.</summary>
    private static bool StartsBlock(ReadOnlySpan<char> next) => char.IsUpper(next[0]) || char.IsDigit(next[0]) || IsListItem(next);
}
