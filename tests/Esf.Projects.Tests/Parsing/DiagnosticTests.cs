
namespace Esf.Projects.Tests.Parsing;

/// <summary>Each diagnostic, asserted by code, line and column (the header's amount line is line 13, the period line 15).</summary>
public class DiagnosticTests
{
    public static TheoryData<int, string, string, int, int> FieldValueProblems => new()
    {
        // header index, line text, code, line, column
        { 6, "Beviljat ESF-stöd3 493 248 euro", DiagnosticCodes.InvalidAmount, 13, 28 },
        { 6, "Beviljat ESF-stöd12 34 kr", DiagnosticCodes.InvalidAmount, 13, 21 },
        { 6, "Beviljat ESF-stöd1.234.567 kr", DiagnosticCodes.InvalidAmount, 13, 19 },
        { 6, "Beviljat ESF-stöd100 000 000 000 000 000 000 000 000 000 kr", DiagnosticCodes.AmountOverflow, 13, 18 },
        { 7, "Total projektbudget: okänd", DiagnosticCodes.InvalidAmount, 14, 22 },
        { 8, "Projektperiod2014-02-30 till 2014-09-30", DiagnosticCodes.ImpossibleDate, 15, 14 },
        { 8, "Projektperiod2012-02-01 till 2014-09-31", DiagnosticCodes.ImpossibleDate, 15, 30 },
        { 8, "Projektperiod2014-09-30 till 2012-02-01", DiagnosticCodes.ReversedPeriod, 15, 30 },
        { 8, "Projektperiod2012-02-01", DiagnosticCodes.InvalidPeriod, 15, 24 },
        { 8, "Projektperiod: hösten 2012", DiagnosticCodes.InvalidPeriod, 15, 16 },
        { 0, "ProgramområdeKompetensförsörjning", DiagnosticCodes.ProgramAreaWithoutNumber, 7, 14 },
        { 4, "E-postroger.alfh@@kavlinge", DiagnosticCodes.InvalidEmail, 11, 7 },
        { 5, "Telefonnummer46-739443", DiagnosticCodes.InvalidPhone, 12, 14 },
        { 5, "Telefonnummer: 046-739443 ankn. 12", DiagnosticCodes.InvalidPhone, 12, 27 },
    };

