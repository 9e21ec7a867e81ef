using System.Collections.Immutable;
using Esf.Projects.Fields;

namespace Esf.Projects.ReferenceData;

/// <summary>A programme area of one programme period, from <c>data/esf-programme-areas.tsv</c>.</summary>
/// <param name="Period">The programme period.</param>
/// <param name="Code">The area's code in that period: <c>1</c>, <c>2</c> … (2007–2020) or <c>A</c>–<c>F</c> (2021–2027).</param>
/// <param name="Name">The area's name as esf.se writes it.</param>
public sealed record EsfProgrammeArea(ProgrammePeriod Period, string Code, string Name)
{
    /// <summary>The programme period.</summary>
    public ProgrammePeriod Period { get; } = Period;

    /// <summary>The area's code in that period: <c>1</c>, <c>2</c> … (2007–2020) or <c>A</c>–<c>F</c> (2021–2027).</summary>
    public string Code { get; } = Code;

    /// <summary>The area's name as esf.se writes it.</summary>
    public string Name { get; } = Name;
}

/// <summary>A specific objective (or sub-area) of a programme area, from <c>data/esf-programme-areas.tsv</c>.</summary>
/// <param name="Period">The programme period.</param>
/// <param name="AreaCode">The code of its programme area.</param>
/// <param name="Code">The objective's code: <c>2.1</c>, <c>A1</c>, <c>A1A</c>.</param>
/// <param name="Name">Its name; <see langword="null"/> where no source named it (the data invents nothing).</param>
public sealed record EsfSpecificObjective(ProgrammePeriod Period, string AreaCode, string Code, string? Name)
{
    /// <summary>The programme period.</summary>
    public ProgrammePeriod Period { get; } = Period;

    /// <summary>The code of its programme area.</summary>
    public string AreaCode { get; } = AreaCode;

    /// <summary>The objective's code: <c>2.1</c>, <c>A1</c>, <c>A1A</c>.</summary>
    public string Code { get; } = Code;

    /// <summary>Its name; <see langword="null"/> where no source named it (the data invents nothing).</summary>
    public string? Name { get; } = Name;
}

/// <summary>An operational programme with its CCI code, from <c>data/esf-programmes.tsv</c>.</summary>
/// <param name="Period">The programme period.</param>
/// <param name="Cci">The CCI code, such as <c>2014SE05M9OP001</c>.</param>
/// <param name="Name">The programme's Swedish name.</param>
/// <param name="Funds">The funds it draws on (<c>ESF</c>, <c>YEI</c>, <c>ERDF</c>, <c>FEAD</c>, <c>ESF+</c>).</param>
/// <param name="CciConfirmed">Whether the CCI code itself was seen on an official page (the ESF+ code was only seen indirectly).</param>
public sealed record EsfProgramme(ProgrammePeriod Period, string Cci, string Name, ImmutableArray<string> Funds, bool CciConfirmed)
{
    /// <summary>The programme period.</summary>
    public ProgrammePeriod Period { get; } = Period;

    /// <summary>The CCI code, such as <c>2014SE05M9OP001</c>.</summary>
    public string Cci { get; } = Cci;

    /// <summary>The programme's Swedish name.</summary>
    public string Name { get; } = Name;

    /// <summary>The funds it draws on (<c>ESF</c>, <c>YEI</c>, <c>ERDF</c>, <c>FEAD</c>, <c>ESF+</c>).</summary>
    public ImmutableArray<string> Funds { get; } = Funds;

    /// <summary>Whether the CCI code itself was seen on an official page (the ESF+ code was only seen indirectly).</summary>
    public bool CciConfirmed { get; } = CciConfirmed;

    /// <summary>Whether both describe the same programme, funds compared in order (as a value would, not the arrays' identity).</summary>
    /// <param name="other">The other programme.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(EsfProgramme? other) =>
        other is not null && Period == other.Period && Cci == other.Cci && Name == other.Name && CciConfirmed == other.CciConfirmed
        && ValueArrays.Equal(Funds, other.Funds);

    /// <summary>A hash consistent with <see cref="Equals(EsfProgramme?)"/>.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() => HashCode.Combine(Period, Cci, Name, CciConfirmed, Funds.IsDefault ? 0 : Funds.Length);
}

/// <summary>An intervention field (the EU's code for the kind of intervention), from <c>data/esf-intervention-fields.tsv</c>.</summary>
/// <param name="Period">The programme period whose code list it belongs to.</param>
/// <param name="Code">The code, such as <c>102</c>.</param>
/// <param name="NameEnglish">The name in the regulation's English text.</param>
/// <param name="NameSwedish">The Swedish name; <see langword="null"/>, as no Swedish text of the annex was reachable.</param>
public sealed record InterventionField(ProgrammePeriod Period, string Code, string NameEnglish, string? NameSwedish)
{
    /// <summary>The programme period whose code list it belongs to.</summary>
    public ProgrammePeriod Period { get; } = Period;

    /// <summary>The code, such as <c>102</c>.</summary>
    public string Code { get; } = Code;

    /// <summary>The name in the regulation's English text.</summary>
    public string NameEnglish { get; } = NameEnglish;

    /// <summary>The Swedish name; <see langword="null"/>, as no Swedish text of the annex was reachable.</summary>
    public string? NameSwedish { get; } = NameSwedish;
}

/// <summary>
/// The ESF programmes' reference data embedded in the library: programme areas and specific objectives per period,
/// programme CCI codes and the 2014–2020 intervention fields. Every row comes with a source in <c>data/</c>; cells no
/// source confirmed are <see langword="null"/>, and nothing is looked up that the tables do not hold.
/// </summary>
public static class EsfProgrammes
{
    /// <summary>The programme areas of every period (each once).</summary>
    public static ImmutableArray<EsfProgrammeArea> Areas { get; } =
        [.. ProgrammeTables.Areas.Select(a => new EsfProgrammeArea(a.Period, a.AreaCode, a.AreaName)).Distinct()];

