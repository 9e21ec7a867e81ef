using Esf.Projects.Parsing;

namespace Esf.Projects.Tests.Parsing;

/// <summary>The bag's sort: by line, then column, then the order reported; in-order bags take the no-sort path. Each report names a field, so the message tells the reports apart.</summary>
public class DiagnosticBagTests
{
    private static string Name(Diagnostic diagnostic) => diagnostic.Message.Split('\'')[1];

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

        Assert.Equal<string>(["a", "b", "c", "d"], sorted.Select(Name));
    }

    [Fact]
    public void Reports_out_of_order_are_sorted_by_line_then_column_and_ties_keep_report_order()
    {
        var sorted = Bag((4, 1, "late"), (2, 7, "b1"), (2, 3, "a"), (2, 7, "b2"), (1, 9, "first"), (2, 7, "b3")).ToSortedArray();

        Assert.Equal<string>(["first", "a", "b1", "b2", "b3", "late"], sorted.Select(Name));
        Assert.Equal<(int, int)>([(1, 9), (2, 3), (2, 7), (2, 7), (2, 7), (4, 1)], sorted.Select(d => (d.Line, d.Column)));
    }

    [Fact]
    public void A_single_step_back_in_the_column_is_enough_to_sort()
    {
        var sorted = Bag((2, 5, "x"), (2, 4, "y")).ToSortedArray();

        Assert.Equal<string>(["y", "x"], sorted.Select(Name));
    }
}

public class DiagnosticMessageTests
{
    [Fact]
    public void Messages_are_formatted_from_the_catalogue_with_the_invariant_culture()
    {
        var bag = new DiagnosticBag();
        bag.Add(DiagnosticCodes.GrantedExceedsTotal, new SourcePosition(1, 1), 1234.5m, 1000m);

        Assert.Equal("The granted ESF support (1234.5 SEK) is larger than the total project budget (1000 SEK).", Assert.Single(bag.ToSortedArray()).Message);
    }

    [Fact]
    public void A_long_value_is_clipped_without_splitting_a_surrogate_pair()
    {
        var value = new string('a', 76) + "\U0001F600" + new string('b', 10);
        var bag = new DiagnosticBag();
        bag.Add(DiagnosticCodes.UnknownLabel, new SourcePosition(1, 1), value);

        var message = Assert.Single(bag.ToSortedArray()).Message;
        Assert.Contains(new string('a', 76) + "...", message, StringComparison.Ordinal);
        Assert.DoesNotContain('\uFFFD', message);
        Assert.False(message.Any(char.IsSurrogate), message);
    }

    [Fact]
    public void A_code_outside_the_catalogue_is_a_programming_error() =>
        Assert.Throws<ArgumentException>(() => new DiagnosticBag().Add("ESF9999", new SourcePosition(1, 1)));

    [Fact]
    public void At_most_the_limit_of_one_code_is_kept_and_one_summary_says_how_many_more()
    {
        var page = "Titel\nProjektägare: A\nProjektfas: Genomförande\n\nKommun\n\n" + string.Concat(Enumerable.Repeat("Lund\n", 500));

        var result = ProjectParser.Parse(page);

        Assert.Equal(100, result.Diagnostics.Count(d => d.Code == DiagnosticCodes.ListItemWithoutMarker));
        var summary = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.DiagnosticsLimited);
        Assert.Equal(DiagnosticSeverity.Warning, summary.Severity);
        Assert.StartsWith("400 more diagnostics ESF0301 were left out", summary.Message, StringComparison.Ordinal);
        var lastKept = result.Diagnostics.Last(d => d.Code == DiagnosticCodes.ListItemWithoutMarker);
        Assert.Equal((lastKept.Line, lastKept.Column), (summary.Line, summary.Column));
        Assert.Equal(500, result.Project.Municipalities.Length); // the facts are all there; only the reports are capped
    }

    [Fact]
    public void The_limit_is_an_option()
    {
        var parser = new ProjectParserBuilder().Configure(o => o with { MaxDiagnosticsPerCode = 3 }).Build();
        var page = "Titel\nProjektägare: A\nProjektfas: Genomförande\n\nKommun\n\nLund\nLund\nLund\nLund\nLund\n";

        var result = parser.Parse(page);

        Assert.Equal(3, result.Diagnostics.Count(d => d.Code == DiagnosticCodes.ListItemWithoutMarker));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProjectParserBuilder().Configure(o => o with { MaxDiagnosticsPerCode = 0 }).Build());
    }
}
