using Esf.Projects.Handlers;
using Esf.Projects.Json;
using Esf.Projects.Tables;

namespace Esf.Projects.Tests.Tables;

/// <summary>The flat table follows from the field definitions: every built-in field is in it, with a value of the declared type.</summary>
public class ProjectColumnsTests
{
    /// <summary>Fields written inside a column of their own making (contact, period, project numbers, title, intervention type).</summary>
    private static readonly string[] CoveredKeys = ["contactName", "contactEmail", "contactPhone", "period", "startDate", "endDate", "diaryNumber", "projectNumber", "name", "interventionType"];

    [Fact]
    public void Every_built_in_field_has_a_column_and_every_name_is_unique()
    {
        var names = ProjectColumns.All.Select(c => c.Name).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(EsfHeaderFields.All, f => Assert.True(names.Contains(f.Key!) || names.Contains(f.Key + "Number") || CoveredKeys.Contains(f.Key), f.Key));
    }

    [Fact]
    public void Every_built_in_field_is_a_JSON_member()
    {
        var project = System.Text.Json.Nodes.JsonNode.Parse(EsfJson.Serialize(Seeds.Parse(Seeds.Names.First())))!["project"]!.AsObject();

        Assert.All(EsfHeaderFields.All, f => Assert.True(project.ContainsKey(f.Key!) || CoveredKeys.Contains(f.Key), f.Key));
    }

    public static TheoryData<string> Pages => Extensibility.CoreIndependenceTests.Pages;

    [Theory]
    [MemberData(nameof(Pages))]
    public void Values_have_the_declared_type(string page)
    {
        var text = page.Length > 4 && char.IsAsciiDigit(page[0]) ? Seeds.Text(page) : Layouts.LayoutFactsTests.Text(page);
        var result = ProjectParser.Parse(text);

        foreach (var column in ProjectColumns.All)
        {
            var value = column.GetValue(result);
            var expected = column.Type switch
            {
                ColumnType.Text => typeof(string),
                ColumnType.Integer => typeof(int),
                ColumnType.Decimal => typeof(decimal),
                ColumnType.Date => typeof(NodaTime.LocalDate),
                _ => typeof(bool),
            };
            Assert.True(value is null || value.GetType() == expected, $"{column.Name}: {value?.GetType()}");
            Assert.Equal(value is null, column.GetText(result) is null);
        }
    }

    [Fact]
    public void Cells_are_invariant_text()
    {
        var result = ProjectParser.Parse(Layouts.LayoutFactsTests.Text("c2-esf-plus-other-order.txt"));
        string? Cell(string name) => ProjectColumns.All.Single(c => c.Name == name).GetText(result);

        Assert.Equal("15300000", Cell("totalBudget"));
        Assert.Equal("40", Cell("euCofinancingRate"));
        Assert.Equal("2025-01-01", Cell("start"));
        Assert.Equal("true", Cell("childPovertyTheme"));
        Assert.Equal("publicSector", Cell("ownerOrganisationNumberGroup"));
        Assert.Equal("esfPlus2021To2027", Cell("layout"));
    }
}
