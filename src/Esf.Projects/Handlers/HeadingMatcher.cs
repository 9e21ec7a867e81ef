using System.Collections.Immutable;

namespace Esf.Projects.Handlers;

/// <summary>Which section headings a handler claims: exact text, text ignoring case, or any predicate. Immutable.</summary>
/// <remarks>
/// Headings are compared after trimming, ordinally (<see cref="StringComparison.Ordinal"/> or
/// <see cref="StringComparison.OrdinalIgnoreCase"/>), never with the current culture. Exact and case-insensitive
/// headings are also added to the parser's known headings, so a page that puts them in an odd place still starts a
/// section there; a predicate cannot be, so it only sees headings the layout already made.
/// </remarks>
public sealed class HeadingMatcher
{
    private readonly Func<string, bool>? _predicate;
    private readonly StringComparison _comparison;

    private HeadingMatcher(ImmutableArray<string> headings, StringComparison comparison, Func<string, bool>? predicate)
    {
        Headings = headings;
        _comparison = comparison;
        _predicate = predicate;
    }

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
    public HeadingMatcher With(params string[] more) => _predicate is null
        ? new([.. Headings, .. Check(more)], _comparison, null)
        : throw new InvalidOperationException("A predicate matcher has no heading list to extend.");

    /// <summary>Whether the heading is claimed.</summary>
    /// <param name="heading">The section heading as written.</param>
    /// <returns>Whether it matches.</returns>
    public bool Matches(string heading)
    {
        ArgumentNullException.ThrowIfNull(heading);
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
