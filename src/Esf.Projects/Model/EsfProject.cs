using System.Collections.Immutable;
using Esf.Projects.Fields;
using Esf.Projects.Handlers;
using NodaTime;

namespace Esf.Projects;

/// <summary>
/// A parsed ESF project page: every fact on it, typed, in page order. Immutable and thread-safe; built by the
/// parser (or read back by <see cref="Json.EsfJson"/>), never half-made.
/// </summary>
/// <remarks>
/// <para>Absent values are <see langword="null"/> and absent lists are empty, never <c>default</c>. The raw header
/// rows, with positions, are in <see cref="Fields"/>: every typed property is read from them, so a value that could
/// not be parsed (and is <see langword="null"/> here) is still there as written.</para>
/// <para>Equality is by content: two parses of the same text are equal, and so is a project read back from its
/// JSON. It covers everything the JSON carries and nothing else: the values of your typed fields
/// (<see cref="HeaderFieldDefinition{T}"/>) are compared, with their own <c>Equals</c>; the results of other
/// section and header field handlers (<see cref="Section.Data"/>, <see cref="HeaderField.Data"/>) are not.</para>
/// </remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(Json.EsfJson.ProjectConverter))]
public sealed class EsfProject : IEquatable<EsfProject>
{
    private readonly object?[] _values;
    private readonly ImmutableArray<KeyValuePair<HeaderFieldHandler, object>> _custom;

    internal EsfProject(ProjectParts parts)
    {
        Layout = parts.Layout;
        LayoutName = parts.LayoutName;
        Notice = parts.Notice;
        Title = parts.Title;
        TitlePosition = parts.TitlePosition;
        ProjectNumber = parts.ProjectNumber;
        ProjectNumbers = parts.ProjectNumbers;
        Contact = parts.Contact;
        Period = parts.Period;
        InterventionType = parts.InterventionType;
        Fields = parts.Fields;
        ExtraFields = parts.ExtraFields;
        Sections = parts.Sections;
        CoFinanciers = parts.CoFinanciers;
        Partners = parts.Partners;
        Municipalities = parts.Municipalities;
        MunicipalityCodes = parts.MunicipalityCodes;
        ResolvedMunicipalities = parts.ResolvedMunicipalities;
        EsfRegion = parts.EsfRegion;
        Programme = parts.Programme;
        Figures = parts.Figures;
        UnplacedText = parts.UnplacedText;
        _values = parts.Values;
        _custom = parts.CustomValues;
    }

    /// <summary>A project with nothing on it, as an empty page gives.</summary>
    internal static EsfProject Empty { get; } = new(new ProjectParts());

    /// <summary>Which of the project bank's page layouts the page has (recognised from the page itself); <see cref="PageLayout.Other"/> for a layout of yours.</summary>
    public PageLayout Layout { get; }

    /// <summary>The name of the layout that read the page (<see cref="Layouts.PageLayoutReader.Name"/>): <see cref="Layout"/> in camelCase for the built-in ones (<c>projectBank2014To2020</c>, <c>unknown</c>), a layout's own name for yours. The JSON's <c>layout</c>.</summary>
    public string LayoutName { get; }

    /// <summary>The site banner(s) before the title (maintenance notices, covid-19 information, cookie notices), paragraphs separated by a blank line; not part of the project.</summary>
    public string? Notice { get; }

    /// <summary>The project title: the title line without its project number, or else the <c>Namn</c> field.</summary>
    public string? Title { get; }

    /// <summary>Where the title starts (after a leading project number).</summary>
    public SourcePosition? TitlePosition { get; }

    /// <summary>The project number: <c>Projektnummer</c>, else <c>Diarienummer</c>, else the number leading the title (<c>2019/00871</c>, <c>23-112-S05</c>).</summary>
    public string? ProjectNumber { get; }

    /// <summary>Every distinct project number the page gives (title line, <c>Diarienummer</c>, <c>Projektnummer</c>), in page order; ESF0216 when there is more than one.</summary>
    public ImmutableArray<string> ProjectNumbers { get; }

    /// <summary>The call for proposals (<c>Utlysning</c>) as written.</summary>
    public string? CallNumber => EsfHeaderFields.CallNumber.TryGetValue(this, out var value) ? value : null;

