using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Esf.Projects.Tables;
using Microsoft.Data.Sqlite;

namespace Esf.Projects.Tests.Cli;

/// <summary>
/// docs/cli.md is executed: its column list is generated from <see cref="ProjectColumns.All"/>, and every SQL query
/// in it runs against a database of pages that list several municipalities in one county and municipalities in
/// several counties — the shape on which a careless join counts a project twice — with the expected rows checked.
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
    private static readonly HashSet<string> Values = ["owner", "coFinancier", "partner", "source", "ordinal", "programArea", "programme", "csv", "xlsx", "sqlite"];

    [GeneratedRegex(@"`([a-z][A-Za-z0-9]*)\*?`")]
    private static partial Regex Identifier();

    [Fact]
    public void Every_query_in_the_docs_gives_its_expected_rows()
    {
        var (database, pages) = BuildDatabase();
        var queries = Queries();
        Assert.Equal(5, queries.Count);

        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        connection.Open();
        // The sources are the paths as given; compare them as the file names a user's relative paths would be.
        var results = queries.Select(q => Run(connection, q).Select(row => row.Replace(pages, string.Empty, StringComparison.Ordinal)).ToList()).ToList();

        // Full text: only the page whose prose names Roma people.
        Assert.Equal(["c.txt|Romsk inkludering"], results[0]);

        // Per county, each project once: A lists three Skåne municipalities, B one in Skåne and one in Västra Götaland.
        Assert.Equal(["Skåne län|2|800000", "Västra Götalands län|1|300000", "Västerbottens län|1|"], results[1]);

        // Per start year and programme period.
        Assert.Equal(["2012|2007–2013|1", "2016|2014–2020|1", "2023|2021–2027|1"], results[2]);

        // Organisations in the most projects: the owner of A and B, then each other organisation once.
        Assert.Equal("Lunds kommun|2", results[3][0]);
        Assert.Equal(["Göteborgs stad|1", "Lunds universitet|1", "Umeå kommun|1"], results[3].Skip(1).Order(StringComparer.Ordinal));

        // Errors: C's amount that is not a number.
        var error = Assert.Single(results[4]).Split('|');
        Assert.Equal(("c.txt", DiagnosticCodes.InvalidAmount), (error[0], error[1]));
    }

    private (string Database, string Pages) BuildDatabase()
    {
        var pages = Path.Combine(_temp, "pages");
        Directory.CreateDirectory(pages);
        File.WriteAllText(Path.Combine(pages, "a.txt"), Page("Stadsdelsarbete", null, "Lunds kommun", "500 000 kr", "2012-02-01 till 2013-12-31", "Projektet arbetar i tre kommuner.", "Lund", "Lomma", "Malmö"), Encoding.UTF8);
        File.WriteAllText(Path.Combine(pages, "b.txt"), Page("Västkust", "2016/00001", "Lunds kommun", "300 000 kr", "2016-01-01 till 2017-12-31", "Ett samarbete över länsgränsen.", "Lund", "Göteborg") + "\nSamarbetspartners\n\n• Göteborgs stad\n• Lunds universitet\n", Encoding.UTF8);
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

    /// <summary>The statements of the first <c>sql</c> block in docs/cli.md.</summary>
    private static List<string> Queries()
    {
        var text = File.ReadAllText(DocsPath).ReplaceLineEndings("\n");
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
