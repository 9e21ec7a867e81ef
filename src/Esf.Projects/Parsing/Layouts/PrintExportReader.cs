using System.Collections.Frozen;
using Esf.Projects.Layouts;

namespace Esf.Projects.Parsing.Layouts;

/// <summary>
/// The 2007–2013 print export (the seeds): chrome and banners, the title, then label rows — glued as the export writes
/// them (<c>RegionSydsverige</c>), or spaced, <c>Label: value</c>, tabbed, or the label alone with its value on a
/// following line, as copies of the page have them — up to <c>In English</c> or the first form heading.
/// </summary>
/// <remarks>
/// Also the reader of pages that fit no layout (<see cref="PageLayout.Unknown"/>): it is the most tolerant. The header
/// starts at the first label line followed within a few lines by another (or written <c>Label: value</c>). A row
/// glued to a lower-case letter (<c>Kontaktpersonanna Berg</c>) is a row when the header is made of glued rows and
/// no other row gives that field; otherwise it is text (<c>Regionförbundet Kalmar län</c>), kept as unplaced.
/// </remarks>
internal class PrintExportReader : LayoutReader
{
    public PrintExportReader()
        : this(PageLayout.PrintExport2007To2013)
    {
    }

    protected PrintExportReader(PageLayout layout)
        : base(layout)
    {
    }

    private static readonly LayoutMarks PrintExportMarks = new()
    {
        GluedRow = 3,
        PrintMark = 2,
        Labels = new Dictionary<string, int> { [Handlers.EsfHeaderFields.Phase.Key] = 3 }.ToFrozenDictionary(),
    };

    /// <inheritdoc />
    public override LayoutMarks Marks => PrintExportMarks;

    /// <inheritdoc />
    internal override void Read(PageLines page, int first, PageFrame frame)
    {
        var headerStart = FindHeaderStart(page, first);
        if (headerStart < 0)
        {
            return;
        }

        frame.HasHeader = true;
        ReadPreamble(page, first, headerStart, frame);
        frame.BodyStart = ReadHeader(page, headerStart, frame);
    }