    /// <summary>The programme area (<c>Programområde</c>) as written: code and name (<c>2 Ökat arbetskraftsutbud</c>, <c>B</c>).</summary>
    public ProgramArea? ProgramArea => EsfHeaderFields.ProgramArea.TryGetValue(this, out var value) ? value : null;

    /// <summary>The project phase (<c>Projektfas</c>).</summary>
    public ProjectPhase? Phase => EsfHeaderFields.Phase.TryGetValue(this, out var value) ? value : null;

    /// <summary>The project owner (<c>Projektägare</c>) as written, repeated units and all.</summary>
    public string? Owner => EsfHeaderFields.Owner.TryGetValue(this, out var value) ? value : null;

    /// <summary>The owner's organisation number (<c>Projektägare organisationsnummer</c>, <c>Projektägare org.nr.</c>), check digit verified (ESF0219 otherwise).</summary>
    public SwedishOrganisationNumber? OrganisationNumber => EsfHeaderFields.OrganisationNumber.TryGetValue(this, out var value) ? value : null;

    /// <summary>The contact person; never <see langword="null"/>, its parts may be.</summary>
    public Contact Contact { get; }

    /// <summary>The granted ESF support (<c>Beviljat ESF-stöd</c>), exact to the öre.</summary>
    public Money? GrantedEsfSupport => EsfHeaderFields.GrantedEsfSupport.TryGetValue(this, out var value) ? value : null;

    /// <summary>The total project budget (<c>Total projektbudget</c>), exact to the öre.</summary>
    public Money? TotalBudget => EsfHeaderFields.TotalBudget.TryGetValue(this, out var value) ? value : null;

    /// <summary>The total costs (<c>Total Kostnader</c>) some 2014–2020 pages give beside the budget.</summary>
    public Money? TotalCosts => EsfHeaderFields.TotalCosts.TryGetValue(this, out var value) ? value : null;

    /// <summary>The project period (<c>Projektperiod</c>, or <c>Startdatum</c> with <c>Slutdatum</c>); the end date is inclusive, as "till" means.</summary>
    public DateInterval? Period { get; }

    /// <summary>The ESF region as written (<c>Sydsverige</c>, <c>ESF Nationellt</c>); <see cref="EsfRegion"/> is its meaning.</summary>
    public string? Region => EsfHeaderFields.Region.TryGetValue(this, out var value) ? value : null;

    /// <summary>The planned number of participants (<c>Planerat antal deltagare</c>, <c>Antal deltagare</c>).</summary>
    public int? PlannedParticipants => EsfHeaderFields.PlannedParticipants.TryGetValue(this, out var value) ? value : null;

    /// <summary>The specific objective (<c>Specifikt mål</c>) as written: <c>2.1</c>, <c>B1A</c>.</summary>
    public string? SpecificObjective => EsfHeaderFields.SpecificObjective.TryGetValue(this, out var value) ? value : null;

    /// <summary>The EU co-financing rate in percent (<c>Unionens medfinansieringsgrad</c>: 50 for <c>50%</c>).</summary>
    public decimal? EuCofinancingRate => EsfHeaderFields.EuCofinancingRate.TryGetValue(this, out var value) ? value : null;

    /// <summary>The fund (<c>Berörd fond</c>, <c>Fond</c>): ESF, ESF+ or FEAD.</summary>
    public EsfFund? Fund => EsfHeaderFields.Fund.TryGetValue(this, out var value) ? value : null;

    /// <summary>The programme's CCI code as written (<c>Program CCI</c>: <c>2021SE05SFPR</c>); <see cref="Programme"/> names the programme when the code is in the reference data.</summary>
    public string? ProgrammeCci => EsfHeaderFields.ProgrammeCci.TryGetValue(this, out var value) ? value : null;

    /// <summary>The country concerned (<c>Land som berörs</c>) as written.</summary>
    public string? Country => EsfHeaderFields.Country.TryGetValue(this, out var value) ? value : null;

