using System.Collections.Immutable;
using System.Globalization;
using Esf.Projects.Fields;
using Esf.Projects.Handlers;
using NodaTime;
using NodaTime.Text;

namespace Esf.Projects.Tables;

/// <summary>The type of a column's values, for writers that type their cells (spreadsheets, databases).</summary>
public enum ColumnType
{
    /// <summary><see cref="string"/>.</summary>
    Text,

    /// <summary><see cref="int"/>.</summary>
    Integer,

    /// <summary><see cref="decimal"/> (amounts, percentages), exact.</summary>
    Decimal,

    /// <summary><see cref="LocalDate"/>.</summary>
    Date,

    /// <summary><see cref="bool"/>.</summary>
    Boolean,
}

/// <summary>One column of the flat table of projects: a name (a contract like the JSON names), a type, and how a result fills it.</summary>
public sealed class ProjectColumn
{
    private readonly Func<ProjectParseResult, object?> _value;

    internal ProjectColumn(string name, ColumnType type, Func<ProjectParseResult, object?> value)
    {
        Name = name;
        Type = type;
        _value = value;
    }

    /// <summary>The column's name, camelCase (<c>grantedEsfSupport</c>); never renamed or dropped in later versions.</summary>
    public string Name { get; }

    /// <summary>The type of the values <see cref="GetValue"/> returns.</summary>
    public ColumnType Type { get; }

    /// <summary>The cell's value: a <see cref="string"/>, <see cref="int"/>, <see cref="decimal"/>, <see cref="LocalDate"/> or <see cref="bool"/> as <see cref="Type"/> says, or <see langword="null"/> when absent.</summary>
    /// <param name="result">The parse result.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is <see langword="null"/>.</exception>
    public object? GetValue(ProjectParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return _value(result);
    }

    /// <summary>The cell as invariant text, as a CSV writes it: numbers with a dot, dates ISO (<c>2014-09-30</c>), <c>true</c>/<c>false</c>; <see langword="null"/> when absent.</summary>
    /// <param name="result">The parse result.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is <see langword="null"/>.</exception>
    public string? GetText(ProjectParseResult result) => GetValue(result) switch
    {
        null => null,
        string text => text,
        int number => number.ToString(CultureInfo.InvariantCulture),
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        LocalDate date => LocalDatePattern.Iso.Format(date),
        bool flag => flag ? "true" : "false",
        var other => Convert.ToString(other, CultureInfo.InvariantCulture),
    };

    /// <summary>The column's name and type.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Name + " (" + Type + ")";
}

/// <summary>
/// The flat table of projects — one row per page, one column per fact — as <c>esf parse --format csv</c>, the
/// spreadsheet and the database write it. The columns of header fields follow from the field definitions
/// (<see cref="EsfHeaderFields"/>) by their value's type, so a new field is a new column without a line here.
/// </summary>
/// <remarks>
/// The columns are in a fixed order: the first release's columns in their order, then every later one appended.
/// Names are a contract like the JSON property names: added, never renamed or dropped. Lists are joined by
/// <c>;</c> in one cell; the long tables (one row per municipality, organisation, section, diagnostic) carry them
/// item by item.
/// </remarks>
public static class ProjectColumns
{
    /// <summary>Every column of the built-in fields and facts, in order: the columns of <see cref="EsfProjectParser.Default"/>'s projects.</summary>
    public static ImmutableArray<ProjectColumn> All { get; } = Build();

    /// <summary>
    /// The columns of the projects <paramref name="parser"/> returns: <see cref="All"/>, then the columns of each
    /// typed field of yours (<see cref="HeaderFieldDefinition{T}"/>) in the order the parser holds them, named by
    /// the field's key and typed as a built-in field of the value's type is (<c>int</c> an integer column,
    /// <see cref="Money"/> a decimal one …); a value of a type no built-in field has is its invariant text.
    /// </summary>
    /// <param name="parser">The parser.</param>
    /// <returns>The columns; <see cref="All"/> itself when the parser has no fields of yours.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="parser"/> is <see langword="null"/>.</exception>
    public static ImmutableArray<ProjectColumn> For(EsfProjectParser parser)
    {
        ArgumentNullException.ThrowIfNull(parser);
        var fields = parser.Configuration.UserFields;
        return fields.IsEmpty ? All : [.. All, .. fields.SelectMany(FieldColumns)];
    }

