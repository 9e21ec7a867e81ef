using System.Buffers;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace Esf.Projects.ReferenceData;

/// <summary>
/// Sweden's 290 municipalities and 21 counties (codes in force in 2026), embedded in the library, and tolerant
/// matching of the names pages write. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// <para>Matching, in order: (1) the name compared ignoring case, with <c>-</c> and spaces equal and a trailing
/// <c>kommun</c>, <c>stad</c> or <c>kommuner</c> removed (<c>Göteborgs Stad</c>, <c>Malung Sälen</c>); (2) the same
/// without a genitive <c>s</c> (<c>Burlövs Kommun</c> → Burlöv), tried only when (1) fails, so <c>Borås</c> stays
/// Borås; (3) the same with diacritics removed (<c>Kavlinge</c>), only when that is unambiguous — <c>Habo</c> and
/// <c>Håbo</c> are two municipalities, so an undotted <c>Habo</c> is Habo by step 1 and nothing else guesses.</para>
/// <para>Unmatched names get suggestions: the municipalities whose folded names are closest by Levenshtein
/// distance (at most a third of the name's length, at least 2), nearest first.</para>
/// </remarks>
public static class SwedishMunicipalities
{
    // First: static initialisers run in textual order, and the tables below call Key, which reads it.
    private static readonly string[] Suffixes = [" kommuner", " kommun", " stad"];

    /// <summary>The last letters of <see cref="Suffixes"/>: a key ending in none of them needs no suffix check.</summary>
    private static readonly SearchValues<char> SuffixEnds = SearchValues.Create([.. Suffixes.Select(s => s[^1]).Distinct()]);

    private static readonly ImmutableArray<County> CountyList =
        [.. MunicipalityTable.Counties.Select(c => new County(c.Code, c.Name, c.Region))];

    private static readonly FrozenDictionary<string, County> CountyByCode = CountyList.ToFrozenDictionary(c => c.Code, StringComparer.Ordinal);

    private static readonly ImmutableArray<Municipality> MunicipalityList =
        [.. MunicipalityTable.Municipalities.Select(m => new Municipality(m.Code, m.Name, CountyByCode[m.Code[..2]]))];

    private static readonly FrozenDictionary<string, Municipality> ByCode = MunicipalityList.ToFrozenDictionary(m => m.Code, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, Municipality> ByKey = MunicipalityList.ToFrozenDictionary(m => Key(m.Name), StringComparer.Ordinal);

    /// <summary>Each municipality with its folded key, computed once: the matching and the suggestions both use it.</summary>
    private static readonly (Municipality Municipality, string FoldedKey)[] FoldedKeys = [.. MunicipalityList.Select(m => (m, Fold(Key(m.Name))))];

    private static readonly FrozenDictionary<string, Municipality> ByFoldedKey = FoldedKeys
        .GroupBy(x => x.FoldedKey, x => x.Municipality, StringComparer.Ordinal)
        .Where(g => g.Count() == 1)
        .ToFrozenDictionary(g => g.Key, g => g.Single(), StringComparer.Ordinal);

    // Span lookups into the same tables: matching a name costs no allocation.
    private static readonly FrozenDictionary<string, Municipality>.AlternateLookup<ReadOnlySpan<char>> ByKeySpan = ByKey.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenDictionary<string, Municipality>.AlternateLookup<ReadOnlySpan<char>> ByFoldedKeySpan = ByFoldedKey.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>All 290 municipalities, ordered by code.</summary>
    public static ImmutableArray<Municipality> All => MunicipalityList;

    /// <summary>All 21 counties, ordered by code.</summary>
    public static ImmutableArray<County> Counties => CountyList;

    /// <summary>Finds a municipality by its four-digit SCB code.</summary>
    /// <param name="code">The code, such as <c>1261</c>.</param>
    /// <returns>The municipality, or <see langword="null"/>.</returns>
    public static Municipality? FindByCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return ByCode.GetValueOrDefault(code.Trim());
    }

    /// <summary>Matches a name as a page writes it, by the three steps in the class remarks, without allocating (a <see cref="string"/> converts to the span; <see langword="null"/> is empty and matches nothing).</summary>
    /// <param name="name">The name, such as <c>Burlövs Kommun</c>.</param>
    /// <param name="municipality">The municipality, or <see langword="null"/>.</param>
    /// <returns>Whether the name matched.</returns>
    public static bool TryMatch(ReadOnlySpan<char> name, [NotNullWhen(true)] out Municipality? municipality)
    {
        // A constant-size buffer: the JIT clears it with a few vector stores, where a variable-size one costs a call. A
        // key that does not fit is longer than every name with every suffix, so it matches none: a name of megabytes
        // costs one pass to that point, no copy of its size.
        Span<char> buffer = stackalloc char[KeyBufferLength];
        var length = WriteKey(name, buffer);
        if (length < 0)
        {
            municipality = null;
            return false;
        }

        var key = buffer[..length];
        if (ByKeySpan.TryGetValue(key, out municipality)
            || (key.EndsWith('s') && ByKeySpan.TryGetValue(key[..^1], out municipality)))
        {
            return true;
        }

        FoldInPlace(key);
        if (ByFoldedKeySpan.TryGetValue(key, out municipality)
            || (key.EndsWith('s') && ByFoldedKeySpan.TryGetValue(key[..^1], out municipality)))
        {
            return true;
        }

        municipality = null;
        return false;
    }

