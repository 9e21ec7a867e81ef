using System.Collections.Frozen;
using Esf.Projects.Json;
using Esf.Projects.Layouts;
using Esf.Projects.Tables;
using Esf.Projects.Tests.ReadMe;

namespace Esf.Projects.Tests.Extensibility;

/// <summary>
/// A fourth layout defined in the test project (<see cref="ExtendingExamples.MunicipalExport"/>, the example of
/// docs/extending.md), with nothing in <c>src/</c> knowing it: recognised by the marks it declares, its frame read by
/// its reader, the rest read as for any page — and the other layouts' pages read as before.
/// </summary>
public class LayoutExtensionTests
{
    private const string Page = "Vägar framåt\nExporterad av: Luleå kommun\nProjektägare = Luleå kommun\nDiarienummer = 2019/00871\nBeviljat ESF-stöd = 1 200 000 kr\n\nSammanfattning\n\nProjektet hjälper unga till arbete.\n";

    private static readonly EsfProjectParser Parser =
        new ProjectParserBuilder().AddHeaderField(ExtendingExamples.ExportedBy).AddLayout(new ExtendingExamples.MunicipalExport()).Build();

    public static TheoryData<string> Pages => TestPages.All;

    [Fact]
    public void Without_the_layout_the_page_is_not_read_as_one()
    {
        var project = new ProjectParserBuilder().AddHeaderField(ExtendingExamples.ExportedBy).Build().Parse(Page).Project;

        Assert.NotEqual("municipalExport", project.LayoutName);
        Assert.NotEqual("Luleå kommun", project.Owner);
    }

    [Fact]
    public void Its_name_goes_into_the_json_and_the_tables_and_comes_back()
    {
        var result = Parser.Parse(Page);

        var json = EsfJson.Serialize(result);
        Assert.Contains("\"layout\": \"municipalExport\"", json, StringComparison.Ordinal);
        var (back, _) = EsfJson.Deserialize(json, Parser);
        Assert.True(back == result);
        Assert.Equal((PageLayout.Other, "municipalExport"), (back.Project.Layout, back.Project.LayoutName));

        var layout = ProjectTables.For(Parser)[0].Columns.Select(c => c.Name).ToList().IndexOf("layout");
        Assert.Equal("municipalExport", ProjectTables.For(Parser)[0].GetRows("x", result).Single()[layout]);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void The_other_layouts_pages_are_read_as_before(string page)
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, page));

        Assert.Equal(EsfJson.Serialize(ProjectParser.Parse(bytes)), EsfJson.Serialize(Parser.Parse(bytes)));
    }

    [Fact]
    public void A_reader_that_throws_becomes_a_diagnostic_and_the_tolerant_reader_reads_the_page()
    {
        var parser = new ProjectParserBuilder().AddHeaderField(ExtendingExamples.ExportedBy).AddLayout(new Throwing()).Build();

        var result = parser.Parse(Page);

        Assert.Equal(PageLayout.Unknown, result.Project.Layout);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.HandlerFailed && d.Message.Contains("throwing", StringComparison.Ordinal));
        Assert.Equal("Vägar framåt", result.Project.Title);
    }

    [Fact]
    public void Without_the_built_in_layouts_every_page_is_read_by_the_tolerant_reader()
    {
        var builder = new ProjectParserBuilder();
        Assert.Equal(["printExport2007To2013", "projectBank2014To2020", "esfPlus2021To2027"], builder.Layouts.Select(l => l.Name));
        builder.Layouts.Clear();

        var project = builder.Build().Parse(Layouts.LayoutFactsTests.Text("c1-esf-plus-2021-2027.txt")).Project;

        Assert.Equal(PageLayout.Unknown, project.Layout);
        Assert.Equal("UMEÅ KOMMUN", project.Owner);
    }

    [Fact]
    public void A_frame_refuses_lines_the_page_does_not_have()
    {
        var parser = new ProjectParserBuilder().AddHeaderField(ExtendingExamples.ExportedBy).AddLayout(new OutOfRange()).Build();

        var result = parser.Parse(Page);

        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.HandlerFailed && d.Message.Contains(nameof(ArgumentOutOfRangeException), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("municipalExport")]
    [InlineData("unknown")]
    [InlineData("projectBank2014To2020")]
    public void A_layout_name_that_would_mean_two_layouts_is_refused_when_the_parser_is_built(string name)
    {
        var builder = new ProjectParserBuilder().AddLayout(new ExtendingExamples.MunicipalExport());
        if (name != "municipalExport")
        {
            builder.Layouts.Clear();
        }

        Assert.Throws<ArgumentException>(() => builder.AddLayout(new Named(name)).Build());
    }

    private sealed class Named(string name) : PageLayoutReader(name)
    {
        public override LayoutMarks Marks => LayoutMarks.None;

        public override void Read(LayoutPage page, LayoutFrame frame)
        {
        }
    }

    private sealed class Throwing() : PageLayoutReader("throwing")
    {
        public override LayoutMarks Marks { get; } = new() { Labels = new Dictionary<string, int> { ["exportedBy"] = 20 }.ToFrozenDictionary() };

        public override void Read(LayoutPage page, LayoutFrame frame) => throw new InvalidOperationException("broken");
    }

    private sealed class OutOfRange() : PageLayoutReader("outOfRange")
    {
        public override LayoutMarks Marks { get; } = new() { Labels = new Dictionary<string, int> { ["exportedBy"] = 20 }.ToFrozenDictionary() };

        public override void Read(LayoutPage page, LayoutFrame frame) => frame.AddRow(page.Count, -1, 0);
    }
}
