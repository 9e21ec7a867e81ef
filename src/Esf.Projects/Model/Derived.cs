namespace Esf.Projects;

/// <summary>The ESF programme periods in Sweden.</summary>
public enum ProgrammePeriod
{
    /// <summary>2007–2013 (Socialfondsprogrammet 2007–2013).</summary>
    Period2007To2013,

    /// <summary>2014–2020 (Socialfondsprogrammet 2014–2020, with its REACT-EU extension).</summary>
    Period2014To2020,

    /// <summary>2021–2027 (Socialfonden+, ESF+).</summary>
    Period2021To2027,
}

/// <summary>How sure an inference is.</summary>
public enum InferenceConfidence
{
    /// <summary>From the project period's dates alone: programme periods overlap in time, so this can be wrong near their edges.</summary>
    Low,

    /// <summary>From evidence that usually, but not always, decides it.</summary>
    Medium,

    /// <summary>From evidence that belongs to one period only: a programme area name or letter used in one period, or the project number's year.</summary>
    High,
}

/// <summary>The programme period a project belongs to, inferred from the page, and its programme area and objective in that period's terms.</summary>
/// <param name="Period">The programme period.</param>
/// <param name="Confidence">How sure the inference is.</param>
/// <param name="Basis">What it was inferred from, in English (<c>project number 2022/00282</c>).</param>
/// <param name="AreaName">The programme area's name in that period, from <c>data/esf-programme-areas.tsv</c> (<c>Ökat arbetskraftsutbud</c>, <c>Öka möjligheten till arbete</c>); <see langword="null"/> when the page has no area or the table has no such area in that period.</param>
/// <param name="ObjectiveName">The specific objective's name in that period (<c>2.1</c> → <c>Kvinnor och män som står långt från arbetsmarknaden …</c>); <see langword="null"/> when the page has none or the reference data does not name it.</param>
/// <param name="ProgrammeName">The operational programme the page's CCI code names, from <c>data/esf-programmes.tsv</c>; <see langword="null"/> without a CCI or when the code is not in the table.</param>
public sealed record ProgrammeInfo(ProgrammePeriod Period, InferenceConfidence Confidence, string Basis, string? AreaName, string? ObjectiveName = null, string? ProgrammeName = null)
{
    /// <summary>The programme period.</summary>
    public ProgrammePeriod Period { get; } = Period;

    /// <summary>How sure the inference is.</summary>
    public InferenceConfidence Confidence { get; } = Confidence;

    /// <summary>What it was inferred from, in English (<c>project number 2022/00282</c>).</summary>
    public string Basis { get; } = Basis;

    /// <summary>The programme area's name in that period, from <c>data/esf-programme-areas.tsv</c> (<c>Ökat arbetskraftsutbud</c>, <c>Öka möjligheten till arbete</c>); <see langword="null"/> when the page has no area or the table has no such area in that period.</summary>
    public string? AreaName { get; } = AreaName;

    /// <summary>The specific objective's name in that period (<c>2.1</c> → <c>Kvinnor och män som står långt från arbetsmarknaden …</c>); <see langword="null"/> when the page has none or the reference data does not name it.</summary>
    public string? ObjectiveName { get; } = ObjectiveName;

    /// <summary>The operational programme the page's CCI code names, from <c>data/esf-programmes.tsv</c>; <see langword="null"/> without a CCI or when the code is not in the table.</summary>
    public string? ProgrammeName { get; } = ProgrammeName;

    /// <summary>The period as text: <c>2007–2013</c>.</summary>
    /// <returns>The years with an en dash.</returns>
    public string PeriodText => TextOf(Period);

    internal static string TextOf(ProgrammePeriod period) => period switch
    {
        ProgrammePeriod.Period2007To2013 => "2007–2013",
        ProgrammePeriod.Period2014To2020 => "2014–2020",
        _ => "2021–2027",
    };
}

/// <summary>Figures computed from the page's own values; each is <see langword="null"/> when an input is missing.</summary>
/// <param name="EsfSharePercent">Granted ESF support as a percentage of the total budget, rounded to two decimals; <see langword="null"/> when it is beyond what a <see cref="decimal"/> holds. Not the EU co-financing rate: on 2014–2020 pages the granted support is often the whole budget (100 %).</param>
/// <param name="StatedCofinancingRate">The rate the page states (<c>Unionens medfinansieringsgrad</c>): the EU's share of the programme's public funding for the priority (50 % or 40 % on real pages), a different quantity from <paramref name="EsfSharePercent"/>, so the two are never compared.</param>
/// <param name="DurationDays">Days in the project period, both ends included.</param>
/// <param name="DurationMonths">Whole calendar months in the period (2012-02-01 till 2014-09-30 is 32).</param>
/// <param name="SupportPerPlannedParticipant">Granted ESF support divided by the planned number of participants, rounded to whole kronor.</param>
public sealed record DerivedFigures(decimal? EsfSharePercent, decimal? StatedCofinancingRate, int? DurationDays, int? DurationMonths, decimal? SupportPerPlannedParticipant)
{
    /// <summary>Granted ESF support as a percentage of the total budget, rounded to two decimals; <see langword="null"/> when it is beyond what a <see cref="decimal"/> holds. Not the EU co-financing rate: on 2014–2020 pages the granted support is often the whole budget (100 %).</summary>
    public decimal? EsfSharePercent { get; } = EsfSharePercent;

    /// <summary>The rate the page states (<c>Unionens medfinansieringsgrad</c>): the EU's share of the programme's public funding for the priority (50 % or 40 % on real pages), a different quantity from <see cref="EsfSharePercent"/>, so the two are never compared.</summary>
    public decimal? StatedCofinancingRate { get; } = StatedCofinancingRate;

    /// <summary>Days in the project period, both ends included.</summary>
    public int? DurationDays { get; } = DurationDays;

    /// <summary>Whole calendar months in the period (2012-02-01 till 2014-09-30 is 32).</summary>
    public int? DurationMonths { get; } = DurationMonths;

    /// <summary>Granted ESF support divided by the planned number of participants, rounded to whole kronor.</summary>
    public decimal? SupportPerPlannedParticipant { get; } = SupportPerPlannedParticipant;

    /// <summary>No figures: every input is missing.</summary>
    public static DerivedFigures None { get; } = new(null, null, null, null, null);
}
