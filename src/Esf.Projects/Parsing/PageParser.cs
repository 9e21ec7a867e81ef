using System.Buffers;
using Esf.Projects.Layouts;
using Esf.Projects.Parsing.Layouts;

namespace Esf.Projects.Parsing;

/// <summary>
/// One parse of one page, in passes over a table that each look at every line once: split into lines, classify each
/// line, recognise the layout, read the frame (banners, title, header rows) with that layout's reader, read the body,
/// assemble the project.
/// </summary>
internal static class PageParser
{
    private static readonly SearchValues<char> ControlChars = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F");

    public static ProjectParseResult Parse(string text, DiagnosticBag diagnostics, ParserConfiguration config)
    {
        using var source = SourceText.Create(text);
        ReportControlCharacters(source, diagnostics);
        using var page = PageLines.Classify(source, config);
        var first = page.NextNonBlank(0);
        if (first < 0)
        {
            diagnostics.Add(DiagnosticCodes.EmptyInput, new SourcePosition(1, 1));
            return new ProjectParseResult(EsfProject.Empty, diagnostics.ToSortedArray());
        }

        var reader = LayoutRecognizer.Recognise(page, first);
        var frame = ReadFrame(ref reader, page, first, diagnostics);
        try
        {
            if (!frame.HasHeader)
            {
                diagnostics.Add(DiagnosticCodes.NoHeader, page.Lines[first].ContentPosition);
                frame.Dispose();
                frame = ReadWithoutHeader(page, first);
            }
            else if (frame.Layout == PageLayout.Unknown)
            {
                diagnostics.Add(DiagnosticCodes.LayoutNotRecognised, page.Lines[frame.Rows.Count > 0 ? frame.Rows[0].LabelLine : first].ContentPosition);
            }

            var body = new BodyReader(page, diagnostics, reader).Read(frame.BodyStart);
            var project = new ProjectAssembler(page, diagnostics).Assemble(frame, body);
            return new ProjectParseResult(project, diagnostics.ToSortedArray());
        }
        finally
        {
            frame.Dispose();
        }
    }

    /// <summary>The frame as the chosen reader reads it; a reader of the user's that throws becomes ESF0303 and the most tolerant built-in reader reads the page instead.</summary>
    private static PageFrame ReadFrame(ref PageLayoutReader reader, PageLines page, int first, DiagnosticBag diagnostics)
    {
        var frame = new PageFrame { Layout = reader.Layout, LayoutName = reader.Name, BodyStart = first };
        if (reader is LayoutReader builtIn)
        {
            builtIn.Read(page, first, frame); // the same reading, without the two views a reader of the user's gets
            return frame;
        }

        var layoutPage = new LayoutPage(page, first);
        try
        {
            reader.Read(layoutPage, new LayoutFrame(layoutPage, frame));
            return frame;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            diagnostics.Add(DiagnosticCodes.HandlerFailed, page.Lines[first].ContentPosition, "Layout", reader.Name, "the page's frame", exception.GetType().Name, HandlerFailure.SafeMessage(exception));
            frame.Dispose();
            reader = LayoutRecognizer.Fallback;
            return ReadFrame(ref reader, page, first, diagnostics);
        }
    }

    /// <summary>Without a header: a first line standing alone (after chrome) is the title; everything else is body.</summary>
    private static PageFrame ReadWithoutHeader(PageLines page, int first)
    {
        var frame = new PageFrame { Layout = PageLayout.Unknown, LayoutName = LayoutRecognizer.Fallback.Name };
        var i = first;
        while (i >= 0 && page.Is(i, LineFlags.Chrome))
        {
            i = page.NextNonBlank(i + 1);
        }

        if (i < 0)
        {
            frame.BodyStart = page.Count;
            return frame;
        }

        var standsAlone = i + 1 >= page.Count || page.IsBlank(i + 1);
        if (standsAlone && !page.IsStandaloneKnownHeading(i) && page.Is(i, LineFlags.HeadingLike))
        {
            frame.TitleLine = i;
            frame.BodyStart = i + 1;
            return frame;
        }

        frame.BodyStart = i;
        return frame;
    }

    private static void ReportControlCharacters(SourceText source, DiagnosticBag diagnostics)
    {
        var index = source.Text.AsSpan().IndexOfAny(ControlChars);
        if (index < 0)
        {
            return;
        }

        var lines = source.Lines;
        var low = 0;
        var high = lines.Count - 1;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (lines[mid].LineStart <= index)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        diagnostics.Add(DiagnosticCodes.ControlCharacters, lines[low].PositionOf(index), (int)source.Text[index]);
    }
}
