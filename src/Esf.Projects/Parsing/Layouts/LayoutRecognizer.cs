using Esf.Projects.Fields;
using Esf.Projects.Handlers;

namespace Esf.Projects.Parsing.Layouts;

/// <summary>
/// Recognises a page's layout from the page itself — never from configuration: the marks of each layout are counted
/// in one pass over the lines before the body, each reader weighs them, and the strongest reader reads the page.
/// A page with a header but no mark of any layout is read by <see cref="FallbackReader"/> (ESF0010).
/// </summary>
internal static class LayoutRecognizer
{
    /// <summary>The readers, strongest claim first on a tie.</summary>
    private static readonly LayoutReader[] Readers = [new PrintExportReader(), new ProjectBankReader(), new EsfPlusReader()];

    private static readonly LayoutReader Fallback = new FallbackReader();

    /// <summary>How far the marks are looked for: a header is a few dozen lines, and the bound keeps the pass short on any page.</summary>
    private const int MaxLinesLooked = 400;

    /// <summary>Non-blank lines without a label after the last label line that end the search: the body has begun.</summary>
    private const int LinesPastTheHeader = 8;

    public static LayoutReader Recognise(PageLines page, int first)
    {
        var marks = CountMarks(page, first);
        LayoutReader? best = null;
        var bestEvidence = 0;
        foreach (var reader in Readers)
        {
            var evidence = reader.Evidence(page, marks);
            if (evidence > bestEvidence)
            {
                best = reader;
                bestEvidence = evidence;
            }
        }

        return best ?? Fallback;
    }

    private static LayoutMarks CountMarks(PageLines page, int first)
    {
        var marks = default(LayoutMarks);
        var end = Math.Min(page.Count, first + MaxLinesLooked);
        var sinceLabel = 0;
        for (var i = first; i < end; i++)
        {
            if (page.IsBlank(i))
            {
                continue;
            }

            ref readonly var info = ref page.Line(i);
            if (page.IsStandaloneKnownHeading(i) && !info.Is(LineFlags.KnownLabel))
            {
                break;
            }

            if (info.Is(LineFlags.KnownLabel | LineFlags.UnknownLabel))
            {
                sinceLabel = 0;
            }
            else if (marks.AnyLabel && ++sinceLabel > LinesPastTheHeader)
            {
                break;
            }

            if (info.Is(LineFlags.Chrome | LineFlags.LanguageLink))
            {
                marks.PrintMarks++;
            }

            if (info.Is(LineFlags.NumberedTitle))
            {
                Count(ref marks, page.TitleNumber(i));
            }

            if (!info.Is(LineFlags.KnownLabel))
            {
                continue;
            }

            marks.AnyLabel = true;
            var match = info.Label;
            if (match.Form == LabelForm.Glued)
            {
                marks.GluedRows++;
            }

            switch (match.Label.Mark)
            {
                case LabelMark.OldLabel:
                    marks.OldLabels++;
                    break;
                case LabelMark.ProjectNumber:
                    if (ValueAt(page, i, match) is var (line, offset) && line >= 0 && page.ProjectNumberAt(line, offset) is { } number)
                    {
                        Count(ref marks, number);
                    }

                    break;
                case LabelMark.ProjectBankLabel:
                    marks.ProjectBankLabels++;
                    break;
                case LabelMark.EsfPlusLabel:
                    marks.EsfPlusLabels++;
                    break;
                case LabelMark.EsfPlusLabelWithValue when !ValueOf(page, i, match).IsEmpty:
                    marks.EsfPlusLabels++;
                    break;
            }
        }

        return marks;
    }

    private static void Count(ref LayoutMarks marks, EsfProjectNumber number)
    {
        if (number.Form == ProjectNumberForm.YearSerial)
        {
            marks.YearSerialNumbers++;
        }
        else if (number.Form == ProjectNumberForm.EsfPlus)
        {
            marks.EsfPlusNumbers++;
        }
    }