    /// <summary>The specific objectives and sub-areas the data knows.</summary>
    public static ImmutableArray<EsfSpecificObjective> Objectives { get; } =
        [.. ProgrammeTables.Areas.Where(a => a.ObjectiveCode is not null).Select(a => new EsfSpecificObjective(a.Period, a.AreaCode, a.ObjectiveCode!, a.ObjectiveName))];

    /// <summary>The operational programmes with their CCI codes.</summary>
    public static ImmutableArray<EsfProgramme> Programmes { get; } =
        [.. ProgrammeTables.Programmes.Select(p => new EsfProgramme(p.Period, p.Cci, p.Name, [.. p.Funds.Split(';')], p.CciConfirmed))];

    /// <summary>The intervention fields the data knows (2014–2020 only).</summary>
    public static ImmutableArray<InterventionField> InterventionFields { get; } =
        [.. ProgrammeTables.InterventionFields.Select(f => new InterventionField(f.Period, f.Code, f.NameEnglish, f.NameSwedish))];

    /// <summary>Finds a programme area by period and code (letters ignoring case).</summary>
    /// <param name="period">The programme period.</param>
    /// <param name="code">The area code as written: <c>2</c>, <c>B</c>.</param>
    /// <returns>The area, or <see langword="null"/> when the period has no such area in the data.</returns>
    public static EsfProgrammeArea? FindArea(ProgrammePeriod period, string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var key = code.AsSpan().Trim();
        foreach (var area in Areas)
        {
            if (area.Period == period && TextChars.EqualsIgnoreCase(key, area.Code))
            {
                return area;
            }
        }

        return null;
    }

    /// <summary>Finds a specific objective by period and code.</summary>
    /// <param name="period">The programme period.</param>
    /// <param name="code">The code as written, <c>2.1</c> or <c>A1A</c>; text after the code (<c>2.1 Ökade …</c>) is ignored.</param>
    /// <returns>The objective, or <see langword="null"/>.</returns>
    public static EsfSpecificObjective? FindObjective(ProgrammePeriod period, string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var trimmed = code.AsSpan().Trim();
        var end = trimmed.IndexOfAny(' ', '\u00A0');
        var key = end < 0 ? trimmed : trimmed[..end];
        foreach (var objective in Objectives)
        {
            if (objective.Period == period && TextChars.EqualsIgnoreCase(key, objective.Code))
            {
                return objective;
            }
        }

        return null;
    }

    /// <summary>
    /// Finds a programme by its CCI code as a page writes it: equal ignoring case, or a prefix of the table's code of at
    /// least twelve characters (ESF+ pages write <c>2021SE05SFPR</c> for <c>2021SE05SFPR001</c>).
    /// </summary>
    /// <param name="cci">The code.</param>
    /// <returns>The programme, or <see langword="null"/>.</returns>
    public static EsfProgramme? FindProgramme(string cci)
    {
        ArgumentNullException.ThrowIfNull(cci);
        var key = cci.AsSpan().Trim();
        foreach (var programme in Programmes)
        {
            if (key.Equals(programme.Cci, StringComparison.OrdinalIgnoreCase)
                || (key.Length >= 12 && programme.Cci.AsSpan().StartsWith(key, StringComparison.OrdinalIgnoreCase)))
            {
                return programme;
            }
        }

        return null;
    }

    /// <summary>Finds an intervention field by period and code.</summary>
    /// <param name="period">The programme period; only 2014–2020 has a table.</param>
    /// <param name="code">The code, such as <c>102</c>.</param>
    /// <returns>The field, or <see langword="null"/>.</returns>
    public static InterventionField? FindInterventionField(ProgrammePeriod period, string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var key = code.AsSpan().Trim();
        foreach (var field in InterventionFields)
        {
            if (field.Period == period && key.SequenceEqual(field.Code))
            {
                return field;
            }
        }

        return null;
    }
}

/// <summary>Sweden's eight NUTS-2 areas and the ESF regions that cover them, from <c>data/nuts2-sweden.tsv</c>.</summary>
public static class Nuts2Regions
{
    /// <summary>The eight areas, <c>SE11</c> to <c>SE33</c>.</summary>
    public static ImmutableArray<Nuts2Region> All { get; } = [.. ProgrammeTables.Nuts2.Select(n => new Nuts2Region(n.Code, n.Name, n.Region))];

    /// <summary>
    /// <c>SE0</c>, which ESF+ pages give as the <c>NUTS-2 kod</c> of nationwide projects (<c>Region: ESF Nationellt</c>):
    /// the whole country, not a NUTS-2 area, so it is not in <see cref="All"/>. Its name is the country's, <c>Sverige</c>
    /// (as <c>Land som berörs</c> writes it), and its ESF region <see cref="EsfRegion.National"/>.
    /// </summary>
    public static Nuts2Region WholeCountry { get; } = new("SE0", "Sverige", EsfRegion.National);

    /// <summary>Finds an area by its code, ignoring case and surrounding white space; <c>SE0</c> gives <see cref="WholeCountry"/>.</summary>
    /// <param name="code">The code, such as <c>SE33</c>.</param>
    /// <returns>The area, or <see langword="null"/>.</returns>
    public static Nuts2Region? Find(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var key = code.AsSpan().Trim();
        if (TextChars.EqualsIgnoreCase(key, WholeCountry.Code))
        {
            return WholeCountry;
        }

        foreach (var region in All)
        {
            if (TextChars.EqualsIgnoreCase(key, region.Code))
            {
                return region;
            }
        }

        return null;
    }
}
