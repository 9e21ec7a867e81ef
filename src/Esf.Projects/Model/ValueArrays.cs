using System.Collections.Immutable;

namespace Esf.Projects;

/// <summary>
/// Arrays compared as values: the records that hold an <see cref="ImmutableArray{T}"/> compare it element by element
/// (a record's generated equality would compare the arrays' identity), and a default array counts as empty.
/// </summary>
internal static class ValueArrays
{
    public static bool Equal<T>(ImmutableArray<T> a, ImmutableArray<T> b) =>
        (a.IsDefault ? [] : a).AsSpan().SequenceEqual((b.IsDefault ? [] : b).AsSpan());

    public static void AddTo<T>(ref HashCode hash, ImmutableArray<T> array)
    {
        foreach (var item in array.IsDefault ? [] : array)
        {
            hash.Add(item);
        }
    }
}
