using Esf.Projects.Html;

namespace Esf.Projects.Tests.Html;

/// <summary>
/// A label and its value in a table row (<c>&lt;th&gt;</c>/<c>&lt;td&gt;</c>) or a definition list (<c>&lt;dt&gt;</c>/<c>&lt;dd&gt;</c>)
/// are one header row whatever the label, known or not, with or without a colon; two such rows never merge.
/// </summary>
public class HtmlRowTests
{
    private const string Rows = "<tr><th>Diarienummer:</th><td>2019/00871</td></tr><tr><th>Okänd etikett:</th><td>värde ett</td></tr>"
        + "<tr><th>Annan etikett:</th><td>värde två</td></tr><tr><th>Projektägare:</th><td>Kommunen</td></tr>";

    public static TheoryData<string> Pages => new()
    {
        $"<html><body><h1>2019/00871 - Vägar framåt</h1><table>{Rows}</table><p>Text här.</p></body></html>",
        $"<html><body><h1>2019/00871 - Vägar framåt</h1><table>{Rows.Replace(":<", "<", StringComparison.Ordinal)}</table><p>Text här.</p></body></html>",
        "<html><body><h1>2019/00871 - Vägar framåt</h1><dl><dt>Diarienummer</dt><dd>2019/00871</dd><dt>Okänd etikett</dt><dd>värde ett</dd>"
            + "<dt>Annan etikett</dt><dd>värde två</dd><dt>Projektägare</dt><dd>Kommunen</dd></dl><p>Text här.</p></body></html>",
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public void Each_row_is_one_field_with_its_own_label_and_value(string html)
    {
        var project = EsfHtml.Parse(html).Project;

        Assert.Equal(
            [("Diarienummer", "2019/00871"), ("Okänd etikett", "värde ett"), ("Annan etikett", "värde två"), ("Projektägare", "Kommunen")],
            project.Fields.Select(f => (f.Label, f.Value)));
        Assert.Equal("Kommunen", project.Owner);
        Assert.Equal("Text här.", Assert.Single(project.Sections).Text.ToString());
    }

    [Fact]
    public void Two_unknown_labels_with_tab_separated_values_stay_two_rows_in_a_text_page()
    {
        var project = ProjectParser.Parse("2019/00871 - Vägar framåt\n\nDiarienummer:\n2019/00871\nOkänd etikett:\tvärde ett\nAnnan etikett:\tvärde två\nProjektägare:\nKommunen\n\nText här.\n").Project;

        Assert.Equal([("Okänd etikett", "värde ett"), ("Annan etikett", "värde två")], project.ExtraFields.Select(f => (f.Label, f.Value)));
    }

    [Fact]
    public void A_description_without_a_term_before_it_starts_its_own_line()
    {
        var text = EsfHtml.ToText("<html><body><dl><dt>Term</dt><dd>Ett</dd><dd>Två</dd></dl></body></html>").Text;

        Assert.Equal("Term\tEtt\nTvå", text);
    }
}
