using System.Globalization;
using System.Text.Json;
using Esf.Projects.Fields;
using Esf.Projects.Handlers;
using Esf.Projects.ReferenceData;
using Esf.Projects.Tables;
using NodaTime;
using NodaTime.Text;

namespace Esf.Projects.Json;

/// <summary>
/// How a typed field's value appears in the outputs — its JSON member(s) and its column(s) of the flat table — by the
/// value's type: one entry per type, so a field of a type no field has had is one entry here, and every field of a
/// type the entries know appears in both outputs the same way, the built-in ones and a user's alike.
/// </summary>
internal abstract class FieldShape
{
    /// <summary>Writes the member(s) for the field named <paramref name="key"/>, <c>null</c> when the value is absent.</summary>
    public abstract void WriteJson(Utf8JsonWriter writer, string key, object? value);

    /// <summary>Reads the value back; <see langword="null"/> when absent.</summary>
    public abstract object? ReadJson(JsonElement project, string key);

    /// <summary>The column(s) of the flat table, named from <paramref name="key"/>, their cells made from the value <paramref name="value"/> gives.</summary>
    public abstract IEnumerable<ProjectColumn> Columns(string key, Func<ProjectParseResult, object?> value);

    /// <summary>A value as its invariant text (<see cref="IFormattable"/> with the invariant culture, else <see cref="object.ToString"/>): a user field whose value's type no entry knows.</summary>
    public static readonly FieldShape InvariantText = new Simple(
        (w, v) => w.WriteStringValue(Invariant(v)),
        e => e.GetString(),
        (key, value) => [new(key, ColumnType.Text, r => value(r) is { } v ? Invariant(v) : null)]);

    /// <summary>The shape of a field's value type; <see langword="null"/> when no entry knows the type (a new built-in field's type needs one here).</summary>
    public static FieldShape? For(HeaderFieldHandler field) => field switch
    {
        HeaderFieldDefinition<string> => new Simple((w, v) => w.WriteStringValue((string)v), e => e.GetString(), One(ColumnType.Text)),
        HeaderFieldDefinition<int> => new Simple((w, v) => w.WriteNumberValue((int)v), e => e.GetInt32(), One(ColumnType.Integer)),
        HeaderFieldDefinition<decimal> => new Simple((w, v) => w.WriteNumberValue((decimal)v), e => e.GetDecimal(), One(ColumnType.Decimal)),
        HeaderFieldDefinition<bool> => new Simple((w, v) => w.WriteBooleanValue((bool)v), e => e.GetBoolean(), One(ColumnType.Boolean)),
        HeaderFieldDefinition<EsfFund> => new Simple(
            (w, v) => ProjectJson.WriteEnum<EsfFund>(w, (EsfFund)v), e => ProjectJson.ParseEnum<EsfFund>(e),
            (key, value) => [new(key, ColumnType.Text, r => value(r) is EsfFund fund ? ProjectJson.CamelCase(fund.ToString()) : null)]),
        HeaderFieldDefinition<Money> => new Simple(
            WriteMoney, e => new Money(e.GetProperty("amount").GetDecimal(), ProjectJson.Text(e, "currency") ?? "SEK"),
            (key, value) => [new(key, ColumnType.Decimal, r => (value(r) as Money?)?.Amount)]),
        HeaderFieldDefinition<DateInterval> => new Simple(
            (w, v) => ProjectJson.WriteInterval(w, (DateInterval)v), e => new DateInterval(ProjectJson.Date(e, "start"), ProjectJson.Date(e, "end")),
            (key, value) => [new(key + "Start", ColumnType.Date, r => (value(r) as DateInterval)?.Start), new(key + "End", ColumnType.Date, r => (value(r) as DateInterval)?.End)]),
        HeaderFieldDefinition<LocalDate> => new Simple(
            (w, v) => w.WriteStringValue(LocalDatePattern.Iso.Format((LocalDate)v)), e => LocalDatePattern.Iso.Parse(e.GetString() ?? string.Empty).GetValueOrThrow(),
            One(ColumnType.Date)),
        HeaderFieldDefinition<ProgramArea> => new Simple(
            WriteProgramArea, e => ReadProgramArea(ProjectJson.Text(e, "code"), ProjectJson.Int(e, "number"), ProjectJson.Text(e, "name")),
            (key, value) =>
            [
                new(key + "Number", ColumnType.Integer, r => (value(r) as ProgramArea)?.Number),
                new(key + "Code", ColumnType.Text, r => (value(r) as ProgramArea)?.Code),
                new(key + "Name", ColumnType.Text, r => (value(r) as ProgramArea)?.Name),
            ]),
        HeaderFieldDefinition<Nuts2Region> => new Simple(
            WriteNuts2, e => Nuts2Regions.Find(ProjectJson.Text(e, "code") ?? string.Empty) ?? throw new JsonException($"'{ProjectJson.Text(e, "code")}' is not a NUTS-2 code of Sweden."),
            (key, value) => [new(key, ColumnType.Text, r => (value(r) as Nuts2Region)?.Code), new(key + "Name", ColumnType.Text, r => (value(r) as Nuts2Region)?.Name)]),
        HeaderFieldDefinition<ProjectPhase> => new Phase(),
        HeaderFieldDefinition<SwedishOrganisationNumber> => new OrganisationNumber(),
        _ => null,
    };

