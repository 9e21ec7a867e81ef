using System.Text.Json;
using Esf.Projects.Json;

namespace Esf.Projects.Tests.JsonContract;

public class JsonRoundTripTests
{
    [Theory]
    [MemberData(nameof(TestPages.All), MemberType = typeof(TestPages))]
    public void Deserialising_gives_back_an_equal_model(string seed)
    {
        var parsed = TestPages.Parse(seed);
        var json = EsfJson.Serialize(parsed, seed);

        var (back, source) = EsfJson.Deserialize(json);

        Assert.Equal(seed, source);
        Assert.Equal(json, EsfJson.Serialize(back, seed));
        var (a, b) = (parsed.Project, back.Project);
        Assert.Equal((a.Title, a.Notice, a.TitlePosition, a.ProgramArea, a.Phase, a.Owner, a.Region, a.ProjectNumber, a.CallNumber),
                     (b.Title, b.Notice, b.TitlePosition, b.ProgramArea, b.Phase, b.Owner, b.Region, b.ProjectNumber, b.CallNumber));
        Assert.Equal((a.GrantedEsfSupport, a.TotalBudget, a.Period, a.PlannedParticipants, a.SpecificObjective, a.EuCofinancingRate),
                     (b.GrantedEsfSupport, b.TotalBudget, b.Period, b.PlannedParticipants, b.SpecificObjective, b.EuCofinancingRate));
        Assert.Equal((a.Contact.Name, a.Contact.Email, a.Contact.Phone, a.Contact.PhoneNumber, a.Contact.EmailAddress),
                     (b.Contact.Name, b.Contact.Email, b.Contact.Phone, b.Contact.PhoneNumber, b.Contact.EmailAddress));
        Assert.Equal<string>(a.CoFinanciers, b.CoFinanciers);
        Assert.Equal<string>(a.Partners, b.Partners);
        Assert.Equal<string>(a.Municipalities, b.Municipalities);
        Assert.Equal<string>(a.UnplacedText, b.UnplacedText);
        Assert.Equal<HeaderField>(a.Fields, b.Fields);
        Assert.Equal<HeaderField>(a.ExtraFields, b.ExtraFields);
        Assert.Equal<Diagnostic>(parsed.Diagnostics, back.Diagnostics);
        Assert.Equal(a.Sections.Length, b.Sections.Length);
        foreach (var (x, y) in a.Sections.Zip(b.Sections))
        {
            Assert.Equal((x.Heading, x.Position, x.Text), (y.Heading, y.Position, y.Text));
            Assert.Equal(x.Blocks.Select(Describe), y.Blocks.Select(Describe));
        }
    }

    private static string Describe(Block block) => block switch
    {
        ListBlock list => $"list {list.Position} " + string.Join('|', list.Items),
        _ => block.ToString(),
    };

    [Theory]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("{\"project\": {\"sections\": [{\"heading\": null, \"line\": 1, \"column\": 1, \"text\": \"\", \"blocks\": [{\"kind\": \"table\", \"line\": 1, \"column\": 1}]}]}}")]
    [InlineData("[1,2]")]
    public void Malformed_json_is_a_JsonException(string json) =>
        Assert.ThrowsAny<JsonException>(() => EsfJson.Deserialize(json));
}

public class EsfJsonArgumentTests
{
    [Fact]
    public void Null_arguments_name_the_parameter()
    {
        var result = ProjectParser.Parse("Titel\n");
        using var buffer = new MemoryStream();
        using var writer = new Utf8JsonWriter(buffer, EsfJson.GetWriterOptions(indented: true));

        Assert.Equal("writer", Assert.Throws<ArgumentNullException>(() => EsfJson.Write(null!, result)).ParamName);
        Assert.Equal("result", Assert.Throws<ArgumentNullException>(() => EsfJson.Write(writer, null!)).ParamName);
        Assert.Equal("result", Assert.Throws<ArgumentNullException>(() => EsfJson.Serialize(null!)).ParamName);
        Assert.Equal("json", Assert.Throws<ArgumentNullException>(() => EsfJson.Deserialize(null!)).ParamName);
    }

    [Theory]
    [InlineData("null", "null")]
    [InlineData("{\"source\":\"x\"}", "'project'")]
    public void Malformed_json_says_what_is_missing(string json, string expected) =>
        Assert.Contains(expected, Assert.ThrowsAny<JsonException>(() => EsfJson.Deserialize(json)).Message, StringComparison.Ordinal);
}
