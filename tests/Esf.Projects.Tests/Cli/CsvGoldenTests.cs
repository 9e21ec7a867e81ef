using System.Text;

namespace Esf.Projects.Tests.Cli;

/// <summary>
/// Each CSV table of the seeds, byte for byte, against the checked-in Golden/csv/&lt;name&gt;.csv: the columns, their
/// order, the quoting, the line ends and the Excel variant's byte order mark and separators are a contract for the
/// tools that read the files, as the JSON's names are. Rows are prepared and encoded on the workers, so this also pins
/// that the pieces add up to what one writer over the whole table made. Regenerate after an intended change with
/// <c>ESF_UPDATE_GOLDEN=1 dotnet test</c> and review the diff.
/// </summary>
public class CsvGoldenTests
{
    public static TheoryData<string, string[]> Tables => new()
    {
        { "projects", ["--table", "projects"] },
        { "projects-excel", ["--table", "projects", "--excel"] },
        { "municipalities", ["--table", "municipalities"] },
        { "organisations", ["--table", "organisations"] },
        { "sections", ["--table", "sections"] },
        { "diagnostics", ["--table", "diagnostics"] },
    };

    [Theory]
    [MemberData(nameof(Tables))]
    public void Csv_table_matches_golden(string name, string[] options)
    {
        var (exit, stdout, _) = CliRunner.Run(null, ["parse", "--quiet", "--format", "csv", .. options, Seeds.Folder]);
        // The source column holds the path as given; the golden files name the seeds as the repository does.
        var actual = stdout.Replace(Seeds.Folder + Path.DirectorySeparatorChar, "seeds/", StringComparison.Ordinal);

        var goldenPath = Path.Combine(AppContext.BaseDirectory, "Golden", "csv", name + ".csv");
        if (Environment.GetEnvironmentVariable("ESF_UPDATE_GOLDEN") == "1")
        {
            var sourcePath = Path.Combine(Seeds.RepositoryRoot, "tests", "Esf.Projects.Tests", "Golden", "csv", name + ".csv");
            Directory.CreateDirectory(Path.GetDirectoryName(sourcePath)!);
            File.WriteAllText(sourcePath, actual, new UTF8Encoding(false));
            Directory.CreateDirectory(Path.GetDirectoryName(goldenPath)!);
            File.WriteAllText(goldenPath, actual, new UTF8Encoding(false));
        }

        Assert.Equal(0, exit);
        Assert.Equal(Encoding.UTF8.GetString(File.ReadAllBytes(goldenPath)), actual); // GetString keeps a byte order mark
    }
}
