using System.Text;
using Esf.Projects.Parsing;

namespace Esf.Projects.Tests.Hostile;

/// <summary>
/// Pathological inputs cost work and memory proportional to their size: each is parsed at two sizes and the counted
/// work (characters of lines inspected, <see cref="WorkCounter"/>, Debug builds) and the allocated bytes must grow
/// at most 2.2× when the input doubles. Counted, never timed.
/// </summary>
public class PathologicalInputTests
{
    public static TheoryData<string> Shapes => new(Makers.Keys);

    private static readonly Dictionary<string, Func<int, string>> Makers = new()
    {
        ["bullets"] = n => "Titel\nProjektägare: A\n\nKommun\n\n" + Repeat("• Lund\n", n),
        ["blank lines"] = n => "Titel\nProjektägare: A\n" + Repeat("\n", n),
        ["one line without a newline"] = n => Repeat("abc def ", n),
        ["a header value of digits"] = n => "Titel\nBeviljat ESF-stöd: " + Repeat("1", n) + " kr\n",
        ["headings"] = n => "Titel\nProjektägare: A\n\n" + Repeat("Rubrik\n\n", n),
        ["header rows"] = n => "Titel\n" + Repeat("Projektägare: A\n", n),
        ["unknown header rows"] = n => "Titel\nProjektägare: A\n" + Repeat("Etikett: v\n", n),
        ["labels alone"] = n => "Titel\n" + Repeat("Projektägare\n", n),
        ["CR-only paragraph"] = n => "Titel\rProjektägare: A\r\rBakgrund\r\r" + Repeat("ord ord ord.\r", n),
        ["list items without markers"] = n => "Titel\nProjektägare: A\n\nKommun\n\n" + Repeat("Lund\n", n),
        ["near-miss municipality names"] = n => "Titel\nProjektägare: A\n\nKommun\n\n" + Repeat("• Lundd\n", n),
    };

    private static string Repeat(string unit, int chars)
    {
        var builder = new StringBuilder(chars + unit.Length);
        while (builder.Length < chars)
        {
            builder.Append(unit);
        }

        return builder.ToString();
    }

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

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Work_and_memory_grow_linearly(string shape)
    {
        var make = Makers[shape];
        Measure(make(1_000));
        var small = Measure(make(200_000));
        var large = Measure(make(400_000));

#if DEBUG
        Assert.True(small.Work > 0, "the work counter is compiled into Debug builds");
#endif
        Assert.True(large.Work <= (2.2 * small.Work) + 1_000, $"work {small.Work} → {large.Work}");
        Assert.True(large.Allocated <= (2.2 * small.Allocated) + 100_000, $"allocated {small.Allocated} → {large.Allocated}");
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
