using System.Collections.Immutable;

namespace Esf.Projects;

/// <summary>The project bank's page layouts, recognised from the page itself; see <c>docs/layouts.md</c>.</summary>
public enum PageLayout
{
    /// <summary>No known layout fits: the page was read as well as possible (ESF0010).</summary>
    Unknown = 0,

    /// <summary>The 2007–2013 print export: glued label rows (<c>RegionSydsverige</c>), print chrome, <c>In English</c>.</summary>
    PrintExport2007To2013,

    /// <summary>2014–2020 project pages: a <c>YYYY/NNNNN - Name</c> title, then <c>Label:</c> lines each followed by its value.</summary>
    ProjectBank2014To2020,

    /// <summary>ESF+ 2021–2027 project pages: a <c>NN-NNN-SNN - Name</c> title, <c>Label:</c> lines, start and end dates, fund and programme CCI.</summary>
    EsfPlus2021To2027,

    /// <summary>A layout of yours (<see cref="Layouts.PageLayoutReader"/> in <see cref="ProjectParserBuilder.Layouts"/>): <see cref="EsfProject.LayoutName"/> names it.</summary>
    Other,
}

/// <summary>The fund a project is financed from.</summary>
public enum EsfFund
{
    /// <summary>The European Social Fund (<c>ESF</c>), 2007–2020.</summary>
    Esf,

    /// <summary>The European Social Fund Plus (<c>ESF+</c>), 2021–2027.</summary>
    EsfPlus,

    /// <summary>The Fund for European Aid to the Most Deprived (<c>FEAD</c>), 2014–2020.</summary>
    Fead,
}

/// <summary>An ESF programme area as the page writes it: <c>Programområde 2 Ökat arbetskraftsutbud</c>, <c>2</c>, <c>B</c>.</summary>
/// <param name="Code">The code as written (<c>2</c>, <c>1.1</c>, <c>B</c>); <see langword="null"/> when the page gives only a name.</param>
/// <param name="Number">The integer the code starts with (<c>1</c> for <c>1.1</c>); <see langword="null"/> for letter codes or no code.</param>
/// <param name="Name">The area's name as written; <see langword="null"/> when the page writes only the code (<c>1</c>, <c>A</c>, as the newer layouts do). <see cref="ProgrammeInfo.AreaName"/> has the name from the reference data.</param>
public sealed record ProgramArea(string? Code, int? Number, string? Name)
{
    /// <summary>The code as written (<c>2</c>, <c>1.1</c>, <c>B</c>); <see langword="null"/> when the page gives only a name.</summary>
    public string? Code { get; } = Code;

    /// <summary>The integer the code starts with (<c>1</c> for <c>1.1</c>); <see langword="null"/> for letter codes or no code.</summary>
    public int? Number { get; } = Number;

    /// <summary>The area's name as written; <see langword="null"/> when the page writes only the code (<c>1</c>, <c>A</c>, as the newer layouts do). <see cref="ProgrammeInfo.AreaName"/> has the name from the reference data.</summary>
    public string? Name { get; } = Name;

    /// <summary>The area as pages write it: <c>2 Ökat arbetskraftsutbud</c>, the code alone, or the name alone.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Code is null ? Name ?? string.Empty : Name is null ? Code : Code + " " + Name;
}

/// <summary>The phases pages name; anything else is <see cref="Other"/> and kept verbatim in <see cref="ProjectPhase.Text"/>.</summary>
public enum ProjectPhaseKind
{
    /// <summary>A phase not listed here.</summary>
    Other = 0,

    /// <summary><c>Förprojektering</c>: a planning project that prepares an application.</summary>
    PreProject,

    /// <summary><c>Genomförande</c>: implementation.</summary>
    Implementation,
}

/// <summary>The project phase as written, with its known kind.</summary>
/// <param name="Text">The phase as written, such as <c>Genomförande</c>.</param>
/// <param name="Kind">The recognised phase (<see cref="Vocabulary.Phases"/>), or <see cref="ProjectPhaseKind.Other"/>.</param>
public sealed record ProjectPhase(string Text, ProjectPhaseKind Kind)
{
    /// <summary>The phase as written, such as <c>Genomförande</c>.</summary>
    public string Text { get; } = Text;

    /// <summary>The recognised phase (<see cref="Vocabulary.Phases"/>), or <see cref="ProjectPhaseKind.Other"/>.</summary>
    public ProjectPhaseKind Kind { get; } = Kind;

    /// <summary>The phase as written.</summary>
    /// <returns><see cref="Text"/>.</returns>
    public override string ToString() => Text;
}

