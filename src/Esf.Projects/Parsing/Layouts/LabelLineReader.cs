using System.Collections.Frozen;
using Esf.Projects.Fields;
using Esf.Projects.Handlers;
using Esf.Projects.Layouts;

namespace Esf.Projects.Parsing.Layouts;

/// <summary>
/// The newer project pages (2014–2020 and ESF+ 2021–2027): an optional cookie banner, a title line that starts with the
/// project number, then label lines (<c>Label:</c>) each followed on the very next line by its value, in any order,
/// then the description as plain paragraphs.
/// </summary>
/// <remarks>
/// A label whose next line is blank or another label has no value (<c>Utvärderingsrapporter:</c> before the body,
/// empty <c>Startdatum:</c>): the value is never looked for across a blank line, so the body's first paragraph is
/// never taken for a value. Every <c>Label:</c> line after the title is a header row, known or not, so rows before
/// the first known label (<c>Diarienummer:</c>, <c>Name:</c>) are never title or notice. A short line followed by a
/// value and then by another label is an unknown label written without its colon.
/// </remarks>
internal abstract class LabelLineReader(PageLayout layout) : LayoutReader(layout)
{
    /// <inheritdoc />
    public override bool KnownHeadingMayLeadText => true;

    /// <inheritdoc />
    internal override void Read(PageLines page, int first, PageFrame frame)
    {
        var headerStart = FindHeaderStart(page, first, out var numberedTitle);
        if (headerStart < 0)
        {
            return;
        }

        frame.HasHeader = true;
        if (numberedTitle >= 0)
        {
            for (var i = first; i < numberedTitle; i++)
            {
                if (!page.IsBlank(i) && !page.Is(i, LineFlags.Chrome))
                {
                    frame.NoticeLines.Add(i);
                }
            }

            frame.TitleLine = numberedTitle;
        }
        else
        {
            ReadPreamble(page, first, headerStart, frame);
        }

        frame.BodyStart = ReadRows(page, headerStart, frame);
    }