    /// <summary>The municipalities whose names are closest to <paramref name="name"/>, nearest first: what to suggest for an unmatched name.</summary>
    /// <param name="name">The unmatched name.</param>
    /// <param name="count">At most this many.</param>
    /// <returns>The suggestions; empty when nothing is close.</returns>
    /// <remarks>Bounded work whatever the name: names whose length differs by more than the allowed distance are skipped
    /// before any comparison, and the distance is computed on the stack, stopping once it exceeds the limit.</remarks>
    public static ImmutableArray<Municipality> Suggest(string name, int count = 3)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        // A key longer than the buffer is farther than the limit from every name (the buffer holds the longest name
        // with room to spare), so it has no suggestions and is never copied whole; a shorter one is folded where it
        // was written, as TryMatch folds it.
        Span<char> buffer = stackalloc char[KeyBufferLength];
        var length = count == 0 ? -1 : WriteKey(name, buffer);
        if (length < 0)
        {
            return [];
        }

        var folded = buffer[..length];
        FoldInPlace(folded);
        var limit = Math.Max(2, folded.Length / 3);
        if (folded.Length > MaxNameLength + limit)
        {
            return [];
        }

        var best = new List<(int Distance, Municipality Municipality)>();
        foreach (var (municipality, key) in FoldedKeys)
        {
            if (Math.Abs(key.Length - folded.Length) > limit)
            {
                continue;
            }

            var distance = Levenshtein(folded, key, limit);
            if (distance <= limit)
            {
                best.Add((distance, municipality));
            }
        }

