namespace Esf.Projects.Handlers.Prose;

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

/// <summary>A prose section recognised by its heading.</summary>
public sealed record ProseSectionData
{
    private Model.LazyText _text;

    /// <summary>Creates the result from a string.</summary>
    /// <param name="kind">What the section is about.</param>
    /// <param name="text">The section's plain text.</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public ProseSectionData(ProseSectionKind kind, string text)
    {
        Kind = kind;
        _text = new(text);
    }

    /// <summary>Creates the result over existing memory (the section's <see cref="Model.Section.TextMemory"/>), without copying it.</summary>
    /// <param name="kind">What the section is about.</param>
    /// <param name="text">The section's plain text.</param>
    public ProseSectionData(ProseSectionKind kind, ReadOnlyMemory<char> text)
    {
        Kind = kind;
        _text = new(text);
    }

    /// <summary>What the section is about, whatever language its heading is in.</summary>
    public ProseSectionKind Kind { get; init; }

    /// <summary>The section's plain text (paragraphs separated by a blank line); a string made on first read and kept.</summary>
    public string Text => _text.Value;

    /// <summary>The same characters as <see cref="Text"/> without making a string.</summary>
    public ReadOnlyMemory<char> TextMemory => _text.Memory;
}

/// <summary>
/// Built-in handler that names the prose sections: <c>project.GetSectionData&lt;ProseSectionData&gt;()</c> finds the
/// summary without knowing whether the page says <c>Sammanfattning</c> or <c>Summary</c>.
/// </summary>
public sealed class ProseSectionHandler : SectionHandler<ProseSectionData>
{
    /// <summary>The Swedish prose headings and their kinds; also <see cref="ProjectParserOptions.SwedishHeadings"/>.</summary>
    internal static readonly (string Heading, ProseSectionKind Kind)[] SwedishHeadingTable =
    [
        ("Sammanfattning", ProseSectionKind.Summary), ("Bakgrund", ProseSectionKind.Background), ("Syfte", ProseSectionKind.Purpose),
        ("Mål", ProseSectionKind.Objective), ("Målsättning", ProseSectionKind.Objective), ("Målgrupp", ProseSectionKind.TargetGroup),
        ("Förväntade resultat", ProseSectionKind.ExpectedResults), ("Tillgänglighet för personer med funktionsnedsättning", ProseSectionKind.Accessibility),
        ("Jämställdhetsintegrering", ProseSectionKind.GenderMainstreaming), ("Transnationellt samarbete", ProseSectionKind.TransnationalCooperation),
        ("Projektbeskrivning", ProseSectionKind.Description),
    ];

    /// <summary>The English prose headings (an assumption) and their kinds; also <see cref="ProjectParserOptions.EnglishHeadings"/>.</summary>
    internal static readonly (string Heading, ProseSectionKind Kind)[] EnglishHeadingTable =
    [
        ("Summary", ProseSectionKind.Summary), ("Background", ProseSectionKind.Background), ("Purpose", ProseSectionKind.Purpose),
        ("Objective", ProseSectionKind.Objective), ("Objectives", ProseSectionKind.Objective), ("Target group", ProseSectionKind.TargetGroup),
        ("Expected results", ProseSectionKind.ExpectedResults), ("Project description", ProseSectionKind.Description),
    ];

    private readonly (string Heading, ProseSectionKind Kind)[] _table;

    /// <summary>Creates the handler for the Swedish headings.</summary>
    public ProseSectionHandler()
        : this(SwedishHeadingTable)
    {
    }

    private ProseSectionHandler((string Heading, ProseSectionKind Kind)[] table)
        : base(HeadingMatcher.IgnoreCase([.. table.Select(t => t.Heading)]))
    {
        _table = table;
    }

    /// <summary>A handler that knows the English headings too (an assumption; see <see cref="ProjectParserOptions.EnglishHeadings"/>).</summary>
    /// <returns>The wider handler.</returns>
    public ProseSectionHandler WithEnglishHeadings() => new([.. _table, .. EnglishHeadingTable.Where(e => !_table.Contains(e))]);

    /// <inheritdoc />
    public override ProseSectionData? Handle(SectionContext context)
    {
        var heading = context.Heading.Trim();
        foreach (var (text, kind) in _table)
        {
            if (string.Equals(text, heading, StringComparison.OrdinalIgnoreCase))
            {
                return new ProseSectionData(kind, context.Section.TextMemory);
            }
        }

        return null;
    }
}
