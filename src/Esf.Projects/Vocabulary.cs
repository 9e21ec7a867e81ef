using System.Collections.Immutable;
using Esf.Projects.Handlers;

namespace Esf.Projects;

/// <summary>The languages whose spellings a parser matches.</summary>
[Flags]
public enum ParserLanguages
{
    /// <summary>The Swedish spellings: the project bank's own words. Always the default.</summary>
    Swedish = 1,

    /// <summary>The English spellings, for pages of the project bank's "In English" version (an assumption: see <see cref="Vocabulary"/>).</summary>
    English = 2,

    /// <summary>Both.</summary>
    SwedishAndEnglish = Swedish | English,
}

/// <summary>One word or phrase of the vocabulary, with its Swedish and its English spellings, compared ignoring case.</summary>
/// <param name="Swedish">The Swedish spellings (the first is the canonical one).</param>
/// <param name="English">The English spellings; empty where the English version's wording is not known.</param>
public sealed record Term(ImmutableArray<string> Swedish, ImmutableArray<string> English)
{
    /// <summary>A term with Swedish spellings only.</summary>
    /// <param name="swedish">The spellings.</param>
    /// <returns>The term.</returns>
    public static Term Sv(params string[] swedish) => new([.. swedish], []);

    /// <summary>The spellings of the given languages, Swedish first.</summary>
    /// <param name="languages">Which languages.</param>
    /// <returns>The spellings; empty when none apply.</returns>
    public IEnumerable<string> In(ParserLanguages languages)
    {
        var swedish = (languages & ParserLanguages.Swedish) != 0 && !Swedish.IsDefault ? Swedish : [];
        var english = (languages & ParserLanguages.English) != 0 && !English.IsDefault ? English : [];
        return swedish.Concat(english);
    }

    /// <summary>The same term with more spellings in one language.</summary>
    /// <param name="language">Which language's list grows (<see cref="ParserLanguages.Swedish"/> or <see cref="ParserLanguages.English"/>).</param>
    /// <param name="spellings">The spellings to add.</param>
    /// <returns>The wider term.</returns>
    public Term With(ParserLanguages language, params string[] spellings) => language == ParserLanguages.English
        ? this with { English = [.. English.IsDefault ? [] : English, .. spellings] }
        : this with { Swedish = [.. Swedish.IsDefault ? [] : Swedish, .. spellings] };

    /// <summary>Whether both terms have the same spellings in the same order (ordinal; a default list is an empty one), as a value would: <c>with</c> copies are equal to their originals.</summary>
    /// <param name="other">The other term.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(Term? other) =>
        other is not null && ValueArrays.Equal(Swedish, other.Swedish) && ValueArrays.Equal(English, other.English);

    /// <summary>A hash of the spellings, consistent with <see cref="Equals(Term?)"/>.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        ValueArrays.AddTo(ref hash, Swedish);
        ValueArrays.AddTo(ref hash, English);
        return hash.ToHashCode();
    }

    /// <summary>The canonical spelling (the first Swedish one) for messages and debugging.</summary>
    /// <returns>The spelling, or an empty string.</returns>
    public override string ToString() => Swedish.IsDefaultOrEmpty ? (English.IsDefaultOrEmpty ? string.Empty : English[0]) : Swedish[0];
}

/// <summary>A term that means something: a heading and the kind of section it opens, a phase word and its kind.</summary>
/// <typeparam name="TMeaning">What the term stands for.</typeparam>
/// <param name="Meaning">What it stands for.</param>
/// <param name="Term">How pages spell it.</param>
public sealed record Phrase<TMeaning>(TMeaning Meaning, Term Term);

/// <summary>
/// Every word the parser matches outside the header labels (which live with their field in
/// <see cref="EsfHeaderFields"/>): print chrome, language links, headings, the word for a missing value, the
/// clarification marker, phases, yes and no, region spellings, and the words a heading never ends with. Each has a
/// Swedish and an English instance; <see cref="ProjectParserOptions.Languages"/> picks which are matched.
/// Immutable; change it with <c>with</c> through <see cref="ProjectParserOptions.Vocabulary"/>.
/// </summary>
/// <remarks>
/// The Swedish spellings are those of real project-bank pages. The English ones are an <em>assumption</em>: the
/// project bank had an "In English" version whose exact wording is not known here, so they are the natural
/// translations, left empty where no translation is safe (the ESF region names).
/// </remarks>
public sealed record Vocabulary
{
    /// <summary>The project bank's vocabulary, Swedish and English.</summary>
    public static Vocabulary Default { get; } = new();

