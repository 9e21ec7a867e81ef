using Esf.Projects.Parsing;

namespace Esf.Projects.Tests.Hostile;

/// <summary>
/// Pathological inputs cost work and memory proportional to their size: each is parsed at two sizes and the counted
/// work (characters of lines inspected, <see cref="WorkCounter"/>, Debug builds) and the allocated bytes must grow
/// at most 2.2× when the input doubles (0.25 M to 0.5 M characters), and the larger may allocate at most 20 times its
/// UTF-16 size. Counted, never timed; the time per MB is measured by the pathological benchmark.
/// </summary>
public class PathologicalInputTests
{
    public static TheoryData<string> Shapes => new(PathologicalShapes.Makers.Keys);

    private static (long Work, long Allocated) Measure(string text)
    {
        // Once unmeasured: the parser rents its line table and offsets from the array pool, and the pool allocates
        // them on the first parse of a size; what is measured is the steady state, which is what a corpus sees.
        ProjectParser.Parse(text);
        WorkCounter.Reset();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = ProjectParser.Parse(text);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        GC.KeepAlive(result);
        return (WorkCounter.Steps, allocated);
    }

    /// <summary>docs/hostile-input.md states the first parse's cost per line from these sizes: a change must change the docs.</summary>
    [Fact]
    public void The_line_tables_cost_the_56_bytes_per_line_the_docs_state() =>
        Assert.Equal(56, System.Runtime.CompilerServices.Unsafe.SizeOf<TextLine>() + System.Runtime.CompilerServices.Unsafe.SizeOf<LineInfo>());

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Work_and_memory_grow_linearly(string shape)
    {
        var make = PathologicalShapes.Makers[shape];
        Measure(make(1_000));
        var small = Measure(make(250_000));
        var largeText = make(500_000);
        var large = Measure(largeText);

#if DEBUG
        Assert.True(small.Work > 0, "the work counter is compiled into Debug builds");
#endif
        Assert.True(large.Work <= (2.2 * small.Work) + 1_000, $"work {small.Work} → {large.Work}");
        Assert.True(large.Allocated <= (2.2 * small.Allocated) + 100_000, $"allocated {small.Allocated} → {large.Allocated}");

        // At 0.5 M characters, at most 20 times the input's UTF-16 size.
        Assert.True(large.Allocated <= 20L * sizeof(char) * largeText.Length, $"allocated {large.Allocated} for {largeText.Length} characters");
    }

    /// <summary>
    /// Many sections that add to one list (a page of repeated <c>Kommun</c> sections, as HTML rendering can give):
    /// the list was copied whole at every section, quadratic in the sections (100 MB for 2 000 of them). Measured
    /// below the section limit, where every section adds to the list.
    /// </summary>
    [Fact]
    public void Many_list_sections_of_one_kind_grow_the_list_linearly()
    {
        static string Make(int n) => "Titel\nProjektägare: A\n\n" + string.Concat(Enumerable.Repeat("Kommun\n\n• Lund\n\n", n));
        Measure(Make(100));
        var small = Measure(Make(3_000));
        var large = Measure(Make(6_000));

        Assert.True(large.Work <= (2.2 * small.Work) + 1_000, $"work {small.Work} → {large.Work}");
        Assert.True(large.Allocated <= (2.2 * small.Allocated) + 100_000, $"allocated {small.Allocated} → {large.Allocated}");
    }
}