/// <summary>The contact person. Every part is as written on the page, or <see langword="null"/> when absent; the
/// normalised phone number and e-mail address are read from those parts, so they cannot disagree with them.</summary>
public sealed record Contact
{
    /// <summary>A contact from its parts as written; <see cref="PhoneNumber"/> and <see cref="EmailAddress"/> are read from <paramref name="phone"/> and <paramref name="email"/>.</summary>
    /// <param name="name">The person's name.</param>
    /// <param name="email">The e-mail address as written.</param>
    /// <param name="phone">The phone number as written (<c>046-739443</c>).</param>
    public Contact(string? name, string? email, string? phone)
        : this(
            name,
            email,
            phone,
            phone is not null && Fields.SwedishPhoneNumber.TryParse(phone, out var number) ? number : null,
            email is not null && Fields.EmailAddress.TryParse(email, out var address) ? address : null)
    {
    }

    /// <summary>A contact whose phone number and address its reader has already parsed (the parser, the JSON reader), so they are not parsed twice.</summary>
    internal Contact(string? name, string? email, string? phone, Fields.SwedishPhoneNumber? phoneNumber, Fields.EmailAddress? emailAddress)
    {
        Name = name;
        Email = email;
        Phone = phone;
        PhoneNumber = phoneNumber;
        EmailAddress = emailAddress;
    }

    /// <summary>The person's name.</summary>
    public string? Name { get; }

    /// <summary>The e-mail address as written.</summary>
    public string? Email { get; }

    /// <summary>The phone number as written (<c>046-739443</c>).</summary>
    public string? Phone { get; }

    /// <summary>The phone number normalised (E.164, area code), or <see langword="null"/> when <see cref="Phone"/> is absent or not a Swedish number (ESF0211).</summary>
    public Fields.SwedishPhoneNumber? PhoneNumber { get; }

    /// <summary>The e-mail address checked and with its domain lower-cased, or <see langword="null"/> when <see cref="Email"/> is absent or malformed (ESF0210).</summary>
    public Fields.EmailAddress? EmailAddress { get; }

    /// <summary>A contact with no information.</summary>
    public static Contact None { get; } = new(null, null, null);

    /// <summary>The parts the page gives, as written, separated by commas: <c>Roger Alfh, roger.alfh@kavlinge.se, 046-739443</c>.</summary>
    /// <returns>The text; empty for <see cref="None"/>.</returns>
    public override string ToString() => string.Join(", ", new[] { Name, Email, Phone }.Where(part => part is not null));
}

/// <summary>A NUTS-2 area of Sweden (<em>riksområde</em>) and the ESF region that covers it, from <c>data/nuts2-sweden.tsv</c>.</summary>
/// <param name="Code">The NUTS code, such as <c>SE33</c>.</param>
/// <param name="Name">The NUTS name as SCB spells it, such as <c>Övre Norrland</c> or <c>Småland med öarna</c>.</param>
/// <param name="EsfRegion">The ESF region whose counties the area covers.</param>
public sealed record Nuts2Region(string Code, string Name, EsfRegion EsfRegion)
{
    /// <summary>The NUTS code, such as <c>SE33</c>.</summary>
    public string Code { get; } = Code;

    /// <summary>The NUTS name as SCB spells it, such as <c>Övre Norrland</c> or <c>Småland med öarna</c>.</summary>
    public string Name { get; } = Name;

    /// <summary>The ESF region whose counties the area covers.</summary>
    public EsfRegion EsfRegion { get; } = EsfRegion;

    /// <summary>The code and name: <c>SE33 Övre Norrland</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Code + " " + Name;
}

/// <summary>An intervention type (<em>interventionstyp</em>, the EU's intervention-field code) and, where the reference data has it, its name.</summary>
/// <param name="Code">The code as written, such as <c>102</c>.</param>
/// <param name="Name">The English name of the 2014–2020 intervention field (<c>data/esf-intervention-fields.tsv</c>); <see langword="null"/> for other periods, whose table is not in the reference data, and for unknown codes.</param>
public sealed record InterventionType(string Code, string? Name)
{
    /// <summary>The code as written, such as <c>102</c>.</summary>
    public string Code { get; } = Code;

    /// <summary>The English name of the 2014–2020 intervention field (<c>data/esf-intervention-fields.tsv</c>); <see langword="null"/> for other periods, whose table is not in the reference data, and for unknown codes.</summary>
    public string? Name { get; } = Name;