    /// <summary>Print chrome, dropped wherever it stands alone on a line: <c>Logotyp på utskrifter</c>, <c>Stäng</c>.</summary>
    public Term Chrome { get; init; } = new(["Logotyp på utskrifter", "Stäng"], ["Print logo", "Close"]);

    /// <summary>The link to the other language's version, which closes the header of a print export: <c>In English</c> (on Swedish pages), <c>På svenska</c>.</summary>
    public Term LanguageLink { get; init; } = new(["In English"], ["På svenska"]);

    /// <summary>A value written as missing: <c>saknas</c>. The field's value is then <see langword="null"/> and its raw text is kept.</summary>
    public Term Missing { get; init; } = new(["saknas"], ["missing"]);

    /// <summary>
    /// Title lines that name no project (<c>Projekt</c>, as some ESF+ pages open): with one of them on the title line,
    /// the <c>Namn</c> row's value is the title. Matched as the whole line, ignoring case.
    /// </summary>
    public Term GenericTitles { get; init; } = new(["Projekt", "Projektet", "Projektsida"], ["Project", "Project page"]);

    /// <summary>The word that opens a dated clarification block: <c>Förtydligande 2011-10-26</c>.</summary>
    public Term Clarification { get; init; } = new(["Förtydligande"], ["Clarification"]);

    /// <summary>Yes, as the yes/no fields write it: <c>Ja</c>.</summary>
    public Term Yes { get; init; } = new(["Ja"], ["Yes"]);

    /// <summary>No, as the yes/no fields write it: <c>Nej</c>.</summary>
    public Term No { get; init; } = new(["Nej"], ["No"]);

    /// <summary>The project phases and their kinds: <c>Förprojektering</c>, <c>Genomförande</c>.</summary>
    public ImmutableArray<Phrase<ProjectPhaseKind>> Phases { get; init; } =
    [
        new(ProjectPhaseKind.PreProject, new(["Förprojektering"], ["Pre-project", "Preparatory project"])),
        new(ProjectPhaseKind.Implementation, new(["Genomförande"], ["Implementation"])),
    ];

    /// <summary>The funds as the <c>Fond</c> field writes them: <c>ESF</c>, <c>ESF+</c>, <c>FEAD</c>.</summary>
    public ImmutableArray<Phrase<EsfFund>> Funds { get; init; } =
    [
        new(EsfFund.Esf, new(["ESF", "Europeiska socialfonden", "Socialfonden"], ["European Social Fund"])),
        new(EsfFund.EsfPlus, new(["ESF+", "Europeiska socialfonden+", "Socialfonden+"], ["European Social Fund Plus"])),
        new(EsfFund.Fead, new(["FEAD"], ["Fund for European Aid to the Most Deprived"])),
    ];

    /// <summary>
    /// The headings of the prose sections and their kinds (<c>Sammanfattning</c>, <c>Bakgrund</c> …). They start a
    /// section wherever they stand alone and end the header; <see cref="Handlers.Prose.ProseSectionHandler"/> names them.
    /// </summary>
    public ImmutableArray<Phrase<ProseSectionKind>> ProseHeadings { get; init; } =
    [
        new(ProseSectionKind.Summary, new(["Sammanfattning"], ["Summary"])),
        new(ProseSectionKind.Background, new(["Bakgrund"], ["Background"])),
        new(ProseSectionKind.Purpose, new(["Syfte"], ["Purpose"])),
        new(ProseSectionKind.Objective, new(["Mål", "Målsättning"], ["Objective", "Objectives"])),
        new(ProseSectionKind.TargetGroup, new(["Målgrupp"], ["Target group"])),
        new(ProseSectionKind.ExpectedResults, new(["Förväntade resultat"], ["Expected results"])),
        new(ProseSectionKind.Accessibility, new(["Tillgänglighet för personer med funktionsnedsättning"], ["Accessibility for persons with disabilities"])),
        new(ProseSectionKind.GenderMainstreaming, new(["Jämställdhetsintegrering"], ["Gender mainstreaming"])),
        new(ProseSectionKind.TransnationalCooperation, new(["Transnationellt samarbete"], ["Transnational cooperation"])),
        new(ProseSectionKind.Description, new(["Projektbeskrivning"], ["Project description"])),
    ];

