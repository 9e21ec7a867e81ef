using System.Collections.Frozen;
using Esf.Projects.Fields;
using Esf.Projects.Parsing;
using Esf.Projects.Parsing.Layouts;

namespace Esf.Projects.Layouts;

/// <summary>
/// A page layout: what its pages show that others' do not (<see cref="Marks"/>) and how the frame around their body —
/// banners, title, header rows — is read (<see cref="Read"/>). The parser counts every layout's marks on a page in one
/// pass over the lines before the body, and the layout whose marks weigh most reads the page; the body (sections,
/// blocks, lists) and the project are read the same way for every layout. The three layouts of the project bank
/// are the first entries of <see cref="ProjectParserBuilder.Layouts"/>; yours go in the same list.
/// </summary>
/// <remarks>
/// A reader is shared by every parse, on any thread: keep it stateless. It sees the page's lines as the parser
/// classified them (<see cref="LayoutPage"/>) and says where things are (<see cref="LayoutFrame"/>); the rows' values
/// are then read by the header fields, whatever the layout. A reader that throws does not stop the parse: the page is
/// read by the most tolerant built-in reader and the failure reported (ESF0303).
/// </remarks>
public abstract class PageLayoutReader
{
    /// <summary>Creates a reader.</summary>
    /// <param name="name">The layout's name, camelCase (<c>kommunExport</c>): <see cref="EsfProject.LayoutName"/> and the JSON's <c>layout</c> of the pages it reads.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank or holds white space.</exception>
    protected PageLayoutReader(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.AsSpan().ContainsAny(" \t\r\n"))
        {
            throw new ArgumentException("A layout's name is one word (camelCase).", nameof(name));
        }

        Name = name;
    }

    /// <summary>The layout's name: <see cref="EsfProject.LayoutName"/> of the pages this reader reads.</summary>
    public string Name { get; }

    /// <summary>What this layout's pages show that others' do not, with weights, read once when the parser is built; the reader whose marks weigh most on a page reads it (the earlier in the list on a tie), and a page that shows no layout's marks is read by the most tolerant built-in reader (<see cref="PageLayout.Unknown"/>, ESF0010).</summary>
    public abstract LayoutMarks Marks { get; }

    /// <summary>Whether a known heading directly followed by text (no blank line between) starts a section, as on the newer project pages (<c>Sammanfattning</c> / text); on the print export such a line is a sub-heading. <see langword="false"/> unless overridden.</summary>
    public virtual bool KnownHeadingMayLeadText => false;

    /// <summary>The <see cref="PageLayout"/> a built-in reader reads; <see cref="PageLayout.Other"/> for yours.</summary>
    internal virtual PageLayout Layout => PageLayout.Other;

    /// <summary>Reads the frame of a page this layout's marks won: the notice and title before the header, the header's rows, lines in it that are neither, and where the body starts.</summary>
    /// <param name="page">The page's lines as the parser classified them.</param>
    /// <param name="frame">Where the reader says what it found; a frame with no rows and <see cref="LayoutFrame.HasHeader"/> false makes the page one without a header (ESF0002).</param>
    public abstract void Read(LayoutPage page, LayoutFrame frame);

    /// <summary>The reader's name.</summary>
    /// <returns><see cref="Name"/>.</returns>
    public override string ToString() => Name;
}

/// <summary>
/// What pages of one layout show and pages of the others do not, each with a weight per occurrence:
/// <see cref="PageLayoutReader.Marks"/>. Labels are named by their field's key (<see cref="Handlers.HeaderFieldHandler.Key"/>),
/// so a layout marks fields, not spellings, in every language the parser reads.
/// </summary>
/// <remarks>The built-in weights: 10 per project number of the layout's form, 3 per glued row and per 2007–2013 label, 2 per print mark and per label only the newer layouts have.</remarks>
public sealed record LayoutMarks
{
    /// <summary>No marks: a reader never chosen on evidence.</summary>
    public static LayoutMarks None { get; } = new();

    /// <summary>Per label row glued to its value (<c>RegionSydsverige</c>, as the 2007–2013 export writes rows).</summary>
    public int GluedRow { get; init; }

    /// <summary>Per line of print chrome or language link (<c>Logotyp på utskrifter</c>, <c>In English</c>).</summary>
    public int PrintMark { get; init; }

