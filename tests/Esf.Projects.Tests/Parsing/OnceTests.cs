using Esf.Projects.Parsing;

namespace Esf.Projects.Tests.Parsing;

/// <summary>
/// Counted work, not time: a parse classifies each line once, reads a line's labels and words at most once, and reads
/// the project number on a line at most once — the layout recogniser and the assembler take it from the page's table
/// instead of parsing the text again. Recorded by <see cref="WorkCounter"/> (Debug builds, as the tests run).
/// </summary>
public class OnceTests
{
    public static TheoryData<string> Pages => TestPages.All;

    private static (ProjectParseResult Result, List<(Work Kind, int Line)> Work) Record(string text)
    {
        WorkCounter.StartRecording();
        ProjectParseResult result;
        List<(Work Kind, int Line)> work;
        try
        {
            result = ProjectParser.Parse(text);
        }
        finally
        {
            work = WorkCounter.StopRecording();
        }

        return (result, work);
    }

    private static string Text(string relativePath) =>
        EsfProjectParser.Default.Decode(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, relativePath)), out _);

    [Theory]
    [MemberData(nameof(Pages))]
    public void Each_line_is_classified_once_and_its_number_read_at_most_once(string page)
    {
        var text = Text(page);
        var (result, work) = Record(text);

#if DEBUG
        var lines = Esf.Projects.Parsing.SourceText.Create(text);
        var count = lines.Lines.Count;
        lines.Dispose();
        Assert.Equal(Enumerable.Range(0, count), work.Where(w => w.Kind == Work.Classify).Select(w => w.Line));
        foreach (var kind in new[] { Work.ReadLabels, Work.ReadWords, Work.ProjectNumber })
        {
            var twice = work.Where(w => w.Kind == kind).GroupBy(w => w.Line).Where(g => g.Count() > 1).Select(g => g.Key + 1).ToList();
            Assert.True(twice.Count == 0, $"{kind} twice on line(s) {string.Join(", ", twice)}");
        }

        // Every number the project gives was read, each where it stands: no number is known without being read.
        Assert.True(work.Count(w => w.Kind == Work.ProjectNumber) >= result.Project.ProjectNumbers.Length);
#else
        Assert.NotNull(result);
#endif
    }

    [Fact]
    public void A_number_in_the_title_and_two_fields_is_read_three_times_once_where_each_stands()
    {
        const string page = "2019/00871 - Vägar framåt\n\nDiarienummer:\n2019/00871\nProjektnummer: 2019/00872\nProjektägare:\nLuleå kommun\n\nSammanfattning\n\nText.\n";

        var (result, work) = Record(page);

        Assert.Equal<string>(["2019/00871", "2019/00872"], result.Project.ProjectNumbers);
        Assert.Equal(ProgrammePeriod.Period2014To2020, result.Project.Programme?.Period);
        Assert.Equal(PageLayout.ProjectBank2014To2020, result.Project.Layout);
#if DEBUG
        Assert.Equal([0, 3, 4], work.Where(w => w.Kind == Work.ProjectNumber).Select(w => w.Line).Order());
#endif
    }
}
