using Esf.Projects.Fields;
using Esf.Projects.Handlers;

namespace Esf.Projects.Parsing;

/// <summary>How a label stands on its line.</summary>
internal enum LabelForm
{
    /// <summary>The label alone (optionally with a colon): the value is on a following line.</summary>
    Alone,

    /// <summary><c>Label: value</c> or <c>Label&lt;TAB&gt;value</c>.</summary>
    Separated,

    /// <summary><c>Label value</c>.</summary>
    Spaced,

    /// <summary><c>Labelvalue</c>, as the 2007–2013 export writes it.</summary>
    Glued,

    /// <summary><c>Labelvalue</c> with a lower-case letter after the label (<c>Kontaktpersonanna Berg</c>, but also
    /// <c>Regionförbundet</c>): a label only where the header is made of glued rows and the field is not given
    /// elsewhere. Decided by the 2007–2013 reader, never on its own.</summary>
    GluedToWord,
}

/// <summary>A label and the header fields that claim it, in field order.</summary>
internal sealed class LabelDefinition
{
    public LabelDefinition(string text, HeaderFieldHandler[] fields, Esf.Projects.Layouts.PageLayoutReader[] layouts)
    {
        Text = text;
        Fields = fields;
        var keyed = Array.Find(fields, f => f.Key is not null);
        Kind = keyed?.Key ?? HeaderField.UnknownKind;
        KindSlot = keyed?.BuiltInSlot ?? -1;
        MayStartValue = Array.Exists(fields, f => (f.Traits & HeaderFieldTraits.LabelMayStartValue) != 0);
        IsEmail = Array.Exists(fields, f => (f.Traits & HeaderFieldTraits.GluedLowerCaseEmail) != 0);
        HoldsProjectNumber = Array.Exists(fields, f => (f.Traits & HeaderFieldTraits.ProjectNumber) != 0);
        (MarkWeights, MarkWeightsNeedValue) = Parsing.Layouts.LayoutRecognizer.MarkWeightsOf(fields, layouts);
        FoldedLast = char.IsAsciiLetter(text[^1]) ? (char)(text[^1] | 0x20) : '\0';
    }

    /// <summary>The label as fields spell it.</summary>
    public string Text { get; }

    /// <summary>The fields that read rows with this label; empty for a label known without a field.</summary>
    public HeaderFieldHandler[] Fields { get; }

    /// <summary>The key of the first field that has one, or <see cref="HeaderField.UnknownKind"/>.</summary>
    public string Kind { get; }

    /// <summary>The built-in slot of the field that gives <see cref="Kind"/>, or -1: a bit per slot tells a repeated row cheaply.</summary>
    public int KindSlot { get; }

    /// <summary>The label is a word that also begins values (<c>Region Skåne</c> is an owner): a spaced line starting with it is not taken for a label where a value is expected.</summary>
    public bool MayStartValue { get; }

    /// <summary>What a row with this label weighs for each layout (in the parser's order), worked out once from the layouts' <see cref="Esf.Projects.Layouts.LayoutMarks.Labels"/>; <see langword="null"/> when the label marks no layout.</summary>
    public int[]? MarkWeights { get; }

    /// <summary>For each layout, whether <see cref="MarkWeights"/> counts only when the row has a value (<see cref="Esf.Projects.Layouts.LayoutMarks.OnlyWithValue"/>).</summary>
    public bool[]? MarkWeightsNeedValue { get; }

    /// <summary>A field of the label holds a project number (<see cref="HeaderFieldTraits.ProjectNumber"/>).</summary>
    public bool HoldsProjectNumber { get; }

    /// <summary>The label introduces an e-mail address, which may start with a lower-case letter glued to it (<c>E-postanna@…</c>).</summary>
    public bool IsEmail { get; }

    /// <summary>The label's last character OR 0x20 when it is an ASCII letter (so <c>c | 0x20</c> of a matching character
    /// equals it), else 0: a one-comparison pre-check before the case-insensitive <c>StartsWith</c>.</summary>
    public char FoldedLast { get; }
}

/// <summary>The result of matching a line against the known labels.</summary>
internal readonly record struct LabelMatch(LabelDefinition Label, LabelForm Form, int ValueOffset)
{
    /// <summary>A form that cannot be mistaken for a value.</summary>
    public bool IsStrong => Form is LabelForm.Alone or LabelForm.Separated;
}

/// <summary>Matches a line's start against the labels.</summary>
internal static class LabelMatcher
{
    /// <summary>
    /// The longest label the line starts with, and how it stands. A lower-case letter glued to a label is the rest of
    /// a word (<c>Regionförbundet</c>) — <see cref="LabelForm.GluedToWord"/>, returned only when no label matches
    /// better — except for e-mail addresses and the word for a missing value (<c>Projektägaresaknas</c>).
    /// </summary>
    public static bool TryMatch(LabelDefinition[] labels, ReadOnlySpan<char> content, ParserConfiguration config, out LabelMatch match)
    {
        LabelMatch? weak = null;
        foreach (var label in labels)
        {
            if (content.Length < label.Text.Length
                || (label.FoldedLast != 0 && (content[label.Text.Length - 1] | 0x20) != label.FoldedLast)
                || !TextChars.StartsWithIgnoreCase(content, label.Text))
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
                var offset = TextChars.SkipSpaces(content, label.Text.Length + 1);
                match = new LabelMatch(label, offset >= content.Length ? LabelForm.Alone : LabelForm.Separated, offset);
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

            if (!char.IsLower(c) || ParserConfiguration.IsOneOf(rest, config.MissingWords) || (label.IsEmail && rest.Contains('@')))
            {
                match = new LabelMatch(label, LabelForm.Glued, label.Text.Length);
                return true;
            }

            weak ??= new LabelMatch(label, LabelForm.GluedToWord, label.Text.Length);
        }

        match = weak.GetValueOrDefault();
        return weak is not null;
    }
}