    /// <summary>The value of a label line as a reader would take it: the rest of the line, or the next line for a label alone.</summary>
    private static ReadOnlySpan<char> ValueOf(PageLines page, int index, LabelMatch match) =>
        ValueAt(page, index, match) is var (line, offset) && line >= 0 ? page.Content(line)[offset..] : [];

    /// <summary>Where a label's value is: on its line after the label, or alone on the next line; line -1 for none.</summary>
    private static (int Line, int Offset) ValueAt(PageLines page, int index, LabelMatch match)
    {
        if (match.Form != LabelForm.Alone)
        {
            return (index, match.ValueOffset);
        }

        var next = index + 1;
        return next < page.Count && !page.IsBlank(next) && !page.Is(next, LineFlags.KnownLabel) ? (next, 0) : (-1, 0);
    }

    /// <summary>What a label's fields tell of the layout (the first field that tells anything decides).</summary>
    internal static LabelMark MarkOf(HeaderFieldHandler[] fields)
    {
        foreach (var field in fields)
        {
            var mark = ReferenceEquals(field, EsfHeaderFields.Phase) ? LabelMark.OldLabel
                : ReferenceEquals(field, EsfHeaderFields.DiaryNumber) || ReferenceEquals(field, EsfHeaderFields.ProjectNumber) ? LabelMark.ProjectNumber
                : IsProjectBankField(field) ? LabelMark.ProjectBankLabel
                : IsEsfPlusField(field) ? LabelMark.EsfPlusLabel
                : ReferenceEquals(field, EsfHeaderFields.StartDate) || ReferenceEquals(field, EsfHeaderFields.EndDate) ? LabelMark.EsfPlusLabelWithValue
                : LabelMark.None;
            if (mark != LabelMark.None)
            {
                return mark;
            }
        }

        return LabelMark.None;
    }

    /// <summary>Fields only the 2014–2020 pages have.</summary>
    private static bool IsProjectBankField(HeaderFieldHandler field) =>
        ReferenceEquals(field, EsfHeaderFields.EvaluationReports) || ReferenceEquals(field, EsfHeaderFields.TotalCosts)
        || ReferenceEquals(field, EsfHeaderFields.BeneficiaryAddress);

    /// <summary>Fields only ESF+ pages have (start and end dates count only with a value: 2014–2020 pages have them empty).</summary>
    private static bool IsEsfPlusField(HeaderFieldHandler field) =>
        ReferenceEquals(field, EsfHeaderFields.Fund) || ReferenceEquals(field, EsfHeaderFields.ProgrammeCci)
        || ReferenceEquals(field, EsfHeaderFields.Nuts2) || ReferenceEquals(field, EsfHeaderFields.OrganisationNumber)
        || ReferenceEquals(field, EsfHeaderFields.ChildPovertyTheme) || ReferenceEquals(field, EsfHeaderFields.StrategicImportance)
        || ReferenceEquals(field, EsfHeaderFields.Country) || ReferenceEquals(field, EsfHeaderFields.BeneficiaryTown);
}

/// <summary>What a label tells of the page's layout.</summary>
internal enum LabelMark
{
    /// <summary>Nothing: the label is on pages of several layouts.</summary>
    None,

    /// <summary>A label of the 2007–2013 export only (<c>Projektfas</c>).</summary>
    OldLabel,

    /// <summary>A project number field, whose value's form tells the layout.</summary>
    ProjectNumber,

    /// <summary>A label of the 2014–2020 pages only.</summary>
    ProjectBankLabel,

    /// <summary>A label of ESF+ pages only.</summary>
    EsfPlusLabel,

    /// <summary>A label of ESF+ pages when it has a value (2014–2020 pages have it empty: <c>Startdatum</c>, <c>Slutdatum</c>).</summary>
    EsfPlusLabelWithValue,
}
