using System.Collections.Immutable;

namespace Esf.Projects.Handlers.Lists;

/// <summary>The items of a list section, as attached by <see cref="ListSectionHandler"/>.</summary>
/// <param name="Kind">Which list.</param>
/// <param name="Items">The items without their markers, in page order: the same items as the section's <see cref="ListBlock"/> and the project's list.</param>
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
/// Built-in handler that names a list section's items: <c>section.GetData&lt;ListSectionData&gt;()</c>. The parser
/// itself reads the lists (every line of a list section is an item, ESF0301 for an unmarked one) and fills
/// <see cref="EsfProject.CoFinanciers"/>, <see cref="EsfProject.Partners"/> and <see cref="EsfProject.Municipalities"/>
/// from them; this handler only attaches the same items to the section, so removing it changes nothing else.
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
