using System.Collections.Immutable;
using Esf.Projects.Model;

namespace Esf.Projects;

/// <summary>A header label the parser recognises, and the field it fills.</summary>
/// <param name="Text">The label as written, matched case-insensitively (<c>Projektägare</c>, <c>Project owner</c>).</param>
/// <param name="Kind">The field it fills; <see cref="HeaderFieldKind.Unknown"/> makes the row a recognised header row that lands in <see cref="EsfProject.ExtraFields"/> (and is offered to header field handlers).</param>
public sealed record HeaderLabel(string Text, HeaderFieldKind Kind);

/// <summary>
/// Settings of an <see cref="EsfProjectParser"/>: vocabulary, strictness and limits. Immutable; change it with
/// <c>with</c> or through <see cref="ProjectParserBuilder"/>.
/// </summary>
public sealed record ProjectParserOptions
{
    /// <summary>The settings of <see cref="ProjectParser"/>: Swedish labels and headings, warnings stay warnings, the limits below.</summary>
    public static ProjectParserOptions Default => DefaultInstance;

    /// <summary>The header labels; by default the Swedish labels of the project bank (<see cref="SwedishLabels"/>). Longer labels are tried first, whatever the order here.</summary>
    public ImmutableArray<HeaderLabel> Labels { get; init; } = SwedishLabels;

    /// <summary>
    /// Headings that start a section wherever they stand alone and end the header; by default the project bank's
    /// (<c>Sammanfattning</c>, <c>Bakgrund</c>, <c>Syfte</c>, <c>Mål</c>, <c>Målsättning</c> …). Other capitalised
    /// short lines between blank lines are headings too; these are the ones trusted even where the layout is odd.
    /// The exact headings of the section handlers are added to them.
    /// </summary>
    public ImmutableArray<string> KnownHeadings { get; init; } = SwedishHeadings;

    /// <summary>Print chrome that is dropped and not part of the project (<c>Logotyp på utskrifter</c>, <c>Stäng</c>, <c>In English</c>).</summary>
    public ImmutableArray<string> Chrome { get; init; } = ["Logotyp på utskrifter", "Stäng", "In English"];

    /// <summary>Whether warnings are reported as errors (their severity raised, so <see cref="ProjectParseResult.HasErrors"/> sees them); <see langword="false"/> by default.</summary>
    public bool WarningsAsErrors { get; init; }

    /// <summary>The most characters parsed; the rest is dropped with ESF0006. 16 Mi characters by default (pages are 5–20 K); at most <see cref="int.MaxValue"/>.</summary>
    public int MaxInputLength { get; init; } = 16 * 1024 * 1024;

    /// <summary>The most sections kept; text after the limit joins the last section, with ESF0007. 10 000 by default.</summary>
    public int MaxSections { get; init; } = 10_000;

    /// <summary>The most items kept in each of the three lists (co-financiers, partners, municipalities), with ESF0008 beyond. 100 000 by default.</summary>
    public int MaxListItems { get; init; } = 100_000;

    /// <summary>The project bank's Swedish header labels.</summary>
    public static ImmutableArray<HeaderLabel> SwedishLabels { get; } =
    [
        new("Programområde", HeaderFieldKind.ProgramArea),
        new("Projektfas", HeaderFieldKind.Phase),
        new("Projektägare", HeaderFieldKind.Owner),
        new("Kontaktperson", HeaderFieldKind.ContactName),
        new("E-postadress", HeaderFieldKind.ContactEmail),
        new("E-post", HeaderFieldKind.ContactEmail),
        new("Telefonnummer", HeaderFieldKind.ContactPhone),
        new("Beviljat ESF-stöd", HeaderFieldKind.GrantedEsfSupport),
        new("Total projektbudget", HeaderFieldKind.TotalBudget),
        new("Projektperiod", HeaderFieldKind.Period),
        new("Region", HeaderFieldKind.Region),
        new("Projektnummer", HeaderFieldKind.ProjectNumber),
        new("Utlysning", HeaderFieldKind.CallNumber),
        new("Planerat antal deltagare", HeaderFieldKind.PlannedParticipants),
        new("Specifikt mål", HeaderFieldKind.SpecificObjective),
        new("Unionens medfinansieringsgrad", HeaderFieldKind.EuCofinancingRate),
    ];

    /// <summary>
    /// English header labels, an <em>assumption</em>: the project bank had an "In English" version whose exact labels
    /// are not known, so these are the natural translations (<c>Programme area</c>, <c>Project phase</c>,
    /// <c>Project owner</c>, <c>Contact person</c>, <c>E-mail</c>, <c>Telephone number</c>, <c>Granted ESF support</c>,
    /// <c>Total project budget</c>, <c>Project period</c>, <c>Region</c>). Adjust them with <c>with</c> when real pages differ.
    /// </summary>
    public static ImmutableArray<HeaderLabel> EnglishLabels { get; } =
    [
        new("Programme area", HeaderFieldKind.ProgramArea),
        new("Program area", HeaderFieldKind.ProgramArea),
        new("Project phase", HeaderFieldKind.Phase),
        new("Project owner", HeaderFieldKind.Owner),
        new("Contact person", HeaderFieldKind.ContactName),
        new("E-mail", HeaderFieldKind.ContactEmail),
        new("Email", HeaderFieldKind.ContactEmail),
        new("Telephone number", HeaderFieldKind.ContactPhone),
        new("Phone number", HeaderFieldKind.ContactPhone),
        new("Granted ESF support", HeaderFieldKind.GrantedEsfSupport),
        new("Total project budget", HeaderFieldKind.TotalBudget),
        new("Project period", HeaderFieldKind.Period),
        new("Region", HeaderFieldKind.Region),
        new("Project number", HeaderFieldKind.ProjectNumber),
    ];

    /// <summary>The project bank's Swedish section headings: those of <see cref="Handlers.Prose.ProseSectionHandler"/>, one list for both.</summary>
    public static ImmutableArray<string> SwedishHeadings { get; } = [.. Handlers.Prose.ProseSectionHandler.SwedishHeadingTable.Select(h => h.Heading)];

    /// <summary>English section headings (an assumption, as for <see cref="EnglishLabels"/>): <c>Summary</c>, <c>Background</c>, <c>Purpose</c>, <c>Objective</c> …</summary>
    public static ImmutableArray<string> EnglishHeadings { get; } = [.. Handlers.Prose.ProseSectionHandler.EnglishHeadingTable.Select(h => h.Heading)];

    // Declared last: static initialisers run in textual order, and the default instance reads the tables above.
    private static readonly ProjectParserOptions DefaultInstance = new();
}
