using System.Globalization;
using DuckDB.NET.Data;
using Esf.Projects.Tables;
using Sylvan.Data.Csv;

namespace Esf.Projects.Tests.Cli;

/// <summary>
/// The Parquet files read back with DuckDB, a reader independent of the writer: each table's columns typed as its
/// definition says, and every row and cell equal to the CSV table of the same pages.
/// </summary>
public sealed class ParquetOutputTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("esf-parquet-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static readonly string[] Inputs = [Seeds.Folder, RealPages.Folder, Path.Combine(AppContext.BaseDirectory, "Layouts")];

    public static TheoryData<string> Tables => new(ProjectTables.All.Select(t => t.Name));

    [Theory]
    [MemberData(nameof(Tables))]
    public void Each_table_reads_back_in_DuckDB_typed_with_the_csv_tables_rows(string name)
    {
        var table = ProjectTables.Find(name)!;
        var folder = Path.Combine(_temp, "corpus");
        var (exit, _, stderr) = CliRunner.Run(null, ["parse", "--quiet", "--format", "parquet", "--output", folder, .. Inputs]);
        Assert.True(exit is 0 or 1, stderr);
        var (_, csv, _) = CliRunner.Run(null, ["parse", "--quiet", "--format", "csv", "--raw-text", "--table", name, .. Inputs]);
        var expected = ReadCsv(csv);

        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        var file = Path.Combine(folder, name + ".parquet");
        var types = Query(connection, $"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM '{file}')");
        Assert.Equal(table.Columns.Select(c => (c.Name, DuckDbType(c.Type))), types.Select(t => ((string)t[0]!, (string)t[1]!)));

        var rows = Query(connection, $"SELECT * FROM '{file}'");
        Assert.Equal(expected.Count, rows.Count);
        Assert.NotEmpty(rows);
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < table.Columns.Length; c++)
            {
                var cell = expected[r][c];
                var value = rows[r][c];
                if (table.Columns[c].Type == ColumnType.Decimal && value is decimal number)
                {
                    Assert.Equal(decimal.Parse(cell, CultureInfo.InvariantCulture), number); // equal whatever the scale
                }
                else
                {
                    Assert.Equal(cell, Text(value));
                }
            }
        }
    }

    [Fact]
    public void A_folder_of_several_tables_holds_every_page_once_and_only_the_runs_files()
    {
        var folder = Path.Combine(_temp, "corpus");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "notes.md"), "mine");

        var (exit, _, stderr) = CliRunner.Run(null, "parse", "--format", "parquet", "--output", folder, Seeds.Folder);

        Assert.Equal(0, exit);
        Assert.EndsWith("esf: 5 pages, 0 with errors, 0 with warnings" + Environment.NewLine, stderr, StringComparison.Ordinal);
        Assert.Equal(
            ["diagnostics.parquet", "municipalities.parquet", "notes.md", "organisations.parquet", "projects.parquet", "sections.parquet"],
            Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        Assert.Equal(5L, Query(connection, $"SELECT count(DISTINCT source) FROM '{folder}/projects.parquet'")[0][0]);
    }

    [Theory]
    [InlineData("-")]
    [InlineData("")]
    public void Parquet_needs_an_output_folder(string output)
    {
        string[] args = output.Length == 0 ? ["parse", "--format", "parquet", Seeds.Folder] : ["parse", "--format", "parquet", "--output", output, Seeds.Folder];

        var (exit, stdout, stderr) = CliRunner.Run(null, args);

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains("--format parquet writes a folder of files", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_output_that_is_a_file_or_holds_an_input_is_refused_before_anything_is_written()
    {
        var file = Path.Combine(_temp, "corpus.parquet");
        File.WriteAllText(file, "not a folder");
        var (exit, _, stderr) = CliRunner.Run(null, "parse", "--format", "parquet", "--output", file, Seeds.Folder);
        Assert.Equal((2, "not a folder"), (exit, File.ReadAllText(file)));
        Assert.Contains("is a file; --format parquet writes a folder", stderr, StringComparison.Ordinal);

        var folder = Path.Combine(_temp, "corpus");
        Directory.CreateDirectory(folder);
        var page = Path.Combine(folder, "projects.parquet");
        File.Copy(Seeds.Path_(Seeds.Names.First()), page);
        (exit, _, stderr) = CliRunner.Run(null, "parse", "--format", "parquet", "--output", folder, page);
        Assert.Equal(2, exit);
        Assert.Contains("is also an input", stderr, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(Seeds.Path_(Seeds.Names.First())), File.ReadAllBytes(page));
    }

    /// <summary>A table's file that cannot be put in place (a folder has its name) fails the run; every other file stays as it was, and no partial file is left.</summary>
    [Fact]
    public void A_run_that_cannot_put_a_file_in_place_is_exit_3_and_leaves_the_folder_as_it_was()
    {
        var folder = Path.Combine(_temp, "corpus");
        var (first, _, _) = CliRunner.Run(null, "parse", "--quiet", "--format", "parquet", "--output", folder, Seeds.Path_(Seeds.Names.First()));
        Assert.Equal(0, first);
        var before = Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);
        File.Delete(Path.Combine(folder, "sections.parquet"));
        before.Remove("sections.parquet");
        Directory.CreateDirectory(Path.Combine(folder, "sections.parquet"));

        var (exit, _, stderr) = CliRunner.Run(null, "parse", "--quiet", "--format", "parquet", "--output", folder, Seeds.Folder);

        Assert.Equal(3, exit);
        Assert.StartsWith("esf: cannot write", stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder, "*.esf-partial"));
        var after = Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        Assert.All(before, file => Assert.Equal(file.Value, after[file.Key])); // those put in place before the failure were taken out again
    }

    /// <summary>A row group holds at most about 8 Mi characters of text, so a run's memory does not grow with its pages: four pages of 3 Mi characters of prose make two groups.</summary>
    [Fact]
    public void Long_text_starts_a_new_row_group()
    {
        var pages = Path.Combine(_temp, "pages");
        Directory.CreateDirectory(pages);
        var prose = string.Join(' ', Enumerable.Repeat("Projektet stärker deltagarnas väg till arbete.", 3 * 1024 * 1024 / 47));
        for (var i = 0; i < 4; i++)
        {
            File.WriteAllText(Path.Combine(pages, $"{i}.txt"), $"Projekt {i}\nProjektägare: Lunds kommun\n\nBakgrund\n\n{prose}\n");
        }

        var folder = Path.Combine(_temp, "corpus");
        var (exit, _, stderr) = CliRunner.Run(null, "parse", "--quiet", "--format", "parquet", "--output", folder, pages);

        Assert.True(exit is 0 or 1, stderr);
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        var groups = Query(connection, $"SELECT row_group_id, max(row_group_num_rows) FROM parquet_metadata('{folder}/sections.parquet') GROUP BY row_group_id ORDER BY row_group_id");
        Assert.Equal([3L, 1L], groups.Select(g => Convert.ToInt64(g[1], CultureInfo.InvariantCulture)));
    }

    /// <summary>DECIMAL(38, 2) holds every amount and percentage a page can state, to the öre and the largest a decimal holds.</summary>
    [Fact]
    public void Amounts_and_percentages_keep_every_digit()
    {
        var page = Path.Combine(_temp, "page.txt");
        File.WriteAllText(page, "Projekt\nProjektägare: Lunds kommun\nUnionens medfinansieringsgrad: 33,33 %\nBeviljat ESF-stöd: 1 234 567,05 kr\nTotal projektbudget: 79 228 162 514 264 337 593 543 950 335 kr\n");
        var folder = Path.Combine(_temp, "corpus");

        var (exit, _, stderr) = CliRunner.Run(null, "parse", "--format", "parquet", "--output", folder, page);

        Assert.True(exit is 0 or 1, stderr);
        Assert.DoesNotContain("rounded", stderr, StringComparison.Ordinal);
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        var row = Query(connection, $"SELECT euCofinancingRate, grantedEsfSupport, totalBudget FROM '{folder}/projects.parquet'")[0];
        Assert.Equal((33.33m, 1234567.05m, decimal.MaxValue), ((decimal)row[0]!, (decimal)row[1]!, (decimal)row[2]!));
    }

    /// <summary>A value with more decimals than the files hold (none of the built-in columns has one) is rounded and counted, so the run can say so.</summary>
    [Theory]
    [InlineData("1.5", "1.5", 0)]
    [InlineData("1.25", "1.25", 0)]
    [InlineData("1.255", "1.26", 1)]
    [InlineData("-0.001", "0.00", 1)]
    public void A_value_with_more_decimals_is_rounded_and_counted(string value, string expected, long counted)
    {
        long rounded = 0;

        var scaled = Esf.Projects.Cli.Output.ParquetOutput.TableFile.Scaled(decimal.Parse(value, CultureInfo.InvariantCulture), ref rounded);

        Assert.Equal((decimal.Parse(expected, CultureInfo.InvariantCulture), counted), (scaled, rounded));
    }

    private static string DuckDbType(ColumnType type) => type switch
    {
        ColumnType.Text => "VARCHAR",
        ColumnType.Integer => "INTEGER",
        ColumnType.Decimal => "DECIMAL(38,2)",
        ColumnType.Date => "DATE",
        _ => "BOOLEAN",
    };

    /// <summary>A value as the CSV writes it.</summary>
    private static string Text(object? value) => value switch
    {
        null or DBNull => "",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString()!,
    };

    internal static List<object?[]> Query(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i))]);
        }

        return rows;
    }

    private static List<string[]> ReadCsv(string csv)
    {
        using var reader = CsvDataReader.Create(new StringReader(csv));
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
        }

        return rows;
    }
}
