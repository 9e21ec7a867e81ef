using System.Text.Json.Nodes;
using Esf.Projects.Json;

namespace Esf.Projects.Tests;

/// <summary>
/// Each seed's JSON against the checked-in Golden/&lt;seed&gt;.json, one test per top-level property so a failure
/// names the property. The golden files were reviewed against the pages (SeedFactsTests asserts the key facts by
/// hand). After an intended change, regenerate with <c>ESF_UPDATE_GOLDEN=1 dotnet test</c> and review the diff.
/// </summary>
public class GoldenTests
{
    private static readonly string[] ProjectProperties =
    [
        "title", "notice", "projectNumber", "callNumber", "programArea", "phase", "phaseKind", "owner", "contact",
        "grantedEsfSupport", "totalBudget", "period", "region", "plannedParticipants", "specificObjective",
        "euCofinancingRate", "sections", "coFinanciers", "partners", "municipalities", "extraFields", "fields",
        "unplacedText", "titlePosition", "municipalityCodes", "resolvedMunicipalities", "esfRegion", "programme", "figures",
        "layout", "projectNumbers", "interventionType", "ownerOrganisationNumber", "ownerOrganisationNumberGroup", "country", "fund",
        "programmeCci", "nuts2", "childPovertyTheme", "strategicImportance", "beneficiaryPostalCode", "beneficiaryTown",
        "beneficiaryAddress", "totalCosts", "evaluationReports",
    ];

    public static TheoryData<string, string> SeedProperties
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var seed in Seeds.Names)
            {
                foreach (var property in ProjectProperties)
                {
                    data.Add(seed, property);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(SeedProperties))]
    public void Project_property_matches_golden(string seed, string property)
    {
        var (actual, expected) = Load(seed);

        var actualProject = actual["project"]!.AsObject();
        var expectedProject = expected["project"]!.AsObject();
        Assert.True(actualProject.ContainsKey(property), $"missing property {property}");
        Assert.True(
            JsonNode.DeepEquals(expectedProject[property], actualProject[property]),
            $"{seed}: {property}\nexpected: {expectedProject[property]?.ToJsonString()}\nactual:   {actualProject[property]?.ToJsonString()}");
    }

    [Theory]
    [MemberData(nameof(Seeds.All), MemberType = typeof(Seeds))]
    public void Whole_document_matches_golden(string seed)
    {
        var (actual, expected) = Load(seed);

        Assert.True(JsonNode.DeepEquals(expected, actual), seed);
        Assert.Equal(ProjectProperties.Order(StringComparer.Ordinal), actual["project"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    private static (JsonNode Actual, JsonNode Expected) Load(string seed)
    {
        var json = EsfJson.Serialize(Seeds.Parse(seed), "seeds/" + seed);
        var goldenPath = Path.Combine(AppContext.BaseDirectory, "Golden", Path.ChangeExtension(seed, ".json"));
        if (Environment.GetEnvironmentVariable("ESF_UPDATE_GOLDEN") == "1")
        {
            var sourcePath = Path.Combine(Seeds.RepositoryRoot, "tests", "Esf.Projects.Tests", "Golden", Path.ChangeExtension(seed, ".json"));
            File.WriteAllText(sourcePath, json + "\n");
            File.WriteAllText(goldenPath, json + "\n");
        }

        return (JsonNode.Parse(json)!, JsonNode.Parse(File.ReadAllText(goldenPath))!);
    }
}
