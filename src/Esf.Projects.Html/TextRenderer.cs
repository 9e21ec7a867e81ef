using System.Collections.Immutable;
using System.Text;
using AngleSharp.Dom;

namespace Esf.Projects.Html;

/// <summary>
/// Renders a document to the text a browser shows, following the HTML standard's <c>innerText</c> algorithm without
/// CSS: block-level elements start and end lines (paragraphs, headings, lists and tables with a blank line, as
/// their default margins show them), <c>&lt;br&gt;</c> breaks a line, inline elements run together, whitespace
/// collapses outside <c>&lt;pre&gt;</c>, list items get a bullet (<c>•</c>, or their number in an ordered list),
/// table cells are separated by a tab, images give their <c>alt</c> text, and what is never rendered is left out:
/// <c>head</c>, <c>script</c>, <c>style</c>, <c>template</c>, <c>noscript</c>, elements with the <c>hidden</c>
/// attribute or an inline <c>display: none</c>.
/// </summary>
/// <remarks>
/// One pass over the tree, with an explicit stack (a deeply nested page cannot overflow the call stack); whether
/// text is preformatted and the numbers of ordered lists are kept as the walk goes, so no node looks at its
/// ancestors or siblings and the cost stays linear however deep or long the page. Each line of the text remembers
/// where in the HTML the element that began it starts.
/// </remarks>
internal sealed class TextRenderer
{
    private static readonly HashSet<string> NotRendered = new(StringComparer.OrdinalIgnoreCase)
    {
        "head", "script", "style", "template", "noscript", "iframe", "object", "embed", "canvas", "svg", "math", "select", "datalist", "audio", "video", "input", "textarea",
    };

