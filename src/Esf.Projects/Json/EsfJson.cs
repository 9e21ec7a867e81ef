using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using Esf.Projects.Diagnostics;
using Esf.Projects.Fields;
using Esf.Projects.Model;
using NodaTime.Text;

namespace Esf.Projects.Json;

/// <summary>
/// Writes parse results as JSON in the documented shape (README, "JSON shape"): camelCase names, ISO dates,
/// amounts as exact JSON numbers, <see langword="null"/> for absent values and <c>[]</c> for absent lists.
/// </summary>
/// <remarks>
/// Property names are a public contract read by other tools: new properties may be added, none is renamed or
/// dropped. Serialization is source-generated (trim- and AOT-safe) and culture-independent. Non-ASCII letters
/// are written as themselves (Swedish text stays readable), so do not embed the output in HTML unescaped.
/// </remarks>
public static class EsfJson
{
    private static readonly JsonWriterOptions IndentedWriter = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions CompactWriter = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Serializes one result as a JSON object <c>{ "source", "project", "diagnostics" }</c>.</summary>
    /// <param name="result">The parse result.</param>
    /// <param name="source">The input's name (a path as given, or <c>-</c> for standard input); <see langword="null"/> is written as <c>null</c>.</param>
    /// <param name="indented">Whether to indent; <see langword="false"/> gives one line, as JSON Lines needs.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is <see langword="null"/>.</exception>
    public static string Serialize(ProjectParseResult result, string? source = null, bool indented = true)
    {
        using var buffer = new MemoryStream();
        using (var writer = CreateWriter(buffer, indented))
        {
            Write(writer, result, source);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <summary>Creates a writer with the options this library's JSON uses (relaxed escaping, optional indentation).</summary>
    /// <param name="utf8Output">Where the UTF-8 JSON goes; not closed by the writer.</param>
    /// <param name="indented">Whether to indent.</param>
    /// <returns>A new writer; dispose or flush it to push the output.</returns>
    public static Utf8JsonWriter CreateWriter(Stream utf8Output, bool indented = true) =>
        new(utf8Output, indented ? IndentedWriter : CompactWriter);

    /// <summary>Writes one result as a JSON object at the writer's current position (for example as an array element).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="result">The parse result.</param>
    /// <param name="source">The input's name, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> or <paramref name="result"/> is <see langword="null"/>.</exception>
    public static void Write(Utf8JsonWriter writer, ProjectParseResult result, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        JsonSerializer.Serialize(writer, ToDocument(result, source), EsfJsonContext.Default.PageDocument);
    }

    /// <summary>Reads JSON written by <see cref="Serialize"/> (or one line of <c>esf parse --format jsonl</c>) back into a result.</summary>
    /// <param name="json">One page object.</param>
    /// <returns>The result and the <c>source</c> the JSON names (file path), if any.</returns>
    /// <remarks>
    /// Everything in the JSON contract comes back: serialising the returned result gives the same JSON. What the
    /// contract does not carry does not: results of section and header field handlers (<see cref="Section.Data"/>
    /// is empty). The phone number and e-mail address are re-parsed from their written form.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="JsonException">The text is not a page object of this contract.</exception>
    public static (ProjectParseResult Result, string? Source) Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var document = JsonSerializer.Deserialize(json, EsfJsonContext.Default.PageDocument) ?? throw new JsonException("The JSON is null, not a page object.");
        return (FromDocument(document), document.Source);
    }

    private static ProjectParseResult FromDocument(PageDocument document)
    {
        var d = document.Project ?? throw new JsonException("The page object has no 'project'.");
        var fields = (d.Fields ?? []).Select(f => new HeaderField(f.Label, ParseEnum<HeaderFieldKind>(f.Kind), f.Value, new SourcePosition(f.Line, f.Column), new SourcePosition(f.ValueLine, f.ValueColumn))).ToImmutableArray();
        var extras = (d.ExtraFields ?? []).Select(e =>
            fields.FirstOrDefault(f => f.Label == e.Label && f.LabelPosition == new SourcePosition(e.Line, e.Column))
            ?? new HeaderField(e.Label, HeaderFieldKind.Unknown, e.Value, new SourcePosition(e.Line, e.Column), new SourcePosition(e.Line, e.Column))).ToImmutableArray();
        var contact = d.Contact is { } c && (c.Name ?? c.Email ?? c.Phone) is not null
            ? new Contact(c.Name, c.Email, c.Phone)
            {
                PhoneNumber = c.PhoneE164 is not null && c.Phone is not null && SwedishPhoneNumber.TryParse(c.Phone, out var phone) ? phone : null,
                EmailAddress = c.EmailDomain is not null && c.Email is not null && EmailAddress.TryParse(c.Email, out var email) ? email : null,
            }
            : Contact.None;
        var project = new EsfProject
        {
            Title = d.Title,
            Notice = d.Notice,
            TitlePosition = d.TitlePosition is { } tp ? new SourcePosition(tp.Line, tp.Column) : null,
            ProjectNumber = d.ProjectNumber,
            CallNumber = d.CallNumber,
            ProgramArea = d.ProgramArea is { } a ? new ProgramArea(a.Code, a.Number, a.Name) : null,
            Phase = d.Phase is { } phaseText ? new ProjectPhase(phaseText, d.PhaseKind is { } k ? ParseEnum<ProjectPhaseKind>(k) : ProjectPhaseKind.Other) : null,
            Owner = d.Owner,
            Contact = contact,
            GrantedEsfSupport = d.GrantedEsfSupport is { } g ? new Money(g.Amount, g.Currency) : null,
            TotalBudget = d.TotalBudget is { } t ? new Money(t.Amount, t.Currency) : null,
            Period = d.Period is { } period ? new NodaTime.DateInterval(ParseDate(period.Start), ParseDate(period.End)) : null,
            Region = d.Region,
            PlannedParticipants = d.PlannedParticipants,
            SpecificObjective = d.SpecificObjective,
            EuCofinancingRate = d.EuCofinancingRate,
            Sections = [.. (d.Sections ?? []).Select(FromSection)],
            CoFinanciers = [.. d.CoFinanciers ?? []],
            Partners = [.. d.Partners ?? []],
            Municipalities = [.. d.Municipalities ?? []],
            Fields = fields,
            ExtraFields = extras,
            UnplacedText = [.. d.UnplacedText ?? []],
            MunicipalityCodes = [.. d.MunicipalityCodes ?? []],
            ResolvedMunicipalities = [.. (d.ResolvedMunicipalities ?? []).Select(m => Geography.SwedishMunicipalities.FindByCode(m.Code) ?? throw new JsonException($"'{m.Code}' is not a municipality code."))],
            EsfRegion = d.EsfRegion is { } region ? ParseEnum<Geography.EsfRegion>(region) : null,
            Programme = d.Programme is { } programme ? new ProgrammeInfo(ParsePeriod(programme.Period), ParseEnum<InferenceConfidence>(programme.Confidence), programme.Basis, programme.AreaName) : null,
            Figures = d.Figures is { } f ? new DerivedFigures(f.EsfSharePercent, f.StatedCofinancingRate, f.DurationDays, f.DurationMonths, f.SupportPerPlannedParticipant) : new DerivedFigures(null, null, null, null, null),
        };
        var diagnostics = (document.Diagnostics ?? []).Select(x => new Diagnostic(x.Code, ParseSeverity(x.Severity), x.Line, x.Column, x.Message)).ToImmutableArray();
        return new ProjectParseResult(project, diagnostics);
    }

    private static Section FromSection(SectionDocument s) =>
        new(s.Heading, new SourcePosition(s.Line, s.Column), [.. (s.Blocks ?? []).Select(FromBlock)], s.Text);

    private static Block FromBlock(BlockDocument b)
    {
        var position = new SourcePosition(b.Line, b.Column);
        return b.Kind switch
        {
            "paragraph" => new ParagraphBlock(position, b.Text ?? string.Empty),
            "list" => new ListBlock(position, [.. (b.Items ?? []).Select(i => new ListItem(new SourcePosition(i.Line, i.Column), ParseEnum<ListMarkerKind>(i.Marker), i.Text))]),
            "subHeading" => new SubHeadingBlock(position, b.Text ?? string.Empty),
            "label" => new LabelBlock(position, b.Text ?? string.Empty),
            "clarification" => new ClarificationBlock(position, ParseDate(b.Date ?? throw new JsonException("A clarification block has no 'date'.")), b.Text ?? string.Empty),
            "rule" => new RuleBlock(position),
            var other => throw new JsonException($"Unknown block kind '{other}'."),
        };
    }

    private static NodaTime.LocalDate ParseDate(string text) =>
        LocalDatePattern.Iso.Parse(text) is { Success: true } result ? result.Value : throw new JsonException($"'{text}' is not an ISO date (YYYY-MM-DD).");

    private static T ParseEnum<T>(string name)
        where T : struct, Enum =>
        Enum.TryParse<T>(name, ignoreCase: true, out var value) && !char.IsDigit(name[0]) ? value : throw new JsonException($"'{name}' is not a {typeof(T).Name}.");

    private static ProgrammePeriod ParsePeriod(string text) => text switch
    {
        "2007–2013" => ProgrammePeriod.Period2007To2013,
        "2014–2020" => ProgrammePeriod.Period2014To2020,
        "2021–2027" => ProgrammePeriod.Period2021To2027,
        _ => throw new JsonException($"'{text}' is not a programme period (2007–2013, 2014–2020, 2021–2027)."),
    };

    private static DiagnosticSeverity ParseSeverity(string text) => text switch
    {
        "error" => DiagnosticSeverity.Error,
        "warning" => DiagnosticSeverity.Warning,
        "info" => DiagnosticSeverity.Info,
        _ => throw new JsonException($"'{text}' is not a severity (error, warning, info)."),
    };

    internal static PageDocument ToDocument(ProjectParseResult result, string? source)
    {
        var p = result.Project;
        var project = new ProjectDocument(
            p.Title,
            p.Notice,
            p.ProjectNumber,
            p.CallNumber,
            p.ProgramArea is { } area ? new ProgramAreaDocument(area.Number, area.Code, area.Name) : null,
            p.Phase?.Text,
            p.Phase is { } phase ? PhaseKindName(phase.Kind) : null,
            p.Owner,
            new ContactDocument(p.Contact.Name, p.Contact.Email, p.Contact.Phone, p.Contact.PhoneNumber?.E164, p.Contact.PhoneNumber?.AreaCode, p.Contact.EmailAddress?.Domain),
            ToMoney(p.GrantedEsfSupport),
            ToMoney(p.TotalBudget),
            p.Period is { } period ? new PeriodDocument(LocalDatePattern.Iso.Format(period.Start), LocalDatePattern.Iso.Format(period.End)) : null,
            p.Region,
            p.PlannedParticipants,
            p.SpecificObjective,
            p.EuCofinancingRate,
            [.. p.Sections.Select(ToSection)],
            p.CoFinanciers,
            p.Partners,
            p.Municipalities,
            [.. p.ExtraFields.Select(f => new ExtraFieldDocument(f.Label, f.Value, f.LabelPosition.Line, f.LabelPosition.Column))],
            [.. p.Fields.Select(f => new FieldDocument(f.Label, KindName(f.Kind), f.Value, f.LabelPosition.Line, f.LabelPosition.Column, f.ValuePosition.Line, f.ValuePosition.Column))],
            p.UnplacedText,
            p.TitlePosition is { } tp ? new PositionDocument(tp.Line, tp.Column) : null,
            p.MunicipalityCodes,
            [.. p.ResolvedMunicipalities.Select(m => new MunicipalityDocument(m.Code, m.Name, m.County.Code, m.County.Name, CamelCase(m.Region.ToString())))],
            p.EsfRegion is { } region ? CamelCase(region.ToString()) : null,
            p.Programme is { } programme ? new ProgrammeDocument(programme.PeriodText, CamelCase(programme.Confidence.ToString()), programme.Basis, programme.AreaName) : null,
            new FiguresDocument(p.Figures.EsfSharePercent, p.Figures.StatedCofinancingRate, p.Figures.DurationDays, p.Figures.DurationMonths, p.Figures.SupportPerPlannedParticipant));
        return new PageDocument(
            source,
            project,
            [.. result.Diagnostics.Select(d => new DiagnosticDocument(Diagnostic.SeverityText(d.Severity), d.Code, d.Line, d.Column, d.Message))]);
    }

    private static MoneyDocument? ToMoney(Money? money) => money is { } m ? new MoneyDocument(m.Amount, m.Currency) : null;

    private static SectionDocument ToSection(Section section) =>
        new(section.Heading, section.Position.Line, section.Position.Column, section.Text, [.. section.Blocks.Select(ToBlock)]);

    private static BlockDocument ToBlock(Block block) => block switch
    {
        ParagraphBlock p => new BlockDocument("paragraph", p.Position.Line, p.Position.Column, p.Text, null, null),
        ListBlock l => new BlockDocument("list", l.Position.Line, l.Position.Column, null, null,
            [.. l.Items.Select(i => new ListItemDocument(MarkerName(i.Marker), i.Text, i.Position.Line, i.Position.Column))]),
        SubHeadingBlock s => new BlockDocument("subHeading", s.Position.Line, s.Position.Column, s.Text, null, null),
        LabelBlock b => new BlockDocument("label", b.Position.Line, b.Position.Column, b.Text, null, null),
        ClarificationBlock c => new BlockDocument("clarification", c.Position.Line, c.Position.Column, c.Text, LocalDatePattern.Iso.Format(c.Date), null),
        _ => new BlockDocument("rule", block.Position.Line, block.Position.Column, null, null, null),
    };

    private static string CamelCase(string name) => string.Create(name.Length, name, static (span, n) =>
    {
        n.AsSpan().CopyTo(span);
        span[0] = char.ToLowerInvariant(span[0]);
    });

    private static string KindName(HeaderFieldKind kind) => CamelCase(kind.ToString());

    private static string PhaseKindName(ProjectPhaseKind kind) => CamelCase(kind.ToString());

    private static string MarkerName(ListMarkerKind kind) => CamelCase(kind.ToString());
}
