using Esf.Projects.Handlers;
using Esf.Projects.Handlers.Lists;

namespace Esf.Projects.Parsing;

/// <summary>The frozen form of an <see cref="EsfProjectParser"/>'s settings, in the shapes the parser reads fast.</summary>
internal sealed class ParserConfiguration
{
    public ParserConfiguration(ProjectParserOptions options, IReadOnlyList<SectionHandler> handlers)
    {
        Options = options;
        Labels = HeaderLabels.Sorted(options.Labels.IsDefault ? [] : options.Labels);
        Handlers = [.. handlers];
        ListHandlers = [.. Handlers.OfType<ListSectionHandler>()];
        KnownHeadings = [.. (options.KnownHeadings.IsDefault ? [] : options.KnownHeadings).Concat(Handlers.SelectMany(h => h.Headings.Headings)).Distinct(StringComparer.OrdinalIgnoreCase)];
        Chrome = options.Chrome.IsDefault ? [] : [.. options.Chrome];
    }

    public ProjectParserOptions Options { get; }

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
