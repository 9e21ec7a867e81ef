using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Esf.Projects.Fields;
using Esf.Projects.Handlers;
using Esf.Projects.Parsing;
using Esf.Projects.ReferenceData;
using NodaTime;
using NodaTime.Text;

namespace Esf.Projects.Json;

/// <summary>
/// The JSON contract of a project, member by member, in the order written. Header fields are members of their own,
/// written and read by their value's type (<see cref="FieldShape"/>), so a new field definition appears in the JSON
/// without a line here; the members listed here are the project's structure and the values derived from several
/// fields (contact, period, project numbers, intervention type).
/// </summary>
internal static class ProjectJson
{
    /// <summary>One top-level property (or a few, for a field like the phase) of the project object.</summary>
    internal abstract class Member
    {
        public abstract void Write(Utf8JsonWriter writer, EsfProject project, JsonSectionText sectionText);

        public abstract void Read(JsonElement project, ProjectParts parts);
    }

    private sealed class Derived(string name, Action<Utf8JsonWriter, EsfProject> write, Action<JsonElement, ProjectParts> read) : Member
    {
        private readonly JsonEncodedText _name = JsonEncodedText.Encode(name);

        public override void Write(Utf8JsonWriter writer, EsfProject project, JsonSectionText sectionText)
        {
            writer.WritePropertyName(_name);
            write(writer, project);
        }

        public override void Read(JsonElement project, ProjectParts parts)
        {
            if (project.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
            {
                read(value, parts);
            }
        }
    }

    private sealed class Field(HeaderFieldHandler field, FieldShape json) : Member
    {
        private readonly int _slot = field.BuiltInSlot;

        public override void Write(Utf8JsonWriter writer, EsfProject project, JsonSectionText sectionText) => json.WriteJson(writer, field.Key!, project.Value(_slot));

        public override void Read(JsonElement project, ProjectParts parts) => parts.Values[_slot] = json.ReadJson(project, field.Key!);
    }

    /// <summary><c>sections</c>: each section with its plain <c>text</c>, its <c>blocks</c>, or both (the default), as <see cref="JsonSectionText"/> says.</summary>
    private sealed class Sections : Member
    {
        public override void Write(Utf8JsonWriter writer, EsfProject project, JsonSectionText sectionText)
        {
            writer.WriteStartArray(JsonNames.Sections);
            foreach (var section in project.Sections)
            {
                WriteSection(writer, section, sectionText);
            }

            writer.WriteEndArray();
        }

        public override void Read(JsonElement project, ProjectParts parts)
        {
            if (project.TryGetProperty("sections", out var value) && value.ValueKind != JsonValueKind.Null)
            {
                parts.Sections = [.. value.EnumerateArray().Select(ReadSection)];
            }
        }
    }

    /// <summary>
    /// <c>extensions</c>: the values of the typed fields a user added (<see cref="HeaderFieldDefinition{T}"/>), one
    /// member per field the page has a value for, named by its key and written as a built-in field of its value's type
    /// is (other types as their invariant text). Absent when the page has none, so the JSON of the built-in parser
    /// does not change. Read back from the fields' rows by the definitions of the parser given to the reader, as the
    /// parser read them.
    /// </summary>
    private sealed class Extensions : Member
    {
        private static readonly JsonEncodedText Name = JsonEncodedText.Encode("extensions");
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<HeaderFieldHandler, FieldShape> Writers = [];

        public override void Write(Utf8JsonWriter writer, EsfProject project, JsonSectionText sectionText)
        {
            var started = false;
            foreach (var (field, value) in project.UserFieldValues)
            {
                if (!started)
                {
                    writer.WriteStartObject(Name);
                    started = true;
                }

                Writers.GetValue(field, static f => FieldShape.For(f) ?? FieldShape.InvariantText).WriteJson(writer, field.Key!, value);
            }

            if (started)
            {
                writer.WriteEndObject();
            }
        }

        public override void Read(JsonElement project, ProjectParts parts)
        {
        }
    }

    /// <summary><c>fields</c>: every header row; read first, since <c>extraFields</c> are matched to its rows.</summary>
    private static readonly Member FieldsMember = new Derived("fields", (w, p) => WriteArray(w, p.Fields, WriteField), (v, parts) => parts.Fields = [.. v.EnumerateArray().Select(ReadField)]);

