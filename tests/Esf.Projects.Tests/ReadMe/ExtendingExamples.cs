using System.Collections.Frozen;
using System.Collections.Immutable;
using Esf.Projects.Handlers;
using Esf.Projects.Handlers.Prose;
using Esf.Projects.Layouts;
using Microsoft.Extensions.DependencyInjection;

namespace Esf.Projects.Tests.ReadMe;

/// <summary>The C# blocks of docs/extending.md, compiled and run (see <see cref="ReadMeTests"/> for how they are matched).</summary>
public class ExtendingExamples
{
    private const string Page = "2019/00871 - Vägar framåt\n\nDiarienummer:\n2019/00871\nÄrendenummer:\nÄ-2019-17\nProjektägare:\nLuleå kommun\n\nTexten.\n";

    #region docs/extending.md
    public sealed record CaseNumber(int Year, int Serial)
    {
        public override string ToString() => $"Ä-{Year}-{Serial}";     // its text in JSON and tables
    }

    public static readonly HeaderFieldDefinition<CaseNumber> CaseNumberField = new(
        "caseNumber",
        new Term(["Ärendenummer"], ["Case reference"]),
        static (HeaderFieldContext context, out CaseNumber value) =>
        {
            var parts = context.Value.ToString().Split('-');               // "Ä-2019-17"
            if (parts.Length == 3 && int.TryParse(parts[1], out var year) && int.TryParse(parts[2], out var serial))
            {
                value = new CaseNumber(year, serial);
                return true;
            }

            context.Report(DiagnosticSeverity.Warning, "CASE001", "Not a case number (Ä-YYYY-N).");
            value = null!;
            return false;
        });
    #endregion

    [Fact]
    public void A_typed_field_of_your_own()
    {
        #region docs/extending.md
        var parser = new ProjectParserBuilder().AddHeaderField(CaseNumberField).Build();
        var project = parser.Parse(Page).Project;

        CaseNumberField.TryGetValue(project, out var number);    // CaseNumber { Year = 2019, Serial = 17 }
        var row = project.Fields.Single(f => f.Kind == "caseNumber"); // the row as written, with positions
        #endregion

        Assert.Equal(new CaseNumber(2019, 17), number);
        Assert.Contains("\"caseNumber\": \"Ä-2019-17\"", Json.EsfJson.Serialize(parser.Parse(Page)), StringComparison.Ordinal);
        Assert.Equal(("Ärendenummer", "Ä-2019-17", 5), (row.Label, row.Value, row.LabelPosition.Line));
        Assert.Empty(project.ExtraFields);
        Assert.Equal("Luleå kommun", project.Owner);
    }

    [Fact]
    public void A_built_in_field_read_your_way()
    {
        const string page = "Vägar framåt\n\nBeviljat ESF-stöd: 400 000 kr\nPlanerat antal deltagare: ca 40\n\nSammanfattning\n\nText.\n";

        #region docs/extending.md
        // "ca 40" as 40; every other value as the built-in field reads it.
        static bool About(HeaderFieldContext context, out int value)
        {
            if (context.Value.StartsWith("ca ") && int.TryParse(context.Value[3..], out value))
            {
                return true;
            }

            var read = EsfHeaderFields.PlannedParticipants.HandleField(context); // the int it read, or null
            value = read is int count ? count : 0;
            return read is not null;
        }

        var builder = new ProjectParserBuilder();
        var at = builder.HeaderFields.IndexOf(EsfHeaderFields.PlannedParticipants);
        builder.HeaderFields[at] = EsfHeaderFields.PlannedParticipants.WithReader(About);
        var project = builder.Build().Parse(page).Project;
        #endregion

        Assert.Equal(40, project.PlannedParticipants);
        Assert.Equal(10_000m, project.Figures.SupportPerPlannedParticipant);
        Assert.Null(ProjectParser.Parse(page).Project.PlannedParticipants);
    }

    #region docs/extending.md
    public sealed record Targets(ImmutableArray<string> Lines);

    public sealed class TargetsHandler() : SectionHandler<Targets>(HeadingMatcher.IgnoreCase("Målsättning"))
    {
        public override Targets? Handle(SectionContext context)
        {
            var lines = ImmutableArray.CreateBuilder<string>();
            for (var i = 0; i < context.LineCount; i++)
            {
                var line = context.GetLine(i);                      // a span over the page, no copy
                if (line.Contains('%')) lines.Add(line.ToString());
                else if (!line.IsEmpty) context.Report(DiagnosticSeverity.Info, "TGT001", "No percentage.", context.GetLinePosition(i));
            }
            return lines.Count == 0 ? null : new Targets(lines.ToImmutable());
        }
    }
    #endregion

