using System.Buffers;
using System.Collections.Immutable;
using Esf.Projects.Fields;
using Esf.Projects.Handlers;
using Esf.Projects.Handlers.Lists;
using Esf.Projects.Parsing.Layouts;

namespace Esf.Projects.Parsing;

/// <summary>The sections and the three lists that follow the header.</summary>
internal sealed record BodyResult(
    ImmutableArray<Section> Sections,
    ImmutableArray<string> CoFinanciers,
    ImmutableArray<string> Partners,
    ImmutableArray<string> Municipalities,
    ImmutableArray<ListItem> MunicipalityItems);

/// <summary>
/// Splits the body into sections at headings, and each section into typed blocks, from the classified lines. One
/// reader for every layout; <see cref="Esf.Projects.Layouts.PageLayoutReader.KnownHeadingMayLeadText"/> says where the layouts differ.
/// </summary>
/// <remarks>
/// A list section (its heading in <see cref="Vocabulary.ListHeadings"/>) is read as one list: every line an item,
/// whatever the handlers. Which of the project's lists a section's items join is the handlers' decision
/// (<see cref="ListSectionData"/>); the built-in handler hands back the very strings read here, so the section's
/// <see cref="ListBlock"/>, the project's list and the handler's data cannot disagree.
/// </remarks>
internal sealed class BodyReader(PageLines page, DiagnosticBag diagnostics, Esf.Projects.Layouts.PageLayoutReader layout)
{
    private readonly ParserConfiguration _config = page.Config;
    private readonly SourceText _source = page.Source;
    private readonly ArraySegment<TextLine> _lines = page.Lines;
    /// <summary>The blocks of the section being read; pooled like <see cref="_items"/>.</summary>
    private readonly PooledList<Block> _blocks = new();
    /// <summary>The items of the list being read; pooled, so a list of a hundred thousand items leaves no trail of outgrown arrays.</summary>
    private readonly PooledList<ListItem> _items = new();

    /// <summary>Where each line's content starts in its section's text, indexed from the section's first line; one array for every section of the page.</summary>
    private int[] _offsets = [];

    public BodyResult Read(int start)
    {
        using var sections = new PooledList<Section>();
        var lists = new ProjectLists(_config.Options.MaxListItems);
        var maxSections = _config.Options.MaxSections;
        _offsets = ArrayPool<int>.Shared.Rent(Math.Max(1, _lines.Count - start));
        try
        {
            return ReadSections(start, sections, lists, maxSections);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(_offsets);
            _offsets = [];
            _items.Dispose();
            _blocks.Dispose();
        }
    }

    private BodyResult ReadSections(int start, PooledList<Section> sections, ProjectLists lists, int maxSections)
    {
        var limitReported = false;
        var heading = -1;
        var contentStart = start;
        var contentSinceHeading = false;
        var text = new TextJoin(_offsets, start);
        for (var i = start; i <= _lines.Count; i++)
        {
            var atEnd = i == _lines.Count;
            if (!atEnd && _lines[i].IsBlank)
            {
                continue;
            }

            if (!atEnd && !IsHeadingAt(i, start, heading, contentSinceHeading))
            {
                contentSinceHeading = true;
                text.Add(i, _lines, _source.Text);
                continue;
            }

            if (!atEnd && sections.Count >= maxSections - 1 && (heading >= 0 || contentSinceHeading))
            {
                if (!limitReported)
                {
                    diagnostics.Add(DiagnosticCodes.TooManySections, _lines[i].ContentPosition, maxSections);
                    limitReported = true;
                }

                contentSinceHeading = true;
                text.Add(i, _lines, _source.Text);
                continue;
            }

            // Before the first heading, contentSinceHeading says whether a non-blank line came since the body's start:
            // every one that did was taken as content, so no second look at the lines is needed.
            if (heading >= 0 || contentSinceHeading)
            {
                var section = BuildSection(heading, contentStart, i, text.Build(_lines, _source.Text, i), lists);
                sections.Add(section);
            }

            heading = i;
            contentStart = i + 1;
            contentSinceHeading = false;
            text = new TextJoin(_offsets, contentStart);
        }

        return new BodyResult(ImmutableArray.Create(sections.AsSpan()), lists.CoFinanciers.Texts, lists.Partners.Texts, lists.Municipalities.Texts, lists.Municipalities.Items);
    }