    /// <summary>The form this layout's project numbers have, in the title line or a project-number field (<see cref="Handlers.HeaderFieldTraits.ProjectNumber"/>); <see langword="null"/> for none.</summary>
    public ProjectNumberForm? NumberForm { get; init; }

    /// <summary>Per project number of <see cref="NumberForm"/>.</summary>
    public int Number { get; init; }

    /// <summary>The keys of fields whose labels only this layout's pages have, with a weight per label row (the first field of a label that any layout marks decides).</summary>
    public FrozenDictionary<string, int> Labels { get; init; } = FrozenDictionary<string, int>.Empty;

    /// <summary>Of <see cref="Labels"/>, those that count only with a value (2014–2020 pages have <c>Startdatum</c>, but empty).</summary>
    public FrozenSet<string> OnlyWithValue { get; init; } = FrozenSet<string>.Empty;

    /// <summary>Whether both declare the same marks, the label weights compared as sets.</summary>
    /// <param name="other">The other marks.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(LayoutMarks? other) =>
        other is not null && GluedRow == other.GluedRow && PrintMark == other.PrintMark && NumberForm == other.NumberForm && Number == other.Number
        && Labels.Count == other.Labels.Count && Labels.All(p => other.Labels.TryGetValue(p.Key, out var w) && w == p.Value)
        && OnlyWithValue.SetEquals(other.OnlyWithValue);

    /// <summary>A hash consistent with <see cref="Equals(LayoutMarks?)"/>.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() => HashCode.Combine(GluedRow, PrintMark, NumberForm, Number, Labels.Count, OnlyWithValue.Count);
}

/// <summary>What a line is, as the parser's first look at it tells (several may hold).</summary>
[Flags]
public enum LayoutLineKinds
{
    /// <summary>Nothing below.</summary>
    None = 0,

    /// <summary>Empty or white space.</summary>
    Blank = 1,

    /// <summary>Print chrome of the vocabulary (<c>Logotyp på utskrifter</c>, <c>Stäng</c>).</summary>
    Chrome = 2,

    /// <summary>The link to the other language (<c>In English</c>).</summary>
    LanguageLink = 4,

    /// <summary>A project number, a dash and a name (<c>2019/00871 - Vägar framåt</c>).</summary>
    NumberedTitle = 8,

    /// <summary>Starts with a known label (<see cref="LayoutPage.TryGetLabel"/> says which and how).</summary>
    Label = 16,

    /// <summary>Has the shape of a label no field knows: <c>Label: value</c>, <c>Label:</c>, <c>Label&lt;TAB&gt;value</c>.</summary>
    UnknownLabel = 32,

    /// <summary>A heading the vocabulary, the options or a section handler names, standing alone (a blank line, the end or its list after it).</summary>
    Heading = 64,

    /// <summary>Starts with a list marker.</summary>
    ListItem = 128,

    /// <summary>Ends with <c>. ! ? ; ,</c>: a sentence.</summary>
    Sentence = 256,
}

/// <summary>How a label stands on its line.</summary>
public enum LayoutLabelForm
{
    /// <summary>The label alone (optionally with a colon): its value, if any, is on a following line.</summary>
    Alone,

    /// <summary><c>Label: value</c> or <c>Label&lt;TAB&gt;value</c>.</summary>
    Separated,

    /// <summary><c>Label value</c>.</summary>
    Spaced,

    /// <summary><c>Labelvalue</c>, as the 2007–2013 export writes rows.</summary>
    Glued,
}

/// <summary>A label at the start of a line, as the parser matched it.</summary>
/// <param name="Kind">The key of the field it belongs to (<c>owner</c>), or <see cref="HeaderField.UnknownKind"/> for a label no field knows.</param>
/// <param name="Length">The label's length on the line, in characters from the line's first non-blank one (a trailing colon not counted).</param>
/// <param name="Form">How the label stands.</param>
/// <param name="ValueOffset">Where the value starts on the line (the line's length when nothing follows the label).</param>
public readonly record struct LayoutLabel(string Kind, int Length, LayoutLabelForm Form, int ValueOffset)
{
    /// <summary>The key of the field it belongs to (<c>owner</c>), or <see cref="HeaderField.UnknownKind"/> for a label no field knows.</summary>
    public string Kind { get; } = Kind;

    /// <summary>The label's length on the line, in characters from the line's first non-blank one (a trailing colon not counted).</summary>
    public int Length { get; } = Length;

    /// <summary>How the label stands.</summary>
    public LayoutLabelForm Form { get; } = Form;

    /// <summary>Where the value starts on the line (the line's length when nothing follows the label).</summary>
    public int ValueOffset { get; } = ValueOffset;
}

