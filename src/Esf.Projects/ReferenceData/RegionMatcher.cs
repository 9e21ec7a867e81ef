using System.Collections.Frozen;

namespace Esf.Projects.ReferenceData;

/// <summary>Reads a region as pages write it, by the spellings of a vocabulary (see <see cref="SwedishMunicipalities.TryParseRegion"/> for the tolerance).</summary>
internal sealed class RegionMatcher
{
    private readonly FrozenDictionary<string, EsfRegion>.AlternateLookup<ReadOnlySpan<char>> _byKey;

    public RegionMatcher(IEnumerable<Phrase<EsfRegion>> phrases, ParserLanguages languages)
    {
        var keys = new Dictionary<string, EsfRegion>(StringComparer.Ordinal);
        foreach (var phrase in phrases)
        {
            foreach (var spelling in phrase.Term.In(languages))
            {
                keys.TryAdd(SwedishMunicipalities.RegionKey(spelling), phrase.Meaning);
            }
        }

        _byKey = keys.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Matches without allocating (the key is built on the stack for names up to 128 characters).</summary>
    public bool TryMatch(string text, out EsfRegion region)
    {
        var buffer = text.Length <= 128 ? stackalloc char[text.Length * 3] : new char[text.Length * 3];
        return _byKey.TryGetValue(SwedishMunicipalities.RegionKey(text, buffer), out region);
    }
}
