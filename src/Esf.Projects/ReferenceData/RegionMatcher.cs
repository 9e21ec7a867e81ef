using System.Collections.Frozen;

namespace Esf.Projects.ReferenceData;

/// <summary>Reads a region as pages write it, by the spellings of a vocabulary (see <see cref="SwedishMunicipalities.TryParseRegion"/> for the tolerance).</summary>
internal sealed class RegionMatcher
{
    private readonly FrozenDictionary<string, EsfRegion> _byKey;

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

        _byKey = keys.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public bool TryMatch(string text, out EsfRegion region) => _byKey.TryGetValue(SwedishMunicipalities.RegionKey(text), out region);
}
