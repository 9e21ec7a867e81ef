using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Esf.Projects.Tables;
using Microsoft.Data.Sqlite;
using Sylvan.Data.Csv;

namespace Esf.Projects.Tests.Cli;

/// <summary>The long tables, the workbook and the database, each read back with a library other than the one that wrote it.</summary>
public sealed class TableOutputTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("esf-tables-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_temp, recursive: true);
    }

    private static List<Dictionary<string, string>> ReadCsv(string csv, char delimiter = ',')
    {
        using var reader = CsvDataReader.Create(new StringReader(csv), new CsvDataReaderOptions { Delimiter = delimiter });
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, reader.GetString));
        }

        return rows;
    }

    private static List<ProjectParseResult> SeedResults() => [.. Seeds.Names.Select(Seeds.Parse)];

    [Fact]
    public void The_municipalities_table_has_one_row_per_municipality_with_its_scb_code()
    {
        var (exit, stdout, _) = CliRunner.Run(null, "parse", "--format", "csv", "--table", "municipalities", Seeds.Folder);

        Assert.Equal(0, exit);
        var rows = ReadCsv(stdout);
        Assert.Equal(SeedResults().Sum(r => r.Project.Municipalities.Length), rows.Count);
        var kavlinge = rows.First(r => r["name"] == "Kävlinge");
        Assert.Equal(("1261", "Kävlinge", "12", "Skåne län", "sydsverige"), (kavlinge["code"], kavlinge["officialName"], kavlinge["countyCode"], kavlinge["county"], kavlinge["esfRegion"]));
        Assert.EndsWith("000_196cdacd7e4f6bec.txt", kavlinge["source"], StringComparison.Ordinal);
        Assert.Equal("1", kavlinge["ordinal"]);
    }

    [Theory]
    [InlineData("organisations")]
    [InlineData("sections")]
    [InlineData("diagnostics")]
    [InlineData("projects")]
    public void Each_table_reads_back_with_its_columns_and_one_row_per_item(string name)
    {
        var table = ProjectTables.Find(name)!;

        var (exit, stdout, _) = CliRunner.Run(null, "parse", "--format", "csv", "--table", name, "--raw-text", Seeds.Folder);

        Assert.Equal(0, exit);
        var rows = ReadCsv(stdout);
        var expected = Seeds.Names.SelectMany(n => table.GetRows(Path.Join(Seeds.Folder, n), Seeds.Parse(n))).ToList();
        Assert.Equal(expected.Count, rows.Count);
        Assert.Equal(table.Columns.Select(c => c.Name), stdout[..stdout.IndexOf('\r', StringComparison.Ordinal)].Split(','));
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < table.Columns.Length; c++)
            {
                var value = expected[r][c];
                var text = value switch
                {
                    null => "",
                    decimal d => d.ToString(CultureInfo.InvariantCulture),
                    int i => i.ToString(CultureInfo.InvariantCulture),
                    NodaTime.LocalDate date => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture),
                    bool b => b ? "true" : "false",
                    var other => other.ToString()!,
                };
                Assert.Equal(text, rows[r][table.Columns[c].Name]);
            }
        }
    }

    [Fact]
    public void The_organisations_table_names_the_owner_with_its_organisation_number()
    {
        var (_, stdout, _) = CliRunner.Run(Seeds.Bytes("000_196cdacd7e4f6bec.txt"), "parse", "--format", "csv", "--table", "organisations", "-");

        var rows = ReadCsv(stdout);
        var owner = Assert.Single(rows, r => r["role"] == "owner");
        Assert.Equal(Seeds.Parse("000_196cdacd7e4f6bec.txt").Project.Owner, owner["name"]);
        Assert.Contains(rows, r => r["role"] == "partner");
        Assert.All(rows, r => Assert.Equal("-", r["source"])); // a lone '-' is no formula and stays as it is
    }

    [Fact]
    public void Excel_csv_has_a_bom_semicolons_and_a_decimal_comma()
    {
        var output = Path.Combine(_temp, "projects.csv");

        var (exit, stdout, _) = CliRunner.Run(null, "parse", "--format", "csv", "--excel", "--output", output, Seeds.Folder);

        Assert.Equal(0, exit);
        Assert.Equal("", stdout);
        var bytes = File.ReadAllBytes(output);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = File.ReadAllText(output);
        Assert.StartsWith("source;title;", text, StringComparison.Ordinal);
        var rows = ReadCsv(text, ';');
        var withShare = rows.First(r => r["esfSharePercent"].Length > 0);
        Assert.Contains(',', withShare["esfSharePercent"]);
        Assert.DoesNotContain('.', withShare["esfSharePercent"]);
        Assert.Equal("Kävlinge Lärcentrum", rows[0]["owner"]);
    }

    /// <summary>Excel opens a CSV cell of digits as a number: <c>0117</c> became 117 and <c>+46…</c> lost its sign. With --excel such text is <c>="0117"</c>, which Excel shows as the text.</summary>
    [Fact]
    public void Excel_csv_keeps_leading_zeros_and_phone_signs_as_text()
    {
        var page = System.Text.Encoding.UTF8.GetBytes("Stockholmsprojekt\nProjektägare: Stockholms stad\nTelefonnummer: 08-508 290 00\n\nKommun\n\n• Stockholm\n• Lund\n");

        var (exit, stdout, stderr) = CliRunner.Run(page, "parse", "--format", "csv", "--excel", "--table", "municipalities", "-");
        var (_, projects, _) = CliRunner.Run(page, "parse", "--format", "csv", "--excel", "-");
        var (_, plain, _) = CliRunner.Run(page, "parse", "--format", "csv", "--table", "municipalities", "-");

        Assert.True(exit is 0 or 1, stderr);
        var rows = ReadCsv(stdout.TrimStart('\uFEFF'), ';');
        Assert.Equal(("=\"0180\"", "=\"01\""), (rows[0]["code"], rows[0]["countyCode"])); // Stockholm: Excel shows 0180 and 01
        Assert.Equal(("1281", "12"), (rows[1]["code"], rows[1]["countyCode"])); // Lund: a number either way, nothing to keep
        Assert.Equal("=\"+46850829000\"", ReadCsv(projects.TrimStart('\uFEFF'), ';')[0]["contactPhoneE164"]);
        Assert.Equal(("0180", "01"), (ReadCsv(plain)[0]["code"], ReadCsv(plain)[0]["countyCode"])); // tools get the text as it is
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\")")]
    [InlineData("+46 8 123")]
    [InlineData("-1+2")]
    [InlineData("@SUM(A1)")]
    public void Formula_like_text_is_neutralised_unless_raw_text_is_asked(string title)
    {
        var page = System.Text.Encoding.UTF8.GetBytes(title + "\nProjektägare: Ägare AB\nKontaktperson: Anna\n");

        var (_, neutral, _) = CliRunner.Run(page, "parse", "--format", "csv", "-");
        var (_, raw, _) = CliRunner.Run(page, "parse", "--format", "csv", "--raw-text", "-");

        Assert.Equal("'" + title, ReadCsv(neutral).Single()["title"]);
        Assert.Equal(title, ReadCsv(raw).Single()["title"]);
    }

    [Fact]
    public void The_workbook_has_a_sheet_per_table_with_typed_cells_that_match_the_tables()
    {
        var output = Path.Combine(_temp, "corpus.xlsx");

        var (exit, _, stderr) = CliRunner.Run(null, "parse", "--format", "xlsx", "--output", output, Seeds.Folder);

        Assert.True(exit == 0, stderr);
        using var document = SpreadsheetDocument.Open(output, isEditable: false);
        var book = document.WorkbookPart!;
        var sheets = book.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(ProjectTables.All.Select(t => t.Name), sheets.Select(s => s.Name!.Value));
        foreach (var (table, sheet) in ProjectTables.All.Zip(sheets))
        {
            var part = (WorksheetPart)book.GetPartById(sheet.Id!);
            var rows = part.Worksheet.Descendants<Row>().ToList();
            var expected = Seeds.Names.SelectMany(n => table.GetRows(Path.Join(Seeds.Folder, n), Seeds.Parse(n))).ToList();
            Assert.Equal(expected.Count + 1, rows.Count);
            Assert.Equal(table.Columns.Select(c => c.Name), rows[0].Elements<Cell>().Select(c => Text(book, c)));
            Assert.NotNull(part.Worksheet.Descendants<Pane>().SingleOrDefault(p => p.VerticalSplit is not null && p.VerticalSplit.Value == 1));
            for (var r = 0; r < expected.Count; r++)
            {
                // SpreadCheetah writes every cell in column order without a reference (an absent value is <c/>).
                var cells = rows[r + 1].Elements<Cell>().Select((cell, i) => (cell, i)).ToDictionary(p => p.cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : p.i, p => p.cell);
                for (var c = 0; c < table.Columns.Length; c++)
                {
                    var value = expected[r][c];
                    cells.TryGetValue(c, out var cell);
                    switch (value)
                    {
                        case null:
                            Assert.True(cell is null || string.IsNullOrEmpty(cell.CellValue?.Text) && cell.InlineString is null);
                            break;
                        case string text:
                            Assert.Equal(text, Text(book, cell!));
                            Assert.True(cell!.DataType?.Value is { } type && (type == CellValues.InlineString || type == CellValues.String || type == CellValues.SharedString));
                            break;
                        case int or decimal:
                            Assert.True(cell!.DataType is null || cell.DataType.Value == CellValues.Number);
                            Assert.Equal(Convert.ToDecimal(value, CultureInfo.InvariantCulture), decimal.Parse(cell.CellValue!.Text, NumberStyles.Float, CultureInfo.InvariantCulture));
                            break;
                        case NodaTime.LocalDate date:
                            var serial = double.Parse(cell!.CellValue!.Text, CultureInfo.InvariantCulture);
                            Assert.Equal(date.ToDateTimeUnspecified(), DateTime.FromOADate(serial));
                            Assert.NotNull(cell.StyleIndex);
                            break;
                        case bool flag:
                            Assert.Equal(flag ? "1" : "0", cell!.CellValue!.Text);
                            break;
                    }
                }
            }
        }
    }

    [Fact]
    public void The_database_holds_every_table_with_keys_and_full_text_search_and_a_rerun_replaces_rows()
    {
        var output = Path.Combine(_temp, "corpus.db");

        var (exit, _, stderr) = CliRunner.Run(null, "parse", "--format", "sqlite", "--output", output, Seeds.Folder);
        var (again, _, _) = CliRunner.Run(null, "parse", "--format", "sqlite", "--output", output, Seeds.Folder);

        Assert.True(exit == 0, stderr);
        Assert.Equal(0, again);
        using var connection = new SqliteConnection($"Data Source={output};Mode=ReadOnly;Pooling=False");
        connection.Open();
        foreach (var table in ProjectTables.All)
        {
            var expected = Seeds.Names.Sum(n => table.GetRows(n, Seeds.Parse(n)).Count());
            Assert.Equal(expected, Scalar<long>(connection, $"SELECT count(*) FROM \"{table.Name}\""));
        }

        Assert.Equal(5L, Scalar<long>(connection, "SELECT count(*) FROM projects"));
        Assert.Equal(3493248.0, Scalar<double>(connection, "SELECT grantedEsfSupport FROM projects WHERE title = 'Brytpunkt'"));
        Assert.Equal("2012-02-01", Scalar<string>(connection, "SELECT start FROM projects WHERE title = 'Brytpunkt'"));
        Assert.Equal("1261", Scalar<string>(connection, "SELECT code FROM municipalities WHERE name = 'Kävlinge' LIMIT 1"));

        // Full text: a word of one seed's prose finds that project and no other.
        var word = "Lärcentrum";
        var expectedSources = Seeds.Names.Where(n => Seeds.Parse(n).Project.Sections.Any(s => (s.Heading ?? "").Contains(word, StringComparison.OrdinalIgnoreCase) || s.Text.Contains(word, StringComparison.OrdinalIgnoreCase))).Select(n => Path.Join(Seeds.Folder, n)).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expectedSources);
        using var search = connection.CreateCommand();
        search.CommandText = "SELECT DISTINCT s.source FROM sections_fts JOIN sections s ON s.id = sections_fts.rowid WHERE sections_fts MATCH $q ORDER BY s.source";
        search.Parameters.AddWithValue("$q", word.ToLowerInvariant() + "*");
        using var reader = search.ExecuteReader();
        var found = new List<string>();
        while (reader.Read())
        {
            found.Add(reader.GetString(0));
        }

        Assert.Equal(expectedSources, found);

        // Keys: the database refuses a row for a project it does not hold.
        Assert.Equal(0L, Scalar<long>(connection, "SELECT count(*) FROM pragma_foreign_key_check"));
        Assert.Equal(["source", "ordinal"], Strings(connection, "SELECT name FROM pragma_table_info('municipalities') WHERE pk > 0 ORDER BY pk"));
        Assert.Equal(["projects"], Strings(connection, "SELECT DISTINCT \"table\" FROM pragma_foreign_key_list('sections')"));
    }

    [Fact]
    public void Xlsx_and_sqlite_need_an_output_file()
    {
        var (exit, stdout, stderr) = CliRunner.Run(null, "parse", "--format", "sqlite", Seeds.Folder);

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains("--output", stderr, StringComparison.Ordinal);
    }

    private static T Scalar<T>(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)command.ExecuteScalar()!;
    }

    private static List<string> Strings(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter))
        {
            index = (index * 26) + (c - 'A' + 1);
        }

        return index - 1;
    }

    internal static string Text(WorkbookPart book, Cell cell)
    {
        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString!.InnerText;
        }

        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return book.SharedStringTablePart!.SharedStringTable.ElementAt(int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)).InnerText;
        }

        return cell.CellValue?.Text ?? "";
    }
}
