using System.Collections.Immutable;
using Esf.Projects.Handlers;
using Esf.Projects.Handlers.Lists;
using Esf.Projects.Handlers.Prose;
using Esf.Projects.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Esf.Projects.Tests.Extensibility;

public class ExtensionTests
{
    private const string Page = "Titel\nProjektägare: Kommunen\n\nMålsättning\n\n- Att 30 % av deltagarna ska gå vidare\n- Något utan procent\n\nKommun\n\n• Lund\n• Malmö\n";

    /// <summary>Records the heading and every line with its position; counts percent signs per line and reports lines without one.</summary>
    private sealed class PercentHandler(string code = "TST001") : SectionHandler<PercentLines>(HeadingMatcher.IgnoreCase("Målsättning"))
    {
        public override PercentLines Handle(SectionContext context)
        {
            var lines = ImmutableArray.CreateBuilder<(string, SourcePosition)>();
            for (var i = 0; i < context.LineCount; i++)
            {
                var line = context.GetLine(i);
                if (line.IsEmpty)
                {
                    continue;
                }

                lines.Add((line.ToString(), context.GetLinePosition(i)));
                if (!line.Contains('%'))
                {
                    context.Report(DiagnosticSeverity.Warning, code, "No percentage in this target.", context.GetLinePosition(i));
                }
            }

            return new PercentLines(context.Heading, lines.ToImmutable());
        }
    }

    private sealed record PercentLines(string Heading, ImmutableArray<(string Text, SourcePosition Position)> Lines);

    private sealed record Marker(string Name);

    private sealed class MarkerHandler(string name, HeadingMatcher headings) : SectionHandler<Marker>(headings)
    {
        public override Marker Handle(SectionContext context) => new(name);
    }

    private sealed class ThrowingHandler() : SectionHandler<Marker>(HeadingMatcher.Where(_ => true))
    {
        public override Marker Handle(SectionContext context) => throw new InvalidOperationException("boom");
    }

    [Fact]
    public void A_custom_handler_result_is_read_back_typed_with_line_positions()
    {
        var parser = new ProjectParserBuilder().AddSectionHandler(new PercentHandler()).Build();

        var result = parser.Parse(Page);

        var data = result.Project.GetSectionData<PercentLines>();
        Assert.NotNull(data);
        Assert.Equal("Målsättning", data.Heading);
        Assert.Equal<(string, SourcePosition)>([("- Att 30 % av deltagarna ska gå vidare", new SourcePosition(6, 1)), ("- Något utan procent", new SourcePosition(7, 1))], data.Lines);
        Assert.Same(data, result.Project.Sections.Single(s => s.Heading == "Målsättning").GetData<PercentLines>());
        var diagnostic = Assert.Single(result.Diagnostics, d => d.Code == "TST001");
        Assert.Equal((DiagnosticSeverity.Warning, 7, 1), (diagnostic.Severity, diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public void Warnings_as_errors_raises_handler_and_parser_warnings()
    {
        var parser = new ProjectParserBuilder().AddSectionHandler(new PercentHandler()).Configure(o => o with { WarningsAsErrors = true }).Build();

        var result = parser.Parse(Page);

        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(result.Diagnostics, d => d.Code == "TST001").Severity);
        Assert.True(result.HasErrors);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning);
    }

    [Fact]
    public void Every_matching_handler_runs_in_list_order()
    {
        var builder = new ProjectParserBuilder();
        builder.SectionHandlers.Add(new MarkerHandler("last", HeadingMatcher.Exact("Kommun")));
        builder.SectionHandlers.Insert(0, new MarkerHandler("first", HeadingMatcher.Exact("Kommun")));
        builder.SectionHandlers.InsertAfter<ProseSectionHandler>(new MarkerHandler("after-prose", HeadingMatcher.IgnoreCase("KOMMUN")));

        var section = builder.Build().Parse(Page).Project.Sections.Single(s => s.Heading == "Kommun");

        Assert.Equal<string>(["first", "after-prose", "last"], section.Data.OfType<Marker>().Select(m => m.Name));
        Assert.Equal("first", section.GetData<Marker>()?.Name);
        Assert.Equal(ListSectionKind.Municipalities, section.GetData<ListSectionData>()?.Kind);
    }

    [Fact]
    public void Replacing_and_removing_built_in_handlers()
    {
        var builder = new ProjectParserBuilder();
        Assert.Equal(3, builder.SectionHandlers.Remove<ListSectionHandler>());
        Assert.True(builder.SectionHandlers.Replace<ProseSectionHandler>(new MarkerHandler("prose", HeadingMatcher.Exact("Målsättning"))));
        Assert.False(builder.SectionHandlers.Replace<ProseSectionHandler>(new MarkerHandler("again", HeadingMatcher.Exact("x"))));
        Assert.True(builder.SectionHandlers.InsertBefore<MarkerHandler>(new PercentHandler()));
        Assert.False(builder.SectionHandlers.InsertBefore<ListSectionHandler>(new PercentHandler()));

        var project = builder.Build().Parse(Page).Project;

        Assert.Empty(project.Municipalities); // no handler says the Kommun section is the municipalities any more
        Assert.Contains(project.Sections, s => s.Heading == "Kommun" && s.Blocks is [ListBlock { Items.Length: 2 }]);
        Assert.Null(project.GetSectionData<ListSectionData>());
        Assert.Null(project.GetSectionData<ProseSectionData>());
        Assert.Equal("prose", project.GetSectionData<Marker>()?.Name);
        Assert.NotNull(project.GetSectionData<PercentLines>());
        Assert.Equal<string>(["Lund", "Malmö"], ProjectParser.Parse(Page).Project.Municipalities);
    }

    [Fact]
    public void A_throwing_handler_becomes_a_diagnostic_on_its_section_and_parsing_goes_on()
    {
        var parser = new ProjectParserBuilder().AddSectionHandler(new ThrowingHandler()).Build();

        var result = parser.Parse(Page);

        var failures = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.HandlerFailed).ToList();
        Assert.Equal(2, failures.Count);
        Assert.Equal((4, 1), (failures[0].Line, failures[0].Column));
        Assert.StartsWith("Section handler 'ThrowingHandler' failed on", failures[0].Message, StringComparison.Ordinal);
        Assert.Contains("boom", failures[0].Message, StringComparison.Ordinal);
        Assert.Equal<string>(["Lund", "Malmö"], result.Project.Municipalities);
    }