        return [.. best.OrderBy(x => x.Distance).ThenBy(x => x.Municipality.Code, StringComparer.Ordinal).Take(count).Select(x => x.Municipality)];
    }

    /// <summary>The room for a key in <see cref="TryMatch(ReadOnlySpan{char}, out Municipality?)"/> and <see cref="Suggest"/>: more than every name with its longest suffix, and than the farthest name a suggestion may have (a test holds the data to it).</summary>
    internal const int KeyBufferLength = 64;

    /// <summary>The longest folded municipality name: a longer name cannot be within reach of any.</summary>
    private static readonly int MaxNameLength = FoldedKeys.Max(x => x.FoldedKey.Length);

    /// <summary>Reads a region as pages write it: the spellings of <see cref="Vocabulary.Regions"/> (any case, diacritics, spaces or hyphens, with or without a leading <c>ESF</c> or <c>Region</c>).</summary>
    /// <param name="text">The region, such as <c>Sydsverige</c>, <c>Småland &amp; Öarna</c> or <c>ESF-Nationellt</c>.</param>
    /// <param name="region">The region.</param>
    /// <returns>Whether it is one of them.</returns>
    public static bool TryParseRegion(string text, out EsfRegion region)
    {
        ArgumentNullException.ThrowIfNull(text);
        return DefaultRegions.TryMatch(text, out region);
    }

    private static readonly RegionMatcher DefaultRegions = new(Vocabulary.Default.Regions, ParserLanguages.SwedishAndEnglish);

    /// <summary>The key a region spelling is compared by: folded, without spaces, <c>&amp;</c> read as <c>och</c>, a leading <c>esf</c> or <c>region</c> dropped.</summary>
    internal static string RegionKey(string text)
    {
        var buffer = text.Length <= 128 ? stackalloc char[text.Length * 3] : new char[text.Length * 3];
        return new string(RegionKey(text, buffer));
    }

    /// <summary>Writes the region key of <paramref name="text"/> (see <see cref="RegionKey(string)"/>) into <paramref name="destination"/>, at least three times as long; returns it.</summary>
    internal static ReadOnlySpan<char> RegionKey(ReadOnlySpan<char> text, Span<char> destination)
    {
        var key = destination[..WriteKey(text, destination)];
        FoldInPlace(key);
        var scratch = destination[key.Length..];
        var length = 0;
        foreach (var c in key)
        {
            if (c == '&')
            {
                "och".CopyTo(scratch[length..]);
                length += 3;
            }
            else if (c != ' ')
            {
                scratch[length++] = c;
            }
        }

        ReadOnlySpan<char> result = scratch[..length];
        if (result.StartsWith("esf", StringComparison.Ordinal))
        {
            result = result[3..];
        }

        if (result.StartsWith("region", StringComparison.Ordinal))
        {
            result = result[6..];
        }

        return result;
    }

    /// <summary>The Swedish name of a region: <c>Småland och Öarna</c>, <c>Nationellt</c>.</summary>
    /// <param name="region">The region.</param>
    /// <returns>Its name as ESF-rådet wrote it.</returns>
    public static string RegionName(EsfRegion region) => region switch
    {
        EsfRegion.OvreNorrland => "Övre Norrland",
        EsfRegion.MellerstaNorrland => "Mellersta Norrland",
        EsfRegion.NorraMellansverige => "Norra Mellansverige",
        EsfRegion.Stockholm => "Stockholm",
        EsfRegion.OstraMellansverige => "Östra Mellansverige",
        EsfRegion.SmalandOchOarna => "Småland och Öarna",
        EsfRegion.Vastsverige => "Västsverige",
        EsfRegion.Sydsverige => "Sydsverige",
        _ => "Nationellt",
    };

    /// <summary>The key of a name of the reference data (see <see cref="WriteKey"/>).</summary>
    private static string Key(string name)
    {
        var buffer = new char[name.Length];
        return new string(buffer, 0, WriteKey(name, buffer));
    }

    /// <summary>
    /// Writes the key of <paramref name="name"/> — lower-case, hyphens as spaces, single spaces, municipality suffixes
    /// removed — into <paramref name="destination"/>; returns its length, or -1 when it does not fit (never for a
    /// destination as long as the name).
    /// </summary>
    private static int WriteKey(ReadOnlySpan<char> name, Span<char> destination)
    {
        // One pass: lower-case, separators to single spaces. The names are Latin: ASCII and Latin-1 letters are
        // lowered by arithmetic (what the invariant culture does for them), the rest by char.ToLowerInvariant; the
        // span overload of ToLowerInvariant would call into ICU for every name with å, ä or ö.
        var length = 0;
        foreach (var c in name)
        {
            var d = c is '-' or '\u2010' or '\u2011' or '\u2013' || char.IsWhiteSpace(c) ? ' ' : Lower(c);
            if (d != ' ' || (length > 0 && destination[length - 1] != ' '))
            {
                if (length == destination.Length)
                {
                    return -1;
                }

                destination[length++] = d;
            }
        }

        while (length > 0 && destination[length - 1] == ' ')
        {
            length--;
        }

        var key = destination[..length];
        if (key.Length > 0 && SuffixEnds.Contains(key[^1]))
        {
            foreach (var suffix in Suffixes)
            {
                if (key.Length > suffix.Length && key.EndsWith(suffix, StringComparison.Ordinal))
                {
                    return key.Length - suffix.Length;
                }
            }
        }

        return length;
    }

    private static char Lower(char c) => c switch
    {
        >= 'A' and <= 'Z' => (char)(c + 32),
        < '\u00C0' => c,
        >= '\u00C0' and <= '\u00DE' and not '\u00D7' => (char)(c + 32),
        < '\u0100' => c,
        _ => char.ToLowerInvariant(c),
    };

    /// <summary>
    /// Removes the diacritics of Latin letters (<c>å ä á à â ã → a</c>, <c>ö ø ó … → o</c>, <c>é è ê ë → e</c> …) by a
    /// fixed table: no Unicode normalisation, so no ICU dependency and nothing that can throw on a lone surrogate.
    /// </summary>
    private static string Fold(string key) => string.Create(key.Length, key, static (span, source) =>
    {
        source.CopyTo(span);
        FoldInPlace(span);
    });

    private static void FoldInPlace(Span<char> key)
    {
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            var index = c < 0x80 ? -1 : Accented.AsSpan().IndexOf(c);
            if (index >= 0)
            {
                key[i] = Plain[index];
            }
        }
    }

    private const string Accented = "åäáàâãāăąöøóòôõōőéèêëēėęüúùûūůűíìîïīçćčñńýÿšśžźżđłďťřň";
    private const string Plain = "aaaaaaaaaooooooooeeeeeeeuuuuuuuiiiiicccnnyysszzzdldtrn";

    /// <summary>Levenshtein distance, stopping early once every path exceeds <paramref name="limit"/>; the two rows live on the stack (<paramref name="b"/> is a municipality name, short).</summary>
    private static int Levenshtein(ReadOnlySpan<char> a, string b, int limit)
    {
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var best = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                best = Math.Min(best, current[j]);
            }

            if (best > limit)
            {
                return limit + 1;
            }

            var swap = previous;
            previous = current;
            current = swap;
        }

        return previous[b.Length];
    }
}
