using System.Collections.Immutable;

namespace Esf.Projects.Html;

/// <summary>
/// An HTML page rendered to the text a browser shows, as <see cref="ProjectParser"/> reads it, with the place in the
/// HTML where each line of the text begins.
/// </summary>
public sealed class HtmlPageText
{
    internal HtmlPageText(string text, ImmutableArray<SourcePosition> lineOrigins, ImmutableArray<HtmlSetAside> setAside)
    {
        Text = text;
        LineOrigins = lineOrigins;
        SetAside = setAside;
    }

    /// <summary>
    /// What the renderer left out as site chrome rather than the page's content — navigation, the site's header and
    /// footer, cookie dialogs, breadcrumbs, or everything outside the element the page marks as its content — in the
    /// order met, each with where it starts and why (docs/html.md lists the rules). Hidden elements, scripts and
    /// styles, which a browser never shows, are not listed.
    /// </summary>
    public ImmutableArray<HtmlSetAside> SetAside { get; }

    /// <summary>The rendered text, lines separated by <c>\n</c>.</summary>
    public string Text { get; }

    /// <summary>For each line of <see cref="Text"/> (index 0 is line 1), the line and column in the HTML of the element that began it.</summary>
    public ImmutableArray<SourcePosition> LineOrigins { get; }

    /// <summary>
    /// Where a position in <see cref="Text"/> comes from in the HTML: the start of the element that began its line
    /// (columns within a rendered line do not correspond to the HTML's, where tags and entities take room).
    /// </summary>
    /// <param name="textPosition">A 1-based line and column in <see cref="Text"/>, as diagnostics and the model give them.</param>
    /// <returns>The 1-based line and column in the HTML; the last line's origin for a position past the end.</returns>
    public SourcePosition ToHtml(SourcePosition textPosition) =>
        LineOrigins.IsEmpty ? new SourcePosition(1, 1) : LineOrigins[Math.Clamp(textPosition.Line - 1, 0, LineOrigins.Length - 1)];

    /// <summary>The rendered text.</summary>
    /// <returns><see cref="Text"/>.</returns>
    public override string ToString() => Text;
}

/// <summary>An element the renderer set aside as site chrome.</summary>
/// <param name="Element">The element, as <c>&lt;nav&gt;</c>, or what was left out, as <c>everything outside &lt;main&gt;</c>.</param>
/// <param name="Position">Where the element starts in the HTML (1-based line and column).</param>
/// <param name="Reason">Which rule set it aside: <c>&lt;nav&gt;</c>, <c>role=banner</c>, <c>class or id 'cookie'</c> …</param>
public sealed record HtmlSetAside(string Element, SourcePosition Position, string Reason)
{
    /// <summary>The element, as <c>&lt;nav&gt;</c>, or what was left out, as <c>everything outside &lt;main&gt;</c>.</summary>
    public string Element { get; } = Element;

    /// <summary>Where the element starts in the HTML (1-based line and column).</summary>
    public SourcePosition Position { get; } = Position;

    /// <summary>Which rule set it aside: <c>&lt;nav&gt;</c>, <c>role=banner</c>, <c>class or id 'cookie'</c> …</summary>
    public string Reason { get; } = Reason;
}