    [Fact]
    public void English_labels_and_headings_are_opt_in()
    {
        const string english = "Skills for all\nProgramme area: 1 Skills supply\nProject owner: Lund municipality\nContact person: Anna Berg\nE-mail: anna@lund.se\n"
            + "Telephone number: 046-35 50 00\nGranted ESF support: 1 000 000 kr\nTotal project budget: 2 000 000 kr\nProject period: 2012-02-01 till 2014-09-30\nRegion: Sydsverige\n\n"
            + "Summary\n\nA summary.\n\nMunicipality\n\n• Lund\n";

        var swedishOnly = ProjectParser.Parse(english).Project;
        var parsed = new ProjectParserBuilder().UseEnglishLabels().UseEnglishLabels().Build().Parse(english).Project;

        Assert.Null(swedishOnly.Owner);
        Assert.Equal("Lund municipality", parsed.Owner);
        Assert.Equal(1_000_000m, parsed.GrantedEsfSupport?.Amount);
        Assert.Equal("+46463550 00".Replace(" ", "", StringComparison.Ordinal), parsed.Contact.PhoneNumber?.E164);
        Assert.Equal<string>(["Lund"], parsed.Municipalities);
        Assert.Equal(ProseSectionKind.Summary, parsed.GetSectionData<ProseSectionData>()?.Kind);
    }

    [Fact]
    public void A_new_header_label_is_recognised_without_an_unknown_label_diagnostic()
    {
        const string text = "Titel\nProjektägare: Kommunen\nÄrendenummer: 2012-123\nRegion: Sydsverige\n";

        var plain = ProjectParser.Parse(text);
        var taught = new ProjectParserBuilder().AddHeaderLabel("Ärendenummer").Build().Parse(text);

        Assert.Contains(plain.Diagnostics, d => d.Code == DiagnosticCodes.UnknownLabel);
        Assert.DoesNotContain(taught.Diagnostics, d => d.Code == DiagnosticCodes.UnknownLabel);
        Assert.Equal("2012-123", Assert.Single(taught.Project.ExtraFields).Value);
    }

    [Fact]
    public void Limits_cut_with_diagnostics_not_exceptions()
    {
        var parser = new ProjectParserBuilder().Configure(o => o with { MaxInputLength = 40, MaxSections = 2, MaxListItems = 1 }).Build();
        var result = parser.Parse(Page);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.InputTooLong);

        var sections = new ProjectParserBuilder().Configure(o => o with { MaxSections = 1 }).Build().Parse(Page);
        Assert.Equal("Målsättning", Assert.Single(sections.Project.Sections).Heading);
        Assert.Contains("Lund", sections.Project.Sections[0].Text, StringComparison.Ordinal);
        Assert.Contains(sections.Diagnostics, d => d.Code == DiagnosticCodes.TooManySections);