    /// <summary>The NUTS-2 area (<c>NUTS-2 kod</c>: <c>SE33</c>) with its name and ESF region; ESF0217 when it disagrees with <see cref="EsfRegion"/>.</summary>
    public Nuts2Region? Nuts2 => EsfHeaderFields.Nuts2.TryGetValue(this, out var value) ? value : null;

    /// <summary>The intervention type (<c>Interventionstyp</c>): its code, and its name where the reference data has one for the project's programme period.</summary>
    public InterventionType? InterventionType { get; }

    /// <summary>Whether the project has the secondary theme of fighting child poverty (<c>Sekundärtema - Motverka barnfattigdom</c>: <c>Ja</c>/<c>Nej</c>).</summary>
    public bool? ChildPovertyTheme => EsfHeaderFields.ChildPovertyTheme.TryGetValue(this, out var value) ? value : null;

    /// <summary>Whether the project is of strategic importance (<c>Insats av strategisk betydelse</c>: <c>Ja</c>/<c>Nej</c>).</summary>
    public bool? StrategicImportance => EsfHeaderFields.StrategicImportance.TryGetValue(this, out var value) ? value : null;

    /// <summary>The beneficiary's postal code (<c>Stödmottagare postnr</c>) as written.</summary>
    public string? BeneficiaryPostalCode => EsfHeaderFields.BeneficiaryPostalCode.TryGetValue(this, out var value) ? value : null;

    /// <summary>The beneficiary's town (<c>Stödmottagare ort</c>) as written.</summary>
    public string? BeneficiaryTown => EsfHeaderFields.BeneficiaryTown.TryGetValue(this, out var value) ? value : null;

    /// <summary>The beneficiary's address (<c>Stödmottagarens address</c>) as written; the pages seen leave it empty.</summary>
    public string? BeneficiaryAddress => EsfHeaderFields.BeneficiaryAddress.TryGetValue(this, out var value) ? value : null;

    /// <summary>The evaluation reports (<c>Utvärderingsrapporter</c>) as written; the pages seen leave it empty.</summary>
    public string? EvaluationReports => EsfHeaderFields.EvaluationReports.TryGetValue(this, out var value) ? value : null;

    /// <summary>Every header row in page order, known and unknown, with label, raw value and positions.</summary>
    public ImmutableArray<HeaderField> Fields { get; }

    /// <summary>Header rows with unknown labels, and second occurrences of known ones: nothing on the page is dropped.</summary>
    public ImmutableArray<HeaderField> ExtraFields { get; }

    /// <summary>The body's sections in page order, including the list sections; text before the first heading is a section with a <see langword="null"/> heading.</summary>
    public ImmutableArray<Section> Sections { get; }

    /// <summary>The co-financiers (<c>Medfinansiärer</c>): the items of that section's list, one per item.</summary>
    public ImmutableArray<string> CoFinanciers { get; }

    /// <summary>The partners (<c>Samarbetspartners</c>): the items of that section's list.</summary>
    public ImmutableArray<string> Partners { get; }

    /// <summary>The municipalities (<c>Kommun</c>), names as written: the items of that section's list.</summary>
    public ImmutableArray<string> Municipalities { get; }

    /// <summary>The SCB code of each name in <see cref="Municipalities"/>, in the same order; <see langword="null"/> where the name matched no municipality (ESF0212 suggests the closest).</summary>
    public ImmutableArray<string?> MunicipalityCodes { get; }

    /// <summary>The municipalities that <see cref="Municipalities"/> matched, with county and ESF region, in page order (see <see cref="ReferenceData.SwedishMunicipalities"/> for how names are matched).</summary>
    public ImmutableArray<Municipality> ResolvedMunicipalities { get; }

    /// <summary><see cref="Region"/> read as one of the eight ESF regions or national; <see langword="null"/> when absent or not recognised (ESF0213).</summary>
    public EsfRegion? EsfRegion { get; }

    /// <summary>The programme period, area and objective, inferred; <see langword="null"/> when nothing on the page indicates it.</summary>
    public ProgrammeInfo? Programme { get; }

    /// <summary>Figures derived from the page's values: ESF share, duration, support per planned participant.</summary>
    public DerivedFigures Figures { get; }

    /// <summary>Lines in the header area that were neither label nor value (each also reported as <c>ESF0105</c>).</summary>
    public ImmutableArray<string> UnplacedText { get; }