    /// <summary>Every member, in the order written: the contract's first members in their fixed order, then every other built-in field in <see cref="EsfHeaderFields.All"/> order.</summary>
    public static readonly ImmutableArray<Member> Members = BuildMembers();

    /// <summary>Every member, in the order read: <see cref="Members"/> with <c>fields</c> first, whatever order the JSON has (static fields initialise in textual order, so this follows <see cref="Members"/>).</summary>
    private static readonly ImmutableArray<Member> ReadOrder = [FieldsMember, .. Members.Where(m => m != FieldsMember)];

    private static ImmutableArray<Member> BuildMembers()
    {
        var placed = new List<HeaderFieldHandler>(EsfHeaderFields.InDerivedFacts);
        Member Of(HeaderFieldHandler field)
        {
            placed.Add(field);
            return new Field(field, FieldShape.For(field) ?? throw new NotSupportedException($"No JSON writer for the value of the built-in field '{field.Key}'."));
        }

        var members = new List<Member>
        {
            new Derived("title", (w, p) => w.WriteStringValue(p.Title), (v, parts) => parts.Title = v.GetString()),
            new Derived("notice", (w, p) => w.WriteStringValue(p.Notice), (v, parts) => parts.Notice = v.GetString()),
            new Derived("projectNumber", (w, p) => w.WriteStringValue(p.ProjectNumber), (v, parts) => parts.ProjectNumber = v.GetString()),
            Of(EsfHeaderFields.CallNumber),
            Of(EsfHeaderFields.ProgramArea),
            Of(EsfHeaderFields.Phase),
            Of(EsfHeaderFields.Owner),
            new Derived("contact", WriteContact, ReadContact),
            Of(EsfHeaderFields.GrantedEsfSupport),
            Of(EsfHeaderFields.TotalBudget),
            new Derived("period", (w, p) => WriteInterval(w, p.Period), (v, parts) => parts.Period = new DateInterval(Date(v, "start"), Date(v, "end"))),
            Of(EsfHeaderFields.Region),
            Of(EsfHeaderFields.PlannedParticipants),
            Of(EsfHeaderFields.SpecificObjective),
            Of(EsfHeaderFields.EuCofinancingRate),
            new Sections(),
            new Derived("coFinanciers", (w, p) => WriteStrings(w, p.CoFinanciers), (v, parts) => parts.CoFinanciers = Strings(v)),
            new Derived("partners", (w, p) => WriteStrings(w, p.Partners), (v, parts) => parts.Partners = Strings(v)),
            new Derived("municipalities", (w, p) => WriteStrings(w, p.Municipalities), (v, parts) => parts.Municipalities = Strings(v)),
            new Derived("extraFields", (w, p) => WriteArray(w, p.ExtraFields, WriteExtraField), ReadExtraFields),
            FieldsMember,
            new Derived("unplacedText", (w, p) => WriteStrings(w, p.UnplacedText), (v, parts) => parts.UnplacedText = Strings(v)),
            new Derived("titlePosition", (w, p) => WritePosition(w, p.TitlePosition), (v, parts) => parts.TitlePosition = Position(v, "line", "column")),
            new Derived("municipalityCodes", (w, p) => WriteArray(w, p.MunicipalityCodes, (w2, c) => w2.WriteStringValue(c)), (v, parts) => parts.MunicipalityCodes = [.. v.EnumerateArray().Select(e => e.GetString())]),
            new Derived("resolvedMunicipalities", (w, p) => WriteArray(w, p.ResolvedMunicipalities, WriteMunicipality), (v, parts) => parts.ResolvedMunicipalities = [.. v.EnumerateArray().Select(ReadMunicipality)]),
            new Derived("esfRegion", (w, p) => WriteEnum<EsfRegion>(w, p.EsfRegion), (v, parts) => parts.EsfRegion = ParseEnum<EsfRegion>(v)),
            new Derived("programme", WriteProgramme, (v, parts) => parts.Programme = ReadProgramme(v)),
            new Derived("figures", WriteFigures, (v, parts) => parts.Figures = ReadFigures(v)),
            new Derived("layout", (w, p) => w.WriteStringValue(p.LayoutName), ReadLayout),
            new Derived("projectNumbers", (w, p) => WriteStrings(w, p.ProjectNumbers), (v, parts) => parts.ProjectNumbers = Strings(v)),
            new Derived("interventionType", WriteInterventionType, (v, parts) => parts.InterventionType = new InterventionType(Text(v, "code")!, Text(v, "name"))),
            new Extensions(),
        };

        foreach (var field in EsfHeaderFields.All)
        {
            if (!placed.Contains(field))
            {
                members.Add(Of(field));
            }
        }

        return [.. members];
    }