    private static ImmutableArray<ProjectColumn> Build()
    {
        var placed = new List<HeaderFieldHandler>(EsfHeaderFields.InDerivedFacts);
        var columns = new List<ProjectColumn>();
        void Add(string name, ColumnType type, Func<ProjectParseResult, object?> value) => columns.Add(new ProjectColumn(name, type, value));
        void Field(HeaderFieldHandler field)
        {
            placed.Add(field);
            columns.AddRange(FieldColumns(field));
        }

        Add("title", ColumnType.Text, r => r.Project.Title);
        Add("projectNumber", ColumnType.Text, r => r.Project.ProjectNumber);
        Field(EsfHeaderFields.CallNumber);
        Field(EsfHeaderFields.ProgramArea);
        Field(EsfHeaderFields.Phase);
        Field(EsfHeaderFields.Owner);
        Add("contactName", ColumnType.Text, r => r.Project.Contact.Name);
        Add("contactEmail", ColumnType.Text, r => r.Project.Contact.Email);
        Add("contactPhone", ColumnType.Text, r => r.Project.Contact.Phone);
        Add("contactPhoneE164", ColumnType.Text, r => r.Project.Contact.PhoneNumber?.E164);
        Field(EsfHeaderFields.GrantedEsfSupport);
        Field(EsfHeaderFields.TotalBudget);
        Add("currency", ColumnType.Text, r => (r.Project.GrantedEsfSupport ?? r.Project.TotalBudget)?.Currency);
        Add("start", ColumnType.Date, r => r.Project.Period?.Start);
        Add("end", ColumnType.Date, r => r.Project.Period?.End);
        Field(EsfHeaderFields.Region);
        Add("municipalities", ColumnType.Text, r => Join(r.Project.Municipalities));
        Add("coFinanciers", ColumnType.Text, r => Join(r.Project.CoFinanciers));
        Add("partners", ColumnType.Text, r => Join(r.Project.Partners));
        Field(EsfHeaderFields.PlannedParticipants);
        Field(EsfHeaderFields.EuCofinancingRate);
        Add("errors", ColumnType.Integer, r => Count(r, DiagnosticSeverity.Error));
        Add("warnings", ColumnType.Integer, r => Count(r, DiagnosticSeverity.Warning));
        Add("diagnostics", ColumnType.Integer, r => r.Diagnostics.Length);

        // Appended after the first release's columns.
        Add("layout", ColumnType.Text, r => r.Project.LayoutName);
        Add("projectNumbers", ColumnType.Text, r => Join(r.Project.ProjectNumbers));
        Add("municipalityCodes", ColumnType.Text, r => Join(r.Project.MunicipalityCodes));
        Add("counties", ColumnType.Text, r => Join([.. r.Project.ResolvedMunicipalities.Select(m => m.County.Name).Distinct()]));
        Add("esfRegion", ColumnType.Text, r => r.Project.EsfRegion is { } region ? Camel(region.ToString()) : null);
        Add("programmePeriod", ColumnType.Text, r => r.Project.Programme?.PeriodText);
        Add("programmeConfidence", ColumnType.Text, r => r.Project.Programme is { } p ? Camel(p.Confidence.ToString()) : null);
        Add("programmeAreaName", ColumnType.Text, r => r.Project.Programme?.AreaName);
        Add("specificObjectiveName", ColumnType.Text, r => r.Project.Programme?.ObjectiveName);
        Add("programmeName", ColumnType.Text, r => r.Project.Programme?.ProgrammeName);
        Add("esfSharePercent", ColumnType.Decimal, r => r.Project.Figures.EsfSharePercent);
        Add("durationDays", ColumnType.Integer, r => r.Project.Figures.DurationDays);
        Add("durationMonths", ColumnType.Integer, r => r.Project.Figures.DurationMonths);
        Add("supportPerPlannedParticipant", ColumnType.Decimal, r => r.Project.Figures.SupportPerPlannedParticipant);
        Add("interventionType", ColumnType.Text, r => r.Project.InterventionType?.Code);
        Add("interventionTypeName", ColumnType.Text, r => r.Project.InterventionType?.Name);
        foreach (var field in EsfHeaderFields.All)
        {
            if (!placed.Contains(field))
            {
                Field(field);
            }
        }

        return [.. columns];
    }

    /// <summary>The columns of a typed field, by its value's type (<see cref="Json.FieldShape"/>); the names start with the field's key.</summary>
    /// <exception cref="NotSupportedException">No shape is known for the type of a built-in field (a new built-in field's type needs one).</exception>
    private static IEnumerable<ProjectColumn> FieldColumns(HeaderFieldHandler field)
    {
        var shape = Json.FieldShape.For(field)
            ?? (field.BuiltInSlot < 0 ? Json.FieldShape.InvariantText : throw new NotSupportedException($"No columns for the value of the built-in field '{field.Key}'."));
        return shape.Columns(field.Key!, r => field.ValueIn(r.Project));
    }

    /// <summary>The items joined by <c>;</c> (an absent item as an empty string, so positions line up across columns); <see langword="null"/> for no items.</summary>
    private static string? Join(IReadOnlyList<string?> items) => items.Count == 0 ? null : string.Join(';', items.Select(i => i ?? string.Empty));

    private static int Count(ProjectParseResult result, DiagnosticSeverity severity)
    {
        var count = 0;
        foreach (var diagnostic in result.Diagnostics)
        {
            count += diagnostic.Severity == severity ? 1 : 0;
        }

        return count;
    }

    private static string Camel(string name) => Json.ProjectJson.CamelCase(name);
}
