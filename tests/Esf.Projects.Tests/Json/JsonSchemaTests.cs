using Esf.Projects.Json;
using NJsonSchema;

namespace Esf.Projects.Tests.JsonContract;

/// <summary>docs/esf-project.schema.json describes the output exactly (it forbids undocumented properties).</summary>
public class JsonSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromJsonAsync(File.ReadAllText(Path.Combine(Seeds.RepositoryRoot, "docs", "esf-project.schema.json"))).GetAwaiter().GetResult());

    public static TheoryData<string> Pages => new(
        Seeds.Names.Concat(["variation:clarification", "variation:extras", "variation:empty", "variation:binary"]));

    [Theory]
    [MemberData(nameof(Pages))]
    public void The_output_is_valid_against_the_schema(string page)
    {
        var result = page switch
        {
            "variation:clarification" => ProjectParser.Parse("Titel\nProjektägare: A\nDiarie: 1\nProjektfas: Förprojektering\n\nBakgrund\n\nFörtydligande 2011-10-26\nText.\n\n-----\n\nSTYRKOR\n\n• a\n1) b\n"),
            "variation:extras" => ProjectParser.Parse("Titel\nOkänd etikett: x\nProjektägare: A\nProjektägare: B\nBeviljat ESF-stöd: 12 34 kr\nProjektperiod: 2014-02-30 till 2015-01-01\nE-post: inte en adress\nTelefonnummer: 12\nPlanerat antal deltagare: 40\nUnionens medfinansieringsgrad: 50 %\n"),
            "variation:empty" => ProjectParser.Parse(""),
            "variation:binary" => ProjectParser.Parse([0x00, 0xFF, 0x41, 0x0A, 0xC3]),
            _ => Seeds.Parse(page),
        };

        var errors = Schema.Value.Validate(EsfJson.Serialize(result, page));

        Assert.True(errors.Count == 0, string.Join('\n', errors.Select(e => $"{e.Path}: {e.Kind}")));
    }

    [Fact]
    public void The_schema_rejects_an_undocumented_property_and_a_wrong_type()
    {
        var json = EsfJson.Serialize(Seeds.Parse(Seeds.Names.First()), "x");

        Assert.NotEmpty(Schema.Value.Validate(json.Replace("\"title\":", "\"tittel\": 1, \"title\":", StringComparison.Ordinal)));
        Assert.NotEmpty(Schema.Value.Validate(json.Replace("\"currency\": \"SEK\"", "\"currency\": \"kr\"", StringComparison.Ordinal)));
    }
}
