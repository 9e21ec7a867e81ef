using System.Collections.Immutable;
using System.Text;

namespace Esf.Projects;

/// <summary>A further header label: another spelling for a field, or a label the parser should know without reading it.</summary>
/// <param name="Text">The label as written, matched ignoring case (<c>Projektansvarig</c>).</param>
/// <param name="FieldKey">The <see cref="Handlers.HeaderFieldHandler.Key"/> of the field it belongs to (<c>owner</c>); <see langword="null"/> for a label that no field reads: its rows are kept in <see cref="EsfProject.ExtraFields"/> without ESF0104.</param>
public sealed record HeaderLabel(string Text, string? FieldKey);

/// <summary>
/// Settings of an <see cref="EsfProjectParser"/>: languages, vocabulary, further labels and headings, strictness and
/// limits. Immutable; change it with <c>with</c> or through <see cref="ProjectParserBuilder"/>.
/// </summary>
/// <remarks>
/// Limits below 1 are refused when the parser is built (<see cref="ArgumentOutOfRangeException"/>): a limit that
/// cannot be met is a programming error, not a property of a page.
/// </remarks>
public sealed record ProjectParserOptions
{
    /// <summary>The settings of <see cref="ProjectParser"/>: Swedish, the default vocabulary, warnings stay warnings, the limits below.</summary>
    public static ProjectParserOptions Default { get; } = new();

    // Declared before any use in an initializer: static initializers run in text order, and Default's runs first.
    private static Encoding Windows1252 => Windows1252Encoding.Instance;


    /// <summary>Whose spellings are matched — of labels, headings and every other word of <see cref="Vocabulary"/>; <see cref="ParserLanguages.Swedish"/> by default.</summary>
    public ParserLanguages Languages { get; init; } = ParserLanguages.Swedish;

    /// <summary>The words the parser matches besides the field labels; <see cref="Projects.Vocabulary.Default"/> by default.</summary>
    public Vocabulary Vocabulary { get; init; } = Vocabulary.Default;

    /// <summary>Labels beyond those of the header fields (<see cref="ProjectParserBuilder.HeaderFields"/>); longer labels are tried first, whatever the order here.</summary>
    public ImmutableArray<HeaderLabel> Labels { get; init; } = [];

    /// <summary>
    /// Headings beyond the vocabulary's that start a section wherever they stand alone and end the header. Other
    /// capitalised short lines between blank lines are headings too; these are trusted even where the layout is odd.
    /// The exact headings of the section handlers are added to them.
    /// </summary>
    public ImmutableArray<string> KnownHeadings { get; init; } = [];

    /// <summary>Whether warnings are reported as errors (their severity raised, so <see cref="ProjectParseResult.HasErrors"/> sees them); <see langword="false"/> by default.</summary>
    public bool WarningsAsErrors { get; init; }

    /// <summary>The most characters parsed; the rest is dropped with ESF0006, before it is decoded. 4 Mi characters by default: pages are 5–20 K, and a page at the limit may cost up to about 40 times its characters in bytes to parse (a pathological one; a normal one about 2 times), so the limit bounds a page's memory to a few hundred MB; at least 1.</summary>
    public int MaxInputLength { get; init; } = 4 * 1024 * 1024;

    /// <summary>
    /// The most bytes read of one input (a stream, a file, an HTML page): as many as can hold
    /// <see cref="MaxInputLength"/> characters in any encoding read here (four bytes each, as UTF-32 needs, and a byte
    /// order mark), capped below the largest array. Readers take one byte more, to see that an input is too long.
    /// </summary>
    public long MaxInputBytes => Math.Min((4L * MaxInputLength) + 4, Array.MaxLength - 1);

    /// <summary>The most sections kept; text after the limit joins the last section, with ESF0007. 10 000 by default; at least 1.</summary>
    public int MaxSections { get; init; } = 10_000;

    /// <summary>
    /// How bytes without a byte order mark that are not valid UTF-8 are read, when they read cleanly in it (no
    /// undefined byte, no control character a page never holds): Windows-1252 by default, the encoding of pages
    /// saved by older Windows programs (Notepad's "ANSI" on a Swedish machine), reported with the warning ESF0011.
    /// <see langword="null"/> reads such bytes as UTF-8, each invalid sequence replaced, with the error ESF0003.
    /// Other code pages come from <see cref="CodePagesEncodingProvider.Instance"/>.
    /// </summary>
    public Encoding? FallbackEncoding { get; init; } = Windows1252;

    /// <summary>
    /// The encoding of every byte input, whatever it holds (a byte order mark of that encoding is skipped), instead
    /// of finding it out; <see langword="null"/> (the default) finds it: a BOM, else UTF-8, else <see cref="FallbackEncoding"/>.
    /// </summary>
    public Encoding? InputEncoding { get; init; }

    /// <summary>The most items kept in each of the three lists (co-financiers, partners, municipalities), with ESF0008 beyond. 100 000 by default; at least 1.</summary>
    public int MaxListItems { get; init; } = 100_000;

    /// <summary>
    /// The most diagnostics of one code kept per page; beyond it they are counted, not formatted, and one ESF0013
    /// says how many more there were. 100 by default — a real page has a handful; a scrape gone wrong can have a
    /// million unmarked list lines. At least 1.
    /// </summary>
    public int MaxDiagnosticsPerCode { get; init; } = 100;

    /// <summary>Whether both settings are the same, <see cref="Labels"/> and <see cref="KnownHeadings"/> compared element by element and the encodings as <see cref="Encoding.Equals(object?)"/> compares them (code page and fallbacks): a copy built from equal parts is equal.</summary>
    /// <param name="other">The other settings.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(ProjectParserOptions? other) =>
        ReferenceEquals(this, other)
        || (other is not null
            && Languages == other.Languages && Vocabulary == other.Vocabulary
            && ValueArrays.Equal(Labels, other.Labels) && ValueArrays.Equal(KnownHeadings, other.KnownHeadings)
            && WarningsAsErrors == other.WarningsAsErrors && MaxInputLength == other.MaxInputLength
            && MaxSections == other.MaxSections && MaxListItems == other.MaxListItems
            && MaxDiagnosticsPerCode == other.MaxDiagnosticsPerCode
            && Equals(FallbackEncoding, other.FallbackEncoding) && Equals(InputEncoding, other.InputEncoding));

    /// <summary>A hash consistent with <see cref="Equals(ProjectParserOptions?)"/>.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() => HashCode.Combine(Languages, Vocabulary, Labels.IsDefault ? 0 : Labels.Length, WarningsAsErrors, MaxInputLength, MaxSections, MaxListItems);
}

/// <summary>Windows-1252 from the code-page provider, made once on first use.</summary>
file static class Windows1252Encoding
{
    public static readonly Encoding Instance = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
}
