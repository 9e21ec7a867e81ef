using System.Collections.Immutable;
using Esf.Projects.Fields;
using NodaTime;

namespace Esf.Projects.Model;

/// <summary>An ESF program area as the page names it: <c>Programområde 2 Ökat arbetskraftsutbud</c>.</summary>
/// <param name="Code">The code as written (<c>2</c>, <c>1.1</c>, <c>C</c>); <see langword="null"/> when the page gives only a name.</param>
/// <param name="Number">The integer the code starts with (<c>1</c> for <c>1.1</c>); <see langword="null"/> for letter codes or no code.</param>
/// <param name="Name">The area's name, such as <c>Ökat arbetskraftsutbud</c>.</param>
public sealed record ProgramArea(string? Code, int? Number, string Name);

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
/// <param name="Kind">The recognised phase, or <see cref="ProjectPhaseKind.Other"/>.</param>
public sealed record ProjectPhase(string Text, ProjectPhaseKind Kind);

/// <summary>The contact person. Every part is as written on the page, or <see langword="null"/> when absent.</summary>
/// <param name="Name">The person's name.</param>
/// <param name="Email">The e-mail address.</param>
/// <param name="Phone">The phone number as written (<c>046-739443</c>).</param>
public sealed record Contact(string? Name, string? Email, string? Phone)
{
    /// <summary>The phone number normalised (E.164, area code), or <see langword="null"/> when <see cref="Phone"/> is absent or not a Swedish number.</summary>
    public Fields.SwedishPhoneNumber? PhoneNumber { get; init; }

    /// <summary>The e-mail address checked and with its domain lower-cased, or <see langword="null"/> when <see cref="Email"/> is absent or malformed (ESF0210).</summary>
    public Fields.EmailAddress? EmailAddress { get; init; }

    /// <summary>A contact with no information.</summary>
    public static Contact None { get; } = new(null, null, null);
}

/// <summary>
/// A parsed ESF project page: every fact on it, typed, in page order. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Absent values are <see langword="null"/> and absent lists are empty, never <c>default</c>. The raw header rows,
/// with positions, are in <see cref="Fields"/>: the typed properties are derived from them, so a value that could
/// not be parsed (and is <see langword="null"/> here) is still available as written.
/// Collections compare by reference in the generated record equality; compare the JSON form
/// to compare two parses.
/// </remarks>
public sealed record EsfProject
{
    /// <summary>The site banner(s) before the title (maintenance notices, covid-19 information, cookie notices), paragraphs separated by a blank line; not part of the project.</summary>
    public string? Notice { get; init; }

    /// <summary>The project title: the last non-blank line before the header, without a leading project number.</summary>
    public string? Title { get; init; }

    /// <summary>Where the title line starts.</summary>
    public SourcePosition? TitlePosition { get; init; }

    /// <summary>The program area (<c>Programområde</c>).</summary>
    public ProgramArea? ProgramArea { get; init; }

    /// <summary>The project phase (<c>Projektfas</c>).</summary>
    public ProjectPhase? Phase { get; init; }

    /// <summary>The project owner (<c>Projektägare</c>).</summary>
    public string? Owner { get; init; }

    /// <summary>The contact person; never <see langword="null"/>, its parts may be.</summary>
    public Contact Contact { get; init; } = Contact.None;

    /// <summary>The granted ESF support (<c>Beviljat ESF-stöd</c>), exact to the öre.</summary>
    public Money? GrantedEsfSupport { get; init; }

    /// <summary>The total project budget (<c>Total projektbudget</c>), exact to the öre.</summary>
    public Money? TotalBudget { get; init; }

    /// <summary>The project period (<c>Projektperiod</c>); the end date is inclusive, as "till" means.</summary>
    public DateInterval? Period { get; init; }

    /// <summary>The ESF region as written (<c>Sydsverige</c>).</summary>
    public string? Region { get; init; }

    /// <summary>The project number (<c>Projektnummer</c>, or a number leading the title such as <c>2020/00542</c>).</summary>
    public string? ProjectNumber { get; init; }

