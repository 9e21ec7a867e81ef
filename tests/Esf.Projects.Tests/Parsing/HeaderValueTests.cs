
namespace Esf.Projects.Tests.Parsing;

/// <summary>The readers of single header values, at their boundaries (found by mutation testing).</summary>
public class HeaderValueTests
{
    private static ProjectParseResult ParseHeader(string lines) =>
        ProjectParser.Parse("Titel\nProjektägare: Kommunen\n" + lines + "Projektperiod: 2012-02-01 till 2014-09-30\n");

    [Theory]
    [InlineData("2 Ökat arbetskraftsutbud", "2", 2, "Ökat arbetskraftsutbud")]
    [InlineData("2.1 Kompetensförsörjning", "2.1", 2, "Kompetensförsörjning")]
    [InlineData("2. Kompetensförsörjning", "2", 2, "Kompetensförsörjning")]
    [InlineData("2.", "2", 2, null)]
    [InlineData("3 – Integration", "3", 3, "Integration")]
    [InlineData("Programområde 3: Integration", "3", 3, "Integration")]
    [InlineData("7", "7", 7, null)]
    [InlineData("123456789 Stor", "123456789", 123456789, "Stor")]
    [InlineData("1234567890 För stor", "1234567890", null, "För stor")]
    [InlineData("A Kompetens", "A", null, "Kompetens")]
    [InlineData("C: Främja social inkludering", "C", null, "Främja social inkludering")]
    [InlineData("F) Bekämpa materiell fattigdom", "F", null, "Bekämpa materiell fattigdom")]
    [InlineData("D. Sysselsättning", "D", null, "Sysselsättning")]
    [InlineData("B", "B", null, null)]
    public void Program_areas_with_a_code(string value, string code, int? number, string? name)
    {
        var result = ParseHeader("Programområde: " + value + "\n");

        Assert.Equal(new ProgramArea(code, number, name), result.Project.ProgramArea);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.ProgramAreaWithoutNumber);
    }

    [Theory]
    [InlineData("G Något annat", "G Något annat")]
    [InlineData("Cirkus", "Cirkus")]
    [InlineData("Bx Kompetens", "Bx Kompetens")]
    [InlineData("Programområde", "Programområde")]
    public void Program_areas_without_a_code_keep_the_name_and_say_so(string value, string name)
    {
        var result = ParseHeader("Programområde: " + value + "\n");

        Assert.Equal(new ProgramArea(null, null, name), result.Project.ProgramArea);
        var diagnostic = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.ProgramAreaWithoutNumber);
        Assert.Equal((3, 16), (diagnostic.Line, diagnostic.Column));
    }

    [Theory]
    [InlineData("Förprojektering", ProjectPhaseKind.PreProject)]
    [InlineData("GENOMFÖRANDE", ProjectPhaseKind.Implementation)]
    [InlineData("Genomförande", ProjectPhaseKind.Implementation)]
    [InlineData("Avslutad", ProjectPhaseKind.Other)]
    public void Phases(string value, ProjectPhaseKind kind) =>
        Assert.Equal(new ProjectPhase(value, kind), ParseHeader("Projektfas: " + value + "\n").Project.Phase);

    [Theory]
    [InlineData("40", 40)]
    [InlineData("1 200", 1200)]
    [InlineData("2147483647", int.MaxValue)]
    public void Participant_counts(string value, int count) =>
        Assert.Equal(count, ParseHeader("Planerat antal deltagare: " + value + "\n").Project.PlannedParticipants);

    [Theory]
    [InlineData("2147483648")]
    [InlineData("40 st")]
    [InlineData("cirka 40")]
    public void Participant_counts_that_are_not_whole_numbers_in_range(string value)
    {
        var result = ParseHeader("Planerat antal deltagare: " + value + "\n");

        Assert.Null(result.Project.PlannedParticipants);
        Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.InvalidNumber);
    }

    [Theory]
    [InlineData("50 %", 50)]
    [InlineData("50%", 50)]
    [InlineData("0 %", 0)]
    [InlineData("100 %", 100)]
    [InlineData("42,5 %", 42.5)]
    public void Cofinancing_rates(string value, double rate) =>
        Assert.Equal((decimal)rate, ParseHeader("Unionens medfinansieringsgrad: " + value + "\n").Project.EuCofinancingRate);

    [Theory]
    [InlineData("101 %")]
    [InlineData("-5 %")]
    [InlineData("hälften")]
    public void Cofinancing_rates_outside_0_to_100_are_errors(string value)
    {
        var result = ParseHeader("Unionens medfinansieringsgrad: " + value + "\n");

        Assert.Null(result.Project.EuCofinancingRate);
        Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.InvalidPercentage);
    }
}
