using System.Text;
using Esf.Projects.Handlers;

namespace Esf.Projects.Tests.Hostile;

/// <summary>
/// Each problem found by probing the parser as an attacker would — quadratic time, unbounded diagnostics, limits
/// applied too late, holes in "never throws", small losses — pinned by a test named after it. Costs are bounded by
/// allocated bytes against the input's UTF-16 size, never by the wall clock.
/// </summary>
public class BoundedInputTests
{
    private static long Allocated(Func<object> parse)
    {
        parse();
        var before = GC.GetAllocatedBytesForCurrentThread();
        GC.KeepAlive(parse());
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static string Repeat(string unit, int count) => string.Concat(Enumerable.Repeat(unit, count));

    [Fact]
    public void A_list_item_with_many_continuation_lines_is_not_rebuilt_per_line()
    {
        var page = "Titel\nProjektägare: A\n\nBakgrund\n\n• Första punkten\n" + Repeat("  fortsätter här\n", 32_000);

        var result = ProjectParser.Parse(page);
        var allocated = Allocated(() => ProjectParser.Parse(page));

        Assert.True(allocated <= 20L * 2 * page.Length, $"{allocated} bytes for {page.Length} characters");
        Assert.Contains(result.Project.Sections, s => s.Text.Contains("fortsätter här", StringComparison.Ordinal));
    }

    [Fact]
    public void Near_miss_municipality_names_cost_a_bounded_amount_each()
    {
        // Distinct names, so no cache can hide the cost of suggesting a municipality for each.
        var names = new StringBuilder();
        for (var i = 0; names.Length < 500_000; i++)
        {
            names.Append("• Lundq").Append((char)('a' + (i % 26))).Append((char)('a' + (i / 26 % 26))).Append((char)('a' + (i / 676 % 26))).Append('\n');
        }

        var page = "Titel\nProjektägare: A\n\nKommun\n\n" + names;

        var allocated = Allocated(() => ProjectParser.Parse(page));

        Assert.True(allocated <= 20L * 2 * page.Length, $"{allocated} bytes for {page.Length} characters");
    }

    [Fact]
    public void A_diagnostic_per_line_is_capped_per_code_with_one_summary()
    {
        var page = "Titel\nProjektägare: A\n\nKommun\n\n" + Repeat("Lund\n", 100_000);

        var result = ProjectParser.Parse(page);

        var max = ProjectParserOptions.Default.MaxDiagnosticsPerCode;
        Assert.Equal(max, result.Diagnostics.Count(d => d.Code == DiagnosticCodes.ListItemWithoutMarker));
        var summary = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.DiagnosticsLimited);
        Assert.StartsWith($"{100_000 - max} more diagnostics {DiagnosticCodes.ListItemWithoutMarker}", summary.Message, StringComparison.Ordinal);
        Assert.Equal(100_000, result.Project.Municipalities.Length);
    }

    /// <summary>Each project number was looked up in a list of those before it: 20 000 distinct numbers took half a second, a page at the input limit half a minute. Now a set; every number kept, in page order.</summary>
    [Fact]
    public void Thousands_of_distinct_project_numbers_are_kept_in_page_order()
    {
        var numbers = Enumerable.Range(0, 20_000).Select(i => $"2012-{i:D5}").ToArray();
        var page = "Titel\nProjektägare: A\n" + string.Concat(numbers.Select(n => "Projektnummer: " + n + "\n"));

        var result = ProjectParser.Parse(page);

        Assert.Equal(numbers, result.Project.ProjectNumbers);
        Assert.Equal(numbers[0], result.Project.ProjectNumber);
    }

    /// <summary>
    /// Each label glued to a word in a glued header (<c>Regionförbundet x</c>) was inserted into the unplaced lines one
    /// by one, each time searching them from the start: 16 000 such lines took 0.2 s. Now merged in one pass; the first
    /// is still its field's row (no other row gives it), the rest unplaced text in page order.
    /// </summary>
    [Fact]
    public void Thousands_of_labels_glued_to_words_are_placed_in_page_order()
    {
        var page = "Titel\nProjektägareA\nProjektperiod2012\n" + string.Concat(Enumerable.Range(0, 10_000).Select(i => $"Regionförbundet nr{i}\nProjektägareB\n"));

        var result = ProjectParser.Parse(page);

        Assert.Equal("förbundet nr0", result.Project.Fields.First(f => f.Kind == "region").RawValue);
        Assert.Equal(Enumerable.Range(1, 9_999).Select(i => $"Regionförbundet nr{i}"), result.Project.UnplacedText);
    }

