using CsCheck;
using Esf.Projects.Parsing;
using Esf.Projects.Tests.Properties;

namespace Esf.Projects.Tests.Parsing;

/// <summary>The line table against a plain character-by-character split: LF, CRLF and lone CR, wherever they fall
/// relative to the sixteen-character steps of the vectorised search.</summary>
public class SourceTextTests
{
    private static readonly Gen<string> Texts =
        Gen.Char["\n\r ab\t\uFEFFö"].Array[0, 80].Select(chars => new string(chars));

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    [InlineData("\uFEFFtitle\r\nline")]
    [InlineData("fifteen chars.\r\nnext")] // the CR ends one step, the LF starts the next
    [InlineData("0123456789abcde\r\n0123456789abcde\r\r\n\n")]
    public void Lines_are_split_as_a_plain_scan_splits_them(string text) => AssertSplit(text);

    [Fact]
    public void Every_text_is_split_as_a_plain_scan_splits_it() =>
        Texts.Sample(AssertSplit, iter: PropertyRuns.Iterations / 10);

    private static void AssertSplit(string text)
    {
        using var source = SourceText.Create(text);
        Assert.Equal(Reference(text), source.Lines.Select(l => (l.Number, l.LineStart, l.ContentStart, l.ContentEnd)).ToArray());
    }

    private static (int, int, int, int)[] Reference(string text)
    {
        var lines = new List<(int, int, int, int)>();
        var start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var i = start;
        while (true)
        {
            var end = i;
            while (end < text.Length && text[end] is not ('\n' or '\r'))
            {
                end++;
            }

            var contentStart = start;
            while (contentStart < end && IsSpace(text[contentStart]))
            {
                contentStart++;
            }

            var contentEnd = end;
            while (contentEnd > contentStart && IsSpace(text[contentEnd - 1]))
            {
                contentEnd--;
            }

            lines.Add((lines.Count + 1, start, contentStart, contentEnd));
            if (end == text.Length)
            {
                return [.. lines];
            }

            start = i = end + (text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? 2 : 1);
        }
    }

    private static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is '\uFEFF' or '\u200B';
}
