using System.Buffers;
using Esf.Projects.Fields;
using NodaTime;

namespace Esf.Projects.Parsing;

/// <summary>What a line is, as far as one look at it can tell; a line may be several things (a label alone is also heading-like).</summary>
[Flags]
internal enum LineFlags : uint
{
    None = 0,

    /// <summary>Empty or white space only.</summary>
    Blank = 1 << 0,

    /// <summary>Print chrome of the vocabulary (<c>Logotyp på utskrifter</c>, <c>Stäng</c>).</summary>
    Chrome = 1 << 1,

    /// <summary>The link to the other language (<c>In English</c>), which closes a print export's header.</summary>
    LanguageLink = 1 << 2,

    /// <summary>A project number, a dash and a name: <c>2019/00871 - Vägar framåt</c>.</summary>
    NumberedTitle = 1 << 3,

    /// <summary>Starts with a known label (<see cref="LineInfo.Label"/>), in any form but <see cref="LabelForm.GluedToWord"/>.</summary>
    KnownLabel = 1 << 4,

    /// <summary>Starts with a known label glued to a lower-case letter (<c>Kontaktpersonanna Berg</c>, <c>Regionförbundet</c>).</summary>
    WeakLabel = 1 << 5,

    /// <summary><c>Label: value</c>, <c>Label:</c> or <c>Label&lt;TAB&gt;value</c> with a short label no field knows.</summary>
    UnknownLabel = 1 << 6,

    /// <summary>A heading the vocabulary, the options or a handler names (<see cref="LineInfo.Heading"/>).</summary>
    KnownHeading = 1 << 7,

    /// <summary>Could be a heading: short, capitalised, not a sentence, list item, rule, upper-case label or clarification.</summary>
    HeadingLike = 1 << 8,

    /// <summary>Starts with a list marker (<see cref="LineInfo.Marker"/>).</summary>
    ListItem = 1 << 9,

    /// <summary>A horizontal rule: <c>-----</c>.</summary>
    Rule = 1 << 10,

    /// <summary><c>Förtydligande 2011-10-26</c> (<see cref="LineInfo.ClarificationDate"/>).</summary>
    Clarification = 1 << 11,

    /// <summary>An upper-case block label: <c>STYRKOR</c>.</summary>
    UpperCaseLabel = 1 << 12,

    /// <summary>Ends with a word a heading never ends with (<c>att</c>, <c>och</c>).</summary>
    EndsWithLeadInWord = 1 << 13,

    /// <summary>Holds a finite verb a heading does not hold (<c>är</c>, <c>ska</c>).</summary>
    HasLeadInVerb = 1 << 14,

    /// <summary>Ends with <c>. ! ? ; ,</c>.</summary>
    EndsSentence = 1 << 15,

    /// <summary>Set by the body reader: a standalone line directly under a form heading, read as that section's sub-heading.</summary>
    SubHeading = 1 << 16,

    /// <summary>The label flags (<see cref="KnownLabel"/>, <see cref="WeakLabel"/>, <see cref="UnknownLabel"/>) have been read.</summary>
    LabelsRead = 1 << 20,

    /// <summary>The word flags (<see cref="EndsWithLeadInWord"/>, <see cref="HasLeadInVerb"/>) have been read.</summary>
    WordsRead = 1 << 21,

    /// <summary>A project number has been read from the line and kept (<see cref="PageLines.ProjectNumberAt"/>).</summary>
    NumberRead = 1 << 22,

    /// <summary>The flags read on first demand: a line's labels matter only near the header, its words only for heading candidates.</summary>
    Labels = KnownLabel | WeakLabel | UnknownLabel,

    /// <summary>See <see cref="Labels"/>.</summary>
    Words = EndsWithLeadInWord | HasLeadInVerb,
}

/// <summary>One line's classification: 40 bytes, so a page's table stays small.</summary>
/// <remarks>Fields that serve two flags never serve both on one line: a list item and a numbered title cannot be an unknown label (whose label starts with a letter), nor each other.</remarks>
internal struct LineInfo
{
    public LineFlags Flags;

    /// <summary>The label match, when <see cref="LineFlags.KnownLabel"/> or <see cref="LineFlags.WeakLabel"/>.</summary>
    public LabelMatch Label;

    /// <summary>For <see cref="LineFlags.UnknownLabel"/>: the label's length; for <see cref="LineFlags.NumberedTitle"/>: the number's.</summary>
    public int UnknownLabelLength;

