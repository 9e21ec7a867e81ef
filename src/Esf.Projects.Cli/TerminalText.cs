using System.Globalization;
using System.Text;

namespace Esf.Projects.Cli;

/// <summary>
/// Text from outside the tool — file names, page text quoted in a diagnostic, an exception's message naming a path —
/// made safe for a line on standard error: control characters (C0, DEL, C1), line and paragraph separators and the
/// bidirectional overrides are written as <c>\x1B</c> or <c>\u202E</c>. So a file name with a newline cannot forge a
/// second diagnostic line, and an escape sequence in a page cannot reach the terminal.
/// </summary>
internal static class TerminalText
{
    /// <summary>The text with every character that could change how the line reads escaped; the same string when there is none.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var first = IndexOfUnsafe(text);
        if (first < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (!IsUnsafe(c))
            {
                escaped.Append(c);
            }
            else if (c <= 0xFF)
            {
                escaped.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                escaped.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        return escaped.ToString();
    }

    private static int IndexOfUnsafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsUnsafe(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsUnsafe(char c) =>
        c < 0x20 || c is >= '\u007F' and <= '\u009F' || c is '\u2028' or '\u2029' || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069';
}
