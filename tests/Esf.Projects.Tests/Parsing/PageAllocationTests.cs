namespace Esf.Projects.Tests.Parsing;

/// <summary>
/// The allocation goal, counted rather than timed: parsing a seed from a string allocates at most
/// 1.1 × the page's own UTF-16 size (section texts are slices of the input, so it is well under).
/// </summary>
public class PageAllocationTests
{
    [Theory]
    [MemberData(nameof(Seeds.All), MemberType = typeof(Seeds))]
    public void Parsing_a_seed_from_a_string_allocates_at_most_1_1_times_the_page(string seed)
    {
        var text = Seeds.Text(seed);
        ProjectParser.Parse(text); // the line table's first rental from the pool is not the steady state

        // The least of three rounds: a per-parse allocation shows in each, a one-off by the runtime does not.
        var allocated = long.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var result = ProjectParser.Parse(text);
            allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.NotNull(result.Project.Title);
        }

        var pageUtf16 = text.Length * sizeof(char);
        Assert.True(allocated <= pageUtf16 * 11 / 10, $"{seed}: {allocated} B allocated for a page of {pageUtf16} B as UTF-16 ({(double)allocated / pageUtf16:F2}×).");
    }
}
