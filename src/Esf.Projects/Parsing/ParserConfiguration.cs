using System.Collections.Frozen;
using Esf.Projects.Fields;
using Esf.Projects.Handlers;
using Esf.Projects.Handlers.Lists;

namespace Esf.Projects.Parsing;

/// <summary>The frozen form of an <see cref="EsfProjectParser"/>'s settings, in the shapes the parser reads fast.</summary>
internal sealed class ParserConfiguration
{
    public ParserConfiguration(ProjectParserOptions options, IReadOnlyList<SectionHandler> handlers, IReadOnlyList<HeaderFieldHandler> fieldHandlers)
    {
        Options = options;
        FieldHandlers = [.. fieldHandlers];
        var labels = options.Labels.IsDefault ? [] : options.Labels;
        var taught = FieldHandlers.SelectMany(h => h.Labels).Where(l => !labels.Any(k => string.Equals(k.Text, l, StringComparison.OrdinalIgnoreCase)))
            .Distinct(StringComparer.OrdinalIgnoreCase).Select(l => new HeaderLabel(l, Model.HeaderFieldKind.Unknown));
        Labels = HeaderLabels.Sorted(labels.Concat(taught));
        _labelsByFirstChar = Labels.Any(l => l.Text.Length == 0)
            ? null
            : Labels.GroupBy(l => char.ToUpperInvariant(l.Text[0])).ToFrozenDictionary(g => g.Key, g => g.ToArray());
        Handlers = [.. handlers];
        _predicateHandlers = [.. Handlers.Where(h => h.Headings.Headings.IsEmpty)];
        _handlersByHeading = Handlers.SelectMany(h => h.Headings.Headings).Distinct(StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(
                heading => heading,
                heading => Handlers.Where(h => h.Headings.Headings.IsEmpty || h.Headings.Headings.Contains(heading, StringComparer.OrdinalIgnoreCase)).ToArray(),
                StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        ListHandlers = [.. Handlers.OfType<ListSectionHandler>()];
        _listHeadings = [.. ListHandlers.SelectMany(h => h.Headings.Headings)];
        _listHeadingPredicates = ListHandlers.Any(h => h.Headings.Headings.IsEmpty);
        KnownHeadings = [.. (options.KnownHeadings.IsDefault ? [] : options.KnownHeadings).Concat(Handlers.SelectMany(h => h.Headings.Headings)).Distinct(StringComparer.OrdinalIgnoreCase)];
        Chrome = options.Chrome.IsDefault ? [] : [.. options.Chrome];
    }

    /// <summary>The labels grouped by their upper-cased first character, each group in <see cref="Labels"/> order, so a line is
    /// only compared with the labels that could start it; <see langword="null"/> when a label is empty (then all are tried).</summary>
    private readonly FrozenDictionary<char, LabelDefinition[]>? _labelsByFirstChar;

    /// <summary>Every heading the list handlers name: a span-based, allocation-free pre-check for <see cref="IsListHeading"/>.</summary>
    private readonly string[] _listHeadings;

    /// <summary>Whether a list handler claims headings by predicate, which only a string can be offered to.</summary>
    private readonly bool _listHeadingPredicates;

    /// <summary>The handlers that claim headings by predicate, in registration order: all a heading no handler names can match.</summary>
    private readonly SectionHandler[] _predicateHandlers;

    /// <summary>For each heading a handler names (ignoring case): the handlers that may claim it, in registration order.</summary>
    private readonly FrozenDictionary<string, SectionHandler[]>.AlternateLookup<ReadOnlySpan<char>> _handlersByHeading;

    public ProjectParserOptions Options { get; }

    public HeaderFieldHandler[] FieldHandlers { get; }

    public LabelDefinition[] Labels { get; }

    public SectionHandler[] Handlers { get; }

    public ListSectionHandler[] ListHandlers { get; }

    public string[] KnownHeadings { get; }

    public string[] Chrome { get; }

    /// <summary>Matches a known label at the start of a line's content (<see cref="HeaderLabels.TryMatch"/> over the labels that share its first character).</summary>
    public bool TryMatchLabel(ReadOnlySpan<char> content, out LabelMatch match)
    {
        if (_labelsByFirstChar is null)
        {
            return HeaderLabels.TryMatch(Labels, content, out match);
        }

        if (content.IsEmpty || !_labelsByFirstChar.TryGetValue(char.ToUpperInvariant(content[0]), out var candidates))
        {
            match = default;
            return false;
        }

        return HeaderLabels.TryMatch(candidates, content, out match);
    }

    /// <summary>
    /// The handlers that may claim <paramref name="heading"/>, in registration order: a superset of those whose
    /// <see cref="HeadingMatcher.Matches"/> says yes (names compared ignoring case, plus every predicate), found with one
    /// lookup instead of one comparison per handler and heading.
    /// </summary>
    public SectionHandler[] HandlersFor(string heading) =>
        _handlersByHeading.TryGetValue(heading.AsSpan().Trim(), out var handlers) ? handlers : _predicateHandlers;

    /// <summary>A heading of one of the list sections, which may be followed directly by its items.</summary>
    public bool IsListHeading(ReadOnlySpan<char> content)
    {
        // Called for many body lines: only build a string when a named heading (ignoring case, a superset of what the
        // matchers accept) or a predicate could say yes.
        if (content.Length > 80 || (!_listHeadingPredicates && !HeaderLabels.IsOneOf(TextChars.Trim(content), _listHeadings)))
        {
            return false;
        }

        var text = content.ToString();
        foreach (var handler in ListHandlers)
        {
            if (handler.Headings.Matches(text))
            {
                return true;
            }
        }

        return false;
    }
}
