using System.Diagnostics;
using System.Globalization;
using System.Text;
using Esf.Projects.Cli;

namespace Esf.Projects.Tests.Hostile;

/// <summary>
/// The same input gives byte-identical JSON under sv-SE, tr-TR and the invariant culture, and in a process running
/// in globalization-invariant mode (the CLI's own runtimeconfig, plus DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1).
/// </summary>
public class DeterminismTests
{
    private static string JsonUnder(string culture)
    {
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            using var output = new MemoryStream();
            CliApplication.Run(["parse", "--format", "jsonl", Seeds.Folder], new MemoryStream(), output, TextWriter.Null);
            return Encoding.UTF8.GetString(output.ToArray());
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }

    [Fact]
    public void Json_is_byte_identical_under_every_culture_and_in_invariant_mode()
    {
        Assert.False(CultureInfo.GetCultureInfo("tr-TR").Name.Length == 0, "the test process has ICU cultures");
        var invariant = JsonUnder("");
        Assert.Contains("\"grantedEsfSupport\":{\"amount\":3493248", invariant, StringComparison.Ordinal);

        Assert.Equal(invariant, JsonUnder("sv-SE"));
        Assert.Equal(invariant, JsonUnder("tr-TR"));
        Assert.Equal(invariant, RunCliInInvariantMode());
    }

    /// <summary>The CLI as its own process: its runtimeconfig sets invariant globalization; the variable makes sure.</summary>
    private static string RunCliInInvariantMode()
    {
        var start = Cli.EsfProcess.StartInfo("parse", "--format", "jsonl", Seeds.Folder);
        start.Environment["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1";
        start.Environment["LANG"] = "tr_TR.UTF-8";
        var (exit, stdout, _) = Cli.EsfProcess.Run(start);
        Assert.Equal(0, exit);
        return stdout;
    }
}