    /// <summary>The first label line that another label line follows within four non-blank lines (or a <c>Label: value</c> line), before any known heading.</summary>
    private static int FindHeaderStart(PageLines page, int first)
    {
        for (var i = first; i < page.Count; i++)
        {
            if (page.IsBlank(i))
            {
                continue;
            }

            if (page.IsStandaloneKnownHeading(i))
            {
                return -1;
            }

            if (!page.Is(i, LineFlags.KnownLabel))
            {
                continue;
            }

            var seen = 0;
            for (var j = i + 1; j < page.Count && seen < 4; j++)
            {
                if (page.IsBlank(j))
                {
                    continue;
                }

                seen++;
                if (page.IsLabelLine(j))
                {
                    return i;
                }
            }

            if (page.Line(i).Label.Form == LabelForm.Separated)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Reads header rows from <paramref name="start"/>; returns the index of the first body line.</summary>
    private static int ReadHeader(PageLines page, int start, PageFrame frame)
    {
        var labelAloneLayout = false;
        var gluedRows = 0;
        List<int>? weak = null;
        var i = start;
        while (i < page.Count)
        {
            if (page.IsBlank(i))
            {
                i++;
                continue;
            }

            if (page.Is(i, LineFlags.LanguageLink))
            {
                i++;
                break;
            }

            if (page.IsStandaloneKnownHeading(i))
            {
                break;
            }

            var info = page.Line(i);
            if (info.Is(LineFlags.KnownLabel))
            {
                var match = info.Label;
                if (match.Form == LabelForm.Alone)
                {
                    labelAloneLayout = true;
                    i = ReadValueOnNextLine(page, i, match.Label.Text.Length, match.Label, frame);
                    continue;
                }

                gluedRows += match.Form == LabelForm.Glued ? 1 : 0;
                frame.Rows.Add(new HeaderRow(i, match.Label.Text.Length, match.Label, i, match.ValueOffset));
                i++;
                continue;
            }

            if (info.Is(LineFlags.UnknownLabel))
            {
                if (info.ValueOffset >= page.Lines[i].ContentLength)
                {
                    labelAloneLayout = true;
                    i = ReadValueOnNextLine(page, i, info.UnknownLabelLength, null, frame);
                    continue;
                }

                frame.Rows.Add(new HeaderRow(i, info.UnknownLabelLength, null, i, info.ValueOffset));
                i++;
                continue;
            }

            var content = page.Content(i);
            var next = page.NextNonBlank(i + 1);
            if (labelAloneLayout && next >= 0 && content.Length <= 60 && !info.Is(LineFlags.EndsSentence)
                && !page.IsLabelLine(next) && !page.Is(next, LineFlags.LanguageLink) && !page.IsStandaloneKnownHeading(next)
                && LabelFollowsWithin(page, next + 1, 2))
            {
                // "Stödmottagare postnr" then "17141": an unknown label in the label-on-its-own-line layout.
                frame.Rows.Add(new HeaderRow(i, content.Length, null, next, 0));
                i = next + 1;
                continue;
            }

            if (LabelFollowsWithin(page, i + 1, 2))
            {
                if (info.Is(LineFlags.WeakLabel))
                {
                    (weak ??= []).Add(i);
                }
                else
                {
                    frame.UnplacedLines.Add(i);
                }

                i++;
                continue;
            }

            break;
        }

        if (weak is not null)
        {
            PlaceWeakRows(page, weak, gluedRows, frame);
        }

        return i;
    }

    /// <summary>
    /// A row glued to a lower-case letter is its label's row in a header of glued rows when no other row gives that
    /// field (<c>Kontaktpersonanna Berg</c>); otherwise it is unplaced text (<c>Regionförbundet Kalmar län</c>).
    /// </summary>
    /// <remarks>
    /// Linear: the fields given are a set made once, and the weak lines (in page order, as the rows and the unplaced
    /// lines already are) are merged into both lists in one pass each, not inserted one by one — a header of
    /// thousands of such lines was quadratic.
    /// </remarks>
    private static void PlaceWeakRows(PageLines page, List<int> weak, int gluedRows, PageFrame frame)
    {
        var given = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in frame.Rows)
        {
            if (row.Label is { } label && label.Kind != HeaderField.UnknownKind)
            {
                given.Add(label.Kind);
            }
        }

        var placed = new List<HeaderRow>();
        var unplaced = new List<int>();
        foreach (var line in weak)
        {
            var match = page.Line(line).Label;
            var kind = match.Label.Kind;
            if (gluedRows >= 2 && (kind == HeaderField.UnknownKind || given.Add(kind)))
            {
                placed.Add(new HeaderRow(line, match.Label.Text.Length, match.Label, line, match.ValueOffset));
            }
            else
            {
                unplaced.Add(line);
            }
        }

        frame.Rows.Merge(placed, static r => r.LabelLine);
        frame.UnplacedLines.Merge(unplaced, static l => l);
    }

    /// <summary>A label alone: the value is the next non-blank line unless that line is itself a label, a language link, a heading or an empty unknown label.</summary>
    private static int ReadValueOnNextLine(PageLines page, int index, int labelLength, LabelDefinition? label, PageFrame frame)
    {
        var next = page.NextNonBlank(index + 1);
        if (next >= 0 && (!page.IsLabelLine(next) || RestatesLabel(page, next, label)) && !page.Is(next, LineFlags.LanguageLink)
            && !page.IsStandaloneKnownHeading(next)
            && !(page.Is(next, LineFlags.UnknownLabel) && page.Line(next).ValueOffset >= page.Lines[next].ContentLength))
        {
            frame.Rows.Add(new HeaderRow(index, labelLength, label, next, 0));
            return next + 1;
        }

        frame.Rows.Add(new HeaderRow(index, labelLength, label, -1, 0));
        return index + 1;
    }

    /// <summary>A value that repeats its own label (<c>Programområde 2 Ökat arbetskraftsutbud</c>) is still a value.</summary>
    private static bool RestatesLabel(PageLines page, int index, LabelDefinition? label)
    {
        var info = page.Line(index);
        return label is not null && info.Label.Label == label && info.Label.Form == LabelForm.Spaced;
    }
}

/// <summary>Pages that fit none of the layouts: read by the most tolerant reader, the print export's, and reported (ESF0010).</summary>
internal sealed class FallbackReader : PrintExportReader
{
    public FallbackReader()
        : base(PageLayout.Unknown)
    {
    }

    /// <inheritdoc />
    public override LayoutMarks Marks => LayoutMarks.None;
}