    /// <summary>The call for proposals (<c>Utlysning</c>) as written.</summary>
    public string? CallNumber { get; init; }

    /// <summary>The planned number of participants (<c>Planerat antal deltagare</c>).</summary>
    public int? PlannedParticipants { get; init; }

    /// <summary>The specific objective (<c>Specifikt mål</c>) as written.</summary>
    public string? SpecificObjective { get; init; }

    /// <summary>The EU co-financing rate in percent (<c>Unionens medfinansieringsgrad</c>: 50 for <c>50%</c>).</summary>
    public decimal? EuCofinancingRate { get; init; }

    /// <summary>Every header row in page order, known and unknown, with label, raw value and positions.</summary>
    public ImmutableArray<HeaderField> Fields { get; init; } = [];

    /// <summary>Header rows with unknown labels, and second occurrences of known ones: nothing on the page is dropped.</summary>
    public ImmutableArray<HeaderField> ExtraFields { get; init; } = [];

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

    /// <summary>The first header field handler result of type <typeparamref name="T"/>, in row order.</summary>
    /// <typeparam name="T">The result type a handler produces.</typeparam>
    /// <returns>The result, or <see langword="null"/>.</returns>
    public T? GetFieldData<T>()
        where T : class => Fields.Select(f => f.GetData<T>()).FirstOrDefault(d => d is not null);

    /// <summary>Every section handler result of type <typeparamref name="T"/>, in page order.</summary>
    /// <typeparam name="T">The result type a handler produces.</typeparam>
    /// <returns>The results; empty when there are none.</returns>
    public IEnumerable<T> GetAllSectionData<T>()
        where T : class => Sections.SelectMany(s => s.Data.OfType<T>());

    /// <summary>The body's sections in page order, including the list sections; text before the first heading is a section with a <see langword="null"/> heading.</summary>
    public ImmutableArray<Section> Sections { get; init; } = [];

    /// <summary>The co-financiers (<c>Medfinansiärer</c>), one per list item.</summary>
    public ImmutableArray<string> CoFinanciers { get; init; } = [];

    /// <summary>The partners (<c>Samarbetspartners</c>), one per list item.</summary>
    public ImmutableArray<string> Partners { get; init; } = [];

    /// <summary>The municipalities (<c>Kommun</c>), names as written.</summary>
    public ImmutableArray<string> Municipalities { get; init; } = [];

    /// <summary>The SCB code of each name in <see cref="Municipalities"/>, in the same order; <see langword="null"/> where the name matched no municipality (ESF0212 suggests the closest).</summary>
    public ImmutableArray<string?> MunicipalityCodes { get; init; } = [];

    /// <summary>The municipalities that <see cref="Municipalities"/> matched, with county and ESF region, in page order (see <see cref="Geography.SwedishMunicipalities"/> for how names are matched).</summary>
    public ImmutableArray<Geography.Municipality> ResolvedMunicipalities { get; init; } = [];

    /// <summary><see cref="Region"/> read as one of the eight ESF regions or national; <see langword="null"/> when absent or not recognised (ESF0213).</summary>
    public Geography.EsfRegion? EsfRegion { get; init; }

    /// <summary>The programme period and area, inferred; <see langword="null"/> when nothing on the page indicates it.</summary>
    public ProgrammeInfo? Programme { get; init; }

    /// <summary>Figures derived from the page's values: ESF share, duration, support per planned participant.</summary>
    public DerivedFigures Figures { get; init; } = new(null, null, null, null, null);

    /// <summary>Lines in the header area that were neither label nor value (each also reported as <c>ESF0105</c>).</summary>
    public ImmutableArray<string> UnplacedText { get; init; } = [];

    /// <summary>Finds the first section with the given heading, ignoring case.</summary>
    /// <param name="heading">A heading such as <c>Sammanfattning</c>.</param>
    /// <returns>The section, or <see langword="null"/>.</returns>
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
}
