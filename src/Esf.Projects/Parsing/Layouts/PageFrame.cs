namespace Esf.Projects.Parsing.Layouts;

/// <summary>One header row as a layout reader found it: where the label is and where its value is (if any).</summary>
/// <param name="LabelLine">The line of the label.</param>
/// <param name="LabelLength">The label's length in characters from the line's content start.</param>
/// <param name="Label">The known label, or <see langword="null"/> for a label no field knows.</param>
/// <param name="ValueLine">The line of the value (the label's own line for inline values); -1 when the row has no value.</param>
/// <param name="ValueOffset">Where the value starts in <paramref name="ValueLine"/>'s content.</param>
internal readonly record struct HeaderRow(int LabelLine, int LabelLength, LabelDefinition? Label, int ValueLine, int ValueOffset);

/// <summary>What a layout reader makes of the page around the body: banners, title, header rows, unplaced lines and where the body starts. Disposed when the parse is done (its lists are pooled).</summary>
internal sealed class PageFrame : IDisposable
{
    public PageLayout Layout { get; set; }

    /// <summary>The name of the reader that read the frame (<see cref="Esf.Projects.Layouts.PageLayoutReader.Name"/>).</summary>
    public string LayoutName { get; set; } = "unknown";

    /// <summary>Non-blank lines before the title that are not chrome: site banners.</summary>
    public List<int> NoticeLines { get; } = [];

    /// <summary>The title line, or -1.</summary>
    public int TitleLine { get; set; } = -1;

    /// <summary>Whether the page has a header at all (ESF0002 when not).</summary>
    public bool HasHeader { get; set; }

    /// <summary>The rows, in page order.</summary>
    public PooledList<HeaderRow> Rows { get; } = new();

    /// <summary>Lines in the header that are neither label nor value (ESF0105), in page order.</summary>
    public PooledList<int> UnplacedLines { get; } = new();

    /// <summary>The first line of the body.</summary>
    public int BodyStart { get; set; }

    public void Dispose()
    {
        Rows.Dispose();
        UnplacedLines.Dispose();
    }
}
