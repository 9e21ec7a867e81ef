using Esf.Projects.Html;

namespace Esf.Projects.Tests.Html;

/// <summary>Content, not chrome: what is set aside, what is kept, and how to see what was set aside.</summary>
public class HtmlChromeTests
{
    [Fact]
    public void An_articles_own_header_and_footer_are_kept()
    {
        var page = EsfHtml.ToText("<html><body><header>Webbplatsen</header><article><header><h1>Brytpunkt</h1></header><p>Text.</p><footer>Publicerad 2020-03-01</footer></article><footer>© Svenska ESF-rådet</footer></body></html>");

        Assert.Contains("Brytpunkt", page.Text, StringComparison.Ordinal);
        Assert.Contains("Publicerad 2020-03-01", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Webbplatsen", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Svenska ESF-rådet", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sections_header_is_kept_without_a_main_element()
    {
        var page = EsfHtml.ToText("<html><body><div><section><header><h2>Bakgrund</h2></header><p>Text.</p></section></div></body></html>");

        Assert.Equal("Bakgrund\n\nText.", page.Text);
        Assert.Empty(page.SetAside);
    }

    [Fact]
    public void What_was_set_aside_is_listed_with_its_place_and_rule()
    {
        var page = EsfHtml.ToText("<html><body>\n<nav>Meny</nav>\n<div class=\"cookie-banner\">Kakor</div>\n<p>Innehåll</p>\n<div role=\"contentinfo\">Sidfot</div>\n</body></html>");

        Assert.Equal("Innehåll", page.Text);
        Assert.Equal<HtmlSetAside>(
            [new HtmlSetAside("<nav>", new SourcePosition(2, 1), "<nav>"), new HtmlSetAside("<div>", new SourcePosition(3, 1), "class or id 'cookie'"), new HtmlSetAside("<div>", new SourcePosition(5, 1), "role=contentinfo")],
            page.SetAside);
    }

    [Fact]
    public void A_page_that_marks_its_content_is_read_from_there_and_says_so()
    {
        var page = EsfHtml.ToText("<html><body><div>Meny utan roll</div>\n<main><h1>Titel</h1><p>Text.</p></main><div>Sidfot utan roll</div></body></html>");

        Assert.Equal("Titel\n\nText.", page.Text);
        Assert.Equal("everything outside <main>", Assert.Single(page.SetAside).Element);
    }

    [Fact]
    public void Button_text_is_rendered_inline_as_a_browser_shows_it()
    {
        var page = EsfHtml.ToText("<html><body><p>Läs mer <button>om projektet</button> här.</p></body></html>");

        Assert.Equal("Läs mer om projektet här.", page.Text);
    }

    [Fact]
    public void Text_in_an_element_hidden_from_assistive_technology_is_set_aside()
    {
        var page = EsfHtml.ToText("<html><body><p>Synlig</p><div aria-hidden=\"true\">Dekor</div></body></html>");

        Assert.Equal("Synlig", page.Text);
    }

    [Fact]
    public void Esf_verbose_lists_what_each_html_page_set_aside()
    {
        var folder = Directory.CreateTempSubdirectory("esf-chrome-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "p.html"), "<!DOCTYPE html><html><body>\n<nav>Meny</nav>\n<p>Titel</p><p>Projektägare: A</p>\n</body></html>");

            var (_, _, stderr) = Cli.CliRunner.Run(null, "parse", "--verbose", "--format", "jsonl", folder);
            var (_, _, quiet) = Cli.CliRunner.Run(null, "parse", "--format", "jsonl", folder);

            Assert.Contains($"esf: {Path.Combine(folder, "p.html")}(2,1): set aside <nav> as site chrome (<nav>)", stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("set aside", quiet, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
