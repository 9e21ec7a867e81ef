using Esf.Projects.ReferenceData;

namespace Esf.Projects.Tests.Hostile;

/// <summary>Inputs that once broke the parser, found by property tests or fuzzing; each stays fixed.</summary>
public class RegressionTests
{
    /// <summary>Found by MutationProperties: a lone surrogate in a municipality name made string.Normalize throw out of Parse.</summary>
    [Theory]
    [InlineData("Titel\nProjektägare: A\n\nKommun\n\n• Lu\uD800nd\n")]
    [InlineData("Titel\nProjektägare: A\n\nKommun\n\n• \uDFFF\n")]
    public void A_lone_surrogate_in_a_municipality_name_is_an_unknown_municipality(string page)
    {
        var result = ProjectParser.Parse(page);

        Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.UnknownMunicipality);
        Assert.False(SwedishMunicipalities.TryMatch("Lu\uD800nd", out _));
        Assert.Empty(SwedishMunicipalities.Suggest("\uD800"));
    }
}
