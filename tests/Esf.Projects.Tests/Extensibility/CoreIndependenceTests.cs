using Esf.Projects.Handlers;
using Esf.Projects.Handlers.Lists;
using Esf.Projects.Handlers.Prose;
using Esf.Projects.Json;

namespace Esf.Projects.Tests.Extensibility;

/// <summary>
/// The core never asks its own plug-ins for structure: removing or replacing the built-in section handlers leaves
/// the sections, their blocks and the lists' items as they were. What the sections mean follows the handlers: the
/// project's lists are what the list handlers in place make of the items.
/// </summary>
public class CoreIndependenceTests
{
    public static TheoryData<string> Pages => new(Seeds.Names.Concat(Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Layouts"), "*.txt").Select(Path.GetFileName).Order(StringComparer.Ordinal))!);

    private static string Text(string page) => page.Length > 4 && char.IsAsciiDigit(page[0]) ? Seeds.Text(page) : Layouts.LayoutFactsTests.Text(page);

    private sealed class Everything() : SectionHandler<string>(HeadingMatcher.Where(_ => true))
    {
        public override string Handle(SectionContext context) => context.Heading;
    }

    /// <summary>Municipalities in capitals, and partners counted as co-financiers: a list handler of someone's own.</summary>
    private sealed class Recast(ListSectionKind claims, ListSectionKind becomes, Func<string, string> change) : SectionHandler<ListSectionData>(HeadingMatcher.ListSection(claims))
    {
        public override ListSectionData Handle(SectionContext context) => new(becomes, [.. context.ListItems.Select(change)]);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Without_the_built_in_handlers_the_sections_and_items_are_the_same_and_the_lists_empty(string page)
    {
        var text = Text(page);
        var withHandlers = ProjectParser.Parse(text).Project;
        var builder = new ProjectParserBuilder();
        builder.SectionHandlers.Clear();
        var withoutHandlers = builder.Build().Parse(text).Project;

        Assert.Equal<Section>(withHandlers.Sections, withoutHandlers.Sections); // blocks and items included, handler data not
        Assert.Empty(withoutHandlers.Sections.SelectMany(s => s.Data));
        Assert.Equal<HeaderField>(withHandlers.Fields, withoutHandlers.Fields);
        Assert.Equal((withHandlers.Title, withHandlers.ProjectNumber, withHandlers.Layout, withHandlers.Period), (withoutHandlers.Title, withoutHandlers.ProjectNumber, withoutHandlers.Layout, withoutHandlers.Period));
        Assert.Empty(withoutHandlers.CoFinanciers);
        Assert.Empty(withoutHandlers.Partners);
        Assert.Empty(withoutHandlers.Municipalities);
        Assert.Empty(withoutHandlers.ResolvedMunicipalities);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void The_project_lists_follow_the_list_handlers_in_place(string page)
    {
        var text = Text(page);
        var builder = new ProjectParserBuilder();
        Assert.Equal(3, builder.SectionHandlers.Remove<ListSectionHandler>());
        builder.SectionHandlers.Add(new Recast(ListSectionKind.Municipalities, ListSectionKind.Municipalities, m => m.ToUpperInvariant()));
        builder.SectionHandlers.Add(new Recast(ListSectionKind.Partners, ListSectionKind.CoFinanciers, p => p));
        builder.SectionHandlers.Add(new Recast(ListSectionKind.CoFinanciers, ListSectionKind.CoFinanciers, c => c));
        Assert.True(builder.SectionHandlers.Replace<ProseSectionHandler>(new Everything()));

        var replaced = builder.Build().Parse(text).Project;
        var standard = ProjectParser.Parse(text).Project;

        Assert.Equal<Section>(standard.Sections, replaced.Sections);
        Assert.Equal(standard.Municipalities.Select(m => m.ToUpperInvariant()), replaced.Municipalities);
        Assert.Empty(replaced.Partners);
        var listed = standard.Sections
            .Select(s => s.GetData<ListSectionData>())
            .Where(d => d is { Kind: ListSectionKind.CoFinanciers or ListSectionKind.Partners })
            .SelectMany(d => d!.Items);
        Assert.Equal(listed, replaced.CoFinanciers);
        Assert.All(replaced.Sections.Where(s => s.Heading is not null && s.GetData<ListSectionData>() is null), s => Assert.Equal(s.Heading, s.GetData<string>()));
    }

    [Fact]
    public void A_handler_may_make_any_section_a_list()
    {
        const string page = "Titel\nProjektägare: A\n\nDeltagande kommuner\n\n• Lund\n• Malmö\n\nBakgrund\n\nText.\n";
        var parser = new ProjectParserBuilder()
            .AddSectionHandler(new Named("Deltagande kommuner"))
            .Build();

        var project = parser.Parse(page).Project;

        Assert.Equal<string>(["Lund", "Malmö"], project.Municipalities);
        Assert.Equal<string?>(["1281", "1280"], project.MunicipalityCodes);
        Assert.Equal(["Lund", "Malmö"], project.ResolvedMunicipalities.Select(m => m.Name));
    }

    /// <summary>Claims one heading and reads the section's list blocks as municipalities.</summary>
    private sealed class Named(string heading) : SectionHandler<ListSectionData>(HeadingMatcher.IgnoreCase(heading))
    {
        public override ListSectionData Handle(SectionContext context) =>
            new(ListSectionKind.Municipalities, [.. context.Section.Blocks.OfType<ListBlock>().SelectMany(b => b.Items).Select(i => i.Text)]);
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
