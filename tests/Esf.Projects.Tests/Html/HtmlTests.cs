using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Esf.Projects.Html;

namespace Esf.Projects.Tests.Html;

/// <summary>
/// Every seed and every layout example, written as HTML in three structures a project page plausibly has, parses
/// through <see cref="EsfHtml"/> to the same project as its text. The project bank's own HTML is not available, so
/// these structures stand in for it: paragraphs with line breaks; headings, labelled spans, lists and blocks; a
/// table of fields inside navigation, scripts, styles and hidden banners.
/// </summary>
public partial class HtmlTests
{
    public static TheoryData<string, string> Pages
    {
        get
        {
            var data = new TheoryData<string, string>();
            var pages = TestPages.RelativePaths;
            foreach (var page in pages)
            {
                foreach (var structure in new[] { "paragraphs", "semantic", "table", "cms", "cms-classes", "cms-definitions" })
                {
                    data.Add(page, structure);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void A_page_as_html_parses_to_the_same_project_as_its_text(string page, string structure)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, page)).ReplaceLineEndings("\n");
        var expected = ProjectParser.Parse(text);
        var html = structure switch
        {
            "paragraphs" => Paragraphs(text),
            "semantic" => Semantic(text, expected, table: false),
            "cms" => Cms(Semantic(text, expected, table: false), landmarks: true),
            "cms-classes" => Cms(Semantic(text, expected, table: false), landmarks: false),
            "cms-definitions" => Cms(Semantic(text, expected, table: false, definitions: true), landmarks: true),
            _ => Semantic(text, expected, table: true),
        };

        var actual = EsfHtml.Parse(html);

        Assert.Equal(Facts(expected), Facts(actual));
        var json = Esf.Projects.Json.EsfJson.Serialize(actual);
        Assert.All(ChromeText, chrome => Assert.DoesNotContain(chrome, json, StringComparison.Ordinal));
        Assert.Equal(actual, EsfHtml.Parse(new MemoryStream(Encoding.UTF8.GetBytes(html))));
    }

    [Fact]
    public void Diagnostics_point_into_the_html()
    {
        var html = "<!DOCTYPE html>\n<html><body>\n<h1>Brytpunkt</h1>\n<div><span>Total projektbudget</span><span>1 000 kr</span></div>\n<div><span>Beviljat ESF-stöd</span><span>5 000 kr</span></div>\n<div>Projektägare<span>Ägare AB</span></div>\n</body></html>";

        var result = EsfHtml.Parse(html);
        var page = EsfHtml.ToText(html);

        var warning = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.GrantedExceedsTotal);
        Assert.Equal((5, 6), (warning.Line, warning.Column)); // the span that begins the line of the granted support
        Assert.Equal("Brytpunkt\n\nTotal projektbudget1 000 kr\nBeviljat ESF-stöd5 000 kr\nProjektägareÄgare AB", page.Text);
        Assert.Equal(new SourcePosition(3, 1), page.ToHtml(new SourcePosition(1, 5)));
    }

    [Fact]
    public void The_renderer_follows_the_rendered_text_rules()
    {
        const string html = """
            <html><head><title>not shown</title><style>p { color: red }</style><script>var x = "<p>no</p>";</script></head>
            <body>
            <nav hidden>Meny</nav><div style="display: none">Vi använder kakor</div><template><p>mall</p></template>
            <p>Ett   stycke
            över två   rader &amp; en&nbsp;entitet</p>
            <ul><li> Kävlinge </li><li>Lund</li></ul><ol start="3"><li>tre</li><li>fyra</li></ol>
            <table><tr><th>Etikett</th><td>värde</td></tr></table>
            <p>rad ett<br>rad två <img alt="Logotyp på utskrifter" src="x.png"> slut</p>
            <pre>  förformaterad
              text</pre>
            </body></html>
            """;

        var text = EsfHtml.ToText(html).Text;

        Assert.Equal(
            "Ett stycke över två rader & en\u00A0entitet\n\n• Kävlinge\n• Lund\n\n3. tre\n4. fyra\n\nEtikett\tvärde\n\nrad ett\nrad två Logotyp på utskrifter slut\n\n  förformaterad\n  text",
            text);
    }

    [Theory]
    [InlineData("<html><body><p>unclosed <b>bold <i>both</p><table><tr><td><table><tr><td>nested</table></body>")]
    [InlineData("")]
    [InlineData("<html></html>")]
    [InlineData("<!DOCTYPE html><html><head></head></html>")]
    [InlineData("\0\u0001binary\uFFFF<<<>>>&&&;")]
    public void Malformed_html_gives_a_result_and_diagnostics(string html)
    {
        var result = EsfHtml.Parse(html);

        Assert.NotNull(result.Project);
        Assert.NotEmpty(result.Diagnostics);
    }

