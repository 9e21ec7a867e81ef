using System.Globalization;
using Esf.Projects.Handlers;
using Esf.Projects.Json;
using Esf.Projects.Tables;
using NodaTime;

namespace Esf.Projects.Tests.Extensibility;

/// <summary>
/// A built-in field with a reader of the user's keeps its place in the model: its typed property, what the model
/// derives from it, JSON read back with the parser, the tables and <see cref="HeaderFieldDefinition{T}.TryGetValue"/>
/// all follow the new reader.
/// </summary>
public class ReplacedFieldTests
{
    private const string Page = """
        Vägar framåt

        Projektägare: Lunds kommun
        Beviljat ESF-stöd: 400 000 kr
        Planerat antal deltagare: ca 40
        Startdatum: januari 2024
        Slutdatum: 2025-12-31

        Sammanfattning

        Text.
        """;

    /// <summary>"ca 40" as 40; anything else as the built-in field reads it.</summary>
    private static bool About(HeaderFieldContext context, out int value)
    {
        if (context.Value.StartsWith("ca ", StringComparison.OrdinalIgnoreCase))
        {
            return int.TryParse(context.Value[3..], NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }

        var read = EsfHeaderFields.PlannedParticipants.HandleField(context);
        value = read is int count ? count : 0;
        return read is not null;
    }

    /// <summary>"januari 2024" as the month's first day.</summary>
    private static bool MonthStart(HeaderFieldContext context, out LocalDate value)
    {
        var parts = context.Value.ToString().Split(' ');
        value = default;
        if (parts is [var month, var year] && int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            && Array.IndexOf(["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"], month.ToLowerInvariant()) is >= 0 and var m)
        {
            value = new LocalDate(y, m + 1, 1);
            return true;
        }

        if (EsfHeaderFields.StartDate.HandleField(context) is LocalDate date)
        {
            value = date;
            return true;
        }

        return false;
    }

    private static EsfProjectParser Parser()
    {
        var builder = new ProjectParserBuilder();
        Replace(builder, EsfHeaderFields.PlannedParticipants, EsfHeaderFields.PlannedParticipants.WithReader(About));
        Replace(builder, EsfHeaderFields.StartDate, EsfHeaderFields.StartDate.WithReader(MonthStart));
        return builder.Build();
    }

    private static void Replace(ProjectParserBuilder builder, HeaderFieldHandler original, HeaderFieldHandler replacement) =>
        builder.HeaderFields[builder.HeaderFields.IndexOf(original)] = replacement;

    [Fact]
    public void The_built_in_readers_refuse_what_the_replacements_read()
    {
        var result = ProjectParser.Parse(Page);

        Assert.Null(result.Project.PlannedParticipants);
        Assert.Null(result.Project.Period);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.InvalidNumber);
    }

    [Fact]
    public void The_typed_properties_and_what_is_derived_from_them_follow_the_replacement()
    {
        var result = Parser().Parse(Page);
        var project = result.Project;

        Assert.Equal(40, project.PlannedParticipants);
        Assert.True(EsfHeaderFields.PlannedParticipants.TryGetValue(project, out var planned));
        Assert.Equal(40, planned);
        Assert.Equal(10_000m, project.Figures.SupportPerPlannedParticipant);
        Assert.Equal(new DateInterval(new LocalDate(2024, 1, 1), new LocalDate(2025, 12, 31)), project.Period);
        Assert.Equal(24, project.Figures.DurationMonths);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.InvalidNumber);
        Assert.Equal("plannedParticipants", project.Fields.Single(f => f.Label == "Planerat antal deltagare").Kind);
    }

    [Fact]
    public void Json_read_back_with_the_parser_is_equal_and_the_tables_hold_the_values()
    {
        var parser = Parser();
        var result = parser.Parse(Page);

        var (back, _) = EsfJson.Deserialize(EsfJson.Serialize(result), parser);

        Assert.Equal(result.Project, back.Project);
        Assert.Equal(result.Project.Period, back.Project.Period);
        var row = ProjectColumns.For(parser);
        Assert.Equal(40, row.Single(c => c.Name == "plannedParticipants").GetValue(result));
    }

    [Fact]
    public void A_built_in_field_beside_its_replacement_is_refused()
    {
        var builder = new ProjectParserBuilder();
        builder.HeaderFields.Add(EsfHeaderFields.PlannedParticipants.WithReader(About));

        var refused = Assert.Throws<ArgumentException>(() => builder.Build());
        Assert.Contains("plannedParticipants", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_original_definition_is_unchanged()
    {
        var replaced = EsfHeaderFields.PlannedParticipants.WithReader(About);

        Assert.NotSame(EsfHeaderFields.PlannedParticipants, replaced);
        Assert.Equal(EsfHeaderFields.PlannedParticipants.Key, replaced.Key);
        Assert.Equal(EsfHeaderFields.PlannedParticipants.Labels, replaced.Labels);
        Assert.Null(ProjectParser.Parse(Page).Project.PlannedParticipants);
    }
}