    [Theory]
    [MemberData(nameof(FieldValueProblems))]
    public void Unparsable_field_values(int headerIndex, string line, string code, int expectedLine, int expectedColumn)
    {
        var result = ProjectParser.Parse(Pages.WithHeaderLine(headerIndex, line));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(code, diagnostic.Code);
        Assert.Equal(expectedLine, diagnostic.Line);
        Assert.Equal(expectedColumn, diagnostic.Column);
        Assert.Equal(DiagnosticCodes.Find(code)!.Severity, diagnostic.Severity);
        Assert.Contains(line[^4..], diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unparsable_amount_keeps_its_text_in_fields()
    {
        var result = ProjectParser.Parse(Pages.WithHeaderLine(6, "Beviljat ESF-stöd3 493 248 euro"));

        Assert.Null(result.Project.GrantedEsfSupport);
        Assert.Equal("3 493 248 euro", result.Project.Fields[6].Value);
        Assert.True(result.HasErrors);
    }

    [Fact]
    public void Granted_support_larger_than_total_budget()
    {
        var result = ProjectParser.Parse(Pages.WithHeaderLine(7, "Total projektbudget1 000 kr"));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.GrantedExceedsTotal, DiagnosticSeverity.Warning, 13, 18), (diagnostic.Code, diagnostic.Severity, diagnostic.Line, diagnostic.Column));
        Assert.Contains("3493248", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_field_given_twice()
    {
        var header = Pages.StandardHeader.Append("ProjektägareNågon annan");

        var result = ProjectParser.Parse(Pages.With(header));

        Assert.Equal("Kävlinge Lärcentrum", result.Project.Owner);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.DuplicateField, 17, 1), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
        Assert.Equal("Någon annan", Assert.Single(result.Project.ExtraFields).Value);
    }

    [Fact]
    public void No_header_found()
    {
        var result = ProjectParser.Parse("Logotyp på utskrifter\n\nEtt projekt\n\nSammanfattning\n\nText här.");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.NoHeader, DiagnosticSeverity.Error, 1, 1), (diagnostic.Code, diagnostic.Severity, diagnostic.Line, diagnostic.Column));
        Assert.Equal("Ett projekt", result.Project.Title);
        Assert.Equal("Sammanfattning", Assert.Single(result.Project.Sections).Heading);
    }

    [Fact]
    public void No_title_before_the_header()
    {
        var page = string.Join("\n", Pages.StandardHeader.Concat(["In English", ""]).Concat(Pages.StandardBody));

        var result = ProjectParser.Parse(page);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.NoTitle, 1, 1), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
        Assert.Null(result.Project.Title);
    }

    [Fact]
    public void Planned_participants_and_cofinancing_rate_that_are_not_numbers()
    {
        var header = Pages.StandardHeader.Concat(["Planerat antal deltagare: många", "Unionens medfinansieringsgrad: hälften"]);

        var result = ProjectParser.Parse(Pages.With(header));

        Assert.Equal(
            [(DiagnosticCodes.InvalidNumber, 17, 27), (DiagnosticCodes.InvalidPercentage, 18, 32)],
            result.Diagnostics.Select(d => (d.Code, d.Line, d.Column)));
        Assert.Null(result.Project.PlannedParticipants);
        Assert.Null(result.Project.EuCofinancingRate);
    }

    [Fact]
    public void Control_characters_are_reported_where_they_are()
    {
        var result = ProjectParser.Parse(Pages.Standard().Replace("Brytpunkt", "Bryt\0punkt", StringComparison.Ordinal));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.ControlCharacters, 5, 5), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
    }

    /// <summary>Every offset across the vector widths a search uses and the scalar tail after them, each kind of control character, the first of two reported.</summary>
    [Fact]
    public void Control_characters_are_found_at_every_offset_and_tab_line_and_form_feeds_are_not_ones()
    {
        char[] controls = [.. Enumerable.Range(0, 32).Select(c => (char)c).Where(c => c is not ('\t' or '\n' or '\f' or '\r')), '\u007F'];
        for (var at = 0; at < 40; at++)
        {
            foreach (var control in controls)
            {
                var line = new string('a', 40).ToCharArray();
                line[at] = control;
                if (at + 3 < line.Length)
                {
                    line[at + 3] = '\u0001'; // a second one, later on the line: the first is reported
                }

                var result = ProjectParser.Parse("Titel\nProjektägare: A\n\nBakgrund\n\n" + new string(line) + "\n");

                var reported = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.ControlCharacters);
                Assert.Equal((6, at + 1), (reported.Line, reported.Column));
            }
        }

        Assert.DoesNotContain(ProjectParser.Parse("Titel\nProjektägare: A\n\nBakgrund\n\nText\twith\ftabs\r\nand ends\u0080 \u00A0.\n").Diagnostics, d => d.Code == DiagnosticCodes.ControlCharacters);
    }

    [Fact]
    public void A_heading_with_no_content()
    {
        var body = new[] { "Sammanfattning", "", "Text.", "", "Kommun" };

        var result = ProjectParser.Parse(Pages.With(Pages.StandardHeader, body: body));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.EmptySection, DiagnosticSeverity.Info, 23, 1), (diagnostic.Code, diagnostic.Severity, diagnostic.Line, diagnostic.Column));
        Assert.Empty(result.Project.Municipalities);
    }

    [Fact]
    public void Diagnostics_are_ordered_by_position()
    {
        var header = Pages.StandardHeader.ToArray();
        header[8] = "Projektperiod2014-09-30 till 2012-02-01";
        header[6] = "Beviljat ESF-stödx";

        var result = ProjectParser.Parse(Pages.With(header));

        Assert.Equal([13, 15], result.Diagnostics.Select(d => d.Line));
    }

    [Fact]
    public void Compiler_style_text()
    {
        var diagnostic = new Diagnostic(DiagnosticCodes.ReversedPeriod, DiagnosticSeverity.Warning, 19, 14, "msg");

        Assert.Equal("(19,14): warning ESF0205: msg", diagnostic.ToString());
        Assert.Equal("info", Diagnostic.SeverityText(DiagnosticSeverity.Info));
        Assert.Equal("error", Diagnostic.SeverityText(DiagnosticSeverity.Error));
        Assert.Equal("(3,4)", new SourcePosition(3, 4).ToString());
    }

    [Fact]
    public void Catalogue_codes_are_unique_and_well_formed()
    {
        var codes = DiagnosticCodes.All.Select(d => d.Code).ToList();

        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, c => Assert.Matches("^ESF[0-9]{4}$", c));
        Assert.Null(DiagnosticCodes.Find("ESF9999"));
        Assert.All(DiagnosticCodes.All, d => Assert.Same(d, DiagnosticCodes.Find(d.Code)));
    }

    /// <summary>Titles are what tools show in a list of codes: one distinct sentence each, never empty.</summary>
    [Fact]
    public void Catalogue_titles_are_distinct_one_line_sentences()
    {
        Assert.All(DiagnosticCodes.All, d => Assert.Matches("^[A-Z][^\\n]{10,}\\.$", d.Title));
        Assert.Equal(DiagnosticCodes.All.Length, DiagnosticCodes.All.Select(d => d.Title).Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>docs/diagnostics.md is the catalogue rendered: after a change to <see cref="DiagnosticCodes.All"/>, regenerate it with <c>ESF_UPDATE_DOCS=1 dotnet test</c>.</summary>
    [Fact]
    public void The_catalogue_in_the_docs_is_the_catalogue_in_the_code()
    {
        var path = Path.Combine(Seeds.RepositoryRoot, "docs", "diagnostics.md");
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        var start = text.IndexOf(CatalogueStart, StringComparison.Ordinal);
        var end = text.IndexOf(CatalogueEnd, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "docs/diagnostics.md has no generated catalogue between the markers");

        var rendered = text[..(start + CatalogueStart.Length)] + "\n" + RenderCatalogue() + text[end..];
        if (Environment.GetEnvironmentVariable("ESF_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, rendered);
        }

        Assert.Equal(rendered, text);
    }

    [Fact]
    public void Every_code_has_its_reason_in_the_docs()
    {
        var text = File.ReadAllText(Path.Combine(Seeds.RepositoryRoot, "docs", "diagnostics.md"));
        Assert.All(DiagnosticCodes.All, d => Assert.Contains($"- **{d.Code}** ({Diagnostic.SeverityText(d.Severity)})", text, StringComparison.Ordinal));
    }

    private const string CatalogueStart = "<!-- catalogue: generated from DiagnosticCodes.All by DiagnosticTests -->";
    private const string CatalogueEnd = "<!-- end of catalogue -->";

    private static string RenderCatalogue()
    {
        var lines = new System.Text.StringBuilder("| Code | Severity | Title | Message |\n|---|---|---|---|\n");
        foreach (var d in DiagnosticCodes.All)
        {
            lines.Append("| ").Append(d.Code).Append(" | ").Append(Diagnostic.SeverityText(d.Severity)).Append(" | ").Append(d.Title)
                .Append(" | ").Append(d.MessageFormat.Replace("|", "\\|", StringComparison.Ordinal)).Append(" |\n");
        }

        return lines.ToString();
    }
}