    [Fact]
    public void A_section_handler()
    {
        var text = Seeds.Text("001_0b550c35baa0836e.txt");

        #region docs/extending.md
        var parser = new ProjectParserBuilder().AddSectionHandler(new TargetsHandler()).Build();
        var targets = parser.Parse(text).Project.GetSectionData<Targets>();   // typed, no cast
        #endregion

        Assert.Equal(3, targets?.Lines.Length);
    }

    #region docs/extending.md
    public static readonly HeaderFieldDefinition<string> ExportedBy = new(
        "exportedBy", new Term(["Exporterad av"], []), static (HeaderFieldContext c, out string v) => (v = c.Value.ToString()).Length > 0);

    /// <summary>A municipality's export: "Exporterad av: …" marks it; rows are "Label = value".</summary>
    public sealed class MunicipalExport() : PageLayoutReader("municipalExport")
    {
        public override LayoutMarks Marks { get; } = new() { Labels = new Dictionary<string, int> { ["exportedBy"] = 20 }.ToFrozenDictionary() };

        public override void Read(LayoutPage page, LayoutFrame frame)
        {
            frame.TitleLine = page.First;                                   // "Vägar framåt"
            for (var i = page.First + 1; i < page.Count && !page.GetKinds(i).HasFlag(LayoutLineKinds.Blank); i++)
            {
                if (!page.TryGetLabel(i, out var label)) { frame.AddUnplaced(i); continue; }
                var rest = page.GetLine(i)[label.Length..];             // " = Luleå kommun", ": Luleå kommun"
                frame.AddRow(i, i, label.Length + rest.IndexOfAny('=', ':') + 1);
            }
        }                                                               // the body starts after the last row
    }
    #endregion

    private const string ExportPage = "Vägar framåt\nExporterad av: Luleå kommun\nProjektägare = Luleå kommun\nDiarienummer = 2019/00871\nBeviljat ESF-stöd = 1 200 000 kr\n\nSammanfattning\n\nProjektet hjälper unga till arbete.\n";

    [Fact]
    public void A_page_layout_of_your_own()
    {
        #region docs/extending.md
        var parser = new ProjectParserBuilder().AddHeaderField(ExportedBy).AddLayout(new MunicipalExport()).Build();
        var project = parser.Parse(ExportPage).Project;      // LayoutName "municipalExport", Owner "Luleå kommun"
        #endregion

        Assert.Equal((PageLayout.Other, "municipalExport"), (project.Layout, project.LayoutName));
        Assert.Equal(("Vägar framåt", "Luleå kommun", "2019/00871"), (project.Title, project.Owner, project.ProjectNumber));
        Assert.Equal(1_200_000m, project.GrantedEsfSupport?.Amount);
        Assert.Equal("Sammanfattning", Assert.Single(project.Sections).Heading);
        Assert.True(ExportedBy.TryGetValue(project, out var by) && by == "Luleå kommun");
    }

    [Fact]
    public void The_vocabulary_and_the_languages()
    {
        const string page = "Titel\nProjektägare: uppgift saknas\nRegion: Sydsverige\n\nSummary\n\nText.\n";

        #region docs/extending.md
        var parser = new ProjectParserBuilder()
            .UseEnglishLabels()                                            // English spellings too
            .Configure(o => o with
            {
                Vocabulary = o.Vocabulary with { Missing = o.Vocabulary.Missing.With(ParserLanguages.Swedish, "uppgift saknas") },
            })
            .AddHeaderLabel("Projektansvarig", EsfHeaderFields.Owner.Key) // another spelling of a field
            .Build();
        #endregion

        var project = parser.Parse(page).Project;
        Assert.Null(project.Owner);
        Assert.Equal(ProseSectionKind.Summary, project.GetSectionData<ProseSectionData>()?.Kind);
        Assert.Equal("X", parser.Parse("Titel\nProjektansvarig: X\nRegion: Sydsverige\n").Project.Owner);
    }

    [Fact]
    public void Dependency_injection()
    {
        var services = new ServiceCollection();

        #region docs/extending.md
        services.AddEsfProjectParser(builder => builder.AddSectionHandler<TargetsHandler>().AddHeaderField(CaseNumberField));
        #endregion

        using var provider = services.BuildServiceProvider();
        var parser = provider.GetRequiredService<EsfProjectParser>();
        Assert.Contains(CaseNumberField, parser.HeaderFields);
    }
}