    public static void WriteProject(Utf8JsonWriter writer, EsfProject project, JsonSectionText sectionText = JsonSectionText.Both)
    {
        writer.WriteStartObject();
        foreach (var member in Members)
        {
            member.Write(writer, project, sectionText);
        }

        writer.WriteEndObject();
    }

    public static EsfProject ReadProject(JsonElement element, ParserConfiguration? config = null)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("The 'project' is not an object.");
        }

        var parts = new ProjectParts();
        foreach (var member in ReadOrder)
        {
            member.Read(element, parts);
        }

        // The fields written inside derived members (contact, period, numbers) and the user's fields are in the
        // JSON as their rows: read each one's value again from its first row, as the parser read it.
        config ??= EsfProjectParser.Default.Configuration;
        var ignored = new Parsing.DiagnosticBag();
        foreach (var field in EsfHeaderFields.InDerivedFacts)
        {
            // The parser's own definition: a replaced reader reads again as it read; a removed field has no rows.
            parts.Values[field.BuiltInSlot] = config.BuiltInFields[field.BuiltInSlot] is { } used ? ReadAgain(used, parts.Fields, config, ignored) : null;
        }

        List<KeyValuePair<HeaderFieldHandler, object>>? custom = null;
        foreach (var field in config.UserFields)
        {
            if (ReadAgain(field, parts.Fields, config, ignored) is { } value)
            {
                (custom ??= []).Add(new(field, value));
            }
        }