/// <summary>
/// A page's lines as the parser classified them, for a <see cref="PageLayoutReader"/>: each line's text (trimmed),
/// what it is, and the label it starts with. Valid only during <see cref="PageLayoutReader.Read"/>.
/// </summary>
public sealed class LayoutPage
{
    internal LayoutPage(PageLines lines, int first)
    {
        Lines = lines;
        First = first;
    }

    internal PageLines Lines { get; }

    /// <summary>The number of lines.</summary>
    public int Count => Lines.Count;

    /// <summary>The page's first non-blank line: where its frame starts.</summary>
    public int First { get; }

    /// <summary>A line's text without leading and trailing white space (empty for a blank line).</summary>
    /// <param name="index">The line, 0-based.</param>
    /// <returns>The text, a span over the page.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not a line of the page.</exception>
    public ReadOnlySpan<char> GetLine(int index) => Lines.Content(Check(index));

    /// <summary>What a line is.</summary>
    /// <param name="index">The line, 0-based.</param>
    /// <returns>The kinds that hold.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not a line of the page.</exception>
    public LayoutLineKinds GetKinds(int index)
    {
        ref readonly var info = ref Lines.Line(Check(index));
        var kinds = LayoutLineKinds.None;
        kinds |= info.Is(LineFlags.Blank) ? LayoutLineKinds.Blank : 0;
        kinds |= info.Is(LineFlags.Chrome) ? LayoutLineKinds.Chrome : 0;
        kinds |= info.Is(LineFlags.LanguageLink) ? LayoutLineKinds.LanguageLink : 0;
        kinds |= info.Is(LineFlags.NumberedTitle) ? LayoutLineKinds.NumberedTitle : 0;
        kinds |= info.Is(LineFlags.KnownLabel) ? LayoutLineKinds.Label : 0;
        kinds |= info.Is(LineFlags.UnknownLabel) ? LayoutLineKinds.UnknownLabel : 0;
        kinds |= Lines.IsStandaloneKnownHeading(index) ? LayoutLineKinds.Heading : 0;
        kinds |= info.Is(LineFlags.ListItem) ? LayoutLineKinds.ListItem : 0;
        kinds |= info.Is(LineFlags.EndsSentence) ? LayoutLineKinds.Sentence : 0;
        return kinds;
    }

    /// <summary>The label a line starts with: a known one (<see cref="LayoutLineKinds.Label"/>) or the shape of an unknown one (<see cref="LayoutLineKinds.UnknownLabel"/>).</summary>
    /// <param name="index">The line, 0-based.</param>
    /// <param name="label">The label, or <c>default</c>.</param>
    /// <returns>Whether the line starts with one.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not a line of the page.</exception>
    public bool TryGetLabel(int index, out LayoutLabel label)
    {
        ref readonly var info = ref Lines.Line(Check(index));
        if (info.Is(LineFlags.KnownLabel))
        {
            var match = info.Label;
            var form = match.Form switch
            {
                LabelForm.Alone => LayoutLabelForm.Alone,
                LabelForm.Separated => LayoutLabelForm.Separated,
                LabelForm.Spaced => LayoutLabelForm.Spaced,
                _ => LayoutLabelForm.Glued,
            };
            label = new LayoutLabel(match.Label.Kind, match.Label.Text.Length, form, match.ValueOffset);
            return true;
        }

        if (info.Is(LineFlags.UnknownLabel))
        {
            var length = Lines.Lines[index].ContentLength;
            label = new LayoutLabel(HeaderField.UnknownKind, info.UnknownLabelLength, info.ValueOffset >= length ? LayoutLabelForm.Alone : LayoutLabelForm.Separated, info.ValueOffset);
            return true;
        }

        label = default;
        return false;
    }

    private int Check(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return index;
    }
}

/// <summary>
/// What a <see cref="PageLayoutReader"/> found around the body: the notice and the title before the header, the
/// header's rows, lines in it that are neither, and where the body starts. Every line is given by its 0-based index.
/// </summary>
/// <remarks>Mutable by design while the reader reads; the parser turns it into the project's facts.</remarks>
public sealed class LayoutFrame
{
    private readonly LayoutPage _page;