    /// <summary>One column named by the key, holding the value itself.</summary>
    private static Func<string, Func<ProjectParseResult, object?>, ProjectColumn[]> One(ColumnType type) => (key, value) => [new(key, type, value)];

    private static string? Invariant(object value) => value is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : value.ToString();

    private static void WriteMoney(Utf8JsonWriter w, object v)
    {
        var money = (Money)v;
        w.WriteStartObject();
        w.WriteNumber(JsonNames.Amount, money.Amount);
        w.WriteString(JsonNames.Currency, money.Currency);
        w.WriteEndObject();
    }

    /// <summary>A programme area read back; JSON written before the name could be null repeats the code as the name, which is no name.</summary>
    private static ProgramArea ReadProgramArea(string? code, int? number, string? name) => new(code, number, name == code ? null : name);

    private static void WriteProgramArea(Utf8JsonWriter w, object v)
    {
        var area = (ProgramArea)v;
        w.WriteStartObject();
        if (area.Number is { } number)
        {
            w.WriteNumber(JsonNames.Number, number);
        }
        else
        {
            w.WriteNull(JsonNames.Number);
        }

        w.WriteString(JsonNames.Code, area.Code);
        w.WriteString(JsonNames.Name, area.Name);
        w.WriteEndObject();
    }

    private static void WriteNuts2(Utf8JsonWriter w, object v)
    {
        var region = (Nuts2Region)v;
        w.WriteStartObject();
        w.WriteString(JsonNames.Code, region.Code);
        w.WriteString(JsonNames.Name, region.Name);
        w.WriteString(JsonNames.EsfRegion, ProjectJson.EnumName(region.EsfRegion));
        w.WriteEndObject();
    }

    /// <summary>One member named by the field's key.</summary>
    private sealed class Simple(Action<Utf8JsonWriter, object> write, Func<JsonElement, object?> read, Func<string, Func<ProjectParseResult, object?>, ProjectColumn[]> columns) : FieldShape
    {
        public override IEnumerable<ProjectColumn> Columns(string key, Func<ProjectParseResult, object?> value) => columns(key, value);

        public override void WriteJson(Utf8JsonWriter writer, string key, object? value)
        {
            writer.WritePropertyName(key);
            if (value is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                write(writer, value);
            }
        }

        public override object? ReadJson(JsonElement project, string key) =>
            project.TryGetProperty(key, out var value) && value.ValueKind != JsonValueKind.Null ? read(value) : null;
    }

    /// <summary>The phase as written (<c>phase</c>) and its kind (<c>phaseKind</c>).</summary>
    private sealed class Phase : FieldShape
    {
        public override IEnumerable<ProjectColumn> Columns(string key, Func<ProjectParseResult, object?> value) =>
        [
            new(key, ColumnType.Text, r => (value(r) as ProjectPhase)?.Text),
            new(key + "Kind", ColumnType.Text, r => value(r) is ProjectPhase phase ? ProjectJson.CamelCase(phase.Kind.ToString()) : null),
        ];

        public override void WriteJson(Utf8JsonWriter writer, string key, object? value)
        {
            var phase = (ProjectPhase?)value;
            writer.WriteString(key, phase?.Text);
            writer.WritePropertyName(key + "Kind");
            ProjectJson.WriteEnum<ProjectPhaseKind>(writer, phase?.Kind);
        }

        public override object? ReadJson(JsonElement project, string key) =>
            ProjectJson.Text(project, key) is { } text
                ? new ProjectPhase(text, project.TryGetProperty(key + "Kind", out var kind) && kind.ValueKind != JsonValueKind.Null ? ProjectJson.ParseEnum<ProjectPhaseKind>(kind) : ProjectPhaseKind.Other)
                : null;
    }

    /// <summary>The number (<c>212000-4128</c>) and its group (<c>…Group</c>: <c>publicSector</c>).</summary>
    private sealed class OrganisationNumber : FieldShape
    {
        public override IEnumerable<ProjectColumn> Columns(string key, Func<ProjectParseResult, object?> value) =>
        [
            new(key, ColumnType.Text, r => (value(r) as SwedishOrganisationNumber?)?.ToString()),
            new(key + "Group", ColumnType.Text, r => value(r) is SwedishOrganisationNumber number ? ProjectJson.CamelCase(number.Group.ToString()) : null),
        ];

        public override void WriteJson(Utf8JsonWriter writer, string key, object? value)
        {
            var number = (SwedishOrganisationNumber?)value;
            writer.WriteString(key, number?.ToString());
            writer.WritePropertyName(key + "Group");
            ProjectJson.WriteEnum<OrganisationNumberGroup>(writer, number?.Group);
        }

        public override object? ReadJson(JsonElement project, string key) =>
            ProjectJson.Text(project, key) is { } text
                ? SwedishOrganisationNumber.Parse(text).TryGetValue(out var number) ? number : throw new JsonException($"'{text}' is not a valid organisation number.")
                : null;
    }
}
