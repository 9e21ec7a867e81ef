using System.Globalization;
using System.Text;
using Esf.Projects.Fields;
using Markdig;
using NodaTime.Text;

namespace Esf.Projects.Report;

/// <summary>Writes summary.md, summary.html and the charts (PNG and SVG) of a <see cref="CorpusSummary"/>.</summary>
public static class ReportWriter
{
    private static readonly SwedishAmountFormat Plain = new() { GroupSeparator = ' ' };

    public static IReadOnlyList<string> Write(CorpusSummary summary, string folder)
    {
        Directory.CreateDirectory(folder);
        var files = new List<string>();
        files.AddRange(Charts.Write(summary, folder));
        var markdown = Markdown(summary);
        files.Add(Save(Path.Combine(folder, "summary.md"), markdown));
        var pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();
        var html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>ESF projects: summary</title>\n"
            + "<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse}"
            + "td,th{border:1px solid #ccc;padding:.25rem .5rem}td:nth-child(n+2){text-align:right}img{max-width:100%}</style>\n</head>\n<body>\n"
            + Markdig.Markdown.ToHtml(markdown, pipeline) + "</body>\n</html>\n";
        files.Add(Save(Path.Combine(folder, "summary.html"), html));
        return files;
    }

    public static string Markdown(CorpusSummary s)
    {
        var md = new StringBuilder();
        md.AppendLine("# ESF projects: summary").AppendLine();
        md.AppendLine(Inv($"{s.Projects} projects; granted ESF support {Kr(s.TotalGranted)} of total budgets {Kr(s.TotalBudget)}.")).AppendLine();
        if (s.WithGranted < s.Projects)
        {
            md.AppendLine(Inv($"{s.Projects - s.WithGranted} of the {s.Projects} pages state no granted support: the sums are of the {s.WithGranted} that do.")).AppendLine();
        }

        if (s.LeftOut > 0)
        {
            md.AppendLine(Inv($"{s.LeftOut} pages with errors are left out of every figure below.")).AppendLine();
        }
        else if (s.PagesWithErrors > 0)
        {
            md.AppendLine(Inv($"{s.PagesWithErrors} of these pages have errors (marked ⚠ below): some of their facts may be missing from the figures. `--without-errors` leaves them out.")).AppendLine();
        }

        md.AppendLine("_" + s.SourceLine + "_").AppendLine();
        md.AppendLine("![ESF support per region](support-per-region.svg)").AppendLine();
        md.AppendLine("![Projects per start year](projects-per-start-year.svg)").AppendLine();
        Table(md, "Per ESF region", "Region", s.ByRegion);
        Table(md, "Per county (a project counts in every county it lists a municipality in)", "County", s.ByCounty);
        if (s.WithoutMunicipality > 0)
        {
            md.AppendLine(Inv($"{s.WithoutMunicipality} of the {s.Projects} projects name no municipality and are in no county's row{(s.WithoutMunicipality * 2 > s.Projects ? " — most pages do not list municipalities, so this table shows only part of the corpus" : string.Empty)}.")).AppendLine();
        }

        Table(md, "Per phase", "Phase", s.ByPhase);
        Table(md, "Per programme area", "Period: area", s.ByProgrammeArea);
        Table(md, "Per start year", "Start year", s.ByStartYear);

        md.AppendLine("## Largest projects").AppendLine();
        md.AppendLine("| Project | Owner | Granted ESF support | Period | Source |").AppendLine("|---|---|---:|---|---|");
        foreach (var page in s.Largest)
        {
            var p = page.Result.Project;
            var period = p.Period is { } d ? LocalDatePattern.Iso.Format(d.Start) + " – " + LocalDatePattern.Iso.Format(d.End) : string.Empty;
            var flag = page.Result.HasErrors ? "⚠ " : string.Empty;
            md.AppendLine(Inv($"| {flag}{Cell(p.Title)} | {Cell(p.Owner)} | {Kr(CorpusSummary.Granted(p))} | {period} | {Cell(Path.GetFileName(page.Source))} |"));
        }

        md.AppendLine().AppendLine("## Data quality: diagnostics by code").AppendLine();
        if (s.DiagnosticsByCode.Length == 0)
        {
            md.AppendLine("No diagnostics: every page was read without a problem.");
            return md.AppendLine().ToString();
        }

        md.AppendLine("| Code | Severity | Count | Meaning |").AppendLine("|---|---|---:|---|");
        foreach (var (code, severity, count, title) in s.DiagnosticsByCode)
        {
            md.AppendLine(Inv($"| {code} | {Diagnostic.SeverityText(severity)} | {count} | {Cell(title)} |"));
        }

        return md.AppendLine().ToString();
    }

    private static void Table(StringBuilder md, string title, string keyHeader, IEnumerable<GroupRow> rows)
    {
        md.AppendLine("## " + title).AppendLine();
        md.AppendLine(Inv($"| {keyHeader} | Projects | Granted ESF support |")).AppendLine("|---|---:|---:|");
        foreach (var row in rows)
        {
            var granted = row.WithAmount == row.Projects ? Kr(row.Granted) : row.WithAmount == 0 ? NoAmounts : Inv($"{Kr(row.Granted)} (stated by {row.WithAmount})");
            md.AppendLine(Inv($"| {Cell(row.Key)} | {row.Projects} | {granted} |"));
        }

        md.AppendLine();
    }

    /// <summary>What a group shows when none of its pages states an amount: a fact about the pages, not 0 kr.</summary>
    public const string NoAmounts = "no amounts on the pages";

    /// <summary>An amount as the report writes it: <c>3 493 248 kr</c> with plain spaces (greppable and Markdown-safe); <see cref="NoAmounts"/> for none.</summary>
    public static string Kr(decimal? amount) => amount is { } a ? SwedishAmount.Format(Money.Sek(a), Plain) : NoAmounts;

    private static string Cell(string? text) => (text ?? string.Empty).Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Save(string path, string text)
    {
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }
}