    /// <summary>For <see cref="LineFlags.UnknownLabel"/>: where the value starts (= the content length when there is none); for
    /// <see cref="LineFlags.ListItem"/>: where the item's text starts; for <see cref="LineFlags.NumberedTitle"/>: where the name starts.</summary>
    public int ValueOffset;

    /// <summary>For <see cref="LineFlags.Clarification"/>.</summary>
    public LocalDate ClarificationDate;

    /// <summary>For <see cref="LineFlags.ListItem"/>.</summary>
    public ListMarkerKind Marker
    {
        readonly get => (ListMarkerKind)_marker;
        set => _marker = (byte)value;
    }

    /// <summary>For <see cref="LineFlags.KnownHeading"/>: the list or prose section it opens, if the vocabulary says.</summary>
    public HeadingMeaning Heading
    {
        readonly get => new(_listKind == 0 ? null : (ListSectionKind)(_listKind - 1), _proseKind == 0 ? null : (ProseSectionKind)(_proseKind - 1));
        set
        {
            _listKind = value.ListKind is { } list ? (byte)(list + 1) : (byte)0;
            _proseKind = value.ProseKind is { } prose ? (byte)(prose + 1) : (byte)0;
        }
    }

    /// <summary>For <see cref="LineFlags.NumberedTitle"/>: the number's length (it is re-read from the line when needed).</summary>
    public readonly int NumberLength => UnknownLabelLength;

    /// <summary>For <see cref="LineFlags.NumberedTitle"/>: where the name starts.</summary>
    public readonly int NameStart => ValueOffset;

    private byte _marker;
    private byte _listKind;
    private byte _proseKind;

    public readonly bool Is(LineFlags flag) => (Flags & flag) != 0;
}

/// <summary>
/// The page's lines, each classified once (chrome, banner, numbered title, label row in each of its forms, heading
/// candidate, list item, rule, clarification …); the layout readers, the header reader and the body reader consume
/// this table and never ask again what it answered. What every reader needs is read in one pass up front; a line's
/// labels and its words are read on first demand and kept (<see cref="LineFlags.Labels"/>, <see cref="LineFlags.Words"/>),
/// since only the lines near the header and the heading candidates are ever asked. The table is rented from the
/// array pool: dispose the instance when the parse is over.
/// </summary>
internal sealed class PageLines : IDisposable
{
    private const int MaxHeadingLength = 80;
    private const int MaxHeadingWords = 10;
    private const int MaxUnknownLabelLength = 50;

    private LineInfo[]? _rented;

    /// <summary>
    /// The project numbers the first pass read (lines that open with one) after the first few (<see cref="_firstLeading"/>),
    /// in line order: the line, whether the number is the whole line (or only leads it, as a title's does), and the
    /// number. Kept beside the table rather than in it, as few lines hold one.
    /// </summary>
    private PooledList<(int Line, bool Whole, EsfProjectNumber Number)>? _leading;

    /// <summary>The first few of those, kept in the instance: a page has one or two (the title's, a number field's value on its own line), which then cost no list.</summary>
    private FirstLeading _firstLeading;

    private int _firstLeadingCount;

    /// <summary>The project numbers read later, on demand, by line: where the text starts on it, and the number, if it is one.</summary>
    private Dictionary<int, (int Offset, EsfProjectNumber? Number)>? _values;

    private PageLines(SourceText source, ParserConfiguration config)
    {
        Source = source;
        Config = config;
        _rented = ArrayPool<LineInfo>.Shared.Rent(Math.Max(1, source.Lines.Count));
        Count = source.Lines.Count;
    }

    public SourceText Source { get; }

    public ParserConfiguration Config { get; }

    public ArraySegment<TextLine> Lines => Source.Lines;

    public int Count { get; }

    public static PageLines Classify(SourceText source, ParserConfiguration config)
    {
        var page = new PageLines(source, config);
        var table = page._rented!;
        var lines = source.Lines.AsSpan();
        for (var i = 0; i < lines.Length; i++)
        {
            WorkCounter.Record(Work.Classify, i);
            page.ClassifyLine(i, lines[i], ref table[i]);
        }

        return page;
    }

    /// <summary>A line's classification as the first pass read it: every flag but those read on demand (<see cref="LineFlags.Labels"/>, <see cref="LineFlags.Words"/>: ask <see cref="Is"/>).</summary>
    public ref readonly LineInfo Basic(int index) => ref _rented![index];

