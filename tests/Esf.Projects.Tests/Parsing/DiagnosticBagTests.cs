using Esf.Projects.Diagnostics;
using Esf.Projects.Model;
using Esf.Projects.Parsing;

namespace Esf.Projects.Tests.Parsing;

/// <summary>The bag's sort: by line, then column, then the order reported; in-order bags take the no-sort path.</summary>
public class DiagnosticBagTests
{
    private static DiagnosticBag Bag(params (int Line, int Column, string Message)[] reports)
    {
        var bag = new DiagnosticBag();
        foreach (var (line, column, message) in reports)
        {
            bag.Add(DiagnosticCodes.EmptyValue, new SourcePosition(line, column), message);
        }

        return bag;
    }

    [Fact]
    public void An_empty_bag_gives_an_empty_array() => Assert.Empty(new DiagnosticBag().ToSortedArray());

    [Fact]
    public void Reports_in_page_order_stay_as_reported()
    {
        var sorted = Bag((1, 1, "a"), (1, 1, "b"), (1, 5, "c"), (3, 2, "d")).ToSortedArray();

        Assert.Equal<string>(["a", "b", "c", "d"], sorted.Select(d => d.Message));
    }

    [Fact]
    public void Reports_out_of_order_are_sorted_by_line_then_column_and_ties_keep_report_order()
    {
        var sorted = Bag((4, 1, "late"), (2, 7, "b1"), (2, 3, "a"), (2, 7, "b2"), (1, 9, "first"), (2, 7, "b3")).ToSortedArray();

        Assert.Equal<string>(["first", "a", "b1", "b2", "b3", "late"], sorted.Select(d => d.Message));
        Assert.Equal<(int, int)>([(1, 9), (2, 3), (2, 7), (2, 7), (2, 7), (4, 1)], sorted.Select(d => (d.Line, d.Column)));
    }

    [Fact]
    public void A_single_step_back_in_the_column_is_enough_to_sort()
    {
        var sorted = Bag((2, 5, "x"), (2, 4, "y")).ToSortedArray();

        Assert.Equal<string>(["y", "x"], sorted.Select(d => d.Message));
    }
}
