using Esf.Projects.Fields;
using Esf.Projects.Handlers;
using Esf.Projects.Layouts;

namespace Esf.Projects.Parsing.Layouts;

/// <summary>
/// Recognises a page's layout from the page itself — never from configuration: the marks of each layout are counted
/// in one pass over the lines before the body, each reader weighs them, and the strongest reader reads the page.
/// A page with a header but no mark of any layout is read by <see cref="FallbackReader"/> (ESF0010).
/// </summary>
internal static class LayoutRecognizer
{
    /// <summary>The built-in readers, in the order a new builder holds them (the earlier wins a tie).</summary>
    public static readonly PageLayoutReader[] BuiltIn = [new PrintExportReader(), new ProjectBankReader(), new EsfPlusReader()];

    /// <summary>The most tolerant reader, for pages that show no layout's marks (and when a reader of the user's fails).</summary>
    public static readonly PageLayoutReader Fallback = new FallbackReader();

    /// <summary>How far the marks are looked for: a header is a few dozen lines, and the bound keeps the pass short on any page.</summary>
    private const int MaxLinesLooked = 400;

    /// <summary>Non-blank lines without a label after the last label line that end the search: the body has begun.</summary>
    private const int LinesPastTheHeader = 8;

    public static PageLayoutReader Recognise(PageLines page, int first)
    {
        var readers = page.Config.Layouts;
        Span<int> evidence = readers.Length <= 16 ? stackalloc int[readers.Length] : new int[readers.Length];
        CountMarks(page, first, page.Config.LayoutMarks, evidence);
        PageLayoutReader? best = null;
        var bestEvidence = 0;
        for (var r = 0; r < readers.Length; r++)
        {
            if (evidence[r] > bestEvidence)
            {
                best = readers[r];
                bestEvidence = evidence[r];
            }
        }

        return best ?? Fallback;
    }

    /// <summary>
    /// What a label's rows weigh for each reader, from the first of its fields that some reader marks (the first field
    /// that tells anything decides), and whether each weight needs a value; <see langword="null"/> when no reader marks
    /// the label. Worked out once per label when the parser is built, so counting a row is adding numbers.
    /// </summary>
    internal static (int[]? Weights, bool[]? NeedValue) MarkWeightsOf(HeaderFieldHandler[] fields, PageLayoutReader[] readers)
    {
        foreach (var field in fields)
        {
            if (field.Key is { } key && Array.Exists(readers, r => r.Marks.Labels.ContainsKey(key)))
            {
                return (
                    Array.ConvertAll(readers, r => r.Marks.Labels.GetValueOrDefault(key)),
                    Array.ConvertAll(readers, r => r.Marks.OnlyWithValue.Contains(key)));
            }
        }

        return (null, null);
    }

    /// <summary>Adds each reader's weights for the marks on the lines before the body, in one pass for all readers.</summary>
    private static void CountMarks(PageLines page, int first, LayoutMarks[] marks, Span<int> evidence)
    {
        var end = Math.Min(page.Count, first + MaxLinesLooked);
        var sinceLabel = 0;
        var anyLabel = false;
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
            else if (anyLabel && ++sinceLabel > LinesPastTheHeader)
            {
                break;
            }

            if (info.Is(LineFlags.Chrome | LineFlags.LanguageLink))
            {
                for (var r = 0; r < marks.Length; r++)
                {
                    evidence[r] += marks[r].PrintMark;
                }
            }

            if (info.Is(LineFlags.NumberedTitle))
            {
                CountNumber(marks, evidence, page.TitleNumber(i));
            }

            if (!info.Is(LineFlags.KnownLabel))
            {
                continue;
            }

            anyLabel = true;
            var match = info.Label;
            if (match.Form == LabelForm.Glued)
            {
                for (var r = 0; r < marks.Length; r++)
                {
                    evidence[r] += marks[r].GluedRow;
                }
            }

            if (match.Label.HoldsProjectNumber && ValueAt(page, i, match) is var (line, offset) && line >= 0 && page.ProjectNumberAt(line, offset) is { } number)
            {
                CountNumber(marks, evidence, number);
            }

            if (match.Label.MarkWeights is { } weights)
            {
                var needValue = match.Label.MarkWeightsNeedValue!;
                bool? hasValue = null; // looked at once, and only if a weight needs it
                for (var r = 0; r < weights.Length; r++)
                {
                    if (weights[r] != 0 && (!needValue[r] || (hasValue ??= !ValueOf(page, i, match).IsEmpty)))
                    {
                        evidence[r] += weights[r];
                    }
                }
            }
        }
    }

    private static void CountNumber(LayoutMarks[] marks, Span<int> evidence, EsfProjectNumber number)
    {
        for (var r = 0; r < marks.Length; r++)
        {
            if (marks[r].NumberForm == number.Form)
            {
                evidence[r] += marks[r].Number;
            }
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
}
