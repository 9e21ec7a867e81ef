using System.Text;
using Esf.Projects.Json;

namespace Esf.Projects.Tests.Parsing;

/// <summary>Parse never throws and always returns a project; diagnostics stay inside the input.</summary>
public class RobustnessTests
{
    [Fact]
    public void Null_throws() => Assert.Throws<ArgumentNullException>(() => ProjectParser.Parse((string)null!));

    [Fact]
    public void Null_stream_throws() => Assert.Throws<ArgumentNullException>(() => ProjectParser.Parse((Stream)null!));

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\n\n\r\n\t \u00A0")]
    [InlineData("\uFEFF")]
    public void Empty_input(string text)
    {
        var result = ProjectParser.Parse(text);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.EmptyInput, 1, 1), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
        Assert.Empty(result.Project.Sections);
        Assert.True(result.Project.Fields.IsEmpty);
    }

    [Fact]
    public void Binary_input()
    {
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);

        var result = ProjectParser.Parse(bytes);

        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.InvalidUtf8);
        Assert.True(result.HasErrors);
    }

    [Fact]
    public void Has_warnings_and_has_errors_each_look_at_their_own_severity()
    {
        var clean = ProjectParser.Parse(Pages.Standard());
        var warned = ProjectParser.Parse("Titel\nProjektägare: A\nProjektägare: B\n");
        var failed = ProjectParser.Parse(new byte[] { 0xFF, 0xFE, 0xFD }.AsSpan());

        Assert.Equal((false, false), (clean.HasWarnings, clean.HasErrors));
        Assert.Contains(warned.Diagnostics, d => d.Code == DiagnosticCodes.DuplicateField);
        Assert.Equal((true, false), (warned.HasWarnings, warned.HasErrors));
        Assert.True(failed.HasErrors);
    }

    [Fact]
    public void Invalid_utf8_is_positioned_and_the_rest_still_parses()
    {
        var bytes = Encoding.UTF8.GetBytes(Pages.Standard()).ToList();
        var at = Encoding.UTF8.GetByteCount("Logotyp på utskrifter\n\nStäng\n\nBryt");
        bytes.Insert(at, 0xFF);

        var result = ProjectParser.Parse(bytes.ToArray());

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.InvalidUtf8, 5, 5), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
        Assert.Equal("Bryt\uFFFDpunkt", result.Project.Title);
        Assert.Equal("Sydsverige", result.Project.Region);
    }

    /// <summary>Pages over 1 MiB are decoded without the pooled buffer: the same text and the same ESF0003 either way.</summary>
    [Theory]
    [InlineData(100)]
    [InlineData(1_100_000)]
    public void Utf8_is_decoded_alike_below_and_above_the_pooled_buffer_limit(int padding)
    {
        var text = Pages.Standard() + "\nBakgrund\n\n" + new string('å', padding) + "\n";
        var valid = Encoding.UTF8.GetBytes(text);
        var invalid = valid.Append((byte)0xC3).ToArray();

        Assert.Equal(EsfJson.Serialize(ProjectParser.Parse(text)), EsfJson.Serialize(ProjectParser.Parse(valid)));
        var diagnostic = Assert.Single(ProjectParser.Parse(invalid).Diagnostics, d => d.Code == DiagnosticCodes.InvalidUtf8);
        Assert.Equal(text.Split('\n').Length, diagnostic.Line);
    }

    [Theory]
    [MemberData(nameof(Seeds.All), MemberType = typeof(Seeds))]
    public void Truncated_anywhere_never_throws_and_positions_stay_inside(string seed)
    {
        var text = Seeds.Text(seed);
        for (var length = 0; length <= text.Length; length += 37)
        {
            var slice = text[..length];
            var result = ProjectParser.Parse(slice);
            var lineCount = slice.Split('\n').Length;
            Assert.NotNull(result.Project);
            Assert.All(result.Diagnostics, d =>
            {
                Assert.InRange(d.Line, 1, lineCount);
                Assert.True(d.Column >= 1);
            });
        }
    }

    [Fact]
    public void Multi_megabyte_input()
    {
        var seed = Seeds.Text("004_f7aabbdad8b61250.txt");
        var big = new StringBuilder(seed);
        while (big.Length < 4_000_000)
        {
            big.Append("\n\nBakgrund\n\n").Append(seed.AsSpan(seed.Length / 2));
        }

        var result = ProjectParser.Parse(big.ToString());

        Assert.Equal("Jobb för alla (Förprojektering)", result.Project.Title);
        Assert.True(result.Project.Sections.Length > 100);
    }

    [Fact]
    public void One_enormous_line_and_a_header_value_with_a_million_digits()
    {
        var page = Pages.WithHeaderLine(6, "Beviljat ESF-stöd" + new string('9', 1_000_000) + " kr");

        var result = ProjectParser.Parse(page);

        Assert.Equal(DiagnosticCodes.AmountOverflow, Assert.Single(result.Diagnostics).Code);
        Assert.Null(result.Project.GrantedEsfSupport);
        Assert.NotNull(ProjectParser.Parse(new string('x', 2_000_000)).Project);
    }

    [Theory]
    [InlineData("•\n•\n•\n")]
    [InlineData("Kommun\n\n•\n- \n1.\n")]
    [InlineData("Programområde\n")]
    [InlineData("Projektperiod\n\nProjektperiod\n")]
    [InlineData("Förtydligande 2011-10-26")]
    [InlineData("Förtydligande 2011-02-30\ntext")]
    [InlineData("In English\nIn English")]
    [InlineData(":\n\t\n:")]
    [InlineData("Region\nRegion\nRegion")]
    [InlineData("ProjektägareX\n\n\n")]
    [InlineData("2020/ - x\nProjektfas: A\nRegion: B")]
    [InlineData("\r\r\r\n\n\rA\r")]
    [InlineData("\uD800\uDC00\uD800 lone surrogate\nProjektfasGenomförande\nRegionSydsverige")]
    public void Odd_fragments_never_throw(string text)
    {
        var result = ProjectParser.Parse(text);

        Assert.NotNull(EsfJson.Serialize(result));
    }
}