        parts.CustomValues = custom is null ? [] : [.. custom];
        return new EsfProject(parts);
    }

    /// <summary>The value <paramref name="field"/> reads from the first row of its kind, as the parser runs a field on that row only (a later one is a duplicate); <see langword="null"/> when that row is empty.</summary>
    private static object? ReadAgain(HeaderFieldHandler field, ImmutableArray<HeaderField> rows, ParserConfiguration config, Parsing.DiagnosticBag ignored)
    {
        foreach (var row in rows)
        {
            if (row.Kind == field.Key)
            {
                return row.Value is null ? null : field.HandleField(new HeaderFieldContext(row, ignored, config));
            }
        }

        return null;
    }

    /// <summary>A built-in layout's name is its <see cref="PageLayout"/> in camelCase; any other name is a layout of the user's (<see cref="PageLayout.Other"/>).</summary>
    private static void ReadLayout(JsonElement v, ProjectParts parts)
    {
        var name = v.GetString() ?? throw new JsonException("'layout' is not a string.");
        parts.LayoutName = name;
        parts.Layout = Enum.TryParse<PageLayout>(name, ignoreCase: true, out var layout) && CamelCase(layout.ToString()) == name && layout != PageLayout.Other
            ? layout
            : PageLayout.Other;
    }

    private static void WriteContact(Utf8JsonWriter w, EsfProject p)
    {
        var c = p.Contact;
        w.WriteStartObject();
        w.WriteString(JsonNames.Name, c.Name);
        w.WriteString(JsonNames.Email, c.Email);
        w.WriteString(JsonNames.Phone, c.Phone);
        w.WriteString("phoneE164", c.PhoneNumber?.E164);
        w.WriteString(JsonNames.PhoneAreaCode, c.PhoneNumber?.AreaCode);
        w.WriteString(JsonNames.EmailDomain, c.EmailAddress?.Domain);
        w.WriteEndObject();
    }

    private static void ReadContact(JsonElement v, ProjectParts parts)
    {
        var (name, email, phone) = (Text(v, "name"), Text(v, "email"), Text(v, "phone"));
        parts.Contact = name is null && email is null && phone is null
            ? Contact.None
            : new Contact(
                name,
                email,
                phone,
                Text(v, "phoneE164") is not null && phone is not null && SwedishPhoneNumber.TryParse(phone, out var number) ? number : null,
                Text(v, "emailDomain") is not null && email is not null && EmailAddress.TryParse(email, out var address) ? address : null);
    }

    private static void WriteSection(Utf8JsonWriter w, Section section, JsonSectionText sectionText)
    {
        w.WriteStartObject();
        w.WriteString(JsonNames.Heading, section.Heading);
        w.WriteNumber(JsonNames.Line, section.Position.Line);
        w.WriteNumber(JsonNames.Column, section.Position.Column);
        if (sectionText != JsonSectionText.Blocks)
        {
            w.WriteString(JsonNames.Text, section.TextMemory.Span);
        }

        if (sectionText != JsonSectionText.Sections)
        {
            w.WritePropertyName(JsonNames.Blocks);
            WriteArray(w, section.Blocks, WriteBlock);
        }

        w.WriteEndObject();
    }

    /// <summary>A section as written; a compact form's missing <c>text</c> or <c>blocks</c> reads back empty.</summary>
    private static Section ReadSection(JsonElement s) =>
        new(
            Text(s, "heading"),
            Position(s, "line", "column")!.Value,
            s.TryGetProperty("blocks", out var blocks) && blocks.ValueKind == JsonValueKind.Array ? [.. blocks.EnumerateArray().Select(ReadBlock)] : [],
            Text(s, "text") ?? string.Empty);

    private static void WriteBlock(Utf8JsonWriter w, Block block)
    {
        w.WriteStartObject();
        w.WriteString(JsonNames.Kind, block switch
        {
            ParagraphBlock => "paragraph",
            ListBlock => "list",
            SubHeadingBlock => "subHeading",
            LabelBlock => "label",
            ClarificationBlock => "clarification",
            _ => "rule",
        });
        w.WriteNumber(JsonNames.Line, block.Position.Line);
        w.WriteNumber(JsonNames.Column, block.Position.Column);
        if (block is TextBlock text)
        {
            w.WriteString(JsonNames.Text, text.TextMemory.Span);
        }

        if (block is ClarificationBlock clarification)
        {
            w.WriteString(JsonNames.Date, LocalDatePattern.Iso.Format(clarification.Date));
        }

        if (block is ListBlock list)
        {
            w.WritePropertyName(JsonNames.Items);
            WriteArray(w, list.Items, static (w2, item) =>
            {
                w2.WriteStartObject();
                w2.WriteString(JsonNames.Marker, EnumName(item.Marker));
                w2.WriteString(JsonNames.Text, item.TextMemory.Span);
                w2.WriteNumber(JsonNames.Line, item.Position.Line);
                w2.WriteNumber(JsonNames.Column, item.Position.Column);
                w2.WriteEndObject();
            });
        }

        w.WriteEndObject();
    }

    private static Block ReadBlock(JsonElement b)
    {
        var position = Position(b, "line", "column")!.Value;
        var text = Text(b, "text") ?? string.Empty;
        return Text(b, "kind") switch
        {
            "paragraph" => new ParagraphBlock(position, text),
            "list" => new ListBlock(position, [.. Property(b, "items").EnumerateArray().Select(i => new ListItem(Position(i, "line", "column")!.Value, ParseEnum<ListMarkerKind>(Property(i, "marker")), Text(i, "text") ?? string.Empty))]),
            "subHeading" => new SubHeadingBlock(position, text),
            "label" => new LabelBlock(position, text),
            "clarification" => new ClarificationBlock(position, Date(b, "date"), text),
            "rule" => new RuleBlock(position),
            var other => throw new JsonException($"Unknown block kind '{other}'."),
        };
    }

    private static void WriteField(Utf8JsonWriter w, HeaderField f)
    {
        w.WriteStartObject();
        w.WriteString(JsonNames.Label, f.Label);
        w.WriteString(JsonNames.Kind, f.Kind);
        w.WriteString(JsonNames.Value, f.Value);
        w.WriteNumber(JsonNames.Line, f.LabelPosition.Line);
        w.WriteNumber(JsonNames.Column, f.LabelPosition.Column);
        w.WriteNumber(JsonNames.ValueLine, f.ValuePosition.Line);
        w.WriteNumber(JsonNames.ValueColumn, f.ValuePosition.Column);
        w.WriteString(JsonNames.RawValue, f.RawValue);
        w.WriteEndObject();
    }

    private static HeaderField ReadField(JsonElement f) =>
        new(Text(f, "label") ?? throw new JsonException("A field has no 'label'."), Text(f, "kind") ?? HeaderField.UnknownKind, Text(f, "value"),
            Position(f, "line", "column")!.Value, Position(f, "valueLine", "valueColumn")!.Value, f.TryGetProperty("rawValue", out _) ? Text(f, "rawValue") : Text(f, "value"));

    private static void WriteExtraField(Utf8JsonWriter w, HeaderField f)
    {
        w.WriteStartObject();
        w.WriteString(JsonNames.Label, f.Label);
        w.WriteString(JsonNames.Value, f.Value);
        w.WriteNumber(JsonNames.Line, f.LabelPosition.Line);
        w.WriteNumber(JsonNames.Column, f.LabelPosition.Column);
        w.WriteEndObject();
    }

    /// <summary>Extra fields are rows of <c>fields</c>, matched by label and position (<see cref="ReadOrder"/> reads the rows first).</summary>
    private static void ReadExtraFields(JsonElement v, ProjectParts parts)
    {
        var fields = parts.Fields;
        if (fields.IsDefaultOrEmpty && v.GetArrayLength() > 0)
        {
            throw new JsonException("'extraFields' needs 'fields' to be read first.");
        }

        parts.ExtraFields = [.. v.EnumerateArray().Select(e =>
        {
            var label = Text(e, "label");
            var position = Position(e, "line", "column")!.Value;
            foreach (var field in fields)
            {
                if (field.Label == label && field.LabelPosition == position)
                {
                    return field;
                }
            }

            return new HeaderField(label ?? string.Empty, HeaderField.UnknownKind, Text(e, "value"), position, position);
        })];
    }

    private static void WriteMunicipality(Utf8JsonWriter w, Municipality m)
    {
        w.WriteStartObject();
        w.WriteString(JsonNames.Code, m.Code);
        w.WriteString(JsonNames.Name, m.Name);
        w.WriteString(JsonNames.CountyCode, m.County.Code);
        w.WriteString(JsonNames.County, m.County.Name);
        w.WriteString(JsonNames.EsfRegion, EnumName(m.Region));
        w.WriteEndObject();
    }

    private static Municipality ReadMunicipality(JsonElement m) =>
        SwedishMunicipalities.FindByCode(Text(m, "code") ?? string.Empty) is { } found ? found : throw new JsonException($"'{Text(m, "code")}' is not a municipality code.");

    private static void WriteProgramme(Utf8JsonWriter w, EsfProject p)
    {
        if (p.Programme is not { } programme)
        {
            w.WriteNullValue();
            return;
        }

        w.WriteStartObject();
        w.WriteString(JsonNames.Period, programme.PeriodText);
        w.WriteString(JsonNames.Confidence, EnumName(programme.Confidence));
        w.WriteString(JsonNames.Basis, programme.Basis);
        w.WriteString(JsonNames.AreaName, programme.AreaName);
        w.WriteString(JsonNames.ObjectiveName, programme.ObjectiveName);
        w.WriteString(JsonNames.ProgrammeName, programme.ProgrammeName);
        w.WriteEndObject();
    }

    private static ProgrammeInfo ReadProgramme(JsonElement v) =>
        new(Text(v, "period") switch
        {
            "2007–2013" => ProgrammePeriod.Period2007To2013,
            "2014–2020" => ProgrammePeriod.Period2014To2020,
            "2021–2027" => ProgrammePeriod.Period2021To2027,
            var other => throw new JsonException($"'{other}' is not a programme period (2007–2013, 2014–2020, 2021–2027)."),
        }, ParseEnum<InferenceConfidence>(Property(v, "confidence")), Text(v, "basis") ?? string.Empty, Text(v, "areaName"), Text(v, "objectiveName"), Text(v, "programmeName"));

    private static void WriteFigures(Utf8JsonWriter w, EsfProject p)
    {
        var f = p.Figures;
        w.WriteStartObject();
        WriteNumber(w, "esfSharePercent", f.EsfSharePercent);
        WriteNumber(w, "statedCofinancingRate", f.StatedCofinancingRate);
        WriteNumber(w, "durationDays", f.DurationDays);
        WriteNumber(w, "durationMonths", f.DurationMonths);
        WriteNumber(w, "supportPerPlannedParticipant", f.SupportPerPlannedParticipant);
        w.WriteEndObject();
    }

    private static DerivedFigures ReadFigures(JsonElement v) =>
        new(Decimal(v, "esfSharePercent"), Decimal(v, "statedCofinancingRate"), Int(v, "durationDays"), Int(v, "durationMonths"), Decimal(v, "supportPerPlannedParticipant"));

    private static void WriteInterventionType(Utf8JsonWriter w, EsfProject p)
    {
        if (p.InterventionType is not { } type)
        {
            w.WriteNullValue();
            return;
        }

        w.WriteStartObject();
        w.WriteString(JsonNames.Code, type.Code);
        w.WriteString(JsonNames.Name, type.Name);
        w.WriteEndObject();
    }

    internal static void WriteInterval(Utf8JsonWriter w, DateInterval? interval)
    {
        if (interval is null)
        {
            w.WriteNullValue();
            return;
        }

        w.WriteStartObject();
        w.WriteString(JsonNames.Start, LocalDatePattern.Iso.Format(interval.Start));
        w.WriteString(JsonNames.End, LocalDatePattern.Iso.Format(interval.End));
        w.WriteEndObject();
    }

    private static void WritePosition(Utf8JsonWriter w, SourcePosition? position)
    {
        if (position is not { } p)
        {
            w.WriteNullValue();
            return;
        }

        w.WriteStartObject();
        w.WriteNumber(JsonNames.Line, p.Line);
        w.WriteNumber(JsonNames.Column, p.Column);
        w.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter w, ImmutableArray<string> items) => WriteArray(w, items, static (w2, s) => w2.WriteStringValue(s));

    private static void WriteArray<T>(Utf8JsonWriter w, ImmutableArray<T> items, Action<Utf8JsonWriter, T> write)
    {
        w.WriteStartArray();
        foreach (var item in items)
        {
            write(w, item);
        }

        w.WriteEndArray();
    }

    internal static void WriteEnum<TEnum>(Utf8JsonWriter w, TEnum? value)
        where TEnum : struct, Enum
    {
        if (value is { } v)
        {
            w.WriteStringValue(EnumName(v));
        }
        else
        {
            w.WriteNullValue();
        }
    }

    /// <summary>A number or <c>null</c>; whole numbers are written without a decimal point, so one writer serves <see cref="int"/> and <see cref="decimal"/>.</summary>
    internal static void WriteNumber(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    /// <summary>An enum value's name in camel case, encoded once per value (a list item writes its marker's).</summary>
    internal static JsonEncodedText EnumName<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        EnumNames<TEnum>.Names.TryGetValue(value, out var name) ? name : JsonEncodedText.Encode(CamelCase(value.ToString()));

    private static class EnumNames<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly System.Collections.Frozen.FrozenDictionary<TEnum, JsonEncodedText> Names =
            System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(Enum.GetValues<TEnum>().Distinct(), static v => v, static v => JsonEncodedText.Encode(CamelCase(v.ToString())));
    }

    internal static string CamelCase(string name) => string.Create(name.Length, name, static (span, n) =>
    {
        n.AsSpan().CopyTo(span);
        span[0] = char.ToLowerInvariant(span[0]);
    });

    internal static JsonElement Property(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value : throw new JsonException($"The object has no '{name}'.");

    internal static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetString() : null;

    internal static decimal? Decimal(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetDecimal() : null;

    internal static int? Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetInt32() : null;

    private static ImmutableArray<string> Strings(JsonElement v) => [.. v.EnumerateArray().Select(e => e.GetString() ?? string.Empty)];

    private static SourcePosition? Position(JsonElement element, string line, string column) =>
        element.TryGetProperty(line, out var l) && l.ValueKind == JsonValueKind.Number ? new SourcePosition(l.GetInt32(), Int(element, column) ?? 1) : null;

    internal static LocalDate Date(JsonElement element, string name) =>
        Text(element, name) is { } text && LocalDatePattern.Iso.Parse(text) is { Success: true } result
            ? result.Value
            : throw new JsonException($"'{Text(element, name)}' is not an ISO date (YYYY-MM-DD).");

    internal static T ParseEnum<T>(JsonElement value)
        where T : struct, Enum =>
        value.GetString() is { Length: > 0 } name && !char.IsDigit(name[0]) && Enum.TryParse<T>(name, ignoreCase: true, out var parsed)
            ? parsed
            : throw new JsonException($"'{value}' is not a {typeof(T).Name}.");
}