    /// <summary>The code, and the name where known: <c>102 Access to employment …</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Name is null ? Code : Code + " " + Name;
}

/// <summary>The eight regions ESF-rådet's regional offices covered, plus national projects.</summary>
public enum EsfRegion
{
    /// <summary>Övre Norrland: Norrbotten and Västerbotten.</summary>
    OvreNorrland,

    /// <summary>Mellersta Norrland: Jämtland and Västernorrland.</summary>
    MellerstaNorrland,

    /// <summary>Norra Mellansverige: Gävleborg, Dalarna and Värmland.</summary>
    NorraMellansverige,

    /// <summary>Stockholm: Stockholms län.</summary>
    Stockholm,

    /// <summary>Östra Mellansverige: Örebro, Östergötland, Södermanland, Västmanland and Uppsala.</summary>
    OstraMellansverige,

    /// <summary>Småland och Öarna: Jönköping, Kronoberg, Kalmar and Gotland.</summary>
    SmalandOchOarna,

    /// <summary>Västsverige: Västra Götaland and Halland.</summary>
    Vastsverige,

    /// <summary>Sydsverige: Skåne and Blekinge.</summary>
    Sydsverige,

    /// <summary>A national project (<c>Nationellt</c>, <c>ESF Nationellt</c>, <c>ESF-Nationellt</c>).</summary>
    National,
}

/// <summary>A Swedish county (län).</summary>
/// <param name="Code">The two-digit SCB county code (<c>12</c>).</param>
/// <param name="Name">The name, <c>Skåne län</c>.</param>
/// <param name="Region">The ESF region the county belongs to.</param>
public sealed record County(string Code, string Name, EsfRegion Region)
{
    /// <summary>The two-digit SCB county code (<c>12</c>).</summary>
    public string Code { get; } = Code;

    /// <summary>The name, <c>Skåne län</c>.</summary>
    public string Name { get; } = Name;

    /// <summary>The ESF region the county belongs to.</summary>
    public EsfRegion Region { get; } = Region;

    /// <summary>The name and code: <c>Skåne län (12)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Name + " (" + Code + ")";
}

/// <summary>A Swedish municipality (kommun) with its SCB code.</summary>
/// <param name="Code">The four-digit SCB municipality code (<c>1261</c>); its first two digits are the county code.</param>
/// <param name="Name">The official name, <c>Kävlinge</c>.</param>
/// <param name="County">The county.</param>
public sealed record Municipality(string Code, string Name, County County)
{
    /// <summary>The four-digit SCB municipality code (<c>1261</c>); its first two digits are the county code.</summary>
    public string Code { get; } = Code;

    /// <summary>The official name, <c>Kävlinge</c>.</summary>
    public string Name { get; } = Name;

    /// <summary>The county.</summary>
    public County County { get; } = County;

    /// <summary>The ESF region of the municipality's county.</summary>
    public EsfRegion Region => County.Region;

    /// <summary>The name and SCB code: <c>Kävlinge (1261)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Name + " (" + Code + ")";
}

/// <summary>Which of the page's three lists a list section is.</summary>
public enum ListSectionKind
{
    /// <summary><c>Medfinansiärer</c>: organisations co-financing the project (<see cref="EsfProject.CoFinanciers"/>).</summary>
    CoFinanciers,

    /// <summary><c>Samarbetspartners</c>: partner organisations (<see cref="EsfProject.Partners"/>).</summary>
    Partners,

    /// <summary><c>Kommun</c>: the municipalities the project covers (<see cref="EsfProject.Municipalities"/>).</summary>
    Municipalities,
}

/// <summary>The kinds of prose section the project bank's pages have.</summary>
public enum ProseSectionKind
{
    /// <summary><c>Sammanfattning</c> / Summary.</summary>
    Summary,

    /// <summary><c>Bakgrund</c> / Background.</summary>
    Background,

    /// <summary><c>Syfte</c> / Purpose.</summary>
    Purpose,

    /// <summary><c>Mål</c>, <c>Målsättning</c> / Objective.</summary>
    Objective,

    /// <summary><c>Målgrupp</c> / Target group.</summary>
    TargetGroup,

    /// <summary><c>Förväntade resultat</c> / Expected results.</summary>
    ExpectedResults,

    /// <summary><c>Tillgänglighet för personer med funktionsnedsättning</c>.</summary>
    Accessibility,

    /// <summary><c>Jämställdhetsintegrering</c>.</summary>
    GenderMainstreaming,

    /// <summary><c>Transnationellt samarbete</c>.</summary>
    TransnationalCooperation,

