namespace Esf.Projects.Fields;

/// <summary>The kind of marker that starts a list item.</summary>
public enum ListMarkerKind
{
    /// <summary>Not a list item.</summary>
    None = 0,

    /// <summary><c>•</c> (U+2022), the marker of the project bank's own lists.</summary>
    Bullet,

    /// <summary><c>-</c> (hyphen-minus) followed by a space.</summary>
    Hyphen,

    /// <summary><c>–</c> (en dash) followed by a space.</summary>
    EnDash,

    /// <summary><c>*</c> followed by a space.</summary>
    Asterisk,

    /// <summary><c>·</c> (middle dot) or <c>▪</c>/<c>◦</c>.</summary>
    MiddleDot,

    /// <summary>A number and a dot: <c>1.</c></summary>
    NumberDot,

    /// <summary>A number and a closing parenthesis: <c>1)</c></summary>
    NumberParenthesis,

    /// <summary>A single letter and a closing parenthesis: <c>a)</c></summary>
    LetterParenthesis,
}

/// <summary>Recognises the marker at the start of a list line.</summary>
/// <remarks>
/// Leading indentation is skipped. <c>-</c>, <c>–</c>, <c>*</c> and the numbered forms need white space after them,
/// so a rule (<c>-----</c>), a negative number or a hyphenated word is not an item; <c>•</c>, <c>·</c>, <c>▪</c> and
/// <c>◦</c> are unambiguous and may be glued to the text. Numbers have at most three digits, so a year
/// (<c>2012. …</c>) is not taken for an item number.
/// </remarks>
public static class ListMarker
{
    /// <summary>Reads the list marker at the start of <paramref name="line"/>.</summary>
    /// <param name="line">One line of text.</param>
    /// <param name="kind">The marker found, or <see cref="ListMarkerKind.None"/>.</param>
    /// <param name="contentStart">Index in <paramref name="line"/> where the item text starts (after the marker and its spaces); 0 when no marker.</param>
    /// <returns>Whether the line starts with a list marker and has text after it.</returns>
    public static bool TryRead(ReadOnlySpan<char> line, out ListMarkerKind kind, out int contentStart) =>
        TryReadAt(line, TextChars.SkipSpaces(line, 0), out kind, out contentStart);

    /// <summary>Reads the marker of a line whose content is known to start at <paramref name="i"/> (the page parser's lines are trimmed).</summary>
    internal static bool TryReadAt(ReadOnlySpan<char> line, int i, out ListMarkerKind kind, out int contentStart)
    {
        kind = ListMarkerKind.None;
        contentStart = 0;
        if (i >= line.Length)
        {
            return false;
        }

        var c = line[i];
        var needsSpace = true;
        int after;
        switch (c)
        {
            case '\u2022':
                kind = ListMarkerKind.Bullet;
                needsSpace = false;
                after = i + 1;
                break;
            case '\u00B7' or '\u25AA' or '\u25E6':
                kind = ListMarkerKind.MiddleDot;
                needsSpace = false;
                after = i + 1;
                break;
            case '-':
                kind = ListMarkerKind.Hyphen;
                after = i + 1;
                break;
            case '\u2013':
                kind = ListMarkerKind.EnDash;
                after = i + 1;
                break;
            case '*':
                kind = ListMarkerKind.Asterisk;
                after = i + 1;
                break;
            default:
                var digits = 0;
                while (i + digits < line.Length && char.IsAsciiDigit(line[i + digits]))
                {
                    digits++;
                }

                if (digits is >= 1 and <= 3 && i + digits < line.Length && line[i + digits] is '.' or ')')
                {
                    kind = line[i + digits] == '.' ? ListMarkerKind.NumberDot : ListMarkerKind.NumberParenthesis;
                    after = i + digits + 1;
                }
                else if (digits == 0 && char.IsAsciiLetter(c) && i + 1 < line.Length && line[i + 1] == ')')
                {
                    kind = ListMarkerKind.LetterParenthesis;
                    after = i + 2;
                }
                else
                {
                    return false;
                }

                break;
        }

        var content = TextChars.SkipSpaces(line, after);
        if ((needsSpace && content == after) || content >= line.Length)
        {
            kind = ListMarkerKind.None;
            return false;
        }

        contentStart = content;
        return true;
    }
}
