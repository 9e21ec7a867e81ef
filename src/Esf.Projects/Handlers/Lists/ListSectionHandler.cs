using System.Collections.Immutable;

namespace Esf.Projects.Handlers.Lists;

/// <summary>
/// What a section contributes to one of the project's lists: a section handler that returns it decides that the
/// section's items are co-financiers, partners or municipalities (<see cref="EsfProject.CoFinanciers"/> …). The first
/// one a section gets counts; a section without one joins no list. <see cref="ListSectionHandler"/> returns it for
/// each list section the vocabulary names; a handler of yours can return it for any section.
/// </summary>
/// <param name="Kind">Which list.</param>
/// <param name="Items">The items without their markers, in page order: for the built-in handler the very strings of <see cref="SectionContext.ListItems"/>, which the section's <see cref="ListBlock"/> holds too.</param>
public sealed record ListSectionData(ListSectionKind Kind, ImmutableArray<string> Items)
{
    /// <summary>Which list.</summary>
    public ListSectionKind Kind { get; } = Kind;

    /// <summary>The items without their markers, in page order: the same items as the section's <see cref="ListBlock"/> and the project's list.</summary>
    public ImmutableArray<string> Items { get; } = Items;

    /// <summary>Compares the kind and the items, item by item.</summary>
    /// <param name="other">The other result.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(ListSectionData? other) => other is not null && Kind == other.Kind && Items.SequenceEqual(other.Items);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Items.Length);
}

/// <summary>
/// Built-in handler that makes a list section's items one of the project's lists
/// (<see cref="EsfProject.CoFinanciers"/>, <see cref="EsfProject.Partners"/>, <see cref="EsfProject.Municipalities"/>)
/// and attaches them to the section: <c>section.GetData&lt;ListSectionData&gt;()</c>. The parser reads the section
/// and its items whatever the handlers (every line of a list section is an item, ESF0301 for an unmarked one);
/// this handler decides what they mean. Remove it and the sections and items stay, the project's list is empty;
/// replace it and the list is what your handler returns.
/// </summary>
public sealed class ListSectionHandler : SectionHandler<ListSectionData>
{
    /// <summary>Creates the handler for one list; it claims that list's headings in the parser's vocabulary and languages.</summary>
    /// <param name="kind">Which list.</param>
    public ListSectionHandler(ListSectionKind kind)
        : base(HeadingMatcher.ListSection(kind))
    {
        Kind = kind;
        Name = "ListSectionHandler(" + kind switch
        {
            ListSectionKind.CoFinanciers => nameof(ListSectionKind.CoFinanciers),
            ListSectionKind.Partners => nameof(ListSectionKind.Partners),
            _ => nameof(ListSectionKind.Municipalities),
        } + ")";
    }

    /// <summary>Which list this handler names.</summary>
    public ListSectionKind Kind { get; }

    /// <inheritdoc />
    public override string Name { get; }

    /// <inheritdoc />
    public override ListSectionData Handle(SectionContext context)
    {
        if (!context.ListItems.IsDefaultOrEmpty)
        {
            return new ListSectionData(Kind, context.ListItems);
        }

        var items = ImmutableArray.CreateBuilder<string>();
        foreach (var block in context.Section.Blocks)
        {
            if (block is ListBlock list)
            {
                foreach (var item in list.Items)
                {
                    items.Add(item.Text);
                }
            }
        }

        return new ListSectionData(Kind, items.DrainToImmutable());
    }
}
