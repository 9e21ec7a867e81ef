using System.Collections.Immutable;
using Esf.Projects.Fields;

namespace Esf.Projects.Parsing;

/// <summary>
/// The one reader of list items, for prose lists and list sections alike: an item starts at a marker line, and a line
/// without a marker directly after it (no blank line between) continues it. Each item's text is built once, when the
/// item ends — its first line a slice of the section text, a multi-line item one string joined by spaces — so a long
/// run of continuation lines costs time in proportion to its length.
/// </summary>
/// <remarks>
/// In a list section a line without a marker continues a marked item only when the item leads on to it (it ends with
/// <c>och</c>, a comma or a hyphen, or the line starts in lower case: <c>• Lomma och</c> / <c>Burlöv</c>); any other
/// unmarked line is an item of its own. In prose every unmarked line directly after an item continues it.
/// <see cref="BulletList"/> applies the same rule to text.
/// </remarks>
internal struct ListItemReader(PageLines page, SectionText text, PooledList<ListItem> items, ListItemReader.Mode mode)
{
    private int _first = -1;
    private int _last = -1;
    private int _skip;
    private ListMarkerKind _marker;
    private bool _blankSinceItem;

    public enum Mode
    {
        /// <summary>Lists inside prose: every unmarked line directly after an item continues it.</summary>
        Prose,

        /// <summary>A list section, where every line is an item.</summary>
        ListSection,
    }

    /// <summary>The marker of the last item read, or <see cref="ListMarkerKind.None"/>.</summary>
    private ListMarkerKind _lastMarker;

    public void Blank() => _blankSinceItem = true;

    /// <summary>Whether a marker line at <paramref name="index"/> starts a new list: after a blank line, with another kind of marker.</summary>
    public readonly bool EndsBefore(int index) =>
        (_first >= 0 || items.Count > 0) && _blankSinceItem && _lastMarker != page.Basic(index).Marker;

    /// <summary>Starts an item at a marker line; false when the line has no marker.</summary>
    public bool TryAdd(int index)
    {
        ref readonly var info = ref page.Basic(index);
        if (!info.Is(LineFlags.ListItem))
        {
            return false;
        }

        Start(index, info.ValueOffset, info.Marker);
        return true;
    }

    /// <summary>Starts an item at a line without a marker (in a list section).</summary>
    public void AddUnmarked(int index) => Start(index, 0, ListMarkerKind.None);

    /// <summary>Continues the current item with an unmarked line when the mode allows; false otherwise.</summary>
    public bool TryContinue(int index)
    {
        if (_first < 0 || _blankSinceItem || page.Basic(index).Is(LineFlags.ListItem))
        {
            return false;
        }

        if (mode == Mode.ListSection && (_marker == ListMarkerKind.None || !LeadsOn(page.Content(_last), page.Content(index), page.Config)))
        {
            return false;
        }

        _last = index;
        return true;
    }

    /// <summary>Ends the current item, if any, and adds it.</summary>
    public void Flush()
    {
        if (_first < 0)
        {
            return;
        }

        var position = page.Lines[_first].ContentPosition;
        items.Add(_last == _first
            ? new ListItem(position, _marker, text.Slice(_first, _first, _skip))
            : new ListItem(position, _marker, JoinLines()));
        _first = _last = -1;
    }

    /// <summary>Whether an item's last line leads on to the next (in a list section): it ends with a joining word, a comma or a hyphen, or the next line starts in lower case.</summary>
    internal static bool LeadsOn(ReadOnlySpan<char> itemLine, ReadOnlySpan<char> next, ParserConfiguration config)
    {
        if (char.IsLower(next[0]) || itemLine[^1] is ',' or '-' or '\u2013' or '&')
        {
            return true;
        }

        var space = itemLine.LastIndexOf(' ');
        return space >= 0 && config.IsLeadInEnding(itemLine[(space + 1)..]);
    }

    private void Start(int index, int skip, ListMarkerKind marker)
    {
        Flush();
        _first = _last = index;
        _skip = skip;
        _marker = marker;
        _lastMarker = marker;
        _blankSinceItem = false;
    }

    /// <summary>The item's lines, its first from the marker on, joined by single spaces: one string of the exact length.</summary>
    private readonly string JoinLines()
    {
        var length = -1;
        for (var i = _first; i <= _last; i++)
        {
            length += page.Lines[i].ContentLength + 1;
            WorkCounter.Add(page.Lines[i].ContentLength + 1);
        }

        length -= _skip;
        return string.Create(length, (Source: page.Source, First: _first, Last: _last, Skip: _skip), static (destination, state) =>
        {
            var w = 0;
            for (var i = state.First; i <= state.Last; i++)
            {
                var line = state.Source.Lines[i];
                var content = state.Source.Text.AsSpan(line.ContentStart, line.ContentLength);
                if (i == state.First)
                {
                    content = content[state.Skip..];
                }
                else
                {
                    destination[w++] = ' ';
                }

                content.CopyTo(destination[w..]);
                w += content.Length;
            }
        });
    }
}