    /// <summary>The value a built-in field definition read, by its slot.</summary>
    internal object? Value(int slot) => _values[slot];

    /// <summary>The values of the typed fields that are not built in (a <see cref="HeaderFieldDefinition{T}"/> added to the builder), in page order, each field once.</summary>
    internal IEnumerable<KeyValuePair<HeaderFieldHandler, object>> UserFieldValues => _custom.Where(p => p.Key.IsTypedField);

    /// <summary>The first value a field definition that is not built in read.</summary>
    internal object? CustomValue(HeaderFieldHandler handler)
    {
        foreach (var pair in _custom)
        {
            if (ReferenceEquals(pair.Key, handler))
            {
                return pair.Value;
            }
        }

        return null;
    }

    /// <summary>The first section handler result of type <typeparamref name="T"/> in page order: <c>project.GetSectionData&lt;Targets&gt;()</c>.</summary>
    /// <typeparam name="T">The result type a handler produces.</typeparam>
    /// <returns>The result, or <see langword="null"/> when no section has one.</returns>
    public T? GetSectionData<T>()
        where T : class
    {
        foreach (var section in Sections)
        {
            if (section.GetData<T>() is { } data)
            {
                return data;
            }
        }

        return null;
    }

    /// <summary>Every section handler result of type <typeparamref name="T"/>, in page order.</summary>
    /// <typeparam name="T">The result type a handler produces.</typeparam>
    /// <returns>The results; empty when there are none.</returns>
    public IEnumerable<T> GetAllSectionData<T>()
        where T : class => Sections.SelectMany(s => s.Data.OfType<T>());

    /// <summary>The first header field handler result of type <typeparamref name="T"/>, in row order.</summary>
    /// <typeparam name="T">The result type a handler produces.</typeparam>
    /// <returns>The result, or <see langword="null"/>.</returns>
    public T? GetFieldData<T>()
        where T : class
    {
        foreach (var field in Fields)
        {
            if (field.GetData<T>() is { } data)
            {
                return data;
            }
        }

        return null;
    }

    /// <summary>Finds the first section with the given heading, ignoring case.</summary>
    /// <param name="heading">A heading such as <c>Sammanfattning</c>.</param>
    /// <returns>The section, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="heading"/> is <see langword="null"/>.</exception>
    public Section? FindSection(string heading)
    {
        ArgumentNullException.ThrowIfNull(heading);
        foreach (var section in Sections)
        {
            if (string.Equals(section.Heading, heading, StringComparison.OrdinalIgnoreCase))
            {
                return section;
            }
        }

        return null;
    }

