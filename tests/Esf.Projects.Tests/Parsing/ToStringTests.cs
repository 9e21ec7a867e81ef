namespace Esf.Projects.Tests.Parsing;

/// <summary>What the model prints — in a debugger, a log line or a quick <c>Console.WriteLine</c> — reads like the page.</summary>
public class ToStringTests
{
    [Fact]
    public void A_seed_prints_readably()
    {
        var project = Seeds.Parse("000_196cdacd7e4f6bec.txt").Project;

        Assert.Equal("Brytpunkt (Kävlinge Lärcentrum, 2012-02-01–2014-09-30, 3\u00A0493\u00A0248\u00A0kr)", project.ToString());
        Assert.Equal("Roger Alfh, roger.alfh@kavlinge.se, 046-739443", project.Contact.ToString());
        Assert.Equal("2 Ökat arbetskraftsutbud", project.ProgramArea!.ToString());
        Assert.Equal("Genomförande", project.Phase!.ToString());
        Assert.Equal("Kävlinge (1261)", project.ResolvedMunicipalities[0].ToString());
        Assert.Equal("Skåne län (12)", project.ResolvedMunicipalities[0].County.ToString());
        Assert.StartsWith("Sammanfattning — Projektet Brytpunkts tilltänkta målgrupp", project.Sections[0].ToString(), StringComparison.Ordinal);
        Assert.EndsWith(" …", project.Sections[0].ToString(), StringComparison.Ordinal);

        var partners = project.Sections.Single(s => s.Heading == "Samarbetspartners").Blocks.OfType<ListBlock>().Single();
        Assert.Equal(string.Join("\n", project.Partners.Select(p => "• " + p)), partners.ToString());
        Assert.Equal(project.Partners[0], partners.Items[0].ToString());
        var paragraph = project.Sections[0].Blocks.OfType<ParagraphBlock>().First();
        Assert.Equal(paragraph.Text, paragraph.ToString());
    }
}
