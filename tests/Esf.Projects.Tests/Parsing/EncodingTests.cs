using System.Text;
using Esf.Projects.Json;

namespace Esf.Projects.Tests.Parsing;

/// <summary>Pages saved in the encodings Windows and other programs write parse to the same project as their UTF-8 original.</summary>
public class EncodingTests
{
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    public static TheoryData<string, string> SeedsAndEncodings
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var seed in Seeds.Names)
            {
                foreach (var encoding in new[] { "utf-8", "utf-8-bom", "utf-16le", "utf-16be", "utf-32le", "utf-32be" })
                {
                    data.Add(seed, encoding);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(SeedsAndEncodings))]
    public void A_seed_in_any_bom_marked_encoding_parses_to_the_same_project(string seed, string encoding)
    {
        var text = Seeds.Text(seed);
        var bytes = Encode(text, encoding);

        var expected = ProjectParser.Parse(text);
        var fromBytes = ProjectParser.Parse(bytes);
        var fromStream = ProjectParser.Parse(new MemoryStream(bytes));

        Assert.Equal(EsfJson.Serialize(expected), EsfJson.Serialize(fromBytes));
        Assert.Equal(EsfJson.Serialize(expected), EsfJson.Serialize(fromStream));
    }

    [Theory]
    [MemberData(nameof(Seeds.All), MemberType = typeof(Seeds))]
    public void A_windows_1252_seed_parses_to_the_same_project_with_a_warning(string seed)
    {
        var text = Seeds.Text(seed);
        var bytes = Windows1252.GetBytes(text);
        Assert.Equal(text, Windows1252.GetString(bytes)); // the seed is representable, so equality below is meaningful

        var expected = ProjectParser.Parse(text);
        var actual = ProjectParser.Parse(bytes);

        Assert.Equal(expected.Project, actual.Project);
        var warning = Assert.Single(actual.Diagnostics, d => d.Code == DiagnosticCodes.DecodedWithFallback);
        Assert.Equal((DiagnosticSeverity.Warning, 1, 1), (warning.Severity, warning.Line, warning.Column));
        Assert.Contains("windows-1252", warning.Message, StringComparison.Ordinal);
        Assert.Equal(expected.Diagnostics.ToArray(), actual.Diagnostics.Remove(warning).ToArray());
    }

    [Fact]
    public void Without_a_fallback_encoding_windows_1252_is_invalid_utf8()
    {
        var parser = new ProjectParserBuilder().Configure(o => o with { FallbackEncoding = null }).Build();

        var result = parser.Parse(Windows1252.GetBytes(Pages.Standard()));

        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.InvalidUtf8);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.DecodedWithFallback);
    }

    [Fact]
    public void Utf8_with_one_stray_byte_stays_utf8()
    {
        // Å, ä and ö are valid two-byte sequences here; the fallback would turn each into two characters (Ã¥).
        var bytes = Encoding.UTF8.GetBytes("Projektnamn: Bärare av ström\n").Append((byte)0xFF).ToArray();

        var result = ProjectParser.Parse(bytes);

        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.InvalidUtf8);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.DecodedWithFallback);
    }

    [Fact]
    public void Bytes_the_fallback_does_not_define_are_not_read_in_it()
    {
        // 0x81 is undefined in Windows-1252; 0x01 is a control character no page holds.
        Assert.DoesNotContain(ProjectParser.Parse("Stad: G\u00E5rd"u8.ToArray().Append((byte)0x81).ToArray()).Diagnostics, d => d.Code == DiagnosticCodes.DecodedWithFallback);
        Assert.DoesNotContain(ProjectParser.Parse(new byte[] { 0x47, 0xE5, 0x01 }).Diagnostics, d => d.Code == DiagnosticCodes.DecodedWithFallback);
    }

    [Fact]
    public void A_forced_encoding_is_used_whatever_the_bytes_hold()
    {
        // UTF-16 without a byte order mark would otherwise be taken for UTF-8 with a NUL after every ASCII letter.
        var parser = new ProjectParserBuilder().Configure(o => o with { InputEncoding = Encoding.Unicode }).Build();
        var text = Pages.Standard();

        var result = parser.Parse(Encoding.Unicode.GetBytes(text));

        Assert.Equal(ProjectParser.Parse(text).Project, result.Project);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code is DiagnosticCodes.DecodedWithFallback or DiagnosticCodes.InvalidUtf8);
    }

    [Fact]
    public void An_invalid_sequence_in_a_bom_marked_encoding_is_positioned()
    {
        // A lone low surrogate in UTF-16 LE on line 2, column 3.
        var bytes = Encode("ab\ncd", "utf-16le").Concat(new byte[] { 0x00, 0xDC }).Concat(Encoding.Unicode.GetBytes("ef")).ToArray();

        var result = ProjectParser.Parse(bytes);

        var error = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.InvalidEncodedText);
        Assert.Equal((DiagnosticSeverity.Error, 2, 3), (error.Severity, error.Line, error.Column));
        Assert.Contains("utf-16", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Utf16_input_is_limited_in_characters_not_bytes()
    {
        var parser = new ProjectParserBuilder().Configure(o => o with { MaxInputLength = 100 }).Build();
        var bytes = Encode(Pages.Standard(), "utf-16le");

        var result = parser.Parse(new MemoryStream(bytes));

        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.InputTooLong);
    }

    private static byte[] Encode(string text, string encoding) => encoding switch
    {
        "utf-8" => Encoding.UTF8.GetBytes(text),
        "utf-8-bom" => [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)],
        "utf-16le" => [.. Encoding.Unicode.Preamble, .. Encoding.Unicode.GetBytes(text)],
        "utf-16be" => [.. Encoding.BigEndianUnicode.Preamble, .. Encoding.BigEndianUnicode.GetBytes(text)],
        "utf-32le" => [.. Encoding.UTF32.Preamble, .. Encoding.UTF32.GetBytes(text)],
        "utf-32be" => [.. new UTF32Encoding(true, true).Preamble, .. new UTF32Encoding(true, true).GetBytes(text)],
        _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
    };
}
