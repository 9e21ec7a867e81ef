using System.Text.Json.Serialization;

namespace Esf.Projects.Json;

// The JSON contract (see README "JSON shape"). Property names are public: add, never rename or drop.
#pragma warning disable SA1649, SA1402 // small records of one contract live together

internal sealed record PageDocument(string? Source, ProjectDocument Project, IReadOnlyList<DiagnosticDocument> Diagnostics);

internal sealed record ProjectDocument(
    string? Title,
    string? Notice,
    string? ProjectNumber,
    string? CallNumber,
    ProgramAreaDocument? ProgramArea,
    string? Phase,
    string? PhaseKind,
    string? Owner,
    ContactDocument Contact,
    MoneyDocument? GrantedEsfSupport,
    MoneyDocument? TotalBudget,
    PeriodDocument? Period,
    string? Region,
    int? PlannedParticipants,
    string? SpecificObjective,
    decimal? EuCofinancingRate,
    IReadOnlyList<SectionDocument> Sections,
    IReadOnlyList<string> CoFinanciers,
    IReadOnlyList<string> Partners,
    IReadOnlyList<string> Municipalities,
    IReadOnlyList<ExtraFieldDocument> ExtraFields,
    IReadOnlyList<FieldDocument> Fields,
    IReadOnlyList<string> UnplacedText,
    PositionDocument? TitlePosition,
    IReadOnlyList<string?>? MunicipalityCodes,
    IReadOnlyList<MunicipalityDocument>? ResolvedMunicipalities,
    string? EsfRegion,
    ProgrammeDocument? Programme,
    FiguresDocument? Figures);

internal sealed record MunicipalityDocument(string Code, string Name, string CountyCode, string County, string EsfRegion);

internal sealed record ProgrammeDocument(string Period, string Confidence, string Basis, string? AreaName);

internal sealed record FiguresDocument(decimal? EsfSharePercent, decimal? StatedCofinancingRate, int? DurationDays, int? DurationMonths, decimal? SupportPerPlannedParticipant);

internal sealed record ProgramAreaDocument(int? Number, string? Code, string Name);

internal sealed record ContactDocument(string? Name, string? Email, string? Phone, string? PhoneE164, string? PhoneAreaCode, string? EmailDomain);

internal sealed record MoneyDocument(decimal Amount, string Currency);

internal sealed record PeriodDocument(string Start, string End);

internal sealed record PositionDocument(int Line, int Column);

internal sealed record ExtraFieldDocument(string Label, string? Value, int Line, int Column);

internal sealed record FieldDocument(string Label, string Kind, string? Value, int Line, int Column, int ValueLine, int ValueColumn);

internal sealed record SectionDocument(string? Heading, int Line, int Column, string Text, IReadOnlyList<BlockDocument> Blocks);

internal sealed record BlockDocument(
    string Kind,
    int Line,
    int Column,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Text,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Date,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ListItemDocument>? Items);

internal sealed record ListItemDocument(string Marker, string Text, int Line, int Column);

internal sealed record DiagnosticDocument(string Severity, string Code, int Line, int Column, string Message);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(PageDocument))]
internal sealed partial class EsfJsonContext : JsonSerializerContext;
