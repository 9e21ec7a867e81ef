using System.Buffers;

namespace Esf.Projects.Parsing;

/// <summary>
/// A list for one parse's scratch data (header rows, unplaced lines, the blocks, items and sections being read) whose
/// arrays come from and go back to <see cref="ArrayPool{T}.Shared"/>: a header of tens of thousands of rows grows it
/// without leaving a trail of garbage arrays, and a normal page reuses an array from the pool. Disposed when the parse
/// is done; not thread-safe.
/// </summary>
internal sealed class PooledList<T> : IDisposable
{
    private T[] _items = [];

    public int Count { get; private set; }

    public T this[int index] => AsSpan()[index];

    public ReadOnlySpan<T> AsSpan() => _items.AsSpan(0, Count);

    /// <summary>The items, for <c>foreach</c> (no copy).</summary>
    public ReadOnlySpan<T>.Enumerator GetEnumerator() => AsSpan().GetEnumerator();

    /// <summary>Empties the list and keeps its array (the items are overwritten by the next ones, and cleared when the array goes back to the pool).</summary>
    public void Clear() => Count = 0;

    public void Add(T item)
    {
        if (Count == _items.Length)
        {
            Grow(Count + 1);
        }

        _items[Count++] = item;
    }

    /// <summary>Merges <paramref name="more"/> into the list, both in ascending order of <paramref name="keyOf"/>; on equal keys the list's own item comes first.</summary>
    public void Merge(List<T> more, Func<T, int> keyOf)
    {
        if (more.Count == 0)
        {
            return;
        }

        var existing = _items;
        var count = Count;
        _items = ArrayPool<T>.Shared.Rent(count + more.Count);
        Count = 0;
        var a = 0;
        var b = 0;
        while (a < count || b < more.Count)
        {
            WorkCounter.Add(1);
            _items[Count++] = b >= more.Count || (a < count && keyOf(existing[a]) <= keyOf(more[b])) ? existing[a++] : more[b++];
        }

        Return(existing, count);
    }

    public void Dispose()
    {
        Return(_items, Count);
        _items = [];
        Count = 0;
    }

    private void Grow(int needed)
    {
        var larger = ArrayPool<T>.Shared.Rent(Math.Max(needed, Math.Max(16, _items.Length * 2)));
        AsSpan().CopyTo(larger);
        Return(_items, Count);
        _items = larger;
    }

    private static void Return(T[] array, int count)
    {
        if (array.Length > 0)
        {
            // Items that hold references (rows' labels, sections, the page's text) are cleared, so the pool keeps no
            // configuration or page alive.
            ArrayPool<T>.Shared.Return(array, clearArray: System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<T>());
        }
    }
}
