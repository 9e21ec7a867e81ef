using Esf.Projects.Layouts;

namespace Esf.Projects.Parsing.Layouts;

/// <summary>
/// A built-in layout's reader: a <see cref="PageLayoutReader"/> like a user's (registered in
/// <see cref="ProjectParserBuilder.Layouts"/>, its marks declared, chosen the same way), that reads the frame from
/// the parser's own table of lines rather than through <see cref="LayoutPage"/>.
/// </summary>
/// <remarks>
/// Adding a layout is one subclass (its frame reader and its <see cref="PageLayoutReader.Marks"/>), one entry in the
/// builder's list, a value of <see cref="PageLayout"/>, and tests (see <c>docs/layouts.md</c>).
/// </remarks>
internal abstract class LayoutReader(PageLayout layout) : PageLayoutReader(Json.ProjectJson.CamelCase(layout.ToString()))
{
    /// <inheritdoc />
    internal override PageLayout Layout => layout;

    /// <inheritdoc />
    public sealed override void Read(LayoutPage page, LayoutFrame frame) => Read(page.Lines, page.First, frame.Frame);

    /// <summary>Reads the page's frame from its first non-blank line into <paramref name="frame"/>.</summary>
    internal abstract void Read(PageLines page, int first, PageFrame frame);

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
