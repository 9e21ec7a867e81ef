using System.Collections.Immutable;
using System.Text;

namespace Esf.Projects.Fields;

/// <summary>One item of a list read by <see cref="BulletList"/>.</summary>
/// <param name="Marker">The marker written (<c>•</c>, <c>-</c>, <c>1.</c> …).</param>
/// <param name="Text">The item text without its marker, trimmed; continuation lines are joined with one space.</param>
/// <param name="Index">0-based index in the parsed text where the marker starts.</param>
public readonly record struct BulletListItem(ListMarkerKind Marker, string Text, int Index)
{
    /// <summary>The marker written (<c>•</c>, <c>-</c>, <c>1.</c> …).</summary>
    public ListMarkerKind Marker { get; } = Marker;

    /// <summary>The item text without its marker, trimmed; continuation lines are joined with one space.</summary>
    public string Text { get; } = Text;

    /// <summary>0-based index in the parsed text where the marker starts.</summary>
    public int Index { get; } = Index;
}

/// <summary>
/// Reads a bullet list written as text — <c>•</c>, <c>-</c>, <c>–</c>, <c>*</c>, <c>·</c>, <c>1.</c>, <c>1)</c>,
/// <c>a)</c> — into its items, the same way the page parser reads a list inside a section's prose (a test holds the
/// two to the same items on every list of the test pages). A list section (<c>Kommun</c>, <c>Samarbetspartners</c>)
/// is read otherwise: every line is an item there, and an unmarked line joins the item before only when that item
/// leads on to it (<c>• Lomma och</c> / <c>Burlöv</c>).
/// </summary>
/// <remarks>
/// Lines may end in <c>\n</c>, <c>\r\n</c> or <c>\r</c>; indentation and trailing spaces are ignored; blank lines
/// between items are allowed. A non-blank line without a marker that directly follows an item (no blank line
/// between) continues that item. Any other unmarked line — before the first item, or after a blank line — is
/// rejected with <see cref="FieldParseError.MissingListMarker"/> and its index: the parser does not guess whether
/// prose is a list. Markers follow <see cref="ListMarker.TryRead"/>, so a hyphenated word or a negative number does not
/// start an item. Text with no items at all is <see cref="FieldParseError.Empty"/>.
/// </remarks>
public static class BulletList
{
    /// <summary>Reads the items of a list.</summary>
    /// <param name="text">The list, one item per line.</param>
    /// <returns>The items in order, or the failure with the index of the offending line's first character.</returns>
    public static FieldParseResult<ImmutableArray<BulletListItem>> Parse(ReadOnlySpan<char> text)
    {
        var items = ImmutableArray.CreateBuilder<BulletListItem>();
        var current = new StringBuilder();
        var marker = ListMarkerKind.None;
        var markerIndex = -1;
        var blankSinceItem = false;
        var lineStart = 0;
        while (lineStart <= text.Length)
        {
            var rest = text[lineStart..];
            var lineLength = rest.IndexOfAny('\n', '\r');
            var line = lineLength < 0 ? rest : rest[..lineLength];
            var next = lineLength < 0 ? text.Length + 1 : lineStart + lineLength + (rest[lineLength] == '\r' && lineLength + 1 < rest.Length && rest[lineLength + 1] == '\n' ? 2 : 1);
            var content = TextChars.Trim(line);
            if (content.IsEmpty)
            {
                blankSinceItem = true;
            }
            else if (ListMarker.TryRead(line, out var kind, out var contentStart))
            {
                Flush();
                marker = kind;
                markerIndex = lineStart + TextChars.SkipSpaces(line, 0);
                current.Append(TextChars.Trim(line[contentStart..]));
                blankSinceItem = false;
            }
            else if (markerIndex >= 0 && !blankSinceItem)
            {
                current.Append(' ').Append(content);
            }
            else
            {
                return FieldParseResult<ImmutableArray<BulletListItem>>.ForError(FieldParseError.MissingListMarker, lineStart + TextChars.SkipSpaces(line, 0));
            }

            lineStart = next;
        }

        Flush();
        return items.Count == 0
            ? FieldParseResult<ImmutableArray<BulletListItem>>.ForError(FieldParseError.Empty, 0)
            : FieldParseResult<ImmutableArray<BulletListItem>>.ForValue(items.DrainToImmutable());

        void Flush()
        {
            if (markerIndex >= 0)
            {
                items.Add(new BulletListItem(marker, current.ToString(), markerIndex));
                current.Clear();
            }
        }
    }

    /// <summary>Reads the items of a list.</summary>
    /// <param name="text">The list, one item per line.</param>
    /// <param name="items">The items, or an empty array when rejected.</param>
    /// <returns>Whether the text is a list.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out ImmutableArray<BulletListItem> items)
    {
        var result = Parse(text);
        items = result.Success ? result.Value : [];
        return result.Success;
    }
}
