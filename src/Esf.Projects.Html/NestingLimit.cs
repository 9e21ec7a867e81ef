namespace Esf.Projects.Html;

/// <summary>
/// Bounds how deep elements nest before the HTML reaches the tree builder. The HTML5 tree-building algorithm looks
/// through the stack of open elements for every tag, so a page of 100 000 nested <c>&lt;div&gt;</c> costs the square
/// of that (minutes). One linear pass over the text keeps a stack of the open elements that can nest; a start tag
/// that would open an element deeper than <see cref="MaxDepth"/> is blanked out — with its matching end tag — and its
/// content stays where it was, as Blink flattens its tree at the same depth. The result has exactly the length and
/// the line breaks of the input, so every position in it is the position in the page.
/// </summary>
/// <remarks>
/// Elements whose end tag may be left out (<c>p</c>, <c>li</c>, <c>td</c>, <c>tr</c> …) and void elements
/// (<c>br</c>, <c>img</c> …) are not counted: the tree builder closes them itself, so they do not deepen it.
/// The contents of <c>script</c>, <c>style</c>, <c>textarea</c>, <c>title</c> and comments are skipped, as the
/// tokenizer skips them. The count is an approximation of the tree builder's stack that can only err towards a
/// deeper count, so no page within the limit is changed.
/// </remarks>
internal static class NestingLimit
{
    /// <summary>The deepest nesting kept: 512, Blink's limit for the trees its HTML parser builds.</summary>
    public const int MaxDepth = 512;

    private static readonly HashSet<string> NotNesting = new(StringComparer.OrdinalIgnoreCase)
    {
        // Void elements.
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "keygen", "basefont", "bgsound", "frame",
        // Elements whose end tag may be omitted: the tree builder closes them when the next one opens.
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt", "rtc", "rp", "thead", "tbody", "tfoot", "colgroup", "caption", "html", "head", "body",
    };

    private static readonly HashSet<string> RawText = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext",
    };

    /// <summary>The HTML with start tags deeper than <see cref="MaxDepth"/> and their end tags blanked; the same string when none is.</summary>
    /// <param name="html">The page.</param>
    /// <param name="flattened">How many start tags were blanked.</param>
    /// <param name="first">Where the first blanked tag starts (an index into the HTML), or -1.</param>
    public static string Apply(string html, out int flattened, out int first)
    {
        flattened = 0;
        first = -1;
        char[]? blanked = null;
        var open = new Stack<string>();
        var dropped = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0)
        {
            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                var end = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = end < 0 ? html.Length : end + 3;
                continue;
            }

            var next = i + 1 < html.Length ? html[i + 1] : '\0';
            if (next is '!' or '?')
            {
                i = TagEnd(html, i);
                continue;
            }

            var closing = next == '/';
            var nameStart = i + (closing ? 2 : 1);
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is '-' or ':' or '_'))
            {
                nameEnd++;
            }

            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
            {
                i++;
                continue; // a '<' in text
            }

            var name = html[nameStart..nameEnd];
            var tagEnd = TagEnd(html, i);
            if (closing)
            {
                if (dropped.TryGetValue(name, out var count) && count > 0)
                {
                    dropped[name] = count - 1;
                    Blank(html, ref blanked, i, tagEnd);
                }
                else if (open.Count > 0 && string.Equals(open.Peek(), name, StringComparison.OrdinalIgnoreCase))
                {
                    open.Pop();
                }

                i = tagEnd;
                continue;
            }

            if (RawText.Contains(name))
            {
                var close = html.IndexOf("</" + name, tagEnd, StringComparison.OrdinalIgnoreCase);
                i = close < 0 ? html.Length : close;
                continue;
            }

            var selfClosing = tagEnd >= 2 && html[tagEnd - 2] == '/';
            if (!selfClosing && !NotNesting.Contains(name))
            {
                if (open.Count >= MaxDepth)
                {
                    dropped[name] = dropped.GetValueOrDefault(name) + 1;
                    Blank(html, ref blanked, i, tagEnd);
                    first = flattened++ == 0 ? i : first;
                }
                else
                {
                    open.Push(name);
                }
            }

            i = tagEnd;
        }

        return blanked is null ? html : new string(blanked);
    }

    /// <summary>The index after the tag's closing <c>&gt;</c>, past quoted attribute values; the end of the text when it has none.</summary>
    private static int TagEnd(string html, int start)
    {
        var quote = '\0';
        for (var i = start + 1; i < html.Length; i++)
        {
            var c = html[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i + 1;
            }
        }

        return html.Length;
    }

    /// <summary>Spaces over <c>[start, end)</c>, keeping its line breaks so every later position stays where it was.</summary>
    private static void Blank(string html, ref char[]? blanked, int start, int end)
    {
        blanked ??= html.ToCharArray();
        for (var i = start; i < end; i++)
        {
            if (blanked[i] is not ('\n' or '\r'))
            {
                blanked[i] = ' ';
            }
        }
    }
}