    /// <summary>The first row after the numbered title (or, without one, the first row), and the numbered title's line.</summary>
    private static int FindHeaderStart(PageLines page, int first, out int numberedTitle)
    {
        numberedTitle = -1;
        for (var i = first; i < page.Count; i++)
        {
            if (page.IsBlank(i))
            {
                continue;
            }

            if (page.IsStandaloneKnownHeading(i) && !page.Is(i, LineFlags.KnownLabel))
            {
                return -1;
            }

            if (numberedTitle < 0 && page.Is(i, LineFlags.NumberedTitle))
            {
                numberedTitle = i;
                continue;
            }

            if (IsRowStart(page, i) || (page.Is(i, LineFlags.KnownLabel) && page.Line(i).Label.Form != LabelForm.Spaced))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// A line that starts a row wherever it stands: a known label alone or with <c>: value</c>, an unknown <c>Label:</c>
    /// with nothing after it, or an unknown label whose value follows a tab (<c>Label:&lt;TAB&gt;value</c>, a table row
    /// as copied or rendered from HTML: the tab marks a cell boundary no sentence has).
    /// </summary>
    private static bool IsRowStart(PageLines page, int index)
    {
        var info = page.Line(index);
        if (info.Is(LineFlags.KnownLabel) && info.Label.IsStrong)
        {
            return true;
        }

        if (!info.Is(LineFlags.UnknownLabel))
        {
            return false;
        }

        var content = page.Content(index);
        return info.ValueOffset >= content.Length
            ? content[^1] == ':'
            : content[info.UnknownLabelLength..info.ValueOffset].Contains('\t');
    }

    private static int ReadRows(PageLines page, int start, PageFrame frame)
    {
        var i = start;
        while (i < page.Count)
        {
            if (page.IsBlank(i))
            {
                i++;
                continue;
            }

            var info = page.Line(i);
            if (page.IsStandaloneKnownHeading(i) && !info.Is(LineFlags.KnownLabel))
            {
                break;
            }

            if (info.Is(LineFlags.Chrome | LineFlags.LanguageLink))
            {
                i++; // print chrome and the language link, wherever a printed page puts them
                continue;
            }

            if (info.Is(LineFlags.KnownLabel))
            {
                var match = info.Label;
                if (match.Form == LabelForm.Alone)
                {
                    i = ReadValue(page, i, match.Label.Text.Length, match.Label, frame);
                    continue;
                }

                frame.Rows.Add(new HeaderRow(i, match.Label.Text.Length, match.Label, i, match.ValueOffset));
                i++;
                continue;
            }

            if (info.Is(LineFlags.UnknownLabel) && (IsRowStart(page, i) || i + 1 >= page.Count || page.IsBlank(i + 1) || IsRowStart(page, i + 1)))
            {
                if (info.ValueOffset >= page.Lines[i].ContentLength)
                {
                    i = ReadValue(page, i, info.UnknownLabelLength, null, frame);
                    continue;
                }

                frame.Rows.Add(new HeaderRow(i, info.UnknownLabelLength, null, i, info.ValueOffset));
                i++;
                continue;
            }

            // "Stödmottagare postnr" / "17141" / next label: an unknown label written without its colon.
            var next = i + 1;
            if (page.Lines[i].ContentLength <= 60 && !info.Is(LineFlags.EndsSentence) && next < page.Count && !page.IsBlank(next)
                && !IsRowStart(page, next) && page.NextNonBlank(next + 1) is var after && after >= 0 && IsRowStart(page, after))
            {
                frame.Rows.Add(new HeaderRow(i, page.Lines[i].ContentLength, null, next, 0));
                i = next + 1;
                continue;
            }

            break;
        }

        return i;
    }

    /// <summary>The value of a label alone is its very next line, unless that line is blank, starts another row, or is a heading that leads text.</summary>
    private static int ReadValue(PageLines page, int index, int labelLength, LabelDefinition? label, PageFrame frame)
    {
        var next = index + 1;
        if (next < page.Count && !page.IsBlank(next) && !IsRowStart(page, next) && !IsHeadingOverText(page, next))
        {
            frame.Rows.Add(new HeaderRow(index, labelLength, label, next, 0));
            return next + 1;
        }

        frame.Rows.Add(new HeaderRow(index, labelLength, label, -1, 0));
        return index + 1;
    }

    /// <summary>A known heading directly followed by text (<c>Sammanfattning</c> / <c>Projektet …</c>): the body's first heading, not a value.</summary>
    private static bool IsHeadingOverText(PageLines page, int index) =>
        page.Is(index, LineFlags.KnownHeading) && index + 1 < page.Count && !page.IsBlank(index + 1) && !IsRowStart(page, index + 1);
}

/// <summary>2014–2020 project pages: <c>YYYY/NNNNN - Name</c>.</summary>
internal sealed class ProjectBankReader() : LabelLineReader(PageLayout.ProjectBank2014To2020)
{
    private static readonly LayoutMarks ProjectBankMarks = new()
    {
        NumberForm = ProjectNumberForm.YearSerial,
        Number = 10,
        Labels = new HeaderFieldHandler[] { EsfHeaderFields.EvaluationReports, EsfHeaderFields.TotalCosts, EsfHeaderFields.BeneficiaryAddress }.ToFrozenDictionary(f => f.Key!, _ => 2),
    };

    /// <inheritdoc />
    public override LayoutMarks Marks => ProjectBankMarks;
}

/// <summary>ESF+ 2021–2027 project pages: <c>NN-NNN-SNN - Name</c>, start and end dates, fund, programme CCI.</summary>
internal sealed class EsfPlusReader() : LabelLineReader(PageLayout.EsfPlus2021To2027)
{
    private static readonly LayoutMarks EsfPlusMarks = new()
    {
        NumberForm = ProjectNumberForm.EsfPlus,
        Number = 10,
        Labels = new HeaderFieldHandler[]
        {
            EsfHeaderFields.Fund, EsfHeaderFields.ProgrammeCci, EsfHeaderFields.Nuts2, EsfHeaderFields.OrganisationNumber, EsfHeaderFields.ChildPovertyTheme,
            EsfHeaderFields.StrategicImportance, EsfHeaderFields.Country, EsfHeaderFields.BeneficiaryTown, EsfHeaderFields.StartDate, EsfHeaderFields.EndDate,
        }.ToFrozenDictionary(f => f.Key!, _ => 2),
        OnlyWithValue = new[] { EsfHeaderFields.StartDate.Key, EsfHeaderFields.EndDate.Key }.ToFrozenSet(),
    };

    /// <inheritdoc />
    public override LayoutMarks Marks => EsfPlusMarks;
}
