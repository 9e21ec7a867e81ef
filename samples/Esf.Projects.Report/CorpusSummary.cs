using System.Collections.Immutable;
using Esf.Projects.Fields;
using Esf.Projects.ReferenceData;

namespace Esf.Projects.Report;

/// <summary>One row of a grouped table: how many projects and how much ESF support.</summary>
/// <param name="Key">The group (region, county, phase …).</param>
/// <param name="Projects">Projects in the group.</param>
/// <param name="Granted">Granted ESF support in SEK of the projects whose pages state it; <see langword="null"/> when none does (no amount is not 0 kr).</param>
/// <param name="WithAmount">How many of the group's projects state their granted support.</param>
public sealed record GroupRow(string Key, int Projects, decimal? Granted, int WithAmount);

/// <summary>A parsed page with where it came from.</summary>
/// <param name="Source">The file path.</param>
/// <param name="Result">The parse result.</param>
public sealed record ParsedPage(string Source, ProjectParseResult Result);

/// <summary>
/// Totals and groupings of a corpus of pages. Amounts in other currencies than SEK are left out of the sums (none
/// on the project bank), and a group where no page states an amount has no sum rather than 0 kr. A project whose
/// municipalities lie in several counties counts once in each county, with its whole support: county rows do not
/// add up to the total, on purpose (support is not split by guesswork); a project that names no municipality is in
/// no county's row, and the report says how many there are.
/// </summary>
public sealed class CorpusSummary
{
    private const string Unknown = "(unknown)";

    /// <summary>Summarises the pages; with <paramref name="withoutErrors"/>, pages with an error-level diagnostic are left out of every figure (and counted).</summary>
    public CorpusSummary(IReadOnlyList<ParsedPage> pages, bool withoutErrors = false)
    {
        PagesWithErrors = pages.Count(p => p.Result.HasErrors);
        LeftOut = withoutErrors ? PagesWithErrors : 0;
        pages = withoutErrors ? [.. pages.Where(p => !p.Result.HasErrors)] : pages;
        Pages = pages;
        var projects = pages.Select(p => p.Result.Project).ToList();
        Projects = projects.Count;
        TotalGranted = Sum(projects.Select(Granted));
        WithGranted = projects.Count(p => Granted(p) is not null);
        TotalBudget = Sum(projects.Select(p => p.TotalBudget is { Currency: Money.DefaultCurrency } m ? m.Amount : (decimal?)null));
        ByRegion = Group(projects, p => [p.EsfRegion is { } r ? SwedishMunicipalities.RegionName(r) : p.Region ?? Unknown]);
        WithoutMunicipality = projects.Count(p => p.ResolvedMunicipalities.Length == 0);
        ByCounty = Group(projects, p => [.. p.ResolvedMunicipalities.Select(m => m.County.Name).Distinct()]);
        ByPhase = Group(projects, p => [p.Phase?.Text ?? Unknown]);
        ByProgrammeArea = Group(projects, p => [p.Programme is { } pr ? $"{pr.PeriodText}: {pr.AreaName ?? p.ProgramArea?.ToString() ?? Unknown}" : p.ProgramArea?.ToString() ?? Unknown]);
        ByStartYear = Group(projects, p => [p.Period?.Start.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Unknown], byKey: true);
        Largest = [.. pages.Where(p => Granted(p.Result.Project) is not null).OrderByDescending(p => Granted(p.Result.Project)).ThenBy(p => p.Source, StringComparer.Ordinal).Take(10)];
        DiagnosticsByCode = [.. pages.SelectMany(p => p.Result.Diagnostics).GroupBy(d => d.Code).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.First().Severity, g.Count(), DiagnosticCodes.Find(g.Key)?.Title ?? string.Empty))];
    }

    public IReadOnlyList<ParsedPage> Pages { get; }

    /// <summary>Pages with an error-level diagnostic among those given: some fact of theirs may be missing from the figures.</summary>
    public int PagesWithErrors { get; }

    /// <summary>Pages left out of the figures because they have errors (0 unless asked for).</summary>
    public int LeftOut { get; }

    /// <summary>The line under each chart: how many pages the figures come from and the years their projects span.</summary>
    public string SourceLine
    {
        get
        {
            var periods = Pages.Select(p => p.Result.Project.Period).OfType<NodaTime.DateInterval>().ToList();
            var span = periods.Count == 0 ? "" : $", projects running {periods.Min(d => d.Start.Year)}–{periods.Max(d => d.End.Year)}";
            return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Source: {Projects} ESF project bank pages{span}; parsed with Esf.Projects.");
        }
    }

    public int Projects { get; }

    /// <summary>Granted ESF support of the projects that state it; <see langword="null"/> when none does.</summary>
    public decimal? TotalGranted { get; }

    /// <summary>How many projects state their granted support.</summary>
    public int WithGranted { get; }

    /// <summary>Total budgets of the projects that state one; <see langword="null"/> when none does.</summary>
    public decimal? TotalBudget { get; }

    /// <summary>Projects whose pages name no municipality the reference data knows: they are in no county's row.</summary>
    public int WithoutMunicipality { get; }

    public ImmutableArray<GroupRow> ByRegion { get; }

    public ImmutableArray<GroupRow> ByCounty { get; }

    public ImmutableArray<GroupRow> ByPhase { get; }

    public ImmutableArray<GroupRow> ByProgrammeArea { get; }

    public ImmutableArray<GroupRow> ByStartYear { get; }

    public ImmutableArray<ParsedPage> Largest { get; }

    public ImmutableArray<(string Code, DiagnosticSeverity Severity, int Count, string Title)> DiagnosticsByCode { get; }

    /// <summary>The granted support in SEK as the page states it; <see langword="null"/> when it states none (or in another currency).</summary>
    public static decimal? Granted(EsfProject project) => project.GrantedEsfSupport is { Currency: Money.DefaultCurrency } m ? m.Amount : null;

    /// <summary>The sum of the amounts stated; <see langword="null"/> when there are none, as SQL sums.</summary>
    private static decimal? Sum(IEnumerable<decimal?> amounts)
    {
        decimal? sum = null;
        foreach (var amount in amounts)
        {
            sum = amount is { } a ? (sum ?? 0m) + a : sum;
        }

        return sum;
    }

    private static ImmutableArray<GroupRow> Group(IEnumerable<EsfProject> projects, Func<EsfProject, string[]> keys, bool byKey = false)
    {
        var rows = projects.SelectMany(p => keys(p).Select(k => (Key: k, Project: p)))
            .GroupBy(x => x.Key, StringComparer.Ordinal)
            .Select(g => new GroupRow(g.Key, g.Count(), Sum(g.Select(x => Granted(x.Project))), g.Count(x => Granted(x.Project) is not null)));
        return byKey
            ? [.. rows.OrderBy(r => r.Key, StringComparer.Ordinal)]
            : [.. rows.OrderByDescending(r => r.Granted ?? -1m).ThenByDescending(r => r.Projects).ThenBy(r => r.Key, StringComparer.Ordinal)];
    }
}
