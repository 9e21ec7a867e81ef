using System.Collections.Immutable;
using System.Text;

namespace Esf.Projects.Html;

/// <summary>
/// An HTML page's bytes to text, with the same rules as a text page and the page's own declaration where the bytes
/// agree with it. A byte order mark decides; otherwise bytes that are valid UTF-8 are UTF-8, whatever the page
/// declares (ESF0014 when it declares another encoding and the bytes hold anything beyond ASCII); bytes that are not
/// UTF-8 are read in the single-byte encoding the page declares, or, when it declares none or UTF-8, as a text page
/// is (Windows-1252 with ESF0011). Every diagnostic of decoding is at line 1, column 1: it concerns the whole page.
/// </summary>
/// <remarks>
/// The declaration is looked for as browsers pre-scan for it: <c>charset=</c> inside a <c>&lt;meta&gt;</c> tag in the
/// first 1 024 bytes (which covers <c>&lt;meta charset&gt;</c> and <c>http-equiv="Content-Type"</c>). As the WHATWG
/// encoding standard says, <c>iso-8859-1</c>, <c>latin1</c> and <c>us-ascii</c> mean Windows-1252, and a declared
/// UTF-16 means UTF-8 (a page that declares it in ASCII bytes is not UTF-16).
/// </remarks>
internal static class HtmlEncoding
{
    private const int PrescanBytes = 1024;

    public static string Decode(ReadOnlySpan<byte> bytes, EsfProjectParser parser, out ImmutableArray<Diagnostic> diagnostics)
    {
        var bom = bytes is [0xEF, 0xBB, 0xBF, ..] or [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..];
        var declared = bom || parser.Options.InputEncoding is not null ? null : Declared(bytes);
        var valid = System.Text.Unicode.Utf8.IsValid(bytes);
        if (declared is not null && !valid)
        {
            // The bytes are not UTF-8 and the page says what they are: a single-byte encoding decodes every byte.
            var max = parser.Options.MaxInputLength;
            var text = declared.GetString(bytes[..(int)Math.Min(bytes.Length, (long)max + 1)]);
            if (text.Length > max)
            {
                diagnostics = [EsfHtml.Make(DiagnosticCodes.InputTooLong, 1, 1, max)];
                return text[..max];
            }

            diagnostics = [];
            return text;
        }

        var decoded = parser.Decode(bytes, out diagnostics);
        if (declared is not null && valid && bytes.IndexOfAnyExceptInRange((byte)0, (byte)0x7F) >= 0)
        {
            diagnostics = diagnostics.Insert(0, EsfHtml.Make(DiagnosticCodes.DeclaredEncodingContradicted, 1, 1, declared.WebName, "UTF-8"));
        }

        return decoded;
    }

    /// <summary>The single-byte encoding the page declares; <see langword="null"/> for none, UTF-8, UTF-16 or a name no encoding has.</summary>
    private static Encoding? Declared(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, PrescanBytes)]);
        var meta = 0;
        while ((meta = head.IndexOf("<meta", meta, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var end = head.IndexOf('>', meta);
            var tag = end < 0 ? head[meta..] : head[meta..end];
            meta += 5;
            var charset = tag.IndexOf("charset", StringComparison.OrdinalIgnoreCase);
            if (charset < 0)
            {
                continue;
            }

            var i = charset + "charset".Length;
            while (i < tag.Length && tag[i] is ' ' or '\t' or '\n' or '\r')
            {
                i++;
            }

            if (i >= tag.Length || tag[i] != '=')
            {
                continue;
            }

            i++;
            while (i < tag.Length && tag[i] is ' ' or '\t' or '\n' or '\r' or '"' or '\'')
            {
                i++;
            }

            var start = i;
            while (i < tag.Length && (char.IsAsciiLetterOrDigit(tag[i]) || tag[i] is '-' or '_' or ':' or '.'))
            {
                i++;
            }

            return ByLabel(tag[start..i]);
        }

        return null;
    }

    private static Encoding? ByLabel(string label)
    {
        var name = label.Trim().ToLowerInvariant();
        if (name.Length == 0 || name is "utf-8" or "utf8" or "unicode-1-1-utf-8" or "utf-16" or "utf-16le" or "utf-16be" or "unicode")
        {
            return null;
        }

        if (name is "iso-8859-1" or "iso8859-1" or "latin1" or "l1" or "us-ascii" or "ascii" or "cp1252" or "windows-1252" or "x-cp1252")
        {
            name = "windows-1252";
        }

        try
        {
            var encoding = CodePagesEncodingProvider.Instance.GetEncoding(name) ?? Encoding.GetEncoding(name);
            return encoding.IsSingleByte ? encoding : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
