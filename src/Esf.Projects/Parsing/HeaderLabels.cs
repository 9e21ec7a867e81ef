using Esf.Projects.Fields;
using Esf.Projects.Model;

namespace Esf.Projects.Parsing;

/// <summary>How a label stands on its line.</summary>
internal enum LabelForm
{
    /// <summary>The label alone (optionally with a colon): the value is on the next non-blank line.</summary>
    Alone,

    /// <summary><c>Label: value</c> or <c>Label&lt;TAB&gt;value</c>.</summary>
    Separated,

    /// <summary><c>Label value</c>.</summary>
    Spaced,

    /// <summary><c>Labelvalue</c>, as the project bank's export writes it.</summary>
    Glued,
}

/// <summary>A known label.</summary>
/// <param name="Text">The label as the page writes it.</param>
/// <param name="Kind">What it means.</param>
/// <param name="MayStartValue">The label is a word that also begins values (<c>Region Skåne</c> is an owner): a spaced line starting with it is not taken for a label when a value is expected.</param>
internal sealed record LabelDefinition(string Text, HeaderFieldKind Kind, bool MayStartValue = false)
{
    /// <summary>The label's last character OR 0x20 when it is an ASCII letter (so <c>c | 0x20</c> of a matching character
    /// equals it), else 0: a one-comparison pre-check before the case-insensitive <c>StartsWith</c>.</summary>
    public char FoldedLast { get; } = Text.Length > 0 && char.IsAsciiLetter(Text[^1]) ? (char)(Text[^1] | 0x20) : '\0';
}

/// <summary>The result of matching a line against the known labels.</summary>
internal readonly record struct LabelMatch(LabelDefinition Label, LabelForm Form, int ValueOffset)
{
    /// <summary>A form that cannot be mistaken for a value.</summary>
    public bool IsStrong => Form is LabelForm.Alone or LabelForm.Separated;
}

/// <summary>The Swedish header vocabulary and the known section headings.</summary>
internal static class HeaderLabels
{
    /// <summary>The labels in matching order: longest first, so <c>E-postadress</c> is tried before <c>E-post</c>.</summary>
    public static LabelDefinition[] Sorted(IEnumerable<Esf.Projects.HeaderLabel> labels) =>
        [.. labels.Select(l => new LabelDefinition(l.Text, l.Kind, MayStartValue: l.Kind == HeaderFieldKind.Region)).OrderByDescending(l => l.Text.Length)];

    public static bool IsOneOf(ReadOnlySpan<char> content, string[] words)
    {
        foreach (var word in words)
        {
            if (content.Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Matches a known label at the start of a line's content.</summary>
    public static bool TryMatch(LabelDefinition[] labels, ReadOnlySpan<char> content, out LabelMatch match)
    {
        foreach (var label in labels)
        {
            if (content.Length < label.Text.Length
                || (label.FoldedLast != 0 && (content[label.Text.Length - 1] | 0x20) != label.FoldedLast)
                || !content.StartsWith(label.Text, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var rest = content[label.Text.Length..];
            if (rest.IsEmpty || (rest.Length == 1 && rest[0] == ':'))
            {
                match = new LabelMatch(label, LabelForm.Alone, content.Length);
                return true;
            }

            var c = rest[0];
            if (c is ':' or '\t')
            {
                match = new LabelMatch(label, LabelForm.Separated, TextChars.SkipSpaces(content, label.Text.Length + 1));
                return true;
            }

            if (TextChars.IsSpace(c))
            {
                var offset = TextChars.SkipSpaces(content, label.Text.Length);
                if (content[offset] is ':' or '\t')
                {
                    offset = TextChars.SkipSpaces(content, offset + 1);
                    match = new LabelMatch(label, offset >= content.Length ? LabelForm.Alone : LabelForm.Separated, offset);
                    return true;
                }

                match = new LabelMatch(label, LabelForm.Spaced, offset);
                return true;
            }

            // Glued: "RegionSydsverige". A lower-case letter after the label is the rest of a word
            // ("Regionförbundet"), except for e-mail addresses and the word "saknas".
            if (!char.IsLower(c) || rest.Equals("saknas", StringComparison.OrdinalIgnoreCase)
                || (label.Kind == HeaderFieldKind.ContactEmail && rest.Contains('@')))
            {
                match = new LabelMatch(label, LabelForm.Glued, label.Text.Length);
                return true;
            }
        }

        match = default;
        return false;
    }
}
