using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Esf.Projects.Tables;
using Microsoft.Data.Sqlite;

namespace Esf.Projects.Tests.Cli;

/// <summary>
/// docs/cli.md and docs/analysis.md are executed: the column list is generated from <see cref="ProjectColumns.All"/>,
/// the views listed are the database's, and every SQL query runs — against the database, or in DuckDB against the
/// Parquet files — over pages that list several municipalities in one county and municipalities in several counties
/// (the shape on which a careless join counts a project twice), with the expected rows checked.
/// </summary>
public sealed partial class TableDocsTests : IDisposable
{
    private static readonly string DocsPath = Path.Combine(Seeds.RepositoryRoot, "docs", "cli.md");
    private const string ColumnsStart = "<!-- columns: generated from ProjectColumns.All by TableDocsTests -->";
    private const string ColumnsEnd = "<!-- end of columns -->";

    private readonly string _temp = Directory.CreateTempSubdirectory("esf-docs-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_temp, recursive: true);
    }

    /// <summary>After a change to the columns, regenerate with <c>ESF_UPDATE_DOCS=1 dotnet test</c>.</summary>
    [Fact]
    public void The_column_list_in_the_docs_is_the_columns_in_the_code()
    {
        var text = File.ReadAllText(DocsPath).ReplaceLineEndings("\n");
        var start = text.IndexOf(ColumnsStart, StringComparison.Ordinal);
        var end = text.IndexOf(ColumnsEnd, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "docs/cli.md has no generated column list between the markers");

        var list = new StringBuilder("| Column | Type |\n|---|---|\n");
        foreach (var column in ProjectColumns.All)
        {
            list.Append("| `").Append(column.Name).Append("` | ").Append(column.Type.ToString().ToLowerInvariant()).Append(" |\n");
        }

        var rendered = text[..(start + ColumnsStart.Length)] + "\n" + list + text[end..];
        if (Environment.GetEnvironmentVariable("ESF_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(DocsPath, rendered);
        }

        Assert.Equal(rendered, text);
    }

    [Fact]
    public void Every_column_the_docs_name_in_backquotes_exists_in_some_table()
    {
        var text = File.ReadAllText(DocsPath);
        var tableSection = text[text.IndexOf("## The tables", StringComparison.Ordinal)..text.IndexOf("### CSV", StringComparison.Ordinal)];
        var known = ProjectTables.All.SelectMany(t => t.Columns.Select(c => c.Name)).Concat(ProjectTables.All.Select(t => t.Name)).ToHashSet(StringComparer.Ordinal);
        var named = Identifier().Matches(tableSection).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.NotEmpty(named);
        Assert.All(named, name => Assert.True(known.Contains(name) || Values.Contains(name), $"docs/cli.md names `{name}`, which no table has"));
    }

    /// <summary>Backquoted words in the tables' section that are values or examples, not column names.</summary>
    private static readonly HashSet<string> Values = ["owner", "coFinancier", "partner", "source", "ordinal", "programArea", "programme", "csv", "xlsx", "sqlite", "parquet"];

    [GeneratedRegex(@"`([a-z][A-Za-z0-9]*)\*?`")]
    private static partial Regex Identifier();

    /// <summary>The views table of docs/cli.md: each view the database has, with its columns in order, and no other.</summary>
    [Fact]
    public void The_views_in_the_docs_are_the_views_in_the_database()
    {
        var (database, _) = BuildDatabase();
        var text = File.ReadAllText(DocsPath).ReplaceLineEndings("\n");
        var table = text[text.IndexOf("| View | One row per | Columns |", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("\n\n", StringComparison.Ordinal)];
        var documented = table.Split('\n').Skip(2)
            .Select(row => row.Split('|', StringSplitOptions.TrimEntries))
            .ToDictionary(cells => cells[1].Trim('`'), cells => string.Join(", ", Identifier().Matches(cells[3]).Select(m => m.Groups[1].Value)));

        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        connection.Open();
        var actual = Run(connection, "SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name")
            .ToDictionary(view => view, view => string.Join(", ", Run(connection, $"SELECT name FROM pragma_table_info('{view}')")));

        Assert.Equal(actual.OrderBy(v => v.Key, StringComparer.Ordinal), documented.OrderBy(v => v.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Every_query_in_the_docs_gives_its_expected_rows()
    {
        var (database, pages) = BuildDatabase();
        var queries = Queries();
        Assert.Equal(7, queries.Count);

        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        connection.Open();
        // The sources are the paths as given; compare them as the file names a user's relative paths would be.
        var results = queries.Select(q => Run(connection, q).Select(row => row.Replace(pages, string.Empty, StringComparison.Ordinal)).ToList()).ToList();

        // Full text: only the page whose prose names Roma people.
        Assert.Equal(["c.txt|Romsk inkludering"], results[0]);

        // Per county, each project once: A lists three Skåne municipalities, B one in Skåne and one in Västra Götaland.
        Assert.Equal(["Skåne län|2|800000", "Västra Götalands län|1|300000", "Västerbottens län|1|"], results[1]);

        // Per ESF region as stated: A and B in Sydsverige (each once, whatever their municipalities), C states none
        // and no amount, so its group's support is empty, not 0.
        Assert.Equal(["|1||0", "sydsverige|2|800000|2"], results[2]);

        // Per start year, each project once.
        Assert.Equal(["2012|1|500000|1", "2016|1|300000|1", "2023|1||0"], results[3]);

        // Per start year and programme period.
        Assert.Equal(["2012|2007–2013|1", "2016|2014–2020|1", "2023|2021–2027|1"], results[4]);

        // Organisations in the most projects: the owner of A and B, then each other organisation once.
        Assert.Equal("Lunds kommun|2", results[5][0]);
        Assert.Equal(["Göteborgs stad|1", "Lunds universitet|1", "Umeå kommun|1"], results[5].Skip(1).Order(StringComparer.Ordinal));

        // Errors: C's amount that is not a number.
        var error = Assert.Single(results[6]).Split('|');
        Assert.Equal(("c.txt", DiagnosticCodes.InvalidAmount), (error[0], error[1]));
    }

    /// <summary>The DuckDB queries of docs/analysis.md over Parquet files of the same pages, and the same answers as the database's views.</summary>
    [Fact]
    public void Every_duckdb_query_in_the_analysis_docs_gives_its_expected_rows()
    {
        var (database, pages) = BuildDatabase();
        var folder = Path.Combine(_temp, "corpus");
        var (exit, _, stderr) = CliRunner.Run(null, "parse", "--quiet", "--format", "parquet", "--output", folder,
            Path.Combine(pages, "a.txt"), Path.Combine(pages, "b.txt"), Path.Combine(pages, "c.txt"));
        Assert.True(exit == 1, stderr);
        var queries = Queries(Path.Combine(Seeds.RepositoryRoot, "docs", "analysis.md"));
        Assert.Equal(4, queries.Count);

        using var duck = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:");
        duck.Open();
        var results = queries.Select(q => ParquetOutputTests.Query(duck, q.Replace("'corpus/", $"'{folder}/", StringComparison.Ordinal))
            .Select(row => string.Join('|', row.Select(Cell)).Replace(pages, string.Empty, StringComparison.Ordinal)).ToList()).ToList();

        Assert.Equal(["Stadsdelsarbete|500000|2012-02-01|2013-12-31", "Västkust|300000|2016-01-01|2017-12-31", "Romsk inkludering||2023-03-01|2025-12-31"], results[0]);
        Assert.Equal(["Skåne län|2|800000|2", "Västra Götalands län|1|300000|1", "Västerbottens län|1||0"], results[1]);
        Assert.Equal(["|1||0", "sydsverige|2|800000|2"], results[2]);
        Assert.Equal(["2012|1|500000|1", "2016|1|300000|1", "2023|1||0"], results[3]);

        // The database's views answer the same.
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        connection.Open();
        Assert.Equal(results[1], Run(connection, "SELECT county, projects, grantedEsfSupport, projectsWithAmount FROM projects_per_county ORDER BY grantedEsfSupport DESC, county"));
        Assert.Equal(results[2], Run(connection, "SELECT esfRegion, projects, grantedEsfSupport, projectsWithAmount FROM projects_per_region ORDER BY esfRegion"));
        Assert.Equal(results[3], Run(connection, "SELECT year, projects, grantedEsfSupport, projectsWithAmount FROM projects_per_year ORDER BY year"));
    }

    /// <summary>A DuckDB value as the SQLite rows are written: decimals without trailing zeros, dates ISO.</summary>
    private static string Cell(object? value) => value switch
    {
        null => string.Empty,
        decimal number => number.ToString("0.#########", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };

    private (string Database, string Pages) BuildDatabase()
    {
        var pages = Path.Combine(_temp, "pages");
        Directory.CreateDirectory(pages);
        File.WriteAllText(Path.Combine(pages, "a.txt"), Page("Stadsdelsarbete", null, "Lunds kommun", "500 000 kr", "2012-02-01 till 2013-12-31", "Projektet arbetar i tre kommuner.", "Lund", "Lomma", "Malmö").Replace("Projektägare:", "Region: Sydsverige\nProjektägare:", StringComparison.Ordinal), Encoding.UTF8);
        File.WriteAllText(Path.Combine(pages, "b.txt"), Page("Västkust", "2016/00001", "Lunds kommun", "300 000 kr", "2016-01-01 till 2017-12-31", "Ett samarbete över länsgränsen.", "Lund", "Göteborg").Replace("Projektägare:", "Region: Sydsverige\nProjektägare:", StringComparison.Ordinal) + "\nSamarbetspartners\n\n• Göteborgs stad\n• Lunds universitet\n", Encoding.UTF8);
        File.WriteAllText(Path.Combine(pages, "c.txt"), Page("Romsk inkludering", "23-112-S05", "Umeå kommun", "tre miljoner", "2023-03-01 till 2025-12-31", "Projektet stärker romska kvinnors väg till arbete.", "Umeå"), Encoding.UTF8);

        var database = Path.Combine(_temp, "corpus.db");
        var (exit, _, stderr) = CliRunner.Run(null, "parse", "--quiet", "--format", "sqlite", "--output", database,
            Path.Combine(pages, "a.txt"), Path.Combine(pages, "b.txt"), Path.Combine(pages, "c.txt"));
        Assert.True(exit == 1, stderr); // c.txt has an error, by design

        return (database, pages + Path.DirectorySeparatorChar);
    }

    private static string Page(string title, string? number, string owner, string granted, string period, string prose, params string[] municipalities) =>
        $"{title}\nProgramområde: 1\nProjektägare: {owner}\n{(number is null ? string.Empty : $"Projektnummer: {number}\n")}Beviljat ESF-stöd: {granted}\nTotal projektbudget: 9 000 000 kr\nProjektperiod: {period}\n\nBakgrund\n\n{prose}\n\nKommun\n\n"
        + string.Concat(municipalities.Select(m => $"• {m}\n"));

    /// <summary>The statements of the first <c>sql</c> block in a document (docs/cli.md by default).</summary>
    private static List<string> Queries(string? document = null)
    {
        var text = File.ReadAllText(document ?? DocsPath).ReplaceLineEndings("\n");
        var start = text.IndexOf("```sql\n", StringComparison.Ordinal) + "```sql\n".Length;
        var block = text[start..text.IndexOf("```", start, StringComparison.Ordinal)];
        return [.. block.Split(';').Select(s => s.Trim()).Where(s => s.Split('\n').Any(line => line.Length > 0 && !line.StartsWith("--", StringComparison.Ordinal)))];
    }

    /// <summary>Each row as its values joined by <c>|</c> (NULL as empty, numbers invariant).</summary>
    private static List<string> Run(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? string.Empty : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        }

        return rows;
    }
}
