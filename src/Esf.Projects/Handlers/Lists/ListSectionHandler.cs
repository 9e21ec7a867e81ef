using System.Collections.Immutable;
using Esf.Projects.Diagnostics;
using Esf.Projects.Fields;

namespace Esf.Projects.Handlers.Lists;

/// <summary>Which of the page's three lists a list section is.</summary>
public enum ListSectionKind
{
    /// <summary><c>Medfinansiärer</c>: organisations co-financing the project (<see cref="Model.EsfProject.CoFinanciers"/>).</summary>
    CoFinanciers,

    /// <summary><c>Samarbetspartners</c>: partner organisations (<see cref="Model.EsfProject.Partners"/>).</summary>
    Partners,

    /// <summary><c>Kommun</c>: the municipalities the project covers (<see cref="Model.EsfProject.Municipalities"/>).</summary>
    Municipalities,
}

/// <summary>The items of a list section.</summary>
/// <param name="Kind">Which list.</param>
/// <param name="Items">The items without their markers, in page order; an unmarked line is kept as an item (with ESF0301).</param>
public sealed record ListSectionData(ListSectionKind Kind, ImmutableArray<string> Items);

/// <summary>
/// Built-in handler for the three list sections; the project's <see cref="Model.EsfProject.CoFinanciers"/>,
/// <see cref="Model.EsfProject.Partners"/> and <see cref="Model.EsfProject.Municipalities"/> are read from its result.
/// Replace it (<see cref="SectionHandlerList.Replace{T}(SectionHandler)"/>) to read those lists differently.
/// </summary>
public sealed class ListSectionHandler : SectionHandler<ListSectionData>
{
    /// <summary>Creates the handler for one list.</summary>
    /// <param name="kind">Which list.</param>
    /// <param name="headings">Its headings; <see cref="DefaultHeadings"/> when <see langword="null"/>.</param>
    public ListSectionHandler(ListSectionKind kind, HeadingMatcher? headings = null)
        : base(headings ?? DefaultHeadings(kind))
    {
        Kind = kind;
    }

    /// <summary>Which list this handler reads.</summary>
    public ListSectionKind Kind { get; }

    /// <inheritdoc />
    public override string Name => "ListSectionHandler(" + Kind switch
    {
        ListSectionKind.CoFinanciers => nameof(ListSectionKind.CoFinanciers),
        ListSectionKind.Partners => nameof(ListSectionKind.Partners),
        _ => nameof(ListSectionKind.Municipalities),
    } + ")";

    /// <summary>The Swedish headings of a list, matched ignoring case: <c>Medfinansiärer</c>/<c>Medfinansiär</c>, <c>Samarbetspartners</c>/<c>Samarbetspartner</c>, <c>Kommun</c>/<c>Kommuner</c>.</summary>
    /// <param name="kind">Which list.</param>
    /// <returns>The matcher.</returns>
    public static HeadingMatcher DefaultHeadings(ListSectionKind kind) => kind switch
    {
        ListSectionKind.CoFinanciers => HeadingMatcher.IgnoreCase("Medfinansiärer", "Medfinansiär"),
        ListSectionKind.Partners => HeadingMatcher.IgnoreCase("Samarbetspartners", "Samarbetspartner"),
        _ => HeadingMatcher.IgnoreCase("Kommun", "Kommuner"),
    };

    /// <inheritdoc />
    public override ListSectionData Handle(SectionContext context)
    {
        var items = ImmutableArray.CreateBuilder<string>(context.LineCount);
        for (var i = 0; i < context.LineCount; i++)
        {
            var line = context.GetLine(i);
            if (line.IsEmpty)
            {
                continue;
            }

            if (ListMarker.TryRead(line, out _, out var itemStart))
            {
                items.Add(line[itemStart..].ToString());
            }
            else
            {
                var text = line.ToString();
                context.Report(DiagnosticSeverity.Info, DiagnosticCodes.ListItemWithoutMarker, DiagnosticMessages.ListItemWithoutMarker(context.Heading, text), context.GetLinePosition(i));
                items.Add(text);
            }
        }

        return new ListSectionData(Kind, items.DrainToImmutable());
    }
}
