using System.Collections.Immutable;
using Esf.Projects.ReferenceData;

namespace Esf.Projects.Tables;

/// <summary>A column of a <see cref="ProjectTable"/>: a name (a contract like the JSON names) and the type of its values.</summary>
/// <param name="Name">The name, camelCase (<c>countyCode</c>); never renamed or dropped in later versions.</param>
/// <param name="Type">The type of the values in this column's cells.</param>
public sealed record TableColumn(string Name, ColumnType Type)
{
    /// <summary>The name, camelCase (<c>countyCode</c>); never renamed or dropped in later versions.</summary>
    public string Name { get; } = Name;

    /// <summary>The type of the values in this column's cells.</summary>
    public ColumnType Type { get; } = Type;
}

/// <summary>
/// One table of the tabular outputs: the flat table of projects or one of the long tables with one row per item of a
/// project (municipality, organisation, section, diagnostic), keyed to join. Spreadsheets, CSV files and databases
/// are written from these definitions, so they agree column for column.
/// </summary>
/// <remarks>
/// Every table starts with <c>source</c> — the input's name as the caller gives it (a path as given on the command
/// line) — which identifies the project across tables; <see cref="Key"/> is the table's primary key.
/// </remarks>
public sealed class ProjectTable
{
    private readonly Func<string, ProjectParseResult, IEnumerable<object?[]>> _rows;

    internal ProjectTable(string name, string description, ImmutableArray<TableColumn> columns, ImmutableArray<string> key, Func<string, ProjectParseResult, IEnumerable<object?[]>> rows)
    {
        Name = name;
        Description = description;
        Columns = columns;
        Key = key;
        _rows = rows;
    }

    /// <summary>The table's name: <c>projects</c>, <c>municipalities</c>, <c>organisations</c>, <c>sections</c> or <c>diagnostics</c>.</summary>
    public string Name { get; }

    /// <summary>What one row is, in a sentence (for documentation and spreadsheet notes).</summary>
    public string Description { get; }

    /// <summary>The columns, in order; the first is always <c>source</c>.</summary>
    public ImmutableArray<TableColumn> Columns { get; }

    /// <summary>The names of the columns that together identify a row (the database's primary key).</summary>
    public ImmutableArray<string> Key { get; }

    /// <summary>The rows of one parsed page: each an array with one value per column, typed as <see cref="TableColumn.Type"/> says (<see cref="string"/>, <see cref="int"/>, <see cref="decimal"/>, <see cref="NodaTime.LocalDate"/>, <see cref="bool"/>) or <see langword="null"/>.</summary>
    /// <param name="source">The input's name, written to the <c>source</c> column.</param>
    /// <param name="result">The parse result.</param>
    /// <returns>The rows, in the page's order.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public IEnumerable<object?[]> GetRows(string source, ProjectParseResult result)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(result);
        return _rows(source, result);
    }

    /// <summary>The table's name.</summary>
    /// <returns><see cref="Name"/>.</returns>
    public override string ToString() => Name;
}

/// <summary>
/// The tables of the tabular outputs (<c>esf parse --format csv|xlsx|sqlite</c>): <see cref="Projects"/>, one row
/// per page with every column of <see cref="ProjectColumns"/>, and the long tables that carry the project's lists
/// item by item, to join with other data (SCB statistics by municipality code, registers by organisation number).
/// </summary>
public static class ProjectTables
{
    private static readonly TableColumn Source = new("source", ColumnType.Text);
    private static readonly TableColumn Ordinal = new("ordinal", ColumnType.Integer);

    /// <summary>One row per page: <c>source</c>, then every column of <see cref="ProjectColumns.All"/>.</summary>
    public static ProjectTable Projects { get; } = ProjectsOf(ProjectColumns.All);

    /// <summary>
    /// One row per municipality of the project's list, in the page's order: the name as written, and where it names
    /// one of Sweden's 290 municipalities its SCB code, official name, county and ESF region (otherwise empty).
    /// </summary>
    public static ProjectTable Municipalities { get; } = new(
        "municipalities",
        "One row per municipality named in the project's list, with its SCB code, county and ESF region where the name is known.",
        [
            Source, Ordinal,
            new("name", ColumnType.Text), new("code", ColumnType.Text), new("officialName", ColumnType.Text),
            new("countyCode", ColumnType.Text), new("county", ColumnType.Text), new("esfRegion", ColumnType.Text),
        ],
        ["source", "ordinal"],
        static (source, result) => MunicipalityRows(source, result.Project));