    [Fact]
    public void A_ten_megabyte_page_gives_a_result()
    {
        var row = "<tr><td>Kommun</td><td><ul><li>Lund</li><li>Malmö</li></ul></td></tr>";
        var html = "<html><body><h1>Stor sida</h1><table>" + string.Concat(Enumerable.Repeat(row, (10 << 20) / row.Length)) + "</table></body></html>";

        var result = EsfHtml.Parse(html);

        Assert.NotNull(result.Project);
        Assert.True(EsfHtml.ToText(html).Text.Length > 1_000_000);
    }

    /// <summary>The HTML reader read its stream to the end, whatever the input limit: an endless stream never returned.</summary>
    [Fact]
    public void An_endless_html_stream_ends_at_the_input_limit()
    {
        var parser = new ProjectParserBuilder().Configure(o => o with { MaxInputLength = 10_000 }).Build();
        var stream = new Hostile.EndlessStream("<html><body><h1>Brytpunkt</h1><p>Projektägare: Kävlinge Lärcentrum</p><p>");

        var result = EsfHtml.Parse(stream, parser);

        Assert.Equal("Brytpunkt", result.Project.Title);
        Assert.Equal("Kävlinge Lärcentrum", result.Project.Owner);
        Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.InputTooLong);
        Assert.Equal(parser.Options.MaxInputBytes + 1, stream.Served); // the limit, and one byte to see there is more
    }

    [Fact]
    public void Html_longer_than_the_input_limit_is_cut_with_ESF0006()
    {
        var parser = new ProjectParserBuilder().Configure(o => o with { MaxInputLength = 1_000 }).Build();
        // Markup the reader shows nothing of: the text stays short, the HTML does not.
        var html = "<html><body><h1>Brytpunkt</h1><p>Projektägare: Kävlinge Lärcentrum</p><script>" + new string('a', 100_000) + "</script></body></html>";

        foreach (var result in new[] { EsfHtml.Parse(html, parser), EsfHtml.Parse(Encoding.UTF8.GetBytes(html), parser) })
        {
            Assert.Equal("Brytpunkt", result.Project.Title);
            Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.InputTooLong);
        }

        var within = EsfHtml.Parse(html[..900], parser);
        Assert.DoesNotContain(within.Diagnostics, d => d.Code == DiagnosticCodes.InputTooLong);
    }

    [Fact]
    public void Binary_bytes_give_a_result()
    {
        var bytes = new byte[64 * 1024];
        new Random(7).NextBytes(bytes);

        var result = EsfHtml.Parse(bytes);

        Assert.True(result.HasErrors);
    }

    [Fact]
    public void The_charset_comes_from_the_meta_element()
    {
        var text = File.ReadAllText(Seeds.Path_("000_196cdacd7e4f6bec.txt")).ReplaceLineEndings("\n");
        var html = Paragraphs(text).Replace("<head>", "<head><meta charset=\"windows-1252\">", StringComparison.Ordinal);
        var bytes = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(html);

        var result = EsfHtml.Parse(bytes);

        Assert.Equal("Kävlinge Lärcentrum", result.Project.Owner);
    }

    [Fact]
    public void Html_is_recognised_by_its_first_bytes()
    {
        Assert.True(EsfHtml.LooksLikeHtml("\uFEFF  <!DOCTYPE HTML>\n<html>"u8));
        Assert.True(EsfHtml.LooksLikeHtml("<html lang=\"sv\">"u8));
        Assert.True(EsfHtml.LooksLikeHtml(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("<!doctype html>")).ToArray()));
        Assert.False(EsfHtml.LooksLikeHtml("Logotyp på utskrifter\n\nStäng"u8));
        Assert.False(EsfHtml.LooksLikeHtml("<b>not a document</b>"u8));
    }

    [Fact]
    public void Allocation_grows_linearly_with_the_page()
    {
        static long Allocated(int repeats)
        {
            var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div><span>Kommun</span><ul><li>Lund</li><li>Malmö</li></ul><p>Ett stycke text med <b>fet</b> stil.</p></div>", repeats)) + "</body></html>";
            EsfHtml.Parse(html);
            var before = GC.GetAllocatedBytesForCurrentThread();
            EsfHtml.Parse(html);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        var small = Allocated(2_000);
        var large = Allocated(4_000);
        var input = 2L * 4_000 * 110;

        Assert.InRange((double)large / small, 1.5, 2.2);
        Assert.True(large < 20 * input * 2, $"{large} bytes allocated for {input} bytes of UTF-16 input");
    }

    /// <summary>What must agree: title, every header field, the sections' headings and texts (whitespace runs as HTML collapses them), the lists and the typed facts.</summary>
    private static object Facts(ProjectParseResult result)
    {
        var p = result.Project;
        return string.Join(
            "\n",
            [
                $"title {p.Title}", $"notice {Collapse(p.Notice)}", $"layout {p.Layout}", $"owner {p.Owner} {p.OrganisationNumber}", $"money {p.GrantedEsfSupport} {p.TotalBudget}",
                $"period {p.Period}", $"region {p.Region}", $"number {p.ProjectNumber}", $"contact {p.Contact}",
                .. p.Fields.Select(f => $"field {f.Kind} {Collapse(f.Value)}"),
                .. p.Sections.Select(s => $"section {s.Heading} | {Collapse(s.Text)}"),
                $"municipalities {string.Join(';', p.Municipalities)}", $"partners {string.Join(';', p.Partners)}", $"cofinanciers {string.Join(';', p.CoFinanciers)}",
            ]);
    }

    private static string? Collapse(string? text) => text is null ? null : CollapsibleSpace().Replace(text, " ").Trim();

    [GeneratedRegex("[ \t\r\n\f]+")]
    private static partial Regex CollapsibleSpace();

    private static string Encode(string text) => WebUtility.HtmlEncode(text).Replace("\u00A0", "&nbsp;", StringComparison.Ordinal);

    private static List<List<(int Line, string Text)>> Blocks(string text)
    {
        var blocks = new List<List<(int, string)>>();
        var current = new List<(int, string)>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0)
            {
                if (current.Count > 0)
                {
                    blocks.Add(current);
                    current = [];
                }
            }
            else
            {
                current.Add((i + 1, lines[i]));
            }
        }

        if (current.Count > 0)
        {
            blocks.Add(current);
        }

        return blocks;
    }

    /// <summary>Text of site chrome the CMS-like structures put around a page; none of it may reach the project.</summary>
    private static readonly string[] ChromeText = ["Svenska ESF-rådet", "Så söker du stöd", "Projektbanken &gt;", "Vi använder kakor", "Godkänn alla", "Relaterade projekt", "Dela sidan", "Hoppa till innehållet"];

    /// <summary>
    /// The body of a page as a content-managed site serves it: a skip link, a site header with a menu, breadcrumbs, a
    /// cookie dialog with buttons, the content, share buttons, an aside and a footer. With <paramref name="landmarks"/>
    /// the HTML elements and ARIA roles mark them (and <c>&lt;main&gt;&lt;article&gt;</c> the content); without, only
    /// the class names common sites give them, and the content sits in a plain <c>div</c>.
    /// </summary>
    private static string Cms(string page, bool landmarks)
    {
        var start = page.IndexOf("<body>\n", StringComparison.Ordinal) + "<body>\n".Length;
        var end = page.LastIndexOf("</body>", StringComparison.Ordinal);
        var (head, content, tail) = (page[..start], page[start..end], page[end..]);
        var menu = "<ul><li><a href=\"/\">Start</a></li><li><a href=\"/stod\">Så söker du stöd</a></li><li><a href=\"/projekt\">Projektbanken</a></li></ul>";
        var share = "<div class=\"share\"><button>Dela sidan</button></div>";
        return landmarks
            ? head + "<a class=\"skip-link\" href=\"#main\">Hoppa till innehållet</a>\n"
                + $"<header><div>Svenska ESF-rådet</div><nav aria-label=\"Huvudmeny\">{menu}</nav></header>\n"
                + "<nav aria-label=\"Brödsmulor\" class=\"breadcrumb\"><ol><li>Start</li><li>Projektbanken &gt;</li></ol></nav>\n"
                + "<div role=\"dialog\" aria-label=\"Kakor\"><p>Vi använder kakor.</p><button>Godkänn alla</button></div>\n"
                + $"<main id=\"main\"><article>\n{content}{share}</article></main>\n"
                + "<aside><h2>Relaterade projekt</h2><ul><li>Ett annat projekt</li></ul></aside>\n"
                + "<footer><p>© Svenska ESF-rådet</p><a href=\"/om\">Om webbplatsen</a></footer>\n" + tail
            : head + "<a class=\"skiplink\" href=\"#innehall\">Hoppa till innehållet</a>\n"
                + $"<div class=\"site-header\"><div>Svenska ESF-rådet</div><div class=\"navbar\">{menu}</div></div>\n"
                + "<div class=\"breadcrumbs\">Start / Projektbanken &gt;</div>\n"
                + "<div id=\"cookie-consent\"><p>Vi använder kakor.</p><button>Godkänn alla</button></div>\n"
                + $"<div id=\"innehall\">\n{content}{share}</div>\n"
                + "<div class=\"sidebar\"><h2>Relaterade projekt</h2><ul><li>Ett annat projekt</li></ul></div>\n"
                + "<div class=\"site-footer\"><p>© Svenska ESF-rådet</p></div>\n" + tail;
    }

    /// <summary>Each block of lines a paragraph, its lines separated by line breaks.</summary>
    private static string Paragraphs(string text) =>
        "<!DOCTYPE html>\n<html lang=\"sv\"><head><title>Projekt</title></head><body>\n"
        + string.Concat(Blocks(text).Select(block => "<p>" + string.Join("<br>\n", block.Select(l => Encode(l.Text))) + "</p>\n"))
        + "</body></html>\n";

    /// <summary>
    /// Headings as <c>h2</c>, header rows as a label span and a value span (or, with <paramref name="table"/>, as the
    /// cells of table rows), bulleted lines as list items, other lines as blocks; empty paragraphs between blocks;
    /// with <paramref name="table"/> also navigation, scripts, styles and hidden banners around the content.
    /// </summary>
    private static string Semantic(string text, ProjectParseResult parsed, bool table, bool definitions = false)
    {
        var headings = parsed.Project.Sections.Where(s => s.Heading is not null).Select(s => s.Position.Line).ToHashSet();
        var fields = parsed.Project.Fields.Concat(parsed.Project.ExtraFields)
            .Where(f => f.LabelPosition.Line == f.ValuePosition.Line && f.ValuePosition.Column > f.LabelPosition.Column)
            .GroupBy(f => f.LabelPosition.Line).ToDictionary(g => g.Key, g => g.First());
        var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\"><title>Projekt</title>");
        if (table)
        {
            html.Append("<style>.hidden{display:none}</style><script>document.write('<p>skript</p>');</script>");
        }

        html.Append("</head>\n<body>\n");
        if (table)
        {
            html.Append("<nav hidden><ul><li>Start</li><li>Sök projekt</li></ul></nav>\n<div style=\"display:none\">Vi använder kakor. <button>OK</button></div>\n<template><p>mall</p></template>\n<main>\n");
        }

        var first = true;
        foreach (var block in Blocks(text))
        {
            if (!first)
            {
                html.Append("<p></p>\n");
            }

            first = false;
            for (var i = 0; i < block.Count; i++)
            {
                var (number, line) = block[i];
                if (headings.Contains(number))
                {
                    html.Append("<h2>").Append(Encode(line)).Append("</h2>\n");
                }
                else if (fields.TryGetValue(number, out var field))
                {
                    var split = Math.Min(line.Length, field.ValuePosition.Column - 1);
                    var (label, value) = (line[..split], line[split..]);
                    if (definitions)
                    {
                        // Consecutive rows in one definition list, labels without their colons' trailing space.
                        html.Append("<dl class=\"fields\">\n");
                        var j = i;
                        while (j < block.Count && fields.TryGetValue(block[j].Line, out var f) && !headings.Contains(block[j].Line))
                        {
                            var s = Math.Min(block[j].Text.Length, f.ValuePosition.Column - 1);
                            html.Append("<dt>").Append(Encode(block[j].Text[..s].TrimEnd())).Append("</dt><dd>").Append(Encode(block[j].Text[s..])).Append("</dd>\n");
                            j++;
                        }

                        html.Append("</dl>\n");
                        i = j - 1;
                    }
                    else if (table)
                    {
                        // Consecutive rows in one table.
                        var rows = new StringBuilder();
                        var j = i;
                        while (j < block.Count && fields.TryGetValue(block[j].Line, out var f) && !headings.Contains(block[j].Line))
                        {
                            var s = Math.Min(block[j].Text.Length, f.ValuePosition.Column - 1);
                            rows.Append("<tr><th>").Append(Encode(block[j].Text[..s].TrimEnd())).Append("</th><td>").Append(Encode(block[j].Text[s..])).Append("</td></tr>\n");
                            j++;
                        }

                        html.Append("<table class=\"fields\">\n").Append(rows).Append("</table>\n");
                        i = j - 1;
                    }
                    else
                    {
                        html.Append("<div class=\"field\"><span class=\"label\">").Append(Encode(label)).Append("</span><span class=\"value\">").Append(Encode(value)).Append("</span></div>\n");
                    }
                }
                else if (line.StartsWith("• ", StringComparison.Ordinal))
                {
                    html.Append("<ul>");
                    while (i < block.Count && block[i].Text.StartsWith("• ", StringComparison.Ordinal))
                    {
                        html.Append("<li>").Append(Encode(block[i].Text[2..])).Append("</li>");
                        i++;
                    }

                    i--;
                    html.Append("</ul>\n");
                }
                else
                {
                    html.Append("<div>").Append(Encode(line)).Append("</div>\n");
                }
            }
        }

        if (table)
        {
            html.Append("</main>\n<footer hidden>Svenska ESF-rådet</footer>\n");
        }

        return html.Append("</body></html>\n").ToString();
    }
}
