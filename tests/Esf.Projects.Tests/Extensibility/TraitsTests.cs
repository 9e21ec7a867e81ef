using Esf.Projects.Handlers;

namespace Esf.Projects.Tests.Extensibility;

/// <summary>
/// What the page reader knew of built-in fields by their identity, a field now declares (<see cref="HeaderFieldTraits"/>),
/// and a field of yours that declares the same is read the same way; what the built-in value readers use (the
/// vocabulary, reports inside the value), yours gets too.
/// </summary>
public class TraitsTests
{
    private static HeaderFieldDefinition<string> Text(string key, string label, HeaderFieldTraits traits) =>
        new(key, new Term([label], []), static (HeaderFieldContext c, out string v) => (v = c.Value.ToString()).Length > 0, traits);

    [Fact]
    public void A_field_of_yours_that_holds_a_project_number_counts_as_one()
    {
        const string page = "Vägar framåt\n\nÄrendenummer:\n2019/00871\nProjektägare:\nLuleå kommun\n\nSammanfattning\n\nText.\n";

        var plain = new ProjectParserBuilder().AddHeaderField(Text("caseNumber", "Ärendenummer", HeaderFieldTraits.None)).Build().Parse(page).Project;
        var numbered = new ProjectParserBuilder().AddHeaderField(Text("caseNumber", "Ärendenummer", HeaderFieldTraits.ProjectNumber)).Build().Parse(page).Project;

        Assert.Equal(PageLayout.Unknown, plain.Layout);
        Assert.Empty(plain.ProjectNumbers);
        Assert.Equal(PageLayout.ProjectBank2014To2020, numbered.Layout);
        Assert.Equal<string>(["2019/00871"], numbered.ProjectNumbers);
        Assert.Equal((ProgrammePeriod.Period2014To2020, InferenceConfidence.High), (numbered.Programme?.Period, numbered.Programme?.Confidence));
    }

    [Fact]
    public void A_label_of_yours_that_also_begins_values_is_not_taken_for_a_label_where_a_value_is_expected()
    {
        // Labels alone on their lines, values on the next: "Län Skåne" stands where the owner is expected.
        const string page = "Titel\n\nProjektägare\nLän Skåne\nKontaktperson\nAnna Berg\nRegion\nSydsverige\n\nSammanfattning\n\nText.\n";

        var plain = new ProjectParserBuilder().AddHeaderField(Text("county", "Län", HeaderFieldTraits.None)).Build().Parse(page).Project;
        var declared = new ProjectParserBuilder().AddHeaderField(Text("county", "Län", HeaderFieldTraits.LabelMayStartValue)).Build().Parse(page).Project;

        Assert.Equal((null, "Skåne"), (plain.Owner, plain.Fields.FirstOrDefault(f => f.Kind == "county").Value));
        Assert.Equal(("Län Skåne", "Anna Berg"), (declared.Owner, declared.Contact.Name));
        Assert.DoesNotContain(declared.Fields, f => f.Kind == "county");
    }

    [Fact]
    public void The_built_in_fields_declare_what_the_reader_knew_of_them()
    {
        Assert.Equal(HeaderFieldTraits.LabelMayStartValue, EsfHeaderFields.Region.Traits);
        Assert.Equal(HeaderFieldTraits.GluedLowerCaseEmail, EsfHeaderFields.ContactEmail.Traits);
        Assert.Equal([EsfHeaderFields.ProjectNumber, EsfHeaderFields.DiaryNumber], EsfHeaderFields.All.Where(f => f.Traits.HasFlag(HeaderFieldTraits.ProjectNumber)).Cast<object>().ToArray());
    }

    /// <summary>A yes/no field of yours reads the vocabulary's words, in the parser's languages, and reports where a value goes wrong, as the built-in fields do.</summary>
    private static readonly HeaderFieldDefinition<bool> Digital = new(
        "digital",
        new Term(["Digitalt genomförande"], ["Digital delivery"]),
        static (HeaderFieldContext context, out bool value) =>
        {
            var text = context.Value.Trim().ToString();
            value = context.Vocabulary.Yes.In(context.Languages).Any(y => text.Equals(y, StringComparison.OrdinalIgnoreCase));
            if (value || context.Vocabulary.No.In(context.Languages).Any(n => text.Equals(n, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }

            context.Report(DiagnosticSeverity.Warning, "DIG001", "Neither yes nor no.", text.IndexOf(' ', StringComparison.Ordinal) + 1);
            return false;
        });

    [Fact]
    public void A_field_of_yours_reads_words_and_reports_positions_as_built_in_fields_do()
    {
        var swedish = new ProjectParserBuilder().AddHeaderField(Digital).Build();
        var both = new ProjectParserBuilder().AddHeaderField(Digital).UseEnglishLabels().Build();

        Assert.True(Digital.TryGetValue(swedish.Parse("Titel\nProjektägare: A\nDigitalt genomförande: Ja\n").Project, out var yes) && yes);
        Assert.False(Digital.TryGetValue(swedish.Parse("Titel\nProjektägare: A\nDigitalt genomförande: Yes\n").Project, out _));
        Assert.True(Digital.TryGetValue(both.Parse("Titel\nProjektägare: A\nDigitalt genomförande: Yes\n").Project, out var english) && english);

        var result = swedish.Parse("Titel\nProjektägare: A\nDigitalt genomförande: delvis digitalt\n");
        var diagnostic = Assert.Single(result.Diagnostics, d => d.Code == "DIG001");
        Assert.Equal((3, 31), (diagnostic.Line, diagnostic.Column)); // "digitalt", 7 characters into the value at column 24
    }
}