    /// <summary>One row per organisation: the owner (with its organisation number), each co-financier and each partner, with its role and its place in its list.</summary>
    public static ProjectTable Organisations { get; } = new(
        "organisations",
        "One row per organisation: the owner, each co-financier and each partner.",
        [Source, new("role", ColumnType.Text), Ordinal, new("name", ColumnType.Text), new("organisationNumber", ColumnType.Text)],
        ["source", "role", "ordinal"],
        static (source, result) => OrganisationRows(source, result.Project));

    /// <summary>One row per section of the page body: its heading (empty for text before the first heading), the line it starts on, and its plain text.</summary>
    public static ProjectTable Sections { get; } = new(
        "sections",
        "One row per section of the page body, with its heading and plain text.",
        [Source, Ordinal, new("heading", ColumnType.Text), new("line", ColumnType.Integer), new("text", ColumnType.Text)],
        ["source", "ordinal"],
        static (source, result) => result.Project.Sections.Select((s, i) => new object?[] { source, i + 1, s.Heading, s.Position.Line, s.Text }));

    /// <summary>One row per diagnostic, in the result's order (by position): code, severity, line, column and message.</summary>
    public static ProjectTable Diagnostics { get; } = new(
        "diagnostics",
        "One row per diagnostic the parser reported for the page.",
        [
            Source, Ordinal, new("code", ColumnType.Text), new("severity", ColumnType.Text),
            new("line", ColumnType.Integer), new("column", ColumnType.Integer), new("message", ColumnType.Text),
        ],
        ["source", "ordinal"],
        static (source, result) => result.Diagnostics.Select((d, i) => new object?[] { source, i + 1, d.Code, Diagnostic.SeverityText(d.Severity), d.Line, d.Column, d.Message }));

    /// <summary>Every table, <see cref="Projects"/> first: the tables of <see cref="EsfProjectParser.Default"/>'s projects.</summary>
    public static ImmutableArray<ProjectTable> All { get; } = [Projects, Municipalities, Organisations, Sections, Diagnostics];

    /// <summary>
    /// The tables of the projects <paramref name="parser"/> returns: <see cref="All"/>, with the projects table
    /// widened by a column per typed field of yours (<see cref="ProjectColumns.For"/>), so a spreadsheet, CSV file or
    /// database written from them holds your fields beside the built-in ones.
    /// </summary>
    /// <param name="parser">The parser.</param>
    /// <returns>The tables; <see cref="All"/> itself when the parser has no fields of yours.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="parser"/> is <see langword="null"/>.</exception>
    public static ImmutableArray<ProjectTable> For(EsfProjectParser parser)
    {
        var columns = ProjectColumns.For(parser);
        return columns == ProjectColumns.All ? All : [ProjectsOf(columns), .. All.Skip(1)];
    }

    /// <summary>The projects table with the given columns after <c>source</c>.</summary>
    private static ProjectTable ProjectsOf(ImmutableArray<ProjectColumn> columns) => new(
        "projects",
        "One row per page: every fact of the project, lists joined by ';'.",
        [Source, .. columns.Select(c => new TableColumn(c.Name, c.Type))],
        ["source"],
        (source, result) => [[source, .. columns.Select(c => c.GetValue(result))]]);

    /// <summary>The table of that name (ordinal, case-insensitive), or <see langword="null"/>.</summary>
    /// <param name="name">A name such as <c>municipalities</c>.</param>
    /// <returns>The table.</returns>
    public static ProjectTable? Find(string name) => All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<object?[]> MunicipalityRows(string source, EsfProject project)
    {
        for (var i = 0; i < project.Municipalities.Length; i++)
        {
            var municipality = i < project.MunicipalityCodes.Length && project.MunicipalityCodes[i] is { } code ? SwedishMunicipalities.FindByCode(code) : null;
            yield return
            [
                source, i + 1, project.Municipalities[i], municipality?.Code, municipality?.Name,
                municipality?.County.Code, municipality?.County.Name, municipality is null ? null : Json.ProjectJson.CamelCase(municipality.Region.ToString()),
            ];
        }
    }

    private static IEnumerable<object?[]> OrganisationRows(string source, EsfProject project)
    {
        if (project.Owner is { } owner)
        {
            yield return [source, "owner", 1, owner, project.OrganisationNumber?.ToString()];
        }

        for (var i = 0; i < project.CoFinanciers.Length; i++)
        {
            yield return [source, "coFinancier", i + 1, project.CoFinanciers[i], null];
        }

        for (var i = 0; i < project.Partners.Length; i++)
        {
            yield return [source, "partner", i + 1, project.Partners[i], null];
        }
    }
}
