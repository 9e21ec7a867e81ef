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

    /// <summary>How far the marks are looked for: a header is a few dozen lines, and the bound keeps the pass linear on any page.</summary>
    private const int MaxLinesLooked = 400;

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
        for (var i = first; i < end; i++)
        {
            if (page.IsBlank(i))
            {
                continue;
            }

            var info = page.Info[i];
            if (page.IsStandaloneKnownHeading(i) && !info.Is(LineFlags.KnownLabel))
            {
                break;
            }

            if (info.Is(LineFlags.Chrome | LineFlags.LanguageLink))
            {
                marks.PrintMarks++;
            }

            if (info.Is(LineFlags.NumberedTitle))
            {
                Count(ref marks, info.Number);
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

            var value = ValueOf(page, i, match);
            foreach (var field in match.Label.Fields)
            {
                if (ReferenceEquals(field, EsfHeaderFields.Phase))
                {
                    marks.OldLabels++;
                }
                else if (ReferenceEquals(field, EsfHeaderFields.DiaryNumber) || ReferenceEquals(field, EsfHeaderFields.ProjectNumber))
                {
                    if (EsfProjectNumber.TryParse(value, out var number))
                    {
                        Count(ref marks, number);
                    }
                }
                else if (IsProjectBankField(field))
                {
                    marks.ProjectBankLabels++;
                }
                else if (IsEsfPlusField(field) || ((ReferenceEquals(field, EsfHeaderFields.StartDate) || ReferenceEquals(field, EsfHeaderFields.EndDate)) && !value.IsEmpty))
                {
                    marks.EsfPlusLabels++;
                }
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
    private static ReadOnlySpan<char> ValueOf(PageLines page, int index, LabelMatch match)
    {
        if (match.Form != LabelForm.Alone)
        {
            return page.Content(index)[match.ValueOffset..];
        }

        var next = index + 1;
        return next < page.Count && !page.IsBlank(next) && !page.Is(next, LineFlags.KnownLabel) ? page.Content(next) : [];
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