    /// <summary>
    /// Whether line <paramref name="index"/> starts a section: a heading-like line standing alone between blank lines
    /// that does not lead into what follows; a list heading directly followed by its items; on the newer layouts a
    /// known heading directly followed by its text. A standalone line directly under a known heading, with nothing
    /// between, is that section's sub-heading instead (marked for the block reader).
    /// </summary>
    private bool IsHeadingAt(int index, int bodyStart, int currentHeading, bool contentSinceHeading)
    {
        if (index > bodyStart && !_lines[index - 1].IsBlank)
        {
            return false;
        }

        ref readonly var info = ref page.Basic(index);
        var next = index + 1;
        if (next >= _lines.Count || _lines[next].IsBlank)
        {
            if (info.Is(LineFlags.KnownHeading))
            {
                return true; // the vocabulary's and the handlers' headings are trusted wherever they stand alone
            }

            if (!info.Is(LineFlags.HeadingLike) || page.Is(index, LineFlags.EndsWithLeadInWord))
            {
                return false;
            }

            var following = page.NextNonBlank(next);
            if (following < 0)
            {
                return false; // nothing after it to head: the last line of a page (often one cut short) is text
            }

            if (page.Is(following, LineFlags.ListItem) && page.Is(index, LineFlags.HasLeadInVerb))
            {
                return false; // "Under projekttiden ska deltagarna" / "- …": the sentence that leads into the list
            }

            if (currentHeading >= 0 && !contentSinceHeading && page.Is(currentHeading, LineFlags.KnownHeading))
            {
                page.MarkSubHeading(index); // "Bakgrund" / "Nuläge" / text: the applicant's sub-heading
                return false;
            }

            return true;
        }

        if (info.Is(LineFlags.KnownHeading) && info.Heading.ListKind is not null && page.Is(next, LineFlags.ListItem))
        {
            return true; // "Kommun" then "• Lund"
        }

        return layout.KnownHeadingMayLeadText && info.Is(LineFlags.KnownHeading) && !page.Is(index, LineFlags.KnownLabel);
    }

