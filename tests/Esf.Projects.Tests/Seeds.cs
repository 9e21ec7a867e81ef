namespace Esf.Projects.Tests;

/// <summary>The five seed pages, copied beside the test assembly from the repository's seeds/ folder.</summary>
internal static class Seeds
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "seeds");

    public static IEnumerable<string> Names => Directory.EnumerateFiles(Folder, "*.txt").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    public static TheoryData<string> All => new(Names);

    public static string Path_(string name) => Path.Combine(Folder, name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path_(name));

    public static string Text(string name) => File.ReadAllText(Path_(name));

    public static ProjectParseResult Parse(string name) => ProjectParser.Parse(Bytes(name));

    /// <summary>Finds the repository root (the folder holding Esf.Projects.sln) from the test's output folder.</summary>
    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Esf.Projects.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("Esf.Projects.sln not found above " + AppContext.BaseDirectory);
        }
    }
}

/// <summary>
/// The real project-bank pages in Pages/ (index copies, most cut after about 2 000 bytes; Pages/README.md gives each
/// page's address), copied beside the test assembly.
/// </summary>
internal static class RealPages
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Pages");

    public static IEnumerable<string> Files => Directory.EnumerateFiles(Folder, "*.txt").Order(StringComparer.Ordinal);

    public static IEnumerable<string> Names => Files.Select(Path.GetFileName)!;

    public static ProjectParseResult Parse(string name) => ProjectParser.Parse(File.ReadAllBytes(Path.Combine(Folder, name)));
}

/// <summary>Every page file the tests hold — the seeds, the layout examples and the real pages — by path relative to the test assembly.</summary>
internal static class TestPages
{
    public static IEnumerable<string> RelativePaths =>
        new[] { "seeds", "Layouts", "Pages" }.SelectMany(folder => Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, folder), "*.txt")
            .Order(StringComparer.Ordinal).Select(file => folder + "/" + Path.GetFileName(file)));

    public static TheoryData<string> All => new(RelativePaths);

    public static ProjectParseResult Parse(string relativePath) => ProjectParser.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, relativePath)));
}

/// <summary>Builds pages for variation tests: a standard header and body with parts swapped out.</summary>
internal static class Pages
{
    public const string Nbsp = "\u00A0";

    public static readonly string[] StandardHeader =
    [
        "ProgramområdeProgramområde 2 Ökat arbetskraftsutbud",
        "ProjektfasGenomförande",
        "ProjektägareKävlinge Lärcentrum",
        "KontaktpersonRoger Alfh",
        "E-postroger.alfh@kavlinge.se",
        "Telefonnummer046-739443",
        $"Beviljat ESF-stöd3{Nbsp}493{Nbsp}248 kr",
        $"Total projektbudget8{Nbsp}125{Nbsp}408 kr",
        "Projektperiod2012-02-01 till 2014-09-30",
        "RegionSydsverige",
    ];

    public static readonly string[] StandardBody =
    [
        "Sammanfattning",
        "",
        "Projektet Brytpunkt hjälper deltagare.",
        "",
        "Medfinansiärer",
        "",
        " • Arbetsförmedlingen Kävlinge",
        " • Försäkringskassan Lund",
        "",
        "Samarbetspartners",
        "",
        " • Ellco Food AB",
        "",
        "Kommun",
        "",
        " • Kävlinge",
        " • Lomma",
    ];

    /// <summary>Chrome, title, the given header lines, "In English", the standard body.</summary>
    public static string With(IEnumerable<string> header, string newline = "\n", string title = "Brytpunkt", IEnumerable<string>? body = null) =>
        string.Join(newline, new[] { "Logotyp på utskrifter", "", "Stäng", "", title, "" }
            .Concat(header)
            .Concat(["In English", ""])
            .Concat(body ?? StandardBody));

    public static string Standard(string newline = "\n") => With(StandardHeader, newline);

    /// <summary>The standard header with one line replaced.</summary>
    public static string WithHeaderLine(int index, string line)
    {
        var header = StandardHeader.ToArray();
        header[index] = line;
        return With(header);
    }
}