    [Fact]
    public void Bytes_beyond_the_input_limit_are_never_decoded()
    {
        var parser = new ProjectParserBuilder().Configure(o => o with { MaxInputLength = 1_000 }).Build();
        var bytes = Encoding.UTF8.GetBytes("Titel\nProjektägare: A\n" + new string('a', 8_000_000));
        bytes[^1] = 0xFF; // invalid UTF-8 at the far end made the whole input decode twice

        var result = parser.Parse(bytes);
        var allocated = Allocated(() => parser.Parse(bytes));

        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.InputTooLong);
        Assert.True(allocated < 200_000, $"{allocated} bytes allocated for a limit of 1 000 characters");
    }

    [Fact]
    public void An_endless_stream_ends_at_the_input_limit()
    {
        var parser = new ProjectParserBuilder().Configure(o => o with { MaxInputLength = 10_000 }).Build();
        var stream = new EndlessStream();

        var result = parser.Parse(stream);

        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.InputTooLong);
        Assert.True(stream.Served < 1_000_000, $"{stream.Served} bytes read for a limit of 10 000 characters");
    }

    private sealed class UnreadableMessage : Exception
    {
        public override string Message => throw new InvalidOperationException("no message either");
    }

    private sealed class ThrowsUnreadable() : SectionHandler<object>(HeadingMatcher.IgnoreCase("Bakgrund"))
    {
        public override object Handle(SectionContext context) => throw new UnreadableMessage();
    }

    [Fact]
    public void A_handler_exception_whose_message_throws_is_still_a_diagnostic()
    {
        var parser = new ProjectParserBuilder().AddSectionHandler(new ThrowsUnreadable()).Build();

        var result = parser.Parse("Titel\nProjektägare: A\n\nBakgrund\n\nText.\n");

        var failed = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.HandlerFailed);
        Assert.Contains(nameof(UnreadableMessage), failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_label_text_is_refused_when_the_parser_is_built_not_when_it_parses()
    {
        var builder = new ProjectParserBuilder().Configure(o => o with { Labels = [new HeaderLabel(null!, null)] });

        Assert.Throws<ArgumentNullException>(() => builder.Build());
    }

    [Theory]
    [InlineData(-5)]
    [InlineData(0)]
    public void Limits_below_one_are_refused_when_the_parser_is_built(int limit)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProjectParserBuilder().Configure(o => o with { MaxListItems = limit }).Build());
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProjectParserBuilder().Configure(o => o with { MaxSections = limit }).Build());
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProjectParserBuilder().Configure(o => o with { MaxInputLength = limit }).Build());
    }

    private sealed class Reporter(string code, SourcePosition position) : SectionHandler<object>(HeadingMatcher.IgnoreCase("Bakgrund"))
    {
        public override object? Handle(SectionContext context)
        {
            context.Report(DiagnosticSeverity.Warning, code, "Reported.", position);
            return null;
        }
    }

    [Fact]
    public void A_handler_diagnostic_outside_the_input_is_moved_inside()
    {
        const string page = "Titel\nProjektägare: A\n\nBakgrund\n\nText.\n";
        var parser = new ProjectParserBuilder().AddSectionHandler(new Reporter("TST001", new SourcePosition(1_000, 5_000))).Build();

        var reported = Assert.Single(parser.Parse(page).Diagnostics, d => d.Code == "TST001");

        var lines = page.Split('\n');
        Assert.InRange(reported.Line, 1, lines.Length);
        Assert.InRange(reported.Column, 1, lines[reported.Line - 1].Length + 1);
    }

    [Theory]
    [InlineData("TST\n001")]
    [InlineData("TST\r001")]
    [InlineData("ESF0001")]
    [InlineData("esf9999")]
    public void A_handler_code_with_a_line_break_or_the_library_prefix_is_refused(string code)
    {
        var parser = new ProjectParserBuilder().AddSectionHandler(new Reporter(code, new SourcePosition(1, 1))).Build();

        var result = parser.Parse("Titel\nProjektägare: A\n\nBakgrund\n\nText.\n");

        // The handler's misuse is its failure, reported as such; no forged line and no ESF code from a handler.
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == code);
        Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.HandlerFailed);
    }

    [Fact]
    public void A_value_written_as_missing_keeps_its_raw_text_in_the_fields()
    {
        var result = ProjectParser.Parse("Titel\nProjektägare: saknas\nKontaktperson: Anna\n");

        var owner = Assert.Single(result.Project.Fields, f => f.Kind == "owner");
        Assert.Null(owner.Value);
        Assert.Equal("saknas", owner.RawValue);
    }
}
