using System.Collections.Frozen;
using Esf.Projects.Fields;

namespace Esf.Projects.Parsing.Layouts;

/// <summary>
/// Reads one of the project bank's page layouts: says how strongly a page shows the layout's marks, and reads the
/// page's frame (banners, title, header rows, where the body starts). The body is read by one reader for all
/// layouts, told by <see cref="KnownHeadingMayLeadText"/> where the layouts differ.
/// </summary>
/// <remarks>
/// Adding a layout is one subclass (its frame reader and its <see cref="Marks"/>), one entry in
/// <see cref="LayoutRecognizer"/>'s list, a value of <see cref="PageLayout"/>, and tests (see <c>docs/layouts.md</c>).
/// </remarks>
internal abstract class LayoutReader
{
    /// <summary>The layout this reader reads.</summary>
    public abstract PageLayout Layout { get; }

    /// <summary>Whether a known heading directly followed by text (no blank line) starts a section: it does on the newer pages (<c>Sammanfattning</c> / text), while on print exports such a line is a sub-heading.</summary>
    public virtual bool KnownHeadingMayLeadText => false;

    /// <summary>What this layout's pages show that others' do not, with weights; the reader whose marks weigh most on a page reads it.</summary>
    public abstract LayoutMarks Marks { get; }

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

/// <summary>
/// What pages of one layout show and pages of the others do not, each with a weight: declared beside the layout's
/// reader (<see cref="LayoutReader.Marks"/>) and counted by <see cref="LayoutRecognizer"/> in one pass over the lines
/// before the body, for every reader at once. Labels are named by their field's key, so a layout marks fields, not
/// spellings, in every language.
/// </summary>
internal sealed class LayoutMarks
{
    /// <summary>No marks: a reader that is never chosen on evidence (the fallback).</summary>
    public static readonly LayoutMarks None = new();

    /// <summary>Per label row glued to its value (<c>RegionSydsverige</c>).</summary>
    public int GluedRow { get; init; }

    /// <summary>Per line of print chrome or language link (<c>Logotyp på utskrifter</c>, <c>In English</c>).</summary>
    public int PrintMark { get; init; }

    /// <summary>The form this layout's project numbers have, in the title line or a project-number field (<see cref="Handlers.HeaderFieldTraits.ProjectNumber"/>); <see langword="null"/> for none.</summary>
    public ProjectNumberForm? NumberForm { get; init; }

    /// <summary>Per number of <see cref="NumberForm"/>.</summary>
    public int Number { get; init; }

    /// <summary>The keys of fields whose labels only this layout's pages have, with a weight per label row.</summary>
    public FrozenDictionary<string, int> Labels { get; init; } = FrozenDictionary<string, int>.Empty;

    /// <summary>Of <see cref="Labels"/>, those that count only with a value (2014–2020 pages have <c>Startdatum</c>, but empty).</summary>
    public FrozenSet<string> OnlyWithValue { get; init; } = FrozenSet<string>.Empty;
}