    /// <summary><c>Projektbeskrivning</c> / Project description.</summary>
    Description,
}

/// <summary>One labelled row of the page header, exactly as written, with positions.</summary>
/// <remarks>A value, so a header of tens of thousands of rows is one array and no object per row. Equality compares
/// everything but <see cref="Data"/> (handler results are not part of the JSON contract). <c>default</c> is an
/// empty row of kind <see cref="UnknownKind"/>.</remarks>
public readonly record struct HeaderField
{
    private readonly string? _label;
    private readonly string? _kind;

    /// <summary>Creates a row.</summary>
    /// <param name="label">The label as written on the page (without a trailing colon).</param>
    /// <param name="kind">The key of the field the label belongs to (<c>owner</c>, <c>period</c> …), or <c>unknown</c>.</param>
    /// <param name="value">The value as written, trimmed; <see langword="null"/> when empty or written as missing (<c>saknas</c>).</param>
    /// <param name="labelPosition">Where the label starts.</param>
    /// <param name="valuePosition">Where the value starts; equal to <paramref name="labelPosition"/> when the value is empty.</param>
    /// <param name="rawValue">The value exactly as written, <c>saknas</c> included; <see langword="null"/> only when empty. Defaults to <paramref name="value"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="label"/> or <paramref name="kind"/> is <see langword="null"/>.</exception>
    public HeaderField(string label, string kind, string? value, SourcePosition labelPosition, SourcePosition valuePosition, string? rawValue = null)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(kind);
        _label = label;
        _kind = kind;
        Value = value;
        LabelPosition = labelPosition;
        ValuePosition = valuePosition;
        RawValue = rawValue ?? value;
    }

    /// <summary>The key of rows whose label no field claims; such rows are also in <see cref="EsfProject.ExtraFields"/>.</summary>
    public const string UnknownKind = "unknown";

    /// <summary>The label as written on the page (without a trailing colon).</summary>
    public string Label => _label ?? string.Empty;

    /// <summary>The key of the field the label belongs to (<see cref="Handlers.HeaderFieldHandler.Key"/>: <c>owner</c>, <c>startDate</c> …), or <see cref="UnknownKind"/>.</summary>
    public string Kind => _kind ?? UnknownKind;

    /// <summary>The value as written, trimmed; <see langword="null"/> when empty or written as missing (<c>saknas</c>).</summary>
    public string? Value { get; }

    /// <summary>The value exactly as written, trimmed, the word for "missing" included: nothing the page says is lost. <see langword="null"/> only when the label has no value.</summary>
    public string? RawValue { get; }

    /// <summary>Where the label starts.</summary>
    public SourcePosition LabelPosition { get; }

    /// <summary>Where the value starts; equal to <see cref="LabelPosition"/> when the value is empty.</summary>
    public SourcePosition ValuePosition { get; }

    /// <summary>The results of the header field handlers that claimed the label, built-in field definitions included, in handler order.</summary>
    public ImmutableArray<object> Data => _data.IsDefault ? [] : _data;

    private readonly ImmutableArray<object> _data;

    /// <summary>The same row with the handlers' results (the parser's way: a row is made before its handlers run).</summary>
    internal HeaderField WithData(ImmutableArray<object> data) => new(this, data);

    private HeaderField(HeaderField row, ImmutableArray<object> data)
    {
        this = row;
        _data = data;
    }

    /// <summary>The first handler result of type <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The result type a handler produces.</typeparam>
    /// <returns>The result, or <see langword="null"/>.</returns>
    public T? GetData<T>()
        where T : class => HandlerData.First<T>(Data);

    /// <summary>Compares everything but <see cref="Data"/>.</summary>
    /// <param name="other">The other row.</param>
    /// <returns>Whether the rows are equal.</returns>
    public bool Equals(HeaderField other) =>
        Label == other.Label && Kind == other.Kind && Value == other.Value && RawValue == other.RawValue
        && LabelPosition == other.LabelPosition && ValuePosition == other.ValuePosition;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Label, Kind, Value, LabelPosition);

    /// <summary>The row as the page writes it in the label-on-its-own-line layout: <c>Projektägare: Umeå kommun</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Label + ": " + RawValue;
}

/// <summary>Reads handler results, for sections and header rows alike.</summary>
internal static class HandlerData
{
    public static T? First<T>(ImmutableArray<object> data)
        where T : class
    {
        foreach (var item in data)
        {
            if (item is T result)
            {
                return result;
            }
        }

        return null;
    }
}