    private static readonly HashSet<string> SpacedBlocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "blockquote", "pre", "figure", "hr", "menu",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "body", "caption", "center", "dd", "details", "dialog", "dir", "div", "dt", "fieldset",
        "figcaption", "footer", "form", "header", "hgroup", "html", "legend", "li", "listing", "main", "nav", "search",
        "section", "summary", "tbody", "tfoot", "thead", "tr", "xmp",
    };

    private readonly StringBuilder _text = new();
    private readonly List<SourcePosition> _origins = [];
    private SourcePosition _current = new(1, 1);
    private int _pendingBreaks;
    private bool _lineHasText;
    private bool _spacePending;
    private int _preformatted;
    private readonly Dictionary<IElement, int> _listNumbers = [];

    /// <summary>Work done on this thread since it was last reset: one per node visited and per character rendered, for tests that check the cost grows linearly.</summary>
    [ThreadStatic]
    internal static long Work;

    private static readonly HashSet<string> ChromeRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog",
    };

    /// <summary>Parts of class and id names that common cookie-consent tools, breadcrumbs and skip links use.</summary>
    private static readonly string[] ChromeNames = ["cookie", "consent", "gdpr", "breadcrumb", "skip-link", "skiplink", "skip-to", "skip-nav"];

    /// <summary>Whole class or id names sites give their header, menus, sidebar, share buttons and footer; a bare <c>header</c> is not one of them (an article's header holds its title).</summary>
    private static readonly HashSet<string> ChromeClasses = new(StringComparer.Ordinal)
    {
        "site-header", "site-footer", "page-footer", "navbar", "nav", "navigation", "menu", "main-menu", "sidebar", "footer", "share", "social-share", "share-buttons",
    };

    private readonly List<HtmlSetAside> _setAside = [];

    /// <summary>How many of the elements being walked are content landmarks (<c>main</c>, <c>article</c>, <c>section</c>): inside one, a <c>header</c> or <c>footer</c> is the content's own.</summary>
    private int _inContent;

    /// <summary>
    /// Renders the page's content: the element the page marks as its content (<c>&lt;main&gt;</c>,
    /// <c>role="main"</c>, or its only <c>&lt;article&gt;</c>) when it marks one, else the whole document; site chrome
    /// inside it is set aside either way (<see cref="ChromeReason"/>).
    /// </summary>
    public static HtmlPageText Render(IDocument document)
    {
        var renderer = new TextRenderer();
        if (document.DocumentElement is { } root)
        {
            var content = document.QuerySelector("main, [role=main]") ?? (document.QuerySelectorAll("article") is { Length: 1 } articles ? articles[0] : null);
            if (content is not null && IsRendered(content))
            {
                renderer._setAside.Add(new HtmlSetAside("everything outside <" + content.LocalName + ">", PositionOf(content, new SourcePosition(1, 1)), "the page marks this element as its content"));
                renderer._inContent++;
                renderer.Walk(content);
            }
            else
            {
                renderer.Walk(root);
            }
        }

        return renderer.Finish();
    }

    /// <summary>
    /// Why an element is site chrome rather than the page's content, or <see langword="null"/>: navigation, asides and
    /// dialogs; the ARIA roles of those and of site banners and footers; a <c>header</c> or <c>footer</c> of the page
    /// (not one inside its content); what is hidden from assistive technology; and cookie-consent, breadcrumb and
    /// skip-link containers, by the class and id names common tools give them. When in doubt, content: nothing else
    /// is set aside.
    /// </summary>
    private string? ChromeReason(IElement element)
    {
        var name = element.LocalName;
        if (name is "nav" or "aside" or "dialog")
        {
            return "<" + name + ">";
        }

        if (name is "header" or "footer" && _inContent == 0)
        {
            return "the page's <" + name + ">";
        }

        if (element.Attributes.Length == 0)
        {
            return null; // most elements: no role, class or id to say they are chrome
        }

        if (element.GetAttribute("role") is { } role && ChromeRoles.Contains(role.Trim()))
        {
            return "role=" + role.Trim();
        }

        if (string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return "aria-hidden";
        }

        var classes = element.GetAttribute("class");
        var id = element.Id;
        if (string.IsNullOrEmpty(classes) && string.IsNullOrEmpty(id))
        {
            return null; // most elements: nothing to match, and nothing made to match it
        }

        var names = (classes + " " + id).ToLowerInvariant();
        foreach (var part in ChromeNames)
        {
            if (names.Contains(part, StringComparison.Ordinal))
            {
                return "class or id '" + part + "'";
            }
        }

        foreach (var token in names.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (ChromeClasses.Contains(token))
            {
                return "class or id '" + token + "'";
            }
        }

        return null;
    }

    private static SourcePosition PositionOf(IElement element, SourcePosition fallback) =>
        element.SourceReference?.Position is { } p ? new SourcePosition(p.Line, p.Column) : fallback;

    /// <summary>An element being walked: its children, the next one to visit, the last element among those visited, and the line breaks its end asks for.</summary>
    private struct Frame(IElement element, int breaks)
    {
        public readonly IElement Element = element;
        public readonly INodeList Children = element.ChildNodes;
        public readonly int Breaks = breaks;
        public int Next;
        public IElement? Previous;
    }

    private void Walk(IElement root)
    {
        // One frame per open element, so memory follows the depth of the page, not its length; each child is taken
        // by index with the element before it among its siblings (AngleSharp's PreviousSibling and
        // PreviousElementSibling search the parent's children, which made a page of many siblings quadratic).
        var frames = new Frame[16];
        var depth = 0;
        if (Enter(root, null) is { } breaks)
        {
            frames[depth++] = new Frame(root, breaks);
        }

        while (depth > 0)
        {
            ref var top = ref frames[depth - 1];
            if (top.Next == top.Children.Length)
            {
                Work++;
                _preformatted -= IsPreformatted(top.Element) ? 1 : 0;
                _inContent -= IsContentLandmark(top.Element) ? 1 : 0;
                RequireBreaks(top.Breaks);
                frames[--depth] = default;
                continue;
            }

            var child = top.Children[top.Next++];
            var previous = top.Previous;
            if (child is IElement element)
            {
                top.Previous = element;
                if (Enter(element, previous) is { } own)
                {
                    if (depth == frames.Length)
                    {
                        Array.Resize(ref frames, depth * 2);
                    }

                    frames[depth++] = new Frame(element, own);
                }
            }
            else
            {
                Work++;
                if (child is IText text)
                {
                    AppendText(text.Data, _preformatted > 0);
                }
            }
        }
    }

    /// <summary>
    /// Renders an element's start: nothing when it is not rendered or is chrome, its line break or image text when it
    /// is one, else its line breaks, bullet or cell separator; the line breaks its end asks for when its children are
    /// to be walked, <see langword="null"/> when they are not.
    /// </summary>
    private int? Enter(IElement element, IElement? previousElement)
    {
        Work++;

        // Every item of an ordered list counts towards the numbers of those after it, shown or not.
        int? number = element.LocalName == "li" && element.ParentElement is { LocalName: "ol" } ordered ? NextNumber(ordered) : null;
        if (!IsRendered(element))
        {
            return null;
        }

        if (ChromeReason(element) is { } reason)
        {
            _setAside.Add(new HtmlSetAside("<" + element.LocalName + ">", PositionOf(element, _current), reason));
            return null;
        }

        var name = element.LocalName;
        _current = PositionOf(element, _current);
        if (name.Equals("br", StringComparison.OrdinalIgnoreCase))
        {
            HardBreak();
            return null;
        }

        if (name.Equals("img", StringComparison.OrdinalIgnoreCase) || name.Equals("area", StringComparison.OrdinalIgnoreCase))
        {
            AppendText(element.GetAttribute("alt") ?? string.Empty, preformatted: false);
            return null;
        }

        var own = SpacedBlocks.Contains(name) ? 2 : Blocks.Contains(name) ? 1 : 0;
        if (name.Equals("dd", StringComparison.OrdinalIgnoreCase) && previousElement is { LocalName: "dt" })
        {
            // A term and its description are one row, as a table's cells are: "Label<TAB>value" (the line
            // break the term's end asked for is not made).
            _pendingBreaks = 0;
            AppendText("\t", preformatted: true);
        }
        else
        {
            RequireBreaks(own);
        }

        if (name.Equals("li", StringComparison.OrdinalIgnoreCase))
        {
            AppendText(number is { } n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) + ". " : "• ", preformatted: true);
        }
        else if ((name.Equals("td", StringComparison.OrdinalIgnoreCase) || name.Equals("th", StringComparison.OrdinalIgnoreCase)) && previousElement is not null)
        {
            AppendText("\t", preformatted: true);
        }

        _preformatted += IsPreformatted(element) ? 1 : 0;
        _inContent += IsContentLandmark(element) ? 1 : 0;
        return own;
    }

    private static bool IsRendered(IElement element)
    {
        if (NotRendered.Contains(element.LocalName))
        {
            return false;
        }

        if (element.Attributes.Length == 0)
        {
            return true; // most elements: no attribute to hide them
        }

        if (element.HasAttribute("hidden"))
        {
            return false;
        }

        var style = element.GetAttribute("style");
        if (style is null)
        {
            return true;
        }

        var compact = style.Replace(" ", string.Empty, StringComparison.Ordinal);
        return !compact.Contains("display:none", StringComparison.OrdinalIgnoreCase) && !compact.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Elements whose <c>header</c> and <c>footer</c> belong to the content, not to the site.</summary>
    private static bool IsContentLandmark(IElement element) => element.LocalName is "main" or "article" or "section";

    /// <summary>Elements whose text keeps its whitespace and line breaks.</summary>
    private static bool IsPreformatted(IElement element) => element.LocalName is "pre" or "textarea" or "listing" or "xmp";

    /// <summary>
    /// The number of the next item of an ordered list: its <c>start</c> (1 by default) for the first, one more for
    /// each after. Counted as the items are met, so a long list costs one step per item.
    /// </summary>
    private int NextNumber(IElement list)
    {
        if (!_listNumbers.TryGetValue(list, out var next))
        {
            next = int.TryParse(list.GetAttribute("start"), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var start) ? start : 1;
        }

        _listNumbers[list] = next + 1;
        return next;
    }

    private void RequireBreaks(int count)
    {
        if (count > 0 && _text.Length > 0)
        {
            _pendingBreaks = Math.Max(_pendingBreaks, count);
        }
    }

    private void HardBreak()
    {
        FlushBreaks();
        NewLine();
    }

    private void AppendText(string data, bool preformatted)
    {
        Work += data.Length;
        foreach (var c in data)
        {
            if (preformatted)
            {
                if (c == '\n')
                {
                    HardBreak();
                }
                else if (c != '\r')
                {
                    Put(c);
                }

                continue;
            }

            // Collapsible whitespace (not U+00A0, which pages use inside amounts) becomes one space between words.
            if (c is ' ' or '\t' or '\n' or '\r' or '\f')
            {
                _spacePending = _lineHasText;
                continue;
            }

            if (_spacePending)
            {
                _spacePending = false;
                if (_pendingBreaks == 0 && _text.Length > 0 && _text[^1] is not (' ' or '\t'))
                {
                    Put(' ');
                }
            }

            Put(c);
        }
    }

    private void Put(char c)
    {
        FlushBreaks();
        if (!_lineHasText)
        {
            _origins.Add(_current);
            _lineHasText = true;
        }

        _text.Append(c);
    }

    private void FlushBreaks()
    {
        if (_pendingBreaks == 0)
        {
            return;
        }

        var breaks = _pendingBreaks;
        _pendingBreaks = 0;
        for (var i = 0; i < breaks; i++)
        {
            NewLine();
        }
    }

    /// <summary>Trailing spaces end no line of a page.</summary>
    private void TrimTrailingSpaces()
    {
        var end = _text.Length;
        while (end > 0 && _text[end - 1] == ' ')
        {
            end--;
        }

        if (end != _text.Length)
        {
            // Only when there is something to cut: setting the length of a StringBuilder whose last chunk is empty
            // rebuilds a chunk, which once per line made a page of many lines quadratic.
            _text.Length = end;
        }
    }

    private void NewLine()
    {
        TrimTrailingSpaces();
        if (!_lineHasText)
        {
            _origins.Add(_current);
        }

        _text.Append('\n');
        _lineHasText = false;
        _spacePending = false;
    }

    private HtmlPageText Finish()
    {
        TrimTrailingSpaces();
        if (!_lineHasText)
        {
            _origins.Add(_current); // the last line is empty: it still has a place in the HTML
        }

        return new HtmlPageText(_text.ToString(), [.. _origins], [.. _setAside]);
    }
}
