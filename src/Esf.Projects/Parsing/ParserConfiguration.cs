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
        Handlers = [.. handlers];
        ListHandlers = [.. Handlers.OfType<ListSectionHandler>()];
        KnownHeadings = [.. (options.KnownHeadings.IsDefault ? [] : options.KnownHeadings).Concat(Handlers.SelectMany(h => h.Headings.Headings)).Distinct(StringComparer.OrdinalIgnoreCase)];
        Chrome = options.Chrome.IsDefault ? [] : [.. options.Chrome];
    }

    public ProjectParserOptions Options { get; }

    public HeaderFieldHandler[] FieldHandlers { get; }

    public LabelDefinition[] Labels { get; }

    public SectionHandler[] Handlers { get; }

    public ListSectionHandler[] ListHandlers { get; }

    public string[] KnownHeadings { get; }

    public string[] Chrome { get; }

    /// <summary>A heading of one of the list sections, which may be followed directly by its items.</summary>
    public bool IsListHeading(ReadOnlySpan<char> content)
    {
        if (content.Length > 80)
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
