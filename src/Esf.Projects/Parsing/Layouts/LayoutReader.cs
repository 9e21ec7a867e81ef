namespace Esf.Projects.Parsing.Layouts;

/// <summary>
/// Reads one of the project bank's page layouts: says how strongly a page shows the layout's marks, and reads the
/// page's frame (banners, title, header rows, where the body starts). The body is read by one reader for all
/// layouts, told by <see cref="KnownHeadingMayLeadText"/> where the layouts differ.
/// </summary>
/// <remarks>
/// Adding a layout is one subclass, one entry in <see cref="LayoutRecognizer"/>'s list, a value of
/// <see cref="PageLayout"/>, and tests (see <c>docs/layouts.md</c>).
/// </remarks>
internal abstract class LayoutReader
{
    /// <summary>The layout this reader reads.</summary>
    public abstract PageLayout Layout { get; }

    /// <summary>Whether a known heading directly followed by text (no blank line) starts a section: it does on the newer pages (<c>Sammanfattning</c> / text), while on print exports such a line is a sub-heading.</summary>
    public virtual bool KnownHeadingMayLeadText => false;

    /// <summary>How strongly the page shows this layout's marks, from the classified lines up to the body; 0 for none.</summary>
    public abstract int Evidence(PageLines page, in LayoutMarks marks);

    /// <summary>Reads the page's frame from its first non-blank line.</summary>
    public abstract PageFrame Read(PageLines page, int first);

    /// <summary>The title's line when it is the last non-blank, non-chrome line before <paramref name="headerStart"/>; the lines before it are the notice.</summary>
    protected static void ReadPreamble(PageLines page, int first, int headerStart, PageFrame frame)
    {
        var title = -1;
        for (var i = first; i < headerStart; i++)
        {
            if (page.IsBlank(i) || page.Is(i, LineFlags.Chrome))
            {
                continue;
            }

            if (title >= 0)
            {
                frame.NoticeLines.Add(title);
            }

            title = i;
        }

        frame.TitleLine = title;
    }

    /// <summary>Whether <paramref name="line"/> continues a header that has been read so far: a known label follows within <paramref name="count"/> non-blank lines (before any known heading or language link).</summary>
    protected static bool LabelFollowsWithin(PageLines page, int line, int count)
    {
        for (var j = line; j < page.Count && count > 0; j++)
        {
            if (page.IsBlank(j))
            {
                continue;
            }

            if (page.Is(j, LineFlags.LanguageLink) || page.IsStandaloneKnownHeading(j))
            {
                return false;
            }

            if (page.Is(j, LineFlags.KnownLabel))
            {
                return true;
            }

            count--;
        }

        return false;
    }
}

/// <summary>Counts of the marks that tell the layouts apart, gathered in one pass over the lines before the body.</summary>
internal struct LayoutMarks
{
    /// <summary>Glued label rows (<c>RegionSydsverige</c>).</summary>
    public int GluedRows;

    /// <summary><c>In English</c> and the print chrome.</summary>
    public int PrintMarks;

    /// <summary>Labels only the 2007–2013 export has (<c>Projektfas</c>).</summary>
    public int OldLabels;

    /// <summary><c>YYYY/NNNNN</c> numbers in the title line or a number field.</summary>
    public int YearSerialNumbers;

    /// <summary><c>NN-NNN-SNN</c> numbers in the title line or a number field.</summary>
    public int EsfPlusNumbers;

    /// <summary>Labels only the 2014–2020 pages have (<c>Diarienummer</c> with no ESF+ marks, <c>Namn</c>, <c>Utvärderingsrapporter</c>, <c>Total Kostnader</c>).</summary>
    public int ProjectBankLabels;

    /// <summary>Labels only ESF+ pages have (<c>Startdatum</c>, <c>Fond</c>, <c>Program CCI</c>, <c>NUTS-2 kod</c> …).</summary>
    public int EsfPlusLabels;

    /// <summary>Whether any line before the body starts with a known label.</summary>
    public bool AnyLabel;
}