    /// <summary>
    /// The headings of the three list sections (<c>Medfinansiärer</c>, <c>Samarbetspartners</c>, <c>Kommun</c>): in
    /// these sections every line is an item, and the project's <see cref="EsfProject.CoFinanciers"/>,
    /// <see cref="EsfProject.Partners"/> and <see cref="EsfProject.Municipalities"/> are read from them.
    /// </summary>
    public ImmutableArray<Phrase<ListSectionKind>> ListHeadings { get; init; } =
    [
        new(ListSectionKind.CoFinanciers, new(["Medfinansiärer", "Medfinansiär"], ["Co-financiers", "Co-financier"])),
        new(ListSectionKind.Partners, new(["Samarbetspartners", "Samarbetspartner"], ["Partners", "Partner organisations"])),
        new(ListSectionKind.Municipalities, new(["Kommun", "Kommuner"], ["Municipality", "Municipalities"])),
    ];

    /// <summary>
    /// How pages write the ESF regions (<c>Övre Norrland</c>, <c>Småland &amp; Öarna</c>, <c>ESF Nationellt</c>).
    /// Matching ignores case, diacritics, hyphens and spaces and a leading <c>ESF</c> or <c>Region</c>, so one
    /// spelling covers <c>ESF-Nationellt</c> and <c>Smaland och Oarna</c>.
    /// </summary>
    public ImmutableArray<Phrase<EsfRegion>> Regions { get; init; } =
    [
        new(EsfRegion.OvreNorrland, Term.Sv("Övre Norrland")),
        new(EsfRegion.MellerstaNorrland, Term.Sv("Mellersta Norrland")),
        new(EsfRegion.NorraMellansverige, Term.Sv("Norra Mellansverige")),
        new(EsfRegion.Stockholm, Term.Sv("Stockholm")),
        new(EsfRegion.OstraMellansverige, Term.Sv("Östra Mellansverige")),
        new(EsfRegion.SmalandOchOarna, Term.Sv("Småland och Öarna", "Småland & Öarna")),
        new(EsfRegion.Vastsverige, Term.Sv("Västsverige")),
        new(EsfRegion.Sydsverige, Term.Sv("Sydsverige")),
        new(EsfRegion.National, new(["Nationellt", "ESF Nationellt"], ["National"])),
    ];

    /// <summary>
    /// Words a heading never ends with (<c>att</c>, <c>och</c>, <c>bland annat</c> …): a line such as
    /// <c>Syftet med förstudien är att</c> is the start of a sentence, text rather than a section heading.
    /// </summary>
    public Term LeadInEndings { get; init; } = new(
        ["att", "och", "eller", "samt", "som", "för", "med", "till", "av", "på", "i", "om", "de", "den", "det", "en", "ett", "annat", "genom", "inom", "hos", "mot", "nämligen", "exempelvis", "t.ex."],
        ["to", "and", "or", "the", "a", "an", "of", "for", "with", "in", "on", "by", "as", "e.g."]);

    /// <summary>
    /// Finite verbs a heading does not hold (<c>är</c>, <c>ska</c>, <c>vill</c> …): a short line with one of them,
    /// followed by a list, is the sentence that leads into the list (<c>Under projekttiden ska deltagarna</c>), not
    /// a section heading.
    /// </summary>
    public Term LeadInVerbs { get; init; } = new(
        ["är", "ska", "skall", "vill", "kommer", "kan", "har", "bör", "får", "blir", "syftar", "innebär", "handlar"],
        ["is", "are", "will", "shall", "can", "has", "have", "aims", "means"]);

    /// <summary>Whether both vocabularies have the same terms and phrases in the same order, lists compared element by element: a <c>with</c> copy built from equal parts is equal to its original.</summary>
    /// <param name="other">The other vocabulary.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(Vocabulary? other) =>
        ReferenceEquals(this, other)
        || (other is not null
            && Chrome == other.Chrome && LanguageLink == other.LanguageLink && Missing == other.Missing
            && GenericTitles == other.GenericTitles && Clarification == other.Clarification
            && Yes == other.Yes && No == other.No
            && ValueArrays.Equal(Phases, other.Phases) && ValueArrays.Equal(Funds, other.Funds)
            && ValueArrays.Equal(ProseHeadings, other.ProseHeadings) && ValueArrays.Equal(ListHeadings, other.ListHeadings)
            && ValueArrays.Equal(Regions, other.Regions)
            && LeadInEndings == other.LeadInEndings && LeadInVerbs == other.LeadInVerbs);

    /// <summary>A hash consistent with <see cref="Equals(Vocabulary?)"/>.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() => HashCode.Combine(Chrome, Missing, ProseHeadings.IsDefault ? 0 : ProseHeadings.Length, ListHeadings.IsDefault ? 0 : ListHeadings.Length);
}