    /// <summary>A line's classification with its labels read (the header readers' view); the word flags are read only through <see cref="Is"/>.</summary>
    public ref readonly LineInfo Line(int index)
    {
        ref var info = ref _rented![index];
        Complete(index, ref info, LineFlags.Labels);
        return ref info;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _rented, null) is { } rented)
        {
            ArrayPool<LineInfo>.Shared.Return(rented);
        }

        _leading?.Dispose();
    }

    /// <summary>The project number leading a <see cref="LineFlags.NumberedTitle"/> line, as the first pass read it.</summary>
    public EsfProjectNumber TitleNumber(int index) => TryLeading(index, out _, out var number) ? number : throw new InvalidOperationException("The line holds no title number.");

    /// <summary>The first pass's number of a line, if it read one: whether it is the whole line, and the number.</summary>
    private bool TryLeading(int index, out bool whole, out EsfProjectNumber number)
    {
        (whole, number) = (false, default);
        if ((_rented![index].Flags & LineFlags.NumberRead) == 0)
        {
            return false;
        }

        for (var i = 0; i < _firstLeadingCount; i++)
        {
            if (_firstLeading[i].Line == index)
            {
                (_, whole, number) = _firstLeading[i];
                return true;
            }
        }

        var at = Leading(index);
        if (at < 0)
        {
            return false;
        }

        (_, whole, number) = _leading![at];
        return true;
    }

    /// <summary>Where the first pass's number of a line is in <see cref="_leading"/> (which is in line order); -1 for none.</summary>
    private int Leading(int index)
    {
        if (_leading is null)
        {
            return -1;
        }

        var numbers = _leading.AsSpan();
        int low = 0, high = numbers.Length - 1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            var line = numbers[mid].Line;
            if (line == index)
            {
                return mid;
            }

            (low, high) = line < index ? (mid + 1, high) : (low, mid - 1);
        }

        return -1;
    }

    /// <summary>
    /// The project number a field's value is (the line's content from <paramref name="offset"/>, trimmed), or
    /// <see langword="null"/> when it is none: read on first demand and kept, so the layout recogniser and the
    /// assembler, which both need it, read it once.
    /// </summary>
    public EsfProjectNumber? ProjectNumberAt(int index, int offset)
    {
        ref var info = ref _rented![index];
        if ((info.Flags & LineFlags.NumberRead) != 0)
        {
            if (offset == 0 && TryLeading(index, out var whole, out var leading) && whole)
            {
                return leading;
            }

            if (_values is not null && _values.TryGetValue(index, out var kept) && kept.Offset == offset)
            {
                return kept.Number;
            }
        }

        var text = TextChars.Trim(Content(index)[Math.Min(offset, Lines[index].ContentLength)..]);
        EsfProjectNumber? read = EsfProjectNumber.TryParse(text, out var parsed) ? parsed : null;
        WorkCounter.Record(Work.ProjectNumber, index);
        if ((_values ??= []).TryAdd(index, (offset, read)))
        {
            info.Flags |= LineFlags.NumberRead;
        }

        return read;
    }

    public ReadOnlySpan<char> Content(int index) => Source.Content(Lines[index]);

    public bool IsBlank(int index) => Lines[index].IsBlank;

    /// <summary>Whether the line has any of <paramref name="flags"/>, reading the flags that are read on demand when asked for.</summary>
    public bool Is(int index, LineFlags flags)
    {
        ref var info = ref _rented![index];
        Complete(index, ref info, flags);
        return (info.Flags & flags) != 0;
    }

    private void Complete(int index, ref LineInfo info, LineFlags flags)
    {
        if ((flags & LineFlags.Labels) != 0 && (info.Flags & (LineFlags.LabelsRead | LineFlags.Blank)) == 0)
        {
            WorkCounter.Record(Work.ReadLabels, index);
            ReadLabels(Content(index), ref info);
        }

        if ((flags & LineFlags.Words) != 0 && (info.Flags & (LineFlags.WordsRead | LineFlags.Blank)) == 0)
        {
            WorkCounter.Record(Work.ReadWords, index);
            ReadWords(Content(index), ref info);
        }
    }

    public int NextNonBlank(int index)
    {
        for (var i = index; i < Count; i++)
        {
            if (!Lines[i].IsBlank)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A known heading standing alone: a blank line or the end after it, or directly its list items.</summary>
    public bool IsStandaloneKnownHeading(int index)
    {
        if (!Is(index, LineFlags.KnownHeading))
        {
            return false;
        }

        var next = index + 1;
        return next >= Count || IsBlank(next) || Is(next, LineFlags.ListItem);
    }

    /// <summary>A line that reads as a label where a value is expected: strong forms always, glued always, spaced unless the label also begins values.</summary>
    public bool IsLabelLine(int index)
    {
        ref readonly var info = ref Line(index);
        return info.Is(LineFlags.KnownLabel)
            && (info.Label.IsStrong || info.Label.Form == LabelForm.Glued || !info.Label.Label.MayStartValue);
    }

    /// <summary>Marks a line as a section's sub-heading (the body reader's decision).</summary>
    public void MarkSubHeading(int index) => _rented![index].Flags |= LineFlags.SubHeading;

    /// <summary>The flags every reader needs, read in the one pass up front; the rest waits for <see cref="Complete"/>.</summary>
    /// <remarks>
    /// The slot comes from a shared pool and may hold an earlier parse's line: it is cleared whole first, so a field read
    /// without its flag reads the same default on every parse, whatever was parsed before on this thread.
    /// </remarks>
    private void ClassifyLine(int index, in TextLine line, ref LineInfo info)
    {
        info = default;
        if (line.IsBlank)
        {
            info.Flags = LineFlags.Blank;
            return;
        }

        var content = Source.Content(line);
        var flags = LineFlags.None;
        var first = content[0];
        var last = content[^1];
        if (last is '.' or '!' or '?' or ';' or ',')
        {
            flags |= LineFlags.EndsSentence;
        }

        if (Config.MayBeChrome(content))
        {
            flags |= ParserConfiguration.IsOneOf(content, Config.Chrome) ? LineFlags.Chrome : LineFlags.None;
            flags |= ParserConfiguration.IsOneOf(content, Config.LanguageLinks) ? LineFlags.LanguageLink : LineFlags.None;
        }

        // Nearly every line starts with a letter that no ')' follows, which no list marker does: skip the full check.
        if (!(char.IsAsciiLetter(first) && (content.Length < 2 || content[1] != ')')) && ListMarker.TryReadAt(content, 0, out var marker, out var itemStart))
        {
            flags |= LineFlags.ListItem;
            info.Marker = marker;
            info.ValueOffset = itemStart;
        }
        else if (first is '-' or '_' or '=' or '*' or '\u2013' or '\u2014' && IsRule(content))
        {
            flags |= LineFlags.Rule;
        }
        else if (Config.MayStartClarification(first) && TryReadClarification(content, out var date))
        {
            flags |= LineFlags.Clarification;
            info.ClarificationDate = date;
        }

        if (char.IsAsciiDigit(first))
        {
            var title = TryNumberedTitle(content, out var number, out var numberLength, out var nameStart);
            if (numberLength > 0)
            {
                // A line that opens with a project number: a title's, or a number field's value written alone on its
                // line (Diarienummer:\n2019/00871) — kept, so neither is read again.
                WorkCounter.Record(Work.ProjectNumber, index);
                if (_firstLeadingCount < FirstLeading.Length)
                {
                    _firstLeading[_firstLeadingCount++] = (index, numberLength == content.Length, number);
                }
                else
                {
                    (_leading ??= new()).Add((index, numberLength == content.Length, number));
                }

                flags |= LineFlags.NumberRead;
            }

            if (title)
            {
                flags |= LineFlags.NumberedTitle;
                info.UnknownLabelLength = numberLength;
                info.ValueOffset = nameStart;
            }
        }

        if (Config.MayBeHeading(content) && Config.TryGetHeading(content, out var meaning))
        {
            flags |= LineFlags.KnownHeading;
            info.Heading = meaning;
        }

        if (content.Length <= MaxHeadingLength && char.IsUpper(first) && last != ':'
            && (flags & (LineFlags.EndsSentence | LineFlags.ListItem | LineFlags.Rule | LineFlags.Clarification)) == 0)
        {
            if ((content.Length < 2 || !char.IsLower(content[1])) && IsUpperCaseLabel(content))
            {
                flags |= LineFlags.UpperCaseLabel;
            }
            else if (content.Count(' ') < MaxHeadingWords)
            {
                flags |= LineFlags.HeadingLike;
            }
        }

        info.Flags = flags;
    }

    /// <summary>Matches the line against the labels: a known label in any form, or the shape of a label no field knows.</summary>
    private void ReadLabels(ReadOnlySpan<char> content, ref LineInfo info)
    {
        info.Flags |= LineFlags.LabelsRead;
        if (Config.TryMatchLabel(content, out var match))
        {
            info.Flags |= match.Form == LabelForm.GluedToWord ? LineFlags.WeakLabel : LineFlags.KnownLabel;
            info.Label = match;
        }
        else if (TryUnknownLabel(content, out var labelLength, out var valueOffset))
        {
            info.Flags |= LineFlags.UnknownLabel;
            info.UnknownLabelLength = labelLength;
            info.ValueOffset = valueOffset;
        }
    }

    /// <summary>Marks a short line whose last word a heading never ends with, or that holds a finite verb.</summary>
    private void ReadWords(ReadOnlySpan<char> content, ref LineInfo info)
    {
        info.Flags |= LineFlags.WordsRead;
        if (content.Length > MaxHeadingLength)
        {
            return;
        }

        var rest = content;
        var last = ReadOnlySpan<char>.Empty;
        while (!rest.IsEmpty)
        {
            var space = rest.IndexOf(' ');
            var word = space < 0 ? rest : rest[..space];
            rest = space < 0 ? [] : rest[(space + 1)..];
            if (word.IsEmpty)
            {
                continue;
            }

            if (Config.IsLeadInVerb(word))
            {
                info.Flags |= LineFlags.HasLeadInVerb;
            }

            last = word;
        }

        if (!last.IsEmpty && last.Length < content.Length && Config.IsLeadInEnding(last))
        {
            info.Flags |= LineFlags.EndsWithLeadInWord;
        }
    }

    /// <summary><c>2019/00871 - Name</c>, <c>23-112-S05 – Name</c>: a project number, a dash or colon, a name.</summary>
    private static bool TryNumberedTitle(ReadOnlySpan<char> content, out EsfProjectNumber number, out int numberLength, out int nameStart)
    {
        nameStart = 0;
        if (!char.IsAsciiDigit(content[0]) || !EsfProjectNumber.TryReadPrefix(content, out number, out numberLength))
        {
            number = default;
            numberLength = 0;
            return false;
        }

        var i = TextChars.SkipSpaces(content, numberLength);
        if (i < content.Length && content[i] is '-' or '\u2013' or '\u2014' or ':')
        {
            nameStart = TextChars.SkipSpaces(content, i + 1);
            if (nameStart < content.Length)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>Label: value</c>, <c>Label:</c> or <c>Label&lt;TAB&gt;value</c> with a short label that is not a sentence.</summary>
    private static bool TryUnknownLabel(ReadOnlySpan<char> content, out int labelLength, out int valueOffset)
    {
        labelLength = valueOffset = 0;
        var head = content.Length > MaxUnknownLabelLength + 1 ? content[..(MaxUnknownLabelLength + 1)] : content;
        var separator = head.IndexOfAny(':', '\t');
        if (separator <= 0 || !char.IsLetter(content[0]))
        {
            return false;
        }

        var label = TextChars.Trim(content[..separator]);
        if (label.IsEmpty || label.ContainsAny('.', '!', '?') || label.Count(' ') > 5 || ListMarker.TryRead(content, out _, out _))
        {
            return false;
        }

        var after = separator + 1;
        if (content[separator] == ':' && after < content.Length && !TextChars.IsSpace(content[after]))
        {
            return false; // "kl. 10:30", "http://": a colon inside a word
        }

        labelLength = label.Length;
        valueOffset = TextChars.SkipSpaces(content, after);
        return true;
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

    private bool TryReadClarification(ReadOnlySpan<char> content, out LocalDate date)
    {
        date = default;
        foreach (var word in Config.ClarificationWords)
        {
            // Asked of nearly every body line: rule most out on the first letter before the case-insensitive comparison.
            if (content.Length < word.Length || (content[0] | 0x20) != (word[0] | 0x20) || !TextChars.StartsWithIgnoreCase(content, word))
            {
                continue;
            }

            var rest = TextChars.Trim(content[word.Length..]);
            if (rest.Length > 0 && rest[^1] is ':' or '.')
            {
                rest = TextChars.Trim(rest[..^1]);
            }

            var result = SwedishDateRange.ParseDate(rest);
            date = result.Value;
            if (result.Success)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Room for the first project numbers a page's lines open with, inside <see cref="PageLines"/>.</summary>
[System.Runtime.CompilerServices.InlineArray(Length)]
internal struct FirstLeading
{
    public const int Length = 4;

    private (int Line, bool Whole, EsfProjectNumber Number) _element;
}
