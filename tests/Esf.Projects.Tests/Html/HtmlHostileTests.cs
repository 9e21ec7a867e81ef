using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Esf.Projects.Html;

namespace Esf.Projects.Tests.Html;

/// <summary>
/// HTML that once cost the square of its size, and HTML whose encoding was misread. The cost is counted, not timed:
/// the renderer's work (nodes visited, characters rendered) must grow at most 2.2× when the page doubles, and the tree
/// the HTML parser builds is never deeper than the nesting bound (the HTML5 tree builder looks through the stack of
/// open elements for every tag, so its cost is linear only while the depth is bounded).
/// </summary>
public class HtmlHostileTests
{
    private static Dictionary<string, Func<int, string>> Shapes => HtmlShapes.Makers;

    public static TheoryData<string> ShapeNames => new(Shapes.Keys);

    private static string Repeat(string unit, int n) => HtmlShapes.Repeat(unit, n);

    [Theory]
    [MemberData(nameof(ShapeNames))]
    public void The_renderer_is_linear_in_every_shape_that_was_quadratic(string shape)
    {
        static long Work(string html)
        {
            TextRenderer.Work = 0;
            EsfHtml.ToText(html);
            return TextRenderer.Work;
        }

        var small = Work(Shapes[shape](20_000));
        var large = Work(Shapes[shape](40_000));

        Assert.InRange((double)large / small, 1.5, 2.2);
    }

    [Theory]
    [MemberData(nameof(ShapeNames))]
    public void The_tree_builder_never_gets_a_page_nested_deeper_than_a_browser_builds(string shape)
    {
        var html = NestingLimit.Apply(Shapes[shape](40_000), out _, out _);

        using var document = new HtmlParser().ParseDocument(html);

        Assert.InRange(Depth(document.DocumentElement), 1, NestingLimit.MaxDepth + 8);
    }

    [Fact]
    public void A_hundred_thousand_nested_divs_keep_their_text_with_ESF0015()
    {
        var html = "<html><body><p>Titel</p><p>Projektägare: Kommunen</p><h2>Bakgrund</h2>" + Repeat("<div>", 100_000) + "Djupt ner" + Repeat("</div>", 100_000) + "<p>Efter</p></body></html>";

        var result = EsfHtml.Parse(html);

        var text = string.Join("\n", result.Project.Sections.Select(s => s.Heading + "\n" + s.Text));
        Assert.Contains("Djupt ner", text, StringComparison.Ordinal);
        Assert.Contains("Efter", text, StringComparison.Ordinal);
        var diagnostic = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.HtmlNestedTooDeeply);
        Assert.Equal((1, 71 + (5 * NestingLimit.MaxDepth)), (diagnostic.Line, diagnostic.Column));
        Assert.StartsWith($"{100_000 - NestingLimit.MaxDepth} HTML start tags", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_within_the_bound_is_not_changed()
    {
        var html = "<html><body>" + Repeat("<div>", NestingLimit.MaxDepth - 2) + "x" + Repeat("</div>", NestingLimit.MaxDepth - 2) + "</body></html>";

        Assert.Same(html, NestingLimit.Apply(html, out var flattened, out _));
        Assert.Equal(0, flattened);
    }

    [Fact]
    public void Flattening_keeps_every_position_and_line_break()
    {
        var html = "<html><body>\n" + Repeat("<div\nclass='a>b'>", 600) + "x</body></html>";

        var bounded = NestingLimit.Apply(html, out var flattened, out _);

        Assert.Equal(html.Length, bounded.Length);
        Assert.Equal(html.Count(c => c == '\n'), bounded.Count(c => c == '\n'));
        Assert.Equal(600 - NestingLimit.MaxDepth, flattened); // html and body are not counted: every div past the 512th is set aside
    }

    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    private static string Page(string head) =>
        $"<!DOCTYPE html><html><head>{head}<title>Sida</title></head><body><h1>Brytpunkt</h1><p>Projektägare: Kävlinge Lärcentrum</p><p>Kommun</p><ul><li>Höör</li></ul></body></html>";

    [Fact]
    public void A_windows_1252_page_without_a_declaration_reads_its_letters_with_ESF0011()
    {
        var result = EsfHtml.Parse(Windows1252.GetBytes(Page("")));

        Assert.Equal("Kävlinge Lärcentrum", result.Project.Owner);
        Assert.Equal((1, 1), Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.DecodedWithFallback) is var d ? (d.Line, d.Column) : default);
    }

    [Fact]
    public void A_windows_1252_page_that_claims_utf_8_is_read_by_its_bytes_with_ESF0011()
    {
        var result = EsfHtml.Parse(Windows1252.GetBytes(Page("<meta charset=\"utf-8\">")));

        Assert.Equal("Kävlinge Lärcentrum", result.Project.Owner);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.DecodedWithFallback);
        Assert.DoesNotContain(result.Diagnostics, d => d.Message.Contains('\uFFFD', StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("<meta charset=\"windows-1252\">")]
    [InlineData("<meta charset=iso-8859-1>")]
    [InlineData("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">")]
    public void A_windows_1252_page_that_says_so_is_read_without_a_warning(string meta)
    {
        var result = EsfHtml.Parse(Windows1252.GetBytes(Page(meta)));

        Assert.Equal("Kävlinge Lärcentrum", result.Project.Owner);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code is DiagnosticCodes.DecodedWithFallback or DiagnosticCodes.DeclaredEncodingContradicted);
    }

    [Fact]
    public void A_utf_8_page_that_claims_latin_1_is_read_as_utf_8_with_ESF0014()
    {
        var result = EsfHtml.Parse(Encoding.UTF8.GetBytes(Page("<meta charset=\"iso-8859-1\">")));

        Assert.Equal("Kävlinge Lärcentrum", result.Project.Owner);
        var diagnostic = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.DeclaredEncodingContradicted);
        Assert.Equal((1, 1), (diagnostic.Line, diagnostic.Column));
        Assert.Contains("'windows-1252'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Utf_16_without_a_byte_order_mark_under_a_utf_8_declaration_has_every_position_inside_the_input()
    {
        var html = Page("<meta charset=\"utf-8\">");
        var bytes = Encoding.Unicode.GetBytes(html);

        var result = EsfHtml.Parse(bytes);

        Assert.NotEmpty(result.Diagnostics);
        Assert.All(result.Diagnostics, d => Assert.True(d.Line >= 1 && d.Column >= 1, d.ToString()));
    }

    [Fact]
    public void The_same_page_as_a_stream_and_as_bytes_gives_the_same_result()
    {
        var bytes = Windows1252.GetBytes(Page(""));

        Assert.Equal(EsfHtml.Parse(bytes), EsfHtml.Parse(new MemoryStream(bytes)));
    }

    private static int Depth(IElement? root)
    {
        if (root is null)
        {
            return 0;
        }

        var deepest = 0;
        var stack = new Stack<(IElement Element, int Depth)>();
        stack.Push((root, 1));
        while (stack.Count > 0)
        {
            var (element, depth) = stack.Pop();
            deepest = Math.Max(deepest, depth);
            foreach (var child in element.Children)
            {
                stack.Push((child, depth + 1));
            }
        }

        return deepest;
    }
}