    internal LayoutFrame(LayoutPage page, PageFrame frame)
    {
        _page = page;
        Frame = frame;
    }

    internal PageFrame Frame { get; }

    /// <summary>The title line, or -1 (the default) for none: the title is the line's text, without a leading project number.</summary>
    public int TitleLine
    {
        get => Frame.TitleLine;
        set => Frame.TitleLine = value < -1 || value >= _page.Count ? throw new ArgumentOutOfRangeException(nameof(value)) : value;
    }

    /// <summary>Whether the page has a header; set by <see cref="AddRow(int, int, int, int)"/>. A page without one is reported (ESF0002) and read as body after its title.</summary>
    public bool HasHeader
    {
        get => Frame.HasHeader;
        set => Frame.HasHeader = value;
    }

    /// <summary>The first line of the body; the line after the last row by default.</summary>
    public int BodyStart
    {
        get => Frame.BodyStart;
        set => Frame.BodyStart = value < 0 || value > _page.Count ? throw new ArgumentOutOfRangeException(nameof(value)) : value;
    }

    /// <summary>Adds a line before the title that is a site banner, not chrome: the project's <see cref="EsfProject.Notice"/>.</summary>
    /// <param name="line">The line.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="line"/> is not a line of the page.</exception>
    public void AddNotice(int line) => Frame.NoticeLines.Add(Check(line));

    /// <summary>Adds a header row: its value is on <paramref name="valueLine"/> from <paramref name="valueOffset"/>, or absent when <paramref name="valueLine"/> is -1. Rows are added in page order.</summary>
    /// <param name="labelLine">The label's line.</param>
    /// <param name="valueLine">The value's line (the label's own for an inline value), or -1.</param>
    /// <param name="valueOffset">Where the value starts on its line.</param>
    /// <param name="labelLength">0 (the default): the label the line starts with (<see cref="LayoutPage.TryGetLabel"/>). Otherwise a label the parser did not see as one (a short line followed by its value): the first <paramref name="labelLength"/> characters from the line's first non-blank one, claimed by no field unless its text is a known label.</param>
    /// <exception cref="ArgumentOutOfRangeException">A line is not one of the page, or the length is negative or does not fit the line.</exception>
    /// <exception cref="ArgumentException"><paramref name="labelLength"/> is 0 and the line starts with no label.</exception>
    public void AddRow(int labelLine, int valueLine, int valueOffset, int labelLength = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(labelLength);
        if (labelLength > 0)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThan(labelLength, _page.GetLine(labelLine).Length);
            AddRow(labelLine, labelLength, null, valueLine, valueOffset);
            return;
        }

        ref readonly var info = ref _page.Lines.Line(Check(labelLine));
        if (info.Is(LineFlags.KnownLabel))
        {
            AddRow(labelLine, info.Label.Label.Text.Length, info.Label.Label, valueLine, valueOffset);
        }
        else if (info.Is(LineFlags.UnknownLabel))
        {
            AddRow(labelLine, info.UnknownLabelLength, null, valueLine, valueOffset);
        }
        else
        {
            throw new ArgumentException("The line starts with no label; give the label's length.", nameof(labelLine));
        }
    }

    /// <summary>Adds a line in the header that is neither label nor value (kept in <see cref="EsfProject.UnplacedText"/>, ESF0105).</summary>
    /// <param name="line">The line.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="line"/> is not a line of the page.</exception>
    public void AddUnplaced(int line) => Frame.UnplacedLines.Add(Check(line));

    private void AddRow(int labelLine, int labelLength, LabelDefinition? label, int valueLine, int valueOffset)
    {
        if (valueLine != -1)
        {
            Check(valueLine);
            ArgumentOutOfRangeException.ThrowIfNegative(valueOffset);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(valueOffset, _page.Lines.Lines[valueLine].ContentLength);
        }

        Frame.Rows.Add(new HeaderRow(labelLine, labelLength, label, valueLine, valueLine == -1 ? 0 : valueOffset));
        Frame.HasHeader = true;
        Frame.BodyStart = Math.Max(Frame.BodyStart, Math.Max(labelLine, valueLine) + 1);
    }

    private int Check(int line)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(line);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(line, _page.Count);
        return line;
    }
}
