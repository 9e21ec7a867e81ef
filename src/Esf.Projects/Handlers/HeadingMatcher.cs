using System.Collections.Immutable;
using Esf.Projects.Fields;

namespace Esf.Projects.Handlers;

/// <summary>Which section headings a handler claims: exact text, text ignoring case, any predicate, or a kind of section the vocabulary names. Immutable.</summary>
/// <remarks>
/// Headings are compared after trimming, ordinally (<see cref="StringComparison.Ordinal"/> or
/// <see cref="StringComparison.OrdinalIgnoreCase"/>), never with the current culture. Exact and case-insensitive
/// headings are also added to the parser's known headings, so a page that puts them in an odd place still starts a
/// section there; a predicate cannot be, so it only sees headings the layout already made. The kind matchers
/// (<see cref="ListSection"/>, <see cref="ProseSections"/>) claim what the parser's <see cref="Vocabulary"/> says in its
/// languages, so a handler never decides how a page is split into sections.
/// </remarks>
public sealed class HeadingMatcher
{
    private readonly Func<string, bool>? _predicate;
    private readonly StringComparison _comparison;
    private readonly ListSectionKind? _listKind;
    private readonly bool _prose;

    private HeadingMatcher(ImmutableArray<string> headings, StringComparison comparison, Func<string, bool>? predicate, ListSectionKind? listKind = null, bool prose = false)
    {
        Headings = headings;
        _comparison = comparison;
        _predicate = predicate;
        _listKind = listKind;
        _prose = prose;
    }

    /// <summary>Claims the headings of one list section as the parser's vocabulary spells them (<see cref="Vocabulary.ListHeadings"/>).</summary>
    /// <param name="kind">Which list.</param>
    /// <returns>The matcher.</returns>
    public static HeadingMatcher ListSection(ListSectionKind kind) => new([], StringComparison.Ordinal, null, kind);

    /// <summary>Claims every prose heading of the parser's vocabulary (<see cref="Vocabulary.ProseHeadings"/>).</summary>
    /// <returns>The matcher.</returns>
    public static HeadingMatcher ProseSections() => new([], StringComparison.Ordinal, null, prose: true);

    /// <summary>Whether this matcher claims by kind of section rather than by text.</summary>
    internal bool IsKindMatcher => _listKind is not null || _prose;

    /// <summary>The headings named (empty for a predicate).</summary>
    public ImmutableArray<string> Headings { get; }

    /// <summary>Claims headings written exactly so (ordinal comparison).</summary>
    /// <param name="headings">One or more headings, such as <c>Målsättning</c>.</param>
    /// <returns>The matcher.</returns>
    public static HeadingMatcher Exact(params string[] headings) => new(Check(headings), StringComparison.Ordinal, null);

    /// <summary>Claims headings equal to these ignoring case (ordinal, culture-free): <c>MÅLSÄTTNING</c> matches <c>Målsättning</c>.</summary>
    /// <param name="headings">One or more headings.</param>
    /// <returns>The matcher.</returns>
    public static HeadingMatcher IgnoreCase(params string[] headings) => new(Check(headings), StringComparison.OrdinalIgnoreCase, null);

    /// <summary>Claims every heading the predicate accepts (called with the trimmed heading; it must be thread-safe and should not throw).</summary>
    /// <param name="predicate">The test.</param>
    /// <returns>The matcher.</returns>
    public static HeadingMatcher Where(Func<string, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return new([], StringComparison.Ordinal, predicate);
    }

    /// <summary>A matcher that also claims <paramref name="more"/>, compared as this one compares.</summary>
    /// <param name="more">Further headings.</param>
    /// <returns>The wider matcher.</returns>
    /// <exception cref="InvalidOperationException">This matcher is a predicate.</exception>
    public HeadingMatcher With(params string[] more) => _predicate is null && !IsKindMatcher
        ? new([.. Headings, .. Check(more)], _comparison, null)
        : throw new InvalidOperationException("A predicate or kind matcher has no heading list to extend.");

    /// <summary>Whether the heading is claimed; kind matchers use the default vocabulary in both languages.</summary>
    /// <param name="heading">The section heading as written.</param>
    /// <returns>Whether it matches.</returns>
    public bool Matches(string heading)
    {
        ArgumentNullException.ThrowIfNull(heading);
        if (IsKindMatcher)
        {
            var trimmed = heading.AsSpan().Trim();
            if (_listKind is { } list)
            {
                foreach (var phrase in Vocabulary.Default.ListHeadings)
                {
                    if (phrase.Meaning == list && Spelled(phrase.Term, trimmed))
                    {
                        return true;
                    }
                }

                return false;
            }

            foreach (var phrase in Vocabulary.Default.ProseHeadings)
            {
                if (Spelled(phrase.Term, trimmed))
                {
                    return true;
                }
            }

            return false;
        }

        return MatchesText(heading);
    }

    /// <summary>Whether the heading is claimed, given what the parser already knows of the section.</summary>
    internal bool Matches(string heading, ListSectionKind? listKind, ProseSectionKind? proseKind) =>
        _listKind is { } list ? listKind == list
        : _prose ? proseKind is not null
        : MatchesText(heading);

    private static bool Spelled(Term term, ReadOnlySpan<char> heading)
    {
        foreach (var spelling in term.In(ParserLanguages.SwedishAndEnglish))
        {
            if (TextChars.EqualsIgnoreCase(heading, spelling))
            {
                return true;
            }
        }

        return false;
    }

    private bool MatchesText(string heading)
    {
        var trimmed = heading.Trim();
        if (_predicate is not null)
        {
            return _predicate(trimmed);
        }

        foreach (var candidate in Headings)
        {
            if (string.Equals(candidate, trimmed, _comparison))
            {
                return true;
            }
        }

        return false;
    }

    private static ImmutableArray<string> Check(string[] headings)
    {
        ArgumentNullException.ThrowIfNull(headings);
        if (headings.Length == 0 || Array.Exists(headings, string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Give at least one heading, none of them blank.", nameof(headings));
        }

        return [.. headings.Select(h => h.Trim())];
    }
}
