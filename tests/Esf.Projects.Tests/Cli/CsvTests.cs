using System.Text;
using Esf.Projects.Cli;
using Sylvan.Data.Csv;

namespace Esf.Projects.Tests.Cli;

/// <summary><c>esf parse --format csv</c>, read back with a CSV reader.</summary>
public class CsvTests
{
    private static (int Exit, string Stdout, string Stderr) Run(byte[]? stdin, params string[] args) => CliRunner.Run(stdin, args);

    private static List<Dictionary<string, string>> ReadBack(string csv)
    {
        using var reader = CsvDataReader.Create(new StringReader(csv));
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, reader.GetString));
        }

        return rows;
    }

    [Fact]
    public void One_row_per_seed_with_flat_columns_that_read_back()
    {
        var (exit, stdout, _) = Run(null, "parse", "--format", "csv", "--raw-text", Seeds.Folder);
        var (_, neutralised, _) = Run(null, "parse", "--format", "csv", Seeds.Folder);

        Assert.Equal(0, exit);
        Assert.Equal("+4646739443", ReadBack(neutralised)[0]["contactPhoneE164"]); // the tool's own E.164: no formula, so not prefixed
        var rows = ReadBack(stdout);
        Assert.Equal(Seeds.Names.Count(), rows.Count);
        foreach (var (row, seed) in rows.Zip(Seeds.Names))
        {
            var project = Seeds.Parse(seed).Project;
            Assert.EndsWith(seed, row["source"], StringComparison.Ordinal);
            Assert.Equal(project.Title, row["title"]);
            Assert.Equal(project.GrantedEsfSupport?.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture), row["grantedEsfSupport"]);
            Assert.Equal("SEK", row["currency"]);
            Assert.Equal(project.Period?.Start.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture), row["start"]);
            Assert.Equal(string.Join(';', project.Municipalities), row["municipalities"]);
            Assert.Equal(project.Contact.PhoneNumber?.E164, row["contactPhoneE164"]);
        }

        // The first release's columns keep their names and order; later ones are appended.
        string[] first = ["source", "title", "projectNumber", "callNumber", "programAreaNumber", "programAreaCode", "programAreaName", "phase", "phaseKind", "owner", "contactName", "contactEmail", "contactPhone", "contactPhoneE164", "grantedEsfSupport", "totalBudget", "currency", "start", "end", "region", "municipalities", "coFinanciers", "partners", "plannedParticipants", "euCofinancingRate", "errors", "warnings", "diagnostics"];
        var header = stdout[..stdout.IndexOf('\r', StringComparison.Ordinal)].Split(',');
        Assert.Equal(first, header.Take(first.Length));
        Assert.Equal(header.Length, header.Distinct().Count());
        Assert.Contains("ownerOrganisationNumber", header);
        Assert.Contains("specificObjective", header);
        Assert.Contains("municipalityCodes", header);
    }

    [Fact]
    public void Commas_quotes_and_line_breaks_are_quoted_per_RFC_4180()
    {
        var page = Encoding.UTF8.GetBytes("Titel, med \"citat\"\nProjektägare: Ägare AB\nKontaktperson: Anna\n");

        var (_, stdout, _) = Run(page, "parse", "--format", "csv", "-");

        Assert.Contains("\"Titel, med \"\"citat\"\"\"", stdout, StringComparison.Ordinal);
        Assert.Equal("Titel, med \"citat\"", ReadBack(stdout).Single()["title"]);
        Assert.False(stdout.StartsWith('\uFEFF'));
    }
}