    /// <summary>Whether the two projects hold the same facts (see the remarks on <see cref="EsfProject"/>).</summary>
    /// <param name="other">The other project.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(EsfProject? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        return other is not null
            && Layout == other.Layout
            && LayoutName == other.LayoutName
            && Notice == other.Notice
            && Title == other.Title
            && TitlePosition == other.TitlePosition
            && ProjectNumber == other.ProjectNumber
            && ProjectNumbers.SequenceEqual(other.ProjectNumbers)
            && Contact == other.Contact
            && Nullable.Equals(Period, other.Period)
            && InterventionType == other.InterventionType
            && _values.AsSpan().SequenceEqual(other._values, ValueComparer.Instance)
            && SameUserFields(other)
            && Fields.SequenceEqual(other.Fields)
            && ExtraFields.SequenceEqual(other.ExtraFields)
            && Sections.SequenceEqual(other.Sections)
            && CoFinanciers.SequenceEqual(other.CoFinanciers)
            && Partners.SequenceEqual(other.Partners)
            && Municipalities.SequenceEqual(other.Municipalities)
            && MunicipalityCodes.SequenceEqual(other.MunicipalityCodes)
            && ResolvedMunicipalities.SequenceEqual(other.ResolvedMunicipalities)
            && EsfRegion == other.EsfRegion
            && Programme == other.Programme
            && Figures == other.Figures
            && UnplacedText.SequenceEqual(other.UnplacedText);
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as EsfProject);

    /// <summary>Whether both projects have the same typed values of user fields, matched by key (a project read back from JSON holds them under equal definitions, not necessarily the same objects).</summary>
    private bool SameUserFields(EsfProject other)
    {
        var count = 0;
        foreach (var (field, value) in UserFieldValues)
        {
            count++;
            var found = false;
            foreach (var (otherField, otherValue) in other.UserFieldValues)
            {
                if (otherField.Key == field.Key)
                {
                    found = Equals(value, otherValue);
                    break;
                }
            }

            if (!found)
            {
                return false;
            }
        }

        return count == other.UserFieldValues.Count();
    }

    /// <summary>Whether two projects hold the same facts, as <see cref="Equals(EsfProject?)"/> says (not whether they are one object); two <see langword="null"/> are equal.</summary>
    /// <param name="left">A project.</param>
    /// <param name="right">Another.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(EsfProject? left, EsfProject? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Whether two projects differ in some fact, as <see cref="Equals(EsfProject?)"/> says.</summary>
    /// <param name="left">A project.</param>
    /// <param name="right">Another.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(EsfProject? left, EsfProject? right) => !(left == right);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Title, ProjectNumber, Owner, Sections.Length, Fields.Length);

    /// <summary>
    /// The project in one line, the parts the page gives: number and title, owner, period and granted support —
    /// <c>Brytpunkt (Kävlinge Lärcentrum, 2012-02-01–2014-09-30, 3 493 248 kr)</c>.
    /// </summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var name = ProjectNumber is null ? Title ?? "(untitled)" : ProjectNumber + " " + (Title ?? "(untitled)");
        var period = Period is { } p ? NodaTime.Text.LocalDatePattern.Iso.Format(p.Start) + "–" + NodaTime.Text.LocalDatePattern.Iso.Format(p.End) : null;
        var parts = new[] { Owner, period, GrantedEsfSupport?.ToString() }.Where(part => part is not null).ToArray();
        return parts.Length == 0 ? name : name + " (" + string.Join(", ", parts) + ")";
    }

    /// <summary>Boxed values compare with their own Equals (records and structs compare by value).</summary>
    private sealed class ValueComparer : IEqualityComparer<object?>
    {
        public static readonly ValueComparer Instance = new();

        public new bool Equals(object? x, object? y) => object.Equals(x, y);

        public int GetHashCode(object? obj) => obj?.GetHashCode() ?? 0;
    }
}

/// <summary>Everything an <see cref="EsfProject"/> is made of, gathered during one parse (or one JSON read) and handed to the constructor once.</summary>
internal sealed class ProjectParts
{
    public PageLayout Layout { get; set; }

    public string LayoutName { get; set; } = "unknown";

    public string? Notice { get; set; }

    public string? Title { get; set; }

    public SourcePosition? TitlePosition { get; set; }

    public string? ProjectNumber { get; set; }

    public ImmutableArray<string> ProjectNumbers { get; set; } = [];

    public Contact Contact { get; set; } = Contact.None;

    public DateInterval? Period { get; set; }

    public InterventionType? InterventionType { get; set; }

    public ImmutableArray<HeaderField> Fields { get; set; } = [];

    public ImmutableArray<HeaderField> ExtraFields { get; set; } = [];

    public ImmutableArray<Section> Sections { get; set; } = [];

    public ImmutableArray<string> CoFinanciers { get; set; } = [];

    public ImmutableArray<string> Partners { get; set; } = [];

    public ImmutableArray<string> Municipalities { get; set; } = [];

    public ImmutableArray<string?> MunicipalityCodes { get; set; } = [];

    public ImmutableArray<Municipality> ResolvedMunicipalities { get; set; } = [];

    public EsfRegion? EsfRegion { get; set; }

    public ProgrammeInfo? Programme { get; set; }

    public DerivedFigures Figures { get; set; } = DerivedFigures.None;

    public ImmutableArray<string> UnplacedText { get; set; } = [];

    /// <summary>The built-in field definitions' values, by slot (<see cref="EsfHeaderFields.All"/>).</summary>
    public object?[] Values { get; set; } = new object?[EsfHeaderFields.All.Length];

    public ImmutableArray<KeyValuePair<HeaderFieldHandler, object>> CustomValues { get; set; } = [];
}
