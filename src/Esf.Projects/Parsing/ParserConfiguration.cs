using System.Collections.Frozen;
using Esf.Projects.Fields;
using Esf.Projects.Handlers;
using Esf.Projects.ReferenceData;

namespace Esf.Projects.Parsing;

/// <summary>What a heading line means, by the vocabulary.</summary>
/// <param name="ListKind">The list section it opens, if any.</param>
/// <param name="ProseKind">The prose section it opens, if any.</param>
internal readonly record struct HeadingMeaning(ListSectionKind? ListKind, ProseSectionKind? ProseKind);

/// <summary>
/// The frozen form of an <see cref="EsfProjectParser"/>'s settings, in the shapes the parser reads fast: every word of
/// the vocabulary in the configured languages, the labels of every header field, the section handlers by heading.
/// </summary>
internal sealed class ParserConfiguration
{
    public ParserConfiguration(ProjectParserOptions options, IReadOnlyList<SectionHandler> handlers, IReadOnlyList<HeaderFieldHandler> fieldHandlers, IReadOnlyList<Esf.Projects.Layouts.PageLayoutReader> layouts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxInputLength, 1, nameof(options.MaxInputLength));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxSections, 1, nameof(options.MaxSections));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxListItems, 1, nameof(options.MaxListItems));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxDiagnosticsPerCode, 1, nameof(options.MaxDiagnosticsPerCode));
        ArgumentNullException.ThrowIfNull(options.Vocabulary, nameof(options.Vocabulary));
        Options = options;
        Languages = options.Languages;
        Vocabulary = options.Vocabulary;
        FieldHandlers = [.. fieldHandlers];
        UserFields = [.. FieldHandlers.Where(h => h.IsTypedField && h.BuiltInSlot < 0).Distinct()];
        CheckUserFieldKeys(UserFields);
        BuiltInFields = BuiltInsBySlot(FieldHandlers);
        Handlers = [.. handlers];

        Layouts = [.. layouts.Distinct()];
        LayoutMarks = Array.ConvertAll(Layouts, l => l.Marks);
        CheckLayoutNames(Layouts);
        Labels = BuildLabels(options, FieldHandlers, Languages, Layouts);
        _labelsByFirstChar = Labels.GroupBy(l => char.ToUpperInvariant(l.Text[0])).ToFrozenDictionary(g => g.Key, g => g.ToArray());

        Chrome = [.. Vocabulary.Chrome.In(Languages)];
        LanguageLinks = [.. Vocabulary.LanguageLink.In(Languages)];
        MissingWords = [.. Vocabulary.Missing.In(Languages)];
        GenericTitles = [.. Vocabulary.GenericTitles.In(Languages)];
        ClarificationWords = [.. Vocabulary.Clarification.In(Languages)];
        _clarificationStarts = [.. ClarificationWords.Where(w => w.Length > 0).SelectMany(w => new[] { char.ToLowerInvariant(w[0]), char.ToUpperInvariant(w[0]) }).Distinct()];
        foreach (var word in Chrome.Concat(LanguageLinks).Where(w => w.Length > 0))
        {
            _chromeLengths |= word.Length < 64 ? 1UL << word.Length : 1UL << 63;
        }

        _chromeStarts = [.. Chrome.Concat(LanguageLinks).Where(w => w.Length > 0).SelectMany(w => new[] { char.ToLowerInvariant(w[0]), char.ToUpperInvariant(w[0]) }).Distinct()];
        _leadInEndings = Words(Vocabulary.LeadInEndings);
        _leadInVerbs = Words(Vocabulary.LeadInVerbs);
        Regions = new RegionMatcher(Vocabulary.Regions, Languages);
        YesWords = [.. Vocabulary.Yes.In(Languages)];
        NoWords = [.. Vocabulary.No.In(Languages)];
        Phases = [.. Vocabulary.Phases.SelectMany(p => p.Term.In(Languages).Select(s => (s, p.Meaning)))];
        Funds = [.. Vocabulary.Funds.SelectMany(p => p.Term.In(Languages).Select(s => (s, p.Meaning)))];
        _labelsOf = FieldHandlers.Distinct().ToFrozenDictionary(h => h, h => h.Labels.In(Languages).ToArray());

        // Headings: the vocabulary's (with their meaning), the options', and those the section handlers name.
        var headings = new Dictionary<string, HeadingMeaning>(StringComparer.OrdinalIgnoreCase);
        foreach (var phrase in Vocabulary.ListHeadings)
        {
            foreach (var spelling in phrase.Term.In(Languages))
            {
                headings.TryAdd(spelling.Trim(), new HeadingMeaning(phrase.Meaning, null));
            }
        }

        foreach (var phrase in Vocabulary.ProseHeadings)
        {
            foreach (var spelling in phrase.Term.In(Languages))
            {
                headings.TryAdd(spelling.Trim(), new HeadingMeaning(null, phrase.Meaning));
            }
        }

        foreach (var heading in (options.KnownHeadings.IsDefault ? [] : options.KnownHeadings).Concat(Handlers.SelectMany(h => h.Headings.Headings)))
        {
            if (!string.IsNullOrWhiteSpace(heading))
            {
                headings.TryAdd(heading.Trim(), default);
            }
        }

        _headings = headings.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        LongestHeading = headings.Count == 0 ? 0 : headings.Keys.Max(h => h.Length);
        foreach (var heading in headings.Keys)
        {
            _headingLengths |= heading.Length < 64 ? 1UL << heading.Length : 1UL << 63;
        }

        _headingStarts = [.. headings.Keys.SelectMany(h => new[] { char.ToLowerInvariant(h[0]), char.ToUpperInvariant(h[0]) }).Distinct()];
        _predicateHandlers = [.. Handlers.Where(h => h.Headings.Headings.IsEmpty)];
        _handlersByHeading = Handlers.SelectMany(h => h.Headings.Headings).Distinct(StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(
                heading => heading,
                heading => Handlers.Where(h => h.Headings.Headings.IsEmpty || h.Headings.Headings.Contains(heading, StringComparer.OrdinalIgnoreCase)).ToArray(),
                StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The labels grouped by their upper-cased first character, each group in <see cref="Labels"/> order, so a line is only compared with the labels that could start it.</summary>
    private readonly FrozenDictionary<char, LabelDefinition[]> _labelsByFirstChar;

    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _leadInEndings;

    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _leadInVerbs;

    private readonly FrozenDictionary<string, HeadingMeaning>.AlternateLookup<ReadOnlySpan<char>> _headings;

    /// <summary>The handlers that claim headings by predicate or by kind, in registration order: all a heading no handler names can match.</summary>
    private readonly SectionHandler[] _predicateHandlers;

    /// <summary>For each heading a handler names (ignoring case): the handlers that may claim it, in registration order.</summary>
    private readonly FrozenDictionary<string, SectionHandler[]>.AlternateLookup<ReadOnlySpan<char>> _handlersByHeading;

    private readonly char[] _clarificationStarts;

    /// <summary>One bit per length of a chrome or language-link spelling (bit 63 for 63 and longer), and the characters they start with.</summary>
    private readonly ulong _chromeLengths;

    private readonly char[] _chromeStarts;

    /// <summary>Whether a line has a chrome or language-link spelling's length and first letter: two comparisons rule out nearly every line.</summary>
    public bool MayBeChrome(ReadOnlySpan<char> content) =>
        (_chromeLengths & (1UL << Math.Min(content.Length, 63))) != 0 && _chromeStarts.AsSpan().Contains(content[0]);

    /// <summary>Whether a line starting with <paramref name="c"/> may be a clarification (one comparison rules out nearly every line).</summary>
    public bool MayStartClarification(char c) => _clarificationStarts.AsSpan().Contains(c);

    /// <summary>One bit per length of a known heading (bit 63 for 63 and longer), and the characters they start with.</summary>
    private readonly ulong _headingLengths;

    private readonly char[] _headingStarts;

    /// <summary>Whether a line has a known heading's length and first letter: two comparisons rule out nearly every line before the lookup.</summary>
    public bool MayBeHeading(ReadOnlySpan<char> content) =>
        content.Length <= LongestHeading && (_headingLengths & (1UL << Math.Min(content.Length, 63))) != 0 && _headingStarts.AsSpan().Contains(content[0]);

    /// <summary>The length of the longest known heading: a longer line need not be looked up.</summary>
    public int LongestHeading { get; }

    public ProjectParserOptions Options { get; }

    public ParserLanguages Languages { get; }

    public Vocabulary Vocabulary { get; }

    public HeaderFieldHandler[] FieldHandlers { get; }

    /// <summary>The layout readers, each once, in the builder's order (the earlier wins a tie of evidence).</summary>
    public Esf.Projects.Layouts.PageLayoutReader[] Layouts { get; }

    /// <summary>Each layout's marks, read once when the parser is built (as the labels' weights are), in <see cref="Layouts"/> order.</summary>
    public Esf.Projects.Layouts.LayoutMarks[] LayoutMarks { get; }

    /// <summary>The typed fields that are not built in, in registration order, each once: their values go into the JSON's <c>extensions</c>, a column each of the projects table, and equality.</summary>
    public System.Collections.Immutable.ImmutableArray<HeaderFieldHandler> UserFields { get; }

    /// <summary>A layout's name is the pages' <see cref="EsfProject.LayoutName"/> and the JSON's <c>layout</c>, read back by name: two layouts of one name, or one named as the fallback (<c>unknown</c>) or a layout the parser does not hold under it, would make one name mean two layouts.</summary>
    /// <exception cref="ArgumentException">Two layouts share a name, or a name is taken.</exception>
    private static void CheckLayoutNames(Esf.Projects.Layouts.PageLayoutReader[] layouts)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { Esf.Projects.Parsing.Layouts.LayoutRecognizer.Fallback.Name };
        foreach (var layout in layouts)
        {
            if (!seen.Add(layout.Name))
            {
                throw new ArgumentException($"The layout name '{layout.Name}' is taken: by another layout, or by the tolerant reader (unknown).", "Layouts");
            }

            if (layout is not Esf.Projects.Parsing.Layouts.LayoutReader && Array.Exists(Esf.Projects.Parsing.Layouts.LayoutRecognizer.BuiltIn, b => string.Equals(b.Name, layout.Name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new ArgumentException($"'{layout.Name}' is a built-in layout's name; a layout of yours needs its own.", "Layouts");
            }
        }
    }

    /// <summary>The parser's definition of each built-in field, by slot: the built-in one, a replacement (<see cref="HeaderFieldDefinition{T}.WithReader"/>), or <see langword="null"/> when it was removed.</summary>
    public HeaderFieldHandler?[] BuiltInFields { get; }

    /// <exception cref="ArgumentException">Two definitions of one built-in field (the original beside its replacement, say).</exception>
    private static HeaderFieldHandler?[] BuiltInsBySlot(HeaderFieldHandler[] fields)
    {
        var bySlot = new HeaderFieldHandler?[EsfHeaderFields.All.Length];
        foreach (var field in fields)
        {
            if (field.BuiltInSlot < 0)
            {
                continue;
            }

            if (bySlot[field.BuiltInSlot] is { } other && !ReferenceEquals(other, field))
            {
                throw new ArgumentException($"Two definitions of the built-in field '{field.Key}'; put a replacement in the original's place.", "HeaderFields");
            }

            bySlot[field.BuiltInSlot] = field;
        }

        return bySlot;
    }

    /// <summary>A user field's key names its JSON member in <c>extensions</c> and its column in the projects table, so two fields with one key, or a key that is a built-in field's or column's name, would make one name mean two things.</summary>
    /// <exception cref="ArgumentException">Two fields share a key, or a key is taken by a built-in field or column.</exception>
    private static void CheckUserFieldKeys(System.Collections.Immutable.ImmutableArray<HeaderFieldHandler> fields)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in fields)
        {
            var key = field.Key!;
            if (!seen.Add(key))
            {
                throw new ArgumentException($"Two header fields have the key '{key}'; a key names one field's JSON member and column.", "HeaderFields");
            }

            if (Tables.ProjectColumns.All.Any(c => string.Equals(c.Name, key, StringComparison.OrdinalIgnoreCase)) || EsfHeaderFields.All.Any(f => string.Equals(f.Key, key, StringComparison.OrdinalIgnoreCase)))
            {
                throw new ArgumentException($"The header field key '{key}' is a built-in field's or column's name; choose another.", "HeaderFields");
            }
        }
    }

    /// <summary>Every label, longest first, so <c>Projektägare organisationsnummer</c> is tried before <c>Projektägare</c>.</summary>
    public LabelDefinition[] Labels { get; }

    public SectionHandler[] Handlers { get; }

    public string[] Chrome { get; }

    public string[] LanguageLinks { get; }

    public string[] MissingWords { get; }

    /// <summary><see cref="Vocabulary.GenericTitles"/> in the enabled languages.</summary>
    public string[] GenericTitles { get; }

    public string[] ClarificationWords { get; }

    public RegionMatcher Regions { get; }

    public string[] YesWords { get; }

    public string[] NoWords { get; }

    /// <summary>Every active spelling of a phase, with its kind.</summary>
    public (string Spelling, ProjectPhaseKind Kind)[] Phases { get; }

    /// <summary>Every active spelling of a fund, with its fund.</summary>
    public (string Spelling, EsfFund Fund)[] Funds { get; }

    private readonly FrozenDictionary<HeaderFieldHandler, string[]> _labelsOf;

    /// <summary>The active spellings of a field's labels.</summary>
    public string[] LabelsOf(HeaderFieldHandler handler) => _labelsOf.TryGetValue(handler, out var labels) ? labels : [.. handler.Labels.In(Languages)];

    /// <summary>The meaning of the first spelling the text is, ignoring case and surrounding white space.</summary>
    public static bool TryMatch<T>(ReadOnlySpan<char> text, (string Spelling, T Meaning)[] table, out T meaning)
    {
        text = TextChars.Trim(text);
        foreach (var (spelling, value) in table)
        {
            if (TextChars.EqualsIgnoreCase(text, spelling))
            {
                meaning = value;
                return true;
            }
        }

        meaning = default!;
        return false;
    }

    public static bool IsOneOf(ReadOnlySpan<char> content, string[] words)
    {
        foreach (var word in words)
        {
            if (TextChars.EqualsIgnoreCase(content, word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A heading the vocabulary, the options or a handler names; what it means, if anything.</summary>
    public bool TryGetHeading(ReadOnlySpan<char> content, out HeadingMeaning meaning) => _headings.TryGetValue(content, out meaning);

    public bool IsLeadInEnding(ReadOnlySpan<char> word) => _leadInEndings.Contains(word);

    public bool IsLeadInVerb(ReadOnlySpan<char> word) => _leadInVerbs.Contains(word);

    /// <summary>Matches a known label at the start of a line's content, over the labels that share its first character.</summary>
    public bool TryMatchLabel(ReadOnlySpan<char> content, out LabelMatch match)
    {
        if (content.IsEmpty || !_labelsByFirstChar.TryGetValue(char.ToUpperInvariant(content[0]), out var candidates))
        {
            match = default;
            return false;
        }

        return LabelMatcher.TryMatch(candidates, content, this, out match);
    }

    /// <summary>
    /// The handlers that may claim <paramref name="heading"/>, in registration order: a superset of those whose
    /// matcher says yes (names compared ignoring case, plus every predicate and kind matcher), found with one lookup
    /// instead of one comparison per handler and heading.
    /// </summary>
    public SectionHandler[] HandlersFor(string heading) =>
        _handlersByHeading.TryGetValue(heading.AsSpan().Trim(), out var handlers) ? handlers : _predicateHandlers;

    private FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Words(Term term) =>
        term.In(Languages).ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The labels of every field in the configured languages, and the further labels of the options; each label claimed by the fields that list it, in field order.</summary>
    private static LabelDefinition[] BuildLabels(ProjectParserOptions options, HeaderFieldHandler[] fields, ParserLanguages languages, Esf.Projects.Layouts.PageLayoutReader[] layouts)
    {
        var claims = new Dictionary<string, List<HeaderFieldHandler>>(StringComparer.OrdinalIgnoreCase);
        var order = new List<string>();
        void Claim(string label, HeaderFieldHandler? field)
        {
            label = label.Trim();
            if (label.Length == 0)
            {
                return;
            }

            if (!claims.TryGetValue(label, out var list))
            {
                claims[label] = list = [];
                order.Add(label);
            }

            if (field is not null && !list.Contains(field))
            {
                list.Add(field);
            }
        }

        foreach (var field in fields)
        {
            foreach (var label in field.Labels.In(languages))
            {
                Claim(label, field);
            }
        }

        foreach (var extra in options.Labels.IsDefault ? [] : options.Labels)
        {
            ArgumentNullException.ThrowIfNull(extra, nameof(options.Labels));
            ArgumentException.ThrowIfNullOrWhiteSpace(extra.Text, nameof(options.Labels));
            var field = extra.FieldKey is null ? null : Array.Find(fields, f => f.Key == extra.FieldKey)
                ?? throw new ArgumentException($"No header field has the key '{extra.FieldKey}' for the label '{extra.Text}'.", nameof(options));
            Claim(extra.Text, field);
        }

        return [.. order.Select(label => new LabelDefinition(label, [.. claims[label]], layouts)).OrderByDescending(l => l.Text.Length)];
    }
}
