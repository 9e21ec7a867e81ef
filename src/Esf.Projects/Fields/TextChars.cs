using System.Buffers;
using System.Runtime.InteropServices;

namespace Esf.Projects.Fields;

/// <summary>Character classes shared by the field parsers and the page parser; culture-free.</summary>
internal static class TextChars
{
    /// <summary>The four space characters Swedish text uses between thousands groups.</summary>
    public static readonly SearchValues<char> GroupSeparators = SearchValues.Create(" \u00A0\u202F\u2009");

    /// <summary>White space as the parser sees it: Unicode white space plus the BOM and zero-width space that scrapes leave behind.</summary>
    /// <remarks>Asked of the first and last character of every line: ASCII letters and digits, nearly every character, are ruled out by one comparison before the Unicode table.</remarks>
    public static bool IsSpace(char c) =>
        c <= ' ' ? c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\u001C' && c <= '\u001F')
        : c >= '\u0085' && (char.IsWhiteSpace(c) || c == '\uFEFF' || c == '\u200B');

    /// <summary>
    /// Whether <paramref name="text"/> starts with <paramref name="prefix"/>, ignoring case (ordinal). The exact
    /// spelling is tried first: pages nearly always spell a word as the vocabulary does, and the exact comparison is
    /// a vectorised memory compare, where the case-insensitive one takes a slow path for any non-ASCII letter (å, ä, ö).
    /// </summary>
    public static bool StartsWithIgnoreCase(ReadOnlySpan<char> text, ReadOnlySpan<char> prefix) =>
        text.StartsWith(prefix) || text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the two are equal ignoring case (ordinal), trying the exact spelling first (see <see cref="StartsWithIgnoreCase"/>).</summary>
    public static bool EqualsIgnoreCase(ReadOnlySpan<char> text, ReadOnlySpan<char> other) =>
        text.Length == other.Length && (text.SequenceEqual(other) || text.Equals(other, StringComparison.OrdinalIgnoreCase));

    /// <summary>The characters as a string, without a copy when the memory is a whole string already.</summary>
    public static string AsString(ReadOnlyMemory<char> text) =>
        MemoryMarshal.TryGetString(text, out var whole, out var start, out var length) && start == 0 && length == whole.Length
            ? whole
            : text.ToString();

    /// <summary>
    /// <paramref name="previous"/> when <paramref name="text"/> is written exactly like it, else a string of the text:
    /// a run of lines written alike (a list repeating one name, a header repeating one row) holds one string.
    /// </summary>
    public static string SameOrNew(ReadOnlySpan<char> text, string? previous) =>
        previous is not null && text.SequenceEqual(previous) ? previous : text.ToString();

    /// <summary>As <see cref="SameOrNew(ReadOnlySpan{char}, string?)"/>, without a copy when the memory is a whole string already.</summary>
    public static string SameOrNew(ReadOnlyMemory<char> text, string? previous) =>
        previous is not null && text.Span.SequenceEqual(previous) ? previous : AsString(text);

    public static bool IsGroupSeparator(char c) => c is ' ' or '\u00A0' or '\u202F' or '\u2009';

    public static int SkipSpaces(ReadOnlySpan<char> text, int index)
    {
        while (index < text.Length && IsSpace(text[index]))
        {
            index++;
        }

        return index;
    }

    public static ReadOnlySpan<char> Trim(ReadOnlySpan<char> text)
    {
        var start = SkipSpaces(text, 0);
        var end = text.Length;
        while (end > start && IsSpace(text[end - 1]))
        {
            end--;
        }

        return text[start..end];
    }

    /// <summary>
    /// Matches <paramref name="word"/> (lower-case ASCII or Swedish letters) at the start of <paramref name="text"/>,
    /// ignoring case; a space in <paramref name="word"/> matches one or more white-space characters.
    /// A word that ends in a letter must not be followed directly by another letter or digit.
    /// </summary>
    /// <returns>The number of characters matched, or -1.</returns>
    public static int MatchWord(ReadOnlySpan<char> text, string word)
    {
        var i = 0;
        foreach (var w in word)
        {
            if (w == ' ')
            {
                var start = i;
                i = SkipSpaces(text, i);
                if (i == start)
                {
                    return -1;
                }

                continue;
            }

            if (i >= text.Length)
            {
                return -1;
            }

            var c = text[i];
            if (c != w && (c < 128 ? (char)(c | 0x20) != w || !char.IsAsciiLetter(c) : char.ToLowerInvariant(c) != w))
            {
                return -1;
            }

            i++;
        }

        if (char.IsLetterOrDigit(word[^1]) && i < text.Length && char.IsLetterOrDigit(text[i]))
        {
            return -1;
        }

        return i;
    }
}
