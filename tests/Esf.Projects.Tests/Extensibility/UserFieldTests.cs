using System.Globalization;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DuckDB.NET.Data;
using Esf.Projects.Cli;
using Esf.Projects.Handlers;
using Esf.Projects.Json;
using Esf.Projects.Tables;
using Microsoft.Data.Sqlite;

namespace Esf.Projects.Tests.Extensibility;

/// <summary>
/// A typed field defined here, in the test project, with nothing in <c>src/</c> knowing it: its value is a fact of the
/// project like a built-in field's — in the JSON (<c>extensions</c>), in equality, in a column of the projects table
/// and so in every table format the tool writes.
/// </summary>
public sealed class UserFieldTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("esf-userfield-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    /// <summary>A case reference with a text form its reader reads back.</summary>
    public sealed record CaseNumber(int Year, int Serial)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Ä-{Year}-{Serial}");
    }

    private static readonly HeaderFieldDefinition<int> Workplaces = new(
        "workplaces",
        new Term(["Antal arbetsställen"], ["Number of workplaces"]),
        static (HeaderFieldContext context, out int value) => int.TryParse(context.Value, NumberStyles.None, CultureInfo.InvariantCulture, out value));

    private static readonly HeaderFieldDefinition<CaseNumber> Case = new(
        "caseNumber",
        new Term(["Ärendenummer"], []),
        static (HeaderFieldContext context, out CaseNumber value) =>
        {
            var parts = context.Value.ToString().Split('-');
            value = parts.Length == 3 && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var year) && int.TryParse(parts[2], CultureInfo.InvariantCulture, out var serial)
                ? new CaseNumber(year, serial)
                : null!;
            return value is not null;
        });

    private static readonly EsfProjectParser Parser = new ProjectParserBuilder().AddHeaderField(Workplaces).AddHeaderField(Case).Build();

    private static string Page(int workplaces = 12) =>
        $"2019/00871 - Vägar framåt\n\nProjektägare:\nLuleå kommun\nAntal arbetsställen:\n{workplaces}\nÄrendenummer:\nÄ-2019-17\nBeviljat ESF-stöd:\n1 200 000 kr\n\nSammanfattning\n\nTexten.\n";

    [Fact]
    public void The_values_are_read_and_are_facts_of_the_project()
    {
        var project = Parser.Parse(Page()).Project;

        Assert.True(Workplaces.TryGetValue(project, out var count));
        Assert.Equal(12, count);
        Assert.True(Case.TryGetValue(project, out var reference));
        Assert.Equal(new CaseNumber(2019, 17), reference);
        Assert.Empty(project.ExtraFields);
        Assert.Equal(Parser.Parse(Page()).Project, project);
        Assert.True(Parser.Parse(Page()).Project == project);
        Assert.NotEqual(Parser.Parse(Page(13)).Project, project);
    }

    [Fact]
    public void The_json_has_them_in_extensions_and_reads_back_equal_with_the_parser()
    {
        var result = Parser.Parse(Page());

        var json = EsfJson.Serialize(result, "page.txt");

        using (var document = JsonDocument.Parse(json))
        {
            var extensions = document.RootElement.GetProperty("project").GetProperty("extensions");
            Assert.Equal(12, extensions.GetProperty("workplaces").GetInt32());
            Assert.Equal("Ä-2019-17", extensions.GetProperty("caseNumber").GetString());
        }

        var (back, _) = EsfJson.Deserialize(json, Parser);
        Assert.True(back == result);
        Assert.True(Workplaces.TryGetValue(back.Project, out var count) && count == 12);
        Assert.Equal(json, EsfJson.Serialize(back, "page.txt"));

        // Read without the parser that wrote it, the fields are unknown: the rows are there, the typed values are not.
        var (plain, _) = EsfJson.Deserialize(json);
        Assert.False(Workplaces.TryGetValue(plain.Project, out _));
        Assert.Contains(plain.Project.Fields, f => f.Kind == "workplaces" && f.Value == "12");
        Assert.NotEqual(result.Project, plain.Project);
    }

    [Fact]
    public void The_built_in_parser_writes_no_extensions()
    {
        var json = EsfJson.Serialize(ProjectParser.Parse(Page()));

        using var document = JsonDocument.Parse(json);
        Assert.False(document.RootElement.GetProperty("project").TryGetProperty("extensions", out _));
        Assert.Equal(ProjectTables.All, ProjectTables.For(EsfProjectParser.Default));
    }

    [Fact]
    public void The_projects_table_of_the_parser_has_a_column_for_each()
    {
        var tables = ProjectTables.For(Parser);
        var projects = tables[0];

        Assert.Equal(ProjectTables.All.Select(t => t.Name), tables.Select(t => t.Name));
        Assert.Equal<Esf.Projects.Tables.TableColumn>([.. ProjectTables.Projects.Columns, new("workplaces", ColumnType.Integer), new("caseNumber", ColumnType.Text)], projects.Columns);
        var row = projects.GetRows("page.txt", Parser.Parse(Page())).Single();
        Assert.Equal<object?>([12, "Ä-2019-17"], row[^2..]);
        Assert.Equal(ProjectColumns.For(Parser).Select(c => c.Name), projects.Columns.Skip(1).Select(c => c.Name));
    }

    [Fact]
    public async Task Every_table_format_of_the_tool_holds_them()
    {
        var page = Path.Combine(_temp, "page.txt");
        File.WriteAllText(page, Page());

        var csv = await Run("csv", "out.csv");
        var header = File.ReadLines(csv).First().Split(',');
        var values = File.ReadLines(csv).Skip(1).First().Split(',');
        Assert.Equal(("12", "Ä-2019-17"), (values[Array.IndexOf(header, "workplaces")], values[Array.IndexOf(header, "caseNumber")]));

        var json = await Run("jsonl", "out.jsonl");
        Assert.Equal(12, EsfJson.ReadAll(File.OpenRead(json), Parser).Select(r => Workplaces.TryGetValue(r.Result.Project, out var v) ? v : 0).Single());

        var database = await Run("sqlite", "out.db");
        using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            connection.Open();
            using var command = new SqliteCommand("SELECT workplaces, caseNumber, typeof(workplaces) FROM projects", connection);
            using var reader = command.ExecuteReader();
            Assert.True(reader.Read());
            Assert.Equal((12L, "Ä-2019-17", "integer"), (reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
        }

        var folder = await Run("parquet", "parquet");
        using (var connection = new DuckDBConnection("Data Source=:memory:"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT workplaces, caseNumber FROM '{Path.Combine(folder, "projects.parquet")}'";
            using var reader = command.ExecuteReader();
            Assert.True(reader.Read());
            Assert.Equal((12, "Ä-2019-17"), (reader.GetInt32(0), reader.GetString(1)));
        }

        var workbook = await Run("xlsx", "out.xlsx");
        using var document = SpreadsheetDocument.Open(workbook, isEditable: false);
        var book = document.WorkbookPart!;
        var sheet = (WorksheetPart)book.GetPartById(book.Workbook.Sheets!.Elements<Sheet>().First().Id!);
        var rows = sheet.Worksheet.Descendants<Row>().ToList();
        var names = rows[0].Elements<Cell>().Select(c => Cli.TableOutputTests.Text(book, c)).ToList();
        var cells = rows[1].Elements<Cell>().ToList();
        Assert.Equal("12", cells[names.IndexOf("workplaces")].CellValue!.Text);
        Assert.Equal("Ä-2019-17", Cli.TableOutputTests.Text(book, cells[names.IndexOf("caseNumber")]));

        async Task<string> Run(string format, string output)
        {
            var target = Path.Combine(_temp, output);
            var settings = new ParseSettings
            {
                Format = format,
                TableName = "projects",
                Output = new FileInfo(target),
                OutputText = target,
                RawText = true,
                Quiet = true,
                Paths = [page],
                Parser = Parser,
            };
            using var stdout = new MemoryStream();
            using var stderr = new StringWriter();
            var exit = await new ParseRun(settings, Stream.Null, stdout, stderr).RunAsync();
            Assert.True(exit == 0, stderr.ToString());
            return target;
        }
    }

    [Fact]
    public void A_key_that_would_name_two_things_is_refused_when_the_parser_is_built()
    {
        var again = new HeaderFieldDefinition<string>("workplaces", new Term(["Arbetsställen"], []), static (HeaderFieldContext c, out string v) => (v = c.Value.ToString()).Length > 0);
        var builtIn = new HeaderFieldDefinition<string>("owner", new Term(["Ägare"], []), static (HeaderFieldContext c, out string v) => (v = c.Value.ToString()).Length > 0);
        var column = new HeaderFieldDefinition<string>("title", new Term(["Rubrik"], []), static (HeaderFieldContext c, out string v) => (v = c.Value.ToString()).Length > 0);

        Assert.Throws<ArgumentException>(() => new ProjectParserBuilder().AddHeaderField(Workplaces).AddHeaderField(again).Build());
        Assert.Throws<ArgumentException>(() => new ProjectParserBuilder().AddHeaderField(builtIn).Build());
        Assert.Throws<ArgumentException>(() => new ProjectParserBuilder().AddHeaderField(column).Build());
        Assert.NotNull(new ProjectParserBuilder().AddHeaderField(Workplaces).AddHeaderField(Workplaces).Build());
    }

    /// <summary>A field of a type a built-in field has is shaped as that type is in both outputs; one only a user's field has (a period) too.</summary>
    [Fact]
    public void A_user_field_of_a_known_type_is_shaped_by_its_type_in_the_json_and_the_columns()
    {
        var pilot = new HeaderFieldDefinition<NodaTime.DateInterval>(
            "pilotPeriod",
            new Term(["Pilotperiod"], []),
            static (HeaderFieldContext context, out NodaTime.DateInterval value) => Esf.Projects.Fields.SwedishDateRange.TryParse(context.Value, out value!));
        var parser = new ProjectParserBuilder().AddHeaderField(pilot).Build();
        var result = parser.Parse("Titel\nProjektägare: A\nPilotperiod: 2020-01-01 till 2020-06-30\n");

        using (var document = JsonDocument.Parse(EsfJson.Serialize(result)))
        {
            var period = document.RootElement.GetProperty("project").GetProperty("extensions").GetProperty("pilotPeriod");
            Assert.Equal(("2020-01-01", "2020-06-30"), (period.GetProperty("start").GetString(), period.GetProperty("end").GetString()));
        }

        var columns = ProjectColumns.For(parser)[^2..];
        Assert.Equal(["pilotPeriodStart", "pilotPeriodEnd"], columns.Select(c => c.Name));
        Assert.Equal(["2020-01-01", "2020-06-30"], columns.Select(c => c.GetText(result)));
    }
}
