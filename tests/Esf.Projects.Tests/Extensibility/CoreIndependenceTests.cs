using Esf.Projects.Handlers;
using Esf.Projects.Handlers.Lists;
using Esf.Projects.Handlers.Prose;
using Esf.Projects.Json;

namespace Esf.Projects.Tests.Extensibility;

/// <summary>
/// The core never asks its own plug-ins for structure: removing or replacing the built-in section handlers changes
/// the handlers' data and nothing else — the sections, their blocks and the project's lists stay as they were.
/// </summary>
public class CoreIndependenceTests
{
    public static TheoryData<string> Pages => new(Seeds.Names.Concat(Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Layouts"), "*.txt").Select(Path.GetFileName).Order(StringComparer.Ordinal))!);

    private static string Text(string page) => page.Length > 4 && char.IsAsciiDigit(page[0]) ? Seeds.Text(page) : Layouts.LayoutFactsTests.Text(page);

    private sealed class Everything() : SectionHandler<string>(HeadingMatcher.Where(_ => true))
    {
        public override string Handle(SectionContext context) => context.Heading;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Without_the_built_in_handlers_the_sections_and_lists_are_the_same(string page)
    {
        var text = Text(page);
        var withHandlers = ProjectParser.Parse(text);
        var builder = new ProjectParserBuilder();
        builder.SectionHandlers.Clear();
        var withoutHandlers = builder.Build().Parse(text);

        Assert.Equal(withHandlers, withoutHandlers); // content equality leaves handler data out
        Assert.Equal(EsfJson.Serialize(withHandlers), EsfJson.Serialize(withoutHandlers));
        Assert.Empty(withoutHandlers.Project.Sections.SelectMany(s => s.Data));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Replacing_the_built_in_handlers_changes_only_their_data(string page)
    {
        var text = Text(page);
        var builder = new ProjectParserBuilder();
        Assert.Equal(3, builder.SectionHandlers.Remove<ListSectionHandler>());
        Assert.True(builder.SectionHandlers.Replace<ProseSectionHandler>(new Everything()));

        var replaced = builder.Build().Parse(text);
        var standard = ProjectParser.Parse(text);

        Assert.Equal(EsfJson.Serialize(standard), EsfJson.Serialize(replaced));
        Assert.All(replaced.Project.Sections.Where(s => s.Heading is not null), s => Assert.Equal(s.Heading, s.GetData<string>()));
    }

    [Fact]
    public void Removing_a_built_in_header_field_makes_its_label_unknown_and_leaves_the_rest()
    {
        var builder = new ProjectParserBuilder();
        Assert.True(builder.HeaderFields.Remove(EsfHeaderFields.Owner));

        var parser = builder.Build();

        var labelLine = parser.Parse(Layouts.LayoutFactsTests.Text("c1-esf-plus-2021-2027.txt"));
        Assert.Null(labelLine.Project.Owner);
        Assert.Equal(("Projektägare", "UMEÅ KOMMUN"), Assert.Single(labelLine.Project.ExtraFields) is var extra ? (extra.Label, extra.Value) : default);
        Assert.Equal("212000-4128", labelLine.Project.OrganisationNumber?.ToString());

        // A glued row needs its label to be found at all: without it, the row is kept as unplaced text.
        var glued = parser.Parse(Seeds.Text("000_196cdacd7e4f6bec.txt"));
        Assert.Null(glued.Project.Owner);
        Assert.Equal<string>(["ProjektägareKävlinge Lärcentrum"], glued.Project.UnplacedText);
        Assert.Equal("Brytpunkt", glued.Project.Title);
        Assert.Equal<Section>(Seeds.Parse("000_196cdacd7e4f6bec.txt").Project.Sections, glued.Project.Sections);
    }
}
