using System.Text.Json.Nodes;
using Esf.Projects.Json;

namespace Esf.Projects.Tests;

/// <summary>
/// Each seed's JSON against the checked-in Golden/&lt;seed&gt;.json, one test per top-level property so a failure
/// names the property, and every other test page (layout examples, real pages) against Golden/&lt;folder&gt;/. The
/// golden files were reviewed against the pages (SeedFactsTests, LayoutFactsTests and RealPageSignalTests assert the
/// key facts by hand). After an intended change, regenerate with <c>ESF_UPDATE_GOLDEN=1 dotnet test</c> and review the diff.
/// </summary>
public class GoldenTests
{
    /// <summary>
    /// A test per seed and per member of its golden project object: the members come from the golden files, not from a
    /// list kept here, so a member the library adds is covered once the golden files are regenerated, and a member it
    /// drops fails (the golden file still has it).
    /// </summary>
    public static TheoryData<string, string> SeedProperties
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var seed in Seeds.Names)
            {
                var golden = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", Path.ChangeExtension(seed, ".json"))))!;
                foreach (var (property, _) in golden["project"]!.AsObject())
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

    /// <summary>Every page the tests hold — seeds, layout examples, real pages — as a whole document against its golden file.</summary>
    [Theory]
    [MemberData(nameof(TestPages.All), MemberType = typeof(TestPages))]
    public void Whole_document_matches_golden(string page)
    {
        var (actual, expected) = LoadPage(page);

        Assert.True(JsonNode.DeepEquals(expected, actual), $"{page}: differs from its golden file (ESF_UPDATE_GOLDEN=1 dotnet test rewrites it; review the diff)");
    }

    private static (JsonNode Actual, JsonNode Expected) Load(string seed) => LoadPage("seeds/" + seed);

    /// <summary>The page's JSON and its golden file: Golden/&lt;seed&gt;.json for a seed, Golden/&lt;folder&gt;/&lt;name&gt;.json for the others.</summary>
    private static (JsonNode Actual, JsonNode Expected) LoadPage(string relativePath)
    {
        var json = EsfJson.Serialize(TestPages.Parse(relativePath), relativePath);
        var folder = Path.GetDirectoryName(relativePath)!;
        var golden = Path.Combine("Golden", folder == "seeds" ? string.Empty : folder, Path.ChangeExtension(Path.GetFileName(relativePath), ".json"));
        var goldenPath = Path.Combine(AppContext.BaseDirectory, golden);
        if (Environment.GetEnvironmentVariable("ESF_UPDATE_GOLDEN") == "1")
        {
            var sourcePath = Path.Combine(Seeds.RepositoryRoot, "tests", "Esf.Projects.Tests", golden);
            Directory.CreateDirectory(Path.GetDirectoryName(sourcePath)!);
            Directory.CreateDirectory(Path.GetDirectoryName(goldenPath)!);
            File.WriteAllText(sourcePath, json + "\n");
            File.WriteAllText(goldenPath, json + "\n");
        }

        return (JsonNode.Parse(json)!, JsonNode.Parse(File.ReadAllText(goldenPath))!);
    }
}