    private Section BuildSection(int headingIndex, int from, int to, ReadOnlyMemory<char> text, ProjectLists lists)
    {
        string? heading = null;
        HeadingMeaning meaning = default;
        SourcePosition position;
        if (headingIndex >= 0)
        {
            heading = _source.ContentString(_lines[headingIndex]);
            ref readonly var info = ref page.Basic(headingIndex);
            meaning = info.Is(LineFlags.KnownHeading) ? info.Heading : default;
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

        var sectionText = new SectionText(text, _offsets, from, _lines);
        var listTexts = ImmutableArray<string>.Empty;
        var blocks = meaning.ListKind is not null
            ? ReadListSection(from, to, sectionText, heading!, out listTexts)
            : BuildBlocks(from, to, sectionText);
        if (heading is not null && blocks.Length == 0)
        {
            diagnostics.Add(DiagnosticCodes.EmptySection, position, heading);
        }

        var section = new Section(heading, position, blocks, text);
        var data = RunHandlers(section, from, to, meaning, listTexts);
        section.AttachData(data);
        AddToProjectLists(section, data, listTexts, lists);
        return section;
    }

    /// <summary>
    /// The first <see cref="ListSectionData"/> a handler gave the section decides which of the project's lists its
    /// items join (the built-in <see cref="ListSectionHandler"/>s give each list section's own items): without one the
    /// section joins none. Items the handler took from <see cref="SectionContext.ListItems"/> keep their positions;
    /// others are placed at the section.
    /// </summary>
    private void AddToProjectLists(Section section, ImmutableArray<object> data, ImmutableArray<string> listTexts, ProjectLists lists)
    {
        if (HandlerData.First<ListSectionData>(data) is not { } list || list.Items.IsDefaultOrEmpty)
        {
            return;
        }

        var block = section.Blocks.Length == 1 && section.Blocks[0] is ListBlock only ? only : null;
        ImmutableArray<ListItem> items;
        if (block is not null && list.Items == listTexts)
        {
            items = block.Items;
        }
        else
        {
            var placed = ImmutableArray.CreateBuilder<ListItem>(list.Items.Length);
            for (var i = 0; i < list.Items.Length; i++)
            {
                var text = list.Items[i] ?? string.Empty;
                placed.Add(block is not null && i < block.Items.Length && block.Items[i].TextMemory.Span.SequenceEqual(text)
                    ? block.Items[i]
                    : new ListItem(section.Position, default, text));
            }

            items = placed.MoveToImmutable();
        }

        if (!lists.Add(list.Kind, items, list.Items))
        {
            diagnostics.Add(DiagnosticCodes.TooManyListItems, block?.Position ?? section.Position, section.Heading ?? string.Empty, _config.Options.MaxListItems);
        }
    }

    /// <summary>Runs every handler that claims the section's heading; a throwing handler becomes ESF0303.</summary>
    private ImmutableArray<object> RunHandlers(Section section, int from, int to, HeadingMeaning meaning, ImmutableArray<string> listTexts)
    {
        if (section.Heading is not { } heading || _config.Handlers.Length == 0)
        {
            return [];
        }

        // Most sections have no result or one: the builder only exists from the second.
        object? first = null;
        ImmutableArray<object>.Builder? results = null;
        foreach (var handler in _config.HandlersFor(heading))
        {
            try
            {
                if (!handler.Headings.Matches(heading, meaning.ListKind, meaning.ProseKind))
                {
                    continue;
                }

                var context = new SectionContext(section, _source, from, to - from, diagnostics, handler, meaning.ListKind, meaning.ProseKind, listTexts);
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
                diagnostics.Add(DiagnosticCodes.HandlerFailed, section.Position, "Section", HandlerFailure.SafeName(handler), heading, exception.GetType().Name, HandlerFailure.SafeMessage(exception));
            }
        }

        return results?.DrainToImmutable() ?? (first is null ? [] : [first]);
    }

    /// <summary>A list section: every non-blank line starts an item or continues the one before it (<see cref="ListItemReader.TryContinue"/>); ESF0301 for a line without a marker that does neither.</summary>
    private ImmutableArray<Block> ReadListSection(int from, int to, SectionText text, string heading, out ImmutableArray<string> listTexts)
    {
        listTexts = [];
        var items = _items;
        items.Clear();
        var list = new ListItemReader(page, text, items, ListItemReader.Mode.ListSection);
        for (var i = from; i < to; i++)
        {
            if (_lines[i].IsBlank)
            {
                list.Blank();
                continue;
            }

            if (!list.TryAdd(i) && !list.TryContinue(i))
            {
                // Counted for every line, formatted only for those kept (a page of unmarked lines keeps 100).
                if (diagnostics.Admit(DiagnosticCodes.ListItemWithoutMarker, _lines[i].ContentPosition))
                {
                    diagnostics.AddAdmitted(DiagnosticCodes.ListItemWithoutMarker, _lines[i].ContentPosition, heading, page.Content(i).ToString());
                }

                list.AddUnmarked(i);
            }
        }

        list.Flush();
        if (items.Count == 0)
        {
            return [];
        }

        var block = new ListBlock(items[0].Position, ImmutableArray.Create(items.AsSpan()));
        var texts = ImmutableArray.CreateBuilder<string>(block.Items.Length);
        string? previous = null;
        foreach (var item in block.Items)
        {
            texts.Add(previous = TextChars.SameOrNew(item.TextMemory, previous));
        }

        listTexts = texts.MoveToImmutable();
        return [block];
    }

    private ImmutableArray<Block> BuildBlocks(int from, int to, SectionText text)
    {
        // One builder per parse, reused section after section: only the final arrays are allocated.
        var blocks = _blocks;
        blocks.Clear();
        var items = _items;
        items.Clear();
        var list = new ListItemReader(page, text, items, ListItemReader.Mode.Prose);
        var paragraphFirst = -1;
        var paragraphLast = -1;
        var paragraphStart = default(SourcePosition);

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
            list.Flush();
            if (items.Count > 0)
            {
                blocks.Add(new ListBlock(items[0].Position, ImmutableArray.Create(items.AsSpan())));
                items.Clear();
            }
        }

        for (var i = from; i < to; i++)
        {
            var line = _lines[i];
            if (line.IsBlank)
            {
                FlushParagraph();
                list.Blank();
                continue;
            }

            ref readonly var info = ref page.Basic(i);
            var position = line.ContentPosition;
            if (info.Is(LineFlags.Rule))
            {
                FlushParagraph();
                FlushList();
                blocks.Add(new RuleBlock(position));
                continue;
            }

            if (info.Is(LineFlags.Clarification))
            {
                FlushParagraph();
                FlushList();
                var last = i;
                while (last + 1 < to && !_lines[last + 1].IsBlank)
                {
                    last++;
                    WorkCounter.Add(_lines[last].ContentLength + 1);
                }

                blocks.Add(new ClarificationBlock(position, info.ClarificationDate, last > i ? text.Slice(i + 1, last) : ReadOnlyMemory<char>.Empty));
                i = last;
                continue;
            }

            if (info.Is(LineFlags.ListItem))
            {
                FlushParagraph();
                if (list.EndsBefore(i))
                {
                    FlushList();
                }

                list.TryAdd(i);
                continue;
            }

            if (list.TryContinue(i))
            {
                continue;
            }

            FlushList();
            if (info.Is(LineFlags.UpperCaseLabel))
            {
                FlushParagraph();
                blocks.Add(new LabelBlock(position, text.Slice(i, i)));
                continue;
            }

            if (info.Is(LineFlags.SubHeading)
                || (paragraphFirst < 0 && i + 1 < to && !_lines[i + 1].IsBlank && info.Is(LineFlags.HeadingLike) && StartsBlock(i + 1)))
            {
                FlushParagraph();
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
        return ImmutableArray.Create(blocks.AsSpan());
    }

    /// <summary>Whether a line after a short one makes that one a sub-heading: text that starts anew rather than continuing a wrapped sentence.</summary>
    private bool StartsBlock(int next)
    {
        var content = page.Content(next);
        return char.IsUpper(content[0]) || char.IsDigit(content[0]) || page.Is(next, LineFlags.ListItem);
    }

    /// <summary>The three lists of the project, each the items of its sections' lists, up to the limit.</summary>
    /// <remarks>The three accumulators are mutable structs in fields of this one object (never copied), not three objects of their own.</remarks>
    private sealed class ProjectLists(int max)
    {
        public ListAccumulator CoFinanciers = new(max);

        public ListAccumulator Partners = new(max);

        public ListAccumulator Municipalities = new(max);

        /// <summary>Adds a section's items; false when the limit cut them.</summary>
        public bool Add(ListSectionKind kind, ImmutableArray<ListItem> items, ImmutableArray<string> texts) => kind switch
        {
            ListSectionKind.CoFinanciers => CoFinanciers.Add(items, texts),
            ListSectionKind.Partners => Partners.Add(items, texts),
            _ => Municipalities.Add(items, texts),
        };
    }

    /// <summary>
    /// One of the project's lists: the arrays of the first section that supplies it, kept without a copy (the usual
    /// case: one section per list); builders only when a second section adds to it, so many sections stay linear.
    /// </summary>
    private struct ListAccumulator(int max)
    {
        private ImmutableArray<string>.Builder? _texts;
        private ImmutableArray<ListItem>.Builder? _items;
        private ImmutableArray<string> _firstTexts = [];
        private ImmutableArray<ListItem> _firstItems = [];

        /// <summary>The list's texts; with builders, made once when read (the body reads them after the last section), so adding stays linear.</summary>
        public readonly ImmutableArray<string> Texts => _texts?.ToImmutable() ?? _firstTexts;

        /// <summary>The list's items, made as <see cref="Texts"/> is.</summary>
        public readonly ImmutableArray<ListItem> Items => _items?.ToImmutable() ?? _firstItems;

        public bool Add(ImmutableArray<ListItem> items, ImmutableArray<string> texts)
        {
            var count = _texts?.Count ?? _firstTexts.Length;
            var take = Math.Min(Math.Max(0, max - count), texts.Length);
            if (count == 0 && take == texts.Length)
            {
                (_firstTexts, _firstItems) = (texts, items);
                return true;
            }

            if (_texts is null || _items is null)
            {
                _texts = ImmutableArray.CreateBuilder<string>();
                _texts.AddRange(_firstTexts);
                _items = ImmutableArray.CreateBuilder<ListItem>();
                _items.AddRange(_firstItems);
            }

            for (var i = 0; i < take; i++)
            {
                _texts.Add(texts[i]);
                _items.Add(items[i]);
            }

            return take == texts.Length;
        }
    }
}

/// <summary>
/// A section's plain text, joined as the body reader walks its lines: each non-blank line is added once, in order, and
/// <see cref="Build"/> gives a slice of the input when the input already holds exactly these characters (every join one
/// LF, or two around an empty line, and no white space at a join), otherwise one string of the exact length. Records
/// where each line's content starts in the text (indexed from the section's first line), for <see cref="SectionText"/>.
/// </summary>
internal struct TextJoin(int[] offsets, int from)
{
    private int _length;
    private int _first = -1;
    private int _previous = -1;
    private bool _inPlace = true;

    public void Add(int index, ArraySegment<TextLine> lines, string source)
    {
        var line = lines[index];
        WorkCounter.Add(line.ContentLength + 1);
        if (_previous < 0)
        {
            _first = index;
        }
        else
        {
            var separator = index == _previous + 1 ? 1 : 2;
            _inPlace = _inPlace && IsJoinedInInput(lines[_previous], line, separator, source);
            _length += separator;
        }

        offsets[index - from] = _length;
        _length += line.ContentLength;
        _previous = index;
    }

    /// <summary>The text of the lines added, which lie in [from, <paramref name="to"/>).</summary>
    public readonly ReadOnlyMemory<char> Build(ArraySegment<TextLine> lines, string source, int to)
    {
        if (_first < 0)
        {
            return ReadOnlyMemory<char>.Empty;
        }

        if (_inPlace)
        {
            return source.AsMemory(lines[_first].ContentStart, _length);
        }

        return string.Create(_length, (Text: source, Lines: lines, From: from, To: to, Offsets: offsets), static (destination, state) =>
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

    /// <summary>Whether the input joins two non-blank lines exactly as the plain text does: one LF, or two with an empty line between, and no white space at the join (two LFs right after the first line's content and the next line's content right after them leave room for exactly one empty line between).</summary>
    private static bool IsJoinedInInput(TextLine previous, TextLine next, int separator, string text)
    {
        var end = previous.ContentEnd;
        return separator == 1
            ? next.ContentStart == end + 1 && text[end] == '\n'
            : next.ContentStart == end + 2 && text[end] == '\n' && text[end + 1] == '\n';
    }
}

/// <summary>A section's plain text and where its lines start in it; consecutive non-blank lines are joined by one LF, so any run of them is one slice.</summary>
internal readonly struct SectionText(ReadOnlyMemory<char> text, int[] offsets, int from, ArraySegment<TextLine> lines)
{
    /// <summary>Lines <paramref name="first"/> to <paramref name="last"/> (non-blank, consecutive), from column <paramref name="skip"/> of the first.</summary>
    public ReadOnlyMemory<char> Slice(int first, int last, int skip = 0)
    {
        var start = offsets[first - from];
        return text.Slice(start + skip, offsets[last - from] + lines[last].ContentLength - start - skip);
    }
}

/// <summary>The names and messages of failing handlers, read without letting a second exception escape.</summary>
internal static class HandlerFailure
{
    public static string SafeName(SectionHandler handler)
    {
        try
        {
            return handler.Name ?? handler.GetType().Name;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return handler.GetType().Name;
        }
    }

    public static string SafeName(HeaderFieldHandler handler)
    {
        try
        {
            return handler.Name ?? handler.GetType().Name;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return handler.GetType().Name;
        }
    }

    public static string SafeMessage(Exception exception)
    {
        try
        {
            return exception.Message ?? string.Empty;
        }
        catch (Exception inner) when (inner is not OutOfMemoryException)
        {
            return "(the exception's message could not be read)";
        }
    }
}
