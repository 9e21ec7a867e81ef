
namespace Esf.Projects.Tests.Parsing;

/// <summary>Every non-blank line outside the print chrome ends up somewhere in the result.</summary>
public class LosslessTests
{
    private static readonly string[] Chrome = ["Logotyp på utskrifter", "Stäng", "In English"];

    public static TheoryData<string> Pages_ => new(Seeds.Names.Select(Seeds.Text).Concat(
    [
        Pages.Standard(),
        Pages.Standard("\r\n"),
        Pages.With(Pages.StandardHeader.Append("Stödmottagare postnr: 17141").Append("Konstig rad utan etikett").Append("RegionNorr")),
        "Rubrik\n\nNågon text\nutan huvud\n\nKommun\n\nLund\n• Malmö",
    ]));

    [Theory]
    [MemberData(nameof(Pages_))]
    public void Every_line_is_kept(string page)
    {
        var project = ProjectParser.Parse(page).Project;
        var lines = page.ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !Chrome.Contains(l));
        Assert.All(lines, line => Assert.True(IsKept(project, line), $"Lost: '{line}'"));
    }

    /// <summary>Whether a (trimmed, non-blank) line of the input is somewhere in the project: text, a list item or a header row.</summary>
    internal static bool IsKept(EsfProject project, string line)
    {
        if (Chrome.Contains(line))
        {
            return true;
        }

        var haystack = string.Join("\n",
            new[] { project.Notice, project.Title, project.ProjectNumber }.Concat(project.Sections.Select(s => s.Heading + "\n" + s.Text)).Concat(project.UnplacedText)
                .Concat(project.CoFinanciers).Concat(project.Partners).Concat(project.Municipalities));

        return haystack.Contains(line, StringComparison.Ordinal) || IsHeaderRow(project, line) || IsLabelOrValueOfRow(project, line);
    }

    private static bool IsHeaderRow(EsfProject project, string line) =>
        project.Fields.Any(f => line.StartsWith(f.Label, StringComparison.Ordinal)
            && (f.Value is null ? line[f.Label.Length..].Trim(':', ' ', '\t').Equals("saknas", StringComparison.OrdinalIgnoreCase) || line.Length == f.Label.Length
                                : line.EndsWith(f.Value, StringComparison.Ordinal)));

    private static bool IsLabelOrValueOfRow(EsfProject project, string line) =>
        project.Fields.Any(f => f.Label == line.TrimEnd(':') || f.Value == line);
}