        var items = new ProjectParserBuilder().Configure(o => o with { MaxListItems = 1 }).Build().Parse(Page);
        Assert.Equal<string>(["Lund"], items.Project.Municipalities);
        Assert.Contains(items.Diagnostics, d => d.Code == DiagnosticCodes.TooManyListItems);
    }

    [Fact]
    public void One_parser_from_16_threads_equals_sequential_parsing()
    {
        var parser = new ProjectParserBuilder().AddSectionHandler(new PercentHandler()).Build();
        var texts = Seeds.Names.Select(Seeds.Text).ToArray();
        var expected = texts.Select(t => Json(parser.Parse(t))).ToArray();

        var actual = new string[16][];
        Parallel.For(0, 16, new ParallelOptions { MaxDegreeOfParallelism = 16 }, thread =>
            actual[thread] = [.. Enumerable.Range(0, 20).SelectMany(_ => texts).Select(t => Json(parser.Parse(t)))]);

        foreach (var run in actual)
        {
            Assert.Equal(Enumerable.Range(0, 20).SelectMany(_ => expected), run);
        }
    }

    private static string Json(ProjectParseResult result) =>
        EsfJson.Serialize(result) + string.Join('\n', result.Diagnostics) + result.Project.GetSectionData<PercentLines>()?.Lines.Length;

    private sealed class Counter
    {
        public int Created;
    }

    private sealed class InjectedHandler(Counter counter) : SectionHandler<Marker>(HeadingMatcher.Exact("Kommun"))
    {
        private readonly int _serial = Interlocked.Increment(ref counter.Created);

        public override Marker Handle(SectionContext context) => new("injected " + _serial.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void DI_registers_one_singleton_and_a_second_call_is_harmless()
    {
        var services = new ServiceCollection();
        services.AddSingleton<Counter>();
        services.AddEsfProjectParser(b => b.AddSectionHandler<InjectedHandler>());
        services.AddEsfProjectParser(b => b.UseEnglishLabels());

        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var parser = provider.GetRequiredService<EsfProjectParser>();

        Assert.Same(parser, provider.GetRequiredService<EsfProjectParser>());
        Assert.Single(services, d => d.ServiceType == typeof(EsfProjectParser));
        Assert.Equal("injected 1", parser.Parse(Page).Project.GetSectionData<Marker>()?.Name);
        Assert.DoesNotContain(parser.Options.Labels, l => l.Text == "Project owner");
        Assert.Equal(1, provider.GetRequiredService<Counter>().Created);
    }

    [Fact]
    public void A_type_handler_without_its_dependencies_fails_at_build_time() =>
        Assert.Throws<InvalidOperationException>(() => new ProjectParserBuilder().AddSectionHandler<InjectedHandler>().Build());

    [Fact]
    public void Heading_matchers_compare_ordinally()
    {
        Assert.True(HeadingMatcher.IgnoreCase("Målsättning").Matches(" MÅLSÄTTNING "));
        Assert.False(HeadingMatcher.Exact("Målsättning").Matches("målsättning"));
        Assert.True(HeadingMatcher.Where(h => h.StartsWith("Mål", StringComparison.Ordinal)).Matches("Målgrupp"));
        Assert.Throws<ArgumentException>(() => HeadingMatcher.Exact());
        Assert.Throws<InvalidOperationException>(() => HeadingMatcher.Where(_ => true).With("x"));
    }

    private sealed record CaseNumber(int Year, int Serial);

    private sealed class CaseNumberHandler() : HeaderFieldHandler<CaseNumber>("Ärendenummer")
    {
        public override CaseNumber? Handle(HeaderFieldContext context)
        {
            var value = context.Value;
            var dash = value.IndexOf('-');
            if (dash > 0 && int.TryParse(value[..dash], System.Globalization.CultureInfo.InvariantCulture, out var year) && int.TryParse(value[(dash + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var serial))
            {
                return new CaseNumber(year, serial);
            }

            context.Report(DiagnosticSeverity.Warning, "CASE01", "Not a case number.");
            return null;
        }
    }

    private sealed class ThrowingFieldHandler() : HeaderFieldHandler<CaseNumber>("Projektägare")
    {
        public override CaseNumber Handle(HeaderFieldContext context) => throw new FormatException("bad");
    }

    [Fact]
    public void A_header_field_handler_teaches_a_label_and_attaches_a_typed_value()
    {
        const string text = "Titel\nProjektägare: Kommunen\nÄrendenummer: 2012-123\nRegion: Sydsverige\n";
        var parser = new ProjectParserBuilder().AddHeaderField(new CaseNumberHandler()).AddHeaderField(new ThrowingFieldHandler()).Build();

        var result = parser.Parse(text);

        Assert.Equal(new CaseNumber(2012, 123), result.Project.GetFieldData<CaseNumber>());
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.UnknownLabel);
        var failure = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.HandlerFailed);
        Assert.Equal((2, 15), (failure.Line, failure.Column));
        Assert.StartsWith("Header field handler 'ThrowingFieldHandler' failed on 'Projektägare' with FormatException: bad", failure.Message, StringComparison.Ordinal);
        Assert.Equal("Kommunen", result.Project.Owner);

        var bad = parser.Parse("Titel\nProjektägare: Kommunen\nÄrendenummer: okänt\n");
        Assert.Equal((3, 15), Assert.Single(bad.Diagnostics, d => d.Code == "CASE01") is var d ? (d.Line, d.Column) : default);
    }
}
